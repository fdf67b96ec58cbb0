/**
 * Teams: members (users), external regulars without an account, and the team's settings. No
 * client data here.
 */
import type { Sector } from '../../shared/domain/meeting.js';
import type { Profession } from '../../shared/domain/user.js';
import type { Db } from '../connection.js';

export interface TeamSettings {
  name: string;
  requiredSectors: Sector[];
  newCaseMinutes: number;
  reviewMinutes: number;
  reviewIntervalMonths: number;
}

export interface TeamRecord extends TeamSettings {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export interface TeamMember {
  userId: string;
  displayName: string;
  profession: Profession;
  organisation: string;
  active: boolean;
}

export interface External {
  id: string;
  teamId: string;
  name: string;
  organisation: string;
  profession: Profession;
  active: boolean;
}

interface TeamRow {
  id: string;
  name: string;
  required_sectors: string;
  new_case_minutes: number;
  review_minutes: number;
  review_interval_months: number;
  created_at: string;
  updated_at: string;
}

const rowToTeam = (r: TeamRow): TeamRecord => ({
  id: r.id,
  name: r.name,
  requiredSectors: JSON.parse(r.required_sectors) as Sector[],
  newCaseMinutes: r.new_case_minutes,
  reviewMinutes: r.review_minutes,
  reviewIntervalMonths: r.review_interval_months,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function insertTeam(db: Db, id: string, t: TeamSettings, at: string): void {
  db.prepare(
    `INSERT INTO teams (id, name, required_sectors, new_case_minutes, review_minutes, review_interval_months, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, t.name, JSON.stringify(t.requiredSectors), t.newCaseMinutes, t.reviewMinutes, t.reviewIntervalMonths, at, at);
}

export function updateTeam(db: Db, id: string, t: TeamSettings, at: string): void {
  db.prepare(
    `UPDATE teams SET name = ?, required_sectors = ?, new_case_minutes = ?, review_minutes = ?, review_interval_months = ?, updated_at = ? WHERE id = ?`,
  ).run(t.name, JSON.stringify(t.requiredSectors), t.newCaseMinutes, t.reviewMinutes, t.reviewIntervalMonths, at, id);
}

export function getTeam(db: Db, id: string): TeamRecord | undefined {
  const row = db.prepare('SELECT * FROM teams WHERE id = ?').get(id) as TeamRow | undefined;
  return row && rowToTeam(row);
}

export function listTeams(db: Db): TeamRecord[] {
  return (db.prepare('SELECT * FROM teams ORDER BY name COLLATE NOCASE, created_at').all() as TeamRow[]).map(rowToTeam);
}

/** Members in the order the team lists them, with their account's current details. */
export function listMembers(db: Db, teamId: string): TeamMember[] {
  const rows = db
    .prepare(
      `SELECT u.id, u.display_name, u.profession, u.organisation, u.active FROM team_members m JOIN users u ON u.id = m.user_id
       WHERE m.team_id = ? ORDER BY m.position`,
    )
    .all(teamId) as { id: string; display_name: string; profession: string; organisation: string; active: number }[];
  return rows.map((r) => ({ userId: r.id, displayName: r.display_name, profession: r.profession as Profession, organisation: r.organisation, active: r.active === 1 }));
}

export function setMembers(db: Db, teamId: string, userIds: readonly string[]): void {
  db.prepare('DELETE FROM team_members WHERE team_id = ?').run(teamId);
  const insert = db.prepare('INSERT INTO team_members (team_id, user_id, position) VALUES (?, ?, ?)');
  userIds.forEach((u, i) => insert.run(teamId, u, i + 1));
}

export function isMember(db: Db, teamId: string, userId: string): boolean {
  return db.prepare('SELECT 1 FROM team_members WHERE team_id = ? AND user_id = ?').get(teamId, userId) !== undefined;
}

interface ExternalRow {
  id: string;
  team_id: string;
  name: string;
  organisation: string;
  profession: string;
  active: number;
}

const rowToExternal = (r: ExternalRow): External => ({
  id: r.id,
  teamId: r.team_id,
  name: r.name,
  organisation: r.organisation,
  profession: r.profession as Profession,
  active: r.active === 1,
});

/** The team's externals; inactive ones (removed but named in attendance) only when asked. */
export function listExternals(db: Db, teamId: string, includeInactive = false): External[] {
  const sql = `SELECT * FROM team_externals WHERE team_id = ?${includeInactive ? '' : ' AND active = 1'} ORDER BY position`;
  return (db.prepare(sql).all(teamId) as ExternalRow[]).map(rowToExternal);
}

export function getExternal(db: Db, id: string): External | undefined {
  const row = db.prepare('SELECT * FROM team_externals WHERE id = ?').get(id) as ExternalRow | undefined;
  return row && rowToExternal(row);
}

/** Inserts or updates by id; the list's order becomes the position. */
export function upsertExternal(db: Db, e: Omit<External, 'active'>, position: number): void {
  db.prepare(
    `INSERT INTO team_externals (id, team_id, name, organisation, profession, active, position) VALUES (?, ?, ?, ?, ?, 1, ?)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, organisation = excluded.organisation, profession = excluded.profession, active = 1, position = excluded.position`,
  ).run(e.id, e.teamId, e.name, e.organisation, e.profession, position);
}

/** Takes an external off the team: deleted, or kept inactive when attendance or a coordinator row names them. */
export function retireExternal(db: Db, id: string): void {
  const named =
    db.prepare('SELECT 1 FROM meeting_attendance WHERE external_id = ? LIMIT 1').get(id) !== undefined ||
    db.prepare('SELECT 1 FROM case_coordinators WHERE external_id = ? LIMIT 1').get(id) !== undefined;
  if (named) db.prepare('UPDATE team_externals SET active = 0 WHERE id = ?').run(id);
  else db.prepare('DELETE FROM team_externals WHERE id = ?').run(id);
}
