import { AppError } from '../shared/api/errors.js';

/** SQLite's result codes surface as `err.code` on better-sqlite3 errors. */
interface SqliteError extends Error {
  code?: string;
}

/**
 * Turns a driver or file-system error into one of the contract's codes so the user sees "the disk
 * is full" instead of a stack trace. Anything unrecognised stays `internal`.
 */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as SqliteError & { errno?: number };
  const code = e?.code ?? '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new AppError('disk_full', 'The disk is full; nothing was saved.');
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new AppError('read_only', 'The data folder cannot be written to; nothing was saved.');
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new AppError('store_damaged', 'The database file is damaged or not encrypted with this key.');
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new AppError('store_in_use', 'The database is in use by another program.');
  }
  return new AppError('internal', e?.message ? String(e.message) : 'Unexpected error');
}
