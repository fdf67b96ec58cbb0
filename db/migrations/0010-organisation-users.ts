import type { Db } from '../connection.js';

/** The store's identity, the organisation that owns it, and the professionals who may open it. */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE store_meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE organisation (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL UNIQUE CHECK (length(username) BETWEEN 2 AND 40),
      display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
      profession TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('administrator', 'team_member', 'read_only')),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL
    ) STRICT;
  `);
}
