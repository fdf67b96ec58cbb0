/**
 * One card of the plan (a goal, an action, the details), kept in step with the backend both ways.
 *
 * Out: the card's whole object is saved as it is edited (useAutosave: text after a pause, a choice at
 * once, and everything on unmount, page exit and lock). In: every answer is the whole version, so a
 * save of goal 1 also brings goal 2 as the server last had it. That value replaces the card's only
 * when the card is settled (not focused, nothing unsaved) and the answer is newer than both the
 * card's last save and the value it started from; otherwise it waits, and the user's text stays.
 * A newer value is taken by remounting the editor with it as the saved baseline, so the autosave
 * never sends back a value it only received. (The assessment's Synced does the same per field.)
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type ReactNode, type RefObject } from 'react';
import { useAutosave, type Autosave } from '../preparation/useAutosave';

const SAVE_DELAY_MS = 600;

export interface CardBinding<T> {
  value: T;
  /** Typing: saved after a pause. */
  set: (v: T) => void;
  /** A choice: saved at once. */
  setNow: (v: T) => void;
  autosave: Autosave;
  /** Spread on the card's outermost element: while focus is inside, a newer server value waits. */
  focus: { onFocus: () => void; onBlur: (e: FocusEvent<HTMLElement>) => void };
}

interface SyncedCardProps<T> {
  server: T;
  /** When the server value was current: the version's updatedAt. */
  serverAt: string;
  save: (v: T) => Promise<{ updatedAt: string }>;
  /** False stops saving (the card is being removed). */
  enabled: boolean;
  children: (b: CardBinding<T>) => ReactNode;
}

interface Live {
  json: string;
  savedAt: string | null;
  busy: boolean;
}

interface Baseline<T> {
  value: T;
  json: string;
  at: string;
  generation: number;
}

export function SyncedCard<T>({ server, serverAt, save, enabled, children }: SyncedCardProps<T>) {
  const json = JSON.stringify(server);
  const latest = useRef({ value: server, json, at: serverAt });
  useLayoutEffect(() => {
    latest.current = { value: server, json, at: serverAt };
  });
  const [base, setBase] = useState<Baseline<T>>(() => ({ value: server, json, at: serverAt, generation: 0 }));
  const live = useRef<Live>({ json, savedAt: null, busy: false });

  const reconcile = useCallback(() => {
    setBase((b) => {
      const s = latest.current;
      if (s.json === b.json) return b;
      // The server caught up with what is typed here: nothing to take.
      if (s.json === live.current.json) return { ...b, value: s.value, json: s.json, at: s.at };
      // An answer older than what this card started from or saved last (a slower reply, a refetch).
      if (s.at < b.at || (live.current.savedAt !== null && s.at <= live.current.savedAt)) return b;
      if (live.current.busy) return b;
      return { value: s.value, json: s.json, at: s.at, generation: b.generation + 1 };
    });
  }, []);
  useEffect(reconcile, [json, serverAt, reconcile]);

  return (
    <CardEditor key={base.generation} initial={base.value} live={live} onSettled={reconcile} save={save} enabled={enabled}>
      {children}
    </CardEditor>
  );
}

function CardEditor<T>(props: {
  initial: T;
  live: RefObject<Live>;
  onSettled: () => void;
  save: (v: T) => Promise<{ updatedAt: string }>;
  enabled: boolean;
  children: (b: CardBinding<T>) => ReactNode;
}) {
  const { initial, live, onSettled, save, enabled, children } = props;
  const [value, setValue] = useState(initial);
  const [focused, setFocused] = useState(false);
  const flushNext = useRef(false);
  const autosave = useAutosave(value, save, { delayMs: SAVE_DELAY_MS, enabled });
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
