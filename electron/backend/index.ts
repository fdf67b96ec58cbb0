/**
 * The host-agnostic backend: every use case behind one `invoke(channel, input)`. Electron's IPC
 * and the loopback HTTP server both call this and nothing else, so a flow tested in the browser
 * is the flow the desktop app runs.
 */
import { contract, IDLE_LOCK_MINUTES, isChannel, type Channel, type EventName, type EventPayload } from '../../shared/api/contract.js';
import { fail, ok, type Result } from '../../shared/api/errors.js';
import { DEFAULT_KDF, type KdfParams } from '../../db/keyring.js';
import { toAppError } from '../../db/errors.js';
import { dropSession, lockDataDir, type BackendContext } from './context.js';
import { handlers, type Handler, type HandlerMap } from './handlers.js';
import { touch } from './idle.js';
import { lock } from './session.js';

export type BackendListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface Backend {
  /** Parses the input with the channel's schema, runs the use case, and never throws. */
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: BackendListener): () => void;
  /** Locks from the host: the OS suspends, the screen locks (Electron's powerMonitor). */
  lock(reason: 'user' | 'idle' | 'system'): void;
  /** Locks and releases the store folder. */
  close(): void;
  readonly dataDir: string;
}

export interface BackendOptions {
  dataDir: string;
  version: string;
  /** Key-derivation cost; only tests lower it, to keep a suite of many sign-ins quick. */
  kdf?: KdfParams;
  /** Where unexpected errors are reported (never shown to the user verbatim). */
  log?: (message: string) => void;
}

/** Throws `store_in_use` when another process holds the folder. */
export function createBackend(options: BackendOptions): Backend {
  const listeners = new Set<BackendListener>();
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const ctx: BackendContext = {
    version: options.version,
    kdf: options.kdf ?? DEFAULT_KDF,
    dataDir: options.dataDir,
    storeLock: lockDataDir(options.dataDir),
    session: null,
    idle: { timer: null, lastActivity: 0, minutes: IDLE_LOCK_MINUTES.default },
    lockReason: undefined,
    emit(event, payload) {
      for (const l of listeners) l(event, payload);
    },
  };

  async function run<K extends Channel>(channel: K, input: unknown): Promise<Result<unknown>> {
    const parsed = contract[channel].input.safeParse(input ?? {});
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => i.path.join('.')).filter(Boolean);
      return fail({ code: 'invalid_input', message: 'The input is not valid.', details: { fields } });
    }
    const handler: Handler<K> = (handlers as HandlerMap)[channel];
    // A call the user made is activity; the status poll is not.
    if (channel !== 'app.status') touch(ctx);
    const output = await handler(ctx, parsed.data as never);
    // Checking the output keeps anything the schema does not name (a key, a row) from leaving.
    return ok(contract[channel].output.parse(output));
  }

  return {
    get dataDir() {
      return ctx.dataDir;
    },
    async invoke(channel, input) {
      if (!isChannel(channel)) return fail({ code: 'not_found', message: `No such channel: ${String(channel).slice(0, 80)}` });
      try {
        return await run(channel, input);
      } catch (err) {
        const e = toAppError(err);
        if (e.code === 'internal') {
          log(`[backend] ${channel}: ${(err as Error)?.stack ?? String(err)}`);
          return fail({ code: 'internal', message: 'Unexpected error; nothing was changed.' });
        }
        return fail(e.toJSON());
      }
    },
    lock(reason) {
      lock(ctx, reason);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      dropSession(ctx);
      ctx.storeLock.release();
      listeners.clear();
    },
  };
}

