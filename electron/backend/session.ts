/** Use cases of the store and the session: status, setup, open another folder, sign in, lock, passwords. */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AppStatus, Output, ParsedInput } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import { normaliseName } from '../../shared/domain/client.js';
import { MIN_PASSWORD_LENGTH } from '../../shared/domain/user.js';
import { changePassword as changeOwnPassword, resetPassword } from '../../db/accounts.js';
import { getUserByUsername } from '../../db/repositories/users.js';
import { createStore, inspectStore, loadContext, openStore, openWithRecoveryKey } from '../../db/store.js';
import { record } from './access.js';
import { ensureSeal } from './seal.js';
import { dropSession, lockDataDir, requireSession, type BackendContext, type LockReason } from './context.js';
import { purgeStaleDrafts } from './drafts.js';
import { restartIdle, touch } from './idle.js';

export function appStatus(ctx: BackendContext): AppStatus {
  const base = { version: ctx.version, dataDir: ctx.dataDir };
  const s = ctx.session;
  if (s) {
    const { id, username, displayName, role, profession, organisation, mustChangePassword } = s.user;
    return {
      ...base,
      store: 'unlocked',
      organisationName: s.organisation.name,
      user: { id, username, displayName, role, profession, organisation },
      mustChangePassword,
      idleLockMinutes: ctx.idle.minutes,
    };
  }
  const state = inspectStore(ctx.dataDir);
  if (state.kind === 'none') return { ...base, store: 'none' };
  if (state.kind === 'problem') return { ...base, store: 'unavailable', problem: state.code };
  return ctx.lockReason ? { ...base, store: 'locked', lockReason: ctx.lockReason } : { ...base, store: 'locked' };
}

function checkPasswordLength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('invalid_input', `The password must be at least ${MIN_PASSWORD_LENGTH} characters.`, { fields: ['password'], min: MIN_PASSWORD_LENGTH });
  }
}

function started(ctx: BackendContext): AppStatus {
  ctx.lockReason = undefined;
  restartIdle(ctx);
  record(ctx.session!, { action: 'session.signIn', basis: 'session' });
  purgeStaleDrafts(ctx.session!);
  return appStatus(ctx);
}

export async function createNewStore(ctx: BackendContext, input: ParsedInput<'store.create'>): Promise<Output<'store.create'>> {
  checkPasswordLength(input.password);
  const organisationName = normaliseName(input.organisationName);
  const displayName = normaliseName(input.adminDisplayName);
  if (!organisationName || !displayName) throw new AppError('invalid_input', 'Names cannot be empty.', { fields: [organisationName ? 'adminDisplayName' : 'organisationName'] });
  dropSession(ctx);
  const { recoveryKey, ...store } = await createStore(
    ctx.dataDir,
    { organisationName, admin: { displayName, username: input.adminUsername, profession: input.adminProfession }, password: input.password },
    ctx.kdf,
  );
  ctx.session = store;
  // The organisation's seal for signed PDF exports (issue 7), made now so the first export is not slower.
  await ensureSeal(store);
  return { status: started(ctx), recoveryKey };
}

/** Switches to another folder that already holds a store. Never creates anything there. */
export function openFolder(ctx: BackendContext, input: ParsedInput<'store.open'>): AppStatus {
  const dir = resolve(input.dataDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new AppError('not_found', 'There is no such folder.');
  const state = inspectStore(dir);
  if (state.kind === 'none') throw new AppError('no_store', 'This folder holds no Tiimipöytä store.');
  if (state.kind === 'problem') throw new AppError(state.code, `This folder's store cannot be opened (${state.code}).`);
  if (dir === ctx.dataDir) return appStatus(ctx);
  const lockFile = lockDataDir(dir);
  dropSession(ctx);
  ctx.storeLock.release();
  ctx.storeLock = lockFile;
  ctx.dataDir = dir;
  ctx.lockReason = undefined;
  return appStatus(ctx);
}

export async function signIn(ctx: BackendContext, input: ParsedInput<'session.signIn'>): Promise<AppStatus> {
  dropSession(ctx);
  ctx.session = await openStore(ctx.dataDir, input.username, input.password, ctx.kdf);
  return started(ctx);
}

export function lock(ctx: BackendContext, reason: LockReason = 'user'): AppStatus {
  const wasOpen = ctx.session !== null;
  dropSession(ctx);
  if (wasOpen) {
    ctx.lockReason = reason;
    ctx.emit('session.locked', { reason });
  }
  return appStatus(ctx);
}

export async function changePassword(ctx: BackendContext, input: ParsedInput<'session.changePassword'>): Promise<AppStatus> {
  const s = requireSession(ctx);
  if (input.newPassword === input.currentPassword) throw new AppError('invalid_input', 'Choose a password different from the current one.', { fields: ['newPassword'] });
  await changeOwnPassword(s, s.user.id, input.currentPassword, input.newPassword);
  Object.assign(s, loadContext(s.db, s.user.id));
  record(s, { action: 'user.changePassword', basis: 'session', entity: `user:${s.user.id}` });
  return appStatus(ctx);
}

/**
 * A forgotten password: the recovery key opens the store, the user gets a new password slot and a
 * new signing key, and is signed in. The recovery key itself stays valid (an administrator can
 * rotate it); every use is logged.
 */
export async function recover(ctx: BackendContext, input: ParsedInput<'session.recover'>): Promise<AppStatus> {
  dropSession(ctx);
  const opened = await openWithRecoveryKey(ctx.dataDir, input.recoveryKey);
  try {
    const user = getUserByUsername(opened.db, input.username);
    if (!user) throw new AppError('not_found', 'No such user in this store.');
    const { organisation } = loadContext(opened.db, user.id);
    const handle = { dir: ctx.dataDir, db: opened.db, key: opened.key, storeId: opened.keyring.storeId, kdf: ctx.kdf };
    const updated = await resetPassword(handle, user.id, input.newPassword, { reactivate: false, mustChange: false });
    if (!updated.active) throw new AppError('forbidden', 'This account has been deactivated.');
    ctx.session = { ...handle, user: updated, organisation };
  } catch (err) {
    if (!ctx.session) opened.db.close();
    throw err;
  }
  record(ctx.session, { action: 'user.recoverPassword', basis: 'session', entity: `user:${ctx.session.user.id}` });
  return started(ctx);
}

/** The user is active in the window: the idle clock starts again. */
export function activity(ctx: BackendContext): Output<'session.activity'> {
  requireSession(ctx);
  touch(ctx);
  return { idleLockMinutes: ctx.idle.minutes };
}
