import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_LIMITS } from '../../../shared/domain/plan';
import { FormError } from '../session/FormError';
import { ActionCard } from './ActionEditor';
import { fieldId, focusField, usePlanView } from './planUi';
import { usePlanMutation } from './usePlan';

export const ACTIONS_HEADING = 'plan-actions-heading';

/** The plan's actions, in order; in a draft each can be edited, moved and removed, and more added. */
export function ActionList({ catalogueError }: { catalogueError: unknown }) {
  const { t } = useTranslation();
  const { caseId, version: v, editable, level } = usePlanView();
  const actions = v.content.actions;
  const add = usePlanMutation(caseId, 'plans.saveAction');
  const [focusNext, setFocusNext] = useState<string | null>(null);
  useEffect(() => {
    if (focusNext && focusField(fieldId('action', focusNext, 'service'))) setFocusNext(null);
  }, [focusNext, actions]);

  const onAdd = () => {
    const before = new Set(actions.map((a) => a.id));
    // With a single goal there is nothing to choose: the new action serves it.
    const goalIds = v.content.goals.length === 1 ? [v.content.goals[0]!.id] : [];
    add.mutate(
      {
        planId: v.planId,
        version: v.version,
        action: { serviceId: null, text: '', providerId: null, responsible: '', startDate: null, dueDate: null, goalIds, status: 'planned' },
      },
      { onSuccess: (next) => setFocusNext(next.content.actions.find((a) => !before.has(a.id))?.id ?? null) },
    );
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby={ACTIONS_HEADING}>
      <Title order={level} size="h3" id={ACTIONS_HEADING} tabIndex={-1}>
        {t('plans.actions.title')}
      </Title>
      {editable && <FormError error={catalogueError} />}
      {actions.length === 0 && <Text>{t('plans.actions.none')}</Text>}
      {actions.map((a, i) => (
        <ActionCard key={a.id} action={a} index={i} count={actions.length} onRemoved={() => focusField(fieldId('plan', 'actions', 'add')) || focusField(ACTIONS_HEADING)} />
      ))}
      {editable && (
        <Group>
          <Button id={fieldId('plan', 'actions', 'add')} variant="default" onClick={onAdd} loading={add.isPending} disabled={actions.length >= PLAN_LIMITS.actions}>
            {t('plans.actions.add')}
          </Button>
        </Group>
      )}
      <FormError error={add.error} />
    </Stack>
  );
}
