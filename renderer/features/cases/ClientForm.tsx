import { Alert, Button, Checkbox, Group, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../shared/api/errors';
import { MAX_SHORT_TEXT } from '../../../shared/domain/case';
import { MAX_NAME_LENGTH, SERVICE_LANGUAGES, type ServiceLanguage } from '../../../shared/domain/client';
import { parseHenkilotunnus } from '../../../shared/domain/henkilotunnus';
import { DraftNotice, DraftSaveState } from '../drafts/DraftNotice';
import { useFormDraft } from '../drafts/useFormDraft';
import { FormError } from '../session/FormError';

export interface ClientValues {
  name: string;
  language: ServiceLanguage;
  identityCode: string;
  birthDate: string;
  interpreterNeeded: boolean;
  interpreterLanguage: string;
  phone: string;
  email: string;
  address: string;
  municipality: string;
}

export const EMPTY_CLIENT: ClientValues = {
  name: '', language: 'fi', identityCode: '', birthDate: '', interpreterNeeded: false, interpreterLanguage: '', phone: '', email: '', address: '', municipality: '',
};

/** What the contract takes: empty optional fields are left out rather than sent as ''. */
export function toInput(v: ClientValues) {
  return {
    name: v.name,
    language: v.language,
    ...(v.identityCode.trim() ? { identityCode: v.identityCode.trim() } : {}),
    ...(!v.identityCode.trim() && v.birthDate ? { birthDate: v.birthDate } : {}),
    interpreterNeeded: v.interpreterNeeded,
    interpreterLanguage: v.interpreterNeeded ? v.interpreterLanguage : '',
    phone: v.phone,
    email: v.email,
    address: v.address,
    municipality: v.municipality,
  };
}

/**
 * The client's basic details, for a new client and for editing one. A "possibly the same person"
 * answer from the backend is shown with the names, and the user decides. What is typed is kept as
 * the user's draft until it is saved or cancelled (closing the dialog keeps it).
 */
export function ClientForm({
  initial,
  draftKey,
  draftClientId,
  submitLabel,
  onSubmit,
  onCancel,
  withContact,
  storedCodeMasked,
}: {
  initial: ClientValues;
  /** `client.new`, or `client.edit:<clientId>` with that client. */
  draftKey: string;
  draftClientId: string | null;
  submitLabel: string;
  onSubmit: (v: ClientValues, allowSimilar: boolean) => Promise<unknown>;
  onCancel?: () => void;
  withContact?: boolean;
  /** When editing a client who has a code: shown as the placeholder; an empty field keeps it. */
  storedCodeMasked?: string | null;
}) {
  const { t } = useTranslation();
  const languageLabel = useId();
  const short = (v: string) => (v.length > MAX_SHORT_TEXT ? t('common.tooLong', { max: MAX_SHORT_TEXT }) : null);
  const form = useForm<ClientValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: {
      name: (v) => (!v.trim() ? t('common.required') : v.length > MAX_NAME_LENGTH ? t('common.tooLong', { max: MAX_NAME_LENGTH }) : null),
      identityCode: (v) => (v.trim() && !parseHenkilotunnus(v).ok ? t('errors.invalid_identity_code') : null),
      birthDate: (v, values) => (!values.identityCode.trim() && v && v > new Date().toISOString().slice(0, 10) ? t('common.futureDate') : null),
      interpreterLanguage: short,
      phone: short,
      email: short,
      address: short,
      municipality: short,
    },
  });
  // A draft holds only what was typed: the edit form never holds the stored identity code.
  const draft = useFormDraft(draftKey, draftClientId, form);
  const save = useMutation({
    mutationFn: async ({ v, allowSimilar }: { v: ClientValues; allowSimilar: boolean }) => {
      await onSubmit(v, allowSimilar);
      void draft.complete();
    },
  });
  const similar = save.error instanceof AppError && save.error.code === 'possible_duplicate'
    ? ((save.error.details?.matches as { name: string }[] | undefined) ?? []).map((m) => m.name).join(', ')
    : null;
  const hasCode = form.values.identityCode.trim() !== '' || Boolean(storedCodeMasked);

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate({ v, allowSimilar: false }))} noValidate>
      <Stack gap="sm">
        <DraftNotice draft={draft} />
        <TextInput label={t('clients.name')} required data-autofocus maxLength={MAX_NAME_LENGTH} {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('clients.identityCode')} description={storedCodeMasked ? t('clients.identityCodeKeep') : t('clients.identityCodeHint')} placeholder={storedCodeMasked ?? undefined} autoComplete="off" spellCheck={false} ff="monospace" maxLength={20} {...form.getInputProps('identityCode')} />
          <TextInput label={t('clients.birthDate')} description={t('clients.birthDateHint')} type="date" disabled={hasCode} {...form.getInputProps('birthDate')} />
        </SimpleGrid>
        <div>
          <Text id={languageLabel} size="sm" fw={500} mb={4}>{t('clients.language')}</Text>
          <SegmentedControl aria-labelledby={languageLabel} data={SERVICE_LANGUAGES.map((l) => ({ value: l, label: t(`clients.languages.${l}`) }))} {...form.getInputProps('language')} />
        </div>
        <Checkbox label={t('clients.interpreterNeeded')} {...form.getInputProps('interpreterNeeded', { type: 'checkbox' })} />
        {form.values.interpreterNeeded && <TextInput label={t('clients.interpreterLanguage')} maxLength={MAX_SHORT_TEXT} {...form.getInputProps('interpreterLanguage')} />}
        <TextInput label={t('clients.municipality')} maxLength={MAX_SHORT_TEXT} {...form.getInputProps('municipality')} />
        {withContact && (
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t('clients.phone')} type="tel" maxLength={MAX_SHORT_TEXT} {...form.getInputProps('phone')} />
            <TextInput label={t('clients.email')} type="email" maxLength={MAX_SHORT_TEXT} {...form.getInputProps('email')} />
            <TextInput label={t('clients.address')} maxLength={MAX_SHORT_TEXT} {...form.getInputProps('address')} />
          </SimpleGrid>
        )}
        {similar !== null ? (
          <Alert color="yellow" role="alert">
            <Stack gap="xs">
              <Text size="sm">{t('clients.similar', { names: similar })}</Text>
              <Group>
                <Button size="xs" onClick={() => save.mutate({ v: form.values, allowSimilar: true })}>{t('clients.saveAnyway')}</Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <FormError error={save.error} />
        )}
        <Group justify="space-between" mt="sm" wrap="nowrap">
          <DraftSaveState draft={draft} />
          <Group>
            {onCancel && (
              <Button variant="default" onClick={() => { void draft.complete(); onCancel(); }}>
                {t('common.cancel')}
              </Button>
            )}
            <Button type="submit" loading={save.isPending}>{submitLabel}</Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
