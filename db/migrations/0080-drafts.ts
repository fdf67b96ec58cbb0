import type { Db } from '../connection.js';

/**
 * Unsaved drafts of forms that have an explicit save (a new client, a referral, a consent…): what a
 * user typed survives a lock, a crash or a restart. One draft per user and form; nobody else sees
 * it. `client_id` names the client whose form it is (null for a client not yet created), so reads
 * and writes of it are logged against that client. The store is encrypted, so drafts are too.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE form_drafts (
      user_id TEXT NOT NULL REFERENCES users(id),
      form_key TEXT NOT NULL,
      client_id TEXT REFERENCES clients(id),
      data TEXT NOT NULL CHECK (json_valid(data)),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (user_id, form_key)
    ) STRICT;
    -- Old drafts are purged at sign-in.
    CREATE INDEX form_drafts_updated ON form_drafts(updated_at);
  `);
}
