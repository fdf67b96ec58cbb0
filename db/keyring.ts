/**
 * The keyring: the database's random 32-byte key, wrapped once per professional with a key derived
 * from their password, and once under the recovery key (like LUKS key slots). The GCM tag tells a
 * wrong password apart from a damaged database before the database is touched. Every slot is bound
 * to its store and to itself through the associated data, so a slot copied from another keyring
 * does not open. Adding, removing or re-wrapping a slot never re-encrypts the database.
 */
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { AppError } from '../shared/api/errors.js';
import { writeFileAtomic } from './fsutil.js';
import { normaliseRecoveryKey } from './recovery-key.js';
import { DEFAULT_KDF, deriveKek, isSealed, newKdf, openWithKek, seal, type KdfParams, type KekCache, type Sealed } from './seal.js';

export { DEFAULT_KDF, type KdfParams } from './seal.js';

export const KEYRING_FORMAT = 'tiimipoyta-keyring';
export const KEYRING_VERSION = 1;

export interface PasswordSlot extends Sealed {
  id: string;
  kind: 'password';
  userId: string;
  username: string;
}

export interface RecoverySlot extends Sealed {
  id: string;
  kind: 'recovery';
}

export type Slot = PasswordSlot | RecoverySlot;

export interface Keyring {
  format: typeof KEYRING_FORMAT;
  version: number;
  storeId: string;
  slots: Slot[];
}

const slotAad = (storeId: string, slotId: string) => `${KEYRING_FORMAT}/${storeId}/${slotId}`;

export async function wrapForUser(
  storeId: string,
  dbKey: Buffer,
  user: { id: string; username: string },
  password: string,
  kdf: KdfParams = DEFAULT_KDF,
  cache?: KekCache,
  salt?: string,
): Promise<PasswordSlot> {
  const id = randomUUID();
  const sealed = await seal(dbKey, password, slotAad(storeId, id), kdf, cache, salt);
  return { id, kind: 'password', userId: user.id, username: user.username, ...sealed };
}

export async function wrapForRecovery(storeId: string, dbKey: Buffer, recoveryKey: string, kdf: KdfParams = DEFAULT_KDF): Promise<RecoverySlot> {
  const canonical = normaliseRecoveryKey(recoveryKey);
  if (!canonical) throw new AppError('internal', 'Not a recovery key.');
  const id = randomUUID();
  return { id, kind: 'recovery', ...(await seal(dbKey, canonical, slotAad(storeId, id), kdf)) };
}

function checkKey(key: Buffer): Buffer {
  if (key.length !== 32) throw new AppError('keyring_damaged', 'The keyring holds a key of the wrong length.');
  return key;
}

/**
 * Unwraps the database key with a username and password. Unknown user and wrong password give the
 * same error after the same work, so the sign-in screen does not reveal which usernames exist.
 */
export async function unwrapKey(keyring: Keyring, username: string, password: string, cache?: KekCache): Promise<{ key: Buffer; slot: PasswordSlot }> {
  const slot = keyring.slots.find((s): s is PasswordSlot => s.kind === 'password' && s.username === username);
  const kek = await deriveKek(password, slot?.kdf ?? newKdf(), cache);
  const key = slot && openWithKek(slot, kek, slotAad(keyring.storeId, slot.id));
  if (!slot || !key) throw new AppError('wrong_password', 'The username or password is wrong.');
  return { key: checkKey(key), slot };
}

export async function unwrapWithRecovery(keyring: Keyring, recoveryKey: string): Promise<Buffer> {
  const slot = keyring.slots.find((s): s is RecoverySlot => s.kind === 'recovery');
  const canonical = normaliseRecoveryKey(recoveryKey);
  const kek = await deriveKek(canonical ?? 'x', slot?.kdf ?? newKdf());
  const key = slot && canonical ? openWithKek(slot, kek, slotAad(keyring.storeId, slot.id)) : undefined;
  if (!key) throw new AppError('wrong_recovery_key', 'The recovery key is wrong.');
  return checkKey(key);
}

export function newKeyring(storeId: string, slots: Slot[]): Keyring {
  return { format: KEYRING_FORMAT, version: KEYRING_VERSION, storeId, slots };
}

/** The keyring with this user's slot replaced by (or added as) `slot`. */
export function withUserSlot(keyring: Keyring, slot: PasswordSlot): Keyring {
  return { ...keyring, slots: [...keyring.slots.filter((s) => !(s.kind === 'password' && s.userId === slot.userId)), slot] };
}

export function withoutUserSlot(keyring: Keyring, userId: string): Keyring {
  return { ...keyring, slots: keyring.slots.filter((s) => !(s.kind === 'password' && s.userId === userId)) };
}

export function withRecoverySlot(keyring: Keyring, slot: RecoverySlot): Keyring {
  return { ...keyring, slots: [...keyring.slots.filter((s) => s.kind !== 'recovery'), slot] };
}

function isSlot(v: unknown): v is Slot {
  const s = v as Slot;
  if (!isSealed(s) || typeof s.id !== 'string') return false;
  if (s.kind === 'recovery') return true;
  return s.kind === 'password' && typeof s.userId === 'string' && typeof s.username === 'string';
}

export function parseKeyring(text: string): Keyring {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('keyring_damaged', 'The keyring file is not valid JSON.');
  }
  const k = raw as Keyring;
  if (typeof k !== 'object' || k === null || k.format !== KEYRING_FORMAT) {
    throw new AppError('keyring_damaged', 'The keyring file is not a Tiimipöytä keyring.');
  }
  if (typeof k.version !== 'number' || k.version > KEYRING_VERSION) {
    throw new AppError('store_newer_than_app', 'The keyring was written by a newer version of Tiimipöytä.');
  }
  if (typeof k.storeId !== 'string' || !Array.isArray(k.slots) || !k.slots.every(isSlot)) {
    throw new AppError('keyring_damaged', 'The keyring file is damaged.');
  }
  return k;
}

export function readKeyring(path: string): Keyring {
  if (!existsSync(path)) throw new AppError('keyring_missing', 'The keyring file beside the database is missing.');
  return parseKeyring(readFileSync(path, 'utf8'));
}

/** Atomic (temp file, fsync, rename) and keeps the previous keyring as `.bak`. */
export function writeKeyring(path: string, keyring: Keyring): void {
  writeFileAtomic(path, `${JSON.stringify(keyring, null, 2)}\n`, true);
}

export function sameKey(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export function randomDbKey(): Buffer {
  return randomBytes(32);
}
