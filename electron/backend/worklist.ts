/**
 * The preparer's worklist and the case search. A list shows many clients at once, so each call is
 * logged as one access event for the list (view or search kind, and how many rows it showed)
 * rather than one per row; opening a client from it is logged as that client's read.
 */
import type { Output, ParsedInput, WorklistRow } from '../../shared/api/contract.js';
import { formatCaseNumber } from '../../shared/domain/case.js';
import { todayInFinland } from '../../shared/domain/dates.js';
import { maskHenkilotunnus, parseHenkilotunnus } from '../../shared/domain/henkilotunnus.js';
import { listWorklist, queryWords, searchByCaseNumber, searchByIdentityCode, searchByName, type WorklistEntry } from '../../db/repositories/worklist.js';
import { withAccess } from './access.js';
import { requireUser, type BackendContext } from './context.js';

const DEFAULT_LIST_LIMIT = 200;
const DEFAULT_SEARCH_LIMIT = 50;

function toRow(e: WorklistEntry): WorklistRow {
  const { identityCode, ...rest } = e;
  return { ...rest, identityCodeMasked: identityCode ? maskHenkilotunnus(identityCode) : null };
}

export function list(ctx: BackendContext, input: ParsedInput<'worklist.list'>): Output<'worklist.list'> {
  const s = requireUser(ctx);
  const { view } = input;
  return withAccess(s, (rows: WorklistRow[]) => ({ action: 'case.worklist', basis: 'case_preparation', entity: 'worklist', details: { view, rows: rows.length } }), () =>
    listWorklist(s.db, { view, status: input.status ?? null, userId: s.user.id, today: todayInFinland(), limit: input.limit ?? DEFAULT_LIST_LIMIT }).map(toRow),
  );
}

export type SearchKind = 'identity_code' | 'case_number' | 'name';

/**
 * Case numbers are typed as printed (2026-0042) or without the zeros (2026-42). Up to six digits,
 * because the running number is padded to at least four, not cut at four.
 */
const CASE_NUMBER = /^(\d{4})-(\d{1,6})$/;

/** What the query is: a full valid identity code, a case number, or words of a name. */
export function classify(query: string): { kind: 'identity_code'; code: string } | { kind: 'case_number'; number: string } | { kind: 'name'; words: string[] } {
  const hetu = parseHenkilotunnus(query);
  if (hetu.ok) return { kind: 'identity_code', code: hetu.code };
  const m = CASE_NUMBER.exec(query.trim());
  if (m) return { kind: 'case_number', number: formatCaseNumber(Number(m[1]), Number(m[2])) };
  return { kind: 'name', words: queryWords(query) };
}

/** Open and closed cases: a client who comes back must be found with their history. */
export function search(ctx: BackendContext, input: ParsedInput<'search.cases'>): Output<'search.cases'> {
  const s = requireUser(ctx);
  const q = classify(input.query);
  const limit = input.limit ?? DEFAULT_SEARCH_LIMIT;
  const today = todayInFinland();
  // The query itself is never logged: it may be an identity code or a name.
  return withAccess(s, (rows: WorklistRow[]) => ({ action: 'case.search', basis: 'case_preparation', entity: 'search', details: { kind: q.kind, rows: rows.length } }), () => {
    const found =
      q.kind === 'identity_code' ? searchByIdentityCode(s.db, q.code, today, limit)
      : q.kind === 'case_number' ? searchByCaseNumber(s.db, q.number, today)
      : searchByName(s.db, q.words, today, limit);
    return found.map(toRow);
  });
}
