import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/api/contract';
import { EntryLayout } from './EntryLayout';

export function Welcome({ status, onCreate, onOpen }: { status: AppStatus; onCreate: () => void; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <EntryLayout title={t('welcome.title')}>
      <Text>{t('welcome.intro')}</Text>
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{t('welcome.dataDir', { dir: status.dataDir })}</Text>
      <Stack gap="sm">
        <Button size="md" onClick={onCreate}>{t('welcome.create')}</Button>
        <Button size="md" variant="default" onClick={onOpen}>{t('welcome.open')}</Button>
      </Stack>
    </EntryLayout>
  );
}
