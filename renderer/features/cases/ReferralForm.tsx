import { ActionIcon, Button, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReferralInput } from '../../../shared/api/contract';
import { MAX_ATTACHMENTS, MAX_LONG_TEXT, MAX_SHORT_TEXT, REFERRAL_SOURCES } from '../../../shared/domain/case';
import { DraftNotice, DraftSaveState } from '../drafts/DraftNotice';
import { useFormDraft } from '../drafts/useFormDraft';
import { FormError } from '../session/FormError';

export function emptyReferral(today = new Date()): ReferralInput {
  return { source: 'employment_authority', referrerName: '', referrerOrganisation: '', referralDate: today.toISOString().slice(0, 10), reason: '', attachments: [] };
}

/**
 * The referral that opens a case: who sent the client, when and why, and which documents exist where.
 * What is typed is kept as the user's draft (`case.new:<clientId>` or `referral:<caseId>`) until it is
 * saved or cancelled; closing the dialog keeps it.
 */
export function ReferralForm({
  initial,
  draftKey,
  clientId,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: ReferralInput;
  draftKey: string;
  clientId: string;
  submitLabel: string;
  onSubmit: (r: ReferralInput) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const today = new Date().toISOString().slice(0, 10);
  const form = useForm<ReferralInput>({
    mode: 'controlled',
    initialValues: initial,
    validate: {
      referralDate: (v) => (!v ? t('common.required') : v > today ? t('common.futureDate') : null),
      reason: (v) => (v.length > MAX_LONG_TEXT ? t('common.tooLong', { max: MAX_LONG_TEXT }) : null),
      attachments: { name: (v) => (!v.trim() ? t('common.required') : null) },
    },
  });
  const draft = useFormDraft(draftKey, clientId, form);
  const save = useMutation({
    mutationFn: async (r: ReferralInput) => {
      await onSubmit(r);
      void draft.complete();
    },
  });
  const reasonLength = form.values.reason.length;
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <DraftNotice draft={draft} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('cases.referral.source')}
            required
            allowDeselect={false}
            data={REFERRAL_SOURCES.map((s) => ({ value: s, label: t(`cases.sources.${s}`) }))}
            {...form.getInputProps('source')}
          />
          <TextInput label={t('cases.referral.referralDate')} type="date" required max={today} {...form.getInputProps('referralDate')} />
          <TextInput label={t('cases.referral.referrerName')} maxLength={MAX_SHORT_TEXT} {...form.getInputProps('referrerName')} />
          <TextInput label={t('cases.referral.referrerOrganisation')} maxLength={MAX_SHORT_TEXT} {...form.getInputProps('referrerOrganisation')} />
        </SimpleGrid>
        <Textarea
          label={t('cases.referral.reason')}
          autosize
          minRows={4}
          maxRows={16}
          maxLength={MAX_LONG_TEXT}
          description={t('clients.textCount', { count: reasonLength, max: MAX_LONG_TEXT })}
          {...form.getInputProps('reason')}
        />
        <div>
          <Text size="sm" fw={500}>{t('cases.referral.attachments')}</Text>
          <Text size="xs" c="dimmed" mb={4}>{t('cases.referral.attachmentsHint')}</Text>
          <Stack gap={6}>
            {form.values.attachments.map((a, i) => (
              <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
                <TextInput label={t('cases.referral.attachmentName')} maxLength={MAX_SHORT_TEXT} style={{ flex: 1 }} {...form.getInputProps(`attachments.${i}.name`)} />
                <TextInput label={t('cases.referral.attachmentLocation')} maxLength={MAX_SHORT_TEXT} style={{ flex: 1 }} {...form.getInputProps(`attachments.${i}.location`)} />
                <ActionIcon variant="default" size="lg" mb={2} aria-label={t('cases.referral.removeAttachment', { name: a.name || i + 1 })} onClick={() => form.removeListItem('attachments', i)}>
                  ×
                </ActionIcon>
              </Group>
            ))}
          </Stack>
          <Button mt="xs" size="xs" variant="default" disabled={form.values.attachments.length >= MAX_ATTACHMENTS} onClick={() => form.insertListItem('attachments', { name: '', location: '' })}>
            {t('cases.referral.addAttachment')}
          </Button>
        </div>
        <FormError error={save.error} />
        <Group justify="space-between" wrap="nowrap">
          <DraftSaveState draft={draft} />
          <Group>
            <Button variant="default" onClick={() => { void draft.complete(); onCancel(); }}>{t('common.cancel')}</Button>
            <Button type="submit" loading={save.isPending}>{submitLabel}</Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
