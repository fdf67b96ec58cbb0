import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatTime, todayInFinland } from '../../../shared/domain/dates';
import { errorText } from '../../errors';
import { FormError } from '../session/FormError';
import type { FormDraft } from './useFormDraft';

/** Today's time ("14.05"), or the day too for anything older. */
function when(iso: string, language: string): { today: boolean; text: string } {
  const today = todayInFinland(new Date(iso)) === todayInFinland();
  return { today, text: today ? formatTime(iso, language) : formatDateTime(iso, language) };
}

/** Says that the form holds a restored draft, with the way back to an empty (or the stored) form. */
export function DraftNotice({ draft }: { draft: FormDraft }) {
  const { t, i18n } = useTranslation();
  if (!draft.restoredAt && !draft.discardError) return null;
  if (!draft.restoredAt) return <FormError error={draft.discardError} />;
  const at = when(draft.restoredAt, i18n.language);
  return (
    <Alert color="blue" variant="light" role="status" p="sm">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm">{at.today ? t('drafts.restoredToday', { time: at.text }) : t('drafts.restoredEarlier', { when: at.text })}</Text>
        <Button size="compact-sm" variant="default" onClick={() => void draft.discard()}>
          {t('drafts.discard')}
        </Button>
      </Group>
    </Alert>
  );
}

/**
 * The draft's status line beside the form's buttons: saving, saved at, or why it failed. The live
 * region is always rendered so each change is announced; the retry button sits outside it.
 */
export function DraftSaveState({ draft }: { draft: FormDraft }) {
  const { t, i18n } = useTranslation();
  if (!draft.active) return <span />;
  const { state, error, flush } = draft.autosave;
  const message =
    state === 'saving'
      ? t('drafts.saving')
      : state === 'error'
        ? t('drafts.saveFailed', { error: errorText(t, error) })
        : draft.savedAt
          ? t('drafts.saved', { time: when(draft.savedAt, i18n.language).text })
          : '';
  return (
    <Group gap="xs" wrap="nowrap" mih={30}>
      <Text size="sm" c={state === 'error' ? 'red.8' : 'dimmed'} aria-live="polite" data-state={state} data-testid="draft-state">
        {message}
      </Text>
      {state === 'error' && (
        <Button size="compact-sm" variant="default" onClick={() => void flush()}>
          {t('drafts.retry')}
        </Button>
      )}
    </Group>
  );
}
