import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { insertClient, listClients } from '../../db/repositories/clients.js';
import { createStore, DB_FILE, inspectStore, KEYRING_FILE, MANIFEST_FILE, openStore } from '../../db/store.js';
import { ADMIN, codeOf, FAST_KDF, PASSWORD, tempDir } from '../fixtures/tmp.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const create = () => createStore(dir, { organisationName: 'Pohjois-Savon hyvinvointialue', admin: ADMIN, password: PASSWORD }, FAST_KDF);

function hasSqlite3(): boolean {
  try {
    execFileSync('sqlite3', ['-version']);
    return true;
  } catch {
    return false;
  }
}


describe('creating and opening a store', () => {
  it('creates an encrypted database that only its key opens', async () => {
    const s = await create();
    insertClient(s.db, { id: 'c1', name: 'MARKER-Åsa Öhman-7f3a', language: 'sv', createdAt: new Date().toISOString(), createdBy: s.user.id });
    s.db.close();

    const bytes = readFileSync(join(dir, DB_FILE));
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    for (const f of readdirSync(dir)) {
      const content = readFileSync(join(dir, f));
      expect(content.includes(Buffer.from('MARKER-')), f).toBe(false);
      expect(content.includes(Buffer.from('Åsa Öhman')), f).toBe(false);
    }
    // The plain SQLite library cannot read it.
    const plain = new Database(join(dir, DB_FILE), { fileMustExist: true, readonly: true });
    expect(() => plain.prepare('SELECT * FROM sqlite_master').all()).toThrow(/not a database/);
    plain.close();
    if (hasSqlite3()) expect(() => execFileSync('sqlite3', [join(dir, DB_FILE), '.tables'], { stdio: 'pipe' })).toThrow();

    const again = await openStore(dir, ADMIN.username, PASSWORD);
    expect(listClients(again.db).map((c) => c.name)).toEqual(['MARKER-Åsa Öhman-7f3a']);
    expect(again.user.role).toBe('administrator');
    expect(again.organisation.name).toBe('Pohjois-Savon hyvinvointialue');
    again.db.close();
  });

  it('sets the safety pragmas on every connection', async () => {
    const s = await create();
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(s.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(s.db.pragma('secure_delete', { simple: true })).toBe(1);
    s.db.close();
  });

  it('a wrong password leaves every file byte-identical and creates nothing', async () => {
    (await create()).db.close();
    const before = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));
    for (let i = 0; i < 3; i++) expect(await codeOf(openStore(dir, ADMIN.username, 'wrong password!'))).toBe('wrong_password');
    expect(await codeOf(openStore(dir, 'nobody', PASSWORD))).toBe('wrong_password');
    const after = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));
    expect(after).toEqual(before);
    // Three failures lock nobody out.
    const s = await openStore(dir, ADMIN.username, PASSWORD);
    s.db.close();
  });

  it('refuses to create a store over an existing one', async () => {
    (await create()).db.close();
    expect(await codeOf(create())).toBe('store_exists');
  });

  it('never turns an empty or foreign file into a store', async () => {
    writeFileSync(join(dir, DB_FILE), '');
    expect(inspectStore(dir)).toEqual({ kind: 'problem', code: 'not_a_store' });
    expect(await codeOf(create())).toBe('store_exists');
    expect(readFileSync(join(dir, DB_FILE)).length).toBe(0);
    expect(existsSync(join(dir, KEYRING_FILE))).toBe(false);
  });

  it('refuses a plain SQLite database in place of the store', async () => {
    const plain = new Database(join(dir, DB_FILE));
    plain.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    plain.close();
    const before = readFileSync(join(dir, DB_FILE));
    expect(inspectStore(dir)).toEqual({ kind: 'problem', code: 'not_a_store' });
    expect(await codeOf(openStore(dir, ADMIN.username, PASSWORD))).toBe('not_a_store');
    expect(readFileSync(join(dir, DB_FILE))).toEqual(before);
  });

  it('tells random bytes, a damaged header, a truncated file and a damaged keyring apart, creating nothing', async () => {
    (await create()).db.close();
    const keyring = readFileSync(join(dir, KEYRING_FILE));
    const db = readFileSync(join(dir, DB_FILE));
    const attempt = async () => {
      const before = readdirSync(dir).sort();
      const code = await codeOf(openStore(dir, ADMIN.username, PASSWORD));
      expect(readdirSync(dir).sort()).toEqual(before);
      return code;
    };

    writeFileSync(join(dir, DB_FILE), randomBytes(db.length));
    expect(await attempt()).toBe('store_damaged');

    const damagedHeader = Buffer.from(db);
    randomBytes(64).copy(damagedHeader, 20);
    writeFileSync(join(dir, DB_FILE), damagedHeader);
    expect(await attempt()).toBe('store_damaged');

    writeFileSync(join(dir, DB_FILE), db.subarray(0, db.length - 1000));
    expect(inspectStore(dir)).toEqual({ kind: 'problem', code: 'store_truncated' });
    expect(await attempt()).toBe('store_truncated');

    writeFileSync(join(dir, DB_FILE), db);
    writeFileSync(join(dir, KEYRING_FILE), '{"format":"tiimipoyta-keyring"');
    expect(await attempt()).toBe('keyring_damaged');

    writeFileSync(join(dir, KEYRING_FILE), keyring);
    const ok = await openStore(dir, ADMIN.username, PASSWORD);
    ok.db.close();
  });

  it('reports a missing keyring before asking for any password', async () => {
    (await create()).db.close();
    rmSync(join(dir, KEYRING_FILE));
    expect(inspectStore(dir)).toEqual({ kind: 'problem', code: 'keyring_missing' });
    expect(await codeOf(openStore(dir, ADMIN.username, PASSWORD))).toBe('keyring_missing');
  });

  it('refuses a keyring that belongs to another store', async () => {
    (await create()).db.close();
    const other = tempDir();
    try {
      (await createStore(other.dir, { organisationName: 'Other', admin: ADMIN, password: PASSWORD }, FAST_KDF)).db.close();
      copyFileSync(join(other.dir, KEYRING_FILE), join(dir, KEYRING_FILE));
      expect(inspectStore(dir)).toEqual({ kind: 'problem', code: 'keyring_mismatch' });
      expect(await codeOf(openStore(dir, ADMIN.username, PASSWORD))).toBe('keyring_mismatch');
      // Without the manifest the keyring's key still fails to open the database: damaged, not silently new.
      rmSync(join(dir, MANIFEST_FILE));
      expect(await codeOf(openStore(dir, ADMIN.username, PASSWORD))).toBe('store_damaged');
    } finally {
      other.cleanup();
    }
  });

  it('refuses a database written by a newer version, untouched', async () => {
    const s = await create();
    s.db.pragma('user_version = 9990');
    s.db.close();
    expect(await codeOf(openStore(dir, ADMIN.username, PASSWORD))).toBe('store_newer_than_app');
    const again = openEncrypted(join(dir, DB_FILE), s.key);
    expect(again.pragma('user_version', { simple: true })).toBe(9990);
    again.close();
  });
});

describe('migrations', () => {
  it('apply in one transaction: a failing step leaves the schema as it was', async () => {
    const s = await create();
    const version = s.db.pragma('user_version', { simple: true }) as number;
    const broken = [
      { version: version + 10, name: 'ok-step', up: (db: typeof s.db) => db.exec('CREATE TABLE extra (x INTEGER) STRICT') },
      { version: version + 20, name: 'broken-step', up: (db: typeof s.db) => db.exec('CREATE TABLE broken (') },
    ];
    expect(() => migrate(s.db, broken)).toThrow();
    expect(s.db.pragma('user_version', { simple: true })).toBe(version);
    expect(s.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'extra'").get()).toEqual({ n: 0 });
    s.db.close();
  });
});
