import type { ServiceLanguage } from '../../shared/domain/client.js';
import type { Db } from '../connection.js';

export interface Client {
  id: string;
  name: string;
  language: ServiceLanguage;
  createdAt: string;
  createdBy: string;
}

interface ClientRow {
  id: string;
  name: string;
  language: string;
  created_at: string;
  created_by: string;
}

const rowToClient = (r: ClientRow): Client => ({
  id: r.id,
  name: r.name,
  language: r.language as ServiceLanguage,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export function insertClient(db: Db, c: Client): void {
  db.prepare('INSERT INTO clients (id, name, language, created_at, created_by) VALUES (?, ?, ?, ?, ?)').run(
    c.id, c.name, c.language, c.createdAt, c.createdBy,
  );
}

export function listClients(db: Db): Client[] {
  return (db.prepare('SELECT * FROM clients ORDER BY created_at DESC, rowid DESC').all() as ClientRow[]).map(rowToClient);
}

export function getClient(db: Db, id: string): Client | undefined {
  const row = db.prepare('SELECT * FROM clients WHERE id = ?').get(id) as ClientRow | undefined;
  return row && rowToClient(row);
}
