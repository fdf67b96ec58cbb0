/**
 * What the step panels read. Two layers, so typing in one field does not re-render the other few
 * hundred: the settings (how the record is shown and saved) change rarely; the stored fields are
 * read one key at a time from a FieldStore that tells only the fields whose value changed. Step
 * panels that show the whole record (prepared material, checklists) read the full assessment.
 */
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { Assessment, AssessmentChange, MeetingDetail } from '../../../shared/api/contract';

export type StoredField = Assessment['fields'][string];
export type MeetingView = Pick<MeetingDetail, 'attendance' | 'restrictedRevealed' | 'missingSectors'>;

export interface SessionSettings {
  itemId: string;
  meetingId: string;
  /** The audience screen: values as text, no inputs and no buttons. */
  readOnly: boolean;
  /** Fields take input (false on the audience screen, and once the case is done for the meeting). */
  editable: boolean;
  /** The projector theme: no client name, no speaker notes, restricted only when revealed. */
  presentation: boolean;
  /** Saves one field; resolves with the stored time (see useAutosave). */
  save: (change: AssessmentChange) => Promise<{ updatedAt: string }>;
  /** Reads the assessment again (after a change that is not one field, e.g. an added ICF category). */
  refresh: () => Promise<unknown>;
  /** The chair's window takes a meeting answer (reveal, drop) into its state. */
  onMeeting?: (meeting: MeetingDetail) => void;
  fields: FieldStore;
}

export interface SessionContextValue extends SessionSettings {
  assessment: Assessment;
  meeting: MeetingView | null;
}

const same = (a: StoredField | undefined, b: StoredField | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.updatedAt === b.updatedAt && a.updatedByName === b.updatedByName && JSON.stringify(a.value) === JSON.stringify(b.value));

/** The stored fields of one assessment, with a subscription per key. */
export class FieldStore {
  private fields: Readonly<Record<string, StoredField>>;
  private readonly listeners = new Map<string, Set<() => void>>();

  constructor(initial: Readonly<Record<string, StoredField>>) {
    this.fields = initial;
  }

  get(key: string): StoredField | undefined {
    return this.fields[key];
  }

  subscribe(key: string, cb: () => void): () => void {
    const set = this.listeners.get(key) ?? new Set();
    set.add(cb);
    this.listeners.set(key, set);
    return () => set.delete(cb);
  }

  /** Takes a newer answer; unchanged fields keep their object, and only changed keys are told. */
  update(next: Readonly<Record<string, StoredField>>): void {
    const merged: Record<string, StoredField> = {};
    const changed: string[] = [];
    for (const key of new Set([...Object.keys(this.fields), ...Object.keys(next)])) {
      const before = this.fields[key];
      const after = next[key];
      if (same(before, after)) {
        if (before) merged[key] = before;
      } else {
        changed.push(key);
        if (after) merged[key] = after;
      }
    }
    if (changed.length === 0) return;
    this.fields = merged;
    for (const key of changed) this.listeners.get(key)?.forEach((cb) => cb());
  }
}

export const SettingsContext = createContext<SessionSettings | null>(null);
export const SessionContext = createContext<SessionContextValue | null>(null);

/** Everything, the whole assessment included: re-renders with every change (step panels). */
export function useSession(): SessionContextValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside a SessionContext');
  return v;
}

/** How the record is shown and saved: stable while fields change (field components). */
export function useSettings(): SessionSettings {
  const v = useContext(SettingsContext);
  if (!v) throw new Error('useSettings outside a SettingsContext');
  return v;
}

/** One stored field, re-rendering only when that field changes. */
export function useStoredField(key: string): StoredField | undefined {
  const { fields } = useSettings();
  const subscribe = useCallback((cb: () => void) => fields.subscribe(key, cb), [fields, key]);
  return useSyncExternalStore(subscribe, () => fields.get(key));
}

export const sessionKeys = {
  meeting: (meetingId: string) => ['session.meeting', meetingId] as const,
  assessment: (itemId: string) => ['session.assessment', itemId] as const,
  audience: (meetingId: string) => ['session.audience', meetingId] as const,
};
