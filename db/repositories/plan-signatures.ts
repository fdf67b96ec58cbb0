/**
 * Signatures of plan versions and the wrong passwords typed while signing. Client data (a drawn
 * signature, the client's name): only backend modules that log access use it.
 */
import type { SignatureKind } from '../../shared/domain/plan.js';
import type { Db } from '../connection.js';

export interface SignatureRecord {
  id: string;
  versionId: string;
  kind: SignatureKind;
  attendanceId: string | null;
  name: string;
  signerUserId: string;
  signerName: string;
  keyId: string;
  /** The key's owner and public key (SPKI DER, base64), for verification. */
  keyUserId: string;
  publicKey: string;
  image: string | null;
  imageSha256: string | null;
  witness: string | null;
  signedAt: string;
  /** Ed25519 signature, base64. */
  signature: string;
}

interface SignatureRow {
  id: string;
  version_id: string;
  kind: string;
  attendance_id: string | null;
  name: string;
  signer_user_id: string;
  signer_name: string;
  key_id: string;
  key_user_id: string;
  public_key: string;
  image: string | null;
  image_sha256: string | null;
  witness: string | null;
  signed_at: string;
  signature: string;
}

const rowToSignature = (r: SignatureRow): SignatureRecord => ({
  id: r.id,
  versionId: r.version_id,
  kind: r.kind as SignatureKind,
  attendanceId: r.attendance_id,
  name: r.name,
  signerUserId: r.signer_user_id,
  signerName: r.signer_name,
  keyId: r.key_id,
  keyUserId: r.key_user_id,
  publicKey: r.public_key,
  image: r.image,
  imageSha256: r.image_sha256,
  witness: r.witness,
  signedAt: r.signed_at,
  signature: r.signature,
});

export function listSignatures(db: Db, versionId: string): SignatureRecord[] {
  const rows = db
    .prepare(
      `SELECT s.*, u.display_name AS signer_name, k.user_id AS key_user_id, k.public_key FROM plan_signatures s
       JOIN users u ON u.id = s.signer_user_id JOIN user_keys k ON k.id = s.key_id
       WHERE s.version_id = ? ORDER BY s.signed_at, s.id`,
    )
    .all(versionId) as SignatureRow[];
  return rows.map(rowToSignature);
}

export type NewSignature = Omit<SignatureRecord, 'signerName' | 'keyUserId' | 'publicKey'>;

export function insertSignature(db: Db, s: NewSignature): void {
  db.prepare(
    `INSERT INTO plan_signatures (id, version_id, kind, attendance_id, name, signer_user_id, key_id, image, image_sha256, witness, signed_at, signature)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(s.id, s.versionId, s.kind, s.attendanceId, s.name, s.signerUserId, s.keyId, s.image, s.imageSha256, s.witness, s.signedAt, s.signature);
}

/** Discards a version's signatures (it goes back to draft); returns how many there were. */
export function deleteSignatures(db: Db, versionId: string): number {
  return db.prepare('DELETE FROM plan_signatures WHERE version_id = ?').run(versionId).changes;
}

/* Wrong passwords ---------------------------------------------------------------------------- */

export interface SignAttempts {
  failures: number;
  lastFailedAt: string;
}

export function getSignAttempts(db: Db, versionId: string, userId: string): SignAttempts | undefined {
  const r = db.prepare('SELECT failures, last_failed_at FROM plan_sign_attempts WHERE version_id = ? AND user_id = ?').get(versionId, userId) as
    | { failures: number; last_failed_at: string }
    | undefined;
  return r && { failures: r.failures, lastFailedAt: r.last_failed_at };
}

/** Counts one more wrong password; returns the count. */
export function recordSignFailure(db: Db, versionId: string, userId: string, at: string): number {
  db.prepare(
    `INSERT INTO plan_sign_attempts (version_id, user_id, failures, last_failed_at) VALUES (?, ?, 1, ?)
     ON CONFLICT(version_id, user_id) DO UPDATE SET failures = failures + 1, last_failed_at = excluded.last_failed_at`,
  ).run(versionId, userId, at);
  return getSignAttempts(db, versionId, userId)!.failures;
}

export function clearSignAttempts(db: Db, versionId: string, userId: string): void {
  db.prepare('DELETE FROM plan_sign_attempts WHERE version_id = ? AND user_id = ?').run(versionId, userId);
}
