import type { Db } from '../connection.js';

/** Accounts: each professional's organisation, their signing keys, and store-wide settings. */
export function up(db: Db): void {
  db.exec(`
    ALTER TABLE users ADD COLUMN organisation TEXT NOT NULL DEFAULT '' CHECK (length(organisation) <= 200);
    ALTER TABLE users ADD COLUMN deactivated_at TEXT;
    -- Set when an administrator or the recovery key set the password: the user picks their own at next sign-in.
    ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));

    -- Ed25519 key pairs. The private key is wrapped under the user's password (scrypt → AES-256-GCM),
    -- so not even an administrator holding the database key can sign as them. A reset retires the
    -- old pair (kept to verify what it signed) and makes a new one.
    CREATE TABLE user_keys (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users(id),
      public_key TEXT NOT NULL,
      wrapped_private_key TEXT NOT NULL,
      created_at TEXT NOT NULL,
      retired_at TEXT
    ) STRICT;
    CREATE UNIQUE INDEX user_keys_current ON user_keys(user_id) WHERE retired_at IS NULL;

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `);
}
