import { mkdirSync } from 'node:fs';
import { AppError } from '../../shared/api/errors.js';
import type { EventName, EventPayload } from '../../shared/api/contract.js';
import type { Role } from '../../shared/domain/user.js';
import type { KdfParams } from '../../db/keyring.js';
import { acquireStoreLock, type StoreLock } from '../../db/lockfile.js';
import type { OpenStore } from '../../db/store.js';

export type LockReason = 'user' | 'idle' | 'system';

/** Everything a use case may touch. One per backend; the transports never see it. */
export interface BackendContext {
  readonly version: string;
  readonly kdf: KdfParams;
  dataDir: string;
  storeLock: StoreLock;
  /** The unlocked store; null while locked. The key never leaves this object. */
  session: OpenStore | null;
  idle: { timer: NodeJS.Timeout | null; lastActivity: number; minutes: number };
  lockReason: LockReason | undefined;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export function requireSession(ctx: BackendContext): OpenStore {
  if (!ctx.session) throw new AppError('locked', 'The workbench is locked; sign in first.');
  return ctx.session;
}

/** The session, if its user has one of the roles and has chosen their own password. */
export function requireRole(ctx: BackendContext, ...roles: Role[]): OpenStore {
  const s = requireSession(ctx);
  if (s.user.mustChangePassword) throw new AppError('password_change_required', 'Choose your own password first.');
  if (!roles.includes(s.user.role)) throw new AppError('forbidden', 'Your role does not allow this.');
  return s;
}

/** Any signed-in user who has chosen their own password. */
export function requireUser(ctx: BackendContext): OpenStore {
  return requireRole(ctx, 'administrator', 'team_member', 'read_only');
}

/** Takes the folder's lock (creating the folder if needed) so a second instance refuses it. */
export function lockDataDir(dir: string): StoreLock {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return acquireStoreLock(dir);
}

/** Closes the database and forgets the key; the next call needs a new sign-in. */
export function dropSession(ctx: BackendContext): void {
  if (ctx.idle.timer) clearTimeout(ctx.idle.timer);
  ctx.idle.timer = null;
  const s = ctx.session;
  if (!s) return;
  ctx.session = null;
  s.key.fill(0);
  s.db.close();
}
