import { PasswordInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '../../../shared/domain/user';

export interface NewPasswordValues {
  newPassword: string;
  newPasswordAgain: string;
}

/** Validation shared by every form that sets a password. */
export function newPasswordRules(t: (k: string, o?: Record<string, unknown>) => string) {
  return {
    newPassword: (v: string) => (v.length < MIN_PASSWORD_LENGTH ? t('create.passwordTooShort', { min: MIN_PASSWORD_LENGTH }) : null),
    newPasswordAgain: (v: string, values: NewPasswordValues) => (v !== values.newPassword ? t('create.passwordMismatch') : null),
  };
}

export function NewPasswordFields<V extends NewPasswordValues>({ form, label, autoFocus }: { form: UseFormReturnType<V>; label?: string; autoFocus?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordInput
        label={label ?? t('password.new')}
        description={t('create.passwordHint', { min: MIN_PASSWORD_LENGTH })}
        required
        autoFocus={autoFocus}
        autoComplete="new-password"
        key={form.key('newPassword')}
        {...form.getInputProps('newPassword')}
      />
      <PasswordInput label={t('password.again')} required autoComplete="new-password" key={form.key('newPasswordAgain')} {...form.getInputProps('newPasswordAgain')} />
    </>
  );
}
