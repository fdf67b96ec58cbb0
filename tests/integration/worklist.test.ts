import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditByActor } from '../../db/audit.js';
import { migrate } from '../../db/migrate.js';
import { NAME_FOLDS, NAME_KEY } from '../../db/migrations/0070-search-indexes.js';
import { foldName } from '../../db/repositories/worklist.js';
import { openStore } from '../../db/store.js';
import { todayInFinland } from '../../shared/domain/dates.js';
import { SETUP, testBackend } from '../fixtures/backend.js';
import { FAST_KDF, PASSWORD, tempDir } from '../fixtures/tmp.js';

/**
 * One store for the whole file, built once through the backend channels (the worklist only
 * reads, so the tests cannot disturb each other); the access-log test reopens it at the end.
 */
let dir: string;
let cleanup: () => void;
let b: ReturnType<typeof testBackend>;
const today = todayInFinland();
const inDays = (n: number) => new Date(Date.parse(`${today}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

type Row = { caseId: string; number: string; status: string; clientId: string; clientName: string; identityCodeMasked: string | null; preparerName: string | null; updatedAt: string; proposedMeetingDate: string | null; consentValidUntil: string | null };
const cases: Record<string, { id: string; number: string }> = {};
let ainoId = '';

const referral = { source: 'employment_authority', referrerName: '', referrerOrganisation: 'TE-palvelut', referralDate: today, reason: 'Pitkä työttömyys', attachments: [] };
const written = (clientId: string, validUntil: string | null) => ({ clientId, form: 'written', organisations: ['employment_authority', 'kela'], otherOrganisations: [], dataCategories: ['basic', 'employment'], givenOn: today, validUntil, note: '' });

async function client(key: string, name: string, opts: { identityCode?: string; status?: 'in_preparation' } = {}): Promise<string> {
  const c = await b.value<{ id: string }>('clients.create', { name, language: 'fi', ...(opts.identityCode ? { identityCode: opts.identityCode } : {}) });
  cases[key] = await b.value<{ id: string; number: string }>('cases.create', { clientId: c.id, referral });
  if (opts.status) await b.value('cases.setStatus', { caseId: cases[key]!.id, status: opts.status });
  return c.id;
}

async function makeReady(key: string, clientId: string) {
  const caseId = cases[key]!.id;
  await b.value('consents.create', written(clientId, inDays(180)));
  const sections = [
    { section: 'education', data: { level: 'vocational', qualifications: 'Lähihoitaja' }, text: '' },
    { section: 'work_history', data: { entries: [] }, text: 'Kaupan alalla 2015–2020.' },
    { section: 'health', data: {}, text: 'Selkävaivoja.' },
    { section: 'social', data: { housing: 'Vuokra-asunto', finances: '', family: '', debts: '' }, text: '' },
    { section: 'benefits', data: { items: [{ benefit: 'labour_market_subsidy', status: 'receives', note: '' }] }, text: '' },
  ];
  for (const section of sections) await b.value('cases.saveSection', { caseId, section });
  await b.value('cases.saveClientView', { caseId, view: { goals: 'Työkokeilu', helps: '', hinders: '', selfRating: 5, waiTotal: null, kykyviisari: {} } });
  await b.value('cases.savePlanning', { caseId, bringNote: '', proposedMeetingDate: inDays(14) });
  await b.value('cases.setStatus', { caseId, status: 'ready_for_team' });
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  b = testBackend(dir);
  ainoId = (await b.value<{ status: { user: { id: string } } }>('store.create', SETUP)).status.user.id;

  // Consent ends within 30 days.
  const a = await client('A', 'Kalle Korhonen', { identityCode: '131052-308T', status: 'in_preparation' });
  await b.value('consents.create', written(a, inDays(10)));
  // Just referred: waiting, and no consent is expected yet.
  await client('B', 'Åsa Öhman');
  await makeReady('C', await client('C', 'Liisa Laine', { status: 'in_preparation' }));
  // In preparation without written consent (an oral one covers one contact only).
  const d = await client('D', 'Matti Mäkinen', { status: 'in_preparation' });
  await b.value('consents.create', { ...written(d, null), form: 'oral' });
  // Written consent without an end date.
  await b.value('consents.create', written(await client('E', 'Eino Virtanen', { status: 'in_preparation' }), null));
  // A closed case and a new one whose consent ends before the proposed meeting.
  const f = await client('F1', 'Zoë Lindqvist');
  await b.value('cases.setStatus', { caseId: cases.F1!.id, status: 'closed', outcome: 'education' });
  cases.F2 = await b.value<{ id: string; number: string }>('cases.create', { clientId: f, referral });
  await b.value('cases.setStatus', { caseId: cases.F2.id, status: 'in_preparation' });
  await b.value('consents.create', written(f, inDays(60)));
  await b.value('cases.savePlanning', { caseId: cases.F2.id, bringNote: '', proposedMeetingDate: inDays(90) });
  // Consent withdrawn today.
  const h = await client('H', 'Leena Hämäläinen', { status: 'in_preparation' });
  const withdrawn = await b.value<{ id: string }>('consents.create', written(h, inDays(100)));
  await b.value('consents.withdraw', { consentId: withdrawn.id, withdrawnOn: today });
  // For ranking: "kal" starts a word of the first two names, and sits inside the third.
  await client('K1', 'Mikko Haukala');
  await client('K2', 'Anna Kallio');

  // Another preparer's case.
  await b.value('users.create', { username: 'ville', displayName: 'Ville Valmistelija', profession: 'social_instructor', organisation: '', role: 'team_member', password: 'ville first password' });
  await b.value('session.lock');
  await b.value('session.signIn', { username: 'ville', password: 'ville first password' });
  await b.value('session.changePassword', { currentPassword: 'ville first password', newPassword: 'ville own password' });
  await client('G', 'Pekka Nieminen');
  await b.value('session.lock');
  await b.value('session.signIn', { username: 'aino', password: PASSWORD });
});
afterAll(() => {
  b.backend.close();
  cleanup();
});

const list = (input: Record<string, unknown>) => b.value<Row[]>('worklist.list', input);
const search = (query: string) => b.value<Row[]>('search.cases', { query });
const keys = (rows: Row[]) => rows.map((r) => Object.keys(cases).find((k) => cases[k]!.id === r.caseId)).sort();

describe('worklist views', () => {
  it("'all' holds every open case, newest change first, never a closed one", async () => {
    const rows = await list({ view: 'all' });
    expect(keys(rows)).toEqual(['A', 'B', 'C', 'D', 'E', 'F2', 'G', 'H', 'K1', 'K2']);
    const times = rows.map((r) => r.updatedAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(await list({ view: 'all', limit: 2 })).toHaveLength(2);
  });

  it("'mine' is the signed-in preparer's; 'waiting' and 'ready' go by status; the status filter narrows any view", async () => {
    expect(keys(await list({ view: 'mine' }))).toEqual(['A', 'B', 'C', 'D', 'E', 'F2', 'H', 'K1', 'K2']);
    expect(keys(await list({ view: 'waiting' }))).toEqual(['A', 'B', 'D', 'E', 'F2', 'G', 'H', 'K1', 'K2']);
    expect(keys(await list({ view: 'waiting', status: 'referred' }))).toEqual(['B', 'G', 'K1', 'K2']);
    expect(keys(await list({ view: 'ready' }))).toEqual(['C']);
    expect(keys(await list({ view: 'all', status: 'in_preparation' }))).toEqual(['A', 'D', 'E', 'F2', 'H']);
    expect(keys(await list({ view: 'mine', status: 'ready_for_team' }))).toEqual(['C']);
    expect(await list({ view: 'ready', status: 'referred' })).toEqual([]);
    expect(await list({ view: 'all', status: 'closed' })).toEqual([]);
  });

  it("'consent_expiring': ending within 30 days, ending before the meeting, or missing past referral", async () => {
    expect(keys(await list({ view: 'consent_expiring' }))).toEqual(['A', 'D', 'F2', 'H']);
    expect(keys(await list({ view: 'consent_expiring', status: 'in_preparation' }))).toEqual(['A', 'D', 'F2', 'H']);
  });

  it('rows carry the client, the masked identity code, the preparer and the consent end', async () => {
    const byKey = new Map((await list({ view: 'all' })).map((r) => [keys([r])[0], r]));
    expect(byKey.get('A')).toMatchObject({ clientName: 'Kalle Korhonen', identityCodeMasked: '131052-****', preparerName: 'Aino Ahonen', status: 'in_preparation', consentValidUntil: inDays(10), proposedMeetingDate: null });
    expect(byKey.get('C')).toMatchObject({ status: 'ready_for_team', consentValidUntil: inDays(180), proposedMeetingDate: inDays(14) });
    expect(byKey.get('D')!.consentValidUntil).toBeNull();
    // Open-ended: a date after every real one, so it sorts last and never reads as "none".
    expect(byKey.get('E')!.consentValidUntil).toBe('9999-12-31');
    expect(byKey.get('H')!.consentValidUntil).toBeNull();
    expect(byKey.get('G')).toMatchObject({ preparerName: 'Ville Valmistelija', identityCodeMasked: null });
    expect(JSON.stringify(byKey.get('A'))).not.toContain('308T');
  });
});

describe('search', () => {
  it('finds a full identity code exactly, however it is typed', async () => {
    expect(keys(await search(' 131052-308t '))).toEqual(['A']);
    expect(await search('131052-308A')).toEqual([]);
  });

  it('finds a case number as printed or without the zeros, closed cases included', async () => {
    const closed = await search(cases.F1!.number);
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ caseId: cases.F1!.id, status: 'closed' });
    expect(keys(await search(cases.F1!.number.replace(/-0+/, '-')))).toEqual(['F1']);
  });

  it('finds names by every word in any order, ignoring case and accents; open case before closed', async () => {
    expect(keys(await search('öhman'))).toEqual(['B']);
    expect(keys(await search('OHMAN'))).toEqual(['B']);
    expect(keys(await search('makinen'))).toEqual(['D']);
    expect(keys(await search('korhonen   kalle'))).toEqual(['A']);
    expect(await search('kalle laine')).toEqual([]);
    expect((await search('zoe lindqvist')).map((r) => r.status)).toEqual(['in_preparation', 'closed']);
    expect(await search('xyzzy')).toEqual([]);
  });

  it('folds a query in JavaScript exactly as the index folds names in SQL', () => {
    const db = new Database(':memory:');
    migrate(db);
    const fold = db.prepare(`SELECT ${NAME_KEY} AS key FROM (SELECT ? AS name)`);
    const samples = [...NAME_FOLDS.map(([ch]) => `X${ch}y`), 'Åsa Öhman-Lindqvist', 'ZOË ŠIMEK', 'Jürgen Weiß', 'Łukasz Ødegård', 'Дмитрий', 'İlkay Çelik'];
    for (const name of samples) expect(foldName(name), name).toBe((fold.get(name) as { key: string }).key);
    // The search reads the index rather than computing the expression per row.
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM (SELECT id, ${NAME_KEY} AS key FROM clients) WHERE instr(key, 'x') > 0`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toContain('COVERING INDEX clients_name_key');
    db.close();
  });

  it('ranks names where the words start a name part first', async () => {
    expect((await search('kal')).map((r) => r.clientName)).toEqual(['Anna Kallio', 'Kalle Korhonen', 'Mikko Haukala']);
  });
});

describe('access log', () => {
  it('one event per list or search, with counts but never the query', async () => {
    await b.value('session.lock');
    await b.value('session.signIn', { username: 'aino', password: PASSWORD });
    await list({ view: 'consent_expiring' });
    await search('131052-308T');
    await search(cases.A!.number);
    await search('Korhonen');
    b.backend.close();
    const s = await openStore(dir, SETUP.adminUsername, PASSWORD, FAST_KDF);
    const events = listAuditByActor(s.db, ainoId);
    s.db.close();
    b = testBackend(dir);
    const since = events.slice(events.map((e) => e.action).lastIndexOf('session.signIn') + 1);
    expect(since.map((e) => [e.action, e.basis, e.entity, e.clientId, e.details])).toEqual([
      ['case.worklist', 'case_preparation', 'worklist', null, { view: 'consent_expiring', rows: 4 }],
      ['case.search', 'case_preparation', 'search', null, { kind: 'identity_code', rows: 1 }],
      ['case.search', 'case_preparation', 'search', null, { kind: 'case_number', rows: 1 }],
      ['case.search', 'case_preparation', 'search', null, { kind: 'name', rows: 1 }],
    ]);
    const logged = JSON.stringify(events);
    expect(logged).not.toMatch(/308T/i);
    expect(logged).not.toContain('Korhonen');
  });

  it('needs a signed-in user', async () => {
    await b.value('session.lock');
    expect(await b.code('worklist.list', { view: 'all' })).toBe('locked');
    expect(await b.code('search.cases', { query: 'x' })).toBe('locked');
  });
});
