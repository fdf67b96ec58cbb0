import type { CaseOutcome, CaseStatus, ReferralSource } from '../../shared/domain/case.js';
import type { Db } from '../connection.js';

export interface Attachment {
  name: string;
  location: string;
}

export interface Referral {
  source: ReferralSource;
  referrerName: string;
  referrerOrganisation: string;
  referralDate: string;
  reason: string;
  attachments: Attachment[];
}

export interface Case {
  id: string;
  number: string;
  clientId: string;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  preparerId: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

interface CaseRow {
  id: string;
  number: string;
  client_id: string;
  status: string;
  outcome: string | null;
  preparer_id: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

interface ReferralRow {
  source: string;
  referrer_name: string;
  referrer_organisation: string;
  referral_date: string;
  reason: string;
  attachments: string;
}

const rowToCase = (r: CaseRow): Case => ({
  id: r.id,
  number: r.number,
  clientId: r.client_id,
  status: r.status as CaseStatus,
  outcome: r.outcome as CaseOutcome | null,
  preparerId: r.preparer_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  closedAt: r.closed_at,
});

const rowToReferral = (r: ReferralRow): Referral => ({
  source: r.source as ReferralSource,
  referrerName: r.referrer_name,
  referrerOrganisation: r.referrer_organisation,
  referralDate: r.referral_date,
  reason: r.reason,
  attachments: JSON.parse(r.attachments) as Attachment[],
});

/** The next running number of the year: counted inside the writing transaction, so never reused. */
export function nextCaseSequence(db: Db, year: number): number {
  const row = db.prepare("SELECT max(CAST(substr(number, 6) AS INTEGER)) AS n FROM cases WHERE number LIKE ? || '-%'").get(String(year)) as { n: number | null };
  return (row.n ?? 0) + 1;
}

export function insertCase(db: Db, c: Case): void {
  db.prepare(
    'INSERT INTO cases (id, number, client_id, status, outcome, preparer_id, created_at, updated_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(c.id, c.number, c.clientId, c.status, c.outcome, c.preparerId, c.createdAt, c.updatedAt, c.closedAt);
}

export function getCase(db: Db, id: string): Case | undefined {
  const row = db.prepare('SELECT * FROM cases WHERE id = ?').get(id) as CaseRow | undefined;
  return row && rowToCase(row);
}

export function listCasesForClient(db: Db, clientId: string): Case[] {
  return (db.prepare('SELECT * FROM cases WHERE client_id = ? ORDER BY created_at DESC').all(clientId) as CaseRow[]).map(rowToCase);
}

/** Each client's open case, if any (for lists). */
export function openCasesByClient(db: Db): Map<string, Case> {
  const rows = db.prepare("SELECT * FROM cases WHERE status <> 'closed'").all() as CaseRow[];
  return new Map(rows.map((r) => [r.client_id, rowToCase(r)]));
}

export function setCaseStatus(db: Db, id: string, status: CaseStatus, outcome: CaseOutcome | null, at: string): void {
  db.prepare('UPDATE cases SET status = ?, outcome = ?, closed_at = ?, updated_at = ? WHERE id = ?').run(status, outcome, status === 'closed' ? at : null, at, id);
}

export function upsertReferral(db: Db, caseId: string, r: Referral): void {
  db.prepare(
    `INSERT INTO referrals (case_id, source, referrer_name, referrer_organisation, referral_date, reason, attachments) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(case_id) DO UPDATE SET source = excluded.source, referrer_name = excluded.referrer_name,
       referrer_organisation = excluded.referrer_organisation, referral_date = excluded.referral_date,
       reason = excluded.reason, attachments = excluded.attachments`,
  ).run(caseId, r.source, r.referrerName, r.referrerOrganisation, r.referralDate, r.reason, JSON.stringify(r.attachments));
}

export function getReferral(db: Db, caseId: string): Referral | undefined {
  const row = db.prepare('SELECT * FROM referrals WHERE case_id = ?').get(caseId) as ReferralRow | undefined;
  return row && rowToReferral(row);
}

export function touchCase(db: Db, id: string, at: string): void {
  db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(at, id);
}
