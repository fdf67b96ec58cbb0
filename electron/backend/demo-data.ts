/**
 * Creates the demo store: a new store in an empty folder, filled through the backend's own use
 * cases (the ones the UI calls), so every datum passed the same validation, access log and
 * readiness gate as real work would.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Channel, Input, Output } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import { todayInFinland } from '../../shared/domain/dates.js';
import { MIN_PASSWORD_LENGTH, type Profession, type Role } from '../../shared/domain/user.js';
import type { KdfParams } from '../../db/keyring.js';
import { inspectStore } from '../../db/store.js';
import { createBackend } from './index.js';
import { DEMO_ACCOUNTS, DEMO_ORGANISATION } from './demo-people.js';
import { enterMeetings } from './demo-meetings.js';
import { DEMO_SEED, planDemo, type ClientPlan } from './demo-plan.js';

export { DEMO_ACCOUNTS, DEMO_ORGANISATION, DEMO_SEED };

export interface DemoAccount {
  username: string;
  displayName: string;
  profession: Profession;
  role: Role;
}

export interface DemoOptions {
  /** Every demo account's password. */
  password: string;
  /** Key-derivation cost; production's unless a test lowers it. */
  kdf?: KdfParams;
  seed?: number;
  /** Shown in the generator's own status answers only. */
  version?: string;
  log?: (message: string) => void;
}

export interface DemoResult {
  organisationName: string;
  accounts: DemoAccount[];
  clients: number;
  ms: number;
}

type Call = <K extends Channel>(channel: K, input: Input<K>) => Promise<Output<K>>;

/** Writes one client, their consents and cases, as the signed-in preparer. */
async function enterClient(call: Call, p: ClientPlan): Promise<void> {
  const client = await call('clients.create', p.client);
  for (const c of p.consents) {
    const consent = await call('consents.create', { ...c.input, clientId: client.id });
    if (c.withdrawnOn) await call('consents.withdraw', { consentId: consent.id, withdrawnOn: c.withdrawnOn });
  }
  for (const k of p.cases) {
    const { id: caseId } = await call('cases.create', { clientId: client.id, referral: k.referral });
    if (k.prepare) await call('cases.setStatus', { caseId, status: 'in_preparation' });
    for (const section of k.sections) await call('cases.saveSection', { caseId, section });
    if (k.view) await call('cases.saveClientView', { caseId, view: k.view });
    if (k.planning) await call('cases.savePlanning', { caseId, ...k.planning });
    // "Ready for the team" goes through the same checklist gate as in the UI.
    if (k.end) await call('cases.setStatus', { caseId, ...k.end });
  }
}

/** The folder must be absent or empty: the demo never mixes with anything else. */
function checkFolder(dataDir: string): void {
  const state = inspectStore(dataDir);
  if (state.kind === 'store') throw new AppError('store_exists', 'This folder already holds a store.');
  if (state.kind === 'problem') throw new AppError(state.code, `This folder holds something that is not a store (${state.code}).`);
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) throw new AppError('not_a_store', 'The folder is not empty; the demo needs an empty or new folder.');
}

/**
 * Creates the demo in `dataDir`, which must be absent or empty. It is built in a sibling folder
 * and renamed into place when complete, so a demo cut short (a crash, a closed window) never
 * looks like a finished one. The build folder's lock is released before the rename, so the caller
 * can open the folder afterwards.
 */
export async function createDemoStore(folder: string, options: DemoOptions): Promise<DemoResult> {
  const started = performance.now();
  // Resolved, so a trailing separator cannot put the build folder inside the target.
  const dataDir = resolve(folder);
  if (options.password.length < MIN_PASSWORD_LENGTH) throw new AppError('invalid_input', `The password must be at least ${MIN_PASSWORD_LENGTH} characters.`, { fields: ['password'] });
  checkFolder(dataDir);
  const building = `${dataDir}.building-${randomUUID().slice(0, 8)}`;
  try {
    const { accounts, clients } = await fill(building, options);
    // Someone else finished first (a double click): theirs stays, ours goes.
    checkFolder(dataDir);
    if (existsSync(dataDir)) rmdirSync(dataDir);
    renameSync(building, dataDir);
    return { organisationName: DEMO_ORGANISATION, accounts, clients, ms: Math.round(performance.now() - started) };
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}

async function fill(dataDir: string, options: DemoOptions): Promise<{ accounts: DemoAccount[]; clients: number }> {
  const { password } = options;
  const plan = planDemo(options.seed ?? DEMO_SEED, todayInFinland());
  const backend = createBackend({ dataDir, version: options.version ?? '0.0.0-demo', kdf: options.kdf, log: options.log });
  const call: Call = async (channel, input) => {
    const r = await backend.invoke(channel, input);
    if (!r.ok) throw new AppError(r.error.code, `Demo data, ${channel}: ${r.error.message}`, r.error.details);
    return r.value as Output<typeof channel>;
  };
  try {
    const [admin, ...others] = DEMO_ACCOUNTS;
    if (!admin) throw new Error('unreachable: the demo has no accounts');
    // The recovery key is dropped: everyone knows the demo password, so there is nothing to recover.
    await call('store.create', { organisationName: DEMO_ORGANISATION, adminDisplayName: admin.displayName, adminUsername: admin.username, adminProfession: admin.profession, password });
    // A first password only the generator knows; each account then chooses `password` as its own
    // through the ordinary password change, so nobody is asked to change it at first sign-in.
    const first = randomBytes(18).toString('base64url');
    for (const a of others) {
      await call('users.create', { username: a.username, displayName: a.displayName, profession: a.profession, organisation: a.organisation, role: a.role, password: first });
    }
    for (const p of plan) if (p.preparer === admin.username) await enterClient(call, p);
    for (const a of others) {
      await call('session.signIn', { username: a.username, password: first });
      await call('session.changePassword', { currentPassword: first, newPassword: password });
      for (const p of plan) if (p.preparer === a.username) await enterClient(call, p);
    }
    // The team and its meetings, as the administrator who chairs them.
    await call('session.signIn', { username: admin.username, password });
    await enterMeetings(call, todayInFinland(), password);
    const users = await call('users.list', {});
    const accounts = DEMO_ACCOUNTS.map((a): DemoAccount => {
      const u = users.find((x) => x.username === a.username);
      if (!u) throw new AppError('internal', `Demo account ${a.username} is missing.`);
      return { username: u.username, displayName: u.displayName, profession: u.profession, role: u.role };
    });
    return { accounts, clients: plan.length };
  } finally {
    backend.close();
  }
}
