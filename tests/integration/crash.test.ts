import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { backupStore, readBackupHeader, type BackupProgress } from '../../db/backup.js';
import { openEncrypted, type Db } from '../../db/connection.js';
import { toAppError } from '../../db/errors.js';
import { readKeyring, writeKeyring } from '../../db/keyring.js';
import { insertClient, listClients } from '../../db/repositories/clients.js';
import { createStore, openStore, storePaths, type OpenStore } from '../../db/store.js';
import { rng } from '../../bench/rng.js';
import { chmodSkipReason, skipSaying, tmpfsForTests } from '../fixtures/mounts.js';
import { ADMIN, FAST_KDF, PASSWORD, tempDir } from '../fixtures/tmp.js';

const WRITER = fileURLToPath(new URL('../fixtures/crash-writer.mjs', import.meta.url));
const SEED = 0x7ee1_2025;
const ROUNDS = 25;
const ROWS_PER_BATCH = 50;

const newStore = (dir: string) => createStore(dir, { organisationName: 'Lapin hyvinvointialue', admin: ADMIN, password: PASSWORD }, FAST_KDF);
const source = (s: OpenStore) => ({ db: s.db, key: s.key, dir: s.dir });

async function errorOf(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure, but it succeeded');
}
const codeOf = async (fn: () => unknown) => toAppError(await errorOf(fn)).code;

/**
 * Starts the writer and kills it with SIGKILL `ms` after it says it is ready. Counted from "ready",
 * not from spawn: Node's start-up time varies so much that most kills would land before the first
 * transaction and prove nothing.
 */
function runAndKill(dbPath: string, key: Buffer, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER], {
      env: { ...process.env, TIIMIPOYTA_CRASH_DB: dbPath, TIIMIPOYTA_CRASH_KEY: key.toString('hex') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let armed = false;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (armed || !d.toString().includes('ready')) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`crash-writer exited by itself (code ${code}): ${stderr}`))));
  });
}

function checkBatches(db: Db): number {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  const counter = db.prepare('SELECT value FROM crash_counter WHERE id = 1').pluck().get() as number;
  const batches = db.prepare('SELECT batch, count(*) AS n FROM crash_rows GROUP BY batch ORDER BY batch').all() as { batch: number; n: number }[];
  expect(batches.length).toBe(counter);
  batches.forEach((b, i) => expect(b).toEqual({ batch: i + 1, n: ROWS_PER_BATCH }));
  return counter;
}

describe('kill -9 while transactions commit', () => {
  it(`leaves a consistent database with no partial transaction, ${ROUNDS} times`, async () => {
    const { dir, cleanup } = tempDir();
    try {
      const s = await newStore(dir);
      s.db.exec(`
        CREATE TABLE crash_rows (batch INTEGER NOT NULL, n INTEGER NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (batch, n)) STRICT;
        CREATE TABLE crash_counter (id INTEGER PRIMARY KEY, value INTEGER NOT NULL) STRICT;
        INSERT INTO crash_counter (id, value) VALUES (1, 0);
      `);
      s.db.close();
      const dbPath = storePaths(dir).db;
      const random = rng(SEED);
      let committed = 0;
      let roundsThatCommitted = 0;
      let walLeftBehind = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const wait = 20 + Math.floor(random() * 181);
        await runAndKill(dbPath, s.key, wait);
        if (existsSync(`${dbPath}-wal`) && statSync(`${dbPath}-wal`).size > 0) walLeftBehind++;
        const db = openEncrypted(dbPath, s.key);
        try {
          const now = checkBatches(db);
          expect(now, `round ${round} (seed ${SEED}, wait ${wait} ms)`).toBeGreaterThanOrEqual(committed);
          if (now > committed) roundsThatCommitted++;
          committed = now;
        } finally {
          db.close();
        }
      }
      console.info(`kill -9: ${ROUNDS} rounds, ${committed} batches committed, ${walLeftBehind} kills left a WAL to recover`);
      // A kill before the first commit still tests rollback, but most rounds must have committed
      // something, or the loop is not exercising what it claims to.
      expect(roundsThatCommitted).toBeGreaterThanOrEqual(ROUNDS / 2);
    } finally {
      cleanup();
    }
  }, 60_000);
});

const { mountOrSkip } = tmpfsForTests();

const client = (s: OpenStore, name: string) => ({ id: randomUUID(), name, language: 'fi' as const, createdAt: new Date().toISOString(), createdBy: s.user.id });

describe('a full disk', () => {
  it('fails the write with disk_full, keeps every committed row, and the store still opens', async (ctx) => {
    const mnt = mountOrSkip('2m', ctx.skip);
    const dir = join(mnt, 'store');
    const s = await newStore(dir);
    let committed = 0;
    let failure: unknown;
    for (let i = 0; i < 100_000 && failure === undefined; i++) {
      try {
        s.db.transaction(() => { for (let j = 0; j < 10; j++) insertClient(s.db, client(s, `Asiakas ${i}-${j} ${'x'.repeat(160)}`)); })();
        committed += 10;
      } catch (err) {
        failure = err;
      }
    }
    expect(toAppError(failure).code).toBe('disk_full');
    expect(committed).toBeGreaterThan(0);

    // A backup onto the same full disk fails the same way and leaves nothing behind.
    const before = readdirSync(mnt).sort();
    expect(await codeOf(() => backupStore(source(s), join(mnt, 'full.tpbackup')))).toBe('disk_full');
    expect(readdirSync(mnt).sort()).toEqual(before);
    s.db.close();

    const again = await openStore(dir, ADMIN.username, PASSWORD);
    try {
      expect(again.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(listClients(again.db)).toHaveLength(committed);
    } finally {
      again.db.close();
    }
  });

  it('fails a backup that runs out of room while writing with disk_full and no partial file', async (ctx) => {
    // Room for a snapshot and half a container of a store with every table of today's schema.
    const mnt = mountOrSkip('4m', ctx.skip);
    const { dir, cleanup } = tempDir();
    try {
      const s = await newStore(join(dir, 'store'));
      s.db.transaction(() => { for (let i = 0; i < 1500; i++) insertClient(s.db, client(s, `Asiakas ${i} ${'y'.repeat(150)}`)); })();
      const reference = await backupStore(source(s), join(dir, 'reference.tpbackup'));
      const dbBytes = (await readBackupHeader(reference.file)).db.bytes;
      // Room for the snapshot and half the container: the failure comes in the write phase.
      const { bavail, bsize } = statfsSync(mnt);
      writeFileSync(join(mnt, 'filler'), Buffer.alloc(bavail * bsize - dbBytes - Math.floor(reference.bytes / 2)));
      const seen: BackupProgress['phase'][] = [];
      expect(await codeOf(() => backupStore(source(s), join(mnt, 'b.tpbackup'), (p) => seen.push(p.phase)))).toBe('disk_full');
      expect(seen).toContain('write');
      expect(seen).not.toContain('verify');
      expect(readdirSync(mnt)).toEqual(['filler']);
      s.db.close();
    } finally {
      cleanup();
    }
  });
});

describe('a read-only location', () => {
  async function expectReadOnly(storeDir: string, outDir: string): Promise<void> {
    // Opening is where a read-only location shows first, since WAL mode writes its index even to
    // read. It must not be reported as a damaged store: that would send the user to restore a
    // backup over a healthy one.
    expect(await codeOf(() => openStore(storeDir, ADMIN.username, PASSWORD))).toBe('read_only');
    const p = storePaths(storeDir);
    expect(await codeOf(() => writeKeyring(p.keyring, readKeyring(p.keyring)))).toBe('read_only');
    const { dir, cleanup } = tempDir();
    try {
      const s = await newStore(join(dir, 'store'));
      const before = readdirSync(outDir);
      expect(await codeOf(() => backupStore(source(s), join(outDir, 'b.tpbackup')))).toBe('read_only');
      expect(readdirSync(outDir)).toEqual(before);
      s.db.close();
    } finally {
      cleanup();
    }
  }

  it('a folder without write permission reports read_only', async (ctx) => {
    const reason = chmodSkipReason();
    if (reason) skipSaying(reason, ctx.skip);
    const { dir, cleanup } = tempDir();
    const storeDir = join(dir, 'store');
    const outDir = join(dir, 'out');
    try {
      (await newStore(storeDir)).db.close();
      mkdirSync(outDir);
      for (const f of readdirSync(storeDir)) chmodSync(join(storeDir, f), 0o400);
      for (const d of [storeDir, outDir]) chmodSync(d, 0o500);
      await expectReadOnly(storeDir, outDir);
    } finally {
      for (const d of [storeDir, outDir]) if (existsSync(d)) chmodSync(d, 0o700);
      cleanup();
    }
  });

  it('a read-only file system reports read_only', async (ctx) => {
    const mnt = mountOrSkip('4m', ctx.skip);
    const storeDir = join(mnt, 'store');
    (await newStore(storeDir)).db.close();
    mkdirSync(join(mnt, 'out'));
    execFileSync('mount', ['-o', 'remount,ro', mnt], { stdio: 'pipe' });
    await expectReadOnly(storeDir, join(mnt, 'out'));
  });
});
