import { AppError } from '../shared/api/errors.js';
import type { Db } from './connection.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * Applies the pending migrations in one transaction and sets `user_version`. A database newer than
 * this code is refused untouched: an older app must not write into a schema it does not know.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  if (from > latest) {
    throw new AppError('store_newer_than_app', `The store was written by a newer version of Tiimipöytä (schema ${from}, this app knows ${latest}).`, { storeVersion: from, appVersion: latest });
  }
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return { from, to: latest };
}
