import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { notifySuccess } from '../../notify';
import { FormError } from './FormError';
import { NewPasswordFields, newPasswordRules, type NewPasswordValues } from './NewPasswordFields';
import { useStatusMutation } from './useStatusMutation';

export function ChangePasswordForm({ autoFocus }: { autoFocus?: boolean }) {
  const { t } = useTranslation();
  const form = useForm<NewPasswordValues & { currentPassword: string }>({
    mode: 'uncontrolled',
    initialValues: { currentPassword: '', newPassword: '', newPasswordAgain: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('common.required')),
      ...newPasswordRules(t),
      newPassword: (v, values) => newPasswordRules(t).newPassword(v) ?? (v === values.currentPassword ? t('password.same') : null),
    },
  });
  const change = useStatusMutation(
    ({ currentPassword, newPassword }: NewPasswordValues & { currentPassword: string }) => invoke('session.changePassword', { currentPassword, newPassword }),
    () => {
      form.reset();
      notifySuccess(t('password.changed'));
    },
  );
  return (
    <form onSubmit={form.onSubmit((v) => change.mutate(v, { onError: () => form.setFieldValue('currentPassword', '') }))} noValidate>
      <Stack gap="sm" maw={420}>
        <PasswordInput label={t('password.current')} required autoFocus={autoFocus} autoComplete="current-password" key={form.key('currentPassword')} {...form.getInputProps('currentPassword')} />
        <NewPasswordFields form={form} />
        <FormError error={change.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={change.isPending}>{t('password.submit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
