import { Button, Group, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { MAX_NAME_LENGTH } from '../../../shared/domain/client';
import { MIN_PASSWORD_LENGTH, PROFESSIONS, USERNAME_PATTERN, type Profession } from '../../../shared/domain/user';
import { invoke } from '../../api/client';
import { EntryLayout } from './EntryLayout';
import { FormError } from './FormError';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { STATUS_KEY } from '../../api/keys';
import { RecoveryKeyNotice } from './RecoveryKeyNotice';

interface Values {
  organisationName: string;
  adminDisplayName: string;
  adminUsername: string;
  adminProfession: Profession;
  password: string;
  passwordAgain: string;
}

export function CreateStore({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const requiredName = (v: string) =>
    !v.trim() ? t('common.required') : v.length > MAX_NAME_LENGTH ? t('common.tooLong', { max: MAX_NAME_LENGTH }) : null;
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: { organisationName: '', adminDisplayName: '', adminUsername: '', adminProfession: 'social_worker', password: '', passwordAgain: '' },
    validate: {
      organisationName: requiredName,
      adminDisplayName: requiredName,
      adminUsername: (v) => (USERNAME_PATTERN.test(v.trim().toLowerCase()) ? null : t('create.usernameInvalid')),
      password: (v) => (v.length < MIN_PASSWORD_LENGTH ? t('create.passwordTooShort', { min: MIN_PASSWORD_LENGTH }) : null),
      passwordAgain: (v, values) => (v !== values.password ? t('create.passwordMismatch') : null),
    },
  });
  const queryClient = useQueryClient();
  const create = useMutation({ mutationFn: ({ passwordAgain: _, ...input }: Values) => invoke('store.create', input) });

  if (create.data) {
    const { status, recoveryKey } = create.data;
    return (
      <EntryLayout title={t('recoveryKey.title')}>
        <RecoveryKeyNotice recoveryKey={recoveryKey} onDone={() => queryClient.setQueryData(STATUS_KEY, status)} />
      </EntryLayout>
    );
  }

  return (
    <EntryLayout title={t('create.title')}>
      <Text>{t('create.intro')}</Text>
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
        <Stack gap="sm">
          <TextInput label={t('create.organisation')} description={t('create.organisationHint')} required autoFocus key={form.key('organisationName')} {...form.getInputProps('organisationName')} />
          <TextInput label={t('create.adminName')} required autoComplete="name" key={form.key('adminDisplayName')} {...form.getInputProps('adminDisplayName')} />
          <TextInput label={t('create.username')} description={t('create.usernameHint')} required autoComplete="username" autoCapitalize="none" spellCheck={false} key={form.key('adminUsername')} {...form.getInputProps('adminUsername')} />
          <Select
            label={t('create.profession')}
            required
            allowDeselect={false}
            data={PROFESSIONS.map((p) => ({ value: p, label: t(`professions.${p}`) }))}
            key={form.key('adminProfession')}
            {...form.getInputProps('adminProfession')}
          />
          <PasswordInput label={t('create.password')} description={t('create.passwordHint', { min: MIN_PASSWORD_LENGTH })} required autoComplete="new-password" key={form.key('password')} {...form.getInputProps('password')} />
          <PasswordInput label={t('create.passwordAgain')} required autoComplete="new-password" key={form.key('passwordAgain')} {...form.getInputProps('passwordAgain')} />
          <FormError error={create.error} />
          <Group justify="space-between" mt="sm">
            <Button variant="default" onClick={onBack} disabled={create.isPending}>{t('common.back')}</Button>
            <Button type="submit" loading={create.isPending}>{t('create.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </EntryLayout>
  );
}
