/**
 * Server-side drafts for forms that have a Save button (issue 4: nothing typed is lost on
 * navigation, lock, crash or restart). The form's changes are autosaved as the user's own draft
 * through `useAutosave`, so the flush before a lock, on unmount and when the page is hidden covers
 * them too; the next time the form opens, the draft is put back and the user is told so.
 *
 * A draft holds only the fields that differ from the form's initial values: on an edit form the
 * fields the user did not touch come from the stored record when the draft is restored, and a form
 * changed back to its initial values has no draft at all.
 *
 * The form key (see DRAFT_FORM_KEY) is fixed for the life of the component: key the form by it.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppStatus, Input, Output } from '../../../shared/api/contract';
import { invoke } from '../../api/client';
import { STATUS_KEY } from '../../api/keys';
import { useAutosave, type Autosave } from '../preparation/useAutosave';

type DraftData = Input<'drafts.save'>['data'];
type StoredDraft = Output<'drafts.get'>;

/** What the hook needs of a form; a `@mantine/form` form is one. */
export interface DraftableForm<T> {
  values: T;
  setValues: (values: T) => void;
}

export interface FormDraftOptions {
  /** False: no draft is read or kept (the form is read-only). Users who may not write never have drafts. */
  enabled?: boolean;
  delayMs?: number;
}

export interface FormDraft {
  /** Drafts are kept for this form. */
  active: boolean;
  /** When the draft put back into the form was saved; null if none was (or it was discarded). */
  restoredAt: string | null;
  /** When the draft now stored was saved; null when there is none. */
  savedAt: string | null;
  autosave: Autosave;
  /** Why the last "discard" failed, if it did. */
  discardError: unknown;
  /** The notice's button: the form goes back to its initial values and the draft is removed; typing again starts a new one. */
  discard: () => Promise<void>;
  /** The form was submitted or cancelled: nothing more is saved and the draft is removed. Never rejects. */
  complete: () => Promise<void>;
}

/*
 * Writes of a form's draft still under way, so that the next read of it waits for them: a form
 * closed with Escape saves on unmount, and the form opened again right away must see that save;
 * a form just submitted discards its draft, and the next one must not get it back.
 */
const writes = new Map<string, Promise<void>>();

function track<R>(formKey: string, write: Promise<R>): Promise<R> {
  const next: Promise<void> = Promise.allSettled([writes.get(formKey), write]).then(() => {
    if (writes.get(formKey) === next) writes.delete(formKey);
  });
  writes.set(formKey, next);
  return write;
}

/** One read per form key at a time: StrictMode's second mount shares the first one's request. */
const reads = new Map<string, Promise<StoredDraft>>();

function readDraft(formKey: string): Promise<StoredDraft> {
  let read = reads.get(formKey);
  if (!read) {
    read = (async () => {
      for (let i = 0; i < 10 && writes.has(formKey); i++) await writes.get(formKey);
      return invoke('drafts.get', { formKey });
    })();
    const done = () => {
      if (reads.get(formKey) === read) reads.delete(formKey);
    };
    read.then(done, done);
    reads.set(formKey, read);
  }
  return read;
}

const json = (v: unknown) => JSON.stringify(v);

/** The fields of `values` that differ from `initial`, in the initial values' key order. */
function changedFields(initial: object, values: object): DraftData {
  const out: DraftData = {};
  const now = values as Record<string, unknown>;
  for (const [key, was] of Object.entries(initial)) {
    if (json(now[key]) !== json(was)) out[key] = now[key] as DraftData[string];
  }
  return out;
}

/** The stored fields the form still has, of the same kind (a draft of an older form version is used as far as it fits). */
function usableFields(initial: object, data: DraftData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, was] of Object.entries(initial)) {
    if (!Object.hasOwn(data, key)) continue;
    const v = data[key];
    const sameKind = was === null || (typeof v === typeof was && Array.isArray(v) === Array.isArray(was) && v !== null);
    if (sameKind) out[key] = v;
  }
  return out;
}

const isEmpty = (d: DraftData) => Object.keys(d).length === 0;

export function useFormDraft<T extends object>(formKey: string, clientId: string | null, form: DraftableForm<T>, options: FormDraftOptions = {}): FormDraft {
  const queryClient = useQueryClient();
  const role = queryClient.getQueryData<AppStatus>(STATUS_KEY)?.user?.role;
  const active = (options.enabled ?? true) && (role === 'administrator' || role === 'team_member');
  // The values the form opened with; the form is keyed, so they do not change while it is open.
  const [initial] = useState(() => form.values);
  const formRef = useRef(form);
  formRef.current = form;

  const [loaded, setLoaded] = useState(false);
  // What the server holds, as changed fields; the form equal to it is nothing new to save.
  const [baseline, setBaseline] = useState<DraftData>({});
  const baselineRef = useRef<DraftData>({});
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [discardError, setDiscardError] = useState<unknown>(null);
  const [stopped, setStopped] = useState(false);
  // Checked inside the save itself, so a save already scheduled can never bring a discarded draft back.
  const stoppedRef = useRef(false);
  const readDone = useRef(false);

  const changed = changedFields(initial, form.values);
  // null: "as the server has it" (nothing typed, or the restored draft untouched).
  const value = loaded && json(changed) !== json(baseline) ? changed : null;

  const autosave = useAutosave<DraftData | null>(
    value,
    async (v) => {
      if (stoppedRef.current) return { updatedAt: new Date().toISOString() };
      const data = v ?? baselineRef.current;
      if (isEmpty(data)) {
        // Changed back to the initial values: there is nothing to keep.
        await track(formKey, invoke('drafts.discard', { formKey }));
        setSavedAt(null);
        return { updatedAt: new Date().toISOString() };
      }
      const saved = await track(formKey, invoke('drafts.save', { formKey, clientId, data }));
      if (!stoppedRef.current) setSavedAt(saved.updatedAt);
      return saved;
    },
    { enabled: active && loaded && !stopped, ...(options.delayMs === undefined ? {} : { delayMs: options.delayMs }) },
  );
  const { flush } = autosave;

  useEffect(() => {
    if (!active || readDone.current) return;
    let alive = true;
    const settle = () => {
      readDone.current = true;
      setLoaded(true);
    };
    readDraft(formKey).then(
      (draft) => {
        if (!alive || readDone.current) return;
        if (draft && !stoppedRef.current) {
          const fields = usableFields(initial, draft.data);
          const restored = changedFields(initial, { ...initial, ...fields });
          if (isEmpty(restored)) {
            // Nothing in it differs from the form as it opens now: forget it.
            void track(formKey, invoke('drafts.discard', { formKey })).catch(() => undefined);
          } else {
            baselineRef.current = restored;
            setBaseline(restored);
            setRestoredAt(draft.updatedAt);
            setSavedAt(draft.updatedAt);
            // Anything typed while the draft was on its way stays (and is saved as a change).
            formRef.current.setValues({ ...formRef.current.values, ...fields });
          }
        }
        settle();
      },
      () => {
        // The draft could not be read: what is typed now is still kept.
        if (alive && !readDone.current) settle();
      },
    );
    return () => {
      alive = false;
    };
  }, [active, formKey, initial]);

  // Leaving the form saves what was typed (useAutosave does it); the next read of this form waits for that.
  useEffect(() => () => void track(formKey, flush()), [formKey, flush]);

  const complete = useCallback(async () => {
    if (stoppedRef.current) return;
    stoppedRef.current = true;
    setStopped(true);
    setRestoredAt(null);
    if (!active) return;
    const done = (async () => {
      await flush();
      await invoke('drafts.discard', { formKey });
      setSavedAt(null);
    })();
    // A draft left behind would only be offered once more, with its own discard button.
    await track(formKey, done).catch(() => undefined);
  }, [active, flush, formKey]);

  const discard = useCallback(async () => {
    baselineRef.current = {};
    setBaseline({});
    setRestoredAt(null);
    setSavedAt(null);
    setDiscardError(null);
    formRef.current.setValues(initial);
    const done = (async () => {
      // A save under way lands first; the form's initial values then mean "no draft".
      await flush();
      await invoke('drafts.discard', { formKey });
    })();
    try {
      await track(formKey, done);
    } catch (error) {
      setDiscardError(error);
    }
  }, [flush, formKey, initial]);

  return { active, restoredAt, savedAt, autosave, discardError, discard, complete };
}
