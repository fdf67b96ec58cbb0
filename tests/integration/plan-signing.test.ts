import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../shared/api/contract.js';
import { canonicalJson } from '../../shared/domain/canonical.js';
import { action, assessedWorldEachTest, codeOf, goal, meetingFor, must, passwordOf, readyCase, ref, slot, table, TINY_PNG, today, writtenPlan, type PlanView } from '../fixtures/plan-setup.js';
import { PASSWORD } from '../fixtures/tmp.js';

/**
 * The signing round against a real encrypted store: a team assesses a case in a running meeting,
 * writes the plan, names a coordinator, passes the quorum check, and signs: three members each with
 * their own password, the chair for those who cannot, and the client. Bad input is refused.
 */
const { ctx, freeze, sign, drawn, raw } = assessedWorldEachTest();

type Verification = Output<'plans.verify'>;

describe('the signing round', () => {
  it('freezes a complete plan, collects three members and the client, locks it and moves the case on', async () => {
    const events: string[] = [];
    ctx.b.backend.subscribe((e) => events.push(e));
    const draft = await writtenPlan(ctx.b, ctx.w);
    expect(draft.problems).toEqual([]);
    expect(draft.content.goals).toHaveLength(2);
    expect(draft.content.actions).toHaveLength(4);

    const frozen = await must(freeze(draft, 'ignored when nobody is missing'));
    expect(frozen).toMatchObject({ state: 'frozen', meetingId: ctx.w.meetingId, chairUserId: ctx.w.ids.aino, payloadValid: true, quorum: { requiredSectors: ['social_care', 'health_care', 'employment_services'], missingSectors: [], reason: '' } });
    expect(frozen.payloadSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(frozen.signers.map((x) => [x.name, x.way])).toEqual([['Aino Ahonen', 'member'], ['Pekka Pitkänen', 'member'], ['Eero Eskola', 'member'], ['Kaisa Korhonen', 'none'], ['Kerttu Kela', 'none']]);
    expect(events).toContain('plans.changed');
    expect(await ctx.b.code('plans.saveGoal', { ...ref(frozen), goal: goal('Myöhästynyt') })).toBe('plan_not_draft');
    expect(await ctx.b.code('plans.freeze', { ...ref(frozen), meetingId: ctx.w.meetingId, quorumReason: '' })).toBe('plan_not_draft');

    let v = await must(sign(frozen, 'Aino Ahonen', 'aino'));
    v = await must(sign(frozen, 'Pekka Pitkänen', 'pekka'));
    expect(v.signers.filter((x) => x.signed).map((x) => x.name)).toEqual(['Aino Ahonen', 'Pekka Pitkänen']);
    expect(v.state).toBe('frozen');
    v = await must(sign(frozen, 'Eero Eskola', 'eero'));
    expect(await codeOf(drawn(frozen, 'data:image/png;base64,bm90IGEgcG5n'))).toBe('signature_image_invalid');
    expect(await codeOf(drawn(frozen, 'data:image/jpeg;base64,iVBORw0KGgo='))).toBe('signature_image_invalid');
    expect(await codeOf(drawn(frozen, null))).toBe('signature_image_invalid');
    v = await must(drawn(frozen));

    expect(v.state).toBe('locked');
    expect(v.lockedAt).not.toBeNull();
    expect(v.clientSigned).toBe(true);
    expect(v.payloadValid).toBe(true);
    expect(v.signatures.map((x) => [x.kind, x.name, x.signerName, x.valid])).toEqual([
      ['member', 'Aino Ahonen', 'Aino Ahonen', true],
      ['member', 'Pekka Pitkänen', 'Pekka Pitkänen', true],
      ['member', 'Eero Eskola', 'Eero Eskola', true],
      ['client_drawn', 'Liisa Laine', 'Aino Ahonen', true],
    ]);
    expect(v.signatures[3]!.image).toBe(TINY_PNG);
    expect(v.progress).toEqual(Object.fromEntries(v.content.actions.map((a) => [a.id, 'planned'])));
    const [k] = await ctx.b.value<{ status: string }[]>('cases.listForClient', { clientId: ctx.w.clientId });
    expect(k!.status).toBe('plan_signed');
    expect(events).toContain('clients.changed');
    expect(await ctx.b.code('plans.saveGoal', { ...ref(v), goal: goal('x') })).toBe('plan_locked');
    expect(await codeOf(sign(frozen, 'Eero Eskola', 'eero'))).toBe('plan_locked');

    const verified = await ctx.b.value<Verification>('plans.verify', { planId: v.planId });
    expect(verified.versions).toEqual([{ version: 1, state: 'locked', payloadValid: true, valid: true, signatures: expect.any(Array) }]);

    // The access log has each signature, the lock, and never a password.
    const log = await raw((db) => db.prepare("SELECT action, actor_id AS actorId, details FROM audit_events WHERE action LIKE 'plan.%' ORDER BY seq").all() as { action: string; actorId: string; details: string | null }[]);
    expect(log.filter((e) => e.action === 'plan.sign').map((e) => JSON.parse(e.details!) as { kind: string; signerUserId: string })).toEqual([
      expect.objectContaining({ kind: 'member', signerUserId: ctx.w.ids.aino }),
      expect.objectContaining({ kind: 'member', signerUserId: ctx.w.ids.pekka }),
      expect.objectContaining({ kind: 'member', signerUserId: ctx.w.ids.eero }),
      expect.objectContaining({ kind: 'client_drawn', signerUserId: ctx.w.ids.aino }),
    ]);
    expect(log.map((e) => e.action).filter((a) => a !== 'plan.read' && a !== 'plan.verify').slice(-2)).toEqual(['plan.sign', 'plan.lock']);
    expect(log.every((e) => e.actorId === ctx.w.ids.aino)).toBe(true);
    expect(JSON.stringify(log)).not.toContain('first password');
  });

  it('stores the documented canonical payload, hashed as stored', async () => {
    const frozen = await must(freeze(await writtenPlan(ctx.b, ctx.w)));
    const row = await raw((db) => db.prepare('SELECT payload, payload_sha256 FROM plan_versions').get() as { payload: string; payload_sha256: string });
    expect(createHash('sha256').update(row.payload, 'utf8').digest('hex')).toBe(row.payload_sha256);
    expect(row.payload_sha256).toBe(frozen.payloadSha256);
    const p = JSON.parse(row.payload) as Record<string, unknown> & { actions: { service: unknown; provider: unknown }[]; attendance: unknown[]; assessment: { conclusion: Record<string, unknown> }; coordinator: unknown };
    expect(canonicalJson(p)).toBe(row.payload);
    expect(Object.keys(p).sort()).toEqual(['actions', 'assessment', 'attendance', 'case', 'client', 'coordinator', 'format', 'frozenAt', 'goals', 'meeting', 'planId', 'quorum', 'reviewDate', 'statutoryPlans', 'version']);
    expect(p).toMatchObject({ format: 'tiimipoyta.plan/1', version: 1, client: { name: 'Liisa Laine', identityCode: null }, case: { number: ctx.w.caseNumber }, meeting: { id: ctx.w.meetingId, chairUserId: ctx.w.ids.aino, chairName: 'Aino Ahonen', teamName: 'Kajaanin työkykytiimi' } });
    expect(p.assessment.conclusion).toMatchObject({ statement: 'Työkyky osittainen; työkokeilu sopii.', teamRating: 6, servicePath: 'work_trial', clientAgreement: 'agrees' });
    expect(p.actions[0]).toMatchObject({ service: { id: 'svc-ips', names: { fi: expect.any(String), sv: expect.any(String), en: expect.any(String) } }, provider: { id: ctx.w.providerId, organisation: 'Kainuun IPS-valmennus' } });
    expect(p.actions[3]).toMatchObject({ service: null, provider: null, text: 'Kuntouttava ohjaus' });
    expect(p.coordinator).toMatchObject({ kind: 'user', userId: ctx.w.ids.eero, name: 'Eero Eskola', type: 'work_ability_coordinator' });
    expect(p.attendance).toHaveLength(5);
    expect(p.attendance[0]).toEqual({ attendanceId: frozen.signers[0]!.attendanceId, userId: ctx.w.ids.aino, externalId: null, name: 'Aino Ahonen', profession: 'social_worker', organisation: 'Kainuu', status: 'present' });
  });

  it('refuses wrong passwords (counted, nothing stored), double, absent, remote and superseded signatures', async () => {
    const frozen = await must(freeze(await writtenPlan(ctx.b, ctx.w)));
    for (let i = 1; i <= 5; i++) {
      expect(await sign(frozen, 'Pekka Pitkänen', 'pekka', 'not the password')).toMatchObject({ ok: false, error: { code: 'wrong_password', details: { attempts: i, max: 5 } } });
    }
    // Five wrong: even the right one waits.
    expect(await codeOf(sign(frozen, 'Pekka Pitkänen', 'pekka'))).toBe('too_many_attempts');
    // Another member's count is their own.
    expect(await codeOf(sign(frozen, 'Eero Eskola', 'eero', 'pekka first password'))).toBe('wrong_password');
    const stored = await raw((db) => ({
      signatures: (db.prepare('SELECT count(*) AS n FROM plan_signatures').get() as { n: number }).n,
      refused: (db.prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'plan.signRefused'").get() as { n: number }).n,
    }));
    expect(stored).toEqual({ signatures: 0, refused: 6 });
    // The wait ends after five minutes, and a success clears the count.
    await raw((db) => db.prepare("UPDATE plan_sign_attempts SET last_failed_at = '2000-01-01T00:00:00.000Z'").run());
    await must(sign(frozen, 'Pekka Pitkänen', 'pekka'));
    expect(await codeOf(sign(frozen, 'Pekka Pitkänen', 'pekka'))).toBe('already_signed');
    expect(await codeOf(sign(frozen, 'Kaisa Korhonen', 'kaisa'))).toBe('not_present');
    expect(await codeOf(sign(frozen, 'Kerttu Kela', 'kaisa'))).toBe('not_present');
    expect(await codeOf(ctx.b.call('plans.sign', { ...ref(frozen), attendanceId: 'not-at-the-table', password: passwordOf('aino') }))).toBe('not_present');
    expect(await codeOf(ctx.b.call('plans.confirm', { ...ref(frozen), attendanceId: slot(frozen, 'Eero Eskola'), chairPassword: PASSWORD }))).toBe('invalid_input');
    expect(await codeOf(ctx.b.call('plans.confirm', { ...ref(frozen), attendanceId: slot(frozen, 'Kaisa Korhonen'), chairPassword: PASSWORD }))).toBe('not_present');

    // Attendance changed after freezing does not change who signs: the payload says.
    await ctx.b.value('meetings.setAttendance', { meetingId: ctx.w.meetingId, attendance: table(ctx.w.ids, { kaisa: 'present' }) });
    expect(await codeOf(sign(frozen, 'Kaisa Korhonen', 'kaisa'))).toBe('not_present');

    await must(sign(frozen, 'Aino Ahonen', 'aino'));
    await must(sign(frozen, 'Eero Eskola', 'eero'));
    const locked = await must(drawn(frozen));
    expect(await codeOf(drawn(frozen))).toBe('plan_locked');
    const v2 = await ctx.b.value<PlanView>('plans.revise', { planId: locked.planId });
    expect(await codeOf(sign(locked, 'Eero Eskola', 'eero'))).toBe('plan_superseded');
    expect(await codeOf(ctx.b.call('plans.sign', { ...ref(v2), attendanceId: slot(frozen, 'Eero Eskola'), password: passwordOf('eero') }))).toBe('plan_not_frozen');
  });

  it('the chair confirms remote members and those without an account, and records an oral agreement with its witness', async () => {
    await ctx.b.value('meetings.setAttendance', { meetingId: ctx.w.meetingId, attendance: table(ctx.w.ids, { pekka: 'remote', kerttu: 'present' }) });
    const frozen = await must(freeze(await writtenPlan(ctx.b, ctx.w)));
    expect(frozen.signers.map((x) => [x.name, x.way])).toEqual([['Aino Ahonen', 'member'], ['Pekka Pitkänen', 'confirmed'], ['Eero Eskola', 'member'], ['Kaisa Korhonen', 'none'], ['Kerttu Kela', 'confirmed']]);
    expect(await codeOf(sign(frozen, 'Pekka Pitkänen', 'pekka'))).toBe('not_present');
    const confirm = (name: string, chairPassword = PASSWORD) => ctx.b.call('plans.confirm', { ...ref(frozen), attendanceId: slot(frozen, name), chairPassword });
    expect(await confirm('Pekka Pitkänen', passwordOf('pekka'))).toMatchObject({ error: { code: 'wrong_password', details: { attempts: 1 } } });
    await must(confirm('Pekka Pitkänen'));
    await must(confirm('Kerttu Kela'));
    expect(await codeOf(confirm('Kerttu Kela'))).toBe('already_signed');
    await must(sign(frozen, 'Aino Ahonen', 'aino'));
    await must(sign(frozen, 'Eero Eskola', 'eero'));
    const oral = (witness: string | null) => ctx.b.call('plans.clientSign', { ...ref(frozen), method: 'oral', image: null, witness, chairPassword: PASSWORD });
    expect(await oral('  ')).toMatchObject({ error: { code: 'invalid_input', details: { fields: ['witness'] } } });
    expect(await codeOf(oral(null))).toBe('invalid_input');
    const v = await must(oral('Eero Eskola'));
    expect(v.state).toBe('locked');
    expect(v.signatures.map((x) => [x.kind, x.name, x.signerName, x.witness, x.valid])).toEqual([
      ['confirmed', 'Pekka Pitkänen', 'Aino Ahonen', null, true],
      ['confirmed', 'Kerttu Kela', 'Aino Ahonen', null, true],
      ['member', 'Aino Ahonen', 'Aino Ahonen', null, true],
      ['member', 'Eero Eskola', 'Eero Eskola', null, true],
      ['client_oral', 'Liisa Laine', 'Aino Ahonen', 'Eero Eskola', true],
    ]);
  });

  it('asks for a reason when a required sector is missing, and carries it in the plan', async () => {
    await ctx.b.value('meetings.setAttendance', { meetingId: ctx.w.meetingId, attendance: table(ctx.w.ids, { pekka: 'absent' }) });
    const draft = await writtenPlan(ctx.b, ctx.w);
    expect(await freeze(draft, '   ')).toMatchObject({ ok: false, error: { code: 'quorum_reason_required', details: { missingSectors: ['health_care'] } } });
    const v = await must(freeze(draft, 'Lääkärin lausunto on kirjallisena.'));
    expect(v.quorum).toEqual({ requiredSectors: ['social_care', 'health_care', 'employment_services'], missingSectors: ['health_care'], reason: 'Lääkärin lausunto on kirjallisena.' });
    expect(v.signers.find((x) => x.name === 'Pekka Pitkänen')!.way).toBe('none');
  });

  it('will not freeze an incomplete plan, outside a running meeting, or for a case not on the agenda', async () => {
    let v = await ctx.b.value<PlanView>('plans.start', { caseId: ctx.w.caseId });
    v = await ctx.b.value<PlanView>('plans.saveGoal', { ...ref(v), goal: goal('Työ') });
    const g = v.content.goals[0]!.id;
    v = await ctx.b.value<PlanView>('plans.saveAction', { ...ref(v), action: action([g], { responsible: '', dueDate: null }) });
    const a = v.content.actions[0]!.id;
    expect(await freeze(v)).toMatchObject({
      ok: false,
      error: {
        code: 'plan_incomplete',
        details: { problems: [{ code: 'action_responsible_missing', actionId: a, index: 0 }, { code: 'action_due_missing', actionId: a, index: 0 }, { code: 'coordinator_missing' }] },
      },
    });
    await ctx.b.value('plans.saveAction', { ...ref(v), action: { ...action([g]), id: a } });
    await ctx.b.value('coordinators.assign', { caseId: ctx.w.caseId, who: { kind: 'user', userId: ctx.w.ids.pekka }, type: 'client_coordinator', startDate: today, handoverNote: '' });
    await ctx.b.value('users.deactivate', { userId: ctx.w.ids.pekka });
    expect(await freeze(v)).toMatchObject({ error: { code: 'plan_incomplete', details: { problems: [{ code: 'coordinator_inactive' }] } } });
    await ctx.b.value('coordinators.assign', { caseId: ctx.w.caseId, who: { kind: 'user', userId: ctx.w.ids.eero }, type: 'client_coordinator', startDate: today, handoverNote: 'Pekka lähti.' });

    expect(await codeOf(freeze(v, '', 'no-such-meeting'))).toBe('not_found');
    const other = await readyCase(ctx.b, 'Matti Mäkinen');
    const m2 = await meetingFor(ctx.b, ctx.w, other.caseId);
    expect(await codeOf(freeze(v, '', m2.meetingId))).toBe('not_eligible');
    await ctx.b.value('meetings.finish', { meetingId: ctx.w.meetingId, carryOverTo: null });
    expect(await codeOf(freeze(v))).toBe('meeting_finished');
  });

  it('reopening a frozen version discards its signatures and says how many', async () => {
    const frozen = await must(freeze(await writtenPlan(ctx.b, ctx.w)));
    await must(sign(frozen, 'Pekka Pitkänen', 'pekka'));
    const v = await ctx.b.value<PlanView>('plans.reopen', ref(frozen));
    expect(v).toMatchObject({ state: 'draft', payloadSha256: null, quorum: null, meetingId: null, signatures: [], signers: [] });
    expect(await ctx.b.code('plans.reopen', ref(frozen))).toBe('plan_not_frozen');
    const refrozen = await must(freeze(v));
    expect(refrozen.signatures).toEqual([]);
    const details = await raw((db) => db.prepare("SELECT details FROM audit_events WHERE action = 'plan.reopen'").get() as { details: string });
    expect(JSON.parse(details.details)).toMatchObject({ version: 1, discardedSignatures: 1 });
  });
});

