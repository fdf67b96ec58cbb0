/**
 * One field of the assessment record, kept in step with the backend in both directions.
 *
 * Out: the value is saved as it is edited (useAutosave: text after a pause, a choice at once, and
 * everything on lock, unmount and page exit). In: when another window changes the field, the new
 * stored value replaces this one, unless the user is in the field or has unsaved text in it; then
 * it waits until they leave it, and if they saved in the meantime theirs is the newer and stays
 * (last write wins per field). A newer stored value is taken by remounting the inner editor with
 * it as the saved baseline, so the autosave never sends a value back that it only received
 * (sync/SyncedEditor.tsx, shared with the plan's cards).
 */
export type { Binding } from '../sync/SyncedEditor';
import { Button, Group, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentChange } from '../../../shared/api/contract';
import { formatTime } from '../../../shared/domain/dates';
import { errorText } from '../../errors';
import type { Autosave } from '../preparation/useAutosave';
import { SyncedEditor, type Binding, type Live } from '../sync/SyncedEditor';
import { useSettings, type StoredField } from './context';

interface SyncedProps<T> {
  server: T;
  stored: StoredField | undefined;
  toChange: (v: T) => AssessmentChange;
  children: (b: Binding<T>) => ReactNode;
}

interface Baseline<T> {
  value: T;
  json: string;
  savedAt: string | null;
  generation: number;
}

export function Synced<T>({ server, stored, toChange, children }: SyncedProps<T>) {
  const json = JSON.stringify(server);
  const savedAt = stored?.updatedAt ?? null;
  const latest = useRef({ value: server, json, savedAt });
  latest.current = { value: server, json, savedAt };
  const [base, setBase] = useState<Baseline<T>>(() => ({ value: server, json, savedAt, generation: 0 }));
  const live = useRef<Live>({ json, savedAt, busy: false });
  const { save, editable } = useSettings();
  const saveValue = useCallback((v: T) => save(toChange(v)), [save, toChange]);

  const reconcile = useCallback(() => {
    setBase((b) => {
      const s = latest.current;
      if (s.json === b.json || s.json === live.current.json) return s.json === b.json ? b : { ...b, value: s.value, json: s.json };
      // Older than what this window saved last: a refetch that started before our save landed.
      if (s.savedAt !== null && live.current.savedAt !== null && s.savedAt <= live.current.savedAt) return b;
      if (live.current.busy) return b;
      return { value: s.value, json: s.json, savedAt: s.savedAt, generation: b.generation + 1 };
    });
  }, []);
  useEffect(reconcile, [json, savedAt, reconcile]);

  return (
    <SyncedEditor key={base.generation} initial={base.value} initialSavedAt={base.savedAt} live={live} onSettled={reconcile} save={saveValue} enabled={editable}>
      {children}
    </SyncedEditor>
  );
}

/**
 * A field's save state and who wrote it last ("Saved 14.05 · last edited by Aino Ahonen"). The text
 * is a polite live region; the retry button sits outside it.
 */
export function FieldStatus({ autosave, stored, compact }: { autosave: Autosave; stored: StoredField | undefined; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const { state, error, flush } = autosave;
  const message =
    state === 'saving'
      ? t('session.field.saving')
      : state === 'error'
        ? t('session.field.failed', { error: errorText(t, error) })
        : stored
          ? t(compact ? 'session.field.savedShort' : 'session.field.savedBy', { time: formatTime(stored.updatedAt, i18n.language), name: stored.updatedByName })
          : '';
  return (
    <Group gap="xs" mih={compact ? 0 : 24} wrap="nowrap">
      <Text size="xs" c={state === 'error' ? 'red.9' : 'dimmed'} aria-live="polite" data-state={state}>
        {message}
      </Text>
      {state === 'error' && (
        <Button size="compact-xs" variant="default" onClick={() => void flush()}>
          {t('session.field.retry')}
        </Button>
      )}
    </Group>
  );
}
