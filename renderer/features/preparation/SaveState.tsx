import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../shared/domain/dates';
import { errorText } from '../../errors';
import type { Autosave } from './useAutosave';

/**
 * One autosave's status line. The live region is always rendered, so screen readers hear each
 * change of its text; the retry button sits outside it so it is not announced with every save.
 */
export function SaveState({ autosave }: { autosave: Autosave }) {
  const { t, i18n } = useTranslation();
  const { state, savedAt, error, flush } = autosave;
  const message =
    state === 'saving'
      ? t('prep.saving')
      : state === 'error'
        ? t('prep.saveFailed', { error: errorText(t, error) })
        : savedAt
          ? t('prep.saved', { time: formatTime(savedAt, i18n.language) })
          : '';
  return (
    <Group gap="xs" mih={30} wrap="nowrap">
      <Text size="sm" c={state === 'error' ? 'red.8' : 'dimmed'} aria-live="polite" data-state={state}>
        {message}
      </Text>
      {state === 'error' && (
        <Button size="compact-sm" variant="default" onClick={() => void flush()}>
          {t('prep.retry')}
        </Button>
      )}
    </Group>
  );
}
