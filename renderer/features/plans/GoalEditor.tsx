import { Group, Paper, Radio, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanGoalView } from '../../../shared/api/contract';
import { GOAL_ACCEPTANCES, PLAN_LIMITS, type GoalAcceptance } from '../../../shared/domain/plan';
import { FormError } from '../session/FormError';
import { SaveState } from '../preparation/SaveState';
import { ItemControls } from './ItemControls';
import { fieldId, ItemLabel, ReadField, useDay, usePlanView } from './planUi';
import { SyncedCard } from './SyncedCard';
import { usePlanMutation } from './usePlan';

interface GoalCardProps {
  goal: PlanGoalView;
  index: number;
  count: number;
  /** After a removal: where focus goes next. */
  onRemoved: () => void;
}

/** One goal: a card of inputs in a draft, text otherwise. */
export function GoalCard(props: GoalCardProps) {
  const { editable } = usePlanView();
  return editable ? <GoalEditor {...props} /> : <GoalView goal={props.goal} index={props.index} />;
}

function GoalHeading({ goalId, n }: { goalId: string; n: number }) {
  const { t } = useTranslation();
  const { level } = usePlanView();
  return (
    <Title order={(level + 1) as 3 | 4} size="h4" id={fieldId('goal', goalId, 'heading')}>
      {t('plans.goals.item', { n })}
    </Title>
  );
}

function GoalView({ goal, index }: { goal: PlanGoalView; index: number }) {
  const { t } = useTranslation();
  const day = useDay();
  const { presentation } = usePlanView();
  const n = index + 1;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={fieldId('goal', goal.id, 'heading')}>
      <Stack gap="sm">
        <GoalHeading goalId={goal.id} n={n} />
        <ReadField label={t('plans.goals.text')}>{goal.text.trim() || null}</ReadField>
        <SimpleGrid cols={{ base: 1, sm: presentation ? 1 : 2 }} spacing="sm">
          <ReadField label={t('plans.goals.targetDate')}>{day(goal.targetDate)}</ReadField>
          <ReadField label={t('plans.goals.acceptance')}>{goal.acceptance && t(`plans.acceptances.${goal.acceptance}`)}</ReadField>
        </SimpleGrid>
        <ReadField label={t('plans.goals.progressMeasure')}>{goal.progressMeasure.trim() || null}</ReadField>
        {(goal.clientWords.trim() !== '' || (goal.acceptance !== null && goal.acceptance !== 'agrees')) && (
          <ReadField label={t('plans.goals.clientWords')}>{goal.clientWords.trim() || null}</ReadField>
        )}
      </Stack>
    </Paper>
  );
}

function GoalEditor({ goal, index, count, onRemoved }: GoalCardProps) {
  const { t } = useTranslation();
  const { caseId, version: v } = usePlanView();
  const save = usePlanMutation(caseId, 'plans.saveGoal');
  const remove = usePlanMutation(caseId, 'plans.removeGoal');
  const move = usePlanMutation(caseId, 'plans.move');
  const [removing, setRemoving] = useState(false);
  const ref = { planId: v.planId, version: v.version };
  const n = index + 1;
  const item = t('plans.goals.item', { n });
  const id = (field: string) => fieldId('goal', goal.id, field);

  const onMove = (direction: 'up' | 'down') =>
    move.mutate(
      { ...ref, what: 'goal', itemId: goal.id, direction },
      // The card moved in the DOM and lost focus: give it back to the same button, or its twin at an end.
      { onSuccess: () => requestAnimationFrame(() => focusMoveButton(id(direction), id(direction === 'up' ? 'down' : 'up'))) },
    );
  const onRemove = () => {
    // Nothing of a goal being removed is saved any more (its unmount would otherwise save it again).
    setRemoving(true);
    remove.mutate({ ...ref, goalId: goal.id }, { onSuccess: onRemoved, onError: () => setRemoving(false) });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id('heading')} data-goal-id={goal.id}>
      <SyncedCard server={goal} serverAt={v.updatedAt} enabled={!removing} save={(g) => save.mutateAsync({ ...ref, goal: g })}>
        {(b) => {
          const g = b.value;
          const notAgreeing = g.acceptance === 'partly' || g.acceptance === 'disagrees';
          return (
            <Stack gap="sm" {...b.focus}>
              <Group justify="space-between" wrap="wrap">
                <GoalHeading goalId={goal.id} n={n} />
                <ItemControls kind="goal" itemId={goal.id} n={n} first={index === 0} last={index === count - 1} busy={move.isPending || remove.isPending} onMove={onMove} onRemove={onRemove} />
              </Group>
              <Textarea
                id={id('text')}
                label={<ItemLabel item={item}>{t('plans.goals.text')}</ItemLabel>}
                withAsterisk
                autosize
                minRows={2}
                maxRows={10}
                maxLength={PLAN_LIMITS.text}
                value={g.text}
                data-field
                onChange={(e) => b.set({ ...g, text: e.currentTarget.value })}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  id={id('targetDate')}
                  type="date"
                  label={<ItemLabel item={item}>{t('plans.goals.targetDate')}</ItemLabel>}
                  value={g.targetDate ?? ''}
                  onChange={(e) => b.set({ ...g, targetDate: e.currentTarget.value || null })}
                />
                <Textarea
                  id={id('progressMeasure')}
                  label={<ItemLabel item={item}>{t('plans.goals.progressMeasure')}</ItemLabel>}
                  description={t('plans.goals.progressMeasureHint')}
                  autosize
                  minRows={1}
                  maxRows={6}
                  maxLength={PLAN_LIMITS.text}
                  value={g.progressMeasure}
                  onChange={(e) => b.set({ ...g, progressMeasure: e.currentTarget.value })}
                />
              </SimpleGrid>
              <Radio.Group
                label={<ItemLabel item={item}>{t('plans.goals.acceptance')}</ItemLabel>}
                withAsterisk
                value={g.acceptance ?? ''}
                onChange={(value) => b.setNow({ ...g, acceptance: value as GoalAcceptance })}
              >
                <Group gap="lg" mt={6}>
                  {GOAL_ACCEPTANCES.map((a, i) => (
                    <Radio key={a} id={i === 0 ? id('acceptance') : undefined} value={a} label={t(`plans.acceptances.${a}`)} />
                  ))}
                </Group>
              </Radio.Group>
              {(notAgreeing || g.clientWords !== '') && (
                <Textarea
                  id={id('clientWords')}
                  label={<ItemLabel item={item}>{t('plans.goals.clientWords')}</ItemLabel>}
                  description={t('plans.goals.clientWordsHint')}
                  withAsterisk={notAgreeing}
                  autosize
                  minRows={2}
                  maxRows={8}
                  maxLength={PLAN_LIMITS.text}
                  value={g.clientWords}
                  onChange={(e) => b.set({ ...g, clientWords: e.currentTarget.value })}
                />
              )}
              <SaveState autosave={b.autosave} />
              <FormError error={move.error ?? remove.error} />
            </Stack>
          );
        }}
      </SyncedCard>
    </Paper>
  );
}

/** Focus after a move: the button pressed, unless the item reached an end and it is now disabled. */
export function focusMoveButton(pressed: string, other: string): void {
  for (const elId of [pressed, other]) {
    const el = document.getElementById(elId);
    if (el instanceof HTMLButtonElement && !el.disabled) {
      el.focus();
      return;
    }
  }
}
