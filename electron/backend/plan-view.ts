/**
 * How a plan version is shown: its content from the version's rows, what keeps a draft from being
 * frozen, who signs and how, and each signature verified as it is read. Reads client data, so
 * callers run it inside `withAccess` (./access.js), as `withPlan` below does.
 */
import type { PlanVersion } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import type { PlanPayload } from '../../shared/domain/plan-payload.js';
import { planProblems, type PlanContent, type PlanProblem, type PlanState } from '../../shared/domain/plan.js';
import { getCase, type Case } from '../../db/repositories/cases.js';
import { currentCoordinator } from '../../db/repositories/coordinators.js';
import { getMeeting } from '../../db/repositories/meetings.js';
import { listSignatures } from '../../db/repositories/plan-signatures.js';
import {
  getPlan,
  getVersion,
  inRunningMeeting,
  listActions,
  listGoals,
  listProgress,
  versionInForce,
  type ActionRecord,
  type PlanRecord,
  type VersionRecord,
} from '../../db/repositories/plans.js';
import type { OpenStore } from '../../db/store.js';
import { withAccess, type Access, type AccessBasis } from './access.js';
import { parsePayload } from './plan-payload-build.js';
import { checkVersion } from './plan-verify.js';

export const WRITERS = ['administrator', 'team_member'] as const;

export interface PlanRef {
  plan: PlanRecord;
  c: Case;
}

export function loadPlan(s: OpenStore, planId: string): PlanRef {
  const plan = getPlan(s.db, planId);
  if (!plan) throw new AppError('not_found', 'No such plan.');
  return { plan, c: getCase(s.db, plan.caseId)! };
}

export function loadVersion(s: OpenStore, planId: string, version: number): VersionRecord {
  const v = getVersion(s.db, planId, version);
  if (!v) throw new AppError('not_found', 'No such plan version.');
  return v;
}

/** A refusal from the version rules as the error it is. */
export function refuse(code: 'plan_not_draft' | 'plan_not_frozen' | 'plan_locked' | 'plan_superseded', state: PlanState): never {
  const messages = {
    plan_not_draft: 'The version is not a draft.',
    plan_not_frozen: 'The version is not frozen for signing.',
    plan_locked: 'The version is signed and locked.',
    plan_superseded: 'The version has been superseded.',
  };
  throw new AppError(code, messages[code], { state });
}

/** A case on a running meeting's agenda is read for the meeting; otherwise for its preparation and follow-up. */
export function basisFor(s: OpenStore, caseId: string): AccessBasis {
  return inRunningMeeting(s.db, caseId) ? 'team_meeting' : 'case_preparation';
}

const stripAction = ({ serviceSnapshot: _s, providerSnapshot: _p, ...a }: ActionRecord) => a;

export function contentOfVersion(s: OpenStore, v: VersionRecord): { content: PlanContent; actions: ActionRecord[] } {
  const actions = listActions(s.db, v.id);
  return { content: { goals: listGoals(s.db, v.id), actions: actions.map(stripAction), reviewDate: v.reviewDate, statutoryRefs: v.statutoryRefs }, actions };
}

/** The case's coordinator problems (the coordinator is the case's, not the version's). */
export function coordinatorProblems(s: OpenStore, caseId: string): PlanProblem[] {
  const current = currentCoordinator(s.db, caseId);
  if (!current) return [{ code: 'coordinator_missing' }];
  return current.kind === 'user' && current.userActive === false ? [{ code: 'coordinator_inactive' }] : [];
}

export function problemsOf(s: OpenStore, caseId: string, content: PlanContent): PlanProblem[] {
  return [...planProblems(content), ...coordinatorProblems(s, caseId)];
}

export function versionView(s: OpenStore, ref: PlanRef, v: VersionRecord): PlanVersion {
  const { plan, c } = ref;
  const { content, actions } = contentOfVersion(s, v);
  const sigs = v.state === 'draft' ? [] : listSignatures(s.db, v.id);
  const check = checkVersion(plan.id, v, content.goals, actions, sigs);
  const signed = new Set(sigs.map((x) => x.attendanceId));
  const inForce = versionInForce(s.db, plan.id);
  const progress = inForce?.id === v.id ? listProgress(s.db, plan.id) : null;
  const meeting = v.meetingId ? getMeeting(s.db, v.meetingId) : undefined;
  // Who signs comes from the stored payload even when it no longer verifies: the flags say so.
  const attendance = check.payload?.attendance ?? attendanceIn(v.payload);
  return {
    planId: plan.id,
    caseId: c.id,
    caseNumber: c.number,
    version: v.version,
    state: v.state,
    content,
    progress: progress ? Object.fromEntries(content.actions.map((a) => [a.id, progress.get(a.id) ?? a.status])) : {},
    problems: v.state === 'draft' ? problemsOf(s, c.id, content) : [],
    updatedAt: v.updatedAt,
    updatedByName: v.updatedByName,
    meetingId: v.meetingId,
    meetingDate: meeting?.date ?? null,
    chairUserId: meeting?.chairId ?? null,
    frozenAt: v.frozenAt,
    payloadSha256: v.payloadSha256,
    quorum: v.quorum,
    signers: attendance.map((a) => ({
      attendanceId: a.attendanceId,
      userId: a.userId,
      name: a.name,
      profession: a.profession,
      status: a.status,
      way: a.status === 'absent' ? 'none' : a.status === 'present' && a.userId !== null ? 'member' : 'confirmed',
      signed: signed.has(a.attendanceId),
    })),
    clientSigned: sigs.some((x) => x.kind === 'client_drawn' || x.kind === 'client_oral'),
    signatures: sigs.map((x) => ({
      id: x.id,
      kind: x.kind,
      attendanceId: x.attendanceId,
      name: x.name,
      signerName: x.signerName,
      witness: x.witness,
      image: x.image,
      signedAt: x.signedAt,
      valid: check.signatures.get(x.id) ?? false,
    })),
    payloadValid: check.payloadValid,
    lockedAt: v.lockedAt,
    supersededAt: v.supersededAt,
  };
}

/** The attendance a stored payload names, read leniently (a damaged payload names nobody). */
function attendanceIn(payload: string | null): PlanPayload['attendance'] {
  const p = parsePayload(payload);
  return p && Array.isArray(p.attendance) ? p.attendance : [];
}

type PlanAccess = Omit<Access, 'basis' | 'clientId'> & { basis?: AccessBasis };

/**
 * Runs a change (or nothing) and answers with a version, logged as one access event of the case's
 * client. `change` returns the number of the version to answer with (a revision makes a new one).
 */
export function withPlan(s: OpenStore, ref: PlanRef, access: PlanAccess | ((view: PlanVersion) => PlanAccess), change: () => number): PlanVersion {
  const base = { basis: basisFor(s, ref.c.id), clientId: ref.c.clientId, entity: `plan:${ref.plan.id}` };
  return withAccess(
    s,
    (view: PlanVersion) => ({ ...base, ...(typeof access === 'function' ? access(view) : access) }),
    () => versionView(s, ref, loadVersion(s, ref.plan.id, change())),
  );
}
