import type { Profession, Role } from '../../shared/domain/user.js';
import type { Db } from '../connection.js';

export interface User {
  id: string;
  username: string;
  displayName: string;
  profession: Profession;
  role: Role;
  active: boolean;
  createdAt: string;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  profession: string;
  role: string;
  active: number;
  created_at: string;
}

const rowToUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  profession: r.profession as Profession,
  role: r.role as Role,
  active: r.active === 1,
  createdAt: r.created_at,
});

export function insertUser(db: Db, u: User): void {
  db.prepare(
    'INSERT INTO users (id, username, display_name, profession, role, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(u.id, u.username, u.displayName, u.profession, u.role, u.active ? 1 : 0, u.createdAt);
}

export function getUser(db: Db, id: string): User | undefined {
  const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return row && rowToUser(row);
}

export function listUsers(db: Db): User[] {
  return (db.prepare('SELECT * FROM users ORDER BY display_name').all() as UserRow[]).map(rowToUser);
}
