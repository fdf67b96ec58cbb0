/**
 * Accounts and their keys. Every change that touches both the keyring file and the database is
 * ordered so that a crash between the two leaves nobody locked out: the new slot is written
 * before the database says the account exists, and a slot is removed only after the database
 * says the account is gone.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../shared/api/errors.js';
import type { Profession, Role } from '../shared/domain/user.js';
import type { Db } from './connection.js';
import { readKeyring, unwrapKey, withoutUserSlot, withRecoverySlot, withUserSlot, wrapForRecovery, wrapForUser, writeKeyring } from './keyring.js';
import { generateRecoveryKey } from './recovery-key.js';
import { currentUserKey, insertUserKey, retireUserKeys, rewrapUserKey, type UserKey } from './repositories/user-keys.js';
import { countActiveAdministrators, getUser, getUserByUsername, insertUser, setMustChangePassword, setUserActive, type User } from './repositories/users.js';
import { newKdf, type KdfParams } from './seal.js';
import { newSigningKey, resealSigningKey } from './signing-keys.js';
import { storePaths } from './store.js';

export interface StoreHandle {
  dir: string;
  db: Db;
  key: Buffer;
  storeId: string;
  kdf: KdfParams;
}

export interface NewUser {
  username: string;
  displayName: string;
  profession: Profession;
  organisation: string;
  role: Role;
  password: string;
}

function keyringPath(s: StoreHandle): string {
  return storePaths(s.dir).keyring;
}

/** Gives a professional a password slot and a fresh signing key, replacing any they had. */
async function issueCredentials(s: StoreHandle, user: { id: string; username: string }, password: string): Promise<UserKey> {
  const cache = new Map<string, Buffer>();
  const salt = newKdf(s.kdf).salt;
  const slot = await wrapForUser(s.storeId, s.key, user, password, s.kdf, cache, salt);
  const signingKey = await newSigningKey(user.id, password, s.kdf, cache, salt);
  writeKeyring(keyringPath(s), withUserSlot(readKeyring(keyringPath(s)), slot));
  return signingKey;
}

export async function addUser(s: StoreHandle, input: NewUser): Promise<User> {
  if (getUserByUsername(s.db, input.username)) throw new AppError('invalid_input', 'That username is taken.', { field: 'username', reason: 'taken' });
  const { password, ...fields } = input;
  const user: User = { id: randomUUID(), ...fields, active: true, mustChangePassword: true, createdAt: new Date().toISOString(), deactivatedAt: null };
  const key = await issueCredentials(s, user, password);
  try {
    s.db.transaction(() => {
      insertUser(s.db, user);
      insertUserKey(s.db, key);
    })();
  } catch (err) {
    writeKeyring(keyringPath(s), withoutUserSlot(readKeyring(keyringPath(s)), user.id));
    throw err;
  }
  return user;
}

/** The user's own change: the same signing key, re-sealed; the old password stops opening anything. */
export async function changePassword(s: StoreHandle, userId: string, current: string, next: string): Promise<void> {
  const user = getUser(s.db, userId);
  if (!user) throw new AppError('not_found', 'No such user.');
  const cache = new Map<string, Buffer>();
  await unwrapKey(readKeyring(keyringPath(s)), user.username, current, cache);
  const salt = newKdf(s.kdf).salt;
  const slot = await wrapForUser(s.storeId, s.key, user, next, s.kdf, cache, salt);
  const key = currentUserKey(s.db, userId);
  const resealed = key && (await resealSigningKey(key, current, next, s.kdf, cache, salt));
  // No key, or one sealed under a password nobody knows any more: a new pair.
  const fresh = resealed ? undefined : await newSigningKey(userId, next, s.kdf, cache, salt);
  writeKeyring(keyringPath(s), withUserSlot(readKeyring(keyringPath(s)), slot));
  s.db.transaction(() => {
    if (resealed) rewrapUserKey(s.db, resealed.id, resealed.wrappedPrivateKey);
    if (fresh) {
      retireUserKeys(s.db, userId, fresh.createdAt);
      insertUserKey(s.db, fresh);
    }
    setMustChangePassword(s.db, userId, false);
  })();
}

/**
 * A password set for someone else (an administrator, or the recovery key): a new slot and a new
 * signing key pair (the old private key stays sealed under the forgotten password; its public key
 * still verifies what it signed). The user chooses their own password at next sign-in.
 */
export async function resetPassword(s: StoreHandle, userId: string, password: string, opts: { reactivate?: boolean; mustChange?: boolean } = {}): Promise<User> {
  const user = getUser(s.db, userId);
  if (!user) throw new AppError('not_found', 'No such user.');
  const key = await issueCredentials(s, user, password);
  s.db.transaction(() => {
    retireUserKeys(s.db, userId, key.createdAt);
    insertUserKey(s.db, key);
    setMustChangePassword(s.db, userId, opts.mustChange ?? true);
    if (opts.reactivate) setUserActive(s.db, userId, true, key.createdAt);
  })();
  return getUser(s.db, userId)!;
}

/** Deactivation deletes the user's slot: their password no longer opens the store. */
export function deactivateUser(s: StoreHandle, userId: string, actorId: string): User {
  const user = getUser(s.db, userId);
  if (!user) throw new AppError('not_found', 'No such user.');
  if (userId === actorId) throw new AppError('forbidden', 'You cannot deactivate your own account.');
  if (user.role === 'administrator' && user.active && countActiveAdministrators(s.db) <= 1) {
    throw new AppError('last_administrator', 'The last active administrator cannot be deactivated.');
  }
  setUserActive(s.db, userId, false, new Date().toISOString());
  writeKeyring(keyringPath(s), withoutUserSlot(readKeyring(keyringPath(s)), userId));
  return getUser(s.db, userId)!;
}

/** A new recovery key; the old one stops working at once. Shown once by the caller. */
export async function rotateRecoveryKey(s: StoreHandle): Promise<string> {
  const recoveryKey = generateRecoveryKey();
  const slot = await wrapForRecovery(s.storeId, s.key, recoveryKey, s.kdf);
  writeKeyring(keyringPath(s), withRecoverySlot(readKeyring(keyringPath(s)), slot));
  return recoveryKey;
}
