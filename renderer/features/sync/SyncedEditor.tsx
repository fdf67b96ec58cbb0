/**
 * The editing half of a value kept in step with the backend (the assessment's fields in
 * assessment/Synced.tsx, the plan's cards in plans/SyncedCard.tsx): it holds what is typed, saves it
 * through useAutosave (text after a pause, a choice at once, everything on lock, unmount and page
 * exit), and reports through `live` what it holds and whether it is busy (focused, saving or
 * failed), so the owner knows when a newer server value may replace it. The owner takes a newer
 * value by remounting this editor with it as the baseline, so the autosave never sends back a value
 * it only received.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type ReactNode, type RefObject } from 'react';
import { useAutosave, type Autosave } from '../preparation/useAutosave';

/** How long typing rests before it is saved. */
export const SYNC_SAVE_DELAY_MS = 600;

export interface Binding<T> {
  value: T;
  /** Typing: saved after a pause. */
  set: (v: T) => void;
  /** A choice: saved at once. */
  setNow: (v: T) => void;
  autosave: Autosave;
  /** Spread on the outermost element: while focus is inside, a newer server value waits. */
  focus: { onFocus: () => void; onBlur: (e: FocusEvent<HTMLElement>) => void };
}

/** What the editor holds now, for its owner's reconciling. */
export interface Live {
  json: string;
  savedAt: string | null;
  busy: boolean;
}

export function SyncedEditor<T>(props: {
  initial: T;
  /** When the initial value was saved (shown as "saved 14.05" until the next save). */
  initialSavedAt?: string | null;
  live: RefObject<Live>;
  onSettled: () => void;
  save: (v: T) => Promise<{ updatedAt: string }>;
  enabled: boolean;
  children: (b: Binding<T>) => ReactNode;
}) {
  const { initial, initialSavedAt = null, live, onSettled, save, enabled, children } = props;
  const [value, setValue] = useState(initial);
  const [focused, setFocused] = useState(false);
  const flushNext = useRef(false);
  const autosave = useAutosave(value, save, { delayMs: SYNC_SAVE_DELAY_MS, initialSavedAt, enabled });
  const { flush } = autosave;

  // After useAutosave's own effects, so the saver already holds the chosen value.
  useEffect(() => {
    if (!flushNext.current) return;
    flushNext.current = false;
    void flush();
  });

  const busy = focused || autosave.state === 'saving' || autosave.state === 'error';
  useLayoutEffect(() => {
    live.current = { json: JSON.stringify(value), savedAt: autosave.savedAt, busy };
  });
  useEffect(() => {
    if (!busy) onSettled();
  }, [busy, onSettled]);

  const set = useCallback((v: T) => setValue(v), []);
  const setNow = useCallback((v: T) => {
    flushNext.current = true;
    setValue(v);
  }, []);
  const focus = useMemo(
    () => ({
      onFocus: () => setFocused(true),
      onBlur: (e: FocusEvent<HTMLElement>) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
      },
    }),
    [],
  );
  return <>{children({ value, set, setNow, autosave, focus })}</>;
}
