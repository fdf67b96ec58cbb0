/**
 * Autosave for forms that have no save button. The rule is that nothing typed is lost: a change is
 * written after a pause, and also right away when the form unmounts, when the page is hidden or
 * closed, and when the app is about to lock (`flushAllAutosaves`). Saves of one form never overlap,
 * so an older value can never land after a newer one; a failed save keeps the value and tries again
 * on the next change or an explicit flush.
 */
import { useEffect, useState } from 'react';

export type AutosaveState = 'idle' | 'saving' | 'saved' | 'error';

export interface Autosave {
  /** 'saving' from the first unsaved change until the server confirms it (including the pause). */
  state: AutosaveState;
  /** When the server last confirmed a save (ISO, UTC); the stored time until this page saves. */
  savedAt: string | null;
  error: unknown;
  /** Saves the latest value now if it differs from the saved one; never rejects (see `error`). */
  flush: () => Promise<void>;
}

export interface AutosaveOptions {
  delayMs?: number;
  /** False: nothing is saved (read-only users, or a value the form knows is invalid). */
  enabled?: boolean;
  initialSavedAt?: string | null;
}

type Status = Pick<Autosave, 'state' | 'savedAt' | 'error'>;
type SaveFn<T> = (value: T) => Promise<{ updatedAt: string }>;

/** What the module-level registry needs of a mounted autosave, whatever its value type. */
interface Flushable {
  flush(): Promise<void>;
  /** The last save failed and its value is still not saved. */
  failed(): { error: unknown } | null;
  mounted: boolean;
}

interface Saver<T> extends Flushable {
  update(value: T, json: string): void;
  configure(save: SaveFn<T>, delayMs: number, enabled: boolean): void;
}

function createSaver<T>(initial: T, initialJson: string, initialSavedAt: string | null, report: (patch: Partial<Status>) => void): Saver<T> {
  let latest = initial;
  let latestJson = initialJson;
  // The initial value is what the server already has, so it is never sent back.
  let savedJson = initialJson;
  let save: SaveFn<T> = () => Promise.reject(new Error('autosave used before it was configured'));
  let delay = 800;
  let enabled = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let lastError: { error: unknown } | null = null;
  let attempts = 0;
  let lastTriedJson: string | null = null;
  let savedAt = initialSavedAt;

  const stop = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const dirty = () => enabled && latestJson !== savedJson;
  // A change waiting for its pause already reads "saving": it is not saved yet, and the user (and
  // a test waiting for every form to settle) should not be told otherwise.
  const schedule = () => {
    stop();
    if (dirty()) {
      timer = setTimeout(() => void flush(), delay);
      report({ state: 'saving' });
    } else if (!running) {
      report({ state: savedAt ? 'saved' : 'idle', error: null });
    }
  };

  async function saveLatest(): Promise<void> {
    const value = latest;
    const json = latestJson;
    attempts += 1;
    lastTriedJson = json;
    report({ state: 'saving' });
    try {
      const { updatedAt } = await save(value);
      savedJson = json;
      savedAt = updatedAt;
      lastError = null;
      report({ state: dirty() ? 'saving' : 'saved', savedAt: updatedAt, error: null });
    } catch (error) {
      lastError = { error };
      report({ state: 'error', error });
    }
  }

  async function flush(): Promise<void> {
    stop();
    const asked = attempts;
    // Wait out a save in flight; whoever wakes first starts the next one, the others wait for it.
    while (running) await running;
    if (!dirty()) return;
    // This very value was already tried after we were asked (and failed): one attempt per flush.
    if (attempts > asked && lastTriedJson === latestJson) return;
    running = saveLatest().finally(() => {
      running = null;
    });
    await running;
  }

  return {
    mounted: false,
    flush,
    failed: () => (dirty() ? lastError : null),
    update(value, json) {
      if (json === latestJson) return;
      latest = value;
      latestJson = json;
      schedule();
    },
    configure(nextSave, nextDelay, nextEnabled) {
      save = nextSave;
      delay = nextDelay;
      if (nextEnabled !== enabled) {
        enabled = nextEnabled;
        schedule();
      }
    },
  };
}

const live = new Set<Flushable>();
let listening = false;

function listenForPageExit(): void {
  if (listening) return;
  listening = true;
  const flushQuietly = () => void flushAllAutosaves().catch(() => undefined);
  // pagehide covers closing and reloading; a hidden window (minimised, another tab) may never come back.
  window.addEventListener('pagehide', flushQuietly);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushQuietly();
  });
}

/**
 * Saves every mounted (or just unmounted, still saving) autosave now. Rejects with the first save
 * error if something typed could not be saved, so the caller can decide whether to go on.
 */
export async function flushAllAutosaves(): Promise<void> {
  const all = [...live];
  await Promise.all(all.map((s) => s.flush()));
  const failed = all.map((s) => s.failed()).find((f) => f !== null);
  if (failed) throw failed.error;
}

export function useAutosave<T>(value: T, save: SaveFn<T>, options: AutosaveOptions = {}): Autosave {
  const { delayMs = 800, enabled = true, initialSavedAt = null } = options;
  const json = JSON.stringify(value);
  const [status, setStatus] = useState<Status>(() => ({ state: initialSavedAt ? 'saved' : 'idle', savedAt: initialSavedAt, error: null }));
  const [saver] = useState(() => createSaver(value, json, initialSavedAt, (patch) => setStatus((s) => ({ ...s, ...patch }))));

  // Declared first so the save function and flags are current before the value effect runs.
  useEffect(() => saver.configure(save, delayMs, enabled));
  // Keyed by the JSON: a new object with the same content is not a change.
  useEffect(() => saver.update(value, json), [saver, json]);
  useEffect(() => {
    saver.mounted = true;
    live.add(saver);
    listenForPageExit();
    return () => {
      saver.mounted = false;
      // Leaving the page saves what was typed; the registry keeps the saver until that is done, so a
      // lock right after navigation still waits for it. StrictMode remounts before this settles.
      void saver.flush().finally(() => {
        if (!saver.mounted) live.delete(saver);
      });
    };
  }, [saver]);

  return { ...status, flush: saver.flush };
}
