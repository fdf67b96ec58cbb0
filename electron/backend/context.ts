import { mkdirSync } from 'node:fs';
import { AppError } from '../../shared/api/errors.js';
import type { EventName, EventPayload } from '../../shared/api/contract.js';
import type { KdfParams } from '../../db/keyring.js';
import { acquireStoreLock, type StoreLock } from '../../db/lockfile.js';
import type { OpenStore } from '../../db/store.js';

/** Everything a use case may touch. One per backend; the transports never see it. */
export interface BackendContext {
  readonly version: string;
  readonly kdf: KdfParams;
  dataDir: string;
  storeLock: StoreLock;
  /** The unlocked store; null while locked. The key never leaves this object. */
  session: OpenStore | null;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export function requireSession(ctx: BackendContext): OpenStore {
  if (!ctx.session) throw new AppError('locked', 'The workbench is locked; sign in first.');
  return ctx.session;
}

/** Takes the folder's lock (creating the folder if needed) so a second instance refuses it. */
export function lockDataDir(dir: string): StoreLock {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return acquireStoreLock(dir);
}

/** Closes the database and forgets the key; the next call needs a new sign-in. */
export function dropSession(ctx: BackendContext): void {
  const s = ctx.session;
  if (!s) return;
  ctx.session = null;
  s.key.fill(0);
  s.db.close();
}
