/**
 * The demo store: fictional clients in a folder beside the real store folder (never inside it),
 * so a newcomer can look around and try things without touching real data.
 */
import { dirname, join, resolve } from 'node:path';
import type { AppStatus, Output, UserSummary } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import { inspectStore } from '../../db/store.js';
import type { BackendContext } from './context.js';
import { createDemoStore, type DemoAccount } from './demo-data.js';
import { DEMO_ACCOUNTS, DEMO_ORGANISATION } from './demo-people.js';
import { createBackend } from './index.js';
import { openFolder } from './session.js';

/**
 * The demo holds fictional people only, so its password is no secret: it is shown on the welcome
 * screen and printed by `cli demo`. WORKBENCH_PASSWORD replaces it where set.
 */
export const DEMO_PASSWORD = 'demo-tiimipoyta-2026';

export function demoPassword(env: NodeJS.ProcessEnv = process.env): string {
  return env.WORKBENCH_PASSWORD || DEMO_PASSWORD;
}

export function demoDir(dataDir: string): string {
  return join(dirname(resolve(dataDir)), 'demo');
}

/** The demo's own accounts as the store lists them now (ones added in the demo may have other passwords). */
function demoAccounts(users: UserSummary[]): DemoAccount[] {
  return DEMO_ACCOUNTS.flatMap((a) => {
    const u = users.find((x) => x.username === a.username && x.active);
    return u ? [{ username: u.username, displayName: u.displayName, profession: u.profession, role: u.role }] : [];
  });
}

/** Signs in to an existing demo with its own backend (its own lock) to read the accounts, then lets go. */
async function existingAccounts(ctx: BackendContext, dir: string, password: string): Promise<DemoAccount[]> {
  const backend = createBackend({ dataDir: dir, version: ctx.version, kdf: ctx.kdf });
  try {
    const signedIn = await backend.invoke('session.signIn', { username: DEMO_ACCOUNTS[0]!.username, password });
    if (!signedIn.ok) {
      const code = signedIn.error.code;
      throw new AppError(code, code === 'wrong_password' ? 'The demo store was made with another password (was WORKBENCH_PASSWORD set then?).' : signedIn.error.message);
    }
    // A store someone else put in the folder is not ours to list, even if this password opens it.
    if ((signedIn.value as AppStatus).organisationName !== DEMO_ORGANISATION) throw new AppError('store_exists', 'The folder beside the store holds a store that is not the demo.');
    const users = await backend.invoke('users.list', {});
    if (!users.ok) throw new AppError(users.error.code, users.error.message);
    return demoAccounts(users.value as UserSummary[]);
  } finally {
    backend.close();
  }
}

/** Builds the demo; if another call finished first (a double click), opens that one instead. */
async function build(ctx: BackendContext, dir: string, password: string): Promise<DemoAccount[]> {
  try {
    return (await createDemoStore(dir, { password, kdf: ctx.kdf, version: ctx.version })).accounts;
  } catch (err) {
    if (err instanceof AppError && err.code === 'store_exists') return existingAccounts(ctx, dir, password);
    throw err;
  }
}

/**
 * Creates the demo (once) and switches to it exactly as opening another folder does: locked,
 * waiting for a sign-in. Answers with the accounts and their shared password.
 */
export async function openDemo(ctx: BackendContext): Promise<Output<'store.openDemo'>> {
  const dir = demoDir(ctx.dataDir);
  // The demo itself is open, or the store folder is named "demo": nothing can go beside it.
  if (dir === resolve(ctx.dataDir)) throw new AppError('invalid_input', 'The open store folder is the demo folder itself.');
  const password = demoPassword();
  const state = inspectStore(dir);
  if (state.kind === 'problem') throw new AppError(state.code, `The demo folder cannot be opened (${state.code}).`);
  const accounts = state.kind === 'none' ? await build(ctx, dir, password) : await existingAccounts(ctx, dir, password);
  // The demo's own backend has closed and released the folder: now it can be taken over.
  const status = openFolder(ctx, { dataDir: dir });
  return { status, password, accounts };
}
