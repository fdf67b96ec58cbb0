import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { invoke } from '../../api/client';
import { STATUS_KEY } from '../../api/keys';
import { DemoAccounts } from './DemoAccounts';
import { EntryLayout } from './EntryLayout';
import { FormError } from './FormError';

export function Welcome({ status, onCreate, onOpen }: { status: AppStatus; onCreate: () => void; onOpen: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const demo = useMutation({ mutationFn: () => invoke('store.openDemo', {}) });

  // The backend already points at the demo; the app follows only once the accounts have been read.
  if (demo.data) {
    const { status: demoStatus } = demo.data;
    return (
      <EntryLayout title={t('demo.title')}>
        <DemoAccounts demo={demo.data} onContinue={() => queryClient.setQueryData(STATUS_KEY, demoStatus)} />
      </EntryLayout>
    );
  }

  const busy = demo.isPending;
  return (
    <EntryLayout title={t('welcome.title')}>
      <Text>{t('welcome.intro')}</Text>
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{t('welcome.dataDir', { dir: status.dataDir })}</Text>
      <Stack gap="sm">
        <Button size="md" onClick={onCreate} disabled={busy}>{t('welcome.create')}</Button>
        <Button size="md" variant="default" onClick={onOpen} disabled={busy}>{t('welcome.open')}</Button>
        <Button size="md" variant="light" onClick={() => demo.mutate()} loading={busy} aria-describedby="demo-hint">{t('demo.open')}</Button>
        <Text id="demo-hint" size="sm" c="dimmed">{t('demo.hint')}</Text>
        {busy && <Text size="sm" role="status">{t('demo.creating')}</Text>}
        {demo.error instanceof AppError && demo.error.code === 'wrong_password' ? (
          <Alert color="red" role="alert" variant="light">{t('demo.passwordMismatch')}</Alert>
        ) : (
          <FormError error={demo.error} />
        )}
      </Stack>
    </EntryLayout>
  );
}
