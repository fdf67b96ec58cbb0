import type { Db } from '../connection.js';

/** The organisation's seal as stored (migration 0120): the PKCS#12, its passphrase, what it says. */
export interface SealRecord {
  id: string;
  source: 'generated' | 'imported';
  p12: Buffer;
  passphrase: string;
  subject: string;
  fingerprintSha256: string;
  notBefore: string;
  notAfter: string;
  createdAt: string;
  createdBy: string;
  retiredAt: string | null;
}

interface SealRow {
  id: string;
  source: 'generated' | 'imported';
  p12: Buffer;
  passphrase: string;
  subject: string;
  fingerprint_sha256: string;
  not_before: string;
  not_after: string;
  created_at: string;
  created_by: string;
  retired_at: string | null;
}

const rowToSeal = (r: SealRow): SealRecord => ({
  id: r.id,
  source: r.source,
  p12: Buffer.from(r.p12),
  passphrase: r.passphrase,
  subject: r.subject,
  fingerprintSha256: r.fingerprint_sha256,
  notBefore: r.not_before,
  notAfter: r.not_after,
  createdAt: r.created_at,
  createdBy: r.created_by,
  retiredAt: r.retired_at,
});

export function currentSeal(db: Db): SealRecord | undefined {
  const row = db.prepare('SELECT * FROM seals WHERE retired_at IS NULL').get() as SealRow | undefined;
  return row && rowToSeal(row);
}

/** Stores a new current seal; the caller retires the previous one first, in the same transaction. */
export function insertSeal(db: Db, s: Omit<SealRecord, 'retiredAt'>): void {
  db.prepare(
    `INSERT INTO seals (id, source, p12, passphrase, subject, fingerprint_sha256, not_before, not_after, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(s.id, s.source, s.p12, s.passphrase, s.subject, s.fingerprintSha256, s.notBefore, s.notAfter, s.createdAt, s.createdBy);
}

export function retireSeal(db: Db, id: string, at: string): void {
  db.prepare('UPDATE seals SET retired_at = ? WHERE id = ? AND retired_at IS NULL').run(at, id);
}

/** Every seal, newest first, with its creator's name (the administrator's seal page). */
export function listSeals(db: Db): (SealRecord & { createdByName: string })[] {
  const rows = db
    .prepare('SELECT s.*, u.display_name AS created_by_name FROM seals s JOIN users u ON u.id = s.created_by ORDER BY s.created_at DESC, s.rowid DESC')
    .all() as (SealRow & { created_by_name: string })[];
  return rows.map((r) => ({ ...rowToSeal(r), createdByName: r.created_by_name }));
}

/** The seal with this certificate fingerprint, current or retired (verifying an older PDF). */
export function sealByFingerprint(db: Db, fingerprintSha256: string): SealRecord | undefined {
  const row = db.prepare('SELECT * FROM seals WHERE fingerprint_sha256 = ? ORDER BY created_at DESC LIMIT 1').get(fingerprintSha256) as SealRow | undefined;
  return row && rowToSeal(row);
}
