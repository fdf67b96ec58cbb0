/** Use cases of the store and the session: status, setup, open another folder, sign in, lock. */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AppStatus, ParsedInput } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import { normaliseName } from '../../shared/domain/client.js';
import { MIN_PASSWORD_LENGTH } from '../../shared/domain/user.js';
import { createStore, inspectStore, openStore } from '../../db/store.js';
import { dropSession, lockDataDir, type BackendContext } from './context.js';

export function appStatus(ctx: BackendContext): AppStatus {
  const base = { version: ctx.version, dataDir: ctx.dataDir };
  const s = ctx.session;
  if (s) {
    const { id, username, displayName, role, profession } = s.user;
    return { ...base, store: 'unlocked', organisationName: s.organisation.name, user: { id, username, displayName, role, profession } };
  }
  const state = inspectStore(ctx.dataDir);
  if (state.kind === 'none') return { ...base, store: 'none' };
  if (state.kind === 'problem') return { ...base, store: 'unavailable', problem: state.code };
  return { ...base, store: 'locked' };
}

export async function createNewStore(ctx: BackendContext, input: ParsedInput<'store.create'>): Promise<AppStatus> {
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('invalid_input', `The password must be at least ${MIN_PASSWORD_LENGTH} characters.`, { field: 'password', min: MIN_PASSWORD_LENGTH });
  }
  const organisationName = normaliseName(input.organisationName);
  const displayName = normaliseName(input.adminDisplayName);
  if (!organisationName || !displayName) throw new AppError('invalid_input', 'Names cannot be empty.');
  dropSession(ctx);
  ctx.session = await createStore(
    ctx.dataDir,
    { organisationName, admin: { displayName, username: input.adminUsername, profession: input.adminProfession }, password: input.password },
    ctx.kdf,
  );
  return appStatus(ctx);
}

/** Switches to another folder that already holds a store. Never creates anything there. */
export function openFolder(ctx: BackendContext, input: ParsedInput<'store.open'>): AppStatus {
  const dir = resolve(input.dataDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new AppError('not_found', 'There is no such folder.');
  const state = inspectStore(dir);
  if (state.kind === 'none') throw new AppError('no_store', 'This folder holds no Tiimipöytä store.');
  if (state.kind === 'problem') throw new AppError(state.code, `This folder's store cannot be opened (${state.code}).`);
  if (dir === ctx.dataDir) return appStatus(ctx);
  const lock = lockDataDir(dir);
  dropSession(ctx);
  ctx.storeLock.release();
  ctx.storeLock = lock;
  ctx.dataDir = dir;
  return appStatus(ctx);
}

export async function signIn(ctx: BackendContext, input: ParsedInput<'session.signIn'>): Promise<AppStatus> {
  dropSession(ctx);
  ctx.session = await openStore(ctx.dataDir, input.username, input.password);
  return appStatus(ctx);
}

export function lock(ctx: BackendContext, reason: 'user' | 'idle' | 'system' = 'user'): AppStatus {
  const wasOpen = ctx.session !== null;
  dropSession(ctx);
  if (wasOpen) ctx.emit('session.locked', { reason });
  return appStatus(ctx);
}
