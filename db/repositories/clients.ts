import type { ServiceLanguage } from '../../shared/domain/client.js';
import type { Db } from '../connection.js';

export interface ClientDetails {
  identityCode: string | null;
  birthDate: string | null;
  interpreterNeeded: boolean;
  interpreterLanguage: string;
  phone: string;
  email: string;
  address: string;
  municipality: string;
}

export interface Client extends Partial<ClientDetails> {
  id: string;
  name: string;
  language: ServiceLanguage;
  createdAt: string;
  createdBy: string;
}

export type FullClient = Client & ClientDetails & { updatedAt: string | null };

interface ClientRow {
  id: string;
  name: string;
  language: string;
  created_at: string;
  created_by: string;
  identity_code: string | null;
  birth_date: string | null;
  interpreter_needed: number;
  interpreter_language: string;
  phone: string;
  email: string;
  address: string;
  municipality: string;
  updated_at: string | null;
}

const rowToClient = (r: ClientRow): FullClient => ({
  id: r.id,
  name: r.name,
  language: r.language as ServiceLanguage,
  createdAt: r.created_at,
  createdBy: r.created_by,
  identityCode: r.identity_code,
  birthDate: r.birth_date,
  interpreterNeeded: r.interpreter_needed === 1,
  interpreterLanguage: r.interpreter_language,
  phone: r.phone,
  email: r.email,
  address: r.address,
  municipality: r.municipality,
  updatedAt: r.updated_at,
});

export function insertClient(db: Db, c: Client): void {
  db.prepare(
    `INSERT INTO clients (id, name, language, created_at, created_by, identity_code, birth_date, interpreter_needed, interpreter_language, phone, email, address, municipality)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.id, c.name, c.language, c.createdAt, c.createdBy, c.identityCode ?? null, c.birthDate ?? null, c.interpreterNeeded ? 1 : 0,
    c.interpreterLanguage ?? '', c.phone ?? '', c.email ?? '', c.address ?? '', c.municipality ?? '',
  );
}

export function updateClient(db: Db, id: string, c: { name: string; language: ServiceLanguage } & ClientDetails, at: string): void {
  db.prepare(
    `UPDATE clients SET name = ?, language = ?, identity_code = ?, birth_date = ?, interpreter_needed = ?, interpreter_language = ?,
       phone = ?, email = ?, address = ?, municipality = ?, updated_at = ? WHERE id = ?`,
  ).run(c.name, c.language, c.identityCode, c.birthDate, c.interpreterNeeded ? 1 : 0, c.interpreterLanguage, c.phone, c.email, c.address, c.municipality, at, id);
}

export function listClients(db: Db): FullClient[] {
  return (db.prepare('SELECT * FROM clients ORDER BY created_at DESC, rowid DESC').all() as ClientRow[]).map(rowToClient);
}

export function getClient(db: Db, id: string): FullClient | undefined {
  const row = db.prepare('SELECT * FROM clients WHERE id = ?').get(id) as ClientRow | undefined;
  return row && rowToClient(row);
}

export function findClientByIdentityCode(db: Db, identityCode: string): FullClient | undefined {
  const row = db.prepare('SELECT * FROM clients WHERE identity_code = ?').get(identityCode) as ClientRow | undefined;
  return row && rowToClient(row);
}

/** Same name (ignoring case) and same birth date: perhaps the same person entered twice. */
export function findClientsByNameAndBirthDate(db: Db, name: string, birthDate: string): FullClient[] {
  return (db.prepare('SELECT * FROM clients WHERE name = ? COLLATE NOCASE AND birth_date = ?').all(name, birthDate) as ClientRow[]).map(rowToClient);
}
