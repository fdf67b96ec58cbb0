/**
 * `npx tsc -p tsconfig.node.json && node dist/node/bench/search.js`: the worklist and the case
 * search on 50,000 clients and 60,000 cases (BENCH_SEARCH_CLIENTS, BENCH_SEARCH_RUNS). Seeded;
 * dates are relative to today, so consent windows look the same whichever day it runs. Printed,
 * not asserted. The same seeded queries are timed three ways:
 *   backend/enc: createBackend + invoke on the real encrypted store: input parsing, role check,
 *                the SQL, masking, output check and the access-log event (a committed transaction
 *                with synchronous=FULL), i.e. what the UI waits for minus the transport
 *   repo/enc:    the repository functions alone on that store
 *   repo/plain:  the same functions on an unencrypted copy of that store (same pages, same pragmas)
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../electron/backend/index.js';
import { classify } from '../electron/backend/worklist.js';
import { openEncrypted, type Db } from '../db/connection.js';
import { insertCase, upsertReferral } from '../db/repositories/cases.js';
import { insertClient } from '../db/repositories/clients.js';
import { insertConsent } from '../db/repositories/consents.js';
import { savePlanning } from '../db/repositories/preparation.js';
import { insertUser } from '../db/repositories/users.js';
import { listWorklist, searchByCaseNumber, searchByIdentityCode, searchByName, type WorklistView } from '../db/repositories/worklist.js';
import { createStore, openStore, storePaths } from '../db/store.js';
import { CASE_STATUSES, formatCaseNumber, type CaseStatus } from '../shared/domain/case.js';
import { todayInFinland } from '../shared/domain/dates.js';
import { makeHenkilotunnus } from '../shared/domain/henkilotunnus.js';
import { name, rng } from './rng.js';

const SEED = 50_000;
const CLIENTS = Number(process.env.BENCH_SEARCH_CLIENTS ?? 50_000);
const CASES = Math.round(CLIENTS * 1.2);
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 200);
const PREPARERS = 20;
const KDF = { name: 'scrypt' as const, N: 2 ** 12, r: 8, p: 1 };
const PASSWORD = 'benchmark password';
const TODAY = todayInFinland();
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * DAY).toISOString().slice(0, 10);
const OPEN: readonly CaseStatus[] = CASE_STATUSES.filter((s) => s !== 'closed');

/** What the query generators draw from: the names, codes and numbers actually stored. */
interface Fixture {
  names: string[];
  codes: string[];
  numbers: string[];
}

const SYLLABLES = ['ko', 'ski', 'lah', 'ti', 'mä', 'ki', 'ran', 'ta', 'jär', 'vi', 'pel', 'to', 'sa', 'lo', 'hon', 'ka', 'rä', 'ne', 'ström', 'berg'];

/** name() alone gives 108 names; half the clients get a generated surname so that rare names exist. */
function clientName(r: () => number): string {
  const base = name(r);
  if (r() < 0.5) return base;
  const parts = Array.from({ length: 2 + Math.floor(r() * 2) }, () => SYLLABLES[Math.floor(r() * SYLLABLES.length)]!).join('');
  return `${base.split(' ')[0]} ${parts[0]!.toUpperCase()}${parts.slice(1)}nen`;
}

/** Same seed, same rows: the encrypted store and the plain copy hold identical data. */
function populate(db: Db, adminId: string): Fixture {
  const r = rng(SEED);
  const users = [adminId];
  const fx: Fixture = { names: [], codes: [], numbers: [] };
  const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString();
  db.transaction(() => {
    for (let i = 1; i < PREPARERS; i++) {
      const id = `preparer-${i}`;
      insertUser(db, { id, username: `valmistelija${i}`, displayName: `${name(r)} ${i}`, profession: 'social_worker', organisation: 'Bench', role: 'team_member', active: true, mustChangePassword: false, createdAt: at(3000), deactivatedAt: null });
      users.push(id);
    }
    const codes = new Set<string>();
    for (let i = 0; i < CLIENTS; i++) {
      let identityCode: string | null = null;
      if (r() < 0.7) {
        do {
          const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(r() * 55 * 365) * DAY);
          identityCode = makeHenkilotunnus({ year: birth.getUTCFullYear(), month: birth.getUTCMonth() + 1, day: birth.getUTCDate() }, 900 + Math.floor(r() * 100));
        } while (codes.has(identityCode));
        codes.add(identityCode);
        fx.codes.push(identityCode);
      }
      const n = clientName(r);
      fx.names.push(n);
      insertClient(db, { id: `client-${i}`, name: n, language: r() < 0.1 ? 'sv' : 'fi', createdAt: at(2500 - i / 25), createdBy: adminId, identityCode });
    }
  })();

  // One case per client, a second one (after a closed first) for the rest; then numbered by year in creation order.
  const plan = Array.from({ length: CASES }, (_, i) => ({ client: i < CLIENTS ? i : Math.floor(r() * CLIENTS), created: Math.floor(r() * 2400) }));
  const last = new Map<number, number>();
  plan.forEach((p, i) => {
    const prev = last.get(p.client);
    if (prev === undefined || plan[prev]!.created < p.created) last.set(p.client, i);
  });
  const order = plan.map((_, i) => i).sort((a, b) => plan[b]!.created - plan[a]!.created);
  const perYear = new Map<number, number>();
  db.transaction(() => {
    for (const i of order) {
      const p = plan[i]!;
      const created = at(p.created);
      const year = Number(created.slice(0, 4));
      const seq = (perYear.get(year) ?? 0) + 1;
      perYear.set(year, seq);
      const number = formatCaseNumber(year, seq);
      fx.numbers.push(number);
      const status: CaseStatus = last.get(p.client) === i ? CASE_STATUSES[Math.floor(r() * CASE_STATUSES.length)]! : 'closed';
      const updated = at(p.created * r());
      const id = `case-${i}`;
      insertCase(db, {
        id, number, clientId: `client-${p.client}`, status, outcome: status === 'closed' ? 'other' : null, preparerId: users[Math.floor(r() * users.length)]!,
        createdAt: created, updatedAt: updated, closedAt: status === 'closed' ? updated : null,
      });
      upsertReferral(db, id, { source: 'employment_authority', referrerName: name(r), referrerOrganisation: 'TE', referralDate: created.slice(0, 10), reason: 'Osatyökykyisyys.', attachments: [] });
      if ((status === 'in_preparation' || status === 'ready_for_team') && r() < 0.5) savePlanning(db, id, '', day(1 + Math.floor(r() * 60)), updated);
      // Consents for most cases past referral: written (some open-ended, some withdrawn), a few oral.
      if (status !== 'closed' && r() < (status === 'referred' ? 0.1 : 0.75)) {
        const given = -Math.floor(r() * 700);
        const form = r() < 0.1 ? 'oral' : 'written';
        const until = form === 'oral' ? day(given) : r() < 0.2 ? null : day(given + 30 + Math.floor(r() * 900));
        insertConsent(db, {
          id: `consent-${i}`, clientId: `client-${p.client}`, form, organisations: ['kela', 'employment_authority'], otherOrganisations: [],
          dataCategories: ['basic', 'employment'], givenOn: day(given), validUntil: until, withdrawnOn: r() < 0.05 ? day(Math.floor(given / 2)) : null, note: '', recordedBy: adminId, recordedAt: at(-given),
        });
      }
    }
  })();
  return fx;
}

type Query = { channel: 'worklist.list'; input: { view: WorklistView; status?: CaseStatus } } | { channel: 'search.cases'; input: { query: string } };

/** Typed the way people type: mostly lower case, sometimes without the accents. */
function typed(r: () => number, s: string): string {
  const lower = r() < 0.7 ? s.toLowerCase() : s;
  return r() < 0.3 ? lower.normalize('NFD').replace(/\p{M}/gu, '') : lower;
}

function queryKinds(fx: Fixture): [string, (r: () => number) => Query][] {
  const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const rare = fx.names.filter((n) => n.endsWith('nen') && n.split(' ')[1]!.length > 9);
  const views: WorklistView[] = ['mine', 'waiting', 'consent_expiring', 'ready', 'all'];
  return [
    ...views.flatMap((view): [string, (r: () => number) => Query][] => [
      [`worklist ${view}`, () => ({ channel: 'worklist.list', input: { view } })],
      [`worklist ${view} + status`, (r) => ({ channel: 'worklist.list', input: { view, status: pick(r, OPEN) } })],
    ]),
    ['name: 1 common word', (r) => ({ channel: 'search.cases', input: { query: typed(r, pick(r, fx.names).split(' ')[0]!) } })],
    ['name: 1 rare word', (r) => ({ channel: 'search.cases', input: { query: typed(r, pick(r, rare).split(' ')[1]!) } })],
    ['name: 2 words', (r) => ({ channel: 'search.cases', input: { query: typed(r, pick(r, fx.names).split(' ').reverse().join(' ')) } })],
    ['name: word part', (r) => ({ channel: 'search.cases', input: { query: typed(r, pick(r, fx.names).split(' ')[1]!.slice(1, 5)) } })],
    ['identity code', (r) => ({ channel: 'search.cases', input: { query: pick(r, fx.codes).toLowerCase() } })],
    ['case number', (r) => ({ channel: 'search.cases', input: { query: pick(r, fx.numbers).replace(/-0+/, '-') } })],
  ];
}

/** The repository call the backend makes for a query (same defaults). */
function direct(db: Db, q: Query, userId: string): unknown[] {
  if (q.channel === 'worklist.list') return listWorklist(db, { view: q.input.view, status: q.input.status ?? null, userId, today: TODAY, limit: 200 });
  const c = classify(q.input.query);
  return c.kind === 'identity_code' ? searchByIdentityCode(db, c.code, TODAY, 50) : c.kind === 'case_number' ? searchByCaseNumber(db, c.number, TODAY) : searchByName(db, c.words, TODAY, 50);
}

interface Stats { median: number; p95: number; rows: number }
const MODES = ['backend/enc', 'repo/enc', 'repo/plain'] as const;
type Runner = (q: Query) => Promise<number> | number;

/**
 * The given ways take turns query by query (starting with a different one each time), so that
 * whatever else the machine is doing falls on all of them alike rather than on whichever ran last.
 */
async function measure<M extends string>(kinds: [string, (r: () => number) => Query][], runners: Record<M, Runner>): Promise<Map<string, Record<M, Stats>>> {
  const modes = Object.keys(runners) as M[];
  const out = new Map<string, Record<M, Stats>>();
  for (const [kind, gen] of kinds) {
    const r = rng(SEED + kind.length * 7919 + kind.charCodeAt(kind.length - 1));
    const queries = Array.from({ length: RUNS }, () => gen(r));
    // Warm the page caches and statement paths.
    for (const q of queries.slice(0, 10)) for (const m of modes) await runners[m](q);
    const times = new Map(modes.map((m) => [m, [] as number[]]));
    const rows = new Map(modes.map((m) => [m, 0]));
    for (const [i, q] of queries.entries()) {
      for (let j = 0; j < modes.length; j++) {
        const m = modes[(i + j) % modes.length]!;
        const t = performance.now();
        const n = await runners[m](q);
        times.get(m)!.push(performance.now() - t);
        rows.set(m, rows.get(m)! + n);
      }
    }
    const stats = (m: M): Stats => {
      const xs = times.get(m)!.sort((a, b) => a - b);
      return { median: xs[Math.floor(RUNS / 2)]!, p95: xs[Math.ceil(RUNS * 0.95) - 1]!, rows: rows.get(m)! / RUNS };
    };
    out.set(kind, Object.fromEntries(modes.map((m) => [m, stats(m)])) as Record<M, Stats>);
  }
  return out;
}

/**
 * The plain copy is the encrypted file decrypted in place (SQLite3 Multiple Ciphers rekeys to no
 * key outside WAL mode): the same pages in the same order, so only the cipher differs. Building it
 * again through the inserts would take as long as the store itself and lay the pages out afresh.
 */
function plainCopy(encrypted: string, path: string, key: Buffer): Db {
  copyFileSync(encrypted, path);
  const db = openEncrypted(path, key);
  db.pragma('journal_mode = DELETE');
  db.pragma("rekey = ''");
  db.close();
  const plain = new Database(path);
  for (const p of ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'secure_delete = ON']) plain.pragma(p);
  if (plain.prepare('SELECT count(*) AS n FROM cases').get() === undefined) throw new Error('plain copy unreadable');
  return plain;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tiimipoyta-bench-search-'));
  const storeDir = join(dir, 'store');
  try {
    let t = performance.now();
    const created = await createStore(storeDir, { organisationName: 'Bench', admin: { displayName: 'Bench', username: 'bench', profession: 'social_worker' }, password: PASSWORD }, KDF);
    const adminId = created.user.id;
    const fx = populate(created.db, adminId);
    created.db.close();
    console.log(`encrypted store: ${CLIENTS} clients (${fx.codes.length} with identity codes), ${CASES} cases, built in ${(performance.now() - t).toFixed(0)} ms`);
    t = performance.now();
    const plain = plainCopy(storePaths(storeDir).db, join(dir, 'plain.db'), created.key);
    console.log(`plain copy (decrypted page for page) in ${(performance.now() - t).toFixed(0)} ms`);

    const kinds = queryKinds(fx);
    const backend = createBackend({ dataDir: storeDir, version: 'bench', kdf: KDF, log: (m) => console.error(m) });
    const signIn = await backend.invoke('session.signIn', { username: 'bench', password: PASSWORD });
    if (!signIn.ok) throw new Error(`sign-in: ${signIn.error.code}`);
    const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
    console.log(`load average (${cpus().length} CPUs) before: ${load()}`);
    // Alone: every call commits an access-log event, and a commit by one connection empties the
    // page cache of every other connection on the file, which would penalise repo/enc.
    const viaBackend = await measure(kinds, {
      'backend/enc': async (q) => {
        const res = await backend.invoke(q.channel, q.input);
        if (!res.ok) throw new Error(`${q.channel}: ${res.error.code} ${res.error.message}`);
        return (res.value as unknown[]).length;
      },
    });
    backend.close();
    console.log(`load average after backend/enc: ${load()}`);
    const enc = await openStore(storeDir, 'bench', PASSWORD, KDF);
    const viaRepo = await measure(kinds, {
      'repo/enc': (q) => direct(enc.db, q, adminId).length,
      'repo/plain': (q) => direct(plain, q, adminId).length,
    });
    console.log(`load average after repo/enc + repo/plain (taking turns): ${load()}`);
    enc.db.close();
    plain.close();

    const f = (s: Stats) => `${s.median.toFixed(2).padStart(6)} ${s.p95.toFixed(2).padStart(6)}`;
    console.log(`\n${RUNS} seeded queries per kind, milliseconds; rows = mean rows returned (limits: list 200, search 50)`);
    console.log(`${'query kind'.padEnd(34)} ${MODES.map((m) => m.padStart(13)).join('   ')}   rows`);
    console.log(`${''.padEnd(34)} ${MODES.map(() => 'median    p95'.padStart(13)).join('   ')}`);
    for (const [kind, r] of viaBackend) {
      const all = { ...r, ...viaRepo.get(kind)! };
      console.log(`${kind.padEnd(34)} ${MODES.map((m) => f(all[m])).join('   ')}   ${r['backend/enc'].rows.toFixed(0).padStart(4)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
