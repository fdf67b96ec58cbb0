/**
 * Meetings, their agendas and attendance. Agenda rows name cases and clients, so this is client
 * data: only backend modules that log access (electron/backend/access.ts) use it.
 */
import type { CaseStatus } from '../../shared/domain/case.js';
import type { AgendaKind, AttendanceStatus, ItemOutcome, ItemState, MeetingState, SessionStep } from '../../shared/domain/meeting.js';
import type { Profession } from '../../shared/domain/user.js';
import type { Db } from '../connection.js';

export interface MeetingRecord {
  id: string;
  teamId: string;
  date: string;
  time: string;
  place: string;
  chairId: string;
  state: MeetingState;
  currentItemId: string | null;
  currentStep: SessionStep;
  restrictedRevealed: boolean;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

interface MeetingRow {
  id: string;
  team_id: string;
  date: string;
  time: string;
  place: string;
  chair_id: string;
  state: string;
  current_item_id: string | null;
  current_step: string;
  restricted_revealed: number;
  created_by: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

const rowToMeeting = (r: MeetingRow): MeetingRecord => ({
  id: r.id,
  teamId: r.team_id,
  date: r.date,
  time: r.time,
  place: r.place,
  chairId: r.chair_id,
  state: r.state as MeetingState,
  currentItemId: r.current_item_id,
  currentStep: r.current_step as SessionStep,
  restrictedRevealed: r.restricted_revealed === 1,
  createdBy: r.created_by,
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

export function insertMeeting(db: Db, m: Pick<MeetingRecord, 'id' | 'teamId' | 'date' | 'time' | 'place' | 'chairId' | 'createdBy' | 'createdAt'>): void {
  db.prepare(
    `INSERT INTO meetings (id, team_id, date, time, place, chair_id, state, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, 'scheduled', ?, ?)`,
  ).run(m.id, m.teamId, m.date, m.time, m.place, m.chairId, m.createdBy, m.createdAt);
}

export function updateMeetingDetails(db: Db, id: string, d: { date: string; time: string; place: string; chairId: string }): void {
  db.prepare('UPDATE meetings SET date = ?, time = ?, place = ?, chair_id = ? WHERE id = ?').run(d.date, d.time, d.place, d.chairId, id);
}

export function getMeeting(db: Db, id: string): MeetingRecord | undefined {
  const row = db.prepare('SELECT * FROM meetings WHERE id = ?').get(id) as MeetingRow | undefined;
  return row && rowToMeeting(row);
}

export function markStarted(db: Db, id: string, at: string): void {
  db.prepare("UPDATE meetings SET state = 'in_progress', started_at = ?, current_item_id = NULL, current_step = 'opening', restricted_revealed = 0 WHERE id = ?").run(at, id);
}

export function markFinished(db: Db, id: string, at: string): void {
  db.prepare("UPDATE meetings SET state = 'finished', finished_at = ?, current_item_id = NULL, restricted_revealed = 0 WHERE id = ?").run(at, id);
}

/** Where the shared screen is; a new item hides the restricted section again. */
export function setNavigation(db: Db, id: string, itemId: string | null, step: SessionStep, hideRestricted: boolean): void {
  db.prepare(`UPDATE meetings SET current_item_id = ?, current_step = ?${hideRestricted ? ', restricted_revealed = 0' : ''} WHERE id = ?`).run(itemId, step, id);
}

export function setRestrictedRevealed(db: Db, id: string, revealed: boolean): void {
  db.prepare('UPDATE meetings SET restricted_revealed = ? WHERE id = ?').run(revealed ? 1 : 0, id);
}

export interface MeetingListRow extends MeetingRecord {
  teamName: string;
  chairName: string;
  itemCount: number;
}

const SUMMARY_SQL = `SELECT m.*, t.name AS team_name, u.display_name AS chair_name,
  (SELECT count(*) FROM agenda_items i WHERE i.meeting_id = m.id) AS item_count
  FROM meetings m JOIN teams t ON t.id = m.team_id JOIN users u ON u.id = m.chair_id`;

type SummaryRow = MeetingRow & { team_name: string; chair_name: string; item_count: number };
const rowToSummary = (r: SummaryRow): MeetingListRow => ({ ...rowToMeeting(r), teamName: r.team_name, chairName: r.chair_name, itemCount: r.item_count });

/** Upcoming (not finished, soonest first), past (finished, latest first) or all (latest first). */
export function listMeetings(db: Db, when: 'upcoming' | 'past' | 'all'): MeetingListRow[] {
  const sql =
    when === 'upcoming' ? `${SUMMARY_SQL} WHERE m.state <> 'finished' ORDER BY m.date, m.time, m.created_at`
    : when === 'past' ? `${SUMMARY_SQL} WHERE m.state = 'finished' ORDER BY m.date DESC, m.time DESC, m.created_at DESC`
    : `${SUMMARY_SQL} ORDER BY m.date DESC, m.time DESC, m.created_at DESC`;
  return (db.prepare(sql).all() as SummaryRow[]).map(rowToSummary);
}

export function getMeetingSummary(db: Db, id: string): MeetingListRow | undefined {
  const row = db.prepare(`${SUMMARY_SQL} WHERE m.id = ?`).get(id) as SummaryRow | undefined;
  return row && rowToSummary(row);
}

/* Agenda items ------------------------------------------------------------------------------ */

export interface AgendaItemRecord {
  id: string;
  meetingId: string;
  caseId: string;
  position: number;
  kind: AgendaKind;
  timeBoxMinutes: number;
  state: ItemState;
  outcome: ItemOutcome | null;
  outcomeReason: string;
  elapsedMs: number;
  runningSince: string | null;
  carriedFromItemId: string | null;
  carriedToItemId: string | null;
  carriedToDate: string | null;
  addedBy: string;
  addedAt: string;
}

/** An item with the case and client it names. */
export interface AgendaRow extends AgendaItemRecord {
  caseNumber: string;
  caseStatus: CaseStatus;
  clientId: string;
  clientName: string;
  /** Full code: masked before anything leaves the backend. */
  identityCode: string | null;
}

interface ItemRow {
  id: string;
  meeting_id: string;
  case_id: string;
  position: number;
  kind: string;
  time_box_minutes: number;
  state: string;
  outcome: string | null;
  outcome_reason: string;
  elapsed_ms: number;
  running_since: string | null;
  carried_from_item_id: string | null;
  carried_to_item_id: string | null;
  carried_to_date: string | null;
  added_by: string;
  added_at: string;
}

const rowToItem = (r: ItemRow): AgendaItemRecord => ({
  id: r.id,
  meetingId: r.meeting_id,
  caseId: r.case_id,
  position: r.position,
  kind: r.kind as AgendaKind,
  timeBoxMinutes: r.time_box_minutes,
  state: r.state as ItemState,
  outcome: r.outcome as ItemOutcome | null,
  outcomeReason: r.outcome_reason,
  elapsedMs: r.elapsed_ms,
  runningSince: r.running_since,
  carriedFromItemId: r.carried_from_item_id,
  carriedToItemId: r.carried_to_item_id,
  carriedToDate: r.carried_to_date,
  addedBy: r.added_by,
  addedAt: r.added_at,
});

export function getItem(db: Db, id: string): AgendaItemRecord | undefined {
  const row = db.prepare('SELECT * FROM agenda_items WHERE id = ?').get(id) as ItemRow | undefined;
  return row && rowToItem(row);
}

export function listAgenda(db: Db, meetingId: string): AgendaRow[] {
  const rows = db
    .prepare(
      `SELECT i.*, k.number AS case_number, k.status AS case_status, k.client_id, c.name AS client_name, c.identity_code
       FROM agenda_items i JOIN cases k ON k.id = i.case_id JOIN clients c ON c.id = k.client_id
       WHERE i.meeting_id = ? ORDER BY i.position`,
    )
    .all(meetingId) as (ItemRow & { case_number: string; case_status: string; client_id: string; client_name: string; identity_code: string | null })[];
  return rows.map((r) => ({
    ...rowToItem(r),
    caseNumber: r.case_number,
    caseStatus: r.case_status as CaseStatus,
    clientId: r.client_id,
    clientName: r.client_name,
    identityCode: r.identity_code,
  }));
}

export function insertItem(db: Db, i: Pick<AgendaItemRecord, 'id' | 'meetingId' | 'caseId' | 'kind' | 'timeBoxMinutes' | 'carriedFromItemId' | 'addedBy' | 'addedAt'>): void {
  const position = (db.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM agenda_items WHERE meeting_id = ?').get(i.meetingId) as { p: number }).p;
  db.prepare(
    `INSERT INTO agenda_items (id, meeting_id, case_id, position, kind, time_box_minutes, state, carried_from_item_id, added_by, added_at)
     VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
  ).run(i.id, i.meetingId, i.caseId, position, i.kind, i.timeBoxMinutes, i.carriedFromItemId, i.addedBy, i.addedAt);
}

/** Gives the items of a meeting positions 1…n in this order (two steps: positions are unique). */
export function setOrder(db: Db, meetingId: string, orderedIds: readonly string[]): void {
  db.prepare('UPDATE agenda_items SET position = position + 1000000 WHERE meeting_id = ?').run(meetingId);
  const set = db.prepare('UPDATE agenda_items SET position = ? WHERE id = ? AND meeting_id = ?');
  orderedIds.forEach((id, i) => set.run(i + 1, id, meetingId));
}

/** Deletes an item not yet discussed, with the record a carried-over item brought along (its original stays). */
export function deleteItem(db: Db, id: string): void {
  db.prepare('DELETE FROM assessment_fields WHERE item_id = ?').run(id);
  db.prepare('DELETE FROM assessments WHERE item_id = ?').run(id);
  db.prepare('UPDATE agenda_items SET carried_to_item_id = NULL WHERE carried_to_item_id = ?').run(id);
  db.prepare('DELETE FROM agenda_items WHERE id = ?').run(id);
}

export function setTimeBox(db: Db, id: string, minutes: number): void {
  db.prepare('UPDATE agenda_items SET time_box_minutes = ? WHERE id = ?').run(minutes, id);
}

/** The timer's stored part: time of earlier runs and, while running, when the current run began. */
export function setTimer(db: Db, id: string, state: ItemState, elapsedMs: number, runningSince: string | null): void {
  db.prepare('UPDATE agenda_items SET state = ?, elapsed_ms = ?, running_since = ? WHERE id = ?').run(state, Math.round(elapsedMs), runningSince, id);
}

/** Closes an item for this meeting (discussed or removed), its timer stopped at `elapsedMs`. */
export function closeItem(db: Db, id: string, outcome: 'assessed' | 'removed', reason: string, elapsedMs: number): void {
  db.prepare("UPDATE agenda_items SET state = 'discussed', outcome = ?, outcome_reason = ?, elapsed_ms = ?, running_since = NULL WHERE id = ?").run(outcome, reason, Math.round(elapsedMs), id);
}

export function markCarried(db: Db, id: string, toDate: string, elapsedMs: number): void {
  db.prepare("UPDATE agenda_items SET state = 'carried_over', outcome = 'carried_over', carried_to_date = ?, elapsed_ms = ?, running_since = NULL WHERE id = ?").run(toDate, Math.round(elapsedMs), id);
}

export function linkCarried(db: Db, fromId: string, toId: string): void {
  db.prepare('UPDATE agenda_items SET carried_to_item_id = ? WHERE id = ?').run(toId, fromId);
}

/** The meeting whose agenda has the case still to be discussed, if any. */
export function openItemForCase(db: Db, caseId: string): { itemId: string; meetingId: string } | undefined {
  return db.prepare("SELECT id AS itemId, meeting_id AS meetingId FROM agenda_items WHERE case_id = ? AND state IN ('pending', 'in_progress')").get(caseId) as
    | { itemId: string; meetingId: string }
    | undefined;
}

/** The day of the last meeting that assessed the case (the review interval counts from it). */
export function lastAssessedOn(db: Db, caseId: string): string | null {
  const r = db.prepare("SELECT max(m.date) AS d FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.case_id = ? AND i.outcome = 'assessed'").get(caseId) as { d: string | null };
  return r.d;
}

export interface CandidateCase {
  caseId: string;
  caseNumber: string;
  status: CaseStatus;
  clientId: string;
  clientName: string;
  proposedMeetingDate: string | null;
  lastAssessedOn: string | null;
}

/** Cases ready for the team or in a phase a review can follow, not on any agenda still to be discussed. */
export function listCandidateCases(db: Db, statuses: readonly CaseStatus[]): CandidateCase[] {
  const rows = db
    .prepare(
      `SELECT k.id, k.number, k.status, k.client_id, c.name AS client_name, k.proposed_meeting_date,
         (SELECT max(m.date) FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.case_id = k.id AND i.outcome = 'assessed') AS last_assessed
       FROM cases k JOIN clients c ON c.id = k.client_id
       WHERE k.status IN (SELECT value FROM json_each(?))
         AND NOT EXISTS (SELECT 1 FROM agenda_items i WHERE i.case_id = k.id AND i.state IN ('pending', 'in_progress'))
       ORDER BY k.proposed_meeting_date IS NULL, k.proposed_meeting_date, k.number`,
    )
    .all(JSON.stringify(statuses)) as { id: string; number: string; status: string; client_id: string; client_name: string; proposed_meeting_date: string | null; last_assessed: string | null }[];
  return rows.map((r) => ({
    caseId: r.id,
    caseNumber: r.number,
    status: r.status as CaseStatus,
    clientId: r.client_id,
    clientName: r.client_name,
    proposedMeetingDate: r.proposed_meeting_date,
    lastAssessedOn: r.last_assessed,
  }));
}

/* Attendance -------------------------------------------------------------------------------- */

export interface AttendanceRecord {
  id: string;
  userId: string | null;
  externalId: string | null;
  name: string;
  profession: Profession;
  organisation: string;
  status: AttendanceStatus;
}

export function replaceAttendance(db: Db, meetingId: string, rows: readonly AttendanceRecord[]): void {
  db.prepare('DELETE FROM meeting_attendance WHERE meeting_id = ?').run(meetingId);
  const insert = db.prepare(
    'INSERT INTO meeting_attendance (id, meeting_id, position, user_id, external_id, name, profession, organisation, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  rows.forEach((a, i) => insert.run(a.id, meetingId, i + 1, a.userId, a.externalId, a.name, a.profession, a.organisation, a.status));
}

export function listAttendance(db: Db, meetingId: string): AttendanceRecord[] {
  const rows = db.prepare('SELECT * FROM meeting_attendance WHERE meeting_id = ? ORDER BY position').all(meetingId) as {
    id: string;
    user_id: string | null;
    external_id: string | null;
    name: string;
    profession: string;
    organisation: string;
    status: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    externalId: r.external_id,
    name: r.name,
    profession: r.profession as Profession,
    organisation: r.organisation,
    status: r.status as AttendanceStatus,
  }));
}
