import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_LIMITS } from '../../../shared/domain/plan';
import { FormError } from '../session/FormError';
import { GoalCard } from './GoalEditor';
import { fieldId, focusField, usePlanView } from './planUi';
import { usePlanMutation } from './usePlan';

export const GOALS_HEADING = 'plan-goals-heading';

/** The plan's goals, in order; in a draft each can be edited, moved and removed, and more added. */
export function GoalList() {
  const { t } = useTranslation();
  const { caseId, version: v, editable, level } = usePlanView();
  const goals = v.content.goals;
  const add = usePlanMutation(caseId, 'plans.saveGoal');
  // A goal just added takes focus as soon as its card is there.
  const [focusNext, setFocusNext] = useState<string | null>(null);
  useEffect(() => {
    if (focusNext && focusField(fieldId('goal', focusNext, 'text'))) setFocusNext(null);
  }, [focusNext, goals]);

  const onAdd = () => {
    const before = new Set(goals.map((g) => g.id));
    add.mutate(
      { planId: v.planId, version: v.version, goal: { text: '', targetDate: null, progressMeasure: '', acceptance: null, clientWords: '' } },
      { onSuccess: (next) => setFocusNext(next.content.goals.find((g) => !before.has(g.id))?.id ?? null) },
    );
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby={GOALS_HEADING}>
      <Title order={level} size="h3" id={GOALS_HEADING} tabIndex={-1}>
        {t('plans.goals.title')}
      </Title>
      {goals.length === 0 && <Text>{t('plans.goals.none')}</Text>}
      {goals.map((g, i) => (
        <GoalCard key={g.id} goal={g} index={i} count={goals.length} onRemoved={() => focusField(fieldId('plan', 'goals', 'add')) || focusField(GOALS_HEADING)} />
      ))}
      {editable && (
        <Group>
          <Button id={fieldId('plan', 'goals', 'add')} variant="default" onClick={onAdd} loading={add.isPending} disabled={goals.length >= PLAN_LIMITS.goals}>
            {t('plans.goals.add')}
          </Button>
        </Group>
      )}
      <FormError error={add.error} />
    </Stack>
  );
}
