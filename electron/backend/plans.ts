/**
 * The work-ability support plan (issue 6, item 2; DOMAIN.md step 8): starting it for an assessed
 * case, editing a draft goal by goal and action by action, revising a signed plan into a new
 * version, and following its actions up. Freezing and signing are in plan-signing.ts.
 *
 * Every goal and action keeps its id through every version. Saves are granular, so two people
 * editing one draft lose nothing but an older value of the very same goal or action.
 */
import { randomUUID } from 'node:crypto';
import type { Output, ParsedInput, PlanVersion } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import type { CaseStatus } from '../../shared/domain/case.js';
import { normaliseName } from '../../shared/domain/client.js';
import { todayInFinland } from '../../shared/domain/dates.js';
import { TEAM_DEFAULTS } from '../../shared/domain/meeting.js';
import { defaultReviewDate, PLAN_LIMITS, versionRefusal, type PlanAction, type PlanGoal, type StatutoryPlanRef } from '../../shared/domain/plan.js';
import { getService, getProvider } from '../../db/repositories/catalogue.js';
import { getCase, setCaseStatus, type Case } from '../../db/repositories/cases.js';
import {
  assessedItems,
  copyContent,
  deleteAction,
  deleteGoal,
  getPlanForCase,
  insertPlan,
  insertVersion,
  listActions,
  listGoals,
  listProgress,
  listVersions,
  newestVersion,
  setActionGoals,
  setDetails,
  setProgress,
  supersedeVersion,
  swapPositions,
  touchVersion,
  upsertAction,
  upsertGoal,
  versionInForce,
  type VersionRecord,
} from '../../db/repositories/plans.js';
import { getTeam } from '../../db/repositories/teams.js';
import type { OpenStore } from '../../db/store.js';
import { withAccess } from './access.js';
import { requireRole, requireUser, type BackendContext } from './context.js';
import { basisFor, loadPlan, loadVersion, refuse, withPlan, WRITERS, type PlanRef } from './plan-view.js';

/** Statuses a case has once the team has assessed it (an imported case may have no agenda item). */
const ASSESSED_STATUSES: readonly CaseStatus[] = ['assessed', 'plan_signed', 'in_services', 'in_follow_up'];

export function loadCase(s: OpenStore, caseId: string): Case {
  const c = getCase(s.db, caseId);
  if (!c) throw new AppError('not_found', 'No such case.');
  return c;
}

export function requireOpenCase(c: Case): void {
  if (c.status === 'closed') throw new AppError('invalid_status_change', 'The case is closed; its plan no longer changes.', { status: c.status });
}

function eligible(s: OpenStore, c: Case): boolean {
  return c.status !== 'closed' && (ASSESSED_STATUSES.includes(c.status) || assessedItems(s.db, c.id).length > 0);
}

function changed(ctx: BackendContext, view: PlanVersion): PlanVersion {
  ctx.emit('plans.changed', { caseId: view.caseId });
  return view;
}

export function forCase(ctx: BackendContext, input: ParsedInput<'plans.forCase'>): Output<'plans.forCase'> {
  const s = requireUser(ctx);
  const c = loadCase(s, input.caseId);
  return withAccess(s, { action: 'plan.read', basis: basisFor(s, c.id), clientId: c.clientId, entity: `case:${c.id}` }, () => {
    const plan = getPlanForCase(s.db, c.id);
    return {
      caseId: c.id,
      caseNumber: c.number,
      planId: plan?.id ?? null,
      versions: plan ? listVersions(s.db, plan.id).map((v) => ({ version: v.version, state: v.state, frozenAt: v.frozenAt, lockedAt: v.lockedAt, supersededAt: v.supersededAt })) : [],
      canStart: !plan && eligible(s, c),
    };
  });
}

export function get(ctx: BackendContext, input: ParsedInput<'plans.get'>): Output<'plans.get'> {
  const s = requireUser(ctx);
  const c = loadCase(s, input.caseId);
  const plan = getPlanForCase(s.db, c.id);
  if (!plan) throw new AppError('not_found', 'The case has no plan yet.');
  return withPlan(s, { plan, c }, (v) => ({ action: 'plan.read', details: { version: v.version } }), () => input.version ?? newestVersion(s.db, plan.id)!.version);
}

export function start(ctx: BackendContext, input: ParsedInput<'plans.start'>): Output<'plans.start'> {
  const s = requireRole(ctx, ...WRITERS);
  const c = loadCase(s, input.caseId);
  const existing = getPlanForCase(s.db, c.id);
  if (existing) return withPlan(s, { plan: existing, c }, (v) => ({ action: 'plan.read', details: { version: v.version } }), () => newestVersion(s.db, existing.id)!.version);
  if (!eligible(s, c)) throw new AppError('not_eligible', 'A plan is made for a case the team has assessed.', { status: c.status });
  // The review interval is that of the team that assessed the case, counted from that meeting.
  const last = assessedItems(s.db, c.id)[0];
  const team = last ? getTeam(s.db, last.teamId) : undefined;
  const reviewDate = defaultReviewDate(last?.meetingDate ?? todayInFinland(), team?.reviewIntervalMonths ?? TEAM_DEFAULTS.reviewIntervalMonths);
  const at = new Date().toISOString();
  const plan = { id: randomUUID(), caseId: c.id, createdAt: at, createdBy: s.user.id };
  const view = withPlan(s, { plan, c }, { action: 'plan.start', details: { version: 1 } }, () => {
    insertPlan(s.db, plan);
    insertVersion(s.db, { id: randomUUID(), planId: plan.id, version: 1, reviewDate, statutoryRefs: [], at, by: s.user.id });
    return 1;
  });
  return changed(ctx, view);
}

/* Editing a draft ---------------------------------------------------------------------------- */

type VersionInput = { planId: string; version: number };

/** Runs one change on a draft version, touches it, logs it and answers with the version. */
function editDraft(ctx: BackendContext, input: VersionInput, action: string, details: Record<string, unknown>, change: (s: OpenStore, v: VersionRecord, ref: PlanRef) => void): PlanVersion {
  const s = requireRole(ctx, ...WRITERS);
  const ref = loadPlan(s, input.planId);
  requireOpenCase(ref.c);
  const view = withPlan(s, ref, { action, details: { version: input.version, ...details } }, () => {
    const v = loadVersion(s, ref.plan.id, input.version);
    const refusal = versionRefusal(v.state, 'edit');
    if (refusal) refuse(refusal, v.state);
    change(s, v, ref);
    touchVersion(s.db, v.id, new Date().toISOString(), s.user.id);
    return v.version;
  });
  return changed(ctx, view);
}

/** NFC text within the limit (normalising may lengthen a text the schema let through). */
function text(value: string, field: string, max: number = PLAN_LIMITS.text): string {
  const t = value.normalize('NFC');
  if (t.length > max) throw new AppError('invalid_input', 'The text is too long.', { fields: [field], max });
  return t;
}

const invalid = (field: string, message: string, extra: Record<string, unknown> = {}) => new AppError('invalid_input', message, { fields: [field], ...extra });

export function saveGoal(ctx: BackendContext, input: ParsedInput<'plans.saveGoal'>): Output<'plans.saveGoal'> {
  const g = input.goal;
  const goal: PlanGoal = {
    id: g.id ?? randomUUID(),
    text: text(g.text, 'goal.text'),
    targetDate: g.targetDate,
    progressMeasure: text(g.progressMeasure, 'goal.progressMeasure'),
    acceptance: g.acceptance,
    clientWords: text(g.clientWords, 'goal.clientWords'),
  };
  return editDraft(ctx, input, 'plan.saveGoal', { goalId: goal.id, created: !g.id }, (s, v) => {
    const goals = listGoals(s.db, v.id);
    if (g.id && !goals.some((x) => x.id === g.id)) throw new AppError('not_found', 'No such goal in this version.');
    if (!g.id && goals.length >= PLAN_LIMITS.goals) throw invalid('goal', 'The plan has as many goals as it can take.', { reason: 'limit', max: PLAN_LIMITS.goals });
    upsertGoal(s.db, v.id, goal);
  });
}

export function removeGoal(ctx: BackendContext, input: ParsedInput<'plans.removeGoal'>): Output<'plans.removeGoal'> {
  return editDraft(ctx, input, 'plan.removeGoal', { goalId: input.goalId }, (s, v) => {
    if (!listGoals(s.db, v.id).some((x) => x.id === input.goalId)) throw new AppError('not_found', 'No such goal in this version.');
    deleteGoal(s.db, v.id, input.goalId);
    // Actions stop naming the goal; one that served only it then says so in `problems`.
    for (const a of listActions(s.db, v.id)) if (a.goalIds.includes(input.goalId)) setActionGoals(s.db, v.id, a.id, a.goalIds.filter((id) => id !== input.goalId));
  });
}

/**
 * A catalogue choice: the entry must exist, and a retired one may stay where it was chosen before
 * retiring but cannot be chosen anew.
 */
function checkCatalogue(kind: 'serviceId' | 'providerId', chosen: string | null, before: string | null | undefined, entry: { active: boolean } | undefined): void {
  if (chosen === null) return;
  if (!entry) throw invalid(`action.${kind}`, 'No such catalogue entry.');
  if (!entry.active && chosen !== before) throw invalid(`action.${kind}`, 'A retired catalogue entry cannot be chosen.', { reason: 'retired' });
}

/** An input field of the action, as the contract's paths name it. */
const field = (name: string) => `action.${name}`;

export function saveAction(ctx: BackendContext, input: ParsedInput<'plans.saveAction'>): Output<'plans.saveAction'> {
  const a = input.action;
  const action: PlanAction = {
    id: a.id ?? randomUUID(),
    serviceId: a.serviceId,
    text: text(a.text, field('text')),
    providerId: a.providerId,
    responsible: text(normaliseName(a.responsible), field('responsible'), PLAN_LIMITS.short),
    startDate: a.startDate,
    dueDate: a.dueDate,
    goalIds: [...new Set(a.goalIds)],
    status: a.status,
  };
  return editDraft(ctx, input, 'plan.saveAction', { actionId: action.id, created: !a.id }, (s, v) => {
    const actions = listActions(s.db, v.id);
    const before = actions.find((x) => x.id === a.id);
    if (a.id && !before) throw new AppError('not_found', 'No such action in this version.');
    if (!a.id && actions.length >= PLAN_LIMITS.actions) throw invalid('action', 'The plan has as many actions as it can take.', { reason: 'limit', max: PLAN_LIMITS.actions });
    checkCatalogue('serviceId', action.serviceId, before?.serviceId, action.serviceId === null ? undefined : getService(s.db, action.serviceId));
    checkCatalogue('providerId', action.providerId, before?.providerId, action.providerId === null ? undefined : getProvider(s.db, action.providerId));
    const goals = new Set(listGoals(s.db, v.id).map((g) => g.id));
    const unknown = action.goalIds.findIndex((id) => !goals.has(id));
    if (unknown >= 0) throw invalid(`action.goalIds.${unknown}`, 'No such goal in this version.');
    upsertAction(s.db, v.id, action);
  });
}

export function removeAction(ctx: BackendContext, input: ParsedInput<'plans.removeAction'>): Output<'plans.removeAction'> {
  return editDraft(ctx, input, 'plan.removeAction', { actionId: input.actionId }, (s, v) => {
    if (!listActions(s.db, v.id).some((x) => x.id === input.actionId)) throw new AppError('not_found', 'No such action in this version.');
    deleteAction(s.db, v.id, input.actionId);
  });
}

export function move(ctx: BackendContext, input: ParsedInput<'plans.move'>): Output<'plans.move'> {
  return editDraft(ctx, input, 'plan.move', { what: input.what, itemId: input.itemId, direction: input.direction }, (s, v) => {
    const ids = (input.what === 'goal' ? listGoals(s.db, v.id) : listActions(s.db, v.id)).map((x) => x.id);
    const at = ids.indexOf(input.itemId);
    if (at < 0) throw new AppError('not_found', `No such ${input.what} in this version.`);
    const other = ids[input.direction === 'up' ? at - 1 : at + 1];
    // Already first or last: nothing moves.
    if (other !== undefined) swapPositions(s.db, input.what, v.id, input.itemId, other);
  });
}

export function saveDetails(ctx: BackendContext, input: ParsedInput<'plans.saveDetails'>): Output<'plans.saveDetails'> {
  const refs: StatutoryPlanRef[] = input.statutoryRefs.map((r, i) => ({ kind: r.kind, number: text(normaliseName(r.number), `statutoryRefs.${i}.number`, PLAN_LIMITS.short), date: r.date }));
  return editDraft(ctx, input, 'plan.saveDetails', { statutoryRefs: refs.length }, (s, v) => setDetails(s.db, v.id, input.reviewDate, refs));
}

/* Revising and following up ------------------------------------------------------------------ */

export function revise(ctx: BackendContext, input: ParsedInput<'plans.revise'>): Output<'plans.revise'> {
  const s = requireRole(ctx, ...WRITERS);
  const ref = loadPlan(s, input.planId);
  requireOpenCase(ref.c);
  const view = withPlan(s, ref, (v) => ({ action: 'plan.revise', details: { fromVersion: v.version - 1, version: v.version } }), () => {
    const newest = newestVersion(s.db, ref.plan.id)!;
    if (newest.state === 'draft' || newest.state === 'frozen') throw new AppError('plan_draft_exists', 'The plan already has an open version.', { version: newest.version, state: newest.state });
    const refusal = versionRefusal(newest.state, 'revise');
    if (refusal) refuse(refusal, newest.state);
    const at = new Date().toISOString();
    const id = randomUUID();
    insertVersion(s.db, { id, planId: ref.plan.id, version: newest.version + 1, reviewDate: newest.reviewDate, statutoryRefs: newest.statutoryRefs, at, by: s.user.id });
    // Each action comes along with its status now, as the follow-up left it.
    copyContent(s.db, newest.id, id, listProgress(s.db, ref.plan.id));
    supersedeVersion(s.db, newest.id, at);
    return newest.version + 1;
  });
  return changed(ctx, view);
}

export function setActionStatus(ctx: BackendContext, input: ParsedInput<'plans.setActionStatus'>): Output<'plans.setActionStatus'> {
  const s = requireRole(ctx, ...WRITERS);
  const ref = loadPlan(s, input.planId);
  requireOpenCase(ref.c);
  let caseMoved = false;
  const view = withPlan(s, ref, { action: 'plan.setActionStatus', details: { actionId: input.actionId, status: input.status } }, () => {
    const v = versionInForce(s.db, ref.plan.id);
    if (!v) throw new AppError('not_found', 'The plan has no signed version in force.');
    if (!listActions(s.db, v.id).some((a) => a.id === input.actionId)) throw new AppError('not_found', 'No such action in the plan in force.');
    const at = new Date().toISOString();
    setProgress(s.db, ref.plan.id, input.actionId, input.status, at, s.user.id);
    // The first service under way takes a signed plan's case into services.
    if ((input.status === 'ongoing' || input.status === 'done') && getCase(s.db, ref.c.id)!.status === 'plan_signed') {
      setCaseStatus(s.db, ref.c.id, 'in_services', null, at);
      caseMoved = true;
    }
    return v.version;
  });
  if (caseMoved) ctx.emit('clients.changed', {});
  return changed(ctx, view);
}
