import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/api/contract';
import { invoke } from '../../api/client';
import { EntryLayout } from './EntryLayout';
import { FormError } from './FormError';
import { useStatusMutation } from './useStatusMutation';

export function SignIn({ status, onOpenOther, onRecover }: { status: AppStatus; onOpenOther: () => void; onRecover: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { username: '', password: '' },
    validate: {
      username: (v) => (v.trim() ? null : t('common.required')),
      password: (v) => (v ? null : t('common.required')),
    },
  });
  const signIn = useStatusMutation((input: { username: string; password: string }) => invoke('session.signIn', input));
  return (
    <EntryLayout title={t('signIn.title')}>
      {status.lockReason === 'idle' && <Alert color="blue" variant="light">{t('lockReason.idle')}</Alert>}
      {status.lockReason === 'system' && <Alert color="blue" variant="light">{t('lockReason.system')}</Alert>}
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{t('signIn.organisation', { dir: status.dataDir })}</Text>
      <form
        onSubmit={form.onSubmit((v) =>
          // The password field is emptied after every attempt: it is never kept around in the page.
          signIn.mutate(v, { onSettled: () => form.setFieldValue('password', '') }),
        )}
        noValidate
      >
        <Stack gap="sm">
          <TextInput label={t('signIn.username')} required autoFocus autoComplete="username" autoCapitalize="none" spellCheck={false} key={form.key('username')} {...form.getInputProps('username')} />
          <PasswordInput label={t('signIn.password')} required autoComplete="current-password" key={form.key('password')} {...form.getInputProps('password')} />
          <FormError error={signIn.error} />
          <Group justify="flex-end" mt="sm">
            <Button type="submit" loading={signIn.isPending}>{t('signIn.submit')}</Button>
          </Group>
          <Group justify="space-between">
            <Button variant="subtle" onClick={onRecover}>{t('recover.link')}</Button>
            <Button variant="subtle" onClick={onOpenOther}>{t('signIn.otherStore')}</Button>
          </Group>
        </Stack>
      </form>
    </EntryLayout>
  );
}
