import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { EntryLayout } from './EntryLayout';
import { FormError } from './FormError';
import { NewPasswordFields, newPasswordRules, type NewPasswordValues } from './NewPasswordFields';
import { useStatusMutation } from './useStatusMutation';

interface Values extends NewPasswordValues {
  username: string;
  recoveryKey: string;
}

export function Recover({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: { username: '', recoveryKey: '', newPassword: '', newPasswordAgain: '' },
    validate: {
      username: (v) => (v.trim() ? null : t('common.required')),
      recoveryKey: (v) => (v.trim() ? null : t('common.required')),
      ...newPasswordRules(t),
    },
  });
  const recover = useStatusMutation(({ username, recoveryKey, newPassword }: Values) => invoke('session.recover', { username, recoveryKey, newPassword }), onBack);
  return (
    <EntryLayout title={t('recover.title')}>
      <Text>{t('recover.intro')}</Text>
      <form onSubmit={form.onSubmit((v) => recover.mutate(v))} noValidate>
        <Stack gap="sm">
          <TextInput label={t('signIn.username')} required autoFocus autoComplete="username" autoCapitalize="none" spellCheck={false} key={form.key('username')} {...form.getInputProps('username')} />
          <TextInput label={t('recover.recoveryKey')} description={t('recover.recoveryKeyHint')} required autoComplete="off" spellCheck={false} ff="monospace" key={form.key('recoveryKey')} {...form.getInputProps('recoveryKey')} />
          <NewPasswordFields form={form} />
          <FormError error={recover.error} />
          <Group justify="space-between" mt="sm">
            <Button variant="default" onClick={onBack}>{t('common.back')}</Button>
            <Button type="submit" loading={recover.isPending}>{t('recover.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </EntryLayout>
  );
}
