import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAuditForClient } from '../../db/audit.js';
import { openStore } from '../../db/store.js';
import { forgetRuns, meetingClock } from '../../electron/backend/meeting-timer.js';
import { todayInFinland } from '../../shared/domain/dates.js';
import { makeHenkilotunnus } from '../../shared/domain/henkilotunnus.js';
import { ICF_BRIEF_VR_CODES } from '../../shared/domain/icf.js';
import { SETUP, testBackend } from '../fixtures/backend.js';
import { readyCase as readyCaseIn, teamWorld } from '../fixtures/plan-setup.js';
import { FAST_KDF, PASSWORD, tempDir } from '../fixtures/tmp.js';

/**
 * Team meetings against a real encrypted store, built through the channels as a team would: three
 * cases prepared until ready, a team, a meeting. Time is stepped with the injected meeting clock.
 */
let dir: string;
let cleanup: () => void;
let b: ReturnType<typeof testBackend>;
const today = todayInFinland();
const inDays = (n: number) => new Date(Date.parse(`${today}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const MIN = 60_000;

type Item = { id: string; caseId: string; position: number; state: string; outcome: string | null; elapsedMs: number; running: boolean; consentWarning: boolean; kind: string; timeBoxMinutes: number; carriedToDate: string | null; clientInitials: string };
type Detail = { id: string; state: string; items: Item[]; attendance: { name: string; status: string }[]; currentItemId: string | null; currentStep: string; restrictedRevealed: boolean; missingSectors: string[]; date: string };
type Field = { value: unknown; updatedBy: string; updatedByName: string };
type Assessment = {
  clientName: string | null;
  clientInitials: string;
  identityCodeMasked: string | null;
  position: number;
  total: number;
  prepared: { background: Record<string, unknown>; restrictedHidden: boolean };
  consentAtTable: { organisation: string; covered: boolean }[];
  professionsPresent: string[];
  icfCodes: string[];
  fields: Record<string, Field>;
  missing: string[];
  presentation: boolean;
};

const ids = { aino: '', pekka: '', eero: '', kaisa: '', rita: '', team: '', ext: '' };
const names = ['Liisa Laine', 'Matti Mäkinen', 'Åsa Öhman'];
const clients: string[] = [];
const cases: string[] = [];
const consents: string[] = [];
const hetu = makeHenkilotunnus({ year: 1980, month: 5, day: 12 }, 901);
const changedPassword = new Set<string>();

async function signInAs(username: string): Promise<void> {
  await b.value('session.lock');
  if (username === 'aino') {
    await b.value('session.signIn', { username, password: PASSWORD });
    return;
  }
  const first = `${username} first password`;
  const own = `${username} own password`;
  if (changedPassword.has(username)) {
    await b.value('session.signIn', { username, password: own });
    return;
  }
  await b.value('session.signIn', { username, password: first });
  await b.value('session.changePassword', { currentPassword: first, newPassword: own });
  changedPassword.add(username);
}

/** A case ready for the team (restricted text included, for the audience's hiding rules), its ids kept. */
async function readyCase(name: string, identityCode?: string): Promise<void> {
  const k = await readyCaseIn(b, name, { identityCode, restricted: 'SALAINEN PÄIHDETIETO' });
  clients.push(k.clientId);
  cases.push(k.caseId);
  consents.push(k.consentId);
}

const person = (userId: string | null, externalId: string | null, name: string, profession: string, status: string, organisation = 'Kainuu') => ({ userId, externalId, name, profession, organisation, status });
const table = () => [
  person(ids.aino, null, 'Aino Ahonen', 'social_worker', 'present'),
  person(ids.pekka, null, 'Pekka Pitkänen', 'physician', 'remote'),
  person(ids.eero, null, 'Eero Eskola', 'employment_expert', 'present'),
  person(null, ids.ext, 'Kerttu Kela', 'kela_adviser', 'absent', 'Kela'),
];

async function meetingWithThreeCases(date = today): Promise<Detail> {
  const m = await b.value<Detail>('meetings.create', { teamId: ids.team, date, time: '09:00', place: 'Neuvotteluhuone 2', chairId: ids.aino });
  for (const caseId of cases) await b.value('meetings.addItem', { meetingId: m.id, caseId });
  return b.value<Detail>('meetings.get', { meetingId: m.id });
}

async function started(): Promise<Detail> {
  const m = await meetingWithThreeCases();
  return b.value<Detail>('meetings.start', { meetingId: m.id, attendance: table() });
}

const change = (itemId: string, c: Record<string, unknown>) => b.call('assessment.change', { itemId, change: c });
const set = (itemId: string, c: Record<string, unknown>) => b.value<{ key: string; field: Field; missing: string[] }>('assessment.change', { itemId, change: c });
const codeOf = async (p: Promise<{ ok: boolean; error?: { code: string } }>) => {
  const r = await p;
  return r.ok ? 'ok' : r.error!.code;
};

async function completeRecord(itemId: string): Promise<void> {
  await set(itemId, { kind: 'text', field: 'conclusion.statement', value: 'Työkyky osittainen; työkokeilu sopii.' });
  await set(itemId, { kind: 'teamRating', value: 6 });
  await set(itemId, { kind: 'servicePath', value: 'work_trial' });
  await set(itemId, { kind: 'clientAgreement', value: 'agrees' });
}

const clock = { mono: 1_000_000, wall: Date.parse('2030-01-01T08:00:00Z') };
const originalClock = { ...meetingClock };
const advance = (ms: number) => {
  clock.mono += ms;
  clock.wall += ms;
};

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  b = testBackend(dir);
  clients.length = 0;
  cases.length = 0;
  consents.length = 0;
  changedPassword.clear();
  Object.assign(ids, await teamWorld(b));
  await readyCase(names[0]!, hetu);
  await readyCase(names[1]!);
  await readyCase(names[2]!);
  meetingClock.mono = () => clock.mono;
  meetingClock.wall = () => clock.wall;
});
afterEach(() => {
  Object.assign(meetingClock, originalClock);
  b.backend.close();
  cleanup();
});

describe('teams', () => {
  it('are kept by administrators: members are active users, removed externals named in attendance stay inactive', async () => {
    const [t] = await b.value<{ id: string; members: { userId: string }[]; externals: { id: string }[]; newCaseMinutes: number }[]>('teams.list');
    expect(t!.members.map((m) => m.userId)).toEqual([ids.aino, ids.pekka, ids.eero, ids.kaisa]);
    const base = { id: ids.team, name: 'Tiimi', memberIds: [ids.aino], requiredSectors: ['social_care'], newCaseMinutes: 25, reviewMinutes: 15, reviewIntervalMonths: 3 };
    expect(await b.code('teams.save', { ...base, memberIds: ['nobody'], externals: [] })).toBe('invalid_input');
    expect(await b.code('teams.save', { ...base, externals: [{ id: 'other', name: 'X', organisation: '', profession: 'other' }] })).toBe('invalid_input');
    const renamed = await b.value<{ externals: { id: string; name: string }[] }>('teams.save', { ...base, memberIds: [ids.aino, ids.pekka], externals: [{ id: ids.ext, name: 'Kerttu K.', organisation: 'Kela', profession: 'kela_adviser' }] });
    expect(renamed.externals).toEqual([{ id: ids.ext, name: 'Kerttu K.', organisation: 'Kela', profession: 'kela_adviser' }]);

    // Named in attendance, then taken off the team: the attendance record keeps its row.
    const m = await b.value<Detail>('meetings.create', { teamId: ids.team, date: today, time: '12:00', place: '', chairId: ids.aino });
    await b.value('meetings.start', { meetingId: m.id, attendance: [person(ids.aino, null, 'Aino Ahonen', 'social_worker', 'present'), person(null, ids.ext, 'Kerttu K.', 'kela_adviser', 'present')] });
    const after = await b.value<{ externals: unknown[] }>('teams.save', { ...base, externals: [] });
    expect(after.externals).toEqual([]);
    expect((await b.value<Detail>('meetings.get', { meetingId: m.id })).attendance.map((a) => a.name)).toEqual(['Aino Ahonen', 'Kerttu K.']);

    // A member whose account was closed may stay on the team; a closed account cannot join it.
    await b.value('teams.save', { ...base, memberIds: [ids.aino, ids.pekka], externals: [] });
    await b.value('users.deactivate', { userId: ids.pekka });
    expect(await b.code('teams.save', { ...base, memberIds: [ids.aino, ids.pekka], externals: [] })).toBe('ok');
    expect(await b.code('teams.save', { ...base, id: undefined, memberIds: [ids.pekka], externals: [] })).toBe('invalid_input');

    await signInAs('eero');
    expect(await b.code('teams.save', { ...base, externals: [] })).toBe('forbidden');
    expect(await b.code('teams.list')).toBe('ok');
  });
});

describe('scheduling a meeting', () => {
  it('takes ready cases once, with the team’s time box, in an order that can change', async () => {
    expect(await b.code('meetings.create', { teamId: ids.team, date: today, time: '09:00', place: '', chairId: ids.rita })).toBe('invalid_input');
    expect(await b.call('meetings.create', { teamId: ids.team, date: today, time: '09:00', place: '', chairId: ids.rita })).toMatchObject({ error: { details: { fields: ['chairId'] } } });
    expect(await b.code('meetings.create', { teamId: ids.team, date: inDays(-1), time: '09:00', place: '', chairId: ids.aino })).toBe('invalid_input');

    const m = await b.value<Detail>('meetings.create', { teamId: ids.team, date: inDays(7), time: '09:00', place: 'Huone 2', chairId: ids.aino });
    const eligible = await b.value<{ caseId: string; kind: string; consentWarning: boolean }[]>('meetings.eligibleCases', { meetingId: m.id });
    expect(eligible.map((e) => [e.caseId, e.kind, e.consentWarning])).toEqual(cases.map((c) => [c, 'new', false]));

    for (const caseId of cases) await b.value('meetings.addItem', { meetingId: m.id, caseId });
    expect(await b.code('meetings.addItem', { meetingId: m.id, caseId: cases[0] })).toBe('already_on_agenda');
    const other = await b.value<Detail>('meetings.create', { teamId: ids.team, date: inDays(8), time: '09:00', place: '', chairId: ids.aino });
    expect(await b.call('meetings.addItem', { meetingId: other.id, caseId: cases[0] })).toMatchObject({ ok: false, error: { code: 'already_on_agenda', details: { meetingId: m.id } } });
    expect(await b.value('meetings.eligibleCases', { meetingId: other.id })).toEqual([]);

    // A case still in preparation is not for the team yet.
    await b.value('cases.setStatus', { caseId: cases[2], status: 'in_preparation' });
    const d0 = await b.value<Detail>('meetings.get', { meetingId: m.id });
    await b.value('meetings.removeItem', { itemId: d0.items[2]!.id });
    expect(await b.code('meetings.addItem', { meetingId: m.id, caseId: cases[2] })).toBe('not_eligible');

    const d = await b.value<Detail>('meetings.get', { meetingId: m.id });
    expect(d.items.map((i) => [i.position, i.kind, i.timeBoxMinutes, i.state])).toEqual([[1, 'new', 20, 'pending'], [2, 'new', 20, 'pending']]);
    expect(d.items[0]!.clientInitials).toBe('L. L.');
    const [a, c] = d.items.map((i) => i.id) as [string, string];
    expect(await b.code('meetings.reorder', { meetingId: m.id, itemIds: [c] })).toBe('invalid_input');
    expect(await b.code('meetings.reorder', { meetingId: m.id, itemIds: [c, c] })).toBe('invalid_input');
    const re = await b.value<Detail>('meetings.reorder', { meetingId: m.id, itemIds: [c, a] });
    expect(re.items.map((i) => [i.id, i.position])).toEqual([[c, 1], [a, 2]]);
    const boxed = await b.value<Detail>('meetings.setTimeBox', { itemId: a, minutes: 30 });
    expect(boxed.items[1]!.timeBoxMinutes).toBe(30);
    expect(await b.value<{ id: string }[]>('meetings.list', { when: 'upcoming' })).toEqual([expect.objectContaining({ id: m.id, itemCount: 2 }), expect.objectContaining({ id: other.id })]);
  });

  it("moves a case from the worklist's 'ready' view to the agenda, and back when it is taken off", async () => {
    type Row = { caseId: string; scheduledMeetingDate: string | null };
    const ready = async () => (await b.value<Row[]>('worklist.list', { view: 'ready' })).map((r) => r.caseId).sort();
    expect(await ready()).toEqual([...cases].sort());
    const m = await b.value<Detail>('meetings.create', { teamId: ids.team, date: inDays(9), time: '13:00', place: '', chairId: ids.aino });
    const added = await b.value<Detail>('meetings.addItem', { meetingId: m.id, caseId: cases[1] });
    expect(await ready()).toEqual([cases[0], cases[2]].sort());
    const all = await b.value<Row[]>('worklist.list', { view: 'all' });
    expect(all.find((r) => r.caseId === cases[1])?.scheduledMeetingDate).toBe(inDays(9));
    expect(all.find((r) => r.caseId === cases[0])?.scheduledMeetingDate).toBeNull();
    await b.value('meetings.removeItem', { itemId: added.items[0]!.id });
    expect(await ready()).toEqual([...cases].sort());
  });

  it('warns before the meeting when consent will not cover the team on its date', async () => {
    await b.value('consents.withdraw', { consentId: consents[1], withdrawnOn: today });
    const m = await meetingWithThreeCases(inDays(3));
    expect(m.items.map((i) => i.consentWarning)).toEqual([false, true, false]);
  });
});

describe('starting the meeting', () => {
  it('needs someone at the table and happens once', async () => {
    const m = await meetingWithThreeCases();
    const absent = table().map((p) => ({ ...p, status: 'absent' }));
    expect(await b.code('meetings.start', { meetingId: m.id, attendance: absent })).toBe('no_one_present');
    expect(await b.code('meetings.navigate', { meetingId: m.id, itemId: null, step: 'opening' })).toBe('meeting_not_started');
    expect(await b.code('assessment.get', { itemId: m.items[0]!.id })).toBe('meeting_not_started');
    expect((await b.value<Detail>('meetings.get', { meetingId: m.id })).missingSectors).toEqual(['social_care', 'health_care', 'employment_services']);

    const s = await b.value<Detail>('meetings.start', { meetingId: m.id, attendance: table() });
    expect(s.state).toBe('in_progress');
    expect(s.attendance.map((a) => [a.name, a.status])).toEqual([['Aino Ahonen', 'present'], ['Pekka Pitkänen', 'remote'], ['Eero Eskola', 'present'], ['Kerttu Kela', 'absent']]);
    expect(s.missingSectors).toEqual([]);
    expect(await b.code('meetings.start', { meetingId: m.id, attendance: table() })).toBe('meeting_started');

    const noDoctor = await b.value<Detail>('meetings.setAttendance', { meetingId: m.id, attendance: table().map((p) => (p.profession === 'physician' ? { ...p, status: 'absent' } : p)) });
    expect(noDoctor.missingSectors).toEqual(['health_care']);
    expect(await b.code('meetings.setAttendance', { meetingId: m.id, attendance: absent })).toBe('no_one_present');
    expect(await b.code('meetings.setAttendance', { meetingId: m.id, attendance: [person('ghost', null, 'X', 'other', 'present')] })).toBe('invalid_input');
  });
});

describe('navigation and timers', () => {
  it('runs one item at a time on the monotonic clock, keeps the step, and counts on from wall time after a restart', async () => {
    const events: string[] = [];
    b.backend.subscribe((e) => events.push(e));
    const m = await started();
    const [i1, i2] = m.items.map((i) => i.id) as [string, string];
    let d = await b.value<Detail>('meetings.navigate', { meetingId: m.id, itemId: i1, step: 'situation' });
    expect(d.items[0]).toMatchObject({ state: 'in_progress', running: true, elapsedMs: 0 });
    expect(events).toContain('meetings.navigated');
    advance(5 * MIN);
    d = await b.value<Detail>('meetings.get', { meetingId: m.id });
    expect(d.items[0]!.elapsedMs).toBe(5 * MIN);

    d = await b.value<Detail>('meetings.navigate', { meetingId: m.id, itemId: i2, step: 'opening' });
    expect(d.items.map((i) => [i.state, i.running, i.elapsedMs])).toEqual([['in_progress', false, 5 * MIN], ['in_progress', true, 0], ['pending', false, 0]]);
    advance(2 * MIN);
    d = await b.value<Detail>('meetings.navigate', { meetingId: m.id, itemId: null, step: 'opening' });
    expect(d.items.map((i) => i.running)).toEqual([false, false, false]);
    expect(d.items[1]!.elapsedMs).toBe(2 * MIN);
    advance(10 * MIN);
    expect((await b.value<Detail>('meetings.get', { meetingId: m.id })).items[1]!.elapsedMs).toBe(2 * MIN);

    // The wall clock jumps back an hour: the monotonic clock keeps the time right.
    await b.value('meetings.navigate', { meetingId: m.id, itemId: i1, step: 'functioning' });
    clock.wall -= 60 * MIN;
    advance(MIN);
    expect((await b.value<Detail>('meetings.get', { meetingId: m.id })).items[0]!.elapsedMs).toBe(6 * MIN);
    clock.wall += 60 * MIN;

    // A restart forgets the monotonic start; the persisted wall-clock start carries on.
    b.backend.close();
    forgetRuns();
    b = testBackend(dir);
    await b.value('session.signIn', { username: 'aino', password: PASSWORD });
    advance(2 * MIN);
    d = await b.value<Detail>('meetings.get', { meetingId: m.id });
    expect(d.items[0]).toMatchObject({ running: true, elapsedMs: 8 * MIN });
    expect([d.currentItemId, d.currentStep]).toEqual([i1, 'functioning']);
  });
});

describe('the assessment record', () => {
  it('is prefilled, saved per field with its last editor, and checks ICF codes and qualifiers', async () => {
    const m = await started();
    const item = m.items[0]!.id;
    await b.value('meetings.navigate', { meetingId: m.id, itemId: item, step: 'opening' });
    const a = await b.value<Assessment>('assessment.get', { itemId: item });
    expect(a.fields.purpose?.value).toBe('first_assessment');
    expect(a.fields['benefit:labour_market_subsidy']?.value).toEqual({ status: 'receives', note: 'Kela' });
    expect(a.icfCodes).toEqual([...ICF_BRIEF_VR_CODES]);
    expect(a.professionsPresent).toEqual(['social_worker', 'physician', 'employment_expert']);
    expect(a.consentAtTable).toEqual([
      { organisation: 'employment_authority', covered: true },
      { organisation: 'county_social_care', covered: true },
      { organisation: 'county_health_care', covered: true },
    ]);
    expect(a.missing).toEqual(['conclusion.statement', 'teamRating', 'servicePath', 'clientAgreement']);
    expect([a.clientName, a.position, a.total]).toEqual(['Liisa Laine', 1, 3]);

    const changes: unknown[] = [];
    b.backend.subscribe((e, p) => e === 'assessment.changed' && changes.push(p));
    const first = await set(item, { kind: 'text', field: 'conclusion.statement', value: 'Ensimma\u0308inen' });
    expect(first).toMatchObject({ key: 'text:conclusion.statement', field: { value: 'Ensimmäinen', updatedByName: 'Aino Ahonen' } });
    expect(first.missing).toEqual(['teamRating', 'servicePath', 'clientAgreement']);
    expect(changes).toEqual([{ itemId: item, keys: ['text:conclusion.statement'] }]);

    await signInAs('pekka');
    await set(item, { kind: 'text', field: 'conclusion.statement', value: 'Pekan versio' });
    await set(item, { kind: 'icfObservation', code: 'b455', profession: 'physician', value: 'Rasituksensieto alentunut.' });
    await signInAs('aino');
    const after = await b.value<Assessment>('assessment.get', { itemId: item });
    expect(after.fields['text:conclusion.statement']).toMatchObject({ value: 'Pekan versio', updatedBy: ids.pekka, updatedByName: 'Pekka Pitkänen' });
    expect(after.fields['icf:b455:obs:physician']?.value).toBe('Rasituksensieto alentunut.');

    expect(await codeOf(change(item, { kind: 'icfQualifier', code: 'b999', value: '1' }))).toBe('unknown_icf_code');
    expect(await codeOf(change(item, { kind: 'icfAdd', code: 'd999' }))).toBe('unknown_icf_code');
    expect(await codeOf(change(item, { kind: 'icfAdd', code: 'x12' }))).toBe('invalid_input');
    expect(await codeOf(change(item, { kind: 'icfQualifier', code: 'd240', value: '5' }))).toBe('invalid_qualifier');
    expect(await codeOf(change(item, { kind: 'icfQualifier', code: 'e310', value: '2' }))).toBe('invalid_qualifier');
    expect(await codeOf(change(item, { kind: 'icfQualifier', code: 'd240', value: '+2' }))).toBe('invalid_qualifier');
    expect((await set(item, { kind: 'icfQualifier', code: 'e310', value: '+2' })).field.value).toBe('+2');
    expect((await set(item, { kind: 'icfQualifier', code: 'd240', value: null })).field.value).toBeNull();
    expect(await codeOf(change(item, { kind: 'icfAdd', code: 'b130' }))).toBe('invalid_input');
    expect(await codeOf(change(item, { kind: 'icfRemove', code: 'b130' }))).toBe('invalid_input');
    expect(await codeOf(change(item, { kind: 'icfQualifier', code: 'd175', value: '2' }))).toBe('invalid_input');
    await set(item, { kind: 'icfAdd', code: 'd175' });
    await set(item, { kind: 'icfQualifier', code: 'd175', value: '2' });
    expect((await b.value<Assessment>('assessment.get', { itemId: item })).icfCodes).toEqual([...ICF_BRIEF_VR_CODES, 'd175']);
    await set(item, { kind: 'icfRemove', code: 'd175' });
    expect((await b.value<Assessment>('assessment.get', { itemId: item })).icfCodes).toEqual([...ICF_BRIEF_VR_CODES]);
  });

  it('completes an item only when the record is complete; a new case becomes assessed', async () => {
    const m = await started();
    const item = m.items[0]!.id;
    await b.value('meetings.navigate', { meetingId: m.id, itemId: item, step: 'conclusion' });
    advance(3 * MIN);
    expect(await b.call('meetings.completeItem', { itemId: item })).toMatchObject({
      ok: false,
      error: { code: 'assessment_incomplete', details: { missing: ['conclusion.statement', 'teamRating', 'servicePath', 'clientAgreement'] } },
    });
    await completeRecord(item);
    await set(item, { kind: 'clientAgreement', value: 'disagrees' });
    expect(await b.call('meetings.completeItem', { itemId: item })).toMatchObject({ error: { details: { missing: ['conclusion.clientView', 'conclusion.clientGrounds', 'conclusion.teamGrounds'] } } });
    await set(item, { kind: 'clientAgreement', value: 'agrees' });

    const d = await b.value<Detail>('meetings.completeItem', { itemId: item });
    expect(d.items[0]).toMatchObject({ state: 'discussed', outcome: 'assessed', running: false, elapsedMs: 3 * MIN });
    const [k] = await b.value<{ status: string }[]>('cases.listForClient', { clientId: clients[0] });
    expect(k!.status).toBe('assessed');
    expect(await b.code('meetings.completeItem', { itemId: item })).toBe('invalid_status_change');
    expect(await codeOf(change(item, { kind: 'teamRating', value: 3 }))).toBe('invalid_status_change');
    // Assessed just now: no review is due, so it cannot go on another agenda.
    const next = await b.value<Detail>('meetings.create', { teamId: ids.team, date: inDays(7), time: '09:00', place: '', chairId: ids.aino });
    expect(await b.code('meetings.addItem', { meetingId: next.id, caseId: cases[0] })).toBe('not_eligible');
  });

  it('a consent withdrawn since the case was made ready needs a reason to proceed, or the case is dropped', async () => {
    await b.value('consents.withdraw', { consentId: consents[1], withdrawnOn: today });
    const m = await started();
    expect(m.items.map((i) => i.consentWarning)).toEqual([false, true, false]);
    const [, i2, i3] = m.items.map((i) => i.id) as [string, string, string];
    await b.value('meetings.navigate', { meetingId: m.id, itemId: i2, step: 'opening' });
    const a = await b.value<Assessment>('assessment.get', { itemId: i2 });
    expect(a.consentAtTable.every((c) => !c.covered)).toBe(true);
    await completeRecord(i2);
    expect(await b.call('meetings.completeItem', { itemId: i2 })).toMatchObject({ error: { code: 'assessment_incomplete', details: { missing: ['consentReason'] } } });
    expect((await set(i2, { kind: 'text', field: 'opening.consentReason', value: 'Asiakas uusi suostumuksen kokouksessa.' })).missing).toEqual([]);
    await b.value('meetings.completeItem', { itemId: i2 });

    // Or the chair takes the case off the agenda: the record says why and the case stays ready.
    await b.value('meetings.navigate', { meetingId: m.id, itemId: i3, step: 'opening' });
    const dropped = await b.value<Detail>('meetings.dropItem', { itemId: i3, reason: 'Suostumus vanhentunut.' });
    expect(dropped.items[2]).toMatchObject({ state: 'discussed', outcome: 'removed', running: false });
    expect(dropped.currentItemId).toBeNull();
    expect(await b.code('meetings.navigate', { meetingId: m.id, itemId: i3, step: 'opening' })).toBe('invalid_status_change');
    const [k] = await b.value<{ status: string }[]>('cases.listForClient', { clientId: clients[2] });
    expect(k!.status).toBe('ready_for_team');
  });
});

describe('the shared screen', () => {
  it('shows initials, a masked code, no speaker notes and the restricted section only when revealed', async () => {
    const m = await started();
    const [i1, i2] = m.items.map((i) => i.id) as [string, string];
    expect((await b.value<{ assessment: unknown; state: string }>('assessment.audience', { meetingId: m.id })).assessment).toBeNull();
    await b.value('meetings.navigate', { meetingId: m.id, itemId: i1, step: 'situation' });
    await set(i1, { kind: 'speakerNote', step: 'situation', value: 'MUISTA KYSYÄ VELOISTA' });

    const chair = await b.value<Assessment>('assessment.get', { itemId: i1 });
    expect(chair.fields['note:situation']?.value).toBe('MUISTA KYSYÄ VELOISTA');
    expect(chair.prepared.background.restricted).toBeDefined();
    expect(chair.clientName).toBe('Liisa Laine');

    type Audience = { step: string; itemCount: number; assessment: Assessment; timer: { elapsedMs: number; running: boolean; timeBoxMinutes: number } | null };
    let view = await b.value<Audience>('assessment.audience', { meetingId: m.id });
    expect(view).toMatchObject({ step: 'situation', itemCount: 3, timer: { running: true, timeBoxMinutes: 20 } });
    expect(view.assessment).toMatchObject({ presentation: true, clientName: null, clientInitials: 'L. L.', identityCodeMasked: `${hetu.slice(0, 7)}****` });
    expect(view.assessment.prepared).toMatchObject({ restrictedHidden: true });
    const shown = JSON.stringify(view);
    for (const secret of ['Liisa', 'Laine', hetu, 'MUISTA', 'SALAINEN']) expect(shown).not.toContain(secret);
    expect(Object.keys(view.assessment.fields).some((k) => k.startsWith('note:'))).toBe(false);

    await b.value('meetings.revealRestricted', { meetingId: m.id, revealed: true });
    view = await b.value<Audience>('assessment.audience', { meetingId: m.id });
    expect(view.assessment.prepared.restrictedHidden).toBe(false);
    expect(JSON.stringify(view)).toContain('SALAINEN');
    // Another case hides it again.
    const d = await b.value<Detail>('meetings.navigate', { meetingId: m.id, itemId: i2, step: 'opening' });
    expect(d.restrictedRevealed).toBe(false);
    view = await b.value<Audience>('assessment.audience', { meetingId: m.id });
    expect(view.assessment).toMatchObject({ position: 2, clientInitials: 'M. M.', prepared: { restrictedHidden: true } });

    // A Kela adviser sees neither the section nor may reveal it.
    await signInAs('kaisa');
    const kela = await b.value<Assessment>('assessment.get', { itemId: i1 });
    expect(kela.prepared.restrictedHidden).toBe(true);
    expect(JSON.stringify(kela)).not.toContain('SALAINEN');
    expect(await b.code('meetings.revealRestricted', { meetingId: m.id, revealed: true })).toBe('forbidden');
  });
});

describe('finishing the meeting', () => {
  async function runCaseOne(m: Detail): Promise<[string, string, string]> {
    const [i1, i2, i3] = m.items.map((i) => i.id) as [string, string, string];
    await b.value('meetings.navigate', { meetingId: m.id, itemId: i1, step: 'opening' });
    await completeRecord(i1);
    await b.value('meetings.completeItem', { itemId: i1 });
    // Case 2 is begun (something typed), case 3 never reached.
    await b.value('meetings.navigate', { meetingId: m.id, itemId: i2, step: 'functioning' });
    await set(i2, { kind: 'icfQualifier', code: 'd240', value: '2' });
    return [i1, i2, i3];
  }

  it('carries the cases not reached to a new meeting and leaves a record that no longer changes', async () => {
    const m = await started();
    const [i1, i2] = await runCaseOne(m);
    expect(await b.code('meetings.finish', { meetingId: m.id, carryOverTo: null })).toBe('carry_over_required');
    expect(await b.code('meetings.finish', { meetingId: m.id, carryOverTo: { kind: 'new', date: inDays(-1), time: '09:00', place: '' } })).toBe('invalid_input');
    const r = await b.value<{ meeting: Detail; nextMeetingId: string }>('meetings.finish', { meetingId: m.id, carryOverTo: { kind: 'new', date: inDays(14), time: '10:00', place: 'Huone 3' } });
    expect(r.meeting.state).toBe('finished');
    expect(r.meeting.items.map((i) => [i.state, i.outcome, i.carriedToDate, i.running])).toEqual([
      ['discussed', 'assessed', null, false],
      ['carried_over', 'carried_over', inDays(14), false],
      ['carried_over', 'carried_over', inDays(14), false],
    ]);
    expect(r.meeting.attendance).toHaveLength(4);

    const next = await b.value<Detail & { chairId: string; time: string }>('meetings.get', { meetingId: r.nextMeetingId });
    expect([next.date, next.time, next.chairId, next.state]).toEqual([inDays(14), '10:00', ids.aino, 'scheduled']);
    expect(next.items.map((i) => [i.caseId, i.state, i.kind, i.timeBoxMinutes, i.position])).toEqual([
      [cases[1], 'pending', 'new', 20, 1],
      [cases[2], 'pending', 'new', 20, 2],
    ]);
    // What the team typed for case 2 goes with it.
    await b.value('meetings.start', { meetingId: next.id, attendance: table() });
    expect((await b.value<Assessment>('assessment.get', { itemId: next.items[0]!.id })).fields['icf:d240:qualifier']?.value).toBe('2');

    // The finished meeting is a record: readable, not changeable.
    expect((await b.value<Assessment>('assessment.get', { itemId: i1 })).fields['servicePath']?.value).toBe('work_trial');
    for (const [channel, input] of [
      ['meetings.addItem', { meetingId: m.id, caseId: cases[1] }],
      ['meetings.reorder', { meetingId: m.id, itemIds: r.meeting.items.map((i) => i.id) }],
      ['meetings.setTimeBox', { itemId: i1, minutes: 5 }],
      ['meetings.update', { meetingId: m.id, date: today, time: '10:00', place: '', chairId: ids.aino }],
      ['meetings.start', { meetingId: m.id, attendance: table() }],
      ['meetings.setAttendance', { meetingId: m.id, attendance: table() }],
      ['meetings.navigate', { meetingId: m.id, itemId: i1, step: 'opening' }],
      ['meetings.finish', { meetingId: m.id, carryOverTo: null }],
      ['meetings.removeItem', { itemId: i2 }],
      ['assessment.change', { itemId: i1, change: { kind: 'teamRating', value: 1 } }],
    ] as const) {
      expect(await b.code(channel, input), channel).toBe('meeting_finished');
    }
    expect((await b.value<{ id: string }[]>('meetings.list', { when: 'past' })).map((x) => x.id)).toEqual([m.id]);
  });

  it('can carry them to a meeting already scheduled, after its own cases', async () => {
    const next = await b.value<Detail>('meetings.create', { teamId: ids.team, date: inDays(7), time: '09:00', place: '', chairId: ids.pekka });
    const m = await started();
    await runCaseOne(m);
    // A fourth case already on the next agenda.
    await readyCase('Eino Virtanen');
    await b.value('meetings.addItem', { meetingId: next.id, caseId: cases[3] });
    expect(await b.code('meetings.finish', { meetingId: m.id, carryOverTo: { kind: 'existing', meetingId: m.id } })).toBe('invalid_input');
    const r = await b.value<{ nextMeetingId: string }>('meetings.finish', { meetingId: m.id, carryOverTo: { kind: 'existing', meetingId: next.id } });
    expect(r.nextMeetingId).toBe(next.id);
    const d = await b.value<Detail>('meetings.get', { meetingId: next.id });
    expect(d.items.map((i) => [i.caseId, i.position])).toEqual([[cases[3], 1], [cases[1], 2], [cases[2], 3]]);
  });
});

describe('access', () => {
  it('a read-only user reads the meeting but changes nothing', async () => {
    const m = await started();
    const item = m.items[0]!.id;
    await b.value('meetings.navigate', { meetingId: m.id, itemId: item, step: 'opening' });
    await signInAs('rita');
    expect(await b.code('meetings.get', { meetingId: m.id })).toBe('ok');
    expect(await b.code('meetings.list', { when: 'all' })).toBe('ok');
    expect(await b.code('assessment.get', { itemId: item })).toBe('ok');
    expect(await b.code('assessment.audience', { meetingId: m.id })).toBe('ok');
    for (const [channel, input] of [
      ['meetings.create', { teamId: ids.team, date: today, time: '09:00', place: '', chairId: ids.aino }],
      ['meetings.addItem', { meetingId: m.id, caseId: cases[0] }],
      ['meetings.navigate', { meetingId: m.id, itemId: null, step: 'opening' }],
      ['meetings.completeItem', { itemId: item }],
      ['meetings.finish', { meetingId: m.id, carryOverTo: null }],
      ['assessment.change', { itemId: item, change: { kind: 'teamRating', value: 1 } }],
      ['teams.save', { name: 'X', memberIds: [], externals: [], requiredSectors: [], newCaseMinutes: 20, reviewMinutes: 10, reviewIntervalMonths: 6 }],
    ] as const) {
      expect(await b.code(channel, input), channel).toBe('forbidden');
    }
  });

  it('every read and write of a client’s meeting data is logged with the client, lists and agendas without one', async () => {
    const m = await started();
    const item = m.items[0]!.id;
    await b.value('meetings.navigate', { meetingId: m.id, itemId: item, step: 'opening' });
    await b.value('assessment.get', { itemId: item });
    await b.value('assessment.audience', { meetingId: m.id });
    await completeRecord(item);
    await b.value('meetings.completeItem', { itemId: item });
    await b.value('meetings.list', { when: 'all' });
    b.backend.close();
    const s = await openStore(dir, SETUP.adminUsername, PASSWORD, FAST_KDF);
    const forClient = listAuditForClient(s.db, clients[0]!).filter((e) => e.basis === 'team_meeting');
    const all = s.db.prepare("SELECT action, client_id AS clientId, entity FROM audit_events WHERE basis = 'team_meeting'").all() as { action: string; clientId: string | null; entity: string }[];
    s.db.close();
    b = testBackend(dir);
    expect(forClient.map((e) => e.action)).toEqual([
      'meeting.addItem', 'meeting.navigate', 'assessment.read', 'meeting.audienceView',
      'assessment.change', 'assessment.change', 'assessment.change', 'assessment.change', 'meeting.completeItem',
    ]);
    expect(forClient.every((e) => e.actorId === ids.aino)).toBe(true);
    expect(all.filter((e) => e.action === 'meeting.read' || e.action === 'meeting.list' || e.action === 'meeting.start')).toEqual([
      { action: 'meeting.read', clientId: null, entity: `meeting:${m.id}` },
      { action: 'meeting.start', clientId: null, entity: `meeting:${m.id}` },
      { action: 'meeting.list', clientId: null, entity: 'meetings' },
    ]);
  });
});
