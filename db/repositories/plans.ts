/**
 * The work-ability support plan: plans, their versions, and each version's goals and actions
 * (keyed by version and a stable id that later versions keep). Client data: only backend modules
 * that log access (electron/backend/access.ts) use it. Signatures and sign attempts are in
 * plan-signatures.ts.
 */
import type { Sector } from '../../shared/domain/meeting.js';
import type { ActionStatus, GoalAcceptance, PlanAction, PlanGoal, PlanState, ProviderSnapshot, ServiceSnapshot, StatutoryPlanRef } from '../../shared/domain/plan.js';
import type { Db } from '../connection.js';

export interface PlanRecord {
  id: string;
  caseId: string;
  createdAt: string;
  createdBy: string;
}

export interface QuorumRecord {
  requiredSectors: Sector[];
  missingSectors: Sector[];
  reason: string;
}

export interface VersionRecord {
  /** The row's own id (goals, actions and signatures hang on it). */
  id: string;
  planId: string;
  version: number;
  state: PlanState;
  reviewDate: string | null;
  statutoryRefs: StatutoryPlanRef[];
  meetingId: string | null;
  quorum: QuorumRecord | null;
  frozenAt: string | null;
  /** The canonical payload text, exactly as hashed. */
  payload: string | null;
  payloadSha256: string | null;
  lockedAt: string | null;
  supersededAt: string | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  updatedByName: string;
}

/** An action row: the plan's action plus the catalogue copies taken when the version was frozen. */
export interface ActionRecord extends PlanAction {
  /** The stored JSON text of the copy (null while a draft); parsed by the caller. */
  serviceSnapshot: string | null;
  providerSnapshot: string | null;
}

interface PlanRow {
  id: string;
  case_id: string;
  created_at: string;
  created_by: string;
}

interface VersionRow {
  id: string;
  plan_id: string;
  version: number;
  state: string;
  review_date: string | null;
  statutory_refs: string;
  meeting_id: string | null;
  quorum: string | null;
  frozen_at: string | null;
  payload: string | null;
  payload_sha256: string | null;
  locked_at: string | null;
  superseded_at: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string;
  updated_by_name: string;
}

interface GoalRow {
  id: string;
  text: string;
  target_date: string | null;
  progress_measure: string;
  acceptance: string | null;
  client_words: string;
}

interface ActionRow {
  id: string;
  service_id: string | null;
  service_snapshot: string | null;
  text: string;
  provider_id: string | null;
  provider_snapshot: string | null;
  responsible: string;
  start_date: string | null;
  due_date: string | null;
  goal_ids: string;
  status: string;
}

const rowToPlan = (r: PlanRow): PlanRecord => ({ id: r.id, caseId: r.case_id, createdAt: r.created_at, createdBy: r.created_by });

const rowToVersion = (r: VersionRow): VersionRecord => ({
  id: r.id,
  planId: r.plan_id,
  version: r.version,
  state: r.state as PlanState,
  reviewDate: r.review_date,
  statutoryRefs: JSON.parse(r.statutory_refs) as StatutoryPlanRef[],
  meetingId: r.meeting_id,
  quorum: r.quorum === null ? null : (JSON.parse(r.quorum) as QuorumRecord),
  frozenAt: r.frozen_at,
  payload: r.payload,
  payloadSha256: r.payload_sha256,
  lockedAt: r.locked_at,
  supersededAt: r.superseded_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
  updatedByName: r.updated_by_name,
});

const rowToGoal = (r: GoalRow): PlanGoal => ({
  id: r.id,
  text: r.text,
  targetDate: r.target_date,
  progressMeasure: r.progress_measure,
  acceptance: r.acceptance as GoalAcceptance | null,
  clientWords: r.client_words,
});

const rowToAction = (r: ActionRow): ActionRecord => ({
  id: r.id,
  serviceId: r.service_id,
  text: r.text,
  providerId: r.provider_id,
  responsible: r.responsible,
  startDate: r.start_date,
  dueDate: r.due_date,
  goalIds: JSON.parse(r.goal_ids) as string[],
  status: r.status as ActionStatus,
  serviceSnapshot: r.service_snapshot,
  providerSnapshot: r.provider_snapshot,
});

/* Plans -------------------------------------------------------------------------------------- */

export function getPlan(db: Db, id: string): PlanRecord | undefined {
  const r = db.prepare('SELECT * FROM plans WHERE id = ?').get(id) as PlanRow | undefined;
  return r && rowToPlan(r);
}

export function getPlanForCase(db: Db, caseId: string): PlanRecord | undefined {
  const r = db.prepare('SELECT * FROM plans WHERE case_id = ?').get(caseId) as PlanRow | undefined;
  return r && rowToPlan(r);
}

export function insertPlan(db: Db, p: PlanRecord): void {
  db.prepare('INSERT INTO plans (id, case_id, created_at, created_by) VALUES (?, ?, ?, ?)').run(p.id, p.caseId, p.createdAt, p.createdBy);
}

/* Versions ----------------------------------------------------------------------------------- */

/** One row per version of every plan in the store (`plans list`), by case number and version. */
export interface PlanVersionRow {
  planId: string;
  caseId: string;
  caseNumber: string;
  clientName: string;
  version: number;
  state: PlanState;
}

export function listAllVersions(db: Db): PlanVersionRow[] {
  return db
    .prepare(
      `SELECT p.id AS planId, c.id AS caseId, c.number AS caseNumber, cl.name AS clientName, v.version AS version, v.state AS state
       FROM plan_versions v JOIN plans p ON p.id = v.plan_id JOIN cases c ON c.id = p.case_id JOIN clients cl ON cl.id = c.client_id
       ORDER BY c.number, v.version`,
    )
    .all() as PlanVersionRow[];
}


const VERSION_SQL = 'SELECT v.*, u.display_name AS updated_by_name FROM plan_versions v JOIN users u ON u.id = v.updated_by';

export function listVersions(db: Db, planId: string): VersionRecord[] {
  return (db.prepare(`${VERSION_SQL} WHERE v.plan_id = ? ORDER BY v.version`).all(planId) as VersionRow[]).map(rowToVersion);
}

export function getVersion(db: Db, planId: string, version: number): VersionRecord | undefined {
  const r = db.prepare(`${VERSION_SQL} WHERE v.plan_id = ? AND v.version = ?`).get(planId, version) as VersionRow | undefined;
  return r && rowToVersion(r);
}

export function newestVersion(db: Db, planId: string): VersionRecord | undefined {
  const r = db.prepare(`${VERSION_SQL} WHERE v.plan_id = ? ORDER BY v.version DESC LIMIT 1`).get(planId) as VersionRow | undefined;
  return r && rowToVersion(r);
}

/** The plan in force: the newest version that was ever locked (it stays in force while a revision is drafted). */
export function versionInForce(db: Db, planId: string): VersionRecord | undefined {
  const r = db.prepare(`${VERSION_SQL} WHERE v.plan_id = ? AND v.locked_at IS NOT NULL ORDER BY v.version DESC LIMIT 1`).get(planId) as VersionRow | undefined;
  return r && rowToVersion(r);
}

export function insertVersion(
  db: Db,
  v: { id: string; planId: string; version: number; reviewDate: string | null; statutoryRefs: StatutoryPlanRef[]; at: string; by: string },
): void {
  db.prepare(
    `INSERT INTO plan_versions (id, plan_id, version, state, review_date, statutory_refs, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?)`,
  ).run(v.id, v.planId, v.version, v.reviewDate, JSON.stringify(v.statutoryRefs), v.at, v.by, v.at, v.by);
}

export function touchVersion(db: Db, versionId: string, at: string, by: string): void {
  db.prepare('UPDATE plan_versions SET updated_at = ?, updated_by = ? WHERE id = ?').run(at, by, versionId);
}

export function setDetails(db: Db, versionId: string, reviewDate: string | null, refs: readonly StatutoryPlanRef[]): void {
  db.prepare('UPDATE plan_versions SET review_date = ?, statutory_refs = ? WHERE id = ?').run(reviewDate, JSON.stringify(refs), versionId);
}

export function freezeVersion(db: Db, versionId: string, f: { meetingId: string; quorum: QuorumRecord; frozenAt: string; payload: string; payloadSha256: string; by: string }): void {
  db.prepare(
    `UPDATE plan_versions SET state = 'frozen', meeting_id = ?, quorum = ?, frozen_at = ?, payload = ?, payload_sha256 = ?, updated_at = ?, updated_by = ?
     WHERE id = ? AND state = 'draft'`,
  ).run(f.meetingId, JSON.stringify(f.quorum), f.frozenAt, f.payload, f.payloadSha256, f.frozenAt, f.by, versionId);
}

/** Back to draft: the payload, its hash, the meeting and quorum, and the catalogue copies go. */
export function unfreezeVersion(db: Db, versionId: string, at: string, by: string): void {
  db.prepare(
    `UPDATE plan_versions SET state = 'draft', meeting_id = NULL, quorum = NULL, frozen_at = NULL, payload = NULL, payload_sha256 = NULL, updated_at = ?, updated_by = ?
     WHERE id = ? AND state = 'frozen'`,
  ).run(at, by, versionId);
  db.prepare('UPDATE plan_actions SET service_snapshot = NULL, provider_snapshot = NULL WHERE version_id = ?').run(versionId);
}

export function lockVersion(db: Db, versionId: string, at: string): void {
  db.prepare("UPDATE plan_versions SET state = 'locked', locked_at = ? WHERE id = ? AND state = 'frozen'").run(at, versionId);
}

export function supersedeVersion(db: Db, versionId: string, at: string): void {
  db.prepare("UPDATE plan_versions SET state = 'superseded', superseded_at = ? WHERE id = ? AND state = 'locked'").run(at, versionId);
}

/* Goals and actions -------------------------------------------------------------------------- */

export function listGoals(db: Db, versionId: string): PlanGoal[] {
  return (db.prepare('SELECT * FROM plan_goals WHERE version_id = ? ORDER BY position, id').all(versionId) as GoalRow[]).map(rowToGoal);
}

export function listActions(db: Db, versionId: string): ActionRecord[] {
  return (db.prepare('SELECT * FROM plan_actions WHERE version_id = ? ORDER BY position, id').all(versionId) as ActionRow[]).map(rowToAction);
}

const nextPosition = (db: Db, table: 'plan_goals' | 'plan_actions', versionId: string): number =>
  (db.prepare(`SELECT coalesce(max(position), 0) + 1 AS p FROM ${table} WHERE version_id = ?`).get(versionId) as { p: number }).p;

/** Inserts a goal at the end, or updates it in place (its position kept). */
export function upsertGoal(db: Db, versionId: string, g: PlanGoal): void {
  db.prepare(
    `INSERT INTO plan_goals (version_id, id, position, text, target_date, progress_measure, acceptance, client_words) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(version_id, id) DO UPDATE SET text = excluded.text, target_date = excluded.target_date, progress_measure = excluded.progress_measure,
       acceptance = excluded.acceptance, client_words = excluded.client_words`,
  ).run(versionId, g.id, nextPosition(db, 'plan_goals', versionId), g.text, g.targetDate, g.progressMeasure, g.acceptance, g.clientWords);
}

/** Inserts an action at the end, or updates it in place (its position kept). */
export function upsertAction(db: Db, versionId: string, a: PlanAction): void {
  db.prepare(
    `INSERT INTO plan_actions (version_id, id, position, service_id, text, provider_id, responsible, start_date, due_date, goal_ids, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(version_id, id) DO UPDATE SET service_id = excluded.service_id, text = excluded.text, provider_id = excluded.provider_id,
       responsible = excluded.responsible, start_date = excluded.start_date, due_date = excluded.due_date, goal_ids = excluded.goal_ids, status = excluded.status`,
  ).run(versionId, a.id, nextPosition(db, 'plan_actions', versionId), a.serviceId, a.text, a.providerId, a.responsible, a.startDate, a.dueDate, JSON.stringify(a.goalIds), a.status);
}

export function setActionGoals(db: Db, versionId: string, actionId: string, goalIds: readonly string[]): void {
  db.prepare('UPDATE plan_actions SET goal_ids = ? WHERE version_id = ? AND id = ?').run(JSON.stringify(goalIds), versionId, actionId);
}

export function deleteGoal(db: Db, versionId: string, id: string): void {
  db.prepare('DELETE FROM plan_goals WHERE version_id = ? AND id = ?').run(versionId, id);
}

export function deleteAction(db: Db, versionId: string, id: string): void {
  db.prepare('DELETE FROM plan_actions WHERE version_id = ? AND id = ?').run(versionId, id);
}

/** Swaps the places of two goals or two actions (positions are not unique, so one statement each). */
export function swapPositions(db: Db, what: 'goal' | 'action', versionId: string, a: string, b: string): void {
  const table = what === 'goal' ? 'plan_goals' : 'plan_actions';
  const pos = (id: string) => (db.prepare(`SELECT position FROM ${table} WHERE version_id = ? AND id = ?`).get(versionId, id) as { position: number }).position;
  const [pa, pb] = [pos(a), pos(b)];
  const set = db.prepare(`UPDATE ${table} SET position = ? WHERE version_id = ? AND id = ?`);
  set.run(pb, versionId, a);
  set.run(pa, versionId, b);
}

/** The catalogue copies a frozen version's payload names. */
export function setSnapshots(db: Db, versionId: string, actionId: string, service: ServiceSnapshot | null, provider: ProviderSnapshot | null): void {
  db.prepare('UPDATE plan_actions SET service_snapshot = ?, provider_snapshot = ? WHERE version_id = ? AND id = ?').run(
    service && JSON.stringify(service),
    provider && JSON.stringify(provider),
    versionId,
    actionId,
  );
}

/**
 * A new draft's goals and actions: the same ids and order as the version it revises, each action
 * with its status now (`statusNow`), without the catalogue copies (taken again at freezing).
 */
export function copyContent(db: Db, fromVersionId: string, toVersionId: string, statusNow: ReadonlyMap<string, ActionStatus>): void {
  db.prepare(
    `INSERT INTO plan_goals (version_id, id, position, text, target_date, progress_measure, acceptance, client_words)
     SELECT ?, id, position, text, target_date, progress_measure, acceptance, client_words FROM plan_goals WHERE version_id = ?`,
  ).run(toVersionId, fromVersionId);
  db.prepare(
    `INSERT INTO plan_actions (version_id, id, position, service_id, text, provider_id, responsible, start_date, due_date, goal_ids, status)
     SELECT ?, id, position, service_id, text, provider_id, responsible, start_date, due_date, goal_ids, status FROM plan_actions WHERE version_id = ?`,
  ).run(toVersionId, fromVersionId);
  const set = db.prepare('UPDATE plan_actions SET status = ? WHERE version_id = ? AND id = ?');
  for (const [actionId, status] of statusNow) set.run(status, toVersionId, actionId);
}

/* Follow-up ---------------------------------------------------------------------------------- */

export function listProgress(db: Db, planId: string): Map<string, ActionStatus> {
  const rows = db.prepare('SELECT action_id, status FROM plan_action_progress WHERE plan_id = ?').all(planId) as { action_id: string; status: string }[];
  return new Map(rows.map((r) => [r.action_id, r.status as ActionStatus]));
}

export function setProgress(db: Db, planId: string, actionId: string, status: ActionStatus, at: string, by: string): void {
  db.prepare(
    `INSERT INTO plan_action_progress (plan_id, action_id, status, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(plan_id, action_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(planId, actionId, status, at, by);
}

/** A newly locked version's statuses become the follow-up's starting point (the old version's rows go). */
export function resetProgress(db: Db, planId: string, actions: readonly { id: string; status: ActionStatus }[], at: string, by: string): void {
  db.prepare('DELETE FROM plan_action_progress WHERE plan_id = ?').run(planId);
  for (const a of actions) setProgress(db, planId, a.id, a.status, at, by);
}

/* What a plan builds on ---------------------------------------------------------------------- */

export interface AssessedItem {
  itemId: string;
  meetingId: string;
  meetingDate: string;
  teamId: string;
}

/** The case's agenda items the team completed as assessed, latest meeting first. */
export function assessedItems(db: Db, caseId: string): AssessedItem[] {
  return db
    .prepare(
      `SELECT i.id AS itemId, m.id AS meetingId, m.date AS meetingDate, m.team_id AS teamId FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
       WHERE i.case_id = ? AND i.outcome = 'assessed' ORDER BY m.date DESC, m.time DESC, m.started_at DESC`,
    )
    .all(caseId) as AssessedItem[];
}

/** The case's item on a meeting's agenda (one not taken off it), if any. */
export function agendaItemFor(db: Db, meetingId: string, caseId: string): { itemId: string; outcome: string | null } | undefined {
  return db
    .prepare("SELECT id AS itemId, outcome FROM agenda_items WHERE meeting_id = ? AND case_id = ? AND (outcome IS NULL OR outcome <> 'removed') ORDER BY position LIMIT 1")
    .get(meetingId, caseId) as { itemId: string; outcome: string | null } | undefined;
}

/** Whether a running meeting has the case on its agenda (the access log's basis is then the meeting). */
export function inRunningMeeting(db: Db, caseId: string): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
         WHERE i.case_id = ? AND m.state = 'in_progress' AND (i.outcome IS NULL OR i.outcome <> 'removed') LIMIT 1`,
      )
      .get(caseId) !== undefined
  );
}
