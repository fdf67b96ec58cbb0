import { Alert, Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Shows a recovery key once. The user must say they stored it before going on. */
export function RecoveryKeyNotice({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light">{t('recoveryKey.intro')}</Alert>
      <div>
        <Text size="sm" fw={500} id="recovery-key-label">{t('recoveryKey.label')}</Text>
        <Paper withBorder p="md" bg="var(--mantine-color-gray-0)">
          <Text aria-labelledby="recovery-key-label" data-testid="recovery-key" ff="monospace" fz="xl" fw={600} style={{ letterSpacing: '0.08em', wordSpacing: '0.4em', userSelect: 'all' }}>
            {recoveryKey.split('-').join(' ')}
          </Text>
        </Paper>
      </div>
      <Group justify="space-between">
        <Button variant="default" onClick={() => window.print()}>{t('recoveryKey.print')}</Button>
      </Group>
      <Checkbox label={t('recoveryKey.confirm')} checked={stored} onChange={(e) => setStored(e.currentTarget.checked)} />
      <Button onClick={onDone} disabled={!stored}>{t('recoveryKey.continue')}</Button>
    </Stack>
  );
}
