/**
 * The access log (Act on client data 703/2023, ARCHITECTURE.md "Audit"): an append-only,
 * hash-chained record of who read or wrote which client's data, when and why.
 *
 * Each event's hash is SHA-256 over its canonical payload, which includes the previous event's hash
 * and its own seq, so editing, removing or moving an event breaks the chain at that point;
 * `audit_head` anchors the newest event so that removing the tail shows too. It does not stop
 * someone holding the database key from rewriting the whole chain and the head consistently; only
 * a copy of the head kept elsewhere would.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../shared/api/errors.js';
import type { Db } from './connection.js';

export const GENESIS_HASH = '0'.repeat(64);

/** Keeps the log about access, not a second copy of the client's data. */
const MAX_DETAILS_CHARS = 4096;

/** What the hash covers: an event as stored, `details` being its stored JSON text. */
export interface AuditHashFields {
  seq: number;
  /** UTC ISO-8601 with milliseconds. */
  at: string;
  actorId: string;
  clientId: string | null;
  action: string;
  basis: string;
  entity: string | null;
  details: string | null;
  prevHash: string;
}

export interface AuditEvent extends Omit<AuditHashFields, 'details'> {
  details: Record<string, unknown> | null;
  hash: string;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor_id: string;
  client_id: string | null;
  action: string;
  basis: string;
  entity: string | null;
  details: string | null;
  prev_hash: string;
  hash: string;
}

export interface AppendAuditInput {
  actorId: string;
  clientId?: string | null;
  action: string;
  basis: string;
  entity?: string | null;
  details?: Record<string, unknown> | null;
  at?: Date;
}

export type AuditBreak = 'hash_mismatch' | 'chain_broken' | 'gap' | 'order' | 'head_mismatch' | 'truncated';

export type AuditVerification =
  | { ok: true; count: number; headSeq: number }
  | { ok: false; firstBrokenSeq: number; reason: AuditBreak; count: number };

// The table's CHECK admits only JSON objects.
const parseDetails = (d: string | null): Record<string, unknown> | null => (d === null ? null : (JSON.parse(d) as Record<string, unknown>));

const rowToHashFields = (r: AuditRow): AuditHashFields => ({
  seq: r.seq,
  at: r.at,
  actorId: r.actor_id,
  clientId: r.client_id,
  action: r.action,
  basis: r.basis,
  entity: r.entity,
  details: r.details,
  prevHash: r.prev_hash,
});

export const rowToAuditEvent = (r: AuditRow): AuditEvent => ({ ...rowToHashFields(r), details: parseDetails(r.details), hash: r.hash });

/**
 * NFC, and lone surrogates replaced: SQLite stores a lone surrogate as bytes that read back as
 * three U+FFFD, so an event holding one would fail its own verification.
 */
function cleanText(s: string): string {
  return s.replace(/\p{Cs}/gu, '\uFFFD').normalize('NFC');
}

/** JSON with sorted keys and clean strings, so the same details always store as the same text. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'string') return JSON.stringify(cleanText(value));
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new AppError('invalid_input', 'Audit details hold only finite numbers.');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v: unknown) => canonicalJson(v ?? null)).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [cleanText(k), v] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new AppError('invalid_input', 'Audit details hold only plain JSON values.');
}

/**
 * Format 1 of the hashed payload: a JSON object with exactly these keys in this order
 *   {"v":1,"seq":N,"at":S,"actorId":S,"clientId":S|null,"action":S,"basis":S,"entity":S|null,
 *    "details":S|null,"prevHash":S}
 * serialised by JSON.stringify (no whitespace), every string NFC-normalised with lone surrogates
 * replaced by U+FFFD, and hashed as UTF-8. `details` is the stored JSON text as a string, not a
 * nested object, so verification never depends on re-serialising parsed JSON. "v" leaves room for
 * a format 2 without making old events unverifiable.
 */
export function canonicalAuditPayload(e: AuditHashFields): string {
  const opt = (s: string | null): string | null => (s === null ? null : cleanText(s));
  return JSON.stringify({
    v: 1,
    seq: e.seq,
    at: cleanText(e.at),
    actorId: cleanText(e.actorId),
    clientId: opt(e.clientId),
    action: cleanText(e.action),
    basis: cleanText(e.basis),
    entity: opt(e.entity),
    details: opt(e.details),
    prevHash: cleanText(e.prevHash),
  });
}

export function hashAuditEvent(e: AuditHashFields): string {
  return createHash('sha256').update(canonicalAuditPayload(e), 'utf8').digest('hex');
}

interface HeadRow {
  seq: number;
  hash: string;
}

interface AuditStatements {
  head: () => HeadRow | undefined;
  append: (input: AppendAuditInput) => AuditEvent;
}

// Preparing three statements per event would be most of an append's cost.
const cache = new WeakMap<Db, AuditStatements>();

function statements(db: Db): AuditStatements {
  let s = cache.get(db);
  if (s) return s;
  const readHead = db.prepare('SELECT seq, hash FROM audit_head WHERE id = 1');
  const insert = db.prepare(
    `INSERT INTO audit_events (seq, at, actor_id, client_id, action, basis, entity, details, prev_hash, hash)
     VALUES (@seq, @at, @actorId, @clientId, @action, @basis, @entity, @details, @prevHash, @hash)`,
  );
  const moveHead = db.prepare('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1');
  const head = (): HeadRow | undefined => readHead.get() as HeadRow | undefined;
  const append = db.transaction((input: AppendAuditInput): AuditEvent => {
    const h = head();
    if (!h) throw new AppError('store_damaged', 'The access log has lost its head record.');
    const fields = toHashFields(input, h);
    const hash = hashAuditEvent(fields);
    insert.run({ ...fields, hash });
    moveHead.run(fields.seq, hash);
    return { ...fields, details: parseDetails(fields.details), hash };
  });
  // IMMEDIATE when alone, so another connection cannot take the same seq between our read and write;
  // inside a caller's transaction better-sqlite3 makes it a savepoint and the caller's lock applies.
  s = { head, append: (input) => append.immediate(input) };
  cache.set(db, s);
  return s;
}

function toHashFields(input: AppendAuditInput, head: HeadRow): AuditHashFields {
  const required = (name: string, v: string): string => {
    const s = cleanText(v);
    if (s.length === 0) throw new AppError('invalid_input', `An audit event needs ${name}.`);
    return s;
  };
  const optional = (v: string | null | undefined): string | null => (v == null || v === '' ? null : cleanText(v));
  const details = input.details == null ? null : canonicalJson(input.details);
  if (details !== null && details.length > MAX_DETAILS_CHARS) {
    throw new AppError('invalid_input', `Audit details are limited to ${MAX_DETAILS_CHARS} characters.`);
  }
  return {
    seq: head.seq + 1,
    at: (input.at ?? new Date()).toISOString(),
    actorId: required('an actor', input.actorId),
    clientId: optional(input.clientId),
    action: required('an action', input.action),
    basis: required('a basis', input.basis),
    entity: optional(input.entity),
    details,
    prevHash: head.hash,
  };
}

/**
 * Appends one event chained to the head, atomically. Call it inside the transaction that does the
 * read or write it records, so both happen or neither does.
 */
export function appendAudit(db: Db, input: AppendAuditInput): AuditEvent {
  return statements(db).append(input);
}

/**
 * Recomputes the whole chain, streaming, and reports the first event that cannot be trusted:
 * - gap: a seq is missing (a deleted event); firstBrokenSeq is the missing seq.
 * - hash_mismatch: the event's fields no longer give its hash (it was edited).
 * - order: the event is genuine but belongs at another seq (events were moved).
 * - chain_broken: the event is intact but does not link to its predecessor (the predecessor was
 *   edited and re-hashed); firstBrokenSeq is this event, the first whose link fails.
 * - truncated: the head names a later event than the last one present; firstBrokenSeq is the
 *   first missing seq.
 * - head_mismatch: the head disagrees with the last event some other way, or is missing.
 */
export function verifyAudit(db: Db): AuditVerification {
  // One read transaction, so an append on another connection cannot land between the walk and the head.
  return db.transaction((): AuditVerification => {
    const head = statements(db).head();
    let count = 0;
    let prevHash = GENESIS_HASH;
    let broken: { seq: number; reason: AuditBreak; row?: AuditRow } | undefined;
    for (const row of db.prepare('SELECT * FROM audit_events ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
      const expected = count + 1;
      if (row.seq !== expected) {
        broken = { seq: expected, reason: 'gap' };
        break;
      }
      if (hashAuditEvent(rowToHashFields(row)) !== row.hash) {
        broken = { seq: row.seq, reason: 'hash_mismatch', row };
        break;
      }
      if (row.prev_hash !== prevHash) {
        broken = { seq: row.seq, reason: 'chain_broken' };
        break;
      }
      count++;
      prevHash = row.hash;
    }
    if (broken) {
      const reason = broken.row && movedFrom(db, broken.row, head) !== undefined ? 'order' : broken.reason;
      return { ok: false, firstBrokenSeq: broken.seq, reason, count };
    }
    if (!head) return { ok: false, firstBrokenSeq: count + 1, reason: 'head_mismatch', count };
    if (head.seq > count) return { ok: false, firstBrokenSeq: count + 1, reason: 'truncated', count };
    if (head.seq < count) return { ok: false, firstBrokenSeq: head.seq + 1, reason: 'head_mismatch', count };
    if (head.hash !== prevHash) return { ok: false, firstBrokenSeq: Math.max(count, 1), reason: 'head_mismatch', count };
    return { ok: true, count, headSeq: head.seq };
  })();
}

/**
 * Where a row whose hash fails at its own seq genuinely belongs, if anywhere: the event whose
 * prev_hash names it (or the head) says where it was, and its hash must recompute at that seq.
 * Only runs once a break is found, so the full scan it may need costs nothing on a healthy log.
 */
function movedFrom(db: Db, row: AuditRow, head: HeadRow | undefined): number | undefined {
  const next = db.prepare('SELECT seq FROM audit_events WHERE prev_hash = ? LIMIT 1').get(row.hash) as { seq: number } | undefined;
  const at = next ? next.seq - 1 : head?.hash === row.hash ? head.seq : undefined;
  if (at === undefined || at === row.seq || at < 1) return undefined;
  return hashAuditEvent({ ...rowToHashFields(row), seq: at }) === row.hash ? at : undefined;
}

/** Everything recorded about one client, oldest first: what a client asking "who viewed my data" gets. */
export function listAuditForClient(db: Db, clientId: string): AuditEvent[] {
  const rows = db.prepare('SELECT * FROM audit_events WHERE client_id = ? ORDER BY seq').all(clientId) as AuditRow[];
  return rows.map(rowToAuditEvent);
}

/** Everything one professional did, oldest first (for supervising use of access rights). */
export function listAuditByActor(db: Db, actorId: string): AuditEvent[] {
  const rows = db.prepare('SELECT * FROM audit_events WHERE actor_id = ? ORDER BY seq').all(actorId) as AuditRow[];
  return rows.map(rowToAuditEvent);
}

export type AuditCsvColumn = 'seq' | 'at' | 'actor' | 'client' | 'action' | 'basis' | 'entity' | 'details';

export const AUDIT_CSV_COLUMNS: readonly AuditCsvColumn[] = ['seq', 'at', 'actor', 'client', 'action', 'basis', 'entity', 'details'];

export interface AuditCsvOptions {
  /** Which columns, in order; all of AUDIT_CSV_COLUMNS by default. */
  columns?: readonly AuditCsvColumn[];
  /** Default: the id. The UI passes display names. */
  actorName?: (actorId: string) => string;
  clientName?: (clientId: string) => string;
  /** Default: the stored UTC ISO-8601 string. */
  formatAt?: (at: string) => string;
  /** RFC 4180 says comma; Excel in a Finnish locale splits on semicolons. */
  delimiter?: ',' | ';';
  /** Excel reads UTF-8 without a byte-order mark as Windows-1252 and mangles ä and ö. */
  bom?: boolean;
}

/**
 * RFC 4180 CSV with a header row of the caller's (translated) labels, CRLF line ends. A field
 * starting with = + - @ TAB or CR gets a leading apostrophe so a spreadsheet shows it as text
 * instead of running it: names and details come from users (OWASP "CSV injection").
 */
export function auditEventsToCsv(events: Iterable<AuditEvent>, labels: Record<AuditCsvColumn, string>, options: AuditCsvOptions = {}): string {
  const { columns = AUDIT_CSV_COLUMNS, delimiter = ',' } = options;
  const field = (value: string): string => {
    const v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return v.includes('"') || v.includes(delimiter) || /[\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  };
  const cell = (e: AuditEvent, c: AuditCsvColumn): string => {
    switch (c) {
      case 'seq': return String(e.seq);
      case 'at': return options.formatAt ? options.formatAt(e.at) : e.at;
      case 'actor': return options.actorName ? options.actorName(e.actorId) : e.actorId;
      case 'client': return e.clientId === null ? '' : options.clientName ? options.clientName(e.clientId) : e.clientId;
      case 'action': return e.action;
      case 'basis': return e.basis;
      case 'entity': return e.entity ?? '';
      case 'details': return e.details === null ? '' : JSON.stringify(e.details);
    }
  };
  const lines = [columns.map((c) => field(labels[c])).join(delimiter)];
  for (const e of events) lines.push(columns.map((c) => field(cell(e, c))).join(delimiter));
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
