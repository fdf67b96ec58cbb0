import { Group, MultiSelect, NativeSelect, Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanActionView } from '../../../shared/api/contract';
import { ACTION_STATUSES, dueBeforeStart, PLAN_LIMITS, type ActionStatus } from '../../../shared/domain/plan';
import { FormError } from '../session/FormError';
import { SaveState } from '../preparation/SaveState';
import { ActionHeading, ActionView } from './ActionView';
import { goalOptions, providerOptions, serviceOptions } from './actionOptions';
import { focusMoveButton } from './GoalEditor';
import { ItemControls } from './ItemControls';
import { fieldId, ItemLabel, usePlanView } from './planUi';
import { SyncedCard } from './SyncedCard';
import { usePlanMutation } from './usePlan';

interface ActionCardProps {
  action: PlanActionView;
  index: number;
  count: number;
  onRemoved: () => void;
}

/** One action: a card of inputs in a draft, text otherwise (with its status now in follow-up). */
export function ActionCard(props: ActionCardProps) {
  const { editable } = usePlanView();
  return editable ? <ActionEditor {...props} /> : <ActionView action={props.action} index={props.index} />;
}

function ActionEditor({ action, index, count, onRemoved }: ActionCardProps) {
  const { t, i18n } = useTranslation();
  const { caseId, version: v, catalogue } = usePlanView();
  const save = usePlanMutation(caseId, 'plans.saveAction');
  const remove = usePlanMutation(caseId, 'plans.removeAction');
  const move = usePlanMutation(caseId, 'plans.move');
  const [removing, setRemoving] = useState(false);
  const ref = { planId: v.planId, version: v.version };
  const n = index + 1;
  const item = t('plans.actions.item', { n });
  const id = (field: string) => fieldId('action', action.id, field);
  const label = (key: string) => <ItemLabel item={item}>{t(`plans.actions.${key}`)}</ItemLabel>;

  const onMove = (direction: 'up' | 'down') =>
    move.mutate(
      { ...ref, what: 'action', itemId: action.id, direction },
      { onSuccess: () => requestAnimationFrame(() => focusMoveButton(id(direction), id(direction === 'up' ? 'down' : 'up'))) },
    );
  const onRemove = () => {
    setRemoving(true);
    remove.mutate({ ...ref, actionId: action.id }, { onSuccess: onRemoved, onError: () => setRemoving(false) });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id('heading')} data-action-id={action.id}>
      <SyncedCard server={action} serverAt={v.updatedAt} enabled={!removing} save={(a) => save.mutateAsync({ ...ref, action: a })}>
        {(b) => {
          const a = b.value;
          const dueError = dueBeforeStart(a);
          return (
            <Stack gap="sm" {...b.focus}>
              <Group justify="space-between" wrap="wrap">
                <ActionHeading actionId={action.id} n={n} />
                <ItemControls kind="action" itemId={action.id} n={n} first={index === 0} last={index === count - 1} busy={move.isPending || remove.isPending} onMove={onMove} onRemove={onRemove} />
              </Group>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
                <Select
                  id={id('service')}
                  label={label('service')}
                  description={t('plans.actions.serviceHint')}
                  placeholder={t('plans.actions.servicePlaceholder')}
                  nothingFoundMessage={t('plans.actions.nothingFound')}
                  searchable
                  clearable
                  clearButtonProps={{ 'aria-label': t('plans.actions.clearService', { n }) }}
                  data={serviceOptions(catalogue, a.serviceId, i18n.language, t)}
                  value={a.serviceId}
                  data-field
                  onChange={(value) => b.setNow({ ...a, serviceId: value })}
                />
                <Select
                  id={id('provider')}
                  label={label('provider')}
                  placeholder={t('plans.actions.providerPlaceholder')}
                  nothingFoundMessage={t('plans.actions.nothingFound')}
                  searchable
                  clearable
                  clearButtonProps={{ 'aria-label': t('plans.actions.clearProvider', { n }) }}
                  data={providerOptions(catalogue, a.providerId, i18n.language, t)}
                  value={a.providerId}
                  onChange={(value) => b.setNow({ ...a, providerId: value })}
                />
              </SimpleGrid>
              <Textarea
                id={id('text')}
                label={label(a.serviceId === null ? 'text' : 'textWithService')}
                withAsterisk={a.serviceId === null}
                autosize
                minRows={1}
                maxRows={8}
                maxLength={PLAN_LIMITS.text}
                value={a.text}
                onChange={(e) => b.set({ ...a, text: e.currentTarget.value })}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <TextInput
                  id={id('responsible')}
                  label={label('responsible')}
                  withAsterisk
                  maxLength={PLAN_LIMITS.short}
                  value={a.responsible}
                  onChange={(e) => b.set({ ...a, responsible: e.currentTarget.value })}
                />
                <TextInput id={id('startDate')} type="date" label={label('startDate')} value={a.startDate ?? ''} onChange={(e) => b.set({ ...a, startDate: e.currentTarget.value || null })} />
                <TextInput
                  id={id('dueDate')}
                  type="date"
                  label={label('dueDate')}
                  withAsterisk
                  min={a.startDate ?? undefined}
                  error={dueError ? t('plans.actions.dueBeforeStart') : undefined}
                  value={a.dueDate ?? ''}
                  onChange={(e) => b.set({ ...a, dueDate: e.currentTarget.value || null })}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
                <MultiSelect
                  id={id('goals')}
                  label={label('goals')}
                  withAsterisk
                  placeholder={a.goalIds.length === 0 ? t('plans.actions.goalsPlaceholder') : undefined}
                  nothingFoundMessage={t('plans.actions.noGoals')}
                  data={goalOptions(v.content.goals, a.goalIds, t)}
                  value={a.goalIds}
                  maxValues={PLAN_LIMITS.goalsPerAction}
                  onChange={(goalIds) => b.setNow({ ...a, goalIds })}
                />
                <NativeSelect
                  id={id('status')}
                  label={label('status')}
                  data={ACTION_STATUSES.map((s) => ({ value: s, label: t(`plans.statuses.${s}`) }))}
                  value={a.status}
                  onChange={(e) => b.setNow({ ...a, status: e.currentTarget.value as ActionStatus })}
                />
              </SimpleGrid>
              <SaveState autosave={b.autosave} />
              <FormError error={move.error ?? remove.error} />
            </Stack>
          );
        }}
      </SyncedCard>
    </Paper>
  );
}
