import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupStore, readBackupHeader, restoreStore, type BackupProgress } from '../../db/backup.js';
import { insertClient, listClients } from '../../db/repositories/clients.js';
import { createStore, DB_FILE, KEYRING_FILE, MANIFEST_FILE, openStore, type OpenStore } from '../../db/store.js';
import { ADMIN, codeOf, FAST_KDF, PASSWORD, tempDir } from '../fixtures/tmp.js';

const MARKER = 'MARKER-Väinö Lindqvist-c41e';

let root: string;
let cleanup: () => void;
let store: OpenStore;
const storeDir = () => join(root, 'store');
const backupFile = () => join(root, 'out', 'store.tpbackup');

beforeEach(async () => {
  ({ dir: root, cleanup } = tempDir());
  mkdirSync(join(root, 'out'));
  store = await createStore(storeDir(), { organisationName: 'Keski-Suomen hyvinvointialue', admin: ADMIN, password: PASSWORD }, FAST_KDF);
  for (let i = 0; i < 40; i++) {
    insertClient(store.db, { id: randomUUID(), name: i === 7 ? MARKER : `Asiakas ${i}`, language: i % 3 === 0 ? 'sv' : 'fi', createdAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(), createdBy: store.user.id });
  }
});
afterEach(() => {
  if (store.db.open) store.db.close();
  cleanup();
});

const backup = (onProgress?: (p: BackupProgress) => void) => backupStore({ db: store.db, key: store.key, dir: storeDir() }, backupFile(), onProgress);


/** File names and content hashes: comparing hashes is instant where a deep Buffer comparison is not. */
function snapshotDir(dir: string): Record<string, string> | 'missing' {
  const hash = (f: string) => createHash('sha256').update(readFileSync(join(dir, f))).digest('hex');
  return existsSync(dir) ? Object.fromEntries(readdirSync(dir).map((f) => [f, hash(f)])) : 'missing';
}

const hasSqlite3 = (() => {
  try {
    execFileSync('sqlite3', ['-version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
})();

describe('backup and restore', () => {
  it('restores into an empty folder a store that opens with the same password and rows', async () => {
    const before = listClients(store.db);
    const result = await backup();
    expect(result.counts.clients).toBe(40);
    expect(result.bytes).toBe(statSync(backupFile()).size);
    expect(readdirSync(join(root, 'out'))).toEqual(['store.tpbackup']);
    if (process.platform !== 'win32') expect(statSync(backupFile()).mode & 0o077).toBe(0);

    const header = await readBackupHeader(backupFile());
    expect(header.storeId).toBe(store.storeId);
    expect(header.counts).toEqual(result.counts);

    const target = join(root, 'restored');
    mkdirSync(target);
    const restored = await restoreStore(backupFile(), target);
    expect(restored.counts).toEqual(result.counts);
    expect(readdirSync(target).sort()).toEqual([DB_FILE, KEYRING_FILE, MANIFEST_FILE].sort());
    const again = await openStore(target, ADMIN.username, PASSWORD);
    try {
      expect(listClients(again.db)).toEqual(before);
      expect(again.storeId).toBe(store.storeId);
      expect(again.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      again.db.close();
    }
  });

  it('restores into a folder that does not exist yet', async () => {
    await backup();
    const target = join(root, 'new', 'nested');
    await restoreStore(backupFile(), target);
    const again = await openStore(target, ADMIN.username, PASSWORD);
    expect(listClients(again.db)).toHaveLength(40);
    again.db.close();
  });

  it('writes no plaintext: not in the database, its WAL, the backup or the restored copy', async () => {
    // Written with the store still open, so the row sits in the WAL when the files are read.
    insertClient(store.db, { id: randomUUID(), name: `${MARKER}-wal`, language: 'fi', createdAt: new Date().toISOString(), createdBy: store.user.id });
    const wal = join(storeDir(), `${DB_FILE}-wal`);
    expect(statSync(wal).size).toBeGreaterThan(0);
    const needle = Buffer.from('MARKER-');
    for (const f of readdirSync(storeDir())) expect(readFileSync(join(storeDir(), f)).includes(needle), f).toBe(false);

    await backup();
    expect(readFileSync(backupFile()).includes(needle)).toBe(false);
    expect(readFileSync(backupFile()).includes(Buffer.from('Väinö'))).toBe(false);
    const target = join(root, 'restored');
    await restoreStore(backupFile(), target);
    for (const f of readdirSync(target)) expect(readFileSync(join(target, f)).includes(needle), f).toBe(false);

    if (!hasSqlite3) {
      console.warn('skipped the sqlite3 CLI sub-check: the sqlite3 program is not installed');
      return;
    }
    for (const db of [join(storeDir(), DB_FILE), join(target, DB_FILE)]) {
      expect(() => execFileSync('sqlite3', [db, '.tables'], { stdio: 'pipe' }), db).toThrow();
    }
    const again = await openStore(target, ADMIN.username, PASSWORD);
    expect(listClients(again.db).map((c) => c.name)).toContain(`${MARKER}-wal`);
    again.db.close();
  });

  it('reports progress with increasing figures in each phase', async () => {
    const seen: BackupProgress[] = [];
    await backup((p) => seen.push(p));
    expect([...new Set(seen.map((p) => p.phase))]).toEqual(['snapshot', 'write', 'verify']);
    for (const phase of ['snapshot', 'write', 'verify'] as const) {
      const events = seen.filter((p) => p.phase === phase);
      for (let i = 1; i < events.length; i++) expect(events[i]!.done, phase).toBeGreaterThan(events[i - 1]!.done);
      expect(events.at(-1)!.done, phase).toBe(events.at(-1)!.total);
    }

    const restoreSeen: BackupProgress[] = [];
    await restoreStore(backupFile(), join(root, 'restored'), (p) => restoreSeen.push(p));
    expect([...new Set(restoreSeen.map((p) => p.phase))]).toEqual(['verify', 'write']);
    expect(restoreSeen.at(-1)!.done).toBe(restoreSeen.at(-1)!.total);
  });
});

describe('backup refuses', () => {
  it('an existing file and leaves it untouched', async () => {
    writeFileSync(backupFile(), 'precious');
    expect(await codeOf(backup())).toBe('store_exists');
    expect(readFileSync(backupFile(), 'utf8')).toBe('precious');
    expect(readdirSync(join(root, 'out'))).toEqual(['store.tpbackup']);
  });

  it('to write into the store folder itself', async () => {
    const before = readdirSync(storeDir()).sort();
    expect(await codeOf(backupStore({ db: store.db, key: store.key, dir: storeDir() }, join(storeDir(), 'b.tpbackup')))).toBe('invalid_input');
    expect(readdirSync(storeDir()).sort()).toEqual(before);
  });
});

describe('restore refuses, writing nothing', () => {
  beforeEach(async () => {
    await backup();
  });

  it('a folder holding a live store', async () => {
    const other = join(root, 'other');
    (await createStore(other, { organisationName: 'Toinen', admin: ADMIN, password: PASSWORD }, FAST_KDF)).db.close();
    const before = snapshotDir(other);
    expect(await codeOf(restoreStore(backupFile(), other))).toBe('store_exists');
    expect(snapshotDir(other)).toEqual(before);
    // Including the very store the backup was taken from.
    const live = snapshotDir(storeDir());
    expect(await codeOf(restoreStore(backupFile(), storeDir()))).toBe('store_exists');
    expect(snapshotDir(storeDir())).toEqual(live);
  });

  it('a folder holding any other file', async () => {
    const target = join(root, 'notes');
    mkdirSync(target);
    writeFileSync(join(target, 'muistiinpanot.txt'), 'keep me');
    expect(await codeOf(restoreStore(backupFile(), target))).toBe('store_exists');
    expect(readdirSync(target)).toEqual(['muistiinpanot.txt']);
    expect(readFileSync(join(target, 'muistiinpanot.txt'), 'utf8')).toBe('keep me');
  });

  const damagedCases: [string, (b: Buffer) => Buffer, string][] = [
    ['a truncated backup', (b) => b.subarray(0, b.length - 4096), 'store_damaged'],
    ['a backup cut inside its header', (b) => b.subarray(0, 100), 'store_damaged'],
    ['a backup with one flipped byte in the database', (b) => flip(b, b.length - 100), 'store_damaged'],
    ['a backup with one flipped byte in the header', (b) => flip(b, 60), 'store_damaged'],
    ['a random file', (b) => randomBytes(b.length), 'not_a_store'],
    ['an empty file', () => Buffer.alloc(0), 'not_a_store'],
  ];
  for (const [name, damage, code] of damagedCases) {
    it(name, async () => {
      const bad = join(root, 'out', 'bad.tpbackup');
      writeFileSync(bad, damage(readFileSync(backupFile())));
      expect(await codeOf(readBackupHeader(bad))).toBe(code);
      const missing = join(root, 'restored');
      expect(await codeOf(restoreStore(bad, missing))).toBe(code);
      expect(existsSync(missing)).toBe(false);
      const empty = join(root, 'empty');
      mkdirSync(empty);
      expect(await codeOf(restoreStore(bad, empty))).toBe(code);
      expect(readdirSync(empty)).toEqual([]);
    });
  }

  it('a backup of a store newer than this app', async () => {
    store.db.pragma('user_version = 9990');
    const newer = join(root, 'out', 'newer.tpbackup');
    await backupStore({ db: store.db, key: store.key, dir: storeDir() }, newer);
    expect((await readBackupHeader(newer)).schemaVersion).toBe(9990);
    expect(await codeOf(restoreStore(newer, join(root, 'restored')))).toBe('store_newer_than_app');
    expect(existsSync(join(root, 'restored'))).toBe(false);
  });

  it('a backup file that does not exist', async () => {
    expect(await codeOf(restoreStore(join(root, 'nope.tpbackup'), join(root, 'restored')))).toBe('not_found');
    expect(existsSync(join(root, 'restored'))).toBe(false);
  });
});

function flip(b: Buffer, at: number): Buffer {
  const copy = Buffer.from(b);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}
