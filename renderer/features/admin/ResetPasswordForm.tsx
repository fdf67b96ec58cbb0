import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../shared/api/contract';
import { MIN_PASSWORD_LENGTH } from '../../../shared/domain/user';
import { invoke } from '../../api/client';
import { USERS_KEY } from '../../api/keys';
import { FormError } from '../session/FormError';

export function ResetPasswordForm({ user, onDone, onCancel }: { user: UserSummary; onDone: (u: UserSummary) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { password: '' },
    validate: { password: (v: string) => (v.length < MIN_PASSWORD_LENGTH ? t('create.passwordTooShort', { min: MIN_PASSWORD_LENGTH }) : null) },
  });
  const reset = useMutation({
    mutationFn: (password: string) => invoke('users.resetPassword', { userId: user.id, password }),
    onSuccess: (u) => {
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
      onDone(u);
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => reset.mutate(v.password))} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('users.resetBody')}</Text>
        <PasswordInput label={t('users.firstPassword')} description={t('users.firstPasswordHint', { min: MIN_PASSWORD_LENGTH })} required data-autofocus autoComplete="new-password" key={form.key('password')} {...form.getInputProps('password')} />
        <FormError error={reset.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" loading={reset.isPending}>{t('users.resetPassword')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
