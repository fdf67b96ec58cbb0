import type { Db } from '../connection.js';

/**
 * Letters folded for name search to the ASCII they are typed as without the accent: Finnish and
 * Swedish, Sámi, and the Latin letters of names common in Finland. A fixed list, not all of
 * Unicode, because SQLite compiles the whole expression into every statement that writes a
 * client: these 135 pairs add 0.4–0.7 ms to preparing an insert or update of a client (measured),
 * all 250 letters of Latin-1 and Latin Extended-A/B about four times that.
 * Letters outside the list still match as typed (and in either case if they are ASCII).
 */
const DECOMPOSING = 'äåöáàâãéèêëíìîïóòôõúùûüýÿçñćčśšşșźżžńňřěůőűğąęėįųāēīūţțďťľĺŕ';
const OTHERS: [string, string][] = [['ø', 'o'], ['æ', 'ae'], ['ß', 'ss'], ['đ', 'd'], ['ł', 'l'], ['ŋ', 'n'], ['ŧ', 't'], ['ı', 'i']];

function nameFolds(): [string, string][] {
  const lower: [string, string][] = [...[...DECOMPOSING].map((ch): [string, string] => [ch, ch.normalize('NFD').replace(/\p{M}/gu, '')]), ...OTHERS];
  const upper = lower.map(([ch, base]): [string, string] => [ch.toUpperCase(), base]).filter(([up]) => [...up].length === 1 && up > '\u007f');
  return [...lower, ...upper, ['İ', 'i']];
}

export const NAME_FOLDS: readonly (readonly [string, string])[] = nameFolds();

/**
 * The client's name as search compares it: lower case, accents folded (Öhman → ohman). SQLite's
 * LIKE and lower() fold ASCII only, so without this `öhman` would not find Öhman. Only built-in
 * deterministic functions: any connection (the CLI, a restore, a future version) maintains the
 * index without registering anything. db/repositories/worklist.ts queries with this exact text,
 * because SQLite uses an index on an expression only for an identical expression.
 */
export const NAME_KEY = NAME_FOLDS.reduce((sql, [from, to]) => `replace(${sql}, '${from}', '${to}')`, 'lower(name)');

/**
 * Indexes for the worklist and case search, chosen by measuring bench/search.ts (50,000 clients,
 * 60,000 cases). The worklist views read open cases newest first and stop at the limit, so the
 * partial indexes hold open cases in `updated_at` order: no sort of every open case per query.
 */
export function up(db: Db): void {
  db.exec(`
    -- Name search scans this instead of the clients: folded names already computed, and with the
    -- id a match goes straight to its cases.
    CREATE INDEX clients_name_key ON clients(${NAME_KEY}, id);
    -- Search returns closed cases too (the unique index on client_id holds open ones only); the
    -- status is here so that ordering a client's cases needs no row.
    CREATE INDEX cases_client ON cases(client_id, status, updated_at);
    -- 'all', 'waiting' and 'consent_expiring' walk this newest first until the limit is filled.
    CREATE INDEX cases_open_updated ON cases(updated_at) WHERE status <> 'closed';
    -- 'mine'.
    CREATE INDEX cases_open_preparer ON cases(preparer_id, updated_at) WHERE status <> 'closed';
    -- Every row's "written consent valid until" without reading the consents themselves.
    CREATE INDEX consents_written_client ON consents(client_id, given_on, valid_until, withdrawn_on) WHERE form = 'written';
  `);
}
