import type { Db } from '../connection.js';

/**
 * The access log required by the Act on client data (703/2023): every read and write of client
 * data, hash-chained (db/audit.ts computes the hashes; SQLite cannot). The triggers stop an
 * accidental or casual edit; they do not stop someone holding the key, who can drop them, which is
 * why verifyAudit() recomputes the chain rather than trusting the table.
 *
 * No foreign keys: the log must outlive what it mentions. A client's record may be erased when its
 * retention period ends while the record of who viewed it must stay, and an actor may be a user who
 * was later anonymised.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE audit_events (
      seq INTEGER PRIMARY KEY CHECK (seq >= 1),
      at TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
      actor_id TEXT NOT NULL CHECK (length(actor_id) BETWEEN 1 AND 100),
      client_id TEXT CHECK (client_id IS NULL OR length(client_id) BETWEEN 1 AND 100),
      action TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 100),
      basis TEXT NOT NULL CHECK (length(basis) BETWEEN 1 AND 100),
      entity TEXT CHECK (entity IS NULL OR length(entity) BETWEEN 1 AND 200),
      details TEXT CHECK (details IS NULL OR (json_valid(details) AND json_type(details) = 'object')),
      prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
      hash TEXT NOT NULL CHECK (length(hash) = 64)
    ) STRICT;
    CREATE INDEX audit_events_client ON audit_events(client_id, seq) WHERE client_id IS NOT NULL;
    CREATE INDEX audit_events_actor ON audit_events(actor_id, seq);

    -- The newest event's seq and hash. Without it, deleting the last events leaves a chain that
    -- still verifies; with it, a shortened tail shows.
    CREATE TABLE audit_head (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      seq INTEGER NOT NULL CHECK (seq >= 0),
      hash TEXT NOT NULL CHECK (length(hash) = 64)
    ) STRICT;
    INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '${'0'.repeat(64)}');

    CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
    CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
    -- An insert that does not continue the chain from the head is a bug in the caller, not a log entry.
    CREATE TRIGGER audit_events_append_only_at_head BEFORE INSERT ON audit_events
      WHEN NEW.seq IS NOT (SELECT seq + 1 FROM audit_head WHERE id = 1)
        OR NEW.prev_hash IS NOT (SELECT hash FROM audit_head WHERE id = 1)
      BEGIN SELECT RAISE(ABORT, 'audit_events: an event must follow audit_head'); END;
    -- The head may only step forward by one, onto an event that exists.
    CREATE TRIGGER audit_head_advance_only BEFORE UPDATE ON audit_head
      WHEN NEW.id IS NOT 1 OR NEW.seq IS NOT OLD.seq + 1
        OR NEW.hash IS NOT (SELECT hash FROM audit_events WHERE seq = NEW.seq)
      BEGIN SELECT RAISE(ABORT, 'audit_head may only advance to the newest event'); END;
    CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
      BEGIN SELECT RAISE(ABORT, 'audit_head cannot be deleted'); END;
  `);
}
