import type { Db } from '../connection.js';
import type { Sealed } from '../seal.js';

export interface UserKey {
  id: string;
  userId: string;
  /** SPKI DER, base64. */
  publicKey: string;
  wrappedPrivateKey: Sealed;
  createdAt: string;
  retiredAt: string | null;
}

interface UserKeyRow {
  id: string;
  user_id: string;
  public_key: string;
  wrapped_private_key: string;
  created_at: string;
  retired_at: string | null;
}

const rowToUserKey = (r: UserKeyRow): UserKey => ({
  id: r.id,
  userId: r.user_id,
  publicKey: r.public_key,
  wrappedPrivateKey: JSON.parse(r.wrapped_private_key) as Sealed,
  createdAt: r.created_at,
  retiredAt: r.retired_at,
});

export function insertUserKey(db: Db, k: UserKey): void {
  db.prepare('INSERT INTO user_keys (id, user_id, public_key, wrapped_private_key, created_at, retired_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    k.id, k.userId, k.publicKey, JSON.stringify(k.wrappedPrivateKey), k.createdAt, k.retiredAt,
  );
}

export function currentUserKey(db: Db, userId: string): UserKey | undefined {
  const row = db.prepare('SELECT * FROM user_keys WHERE user_id = ? AND retired_at IS NULL').get(userId) as UserKeyRow | undefined;
  return row && rowToUserKey(row);
}

/** Every key the user has had, newest first: old ones still verify what they signed. */
export function listUserKeys(db: Db, userId: string): UserKey[] {
  return (db.prepare('SELECT * FROM user_keys WHERE user_id = ? ORDER BY created_at DESC').all(userId) as UserKeyRow[]).map(rowToUserKey);
}

export function rewrapUserKey(db: Db, id: string, wrapped: Sealed): void {
  db.prepare('UPDATE user_keys SET wrapped_private_key = ? WHERE id = ?').run(JSON.stringify(wrapped), id);
}

export function retireUserKeys(db: Db, userId: string, at: string): void {
  db.prepare('UPDATE user_keys SET retired_at = ? WHERE user_id = ? AND retired_at IS NULL').run(at, userId);
}

/** A key by its id, current or retired (checking a signature made before a password reset). */
export function getUserKey(db: Db, id: string): UserKey | undefined {
  const row = db.prepare('SELECT * FROM user_keys WHERE id = ?').get(id) as UserKeyRow | undefined;
  return row && rowToUserKey(row);
}
