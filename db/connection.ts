/**
 * Opening the encrypted database. SQLite3 Multiple Ciphers in SQLCipher v4 format with a raw key;
 * the cipher pragmas must come before the key, and the key before anything else (STACK.md).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { accessSync, closeSync, constants, existsSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../shared/api/errors.js';

export type Db = Database.Database;

const SQLITE_PLAIN_HEADER = 'SQLite format 3\0';

function applyKey(db: Db, key: Buffer): void {
  if (key.length !== 32) throw new AppError('internal', 'The database key must be 32 bytes.');
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
}

function applySettings(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 2000');
}

/** What kind of file sits at a path, read from its first bytes without opening it as a database. */
export function sniffDatabaseFile(path: string): 'missing' | 'empty' | 'plain-sqlite' | 'opaque' {
  if (!existsSync(path)) return 'missing';
  if (statSync(path).size === 0) return 'empty';
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    readSync(fd, buf, 0, 16, 0);
    return buf.toString('latin1') === SQLITE_PLAIN_HEADER ? 'plain-sqlite' : 'opaque';
  } finally {
    closeSync(fd);
  }
}

/** SQLite cannot even read a WAL database it cannot write beside (it needs the -shm file). */
function canWrite(path: string): boolean {
  try {
    accessSync(dirname(path), constants.W_OK);
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens an existing encrypted database. Never creates one: an empty file opened with a key would
 * silently become a new database, so missing and empty files are refused before the driver sees them.
 */
export function openEncrypted(path: string, key: Buffer): Db {
  const kind = sniffDatabaseFile(path);
  if (kind === 'missing') throw new AppError('no_store', 'There is no database file.');
  if (kind === 'empty') throw new AppError('not_a_store', 'The database file is empty.');
  if (kind === 'plain-sqlite') throw new AppError('not_a_store', 'The file is an unencrypted SQLite database, not a Tiimipöytä store.');
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: true });
  } catch (err) {
    throw new AppError('store_damaged', `The database cannot be opened: ${(err as Error).message}`);
  }
  try {
    applyKey(db, key);
    // The first real read is where a wrong key or a damaged header shows.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    applySettings(db);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof AppError) throw err;
    // Calling a healthy store in a read-only place "damaged" would send the user to restore a backup over it.
    if (!canWrite(path)) throw new AppError('read_only', 'The data folder cannot be written to, so the store cannot be opened.');
    throw new AppError('store_damaged', 'The database file is damaged or does not belong to this keyring.');
  }
}

/** Creates a new encrypted database; refuses if anything already exists at the path. */
export function createEncrypted(path: string, key: Buffer): Db {
  if (existsSync(path)) throw new AppError('store_exists', 'A file already exists where the database would go.');
  const db = new Database(path);
  try {
    applyKey(db, key);
    applySettings(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
