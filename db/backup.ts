/**
 * Backups: one self-describing file per backup, verified after it is written, restorable only into
 * an empty folder so that a live store is never overwritten.
 *
 * Container `.tpbackup` (integers big-endian), nothing after the last part:
 *
 *   "TIIMIPOYTA-BACKUP 1\n"   20 bytes: magic and container version
 *   u32 N                      length of the header
 *   N bytes                    header, UTF-8 JSON (`BackupHeader`): format, version, createdAt, storeId,
 *                              schemaVersion, keyring (as stored), db { bytes, sha256 }, counts { table: rows }
 *   32 bytes                   SHA-256 of the N header bytes, so a flipped header byte is caught too
 *   db.bytes bytes             the database as written by `VACUUM INTO`: SQLCipher v4 pages encrypted
 *                              with the store key (STACK.md); SHA-256 in db.sha256
 *
 * Nothing in it is plaintext client data: the pages are encrypted and the keyring holds only wrapped
 * keys. A backup therefore opens with the passwords (and recovery key) valid when it was made.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, realpathSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { AppError } from '../shared/api/errors.js';
import { openEncrypted, type Db } from './connection.js';
import { toAppError } from './errors.js';
import { fsyncDir } from './fsutil.js';
import { parseKeyring, readKeyring, writeKeyring, type Keyring } from './keyring.js';
import { LATEST_VERSION } from './migrate.js';
import { inspectStore, storePaths, writeManifest } from './store.js';

export const BACKUP_FORMAT = 'tiimipoyta-backup';
export const BACKUP_VERSION = 1;
export const BACKUP_EXTENSION = '.tpbackup';

const MAGIC_PREFIX = 'TIIMIPOYTA-BACKUP ';
const MAGIC = Buffer.from(`${MAGIC_PREFIX}${BACKUP_VERSION}\n`, 'latin1');
const HASH_BYTES = 32;
// A keyring with hundreds of slots is tens of kilobytes; a "header" near this size is not ours.
const MAX_HEADER = 4 * 1024 * 1024;
const CHUNK = 1024 * 1024;
/** SQLCipher v4's page size: a database is always whole pages (inspectStore relies on it too). */
const PAGE_SIZE = 4096;
const SQLITE_PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  storeId: string;
  schemaVersion: number;
  keyring: Keyring;
  db: { bytes: number; sha256: string };
  counts: Record<string, number>;
}

export interface BackupProgress { phase: 'snapshot' | 'write' | 'verify'; done: number; total: number }
export type OnBackupProgress = (p: BackupProgress) => void;

/** `bytes` and `sha256` describe the whole backup file, so anyone can check it with `sha256sum`. */
export interface BackupResult { file: string; bytes: number; sha256: string; counts: Record<string, number>; ms: number }

interface Container { header: BackupHeader; dataOffset: number; fileBytes: number }

const damaged = (why: string) => new AppError('store_damaged', `The backup file is damaged: ${why}.`);
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();

async function withFile<T>(path: string, flags: string, fn: (fh: FileHandle) => Promise<T>): Promise<T> {
  // 0600 whatever the umask: a backup is as sensitive as the store.
  const fh = await open(path, flags, 0o600);
  try { return await fn(fh); } finally { await fh.close(); }
}

function withDb<T>(path: string, key: Buffer, fn: (db: Db) => T): T {
  const db = openEncrypted(path, key);
  try { return fn(db); } finally { db.close(); }
}

function countRows(db: Db): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t.replaceAll('"', '""')}"`).pluck().get() as number]));
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a).sort();
  return keys.join('\0') === Object.keys(b).sort().join('\0') && keys.every((k) => a[k] === b[k]);
}

async function readAt(fh: FileHandle, length: number, position: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  for (let off = 0; off < length; ) {
    const { bytesRead } = await fh.read(buf, off, length - off, position + off);
    if (bytesRead === 0) throw damaged('it ends early');
    off += bytesRead;
  }
  return buf;
}

async function writeAt(fh: FileHandle, buf: Uint8Array, position: number): Promise<void> {
  for (let off = 0; off < buf.length; ) off += (await fh.write(buf, off, buf.length - off, position + off)).bytesWritten;
}

/** Feeds a region of a file to `onChunk` in bounded pieces; the piece is reused, so consume it before returning. */
async function eachChunk(fh: FileHandle, start: number, length: number, onChunk: (chunk: Buffer) => Promise<void> | void): Promise<void> {
  const buf = Buffer.allocUnsafe(Math.max(1, Math.min(CHUNK, length)));
  for (let pos = 0; pos < length; ) {
    const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, length - pos), start + pos);
    if (bytesRead === 0) throw damaged('it ends early');
    await onChunk(buf.subarray(0, bytesRead));
    pos += bytesRead;
  }
}

function isHeader(v: unknown): v is BackupHeader {
  const h = v as BackupHeader;
  return typeof h === 'object' && h !== null && h.format === BACKUP_FORMAT && h.version === BACKUP_VERSION &&
    typeof h.createdAt === 'string' && typeof h.storeId === 'string' && Number.isSafeInteger(h.schemaVersion) && h.schemaVersion >= 0 &&
    typeof h.keyring === 'object' && h.keyring !== null && typeof h.db === 'object' && h.db !== null &&
    Number.isSafeInteger(h.db.bytes) && h.db.bytes > 0 && h.db.bytes % PAGE_SIZE === 0 &&
    typeof h.db.sha256 === 'string' && /^[0-9a-f]{64}$/.test(h.db.sha256) &&
    typeof h.counts === 'object' && h.counts !== null && !Array.isArray(h.counts) &&
    Object.values(h.counts).every((n) => Number.isSafeInteger(n) && n >= 0);
}

/** Reads and checks everything except the database bytes' hash, which needs a full pass. */
async function readContainer(fh: FileHandle): Promise<Container> {
  const fileBytes = (await fh.stat()).size;
  if (fileBytes === 0) throw new AppError('not_a_store', 'The file is empty; it is not a Tiimipöytä backup.');
  const start = await readAt(fh, Math.min(fileBytes, MAGIC.length + 4), 0);
  if (!start.subarray(0, MAGIC.length).equals(MAGIC)) {
    const text = start.toString('latin1');
    if (Number(/^TIIMIPOYTA-BACKUP (\d+)\n/.exec(text)?.[1]) > BACKUP_VERSION) {
      throw new AppError('store_newer_than_app', 'The backup was made by a newer version of Tiimipöytä.');
    }
    if (text.startsWith(MAGIC_PREFIX) || MAGIC.subarray(0, start.length).equals(start)) throw damaged('its beginning is damaged or cut off');
    throw new AppError('not_a_store', 'The file is not a Tiimipöytä backup.');
  }
  if (start.length < MAGIC.length + 4) throw damaged('it ends early');
  const headerBytes = start.readUInt32BE(MAGIC.length);
  const dataOffset = MAGIC.length + 4 + headerBytes + HASH_BYTES;
  if (headerBytes < 2 || headerBytes > MAX_HEADER || dataOffset > fileBytes) throw damaged('its header is damaged or cut off');
  const raw = await readAt(fh, headerBytes + HASH_BYTES, MAGIC.length + 4);
  if (!sha256(raw.subarray(0, headerBytes)).equals(raw.subarray(headerBytes))) throw damaged('its header checksum does not match');
  let header: unknown;
  try { header = JSON.parse(raw.subarray(0, headerBytes).toString('utf8')); } catch { throw damaged('its header is not valid JSON'); }
  if (!isHeader(header)) throw damaged('its header is incomplete');
  let keyring: Keyring;
  try {
    keyring = parseKeyring(JSON.stringify(header.keyring));
  } catch (err) {
    if (err instanceof AppError && err.code === 'store_newer_than_app') throw err;
    throw damaged('its keyring is damaged');
  }
  if (keyring.storeId !== header.storeId) throw damaged('its keyring belongs to another store');
  if (dataOffset + header.db.bytes !== fileBytes) throw damaged(dataOffset + header.db.bytes > fileBytes ? 'it ends early' : 'it has extra bytes at the end');
  if ((await readAt(fh, SQLITE_PLAIN_HEADER.length, dataOffset)).equals(SQLITE_PLAIN_HEADER)) {
    throw new AppError('not_a_store', 'The backup holds an unencrypted database, which Tiimipöytä never writes.');
  }
  return { header: { ...header, keyring }, dataOffset, fileBytes };
}

/** Streams the database bytes (into `dest` if given) and checks them against the header's hash. */
async function checkData(fh: FileHandle, c: Container, onBytes: (n: number) => void, dest?: FileHandle, whole?: Hash): Promise<void> {
  const hash = createHash('sha256');
  let done = 0;
  await eachChunk(fh, c.dataOffset, c.header.db.bytes, async (chunk) => {
    hash.update(chunk);
    whole?.update(chunk);
    if (dest) await writeAt(dest, chunk, done);
    done += chunk.length;
    onBytes(done);
  });
  if (hash.digest('hex') !== c.header.db.sha256) throw damaged('the database checksum does not match');
}

function openBackup(file: string): Promise<FileHandle> {
  if (!existsSync(file)) throw new AppError('not_found', `There is no backup file at ${file}.`);
  if (!statSync(file).isFile()) throw new AppError('not_a_store', 'A backup is a file, not a folder.');
  return open(file, 'r');
}

/** Checks a backup (magic, header, sizes and, unless `verifyData: false`, the database hash); returns its header. */
export async function readBackupHeader(file: string, options: { verifyData?: boolean } = {}): Promise<BackupHeader> {
  let fh: FileHandle | undefined;
  try {
    fh = await openBackup(file);
    const c = await readContainer(fh);
    if (options.verifyData !== false) await checkData(fh, c, () => {});
    return c.header;
  } catch (err) {
    throw toAppError(err);
  } finally {
    await fh?.close();
  }
}

function realPath(p: string): string {
  try { return realpathSync(p); } catch { return resolve(p); }
}

function removeQuietly(paths: string[]): void {
  // Cleanup after a failure must not replace the failure the user needs to see.
  for (const p of paths) try { rmSync(p, { force: true }); } catch { /* the original error is reported */ }
}

/**
 * Writes a verified backup of an open store to `outFile`, which must not exist. The snapshot and
 * the file being written sit beside `outFile`, never in the store folder; on any failure nothing
 * named `outFile` is left behind.
 */
export async function backupStore(source: { db: Db; key: Buffer; dir: string }, outFile: string, onProgress?: OnBackupProgress): Promise<BackupResult> {
  const started = performance.now();
  const out = resolve(outFile);
  const outDir = dirname(out);
  const report = (phase: BackupProgress['phase'], done: number, total: number) => onProgress?.({ phase, done, total });
  if (!existsSync(outDir) || !statSync(outDir).isDirectory()) throw new AppError('invalid_input', `The folder for the backup does not exist: ${outDir}`);
  if (realPath(outDir) === realPath(source.dir)) throw new AppError('invalid_input', 'A backup cannot be written into the store folder itself; choose another folder or drive.');
  if (existsSync(out)) throw new AppError('store_exists', `${basename(out)} already exists; choose another name so that it is not overwritten.`);

  const [snapshot, tmp, extracted] = [`${out}.snapshot`, `${out}.tmp`, `${out}.verify`];
  const scratch = [snapshot, tmp, extracted].flatMap((p) => [p, `${p}-wal`, `${p}-shm`, `${p}-journal`]);
  let published = false;
  try {
    removeQuietly(scratch);
    // Created here rather than by VACUUM INTO: 0600 regardless of the umask, and a read-only
    // target fails with EROFS/EACCES instead of SQLite's vaguer "unable to open database file".
    await withFile(snapshot, 'wx', async () => {});
    report('snapshot', 0, 3);
    // VACUUM INTO copies one consistent snapshot. Counts come from the copy, not the live database,
    // so a write landing in between cannot make header and data disagree.
    source.db.prepare('VACUUM INTO ?').run(snapshot);
    report('snapshot', 1, 3);
    const facts = withDb(snapshot, source.key, (db) => ({
      counts: countRows(db),
      storeId: db.prepare("SELECT value FROM store_meta WHERE key = 'store_id'").pluck().get(),
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
    }));
    const keyring = readKeyring(storePaths(source.dir).keyring);
    if (keyring.storeId !== facts.storeId) throw new AppError('keyring_mismatch', 'The keyring beside the database belongs to another store.');
    report('snapshot', 2, 3);
    const dbBytes = statSync(snapshot).size;
    const dbHash = createHash('sha256');
    await withFile(snapshot, 'r', (fh) => eachChunk(fh, 0, dbBytes, (chunk) => { dbHash.update(chunk); }));
    const header: BackupHeader = {
      format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), storeId: keyring.storeId,
      schemaVersion: facts.schemaVersion, keyring, db: { bytes: dbBytes, sha256: dbHash.digest('hex') }, counts: facts.counts,
    };
    report('snapshot', 3, 3);

    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(json.length);
    const prefix = Buffer.concat([MAGIC, length, json, sha256(json)]);
    const total = prefix.length + dbBytes;
    await withFile(tmp, 'wx', async (target) => {
      await writeAt(target, prefix, 0);
      let done = prefix.length;
      report('write', done, total);
      await withFile(snapshot, 'r', (src) => eachChunk(src, 0, dbBytes, async (chunk) => {
        await writeAt(target, chunk, done);
        done += chunk.length;
        report('write', done, total);
      }));
      await target.sync();
    });
    // Checked again: a file may have appeared under the name while the backup was being written.
    if (existsSync(out)) throw new AppError('store_exists', `${basename(out)} appeared while the backup was written; it was left untouched.`);
    renameSync(tmp, out);
    published = true;
    fsyncDir(outDir);
    // Gone before the verify copy is extracted, so the peak is two copies of the database, not three.
    removeQuietly([snapshot]);

    const fileSha = await verifyBackup(out, source.key, extracted, header, (done, all) => report('verify', done, all));
    return { file: out, bytes: total, sha256: fileSha, counts: header.counts, ms: Math.round(performance.now() - started) };
  } catch (err) {
    if (published) removeQuietly([out]);
    const e = toAppError(err);
    if (published && e.code === 'store_damaged') throw new AppError('store_damaged', `The backup did not verify after writing and was deleted. ${e.message}`);
    throw e;
  } finally {
    removeQuietly(scratch);
  }
}

/** Re-reads a just-written backup, extracts and opens its database; returns the whole file's SHA-256. */
async function verifyBackup(file: string, key: Buffer, extractTo: string, expected: BackupHeader, report: (done: number, total: number) => void): Promise<string> {
  const whole = createHash('sha256');
  const total = await withFile(file, 'r', async (fh) => {
    const c = await readContainer(fh);
    if (c.header.db.sha256 !== expected.db.sha256 || !sameCounts(c.header.counts, expected.counts)) throw damaged('its header is not the one written');
    // The integrity check costs about one read of the database, so it is weighted as such.
    const all = c.fileBytes + c.header.db.bytes;
    await eachChunk(fh, 0, c.dataOffset, (chunk) => { whole.update(chunk); });
    report(c.dataOffset, all);
    await withFile(extractTo, 'wx', (dest) => checkData(fh, c, (n) => report(c.dataOffset + n, all), dest, whole));
    return all;
  });
  withDb(extractTo, key, (db) => {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw damaged(`the integrity check says ${String(integrity)}`);
    if (!sameCounts(countRows(db), expected.counts)) throw damaged('its row counts differ from the snapshot');
  });
  report(total, total);
  return whole.digest('hex');
}

/**
 * Restores a backup into an empty or new folder; a folder holding anything is refused so that a
 * live store is never overwritten. Everything is checked before the first byte is written, and the
 * database appears last (as in `createStore`), so a crash midway never leaves something that looks
 * like a store. No password is needed: the keyring is restored as it was.
 */
export async function restoreStore(fromFile: string, dataDir: string, onProgress?: OnBackupProgress): Promise<{ dir: string; counts: Record<string, number> }> {
  const dir = resolve(dataDir);
  const report = (phase: BackupProgress['phase'], done: number, total: number) => onProgress?.({ phase, done, total });
  if (inspectStore(dir).kind !== 'none') throw new AppError('store_exists', 'The folder already holds a store or a file in its place; restore into an empty folder.');
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new AppError('store_exists', 'The folder is not empty; restore into an empty or new folder so that nothing is overwritten.');
  const p = storePaths(dir);
  const pending = `${p.db}.restoring`;
  let fh: FileHandle | undefined;
  try {
    fh = await openBackup(fromFile);
    const c = await readContainer(fh);
    if (c.header.schemaVersion > LATEST_VERSION) {
      // It would restore, but never open: say so before writing anything.
      throw new AppError('store_newer_than_app', `The backup was made by a newer version of Tiimipöytä (schema ${c.header.schemaVersion}, this app knows ${LATEST_VERSION}).`);
    }
    const total = c.header.db.bytes;
    await checkData(fh, c, (n) => report('verify', n, total));

    const createdDir = !existsSync(dir);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    try {
      const src = fh;
      // Hashed again while copying: the backup could change between the check and the copy.
      await withFile(pending, 'wx', async (dest) => {
        await checkData(src, c, (n) => report('write', n, total), dest);
        await dest.sync();
      });
      writeKeyring(p.keyring, c.header.keyring);
      writeManifest(dir, c.header.storeId);
      renameSync(pending, p.db);
      fsyncDir(dir);
    } catch (err) {
      // The folder was empty, so everything in it now is ours to take back.
      removeQuietly([pending, p.keyring, `${p.keyring}.bak`, p.manifest]);
      if (createdDir) try { rmdirSync(dir); } catch { /* not empty or already gone: leave it */ }
      throw err;
    }
    return { dir, counts: c.header.counts };
  } catch (err) {
    throw toAppError(err);
  } finally {
    await fh?.close();
  }
}
