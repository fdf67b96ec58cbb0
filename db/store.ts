/**
 * A store is a folder holding the encrypted database and its keyring. This module is the only
 * place that creates one, and it only does so on explicit setup into a folder without a store.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../shared/api/errors.js';
import type { Profession } from '../shared/domain/user.js';
import { createEncrypted, openEncrypted, sniffDatabaseFile, type Db } from './connection.js';
import { fsyncDir } from './fsutil.js';
import { DEFAULT_KDF, newKeyring, readKeyring, unwrapKey, wrapKey, writeKeyring, type KdfParams } from './keyring.js';
import { migrate } from './migrate.js';
import { getOrganisation, insertOrganisation, type Organisation } from './repositories/organisation.js';
import { getUser, insertUser, type User } from './repositories/users.js';

export const DB_FILE = 'tiimipoyta.db';
export const KEYRING_FILE = 'tiimipoyta.keyring';

export interface StorePaths {
  dir: string;
  db: string;
  keyring: string;
}

export function storePaths(dir: string): StorePaths {
  return { dir, db: join(dir, DB_FILE), keyring: join(dir, KEYRING_FILE) };
}

export type StoreState =
  | { kind: 'none' }
  | { kind: 'store' }
  | { kind: 'problem'; code: 'not_a_store' | 'keyring_missing' | 'store_damaged' | 'read_only' };

/** Looks at a folder without opening anything: is there no store, a store, or something wrong? */
export function inspectStore(dir: string): StoreState {
  if (!existsSync(dir)) return { kind: 'none' };
  if (!statSync(dir).isDirectory()) return { kind: 'problem', code: 'not_a_store' };
  const p = storePaths(dir);
  const db = sniffDatabaseFile(p.db);
  const hasKeyring = existsSync(p.keyring);
  if (db === 'missing') return hasKeyring ? { kind: 'problem', code: 'store_damaged' } : { kind: 'none' };
  if (db === 'empty' || db === 'plain-sqlite') return { kind: 'problem', code: 'not_a_store' };
  if (!hasKeyring) return { kind: 'problem', code: 'keyring_missing' };
  return { kind: 'store' };
}

export interface OpenStore {
  db: Db;
  key: Buffer;
  user: User;
  organisation: Organisation;
  storeId: string;
}

export interface CreateStoreInput {
  organisationName: string;
  admin: { displayName: string; username: string; profession: Profession };
  password: string;
}

/**
 * Creates a new store: a random 32-byte key, the database written under a temporary name,
 * the keyring (the administrator's slot), then the database renamed into place, so a crash
 * midway never leaves something that looks like a store.
 */
export async function createStore(dir: string, input: CreateStoreInput, kdf: KdfParams = DEFAULT_KDF): Promise<OpenStore> {
  const p = storePaths(dir);
  if (inspectStore(dir).kind !== 'none') throw new AppError('store_exists', 'This folder already holds a store or another file in its place.');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pending = `${p.db}.new`;
  for (const leftover of [pending, `${pending}-wal`, `${pending}-shm`]) rmSync(leftover, { force: true });

  const key = randomBytes(32);
  const storeId = randomUUID();
  const now = new Date().toISOString();
  const organisation: Organisation = { id: randomUUID(), name: input.organisationName, createdAt: now };
  const user: User = { id: randomUUID(), ...input.admin, role: 'administrator', active: true, createdAt: now };
  const slot = await wrapKey(storeId, key, user, input.password, kdf);

  const db = createEncrypted(pending, key);
  try {
    migrate(db);
    db.transaction(() => {
      db.prepare('INSERT INTO store_meta (key, value) VALUES (?, ?)').run('store_id', storeId);
      insertOrganisation(db, organisation);
      insertUser(db, user);
    })();
  } finally {
    db.close();
  }
  chmodSync(pending, 0o600);
  writeKeyring(p.keyring, newKeyring(storeId, [slot]));
  renameSync(pending, p.db);
  fsyncDir(dir);
  return { db: openEncrypted(p.db, key), key, user, organisation, storeId };
}

/** Unlocks a store with a professional's password and brings its schema up to date. */
export async function openStore(dir: string, username: string, password: string): Promise<OpenStore> {
  const state = inspectStore(dir);
  if (state.kind === 'none') throw new AppError('no_store', 'There is no store in this folder.');
  if (state.kind === 'problem') throw new AppError(state.code, `The store cannot be opened (${state.code}).`);
  const p = storePaths(dir);
  const keyring = readKeyring(p.keyring);
  const { key, slot } = await unwrapKey(keyring, username, password);
  const db = openEncrypted(p.db, key);
  try {
    const meta = db.prepare("SELECT value FROM store_meta WHERE key = 'store_id'").get() as { value: string } | undefined;
    if (meta && meta.value !== keyring.storeId) throw new AppError('keyring_damaged', 'The keyring belongs to another store.');
    migrate(db);
    const user = getUser(db, slot.userId);
    const organisation = getOrganisation(db);
    if (!user || !organisation) throw new AppError('store_damaged', 'The store has no record of this user or organisation.');
    if (!user.active) throw new AppError('forbidden', 'This account has been deactivated.');
    return { db, key, user, organisation, storeId: keyring.storeId };
  } catch (err) {
    db.close();
    throw err;
  }
}
