import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppStatus, CaseSummary, ClientSummary, ConsentView, Output, Preparation, UserSummary } from '../../shared/api/contract.js';
import { parseHenkilotunnus } from '../../shared/domain/henkilotunnus.js';
import { todayInFinland } from '../../shared/domain/dates.js';
import { inspectStore } from '../../db/store.js';
import { createDemoStore, DEMO_ORGANISATION, type DemoResult } from '../../electron/backend/demo-data.js';
import { DEMO_PASSWORD } from '../../electron/backend/demo.js';
import { testBackend } from '../fixtures/backend.js';
import { runCli } from '../fixtures/cli.js';
import { codeOf, FAST_KDF, tempDir } from '../fixtures/tmp.js';

const PASSWORD = 'demo password for tests';
const today = todayInFinland();
const inDays = (n: number) => new Date(Date.parse(`${today}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** One demo store for the read-only checks: building it is the slow part. */
let root: { dir: string; cleanup: () => void };
let demo: DemoResult;
let b: ReturnType<typeof testBackend>;
let clients: ClientSummary[];
let cases: CaseSummary[];

beforeAll(async () => {
  root = tempDir();
  demo = await createDemoStore(join(root.dir, 'demo'), { password: PASSWORD, kdf: FAST_KDF });
  b = testBackend(join(root.dir, 'demo'));
  await b.value('session.signIn', { username: 'sanna', password: PASSWORD });
  clients = await b.value<ClientSummary[]>('clients.list');
  cases = (await Promise.all(clients.map((c) => b.value<CaseSummary[]>('cases.listForClient', { clientId: c.id })))).flat();
});
afterAll(() => {
  b?.backend.close();
  root?.cleanup();
});
afterEach(() => vi.unstubAllEnvs());

describe('the demo generator', () => {
  it('makes 40 fictional clients in fi, sv and other languages, with cases in every phase that exists now', () => {
    expect(demo).toMatchObject({ organisationName: DEMO_ORGANISATION, clients: 40 });
    expect(clients).toHaveLength(40);
    const byLanguage = (l: string) => clients.filter((c) => c.language === l).length;
    expect(byLanguage('sv')).toBe(6);
    expect(byLanguage('other')).toBeGreaterThanOrEqual(2);
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(['referred', 'in_preparation', 'ready_for_team', 'assessed', 'plan_signed', 'closed']));
    for (const c of cases.filter((x) => x.status === 'closed')) expect(c.outcome).not.toBeNull();
    // Some clients came back: a closed case and a new open one.
    expect(clients.filter((c) => c.openCase && cases.some((x) => x.clientId === c.id && x.status === 'closed')).length).toBeGreaterThan(0);
    expect(cases.every((c) => c.referral && c.referral.reason.length > 40 && c.referral.referralDate <= today)).toBe(true);
  });

  it('gives ~80% valid, unique identity codes from the temporary range 900–999 and birth dates to the rest', async () => {
    const withCode = clients.filter((c) => c.identityCodeMasked !== null);
    expect(withCode.length).toBe(32);
    const codes = await Promise.all(withCode.map(async (c) => (await b.value<{ identityCode: string }>('clients.revealIdentityCode', { clientId: c.id })).identityCode));
    for (const code of codes) {
      const parsed = parseHenkilotunnus(code);
      expect(parsed.ok, code).toBe(true);
      if (parsed.ok) expect(parsed.individualNumber, code).toBeGreaterThanOrEqual(900);
    }
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of clients.filter((x) => x.identityCodeMasked === null)) expect(c.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('prepares ready cases fully: the readiness gate passed and the checklist still holds', async () => {
    const ready = cases.filter((c) => c.status === 'ready_for_team');
    expect(ready.length).toBeGreaterThanOrEqual(1);
    for (const c of ready) {
      const p = await b.value<Preparation>('cases.getPreparation', { caseId: c.id });
      expect(p.readiness.every((r) => r.ok), p.clientName).toBe(true);
      expect(Object.keys(p.background)).toEqual(expect.arrayContaining(['education', 'work_history', 'health', 'social', 'benefits']));
      expect(p.clientView?.selfRating).not.toBeNull();
      expect(p.proposedMeetingDate! > today && p.proposedMeetingDate! <= inDays(35)).toBe(true);
    }
    const audit = await b.value<Output<'audit.verify'>>('audit.verify');
    expect(audit.ok).toBe(true);
  });

  it('holds a team, a meeting held today (two cases assessed, one with a signed plan, one carried over) and the next meeting', async () => {
    const teams = await b.value<Output<'teams.list'>>('teams.list');
    expect(teams).toHaveLength(1);
    expect(teams[0]!.members.length).toBe(demo.accounts.length);
    const meetings = await b.value<Output<'meetings.list'>>('meetings.list', { when: 'all' });
    const held = meetings.find((m) => m.state === 'finished')!;
    const next = meetings.find((m) => m.state === 'scheduled')!;
    expect(held.date).toBe(today);
    expect(next.date).toBe(inDays(7));
    const record = await b.value<Output<'meetings.get'>>('meetings.get', { meetingId: held.id });
    expect(record.items.map((i) => i.outcome)).toEqual(['assessed', 'assessed', 'carried_over']);
    expect(record.attendance.filter((a) => a.status === 'absent')).toHaveLength(1);
    const carried = record.items[2]!;
    const agenda = await b.value<Output<'meetings.get'>>('meetings.get', { meetingId: next.id });
    expect(agenda.items[0]!.caseId).toBe(carried.caseId);
    expect(agenda.items.length).toBe(4);
    expect(cases.filter((c) => c.status === 'assessed')).toHaveLength(1);
    // The first case's plan was signed round the table: locked, every signature valid.
    const signed = record.items[0]!;
    expect(cases.find((c) => c.id === signed.caseId)?.status).toBe('plan_signed');
    const plan = await b.value<Output<'plans.get'>>('plans.get', { caseId: signed.caseId });
    expect(plan).toMatchObject({ version: 1, state: 'locked', payloadValid: true, problems: [] });
    expect(plan.content.goals).toHaveLength(2);
    expect(plan.content.actions).toHaveLength(3);
    expect(plan.signatures.length).toBe(plan.signers.filter((x) => x.way !== 'none').length + 1);
    expect(plan.signatures.every((x) => x.valid)).toBe(true);
    // The administrator, who prepared it, coordinates it: her worklist has the client.
    const work = await b.value<Output<'coordinators.worklist'>>('coordinators.worklist');
    expect(work.map((w) => w.caseId)).toEqual([signed.caseId]);
    // The assessments are complete records: nothing missing, with the team's words.
    const assessment = await b.value<Output<'assessment.get'>>('assessment.get', { itemId: record.items[1]!.id });
    expect(assessment.missing).toEqual([]);
    expect(assessment.fields['clientAgreement']?.value).toBe('partly');
  });

  it('records consents: written ones (some expiring within 30 days), one withdrawn, one oral', async () => {
    const open = cases.filter((c) => c.status !== 'closed');
    const consents = new Map<string, ConsentView>();
    for (const c of open) for (const x of (await b.value<Preparation>('cases.getPreparation', { caseId: c.id })).consents) consents.set(x.id, x);
    const all = [...consents.values()];
    expect(all.filter((c) => c.form === 'oral')).toHaveLength(1);
    expect(all.filter((c) => c.withdrawnOn !== null)).toHaveLength(1);
    expect(all.filter((c) => c.form === 'written' && c.withdrawnOn === null && c.validUntil! >= today && c.validUntil! <= inDays(30)).length).toBeGreaterThanOrEqual(2);
  });

  it('gives every account the demo password as its own: nobody is asked to change it', async () => {
    const users = await b.value<UserSummary[]>('users.list');
    expect(users.map((u) => u.username).sort()).toEqual(demo.accounts.map((a) => a.username).sort());
    expect(demo.accounts.map((a) => a.role)).toEqual(expect.arrayContaining(['administrator', 'team_member', 'read_only']));
    for (const a of demo.accounts) {
      const s = await b.value<AppStatus>('session.signIn', { username: a.username, password: PASSWORD });
      expect(s.mustChangePassword, a.username).toBe(false);
    }
  });

  it('is the same with the same seed, refuses a folder that holds a store, and lets go of the folder', async () => {
    const again = tempDir();
    const dir = join(again.dir, 'demo');
    try {
      await createDemoStore(dir, { password: PASSWORD, kdf: FAST_KDF });
      const other = testBackend(dir);
      await other.value('session.signIn', { username: 'sanna', password: PASSWORD });
      const names = (await other.value<ClientSummary[]>('clients.list')).map((c) => c.name).sort();
      other.backend.close();
      expect(names).toEqual(clients.map((c) => c.name).sort());
      expect(await codeOf(createDemoStore(dir, { password: PASSWORD, kdf: FAST_KDF }))).toBe('store_exists');
      // Built beside and renamed into place: no build folder or lock is left behind.
      expect(readdirSync(again.dir)).toEqual(['demo']);
      expect(readdirSync(dir)).not.toContain('tiimipoyta.lock');
      // A folder with anything else in it is not the place for a demo either.
      const busy = join(again.dir, 'busy');
      mkdirSync(busy);
      writeFileSync(join(busy, 'notes.txt'), 'mine');
      expect(await codeOf(createDemoStore(busy, { password: PASSWORD, kdf: FAST_KDF }))).toBe('not_a_store');
      expect(readdirSync(busy)).toEqual(['notes.txt']);
    } finally {
      again.cleanup();
    }
  });
});

describe('store.openDemo', () => {
  it('creates the demo beside the store folder once, switches to it locked, and opens the same demo later', async () => {
    vi.stubEnv('WORKBENCH_PASSWORD', '');
    const t = tempDir();
    try {
      const store = join(t.dir, 'store');
      const first = testBackend(store);
      const opened = await first.value<Output<'store.openDemo'>>('store.openDemo');
      expect(opened.status).toMatchObject({ store: 'locked', dataDir: join(t.dir, 'demo') });
      expect(opened.password).toBe(DEMO_PASSWORD);
      expect(opened.accounts).toHaveLength(7);
      expect(opened.accounts[0]).toEqual({ username: 'sanna', displayName: 'Sanna Lehtinen', profession: 'social_worker', role: 'administrator' });
      expect(readdirSync(t.dir).sort()).toEqual(['demo', 'store']);
      expect(inspectStore(store).kind).toBe('none');
      expect(existsSync(join(store, 'tiimipoyta.lock'))).toBe(false);
      const signedIn = await first.value<AppStatus>('session.signIn', { username: 'sanna', password: opened.password });
      expect(signedIn.organisationName).toBe(DEMO_ORGANISATION);
      expect(await first.value<ClientSummary[]>('clients.list')).toHaveLength(40);
      first.backend.close();

      // The app started again on the real folder: the demo is opened, not built again.
      const second = testBackend(store);
      const names = (await second.value<Output<'store.openDemo'>>('store.openDemo')).accounts.map((a) => a.username);
      expect(names).toEqual(opened.accounts.map((a) => a.username));
      await second.value('session.signIn', { username: 'mikko', password: DEMO_PASSWORD });
      expect(await second.value<ClientSummary[]>('clients.list')).toHaveLength(40);
      second.backend.close();
    } finally {
      t.cleanup();
    }
  });

  it('uses WORKBENCH_PASSWORD when set, and says so when an existing demo was made with another', async () => {
    const t = tempDir();
    try {
      vi.stubEnv('WORKBENCH_PASSWORD', 'my own demo password');
      const b1 = testBackend(join(t.dir, 'store'));
      expect((await b1.value<Output<'store.openDemo'>>('store.openDemo')).password).toBe('my own demo password');
      b1.backend.close();
      vi.stubEnv('WORKBENCH_PASSWORD', '');
      const b2 = testBackend(join(t.dir, 'store'));
      expect(await b2.code('store.openDemo')).toBe('wrong_password');
      expect((await b2.value<AppStatus>('app.status')).dataDir).toBe(join(t.dir, 'store'));
      b2.backend.close();
    } finally {
      t.cleanup();
    }
  });
});

describe('cli demo', () => {
  it('creates the demo in an empty folder, prints the accounts, and refuses a folder that holds a store', () => {
    const t = tempDir();
    try {
      const data = join(t.dir, 'demo');
      const env = { WORKBENCH_PASSWORD: 'cli demo password' };
      const first = runCli(['demo', '--data', data, '--seed', '7'], env);
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      expect(first.stdout).toContain(DEMO_ORGANISATION);
      expect(first.stdout).toMatch(/sanna\s+Sanna Lehtinen\s+social_worker\s+administrator/);
      expect(first.stdout).toMatch(/antti\s+Antti Kärkkäinen\s+physiotherapist\s+read_only/);
      // The user's own password is not echoed; the fixed demo password would be.
      expect(first.stdout).not.toContain('cli demo password');
      expect(first.stdout).toContain('WORKBENCH_PASSWORD');

      const second = runCli(['demo', '--data', data], env);
      expect(second.status).toBe(1);
      expect(second.stderr.trim().split('\n')).toHaveLength(1);
      expect(second.stderr).toContain('[store_exists]');
      expect(runCli(['demo', '--data', join(t.dir, 'x'), '--seed', 'abc']).stderr).toMatch(/Not a seed/);
    } finally {
      t.cleanup();
    }
  }, 90_000);
});
