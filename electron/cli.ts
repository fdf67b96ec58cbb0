#!/usr/bin/env node
/**
 * Command-line entry: `npm run cli -- <command>`. Every failure exits non-zero with one line that
 * says why; passwords come from WORKBENCH_PASSWORD or a prompt, never from the command line (it
 * would land in the shell history and the process list).
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../shared/api/errors.js';
import { normaliseName } from '../shared/domain/client.js';
import { MIN_PASSWORD_LENGTH, PROFESSIONS, USERNAME_PATTERN, type Profession } from '../shared/domain/user.js';
import type { Output } from '../shared/api/contract.js';
import { restoreStore } from '../db/backup.js';
import { createStore } from '../db/store.js';
import { toAppError } from '../db/errors.js';
import { APP_VERSION, RENDERER_DIR } from './backend/appinfo.js';
import { createBackend } from './backend/index.js';
import { exportPdfCommand, planCommand, plansCommand } from './cli-plans.js';
import { VERIFY_EXIT, verifyCommand } from './cli-verify.js';
import { initials, parseArgs, promptHidden, readPassword, str, withSignedIn, type Flags } from './cli-support.js';
import { createDemoStore } from './backend/demo-data.js';
import { DEMO_PASSWORD, demoPassword } from './backend/demo.js';
import { defaultDataDir } from './backend/paths.js';
import { startServer } from './http/server.js';

const USAGE = `Tiimipöytä ${APP_VERSION}

Usage: npm run cli -- <command> [options]

  init   --data DIR [--org NAME] [--name NAME] [--user USERNAME] [--profession P]
         Create a new encrypted store in DIR; the first administrator's password is read
         from WORKBENCH_PASSWORD or asked for.
  demo   --data DIR [--seed N]
         Create a demo store of fictional clients in DIR (which must hold no store) and print
         its accounts; their shared password is WORKBENCH_PASSWORD if set, else ${DEMO_PASSWORD}.
  serve  [--data DIR] [--port N] [--host 127.0.0.1] [--open]
         Browser mode on the store in DIR (default ${defaultDataDir()}): prints the address
         to open; loopback only.
  audit verify --data DIR [--user NAME]
         Check the access log's hash chain; exit 1 and name the first broken event if it is not intact.
  backup --data DIR --out FILE [--user NAME]
         An encrypted backup, verified after writing (an administrator's password).
  restore --data DIR --from FILE
         Restore a backup into an empty folder; never over a store.
  case export --data DIR --case NUMBER --out FILE [--user NAME]
         One case as an encrypted case file; the passphrase is read from CASE_PASSPHRASE or asked for.
  case import --data DIR --from FILE [--user NAME] [--use-existing-client]
         Import a case file (passphrase as above). If a client with the same identity code is here,
         --use-existing-client attaches the case to that client (whose details are kept).
  cases list --data DIR [--user NAME]
         One case a line: case number, client initials, status.
  plan verify --data DIR (--plan ID | --case NUMBER) [--user NAME]
         Recompute every version's payload hash and signatures; one line per version and per
         signature (VALID or INVALID); exit 1 if anything is invalid.
  plans list --data DIR [--user NAME]
         One plan version a line: plan id, case number, client initials, version, state.
  export-pdf --data DIR (--plan ID | --case NUMBER) --out FILE [--lang fi|sv|en] [--version N]
         [--full-identity-code] [--user NAME]
         The plan as a PDF/A-3b document in fi (default), sv or en, its signed content attached.
         Without --version: the plan in force (newest signed version), else the newest draft
         (watermarked). The identity code is masked unless --full-identity-code (the client's
         copy). FILE is written whole or not at all (temp file, then rename).
  verify FILE.pdf [--data DIR] [--user NAME]
         Is this PDF the plan the team signed? Checks the seal over the whole file (nothing
         changed, appended or cut off), the attached plan against the signed hash, and every team
         signature; with --data also that the store knows the seal, the version and the keys and
         that the version is the latest. One line per check (PASS/FAIL/SKIP), then VALID, INVALID
         or SUPERSEDED. Exit 0 valid, 1 a check failed, 3 genuine but superseded, 2 cannot run.
  help   This text.

Commands that open a store sign in as --user (default: the store's first administrator) with the
password from WORKBENCH_PASSWORD or a prompt.
`;

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

async function demoCommand(flags: Flags): Promise<void> {
  const data = str(flags, 'data');
  if (!data) throw new AppError('invalid_input', 'demo needs --data DIR');
  const seedText = str(flags, 'seed');
  const seed = seedText === undefined ? undefined : Number(seedText);
  if (seed !== undefined && !Number.isSafeInteger(seed)) throw new AppError('invalid_input', `Not a seed: ${seedText}`);
  const dataDir = resolve(data);
  const result = await createDemoStore(dataDir, { password: demoPassword(), seed, version: APP_VERSION });
  const rows = result.accounts.map((a) => [a.username, a.displayName, a.profession, a.role]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  const table = rows.map((r) => `  ${r.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join('  ')}`).join('\n');
  // A password the user set is not echoed (it may be a real one); the fixed demo password is no secret.
  const password = process.env.WORKBENCH_PASSWORD ? 'the value of WORKBENCH_PASSWORD' : DEMO_PASSWORD;
  process.stdout.write(
    `Created a demo store of ${result.clients} fictional clients in ${dataDir} (${(result.ms / 1000).toFixed(1)} s).\n` +
      `Organisation: ${result.organisationName}\nAccounts (password for every account: ${password}):\n${table}\n` +
      `Open it with: npm run cli -- serve --data ${dataDir}\n`,
  );
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

function progressLine(p: { phase: string; done: number; total: number }): void {
  const pct = p.total > 0 ? Math.floor((100 * p.done) / p.total) : 100;
  if (process.stderr.isTTY) process.stderr.write(`\r${p.phase}: ${pct}%   ${p.done === p.total ? '\n' : ''}`);
  else if (p.done === p.total) process.stderr.write(`${p.phase}: done\n`);
}

async function auditCommand(sub: string | undefined, flags: Flags): Promise<void> {
  if (sub !== 'verify') throw new AppError('invalid_input', 'Usage: audit verify --data DIR [--user NAME]');
  const result = await withSignedIn(flags, (call) => call('audit.verify', {}) as Promise<Output<'audit.verify'>>);
  if (result.ok) {
    process.stdout.write(`The access log is intact: ${result.count} events verified.\n`);
    return;
  }
  process.stdout.write(`The access log is broken at event ${result.firstBrokenSeq} (${result.reason}); ${result.count} events read.\n`);
  process.exitCode = 1;
}

async function backupCommand(flags: Flags): Promise<void> {
  const out = str(flags, 'out');
  if (!out) throw new AppError('invalid_input', 'backup needs --out FILE');
  const result = await withSignedIn(flags, (call, backend) => {
    backend.subscribe((event, payload) => {
      if (event === 'backup.progress') progressLine(payload as { phase: string; done: number; total: number });
    });
    return call('backup.create', { outPath: resolve(out) }) as Promise<Output<'backup.create'>>;
  });
  const rows = Object.values(result.counts).reduce((a, b) => a + b, 0);
  process.stdout.write(`Backup written and verified: ${result.file} (${result.bytes} bytes, ${rows} rows, ${Math.round(result.ms)} ms)\n`);
}

async function restoreCommand(flags: Flags): Promise<void> {
  const data = str(flags, 'data');
  const from = str(flags, 'from');
  if (!data || !from) throw new AppError('invalid_input', 'restore needs --data DIR and --from FILE');
  const result = await restoreStore(resolve(from), resolve(data), progressLine);
  const rows = Object.values(result.counts).reduce((a, b) => a + b, 0);
  process.stdout.write(`Restored ${rows} rows into ${result.dir}. Sign in with a password that was valid when the backup was made.\n`);
}

/** The case file's passphrase is not the user's password: its own variable, never a flag. */
async function readPassphrase(confirm: boolean): Promise<string> {
  const fromEnv = process.env.CASE_PASSPHRASE;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new AppError('invalid_input', 'Set CASE_PASSPHRASE or run in a terminal to be asked for the case file passphrase.');
  const first = await promptHidden('Case file passphrase: ');
  if (confirm && (await promptHidden('Case file passphrase again: ')) !== first) throw new AppError('invalid_input', 'The passphrases differ.');
  return first;
}

async function caseCommand(sub: string | undefined, flags: Flags): Promise<void> {
  if (sub === 'export') {
    const number = str(flags, 'case');
    const out = str(flags, 'out');
    if (!number || !out) throw new AppError('invalid_input', 'case export needs --case NUMBER and --out FILE');
    const passphrase = await readPassphrase(true);
    if (passphrase.length < MIN_PASSWORD_LENGTH) throw new AppError('invalid_input', `The passphrase must be at least ${MIN_PASSWORD_LENGTH} characters.`);
    const file = await withSignedIn(flags, async (call) => {
      const rows = (await call('search.cases', { query: number })) as Output<'search.cases'>;
      const row = rows.find((r) => r.number === number);
      if (!row) throw new AppError('not_found', `No case ${number} in this store.`);
      return call('cases.export', { caseId: row.caseId, passphrase }) as Promise<Output<'cases.export'>>;
    });
    writeFileSync(resolve(out), Buffer.from(file.data, 'base64'), { mode: 0o600, flag: 'wx' });
    process.stdout.write(`Case ${number} exported to ${resolve(out)}. Give the passphrase to the recipient by another route.\n`);
    return;
  }
  if (sub === 'import') {
    const from = str(flags, 'from');
    if (!from) throw new AppError('invalid_input', 'case import needs --from FILE');
    const data = readFileSync(resolve(from)).toString('base64');
    const passphrase = await readPassphrase(false);
    const onIdentityCodeClash = flags['use-existing-client'] === true ? 'use_existing_client' : 'refuse';
    const r = await withSignedIn(flags, async (call) => {
      try {
        return (await call('cases.import', { data, passphrase, onIdentityCodeClash })) as Output<'cases.import'>;
      } catch (err) {
        if (err instanceof AppError && err.code === 'identity_code_clash') {
          throw new AppError('identity_code_clash', 'A client with the same identity code is in this store; add --use-existing-client to attach the case to that client.');
        }
        throw err;
      }
    });
    process.stdout.write(`Imported case ${r.caseNumber}.\n`);
    return;
  }
  throw new AppError('invalid_input', 'Usage: case export|import --data DIR … (see: npm run cli -- help)');
}

async function casesCommand(sub: string | undefined, flags: Flags): Promise<void> {
  if (sub !== 'list') throw new AppError('invalid_input', 'Usage: cases list --data DIR [--user NAME]');
  const rows = await withSignedIn(flags, (call) => call('worklist.list', { view: 'all', limit: 500 }) as Promise<Output<'worklist.list'>>);
  process.stdout.write(rows.map((r) => `${r.number}  ${initials(r.clientName)}  ${r.status}\n`).join(''));
}

/** A command's failure with the exit code that command gives it (others exit 1). */
class CommandFailed extends Error {
  constructor(
    override readonly cause: unknown,
    readonly exitCode: number,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

async function main(argv: string[]): Promise<void> {
  const { command, flags, sub } = parseArgs(argv);
  switch (command) {
    case 'init':
      return init(flags);
    case 'demo':
      return demoCommand(flags);
    case 'serve':
      return serve(flags);
    case 'audit':
      return auditCommand(sub, flags);
    case 'backup':
      return backupCommand(flags);
    case 'restore':
      return restoreCommand(flags);
    case 'case':
      return caseCommand(sub, flags);
    case 'cases':
      return casesCommand(sub, flags);
    case 'plan':
      return planCommand(sub, flags);
    case 'plans':
      return plansCommand(sub, flags);
    case 'export-pdf':
      return exportPdfCommand(flags);
    case 'verify':
      // 1 means "a check failed" there; a verify that cannot run at all exits 2.
      process.exitCode = await verifyCommand(sub, flags).catch((err: unknown) => {
        throw new CommandFailed(err, VERIFY_EXIT.unusable);
      });
      return;
    case 'help':
    case '--help':
      process.stdout.write(USAGE);
      return;
    default:
      throw new AppError('invalid_input', `Unknown command: ${command} (see: npm run cli -- help)`);
  }
}

main(process.argv.slice(2)).catch((thrown: unknown) => {
  const err = thrown instanceof CommandFailed ? thrown.cause : thrown;
  const e = toAppError(err);
  const listen = (err as NodeJS.ErrnoException)?.code;
  const message = listen === 'EADDRINUSE' ? 'That port is already in use.' : e.message;
  process.stderr.write(`tiimipoyta: ${message} [${e.code}]\n`);
  process.exit(thrown instanceof CommandFailed ? thrown.exitCode : 1);
});
