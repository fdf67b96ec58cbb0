import { describe, expect, it } from 'vitest';
import { listAuditForClient } from '../../db/audit.js';
import type { Output } from '../../shared/api/contract.js';
import { defaultReviewDate } from '../../shared/domain/plan.js';
import { action, assessedWorldEachTest, goal, inDays, meetingFor, must, passwordOf, readyCase, ref, today, writtenPlan, type PlanView } from '../fixtures/plan-setup.js';

/**
 * The work-ability support plan against a real encrypted store: starting it for a case the team
 * assessed in a running meeting, editing the draft, and what follows signing (tampering shows,
 * revisions keep the ids, follow-up moves the case into services). The signing round itself is in
 * plan-signing.test.ts.
 */
const { ctx, freeze, sign, drawn, lockedPlan, raw } = assessedWorldEachTest();

type Verification = Output<'plans.verify'>;

describe('starting and editing a plan', () => {
  it('starts only for an assessed case, with the review date from the team interval, and answers the same plan again', async () => {
    const other = await readyCase(ctx.b, 'Matti Mäkinen');
    expect(await ctx.b.value('plans.forCase', { caseId: other.caseId })).toMatchObject({ planId: null, versions: [], canStart: false });
    expect(await ctx.b.code('plans.start', { caseId: other.caseId })).toBe('not_eligible');
    expect(await ctx.b.code('plans.get', { caseId: ctx.w.caseId })).toBe('not_found');
    expect(await ctx.b.value('plans.forCase', { caseId: ctx.w.caseId })).toMatchObject({ planId: null, canStart: true });

    const v = await ctx.b.value<PlanView>('plans.start', { caseId: ctx.w.caseId });
    expect(v).toMatchObject({ version: 1, state: 'draft', content: { goals: [], actions: [], reviewDate: defaultReviewDate(today, 6), statutoryRefs: [] }, progress: {}, signers: [], signatures: [], payloadValid: null });
    expect(v.problems.map((p) => p.code)).toEqual(['no_goals', 'no_actions', 'coordinator_missing']);
    expect((await ctx.b.value<PlanView>('plans.start', { caseId: ctx.w.caseId })).planId).toBe(v.planId);
    expect(await ctx.b.value('plans.forCase', { caseId: ctx.w.caseId })).toMatchObject({ planId: v.planId, versions: [{ version: 1, state: 'draft' }], canStart: false });
  });

  it('saves goals and actions one at a time, validates choices, and lists what is still missing', async () => {
    const v0 = await ctx.b.value<PlanView>('plans.start', { caseId: ctx.w.caseId });
    const r = ref(v0);
    let v = await ctx.b.value<PlanView>('plans.saveGoal', { ...r, goal: goal('Työ\u0308kokeilu', { acceptance: 'disagrees' }) });
    const g1 = v.content.goals[0]!.id;
    expect(v.content.goals[0]!.text).toBe('Työ\u0308kokeilu'.normalize('NFC'));
    v = await ctx.b.value<PlanView>('plans.saveGoal', { ...r, goal: goal('Terveys') });
    const g2 = v.content.goals[1]!.id;
    expect(await ctx.b.code('plans.saveGoal', { ...r, goal: { ...goal('x'), id: 'no-such-goal' } })).toBe('not_found');

    // An action without an owner or a due date, and one due before it starts.
    v = await ctx.b.value<PlanView>('plans.saveAction', { ...r, action: action([g1], { responsible: '  ', dueDate: null }) });
    const a1 = v.content.actions[0]!.id;
    v = await ctx.b.value<PlanView>('plans.saveAction', { ...r, action: action([g2], { startDate: inDays(10), dueDate: inDays(5), responsible: '  Eero   Eskola ' }) });
    const a2 = v.content.actions[1]!.id;
    expect(v.content.actions[1]!.responsible).toBe('Eero Eskola');
    expect(v.problems).toEqual([
      { code: 'goal_client_words_missing', goalId: g1, index: 0 },
      { code: 'action_responsible_missing', actionId: a1, index: 0 },
      { code: 'action_due_missing', actionId: a1, index: 0 },
      { code: 'action_due_before_start', actionId: a2, index: 1 },
      { code: 'coordinator_missing' },
    ]);

    // Catalogue choices and goals must exist; a retired service stays only where it was chosen.
    expect(await ctx.b.call('plans.saveAction', { ...r, action: action([g1], { serviceId: 'svc-nothing' }) })).toMatchObject({ error: { code: 'invalid_input', details: { fields: ['action.serviceId'] } } });
    expect(await ctx.b.call('plans.saveAction', { ...r, action: action(['no-goal']) })).toMatchObject({ error: { code: 'invalid_input', details: { fields: ['action.goalIds.0'] } } });
    expect(await ctx.b.code('plans.saveAction', { ...r, action: action([g1], { providerId: 'nobody' }) })).toBe('invalid_input');
    const catalogue = await ctx.b.value<{ services: { id: string; names: unknown; providerType: string; groupId: string }[] }>('catalogue.get');
    const svc = catalogue.services.find((x) => x.id === 'svc-work-trial')!;
    await ctx.b.value('plans.saveAction', { ...r, action: { ...action([g1], { serviceId: 'svc-work-trial' }), id: a1 } });
    await ctx.b.value('catalogue.saveService', { id: svc.id, names: svc.names, providerType: svc.providerType, groupId: svc.groupId, active: false });
    expect(await ctx.b.code('plans.saveAction', { ...r, action: { ...action([g1], { serviceId: 'svc-work-trial', responsible: 'Kela' }), id: a1 } })).toBe('ok');
    expect(await ctx.b.call('plans.saveAction', { ...r, action: { ...action([g2], { serviceId: 'svc-work-trial' }), id: a2 } })).toMatchObject({ error: { code: 'invalid_input', details: { reason: 'retired' } } });

    // Order, removal, details.
    v = await ctx.b.value<PlanView>('plans.move', { ...r, what: 'action', itemId: a2, direction: 'up' });
    expect(v.content.actions.map((a) => a.id)).toEqual([a2, a1]);
    v = await ctx.b.value<PlanView>('plans.move', { ...r, what: 'action', itemId: a2, direction: 'up' });
    expect(v.content.actions.map((a) => a.id)).toEqual([a2, a1]);
    v = await ctx.b.value<PlanView>('plans.move', { ...r, what: 'goal', itemId: g1, direction: 'down' });
    expect(v.content.goals.map((g) => g.id)).toEqual([g2, g1]);
    await ctx.b.value('plans.saveAction', { ...r, action: { ...action([g1, g2], { serviceId: 'svc-work-trial' }), id: a1 } });
    v = await ctx.b.value<PlanView>('plans.removeGoal', { ...r, goalId: g2 });
    expect(v.content.goals.map((g) => g.id)).toEqual([g1]);
    expect(v.content.actions.find((a) => a.id === a1)!.goalIds).toEqual([g1]);
    expect(v.content.actions.find((a) => a.id === a2)!.goalIds).toEqual([]);
    expect(v.problems).toContainEqual({ code: 'action_goal_missing', actionId: a2, index: 0 });
    v = await ctx.b.value<PlanView>('plans.removeAction', { ...r, actionId: a2 });
    expect(v.content.actions.map((a) => a.id)).toEqual([a1]);
    expect(await ctx.b.code('plans.removeAction', { ...r, actionId: a2 })).toBe('not_found');
    v = await ctx.b.value<PlanView>('plans.saveDetails', { ...r, reviewDate: inDays(100), statutoryRefs: [{ kind: 'activation_plan', number: ' 12/2026 ', date: today }, { kind: 'social_care_client_plan', number: '', date: null }] });
    expect(v.content.reviewDate).toBe(inDays(100));
    expect(v.content.statutoryRefs[0]).toEqual({ kind: 'activation_plan', number: '12/2026', date: today });
    expect(v.problems).toContainEqual({ code: 'statutory_number_missing', index: 1 });

    // The read-only role reads but does not write.
    await ctx.b.value('session.lock');
    await ctx.b.value('session.signIn', { username: 'rita', password: passwordOf('rita') });
    await ctx.b.value('session.changePassword', { currentPassword: passwordOf('rita'), newPassword: 'rita own password' });
    expect(await ctx.b.code('plans.get', { caseId: ctx.w.caseId })).toBe('ok');
    expect(await ctx.b.code('plans.saveGoal', { ...r, goal: goal('x') })).toBe('forbidden');
  });

  it('keeps to the limits on goals', async () => {
    const v = await ctx.b.value<PlanView>('plans.start', { caseId: ctx.w.caseId });
    for (let i = 0; i < 50; i++) await ctx.b.value('plans.saveGoal', { ...ref(v), goal: goal(`Tavoite ${i}`) });
    expect(await ctx.b.call('plans.saveGoal', { ...ref(v), goal: goal('Yksi liikaa') })).toMatchObject({ error: { code: 'invalid_input', details: { reason: 'limit', max: 50 } } });
  });
});

describe('after signing', () => {
  it('a tampered action makes exactly its version invalid; other versions and plans stay valid', async () => {
    const v1 = await lockedPlan();
    const v2draft = await ctx.b.value<PlanView>('plans.revise', { planId: v1.planId });
    const frozen2 = await must(freeze(v2draft));
    await must(sign(frozen2, 'Aino Ahonen', 'aino'));
    await must(sign(frozen2, 'Pekka Pitkänen', 'pekka'));
    await must(sign(frozen2, 'Eero Eskola', 'eero'));
    await must(drawn(frozen2));
    // A second case's plan, signed in the same meeting.
    const other = await readyCase(ctx.b, 'Åsa Öhman');
    const m2 = await meetingFor(ctx.b, ctx.w, other.caseId);
    const otherPlan = await writtenPlan(ctx.b, { ...ctx.w, ...other, meetingId: m2.meetingId });
    const of = await must(freeze(otherPlan, '', m2.meetingId));
    for (const [name, user] of [['Aino Ahonen', 'aino'], ['Pekka Pitkänen', 'pekka'], ['Eero Eskola', 'eero']] as const) await must(sign(of, name, user));
    await must(drawn(of));

    const actionId = v1.content.actions[1]!.id;
    await raw((db) => {
      const versionId = (db.prepare('SELECT id FROM plan_versions WHERE plan_id = ? AND version = 1').get(v1.planId) as { id: string }).id;
      expect(db.prepare("UPDATE plan_actions SET responsible = 'x' WHERE version_id = ? AND id = ?").run(versionId, actionId).changes).toBe(1);
    });
    const result = await ctx.b.value<Verification>('plans.verify', { planId: v1.planId });
    expect(result.versions.map((v) => [v.version, v.state, v.payloadValid, v.valid])).toEqual([
      [1, 'superseded', false, false],
      [2, 'locked', true, true],
    ]);
    expect(result.versions[0]!.signatures.every((x) => !x.valid)).toBe(true);
    const shown = await ctx.b.value<PlanView>('plans.get', { caseId: ctx.w.caseId, version: 1 });
    expect(shown.payloadValid).toBe(false);
    expect(shown.signatures.map((x) => x.valid)).toEqual([false, false, false, false]);
    expect((await ctx.b.value<PlanView>('plans.get', { caseId: ctx.w.caseId })).signatures.every((x) => x.valid)).toBe(true);
    const otherResult = await ctx.b.value<Verification>('plans.verify', { planId: of.planId });
    expect(otherResult.versions.map((v) => v.valid)).toEqual([true]);

    // A changed payload, a changed signature time, a deleted signature: each shows.
    await raw((db) => db.prepare("UPDATE plan_versions SET payload = replace(payload, 'Liisa Laine', 'Liisa Leino') WHERE plan_id = ? AND version = 2").run(v1.planId));
    expect((await ctx.b.value<Verification>('plans.verify', { planId: v1.planId })).versions[1]).toMatchObject({ payloadValid: false, valid: false });
    await raw((db) => db.prepare("UPDATE plan_signatures SET signed_at = '2000-01-01T00:00:00.000Z' WHERE name = 'Pekka Pitkänen' AND version_id = (SELECT id FROM plan_versions WHERE plan_id = ?)").run(of.planId));
    const pekka = (await ctx.b.value<Verification>('plans.verify', { planId: of.planId })).versions[0]!;
    expect(Object.fromEntries(pekka.signatures.map((x) => [x.name, x.valid]))).toEqual({ 'Aino Ahonen': true, 'Pekka Pitkänen': false, 'Eero Eskola': true, 'Åsa Öhman': true });
    expect(pekka.valid).toBe(false);
  });

  it('a deleted signature leaves a locked version invalid', async () => {
    const v = await lockedPlan();
    await raw((db) => db.prepare("DELETE FROM plan_signatures WHERE kind = 'client_drawn'").run());
    expect((await ctx.b.value<Verification>('plans.verify', { planId: v.planId })).versions[0]).toMatchObject({ payloadValid: true, valid: false });
  });

  it('revises into a new draft with the same ids, keeps the old version readable, and follows actions up', async () => {
    const v1 = await lockedPlan();
    const [a1, a2] = v1.content.actions.map((a) => a.id) as [string, string];
    expect(await ctx.b.code('plans.setActionStatus', { planId: v1.planId, actionId: 'nope', status: 'done' })).toBe('not_found');
    let inForce = await ctx.b.value<PlanView>('plans.setActionStatus', { planId: v1.planId, actionId: a1, status: 'ongoing' });
    expect(inForce.progress[a1]).toBe('ongoing');
    expect(inForce.content.actions[0]!.status).toBe('planned');
    const [k] = await ctx.b.value<{ status: string }[]>('cases.listForClient', { clientId: ctx.w.clientId });
    expect(k!.status).toBe('in_services');
    inForce = await ctx.b.value<PlanView>('plans.setActionStatus', { planId: v1.planId, actionId: a2, status: 'done' });

    const v2 = await ctx.b.value<PlanView>('plans.revise', { planId: v1.planId });
    expect(v2).toMatchObject({ version: 2, state: 'draft', payloadSha256: null, signatures: [], progress: {} });
    expect(v2.content.goals.map((g) => g.id)).toEqual(v1.content.goals.map((g) => g.id));
    expect(v2.content.actions.map((a) => a.id)).toEqual(v1.content.actions.map((a) => a.id));
    expect(v2.content.actions.map((a) => a.status)).toEqual(['ongoing', 'done', 'planned', 'planned']);
    expect(v2.content.reviewDate).toBe(v1.content.reviewDate);
    expect(await ctx.b.code('plans.revise', { planId: v1.planId })).toBe('plan_draft_exists');

    const old = await ctx.b.value<PlanView>('plans.get', { caseId: ctx.w.caseId, version: 1 });
    expect(old).toMatchObject({ state: 'superseded', payloadValid: true });
    expect(old.supersededAt).not.toBeNull();
    expect(old.signatures.every((x) => x.valid)).toBe(true);
    // The superseded version stays the plan in force until the revision is signed.
    expect(old.progress).toEqual({ [a1]: 'ongoing', [a2]: 'done', [v1.content.actions[2]!.id]: 'planned', [v1.content.actions[3]!.id]: 'planned' });
    expect(await ctx.b.code('plans.saveGoal', { ...ref(old), goal: goal('x') })).toBe('plan_superseded');
    expect((await ctx.b.value<PlanView>('plans.get', { caseId: ctx.w.caseId })).version).toBe(2);
    expect(await ctx.b.value('plans.forCase', { caseId: ctx.w.caseId })).toMatchObject({ versions: [{ version: 1, state: 'superseded' }, { version: 2, state: 'draft' }] });
  });

  it('logs every read and write of the plan with the client', async () => {
    const v = await lockedPlan();
    await ctx.b.value('plans.get', { caseId: ctx.w.caseId });
    await ctx.b.value('plans.verify', { planId: v.planId });
    const events = await raw((db) => listAuditForClient(db, ctx.w.clientId).map((e) => e.action).filter((a) => a.startsWith('plan.') || a.startsWith('coordinator.')));
    expect(events).toEqual([
      'plan.start', 'plan.saveGoal', 'plan.saveGoal', 'plan.saveAction', 'plan.saveAction', 'plan.saveAction', 'plan.saveAction', 'coordinator.assign', 'plan.read',
      'plan.freeze', 'plan.sign', 'plan.sign', 'plan.sign', 'plan.sign', 'plan.lock', 'plan.read', 'plan.verify',
    ]);
  });
});
