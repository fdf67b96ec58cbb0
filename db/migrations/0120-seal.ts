import type { Db } from '../connection.js';

/**
 * The organisation's seal (issue 7): the certificate and private key every exported signed plan is
 * sealed with, as a PKCS#12 and its random passphrase. They live in the encrypted store, so the
 * database key protects them. One seal is current (retired_at IS NULL); an imported seal replaces
 * the current one in the same transaction, and the old row stays with its retirement time, so an
 * earlier export's certificate can still be named.
 *
 * No row is made here: a migration cannot know the organisation's name reliably. A new store gets
 * its seal at setup; an older store on its first signed export.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE seals (
      id TEXT PRIMARY KEY,
      source TEXT NOT NULL CHECK (source IN ('generated', 'imported')),
      p12 BLOB NOT NULL CHECK (length(p12) > 0),
      passphrase TEXT NOT NULL,
      subject TEXT NOT NULL,
      fingerprint_sha256 TEXT NOT NULL CHECK (length(fingerprint_sha256) = 64 AND fingerprint_sha256 NOT GLOB '*[^0-9a-f]*'),
      not_before TEXT NOT NULL,
      not_after TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL REFERENCES users(id),
      retired_at TEXT
    ) STRICT;
    CREATE UNIQUE INDEX seals_one_current ON seals((1)) WHERE retired_at IS NULL;
  `);
}
