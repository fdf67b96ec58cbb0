/**
 * The preparer's worklist and the case search: cases joined with their client, preparer and the
 * client's written consent, read for lists. Only the SQL lives here; who may call it and the
 * access log are the backend's (electron/backend/worklist.ts).
 */
import type { CaseStatus } from '../../shared/domain/case.js';
import { addDays } from '../../shared/domain/dates.js';
import type { Db } from '../connection.js';
import { NAME_FOLDS, NAME_KEY } from '../migrations/0070-search-indexes.js';

export type WorklistView = 'mine' | 'waiting' | 'consent_expiring' | 'ready' | 'all';

export interface WorklistEntry {
  caseId: string;
  number: string;
  status: CaseStatus;
  clientId: string;
  clientName: string;
  /** Full code: the backend masks it before anything leaves. */
  identityCode: string | null;
  preparerName: string | null;
  updatedAt: string;
  proposedMeetingDate: string | null;
  /** The date of the meeting whose agenda lists the case now (a case is on at most one). */
  scheduledMeetingDate: string | null;
  /** See OPEN_ENDED; null when no written consent is valid today. */
  consentValidUntil: string | null;
}

/**
 * What `consentValidUntil` says for a written consent valid today without an end date. A date
 * later than any real one, so "latest end" is a plain max() and the column sorts as text.
 */
export const OPEN_ENDED = '9999-12-31';

interface EntryRow {
  case_id: string;
  number: string;
  status: string;
  client_id: string;
  client_name: string;
  identity_code: string | null;
  preparer_name: string | null;
  updated_at: string;
  proposed_meeting_date: string | null;
  scheduled_on: string | null;
  consent_until: string | null;
}

const rowToEntry = (r: EntryRow): WorklistEntry => ({
  caseId: r.case_id,
  number: r.number,
  status: r.status as CaseStatus,
  clientId: r.client_id,
  clientName: r.client_name,
  identityCode: r.identity_code,
  preparerName: r.preparer_name,
  updatedAt: r.updated_at,
  proposedMeetingDate: r.proposed_meeting_date,
  scheduledMeetingDate: r.scheduled_on,
  consentValidUntil: r.consent_until,
});

/**
 * The latest end among the client's written consents valid on $today, by the rule of
 * consentValidOn (shared/domain/preparation.ts). Oral consent covers one contact, not the
 * multisector work a worklist is about, so it never counts.
 */
const CONSENT_UNTIL = `(SELECT max(coalesce(n.valid_until, '${OPEN_ENDED}')) FROM consents n
  WHERE n.client_id = k.client_id AND n.form = 'written' AND n.given_on <= $today
    AND (n.withdrawn_on IS NULL OR n.withdrawn_on > $today) AND (n.valid_until IS NULL OR n.valid_until >= $today))`;

/** Items waiting or under way: at most one per case (index agenda_items_one_open_per_case, migration 0090). */
const OPEN_ITEM = "ai.case_id = k.id AND ai.state IN ('pending', 'in_progress')";
const SCHEDULED_ON = `(SELECT m.date FROM agenda_items ai JOIN meetings m ON m.id = ai.meeting_id WHERE ${OPEN_ITEM})`;

const COLUMNS = `SELECT k.id AS case_id, k.number, k.status, k.client_id, c.name AS client_name, c.identity_code,
    u.display_name AS preparer_name, k.updated_at, k.proposed_meeting_date, ${SCHEDULED_ON} AS scheduled_on, ${CONSENT_UNTIL} AS consent_until`;
const SELECT = `${COLUMNS} FROM cases k JOIN clients c ON c.id = k.client_id LEFT JOIN users u ON u.id = k.preparer_id`;

/**
 * "Consent expiring" lists what the preparer must renew or obtain before the team may share data:
 *  - the consent valid today ends within 30 days ($soonEnd is the day after that window), or
 *  - it ends before the proposed meeting, where the team would need it, or
 *  - no written consent is valid today although the case is past 'referred': from preparation on
 *    the organisations exchange data, and later phases got there with a valid consent (the
 *    checklist requires one), so a missing one means it lapsed or was withdrawn. A just-referred
 *    case has no consent yet as a matter of course; it is in 'waiting' instead.
 * Written as one comparison so the consent subquery runs once per case: no consent reads as ''
 * (before every date) except for referred cases, where it reads as OPEN_ENDED (never due).
 */
const CONSENT_DUE = `coalesce(${CONSENT_UNTIL}, CASE WHEN k.status = 'referred' THEN '${OPEN_ENDED}' ELSE '' END)
  < max($soonEnd, coalesce(k.proposed_meeting_date, ''))`;

/**
 * Every view filters on a condition the planner can see next to `status <> 'closed'`, so the
 * partial indexes of migration 0070 serve it in `updated_at` order. The unary + on the status
 * list keeps the planner on that order instead of reading both statuses and sorting them.
 */
const VIEW_FILTER: Record<WorklistView, string> = {
  all: '',
  mine: 'AND k.preparer_id = $userId',
  waiting: "AND +k.status IN ('referred', 'in_preparation')",
  // Ready and not yet on an agenda: what the chair still has to schedule.
  ready: `AND k.status = 'ready_for_team' AND NOT EXISTS (SELECT 1 FROM agenda_items ai WHERE ${OPEN_ITEM})`,
  consent_expiring: `AND ${CONSENT_DUE}`,
};

export interface WorklistQuery {
  view: WorklistView;
  status: CaseStatus | null;
  userId: string;
  /** YYYY-MM-DD, the Finnish calendar day. */
  today: string;
  limit: number;
}

/** Open cases of one view, newest change first. */
export function listWorklist(db: Db, q: WorklistQuery): WorklistEntry[] {
  const sql = `${SELECT}
    WHERE k.status <> 'closed' ${VIEW_FILTER[q.view]} ${q.status ? 'AND k.status = $status' : ''}
    ORDER BY k.updated_at DESC, k.rowid DESC LIMIT $limit`;
  const params = { today: q.today, soonEnd: addDays(q.today, 31), userId: q.userId, status: q.status, limit: q.limit };
  return (db.prepare(sql).all(params) as EntryRow[]).map(rowToEntry);
}

// Search. A client's open case first, then the newest closed ones.
const CASE_ORDER = "(k.status = 'closed'), k.updated_at DESC, k.rowid DESC";

/** Every case of the client with this (canonical) identity code. */
export function searchByIdentityCode(db: Db, identityCode: string, today: string, limit: number): WorklistEntry[] {
  const sql = `${SELECT} WHERE c.identity_code = $code ORDER BY ${CASE_ORDER} LIMIT $limit`;
  return (db.prepare(sql).all({ code: identityCode, today, limit }) as EntryRow[]).map(rowToEntry);
}

export function searchByCaseNumber(db: Db, number: string, today: string): WorklistEntry[] {
  return (db.prepare(`${SELECT} WHERE k.number = $number`).all({ number, today }) as EntryRow[]).map(rowToEntry);
}

/** A name or query as the index clients_name_key holds it (migration 0070): ASCII lower case, accents folded. */
const FOLD = new Map(NAME_FOLDS);
export function foldName(s: string): string {
  return [...s.normalize('NFC')].map((ch) => FOLD.get(ch) ?? (ch >= 'A' && ch <= 'Z' ? ch.toLowerCase() : ch)).join('');
}

/** The words of a name query, folded, duplicates dropped. */
export function queryWords(query: string): string[] {
  return [...new Set(foldName(query).split(/\s+/u).filter(Boolean))];
}

/**
 * Cases of clients whose name holds every word (in any order, case and accents ignored: `makinen`
 * and `MÄKINEN` find Mäkinen). Names where every word starts a name part come first, then by name.
 *
 * Two steps: pick the cases from the two covering indexes (folded names with client ids, then
 * cases by client), and read rows and the consent subquery only for the few that are returned.
 * The planner cannot tell how selective instr() on a bound word is and would rather walk every
 * case, so MATERIALIZED and CROSS JOIN fix the order: matching names first.
 */
export function searchByName(db: Db, words: readonly string[], today: string, limit: number): WorklistEntry[] {
  if (words.length === 0) return [];
  const params: Record<string, string | number> = { today, limit };
  const match: string[] = [];
  const notAtStart: string[] = [];
  words.forEach((w, i) => {
    Object.assign(params, { [`w${i}`]: w, [`sw${i}`]: ` ${w}`, [`hw${i}`]: `-${w}` });
    match.push(`instr(key, $w${i}) > 0`);
    notAtStart.push(`NOT (instr(key, $w${i}) = 1 OR instr(key, $sw${i}) > 0 OR instr(key, $hw${i}) > 0)`);
  });
  const sql = `WITH m AS MATERIALIZED (
      SELECT id, key, ${notAtStart.map((x) => `(${x})`).join(' + ')} AS rank
      FROM (SELECT id, ${NAME_KEY} AS key FROM clients) WHERE ${match.join(' AND ')}
    ), picked AS MATERIALIZED (
      SELECT k.rowid AS kr, m.rank, m.key FROM m CROSS JOIN cases k ON k.client_id = m.id
      ORDER BY m.rank, m.key, m.id, ${CASE_ORDER} LIMIT $limit
    )
    ${COLUMNS} FROM picked CROSS JOIN cases k ON k.rowid = picked.kr JOIN clients c ON c.id = k.client_id LEFT JOIN users u ON u.id = k.preparer_id
    ORDER BY picked.rank, picked.key, c.id, ${CASE_ORDER}`;
  return (db.prepare(sql).all(params) as EntryRow[]).map(rowToEntry);
}
