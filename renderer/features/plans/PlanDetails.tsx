import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { FocusEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_LIMITS, STATUTORY_PLAN_KINDS, type StatutoryPlanKind, type StatutoryPlanRef } from '../../../shared/domain/plan';
import { SaveState } from '../preparation/SaveState';
import { fieldId, focusField, ItemLabel, ReadField, useDay, usePlanView } from './planUi';
import { SyncedCard } from './SyncedCard';
import { usePlanMutation } from './usePlan';

export const DETAILS_HEADING = 'plan-details-heading';
export const REVIEW_DATE_ID = fieldId('plan', 'details', 'reviewDate');

interface Details {
  reviewDate: string | null;
  statutoryRefs: StatutoryPlanRef[];
}

/** The next review date and the references to the client's statutory plans (number and date). */
export function PlanDetails() {
  const { t } = useTranslation();
  const { caseId, version: v, editable, level } = usePlanView();
  const save = usePlanMutation(caseId, 'plans.saveDetails');
  const server: Details = { reviewDate: v.content.reviewDate, statutoryRefs: v.content.statutoryRefs };
  return (
    <Stack gap="sm" component="section" aria-labelledby={DETAILS_HEADING}>
      <Title order={level} size="h3" id={DETAILS_HEADING}>
        {t('plans.details.title')}
      </Title>
      <Paper withBorder p="md">
        {editable ? (
          <SyncedCard server={server} serverAt={v.updatedAt} enabled save={(d) => save.mutateAsync({ planId: v.planId, version: v.version, ...d })}>
            {(b) => <DetailsEditor value={b.value} set={b.set} setNow={b.setNow} focus={b.focus} saveState={<SaveState autosave={b.autosave} />} />}
          </SyncedCard>
        ) : (
          <DetailsView details={server} />
        )}
      </Paper>
    </Stack>
  );
}

function DetailsView({ details }: { details: Details }) {
  const { t } = useTranslation();
  const day = useDay();
  return (
    <Stack gap="sm">
      <ReadField label={t('plans.details.reviewDate')}>{day(details.reviewDate)}</ReadField>
      <ReadField label={t('plans.details.refs')}>
        {details.statutoryRefs.length === 0
          ? null
          : details.statutoryRefs.map((r) => t('plans.details.refLine', { kind: t(`plans.statutoryKinds.${r.kind}`), number: r.number || '…', date: day(r.date) ?? '…' })).join('\n')}
      </ReadField>
    </Stack>
  );
}

interface EditorProps {
  value: Details;
  set: (d: Details) => void;
  setNow: (d: Details) => void;
  focus: { onFocus: () => void; onBlur: (e: FocusEvent<HTMLElement>) => void };
  saveState: ReactNode;
}

function DetailsEditor({ value, set, setNow, focus, saveState }: EditorProps) {
  const { t } = useTranslation();
  const refs = value.statutoryRefs;
  const setRef = (i: number, patch: Partial<StatutoryPlanRef>, now = false) => {
    const next = { ...value, statutoryRefs: refs.map((r, j) => (j === i ? { ...r, ...patch } : r)) };
    if (now) setNow(next);
    else set(next);
  };
  const addRef = () => {
    setNow({ ...value, statutoryRefs: [...refs, { kind: 'social_care_client_plan', number: '', date: null }] });
    requestAnimationFrame(() => focusField(fieldId('ref', refs.length, 'kind')));
  };
  const removeRef = (i: number) => {
    setNow({ ...value, statutoryRefs: refs.filter((_, j) => j !== i) });
    requestAnimationFrame(() => focusField(fieldId('plan', 'refs', 'add')));
  };
  return (
    <Stack gap="md" {...focus}>
      <TextInput
        id={REVIEW_DATE_ID}
        type="date"
        label={t('plans.details.reviewDate')}
        description={t('plans.details.reviewDateHint')}
        withAsterisk
        maw={320}
        value={value.reviewDate ?? ''}
        onChange={(e) => set({ ...value, reviewDate: e.currentTarget.value || null })}
      />
      <Stack gap="xs">
        <Text fw={500}>{t('plans.details.refs')}</Text>
        {refs.length === 0 && <Text size="sm">{t('plans.details.refsNone')}</Text>}
        {refs.map((r, i) => {
          const item = t('plans.details.ref', { n: i + 1 });
          return (
            <Group key={i} align="flex-end" gap="sm" wrap="wrap" role="group" aria-label={item}>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" style={{ flex: 1, minWidth: 260 }}>
                <NativeSelect
                  id={fieldId('ref', i, 'kind')}
                  label={<ItemLabel item={item}>{t('plans.details.kind')}</ItemLabel>}
                  data={STATUTORY_PLAN_KINDS.map((k) => ({ value: k, label: t(`plans.statutoryKinds.${k}`) }))}
                  value={r.kind}
                  onChange={(e) => setRef(i, { kind: e.currentTarget.value as StatutoryPlanKind }, true)}
                />
                <TextInput
                  id={fieldId('ref', i, 'number')}
                  label={<ItemLabel item={item}>{t('plans.details.number')}</ItemLabel>}
                  withAsterisk
                  maxLength={PLAN_LIMITS.short}
                  value={r.number}
                  onChange={(e) => setRef(i, { number: e.currentTarget.value })}
                />
                <TextInput
                  id={fieldId('ref', i, 'date')}
                  type="date"
                  label={<ItemLabel item={item}>{t('plans.details.date')}</ItemLabel>}
                  value={r.date ?? ''}
                  onChange={(e) => setRef(i, { date: e.currentTarget.value || null })}
                />
              </SimpleGrid>
              <Button variant="default" color="red.9" onClick={() => removeRef(i)}>
                {t('plans.details.removeRef', { n: i + 1 })}
              </Button>
            </Group>
          );
        })}
        <Group>
          <Button id={fieldId('plan', 'refs', 'add')} variant="default" onClick={addRef} disabled={refs.length >= PLAN_LIMITS.statutoryRefs}>
            {t('plans.details.addRef')}
          </Button>
        </Group>
      </Stack>
      {saveState}
    </Stack>
  );
}
