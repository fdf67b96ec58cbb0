/**
 * A store is a folder holding the encrypted database and its keyring. This module is the only
 * place that creates one, and it only does so on explicit setup into a folder without a store.
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../shared/api/errors.js';
import type { Profession } from '../shared/domain/user.js';
import { createEncrypted, openEncrypted, sniffDatabaseFile, type Db } from './connection.js';
import { fsyncDir, writeFileAtomic } from './fsutil.js';
import { newKeyring, randomDbKey, readKeyring, unwrapKey, unwrapWithRecovery, wrapForRecovery, wrapForUser, writeKeyring, type Keyring } from './keyring.js';
import { migrate } from './migrate.js';
import { generateRecoveryKey } from './recovery-key.js';
import { getOrganisation, insertOrganisation, type Organisation } from './repositories/organisation.js';
import { insertUserKey } from './repositories/user-keys.js';
import { getUser, insertUser, type User } from './repositories/users.js';
import { DEFAULT_KDF, newKdf, type KdfParams } from './seal.js';
import { newSigningKey } from './signing-keys.js';

export const DB_FILE = 'tiimipoyta.db';
export const KEYRING_FILE = 'tiimipoyta.keyring';
/**
 * A plaintext identity card of the store: its id, nothing secret. It lets a keyring copied from
 * another store be named as such before any password is asked, instead of surfacing later as
 * "the database does not open".
 */
export const MANIFEST_FILE = 'tiimipoyta.store.json';
const MANIFEST_FORMAT = 'tiimipoyta-store';
/** SQLCipher v4's default page size: a database file is always a whole number of pages. */
const PAGE_SIZE = 4096;

export interface StorePaths {
  dir: string;
  db: string;
  keyring: string;
  manifest: string;
}

export function storePaths(dir: string): StorePaths {
  return { dir, db: join(dir, DB_FILE), keyring: join(dir, KEYRING_FILE), manifest: join(dir, MANIFEST_FILE) };
}

/** The store id the manifest names, if there is a readable manifest. */
function manifestStoreId(path: string): string | undefined {
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as { format?: string; storeId?: unknown };
    return m.format === MANIFEST_FORMAT && typeof m.storeId === 'string' ? m.storeId : undefined;
  } catch {
    return undefined;
  }
}

export function writeManifest(dir: string, storeId: string): void {
  writeFileAtomic(storePaths(dir).manifest, `${JSON.stringify({ format: MANIFEST_FORMAT, storeId })}\n`);
}

function keyringStoreId(path: string): string | undefined {
  try {
    const id = (JSON.parse(readFileSync(path, 'utf8')) as { storeId?: unknown }).storeId;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

export type StoreState =
  | { kind: 'none' }
  | { kind: 'store' }
  | { kind: 'problem'; code: 'not_a_store' | 'keyring_missing' | 'keyring_mismatch' | 'store_damaged' | 'store_truncated' };

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
  if (statSync(p.db).size % PAGE_SIZE !== 0) return { kind: 'problem', code: 'store_truncated' };
  const manifestId = manifestStoreId(p.manifest);
  const keyringId = keyringStoreId(p.keyring);
  // An unreadable keyring is not a mismatch: opening it reports it as damaged.
  if (manifestId !== undefined && keyringId !== undefined && manifestId !== keyringId) return { kind: 'problem', code: 'keyring_mismatch' };
  return { kind: 'store' };
}

export interface OpenStore {
  dir: string;
  db: Db;
  key: Buffer;
  user: User;
  organisation: Organisation;
  storeId: string;
  /** The key-derivation cost new slots and keys get. */
  kdf: KdfParams;
}

export interface CreateStoreInput {
  organisationName: string;
  admin: { displayName: string; username: string; profession: Profession; organisation?: string };
  password: string;
}

/**
 * Creates a new store: a random 32-byte key, the database written under a temporary name, the
 * keyring (the administrator's slot and the recovery slot), then the database renamed into place,
 * so a crash midway never leaves something that looks like a store. Returns the recovery key,
 * which exists nowhere else: the caller shows it once.
 */
export async function createStore(dir: string, input: CreateStoreInput, kdf: KdfParams = DEFAULT_KDF): Promise<OpenStore & { recoveryKey: string }> {
  const p = storePaths(dir);
  if (inspectStore(dir).kind !== 'none') throw new AppError('store_exists', 'This folder already holds a store or another file in its place.');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pending = `${p.db}.new`;
  for (const leftover of [pending, `${pending}-wal`, `${pending}-shm`]) rmSync(leftover, { force: true });

  const key = randomDbKey();
  const storeId = randomUUID();
  const now = new Date().toISOString();
  const organisation: Organisation = { id: randomUUID(), name: input.organisationName, createdAt: now };
  const user: User = {
    id: randomUUID(),
    ...input.admin,
    organisation: input.admin.organisation ?? input.organisationName,
    role: 'administrator',
    active: true,
    mustChangePassword: false,
    createdAt: now,
    deactivatedAt: null,
  };
  const recoveryKey = generateRecoveryKey();
  const cache = new Map<string, Buffer>();
  const salt = newKdf(kdf).salt;
  const slot = await wrapForUser(storeId, key, user, input.password, kdf, cache, salt);
  const signingKey = await newSigningKey(user.id, input.password, kdf, cache, salt);
  const recoverySlot = await wrapForRecovery(storeId, key, recoveryKey, kdf);

  const db = createEncrypted(pending, key);
  try {
    migrate(db);
    db.transaction(() => {
      db.prepare('INSERT INTO store_meta (key, value) VALUES (?, ?)').run('store_id', storeId);
      insertOrganisation(db, organisation);
      insertUser(db, user);
      insertUserKey(db, signingKey);
    })();
  } finally {
    db.close();
  }
  chmodSync(pending, 0o600);
  writeKeyring(p.keyring, newKeyring(storeId, [slot, recoverySlot]));
  writeManifest(dir, storeId);
  renameSync(pending, p.db);
  fsyncDir(dir);
  return { dir, db: openEncrypted(p.db, key), key, user, organisation, storeId, kdf, recoveryKey };
}

function checkState(dir: string): void {
  const state = inspectStore(dir);
  if (state.kind === 'none') throw new AppError('no_store', 'There is no store in this folder.');
  if (state.kind === 'problem') throw new AppError(state.code, `The store cannot be opened (${state.code}).`);
}

/** Opens the database with a key the keyring vouched for; a store without a manifest gets one. */
function openWithVerifiedKey(dir: string, keyring: Keyring, key: Buffer): Db {
  const db = openEncrypted(storePaths(dir).db, key);
  try {
    const meta = db.prepare("SELECT value FROM store_meta WHERE key = 'store_id'").get() as { value: string } | undefined;
    if (meta && meta.value !== keyring.storeId) throw new AppError('keyring_mismatch', 'The keyring belongs to another store.');
    migrate(db);
    if (manifestStoreId(storePaths(dir).manifest) === undefined) writeManifest(dir, keyring.storeId);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function loadContext(db: Db, userId: string): { user: User; organisation: Organisation } {
  const user = getUser(db, userId);
  const organisation = getOrganisation(db);
  if (!user || !organisation) throw new AppError('store_damaged', 'The store has no record of this user or organisation.');
  return { user, organisation };
}

/** Unlocks a store with a professional's password and brings its schema up to date. */
export async function openStore(dir: string, username: string, password: string, kdf: KdfParams = DEFAULT_KDF): Promise<OpenStore> {
  checkState(dir);
  const keyring = readKeyring(storePaths(dir).keyring);
  const { key, slot } = await unwrapKey(keyring, username, password);
  const db = openWithVerifiedKey(dir, keyring, key);
  try {
    const { user, organisation } = loadContext(db, slot.userId);
    if (!user.active) throw new AppError('forbidden', 'This account has been deactivated.');
    return { dir, db, key, user, organisation, storeId: keyring.storeId, kdf };
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Opens the database with the recovery key (for resetting a forgotten password); no user is signed in by it. */
export async function openWithRecoveryKey(dir: string, recoveryKey: string): Promise<{ db: Db; key: Buffer; keyring: Keyring }> {
  checkState(dir);
  const keyring = readKeyring(storePaths(dir).keyring);
  const key = await unwrapWithRecovery(keyring, recoveryKey);
  return { db: openWithVerifiedKey(dir, keyring, key), key, keyring };
}

export { loadContext };
