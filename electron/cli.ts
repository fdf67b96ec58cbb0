#!/usr/bin/env node
/**
 * Command-line entry: `npm run cli -- <command>`. Every failure exits non-zero with one line that
 * says why; passwords come from WORKBENCH_PASSWORD or a prompt, never from the command line (it
 * would land in the shell history and the process list).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { AppError } from '../shared/api/errors.js';
import { normaliseName } from '../shared/domain/client.js';
import { MIN_PASSWORD_LENGTH, PROFESSIONS, USERNAME_PATTERN, type Profession } from '../shared/domain/user.js';
import { createStore } from '../db/store.js';
import { toAppError } from '../db/errors.js';
import { APP_VERSION, RENDERER_DIR } from './backend/appinfo.js';
import { createBackend } from './backend/index.js';
import { defaultDataDir } from './backend/paths.js';
import { startServer } from './http/server.js';

const USAGE = `Tiimipöytä ${APP_VERSION}

Usage: npm run cli -- <command> [options]

  init   --data DIR [--org NAME] [--name NAME] [--user USERNAME] [--profession P]
         Create a new encrypted store in DIR; the first administrator's password is read
         from WORKBENCH_PASSWORD or asked for.
  serve  [--data DIR] [--port N] [--host 127.0.0.1] [--open]
         Browser mode on the store in DIR (default ${defaultDataDir()}): prints the address
         to open; loopback only.
  help   This text.
`;

type Flags = Record<string, string | true>;

export function parseArgs(argv: string[]): { command: string; flags: Flags } {
  const [command = 'help', ...rest] = argv;
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
  return { command, flags };
}

function str(flags: Flags, name: string): string | undefined {
  const v = flags[name];
  if (v === true) throw new AppError('invalid_input', `--${name} needs a value`);
  return v;
}

async function promptHidden(question: string): Promise<string> {
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

async function readPassword(confirm: boolean): Promise<string> {
  const fromEnv = process.env.WORKBENCH_PASSWORD;
  if (fromEnv) return fromEnv;
  const first = await promptHidden('Password: ');
  if (confirm && (await promptHidden('Password again: ')) !== first) throw new AppError('invalid_input', 'The passwords differ.');
  return first;
}

async function init(flags: Flags): Promise<void> {
  const data = str(flags, 'data');
  if (!data) throw new AppError('invalid_input', 'init needs --data DIR');
  const username = (str(flags, 'user') ?? 'admin').toLowerCase();
  if (!USERNAME_PATTERN.test(username)) throw new AppError('invalid_input', `Not a valid username: ${username}`);
  const profession = (str(flags, 'profession') ?? 'social_worker') as Profession;
  if (!PROFESSIONS.includes(profession)) throw new AppError('invalid_input', `Unknown profession; one of: ${PROFESSIONS.join(', ')}`);
  const organisationName = normaliseName(str(flags, 'org') ?? 'Hyvinvointialue');
  const displayName = normaliseName(str(flags, 'name') ?? 'Administrator');
  const password = await readPassword(true);
  if (password.length < MIN_PASSWORD_LENGTH) throw new AppError('invalid_input', `The password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
  const store = await createStore(resolve(data), { organisationName, admin: { displayName, username, profession }, password });
  store.db.close();
  store.key.fill(0);
  process.stdout.write(`Created a store for ${organisationName} in ${resolve(data)}; administrator: ${username}\n`);
}

function openInBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(cmd, [url], { detached: true, stdio: 'ignore' });
    child.on('error', () => { /* no desktop browser here: the printed address is enough */ });
    child.unref();
  } catch { /* as above */ }
}

async function serve(flags: Flags): Promise<void> {
  const dataDir = resolve(str(flags, 'data') ?? defaultDataDir());
  const portText = str(flags, 'port') ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('invalid_input', `Not a port: ${portText}`);
  const host = str(flags, 'host') ?? '127.0.0.1';
  const backend = createBackend({ dataDir, version: APP_VERSION });
  let server;
  try {
    server = await startServer({ backend, rendererDir: RENDERER_DIR, host, port });
  } catch (err) {
    backend.close();
    throw err;
  }
  process.stdout.write(`Tiimipöytä is running in browser mode. Open: ${server.url}\nStore: ${dataDir}\n`);
  if (flags.open === true) openInBrowser(server.url);
  const stop = () => {
    void server.close().finally(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(argv: string[]): Promise<void> {
  const { command, flags } = parseArgs(argv);
  switch (command) {
    case 'init':
      return init(flags);
    case 'serve':
      return serve(flags);
    case 'help':
    case '--help':
      process.stdout.write(USAGE);
      return;
    default:
      throw new AppError('invalid_input', `Unknown command: ${command} (see: npm run cli -- help)`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  const e = toAppError(err);
  const listen = (err as NodeJS.ErrnoException)?.code;
  const message = listen === 'EADDRINUSE' ? 'That port is already in use.' : e.message;
  process.stderr.write(`tiimipoyta: ${message} [${e.code}]\n`);
  process.exit(1);
});
