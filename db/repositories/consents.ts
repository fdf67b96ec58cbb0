import type { ConsentForm, ConsentOrganisation, DataCategory } from '../../shared/domain/preparation.js';
import type { Db } from '../connection.js';

export interface Consent {
  id: string;
  clientId: string;
  form: ConsentForm;
  organisations: ConsentOrganisation[];
  otherOrganisations: string[];
  dataCategories: DataCategory[];
  givenOn: string;
  validUntil: string | null;
  withdrawnOn: string | null;
  note: string;
  recordedBy: string;
  recordedAt: string;
}

interface ConsentRow {
  id: string;
  client_id: string;
  form: string;
  organisations: string;
  other_organisations: string;
  data_categories: string;
  given_on: string;
  valid_until: string | null;
  withdrawn_on: string | null;
  note: string;
  recorded_by: string;
  recorded_at: string;
}

const rowToConsent = (r: ConsentRow): Consent => ({
  id: r.id,
  clientId: r.client_id,
  form: r.form as ConsentForm,
  organisations: JSON.parse(r.organisations) as ConsentOrganisation[],
  otherOrganisations: JSON.parse(r.other_organisations) as string[],
  dataCategories: JSON.parse(r.data_categories) as DataCategory[],
  givenOn: r.given_on,
  validUntil: r.valid_until,
  withdrawnOn: r.withdrawn_on,
  note: r.note,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at,
});

export function insertConsent(db: Db, c: Consent): void {
  db.prepare(
    `INSERT INTO consents (id, client_id, form, organisations, other_organisations, data_categories, given_on, valid_until, withdrawn_on, note, recorded_by, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(c.id, c.clientId, c.form, JSON.stringify(c.organisations), JSON.stringify(c.otherOrganisations), JSON.stringify(c.dataCategories), c.givenOn, c.validUntil, c.withdrawnOn, c.note, c.recordedBy, c.recordedAt);
}

export function getConsent(db: Db, id: string): Consent | undefined {
  const row = db.prepare('SELECT * FROM consents WHERE id = ?').get(id) as ConsentRow | undefined;
  return row && rowToConsent(row);
}

export function listConsentsForClient(db: Db, clientId: string): Consent[] {
  return (db.prepare('SELECT * FROM consents WHERE client_id = ? ORDER BY given_on DESC, recorded_at DESC').all(clientId) as ConsentRow[]).map(rowToConsent);
}

export function withdrawConsent(db: Db, id: string, on: string): void {
  db.prepare('UPDATE consents SET withdrawn_on = ? WHERE id = ?').run(on, id);
}
