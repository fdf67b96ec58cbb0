import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../errors';
import { EntryLayout } from './EntryLayout';

export function BackendUnreachable({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <EntryLayout title={t('app.name')}>
      <Alert color="red" role="alert">{errorText(t, error)}</Alert>
      <Button onClick={onRetry}>{t('common.retry')}</Button>
    </EntryLayout>
  );
}
