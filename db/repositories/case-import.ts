/** Queries only an import needs: the other repositories look cases up by id, an import also by number. */
import type { Db } from '../connection.js';

export function caseNumberTaken(db: Db, number: string): boolean {
  return db.prepare('SELECT 1 FROM cases WHERE number = ?').get(number) !== undefined;
}
