/**
 * Client coordinators (asiakasvastaava, työkykykoordinaattori, omatyöntekijä) of cases, with their
 * history: at most one current row (end_date NULL) per case. Client data: only backend modules that
 * log access use it.
 */
import type { CaseStatus } from '../../shared/domain/case.js';
import type { CoordinatorType } from '../../shared/domain/plan.js';
import type { PayloadCoordinator } from '../../shared/domain/plan-payload.js';
import type { Profession } from '../../shared/domain/user.js';
import type { Db } from '../connection.js';

/** A coordinator as stored: what a signed plan carries of them (PayloadCoordinator), and the assignment's history. */
export interface CoordinatorRecord extends PayloadCoordinator {
  id: string;
  caseId: string;
  externalId: string | null;
  endDate: string | null;
  handoverNote: string;
  assignedAt: string;
  assignedBy: string;
  assignedByName: string;
  /** For a user: whether their account is active now (null for an external). */
  userActive: boolean | null;
}

interface CoordinatorRow {
  id: string;
  case_id: string;
  kind: string;
  user_id: string | null;
  external_id: string | null;
  name: string;
  organisation: string;
  profession: string | null;
  contact: string;
  type: string;
  start_date: string;
  end_date: string | null;
  handover_note: string;
  assigned_at: string;
  assigned_by: string;
  assigned_by_name: string;
  user_active: number | null;
}

const rowToCoordinator = (r: CoordinatorRow): CoordinatorRecord => ({
  id: r.id,
  caseId: r.case_id,
  kind: r.kind as 'user' | 'external',
  userId: r.user_id,
  externalId: r.external_id,
  name: r.name,
  organisation: r.organisation,
  profession: r.profession as Profession | null,
  contact: r.contact,
  type: r.type as CoordinatorType,
  startDate: r.start_date,
  endDate: r.end_date,
  handoverNote: r.handover_note,
  assignedAt: r.assigned_at,
  assignedBy: r.assigned_by,
  assignedByName: r.assigned_by_name,
  userActive: r.user_active === null ? null : r.user_active === 1,
});

const SQL = `SELECT c.*, a.display_name AS assigned_by_name, u.active AS user_active FROM case_coordinators c
  JOIN users a ON a.id = c.assigned_by LEFT JOIN users u ON u.id = c.user_id`;

/** Newest first: the current one (if any) at the top, then those who handed over. */
export function listCoordinators(db: Db, caseId: string): CoordinatorRecord[] {
  const rows = db.prepare(`${SQL} WHERE c.case_id = ? ORDER BY c.end_date IS NOT NULL, c.start_date DESC, c.assigned_at DESC`).all(caseId) as CoordinatorRow[];
  return rows.map(rowToCoordinator);
}

export function currentCoordinator(db: Db, caseId: string): CoordinatorRecord | undefined {
  const r = db.prepare(`${SQL} WHERE c.case_id = ? AND c.end_date IS NULL`).get(caseId) as CoordinatorRow | undefined;
  return r && rowToCoordinator(r);
}

export type NewCoordinator = Omit<CoordinatorRecord, 'endDate' | 'handoverNote' | 'assignedByName' | 'userActive'>;

export function insertCoordinator(db: Db, c: NewCoordinator): void {
  db.prepare(
    `INSERT INTO case_coordinators (id, case_id, kind, user_id, external_id, name, organisation, profession, contact, type, start_date, assigned_at, assigned_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(c.id, c.caseId, c.kind, c.userId, c.externalId, c.name, c.organisation, c.profession, c.contact, c.type, c.startDate, c.assignedAt, c.assignedBy);
}

/** The coordinator hands over: the row ends on the successor's start date, with the note. */
export function endCoordinator(db: Db, id: string, endDate: string, handoverNote: string): void {
  db.prepare('UPDATE case_coordinators SET end_date = ?, handover_note = ? WHERE id = ? AND end_date IS NULL').run(endDate, handoverNote, id);
}

/** A correction of the current row (the same person named again). */
export function correctCoordinator(db: Db, id: string, c: { type: CoordinatorType; startDate: string; contact: string }): void {
  db.prepare('UPDATE case_coordinators SET type = ?, start_date = ?, contact = ? WHERE id = ? AND end_date IS NULL').run(c.type, c.startDate, c.contact, id);
}

/** Open cases each user and each external regular coordinates now. */
export function caseloads(db: Db): { users: Map<string, number>; externals: Map<string, number> } {
  const rows = db
    .prepare(
      `SELECT c.user_id, c.external_id, count(*) AS n FROM case_coordinators c JOIN cases k ON k.id = c.case_id
       WHERE c.end_date IS NULL AND k.status <> 'closed' GROUP BY c.user_id, c.external_id`,
    )
    .all() as { user_id: string | null; external_id: string | null; n: number }[];
  const users = new Map<string, number>();
  const externals = new Map<string, number>();
  for (const r of rows) {
    if (r.user_id) users.set(r.user_id, r.n);
    else if (r.external_id) externals.set(r.external_id, r.n);
  }
  return { users, externals };
}

/** The team whose meeting last had the case on its agenda (its members are the natural coordinators). */
export function lastTeamOfCase(db: Db, caseId: string): string | undefined {
  const r = db
    .prepare('SELECT m.team_id FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.case_id = ? ORDER BY m.date DESC, m.time DESC, i.added_at DESC LIMIT 1')
    .get(caseId) as { team_id: string } | undefined;
  return r?.team_id;
}

/** Active users who may coordinate when no team has had the case yet. */
export function activeStaff(db: Db): { id: string; displayName: string; organisation: string; profession: Profession }[] {
  return db
    .prepare("SELECT id, display_name AS displayName, organisation, profession FROM users WHERE active = 1 AND role IN ('team_member', 'administrator') ORDER BY display_name COLLATE NOCASE")
    .all() as { id: string; displayName: string; organisation: string; profession: Profession }[];
}

export interface CoordinatedCase {
  caseId: string;
  caseNumber: string;
  status: CaseStatus;
  clientId: string;
  clientName: string;
  type: CoordinatorType;
  since: string;
}

/** The open cases a user coordinates now. */
export function casesCoordinatedBy(db: Db, userId: string): CoordinatedCase[] {
  return db
    .prepare(
      `SELECT k.id AS caseId, k.number AS caseNumber, k.status, k.client_id AS clientId, cl.name AS clientName, c.type, c.start_date AS since
       FROM case_coordinators c JOIN cases k ON k.id = c.case_id JOIN clients cl ON cl.id = k.client_id
       WHERE c.user_id = ? AND c.end_date IS NULL AND k.status <> 'closed' ORDER BY k.number`,
    )
    .all(userId) as CoordinatedCase[];
}
