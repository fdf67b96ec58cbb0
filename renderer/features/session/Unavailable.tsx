import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/api/contract';
import { EntryLayout } from './EntryLayout';

/** A store that cannot be opened gets its own screen; deleting it is never offered here. */
export function Unavailable({ status, onOpenOther }: { status: AppStatus; onOpenOther: () => void }) {
  const { t } = useTranslation();
  return (
    <EntryLayout title={t('unavailable.title')}>
      <Alert color="red" role="alert">{t(`errors.${status.problem ?? 'internal'}`)}</Alert>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{t('unavailable.folder', { dir: status.dataDir })}</Text>
      <Text size="sm">{t('unavailable.nothingChanged')}</Text>
      <Button variant="default" onClick={onOpenOther}>{t('unavailable.openOther')}</Button>
    </EntryLayout>
  );
}
