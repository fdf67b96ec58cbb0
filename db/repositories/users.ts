import type { Profession, Role } from '../../shared/domain/user.js';
import type { Db } from '../connection.js';

export interface User {
  id: string;
  username: string;
  displayName: string;
  profession: Profession;
  organisation: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  deactivatedAt: string | null;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  profession: string;
  organisation: string;
  role: string;
  active: number;
  must_change_password: number;
  created_at: string;
  deactivated_at: string | null;
}

const rowToUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  profession: r.profession as Profession,
  organisation: r.organisation,
  role: r.role as Role,
  active: r.active === 1,
  mustChangePassword: r.must_change_password === 1,
  createdAt: r.created_at,
  deactivatedAt: r.deactivated_at,
});

export function insertUser(db: Db, u: User): void {
  db.prepare(
    `INSERT INTO users (id, username, display_name, profession, organisation, role, active, must_change_password, created_at, deactivated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(u.id, u.username, u.displayName, u.profession, u.organisation, u.role, u.active ? 1 : 0, u.mustChangePassword ? 1 : 0, u.createdAt, u.deactivatedAt);
}

export function getUser(db: Db, id: string): User | undefined {
  const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return row && rowToUser(row);
}

export function getUserByUsername(db: Db, username: string): User | undefined {
  const row = db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  return row && rowToUser(row);
}

export function listUsers(db: Db): User[] {
  return (db.prepare('SELECT * FROM users ORDER BY active DESC, display_name COLLATE NOCASE').all() as UserRow[]).map(rowToUser);
}

export function countActiveAdministrators(db: Db): number {
  return (db.prepare("SELECT count(*) AS n FROM users WHERE role = 'administrator' AND active = 1").get() as { n: number }).n;
}

export function setUserActive(db: Db, id: string, active: boolean, at: string): void {
  db.prepare('UPDATE users SET active = ?, deactivated_at = ? WHERE id = ?').run(active ? 1 : 0, active ? null : at, id);
}

export function setMustChangePassword(db: Db, id: string, must: boolean): void {
  db.prepare('UPDATE users SET must_change_password = ? WHERE id = ?').run(must ? 1 : 0, id);
}
