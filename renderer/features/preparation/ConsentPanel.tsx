import { Alert, Badge, Button, Checkbox, Group, Modal, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentView, Preparation } from '../../../shared/api/contract';
import { formatDay, todayInFinland } from '../../../shared/domain/dates';
import { CONSENT_ORGANISATIONS, DATA_CATEGORIES, consentValidOn, type ConsentForm, type ConsentOrganisation, type DataCategory } from '../../../shared/domain/preparation';
import { invoke } from '../../api/client';
import { DraftNotice, DraftSaveState } from '../drafts/DraftNotice';
import { useFormDraft } from '../drafts/useFormDraft';
import { FormError } from '../session/FormError';

interface Values {
  form: ConsentForm;
  organisations: ConsentOrganisation[];
  otherOrganisations: string;
  dataCategories: DataCategory[];
  givenOn: string;
  validUntil: string;
  note: string;
}

function Coverage({ title, coverage }: { title: string; coverage: Record<string, boolean> }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" fw={500}>{title}</Text>
      <Group gap={6} mt={4}>
        {CONSENT_ORGANISATIONS.map((o) => (
          <Badge key={o} variant={coverage[o] ? 'filled' : 'outline'} color={coverage[o] ? '#1e6b30' : 'gray.8'} tt="none">
            {t(`prep.consent.orgs.${o}`)}: {coverage[o] ? t('prep.consent.covered') : t('prep.consent.notCovered')}
          </Badge>
        ))}
      </Group>
    </div>
  );
}

/**
 * Recording a consent. What is typed is kept as the user's draft (`consent.new:<clientId>`) until it
 * is saved or cancelled; closing the dialog keeps it for the next time it opens.
 */
function NewConsentForm({ clientId, onSaved, onCancel }: { clientId: string; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const today = todayInFinland();
  const formLabel = useId();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { form: 'written', organisations: [...CONSENT_ORGANISATIONS], otherOrganisations: '', dataCategories: [...DATA_CATEGORIES], givenOn: today, validUntil: '', note: '' },
    validate: {
      givenOn: (v) => (!v ? t('common.required') : v > today ? t('common.futureDate') : null),
      validUntil: (v, values) => (v && v < values.givenOn ? t('prep.consent.endBeforeStart') : null),
      organisations: (v, values) => (v.length === 0 && !values.otherOrganisations.trim() ? t('prep.consent.pickOne') : null),
      dataCategories: (v) => (v.length === 0 ? t('prep.consent.pickOne') : null),
    },
  });
  const draft = useFormDraft(`consent.new:${clientId}`, clientId, form);
  const create = useMutation({
    mutationFn: async (v: Values) => {
      await invoke('consents.create', {
        clientId,
        form: v.form,
        organisations: v.organisations,
        otherOrganisations: v.otherOrganisations.split('\n').map((x) => x.trim()).filter(Boolean),
        dataCategories: v.dataCategories,
        givenOn: v.givenOn,
        validUntil: v.form === 'oral' || !v.validUntil ? null : v.validUntil,
        note: v.note,
      });
      void draft.complete();
    },
    onSuccess: onSaved,
  });
  return (
    <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
      <Stack gap="sm">
        <DraftNotice draft={draft} />
        <div>
          <Text id={formLabel} size="sm" fw={500} mb={4}>{t('prep.consent.form')}</Text>
          <SegmentedControl aria-labelledby={formLabel} data={(['written', 'oral'] as const).map((f) => ({ value: f, label: t(`prep.consent.forms.${f}`) }))} {...form.getInputProps('form')} />
        </div>
        {form.values.form === 'oral' && <Alert color="blue" variant="light">{t('prep.consent.oralNote')}</Alert>}
        <Checkbox.Group label={t('prep.consent.organisations')} {...form.getInputProps('organisations')}>
          <Stack gap={4} mt={4}>{CONSENT_ORGANISATIONS.map((o) => <Checkbox key={o} value={o} label={t(`prep.consent.orgs.${o}`)} />)}</Stack>
        </Checkbox.Group>
        <Textarea label={t('prep.consent.otherOrganisations')} description={t('prep.consent.otherHint')} autosize minRows={1} {...form.getInputProps('otherOrganisations')} />
        <Checkbox.Group label={t('prep.consent.categories')} {...form.getInputProps('dataCategories')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing={4} mt={4}>{DATA_CATEGORIES.map((c) => <Checkbox key={c} value={c} label={t(`prep.consent.cats.${c}`)} />)}</SimpleGrid>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput type="date" label={t('prep.consent.givenOn')} required max={today} {...form.getInputProps('givenOn')} />
          {form.values.form === 'written' && <TextInput type="date" label={t('prep.consent.validUntil')} description={t('prep.consent.validUntilHint')} {...form.getInputProps('validUntil')} />}
        </SimpleGrid>
        <Textarea label={t('prep.consent.note')} autosize minRows={1} maxLength={2000} {...form.getInputProps('note')} />
        <FormError error={create.error} />
        <Group justify="space-between" wrap="nowrap">
          <DraftSaveState draft={draft} />
          <Group>
            <Button variant="default" onClick={() => { void draft.complete(); onCancel(); }}>{t('common.cancel')}</Button>
            <Button type="submit" loading={create.isPending}>{t('prep.consent.save')}</Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** The client's consents, what they cover today and at the proposed meeting, and recording or withdrawing one. */
export function ConsentPanel({ prep, canEdit, onChanged }: { prep: Preparation; canEdit: boolean; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const today = todayInFinland();
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<ConsentView | null>(null);
  const [withdrawnOn, setWithdrawnOn] = useState(today);
  const withdraw = useMutation({
    mutationFn: (v: { consentId: string; withdrawnOn: string }) => invoke('consents.withdraw', v),
    onSuccess: () => {
      setWithdrawing(null);
      onChanged();
    },
  });
  const meetingGap = prep.coverageAtMeeting !== null && Object.values(prep.coverageAtMeeting).some((x) => !x);

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Coverage title={t('prep.consent.coverage')} coverage={prep.coverageToday} />
          {prep.coverageAtMeeting && prep.proposedMeetingDate && (
            <Coverage title={t('prep.consent.coverageAtMeeting', { date: formatDay(prep.proposedMeetingDate, i18n.language) })} coverage={prep.coverageAtMeeting} />
          )}
          {meetingGap && <Alert color="yellow" role="alert">{t('prep.consent.expiresBeforeMeeting')}</Alert>}
        </Stack>
      </Paper>
      <Group justify="space-between">
        <Title order={3} size="h4">{t('prep.consent.title')}</Title>
        {canEdit && <Button onClick={() => setAdding(true)}>{t('prep.consent.add')}</Button>}
      </Group>
      {prep.consents.length === 0 && <Text>{t('prep.consent.none')}</Text>}
      {prep.consents.length > 0 && (
        <Table striped aria-label={t('prep.consent.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('prep.consent.form')}</Table.Th>
              <Table.Th scope="col">{t('prep.consent.organisations')}</Table.Th>
              <Table.Th scope="col">{t('prep.consent.givenOn')}</Table.Th>
              <Table.Th scope="col">{t('prep.consent.validUntil')}</Table.Th>
              <Table.Th scope="col"><VisuallyHidden>{t('users.columns.actions')}</VisuallyHidden></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {prep.consents.map((c) => {
              const valid = consentValidOn(c, today);
              return (
                <Table.Tr key={c.id}>
                  <Table.Td>{t(`prep.consent.forms.${c.form}`)}</Table.Td>
                  <Table.Td>{[...c.organisations.map((o) => t(`prep.consent.orgs.${o}`)), ...c.otherOrganisations].join(', ')}</Table.Td>
                  <Table.Td>{formatDay(c.givenOn, i18n.language)}</Table.Td>
                  <Table.Td>
                    {c.validUntil ? formatDay(c.validUntil, i18n.language) : t('prep.consent.untilFurther')}{' '}
                    <Badge variant="outline" color={valid ? '#1e6b30' : 'gray.8'} tt="none">
                      {c.withdrawnOn ? t('prep.consent.withdrawn', { date: formatDay(c.withdrawnOn, i18n.language) }) : valid ? t('prep.consent.valid') : t('prep.consent.expired')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {canEdit && !c.withdrawnOn && (
                      <Button size="xs" variant="default" onClick={() => { setWithdrawnOn(today); setWithdrawing(c); }} aria-label={`${t('prep.consent.withdraw')}: ${formatDay(c.givenOn, i18n.language)}`}>
                        {t('prep.consent.withdraw')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}

      <Modal opened={adding} onClose={() => setAdding(false)} title={t('prep.consent.formTitle')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        {adding && <NewConsentForm clientId={prep.case.clientId} onCancel={() => setAdding(false)} onSaved={() => { setAdding(false); onChanged(); }} />}
      </Modal>
      <Modal opened={withdrawing !== null} onClose={() => setWithdrawing(null)} title={t('prep.consent.withdrawTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        {withdrawing && (
          <Stack gap="sm">
            <TextInput type="date" label={t('prep.consent.withdrawnOn')} value={withdrawnOn} min={withdrawing.givenOn} max={today} onChange={(e) => setWithdrawnOn(e.currentTarget.value)} data-autofocus />
            <FormError error={withdraw.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setWithdrawing(null)}>{t('common.cancel')}</Button>
              <Button color="red" loading={withdraw.isPending} disabled={!withdrawnOn} onClick={() => withdraw.mutate({ consentId: withdrawing.id, withdrawnOn })}>
                {t('prep.consent.withdrawSave')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
