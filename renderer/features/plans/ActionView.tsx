import { NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanActionView } from '../../../shared/api/contract';
import { ACTION_STATUSES, type ActionStatus } from '../../../shared/domain/plan';
import { FormError } from '../session/FormError';
import { providerLabel, serviceName } from './actionOptions';
import { fieldId, ItemLabel, ReadField, useDay, usePlanView } from './planUi';
import { usePlanMutation } from './usePlan';

export function ActionHeading({ actionId, n }: { actionId: string; n: number }) {
  const { t } = useTranslation();
  const { level } = usePlanView();
  return (
    <Title order={(level + 1) as 3 | 4} size="h4" id={fieldId('action', actionId, 'heading')}>
      {t('plans.actions.item', { n })}
    </Title>
  );
}

/** An action as text: a frozen, locked or older version, and the shared screen. */
export function ActionView({ action, index }: { action: PlanActionView; index: number }) {
  const { t, i18n } = useTranslation();
  const day = useDay();
  const { version: v, catalogue, presentation, progressEditable } = usePlanView();
  const n = index + 1;
  const service = serviceName(catalogue, action.serviceId, i18n.language);
  const goals = action.goalIds.map((gid) => {
    const i = v.content.goals.findIndex((g) => g.id === gid);
    return i < 0 ? t('plans.actions.unknownGoal') : t('plans.goals.item', { n: i + 1 });
  });
  const now = v.progress[action.id];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={fieldId('action', action.id, 'heading')}>
      <Stack gap="sm">
        <ActionHeading actionId={action.id} n={n} />
        {service && <Text fw={700} size={presentation ? 'xl' : 'lg'}>{service}</Text>}
        {(action.text.trim() !== '' || !service) && (
          <ReadField label={t(service ? 'plans.actions.textWithService' : 'plans.actions.text')}>{action.text.trim() || null}</ReadField>
        )}
        <SimpleGrid cols={{ base: 1, sm: presentation ? 2 : 3 }} spacing="sm">
          <ReadField label={t('plans.actions.responsible')}>{action.responsible.trim() || null}</ReadField>
          <ReadField label={t('plans.actions.provider')}>{providerLabel(catalogue, action.providerId)}</ReadField>
          <ReadField label={t('plans.actions.startDate')}>{day(action.startDate)}</ReadField>
          <ReadField label={t('plans.actions.dueDate')}>{day(action.dueDate)}</ReadField>
          <ReadField label={t('plans.actions.goals')}>{goals.length > 0 ? goals.join(', ') : null}</ReadField>
          <ReadField label={t(now ? 'plans.actions.statusSigned' : 'plans.actions.status')}>{t(`plans.statuses.${action.status}`)}</ReadField>
          {now && !progressEditable && <ReadField label={t('plans.actions.statusNow')}>{t(`plans.statuses.${now}`)}</ReadField>}
        </SimpleGrid>
        {progressEditable && <ProgressSelect actionId={action.id} n={n} status={now ?? action.status} />}
      </Stack>
    </Paper>
  );
}

/** Follow-up on a locked plan: the action's status now (the signed text is not changed). */
function ProgressSelect({ actionId, n, status }: { actionId: string; n: number; status: ActionStatus }) {
  const { t } = useTranslation();
  const { caseId, version: v } = usePlanView();
  const set = usePlanMutation(caseId, 'plans.setActionStatus');
  const item = t('plans.actions.item', { n });
  return (
    <Stack gap={4} maw={360}>
      <NativeSelect
        id={fieldId('action', actionId, 'progress')}
        label={<ItemLabel item={item}>{t('plans.actions.statusNow')}</ItemLabel>}
        data={ACTION_STATUSES.map((s) => ({ value: s, label: t(`plans.statuses.${s}`) }))}
        value={set.isPending && set.variables ? set.variables.status : status}
        onChange={(e) => set.mutate({ planId: v.planId, actionId, status: e.currentTarget.value as ActionStatus })}
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {set.isSuccess ? t('plans.actions.statusSaved') : ''}
      </Text>
      <FormError error={set.error} />
    </Stack>
  );
}
