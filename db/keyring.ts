/**
 * The keyring: the database's random 32-byte key, wrapped once per professional with a key
 * derived from their password (scrypt → AES-256-GCM). The GCM tag tells a wrong password apart
 * from a damaged database before the database is touched. Slots are bound to their store and to
 * themselves through the GCM associated data, so a slot copied from another keyring fails.
 */
import { createCipheriv, createDecipheriv, randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { AppError } from '../shared/api/errors.js';
import { writeFileAtomic } from './fsutil.js';

export const KEYRING_FORMAT = 'tiimipoyta-keyring';
export const KEYRING_VERSION = 1;

export interface KdfParams {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
}

/** STACK.md: N=2^17, r=8, p=1 is ~0.5 s here; the memory cost (128 MiB) is what slows guessing. */
export const DEFAULT_KDF: KdfParams = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 };

export interface PasswordSlot {
  id: string;
  kind: 'password';
  userId: string;
  username: string;
  kdf: KdfParams & { salt: string };
  iv: string;
  tag: string;
  ciphertext: string;
}

export interface Keyring {
  format: typeof KEYRING_FORMAT;
  version: number;
  storeId: string;
  slots: PasswordSlot[];
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const unb64 = (s: string) => Buffer.from(s, 'base64');

function deriveKey(password: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      32,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

function aad(storeId: string, slotId: string): Buffer {
  return Buffer.from(`${KEYRING_FORMAT}/${storeId}/${slotId}`, 'utf8');
}

export async function wrapKey(
  storeId: string,
  dbKey: Buffer,
  user: { id: string; username: string },
  password: string,
  kdf: KdfParams = DEFAULT_KDF,
): Promise<PasswordSlot> {
  const id = randomUUID();
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = await deriveKey(password, salt, kdf);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad(storeId, id));
  const ciphertext = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  return {
    id,
    kind: 'password',
    userId: user.id,
    username: user.username,
    kdf: { ...kdf, salt: b64(salt) },
    iv: b64(iv),
    tag: b64(cipher.getAuthTag()),
    ciphertext: b64(ciphertext),
  };
}

/**
 * Unwraps the database key with a username and password. Unknown user and wrong password give the
 * same error after the same work, so the sign-in screen does not reveal which usernames exist.
 */
export async function unwrapKey(keyring: Keyring, username: string, password: string): Promise<{ key: Buffer; slot: PasswordSlot }> {
  const slot = keyring.slots.find((s) => s.username === username);
  const kdf = slot?.kdf ?? { ...DEFAULT_KDF, salt: b64(randomBytes(16)) };
  const kek = await deriveKey(password, unb64(kdf.salt), kdf);
  if (!slot) throw new AppError('wrong_password', 'The username or password is wrong.');
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, unb64(slot.iv));
    decipher.setAAD(aad(keyring.storeId, slot.id));
    decipher.setAuthTag(unb64(slot.tag));
    const key = Buffer.concat([decipher.update(unb64(slot.ciphertext)), decipher.final()]);
    if (key.length !== 32) throw new AppError('keyring_damaged', 'The keyring holds a key of the wrong length.');
    return { key, slot };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('wrong_password', 'The username or password is wrong.');
  }
}

export function newKeyring(storeId: string, slots: PasswordSlot[]): Keyring {
  return { format: KEYRING_FORMAT, version: KEYRING_VERSION, storeId, slots };
}

function isSlot(v: unknown): v is PasswordSlot {
  const s = v as PasswordSlot;
  return (
    typeof s === 'object' && s !== null && s.kind === 'password' &&
    [s.id, s.userId, s.username, s.iv, s.tag, s.ciphertext].every((x) => typeof x === 'string') &&
    typeof s.kdf === 'object' && s.kdf !== null && s.kdf.name === 'scrypt' &&
    [s.kdf.N, s.kdf.r, s.kdf.p].every((x) => Number.isSafeInteger(x) && x > 0) &&
    typeof s.kdf.salt === 'string'
  );
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
  if (k.version > KEYRING_VERSION) {
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

export function writeKeyring(path: string, keyring: Keyring): void {
  writeFileAtomic(path, `${JSON.stringify(keyring, null, 2)}\n`, true);
}

/** Constant-time comparison of two keys (used by tests and by the store to confirm a rewrap). */
export function sameKey(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
