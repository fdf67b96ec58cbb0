import type { Db } from '../connection.js';

/** The access log (owned by db/audit.ts). */
export function up(db: Db): void {
  void db;
}
