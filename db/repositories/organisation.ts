import type { Db } from '../connection.js';

export interface Organisation {
  id: string;
  name: string;
  createdAt: string;
}

interface OrganisationRow {
  id: string;
  name: string;
  created_at: string;
}

const rowToOrganisation = (r: OrganisationRow): Organisation => ({ id: r.id, name: r.name, createdAt: r.created_at });

export function insertOrganisation(db: Db, org: Organisation): void {
  db.prepare('INSERT INTO organisation (id, name, created_at) VALUES (?, ?, ?)').run(org.id, org.name, org.createdAt);
}

export function getOrganisation(db: Db): Organisation | undefined {
  const row = db.prepare('SELECT id, name, created_at FROM organisation LIMIT 1').get() as OrganisationRow | undefined;
  return row && rowToOrganisation(row);
}
