/**
 * What the command-line commands share: the arguments, the password (from WORKBENCH_PASSWORD or
 * a prompt, never a flag), signing in through the backend as the app does, and writing a file the
 * user asked for so that it is either all there or not there at all.
 */
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { AppStatus } from '../shared/api/contract.js';
import { AppError } from '../shared/api/errors.js';
import { writeFileAtomic } from '../db/fsutil.js';
import { readKeyring } from '../db/keyring.js';
import { storePaths } from '../db/store.js';
import { APP_VERSION } from './backend/appinfo.js';
import { createBackend, type Backend } from './backend/index.js';

export type Flags = Record<string, string | true>;

export function parseArgs(argv: string[]): { command: string; sub: string | undefined; flags: Flags } {
  const [command = 'help', ...afterCommand] = argv;
  // One optional word after the command (`audit verify`; `verify FILE.pdf`).
  const sub = afterCommand[0] !== undefined && !afterCommand[0].startsWith('--') && ['audit', 'case', 'cases', 'plan', 'plans', 'verify'].includes(command) ? afterCommand[0] : undefined;
  const rest = sub === undefined ? afterCommand : afterCommand.slice(1);
  const flags: Flags = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (!a.startsWith('--')) throw new AppError('invalid_input', `Unexpected argument: ${a}`);
    const name = a.slice(2);
    const next = rest[i + 1];
    if (next === undefined || next.startsWith('--')) flags[name] = true;
    else {
      flags[name] = next;
      i++;
    }
  }
  return { command, sub, flags };
}

export function str(flags: Flags, name: string): string | undefined {
  const v = flags[name];
  if (v === true) throw new AppError('invalid_input', `--${name} needs a value`);
  return v;
}

export async function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new AppError('invalid_input', 'Set WORKBENCH_PASSWORD or run in a terminal to be asked for the password.');
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _enc, cb) {
      if (!muted) process.stderr.write(chunk);
      cb();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolvePrompt) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolvePrompt(answer);
    });
    muted = true;
  });
}

export async function readPassword(confirm: boolean): Promise<string> {
  const fromEnv = process.env.WORKBENCH_PASSWORD;
  if (fromEnv) return fromEnv;
  const first = await promptHidden('Password: ');
  if (confirm && (await promptHidden('Password again: ')) !== first) throw new AppError('invalid_input', 'The passwords differ.');
  return first;
}

/** Signs in through the backend, exactly as the app does (roles, access log and all). */
export async function withSignedIn<T>(flags: Flags, fn: (call: (channel: string, input: unknown) => Promise<unknown>, backend: Backend) => Promise<T>): Promise<T> {
  const data = str(flags, 'data');
  if (!data) throw new AppError('invalid_input', 'this command needs --data DIR');
  const dataDir = resolve(data);
  const backend = createBackend({ dataDir, version: APP_VERSION });
  const call = async (channel: string, input: unknown) => {
    const r = await backend.invoke(channel, input);
    if (!r.ok) throw new AppError(r.error.code, r.error.message);
    return r.value;
  };
  try {
    const status = (await call('app.status', {})) as AppStatus;
    if (status.store !== 'locked') throw new AppError(status.problem ?? 'no_store', status.problem ? `The store cannot be opened (${status.problem}).` : 'There is no store in this folder.');
    const username = str(flags, 'user') ?? firstAdministrator(dataDir);
    await call('session.signIn', { username, password: await readPassword(false) });
    return await fn(call, backend);
  } finally {
    backend.close();
  }
}

/** The keyring's first password slot is the administrator who created the store. */
function firstAdministrator(dataDir: string): string {
  const slot = readKeyring(storePaths(dataDir).keyring).slots.find((s) => s.kind === 'password');
  if (!slot || slot.kind !== 'password') throw new AppError('keyring_damaged', 'The keyring has no user; name one with --user.');
  return slot.username;
}

/** Initials only: a list on a terminal is easily seen or pasted somewhere it should not be. */
export function initials(name: string): string {
  return name.split(/[\s-]+/u).filter(Boolean).map((w) => [...w][0]!.toLocaleUpperCase('fi')).join('');
}

/**
 * Writes `bytes` to `target` atomically: a temp file in the target's folder, fsync, rename, fsync
 * the folder (db/fsutil.ts). A read-only folder or a full disk fails with its own clear message
 * and leaves neither the file nor a temp file behind; an existing file is replaced only whole.
 */
export function writeOutput(target: string, bytes: Uint8Array): void {
  const folder = dirname(target);
  try {
    writeFileAtomic(target, bytes);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') throw new AppError('disk_full', `The disk is full: ${target} was not written, and nothing was left behind.`);
    if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') throw new AppError('read_only', `Cannot write in ${folder} (read-only or not permitted): nothing was written.`);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AppError('not_found', `The folder ${folder} does not exist: nothing was written.`);
    if (code === 'EISDIR') throw new AppError('invalid_input', `${target} is a folder; give a file name.`);
    throw err;
  }
}
