import { Alert, Button, Group, Modal, Paper, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke, onEvent } from '../../api/client';
import { FormError } from '../session/FormError';
import { RecoveryKeyNotice } from '../session/RecoveryKeyNotice';

function formatBytes(n: number, language: string): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(n)} ${units[i]}`;
}

export function BackupPanel() {
  const { t, i18n } = useTranslation();
  const [outPath, setOutPath] = useState('');
  const backup = useMutation({ mutationFn: (path: string) => invoke('backup.create', path.trim() ? { outPath: path.trim() } : {}) });
  const rotate = useMutation({ mutationFn: () => invoke('admin.rotateRecoveryKey', {}) });
  const [shownKey, setShownKey] = useState<string | null>(null);
  const rows = backup.data ? Object.values(backup.data.counts).reduce((a, b) => a + b, 0) : 0;
  const [progress, setProgress] = useState<{ phase: string; pct: number } | null>(null);
  useEffect(
    () => onEvent('backup.progress', (p) => setProgress({ phase: p.phase, pct: p.total > 0 ? Math.round((100 * p.done) / p.total) : 100 })),
    [],
  );

  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h3">{t('backup.title')}</Title>
          <Text size="sm">{t('backup.intro')}</Text>
          <TextInput label={t('backup.path')} description={t('backup.pathHint')} value={outPath} onChange={(e) => setOutPath(e.currentTarget.value)} spellCheck={false} maw={560} />
          <Group>
            <Button onClick={() => backup.mutate(outPath)} loading={backup.isPending}>{t('backup.create')}</Button>
          </Group>
          {backup.isPending && progress && (
            <Progress value={progress.pct} aria-label={t(`backup.phase.${progress.phase}`)} animated size="lg" />
          )}
          {backup.data && (
            <Alert role="status" color="green" style={{ overflowWrap: 'anywhere' }}>
              {t('backup.done', { file: backup.data.file, size: formatBytes(backup.data.bytes, i18n.language) })} · {t('backup.rows', { count: rows })}
            </Alert>
          )}
          <FormError error={backup.error} />
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h3">{t('backup.recoveryTitle')}</Title>
          <Text size="sm">{t('backup.recoveryIntro')}</Text>
          <Group>
            <Button variant="default" loading={rotate.isPending} onClick={() => rotate.mutate(undefined, { onSuccess: (r) => setShownKey(r.recoveryKey) })}>
              {t('backup.rotate')}
            </Button>
          </Group>
          <FormError error={rotate.error} />
        </Stack>
      </Paper>
      <Modal opened={shownKey !== null} onClose={() => {}} withCloseButton={false} closeOnEscape={false} closeOnClickOutside={false} title={t('recoveryKey.title')} size="lg">
        {shownKey && <RecoveryKeyNotice recoveryKey={shownKey} onDone={() => setShownKey(null)} />}
      </Modal>
    </Stack>
  );
}
