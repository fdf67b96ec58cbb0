import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { ChangePasswordForm } from './ChangePasswordForm';
import { EntryLayout } from './EntryLayout';
import { useStatusMutation } from './useStatusMutation';

/** After an administrator or the recovery key set the password, the user picks their own before anything else. */
export function MustChangePassword() {
  const { t } = useTranslation();
  const lock = useStatusMutation(() => invoke('session.lock', {}));
  return (
    <EntryLayout title={t('password.mustChangeTitle')}>
      <Text>{t('password.mustChangeIntro')}</Text>
      <ChangePasswordForm autoFocus />
      <Button variant="subtle" onClick={() => lock.mutate(undefined)}>{t('shell.lock')}</Button>
    </EntryLayout>
  );
}
