import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAuditForClient } from '../../db/audit.js';
import { openStore } from '../../db/store.js';
import { SETUP, testBackend } from '../fixtures/backend.js';
import { action, assessedWorld, goal, inDays, passwordOf, readyCase, TINY_PNG, today, type PlanView, type World } from '../fixtures/plan-setup.js';
import { FAST_KDF, PASSWORD, tempDir } from '../fixtures/tmp.js';

/** The client coordinator: candidates with caseloads, naming and handing over, history, the worklist. */
let dir: string;
let cleanup: () => void;
let b: ReturnType<typeof testBackend>;
let w: World;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  b = testBackend(dir);
  w = await assessedWorld(b);
});
afterEach(() => {
  b.backend.close();
  cleanup();
});

type Candidate = { kind: string; userId: string | null; externalId: string | null; name: string; caseload: number; active: boolean };
type Coordinator = { id: string; kind: string; userId: string | null; externalId: string | null; name: string; organisation: string; profession: string | null; contact: string; type: string; startDate: string; endDate: string | null; handoverNote: string; assignedByName: string };
type Coordination = { caseId: string; current: Coordinator | null; history: Coordinator[] };
type Work = { caseId: string; caseNumber: string; clientName: string; type: string; since: string; nextReview: string | null; reviewOverdue: boolean; dueActions: { actionId: string; text: string; dueDate: string; status: string; overdue: boolean }[] };

const assign = (caseId: string, who: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  b.call('coordinators.assign', { caseId, who, type: 'client_coordinator', startDate: today, handoverNote: '', ...extra });
const user = (userId: string) => ({ kind: 'user', userId });

describe('coordinators', () => {
  it('candidates are the team that had the case, with their caseloads; a case no team has had offers all staff', async () => {
    let list = await b.value<Candidate[]>('coordinators.candidates', { caseId: w.caseId });
    expect(list.map((c) => [c.kind, c.name, c.caseload])).toEqual([
      ['user', 'Aino Ahonen', 0],
      ['user', 'Pekka Pitkänen', 0],
      ['user', 'Eero Eskola', 0],
      ['user', 'Kaisa Korhonen', 0],
      ['external', 'Kerttu Kela', 0],
    ]);
    await b.value('coordinators.assign', { caseId: w.caseId, who: user(w.ids.eero), type: 'work_ability_coordinator', startDate: today, handoverNote: '' });
    const fresh = await readyCase(b, 'Matti Mäkinen');
    await b.value('coordinators.assign', { caseId: fresh.caseId, who: user(w.ids.eero), type: 'own_worker', startDate: today, handoverNote: '' });
    await b.value('coordinators.assign', { caseId: w.caseId, who: { kind: 'external', externalId: w.ids.ext, name: 'ignored', organisation: '', profession: null, contact: 'kerttu@kela.fi' }, type: 'client_coordinator', startDate: today, handoverNote: 'Kela jatkaa.' });
    list = await b.value<Candidate[]>('coordinators.candidates', { caseId: w.caseId });
    expect(Object.fromEntries(list.map((c) => [c.name, c.caseload]))).toEqual({ 'Aino Ahonen': 0, 'Pekka Pitkänen': 0, 'Eero Eskola': 1, 'Kaisa Korhonen': 0, 'Kerttu Kela': 1 });

    // No meeting has had this case: every active member of staff (not the read-only account).
    const staff = await b.value<Candidate[]>('coordinators.candidates', { caseId: fresh.caseId });
    expect(staff.map((c) => c.name)).toEqual(['Aino Ahonen', 'Eero Eskola', 'Kaisa Korhonen', 'Pekka Pitkänen']);
    // A closed case no longer counts.
    await b.value('cases.setStatus', { caseId: fresh.caseId, status: 'closed', outcome: 'other' });
    list = await b.value<Candidate[]>('coordinators.candidates', { caseId: w.caseId });
    expect(list.find((c) => c.name === 'Eero Eskola')!.caseload).toBe(0);
  });

  it('names a coordinator, asks for a handover note when it changes, and keeps the history', async () => {
    const first = await b.value<Coordination>('coordinators.assign', { caseId: w.caseId, who: user(w.ids.eero), type: 'work_ability_coordinator', startDate: inDays(-10), handoverNote: '' });
    expect(first.current).toMatchObject({ kind: 'user', userId: w.ids.eero, name: 'Eero Eskola', organisation: 'Kainuu', profession: 'employment_expert', type: 'work_ability_coordinator', startDate: inDays(-10), endDate: null, assignedByName: 'Aino Ahonen' });
    // The same person again corrects the current row.
    const corrected = await b.value<Coordination>('coordinators.assign', { caseId: w.caseId, who: user(w.ids.eero), type: 'client_coordinator', startDate: inDays(-7), handoverNote: '' });
    expect(corrected.history).toHaveLength(1);
    expect(corrected.current).toMatchObject({ type: 'client_coordinator', startDate: inDays(-7) });

    expect(await assign(w.caseId, user(w.ids.pekka))).toMatchObject({ ok: false, error: { code: 'handover_note_required' } });
    expect(await assign(w.caseId, user(w.ids.pekka), { handoverNote: '   ' })).toMatchObject({ ok: false, error: { code: 'handover_note_required' } });
    expect(await assign(w.caseId, user(w.ids.pekka), { handoverNote: 'Kuntoutus alkaa.', startDate: inDays(-8) })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { fields: ['startDate'] } } });
    await b.value('users.deactivate', { userId: w.ids.kaisa });
    expect(await assign(w.caseId, user(w.ids.kaisa), { handoverNote: 'x' })).toMatchObject({ ok: false, error: { code: 'coordinator_inactive' } });
    expect(await assign(w.caseId, user('no-such-user'), { handoverNote: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const second = await b.value<Coordination>('coordinators.assign', { caseId: w.caseId, who: user(w.ids.pekka), type: 'own_worker', startDate: today, handoverNote: 'Kuntoutus alkaa; Pekka jatkaa.' });
    expect(second.current).toMatchObject({ userId: w.ids.pekka, startDate: today, endDate: null, handoverNote: '' });
    expect(second.history.map((c) => [c.name, c.startDate, c.endDate, c.handoverNote])).toEqual([
      ['Pekka Pitkänen', today, null, ''],
      ['Eero Eskola', inDays(-7), today, 'Kuntoutus alkaa; Pekka jatkaa.'],
    ]);

    const third = await b.value<Coordination>('coordinators.assign', {
      caseId: w.caseId,
      who: { kind: 'external', externalId: null, name: '  Sari  Sosiaaliohjaaja ', organisation: 'Kajaanin kaupunki', profession: 'social_instructor', contact: '044 000 0000' },
      type: 'own_worker',
      startDate: today,
      handoverNote: 'Sosiaalityö jatkaa.',
    });
    expect(third.current).toMatchObject({ kind: 'external', userId: null, externalId: null, name: 'Sari Sosiaaliohjaaja', organisation: 'Kajaanin kaupunki', profession: 'social_instructor', contact: '044 000 0000' });
    expect(await b.value('coordinators.forCase', { caseId: w.caseId })).toEqual(third);
    expect(third.history).toHaveLength(3);

    // The read-only role reads the history and names nobody.
    await b.value('session.lock');
    await b.value('session.signIn', { username: 'rita', password: passwordOf('rita') });
    await b.value('session.changePassword', { currentPassword: passwordOf('rita'), newPassword: 'rita own password' });
    expect(await b.code('coordinators.forCase', { caseId: w.caseId })).toBe('ok');
    expect(await b.code('coordinators.assign', { caseId: w.caseId, who: user(w.ids.aino), type: 'own_worker', startDate: today, handoverNote: 'x' })).toBe('forbidden');
  });

  it('the worklist shows the coordinator their open cases, due and overdue actions and reviews', async () => {
    await b.value('coordinators.assign', { caseId: w.caseId, who: user(w.ids.aino), type: 'work_ability_coordinator', startDate: today, handoverNote: '' });
    expect(await b.value<Work[]>('coordinators.worklist')).toEqual([
      { caseId: w.caseId, caseNumber: w.caseNumber, clientId: w.clientId, clientName: 'Liisa Laine', type: 'work_ability_coordinator', since: today, nextReview: null, reviewOverdue: false, dueActions: [] },
    ]);
    let v = await b.value<PlanView>('plans.start', { caseId: w.caseId });
    const r = { planId: v.planId, version: 1 };
    v = await b.value<PlanView>('plans.saveGoal', { ...r, goal: goal('Työ') });
    const g = v.content.goals[0]!.id;
    await b.value('plans.saveAction', { ...r, action: action([g], { text: 'Myöhässä', startDate: inDays(-30), dueDate: inDays(-1) }) });
    await b.value('plans.saveAction', { ...r, action: action([g], { text: 'Pian', dueDate: inDays(30) }) });
    await b.value('plans.saveAction', { ...r, action: action([g], { text: 'Myöhemmin', dueDate: inDays(31) }) });
    v = await b.value<PlanView>('plans.saveAction', { ...r, action: action([g], { text: 'Tehty jo', dueDate: inDays(3), status: 'done' }) });
    await b.value('plans.saveDetails', { ...r, reviewDate: inDays(-2), statutoryRefs: [] });
    const frozen = await b.value<PlanView>('plans.freeze', { ...r, meetingId: w.meetingId, quorumReason: '' });
    for (const [name, username] of [['Aino Ahonen', 'aino'], ['Pekka Pitkänen', 'pekka'], ['Eero Eskola', 'eero']]) {
      await b.value('plans.sign', { ...r, attendanceId: frozen.signers.find((x) => x.name === name)!.attendanceId, password: passwordOf(username!) });
    }
    await b.value('plans.clientSign', { ...r, method: 'drawn', image: TINY_PNG, witness: null, chairPassword: PASSWORD });
    const [work] = await b.value<Work[]>('coordinators.worklist');
    expect(work).toMatchObject({ nextReview: inDays(-2), reviewOverdue: true });
    expect(work!.dueActions.map((a) => [a.text, a.dueDate, a.status, a.overdue])).toEqual([
      ['Myöhässä', inDays(-1), 'planned', true],
      ['Pian', inDays(30), 'planned', false],
    ]);
    // Follow-up: a finished action leaves the list.
    await b.value('plans.setActionStatus', { planId: v.planId, actionId: v.content.actions[0]!.id, status: 'done' });
    expect((await b.value<Work[]>('coordinators.worklist'))[0]!.dueActions.map((a) => a.text)).toEqual(['Pian']);

    // Someone else's list is their own.
    await b.value('session.lock');
    await b.value('session.signIn', { username: 'eero', password: passwordOf('eero') });
    await b.value('session.changePassword', { currentPassword: passwordOf('eero'), newPassword: 'eero own password' });
    expect(await b.value('coordinators.worklist')).toEqual([]);
  });

  it('every coordinator read and write is logged with the client', async () => {
    await b.value('coordinators.candidates', { caseId: w.caseId });
    await b.value('coordinators.assign', { caseId: w.caseId, who: user(w.ids.eero), type: 'client_coordinator', startDate: today, handoverNote: '' });
    await b.value('coordinators.forCase', { caseId: w.caseId });
    await b.value('coordinators.worklist');
    b.backend.close();
    const s = await openStore(dir, SETUP.adminUsername, PASSWORD, FAST_KDF);
    const events = listAuditForClient(s.db, w.clientId).filter((e) => e.action.startsWith('coordinator.'));
    const list = s.db.prepare("SELECT client_id AS clientId, details FROM audit_events WHERE action = 'coordinator.worklist'").all();
    s.db.close();
    b = testBackend(dir);
    expect(events.map((e) => [e.action, e.entity])).toEqual([
      ['coordinator.candidates', `case:${w.caseId}`],
      ['coordinator.assign', `case:${w.caseId}`],
      ['coordinator.read', `case:${w.caseId}`],
    ]);
    expect(events[1]!.details).toMatchObject({ kind: 'user', type: 'client_coordinator', replaced: false });
    expect(list).toEqual([{ clientId: null, details: '{"rows":0}' }]);
  });

  it('an external regular who coordinates stays on record when taken off the team', async () => {
    const team = { id: w.ids.team, name: 'Kajaanin työkykytiimi', memberIds: [w.ids.aino, w.ids.pekka, w.ids.eero, w.ids.kaisa], requiredSectors: ['social_care'], newCaseMinutes: 20, reviewMinutes: 10, reviewIntervalMonths: 6 };
    const kerttu = { id: w.ids.ext, name: 'Kerttu Kela', organisation: 'Kela', profession: 'kela_adviser' };
    const saved = await b.value<{ externals: { id: string; name: string }[] }>('teams.save', { ...team, externals: [kerttu, { name: 'Ville Valmentaja', organisation: 'Valmennus Oy', profession: 'job_coach' }] });
    const ville = saved.externals.find((e) => e.name === 'Ville Valmentaja')!.id;
    const who = { kind: 'external', externalId: ville, name: 'Ville', organisation: '', profession: null, contact: '040 1' };
    // The registry's details, the contact as given.
    expect((await b.value<Coordination>('coordinators.assign', { caseId: w.caseId, who, type: 'client_coordinator', startDate: today, handoverNote: '' })).current).toMatchObject({
      kind: 'external', externalId: ville, name: 'Ville Valmentaja', organisation: 'Valmennus Oy', profession: 'job_coach', contact: '040 1',
    });
    // Ville was never at a meeting: only the coordinator row keeps him from being deleted.
    expect(await b.code('teams.save', { ...team, externals: [kerttu] })).toBe('ok');
    expect((await b.value<Coordination>('coordinators.forCase', { caseId: w.caseId })).current).toMatchObject({ externalId: ville, name: 'Ville Valmentaja' });
    expect(await assign(w.caseId, who)).toMatchObject({ ok: false, error: { code: 'coordinator_inactive' } });
  });
});
