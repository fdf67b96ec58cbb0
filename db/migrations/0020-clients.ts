import type { Db } from '../connection.js';

/** Clients: the least the case list needs. Later migrations add identity, contact and cases. */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE clients (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      language TEXT NOT NULL CHECK (language IN ('fi', 'sv', 'other')),
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL REFERENCES users(id)
    ) STRICT;
    CREATE INDEX clients_created_at ON clients(created_at DESC);
  `);
}
