/**
 * One card of the plan (a goal, an action, the details), kept in step with the backend both ways.
 *
 * Out: the card's whole object is saved as it is edited (useAutosave: text after a pause, a choice at
 * once, and everything on unmount, page exit and lock). In: every answer is the whole version, so a
 * save of goal 1 also brings goal 2 as the server last had it. That value replaces the card's only
 * when the card is settled (not focused, nothing unsaved) and the answer is newer than both the
 * card's last save and the value it started from; otherwise it waits, and the user's text stays.
 * A newer value is taken by remounting the editor with it as the saved baseline, so the autosave
 * never sends back a value it only received (sync/SyncedEditor.tsx, shared with the assessment's
 * fields).
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { SyncedEditor, type Binding, type Live } from '../sync/SyncedEditor';

interface SyncedCardProps<T> {
  server: T;
  /** When the server value was current: the version's updatedAt. */
  serverAt: string;
  save: (v: T) => Promise<{ updatedAt: string }>;
  /** False stops saving (the card is being removed). */
  enabled: boolean;
  children: (b: Binding<T>) => ReactNode;
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
    <SyncedEditor key={base.generation} initial={base.value} live={live} onSettled={reconcile} save={save} enabled={enabled}>
      {children}
    </SyncedEditor>
  );
}
