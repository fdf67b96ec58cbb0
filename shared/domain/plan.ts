/**
 * The work-ability support plan (issue 6, DOMAIN.md steps 8–10): goals and actions agreed with the
 * client, versioned and signed. Pure rules only: what a plan holds, what it still lacks before it
 * can be frozen for signing, which signatures lock a version, and the quorum check. The canonical
 * payload that is hashed and signed is built in plan-payload.ts.
 *
 * Versions: a plan has versions 1, 2, …; at most one of them is open (draft or frozen).
 *   draft      — editable (in a meeting's step 8 or outside meetings);
 *   frozen     — its canonical payload and SHA-256 are fixed and signatures are being collected;
 *                reopening it for editing discards the signatures collected so far;
 *   locked     — every required signature is in; never changes again;
 *   superseded — a locked version after which a revision was started (still readable).
 * Goals and actions keep their ids from version to version, so "the same action" can be followed
 * through every revision.
 */
import { CLIENT_AGREEMENTS, type ClientAgreement } from './assessment.js';
import type { AttendanceStatus, Sector } from './meeting.js';

export const PLAN_STATES = ['draft', 'frozen', 'locked', 'superseded'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export const ACTION_STATUSES = ['planned', 'ongoing', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The client's acceptance of a goal: agrees / partly / disagrees (the assessment's own scale). */
export const GOAL_ACCEPTANCES = CLIENT_AGREEMENTS;
export type GoalAcceptance = ClientAgreement;

/** The client's statutory plans a work-ability support plan refers to (by number and date). */
export const STATUTORY_PLAN_KINDS = ['social_care_client_plan', 'activation_plan', 'multisector_employment_plan'] as const;
export type StatutoryPlanKind = (typeof STATUTORY_PLAN_KINDS)[number];

/** asiakasvastaava / työkykykoordinaattori / omatyöntekijä (SHL 42 §). */
export const COORDINATOR_TYPES = ['client_coordinator', 'work_ability_coordinator', 'own_worker'] as const;
export type CoordinatorType = (typeof COORDINATOR_TYPES)[number];

export const PLAN_LIMITS = {
  goals: 50,
  actions: 200,
  /** A goal, how progress is seen, the client's words, an action's text. */
  text: 4000,
  short: 200,
  goalsPerAction: 50,
  statutoryRefs: 10,
  /** A drawn signature as a PNG data URL (a few tens of KB in practice). */
  signatureImageBytes: 512 * 1024,
  /** Wrong passwords a member may type for one version before signing waits. */
  signAttempts: 5,
  signLockoutMinutes: 5,
} as const;

export interface PlanGoal {
  id: string;
  text: string;
  /** Finnish calendar date YYYY-MM-DD. */
  targetDate: string | null;
  /** How progress is seen (the indicator the team and client agreed). */
  progressMeasure: string;
  acceptance: GoalAcceptance | null;
  /** The client's own words, asked for when they do not fully agree. */
  clientWords: string;
}

export interface ServiceSnapshot {
  id: string;
  names: { fi: string; sv: string; en: string };
}

export interface ProviderSnapshot {
  id: string;
  organisation: string;
  unit: string;
  contact: string;
}

export interface PlanAction {
  id: string;
  /** A catalogue service, or null for a free-text action. */
  serviceId: string | null;
  /** The free text (or a note beside a catalogue service). */
  text: string;
  providerId: string | null;
  /** The responsible person or organisation. */
  responsible: string;
  startDate: string | null;
  dueDate: string | null;
  goalIds: string[];
  status: ActionStatus;
}

export interface StatutoryPlanRef {
  kind: StatutoryPlanKind;
  number: string;
  date: string | null;
}

/** What a version holds (everything the team edits in step 8). */
export interface PlanContent {
  goals: PlanGoal[];
  actions: PlanAction[];
  reviewDate: string | null;
  statutoryRefs: StatutoryPlanRef[];
}

export type PlanProblem =
  | { code: 'no_goals' }
  | { code: 'no_actions' }
  | { code: 'review_date_missing' }
  | { code: 'goal_text_missing'; goalId: string; index: number }
  | { code: 'goal_acceptance_missing'; goalId: string; index: number }
  | { code: 'goal_client_words_missing'; goalId: string; index: number }
  | { code: 'action_what_missing'; actionId: string; index: number }
  | { code: 'action_responsible_missing'; actionId: string; index: number }
  | { code: 'action_due_missing'; actionId: string; index: number }
  | { code: 'action_due_before_start'; actionId: string; index: number }
  | { code: 'action_goal_missing'; actionId: string; index: number }
  | { code: 'action_goal_unknown'; actionId: string; index: number }
  | { code: 'statutory_number_missing'; index: number }
  /** Checked by the use case (the coordinator is the case's, not the version's). */
  | { code: 'coordinator_missing' }
  | { code: 'coordinator_inactive' };

export type PlanProblemCode = PlanProblem['code'];
export const PLAN_PROBLEM_CODES: readonly PlanProblemCode[] = [
  'no_goals',
  'no_actions',
  'review_date_missing',
  'goal_text_missing',
  'goal_acceptance_missing',
  'goal_client_words_missing',
  'action_what_missing',
  'action_responsible_missing',
  'action_due_missing',
  'action_due_before_start',
  'action_goal_missing',
  'action_goal_unknown',
  'statutory_number_missing',
  'coordinator_missing',
  'coordinator_inactive',
];

const blank = (s: string) => s.trim() === '';

/**
 * What keeps a version from being frozen for signing, in the order the editor shows it. Empty
 * means it may be frozen. A draft may be saved in any of these states: work in progress is kept.
 */
export function planProblems(content: PlanContent): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (content.goals.length === 0) problems.push({ code: 'no_goals' });
  if (content.actions.length === 0) problems.push({ code: 'no_actions' });
  if (!content.reviewDate) problems.push({ code: 'review_date_missing' });
  const goalIds = new Set(content.goals.map((g) => g.id));
  content.goals.forEach((g, index) => {
    if (blank(g.text)) problems.push({ code: 'goal_text_missing', goalId: g.id, index });
    if (g.acceptance === null) problems.push({ code: 'goal_acceptance_missing', goalId: g.id, index });
    else if (g.acceptance !== 'agrees' && blank(g.clientWords)) problems.push({ code: 'goal_client_words_missing', goalId: g.id, index });
  });
  content.actions.forEach((a, index) => {
    if (a.serviceId === null && blank(a.text)) problems.push({ code: 'action_what_missing', actionId: a.id, index });
    if (blank(a.responsible)) problems.push({ code: 'action_responsible_missing', actionId: a.id, index });
    if (!a.dueDate) problems.push({ code: 'action_due_missing', actionId: a.id, index });
    if (dueBeforeStart(a)) problems.push({ code: 'action_due_before_start', actionId: a.id, index });
    if (a.goalIds.length === 0) problems.push({ code: 'action_goal_missing', actionId: a.id, index });
    else if (a.goalIds.some((id) => !goalIds.has(id))) problems.push({ code: 'action_goal_unknown', actionId: a.id, index });
  });
  content.statutoryRefs.forEach((r, index) => {
    if (blank(r.number)) problems.push({ code: 'statutory_number_missing', index });
  });
  return problems;
}

/** ISO calendar dates compare as strings. */
export function dueBeforeStart(a: Pick<PlanAction, 'startDate' | 'dueDate'>): boolean {
  return a.startDate !== null && a.dueDate !== null && a.dueDate < a.startDate;
}

/** The review date a new plan proposes: the team's interval after the meeting (or today). */
export function defaultReviewDate(from: string, intervalMonths: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const total = m - 1 + intervalMonths;
  const year = y + Math.floor(total / 12);
  const month = (total % 12) + 1;
  // The same day of the month, or the month's last day (31 Aug + 6 months → 28/29 Feb).
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Versions

export type PlanOperation = 'edit' | 'freeze' | 'reopen' | 'sign' | 'revise';

/**
 * Whether an operation is allowed on a version in a state. Returns the refusal code, or null.
 * `revise` starts a new draft from a locked version (the latest one only: checked by the use case).
 */
export function versionRefusal(state: PlanState, op: PlanOperation): 'plan_not_draft' | 'plan_not_frozen' | 'plan_locked' | 'plan_superseded' | null {
  if (state === 'superseded') return 'plan_superseded';
  switch (op) {
    case 'edit':
    case 'freeze':
      return state === 'draft' ? null : state === 'locked' ? 'plan_locked' : 'plan_not_draft';
    case 'reopen':
    case 'sign':
      return state === 'frozen' ? null : state === 'locked' ? 'plan_locked' : 'plan_not_frozen';
    case 'revise':
      return state === 'locked' ? null : 'plan_not_draft';
  }
}

// ---------------------------------------------------------------------------------------------
// Quorum and signatures

export interface QuorumAttendee {
  sectorOfProfession: Sector;
  status: AttendanceStatus;
}

/** Required sectors with nobody present or remote (remote members count: they take part). */
export function missingSectors(required: readonly Sector[], attendance: readonly QuorumAttendee[]): Sector[] {
  const there = new Set(attendance.filter((a) => a.status !== 'absent').map((a) => a.sectorOfProfession));
  return required.filter((s) => !there.has(s));
}

/** The quorum passes when nothing is missing, or the chair wrote why the team decides anyway. */
export function quorumSatisfied(missing: readonly Sector[], reason: string): boolean {
  return missing.length === 0 || reason.trim().length > 0;
}

/**
 * How a signature row came about:
 *   member       — a present member with an account signed with their own key;
 *   confirmed    — the chair confirmed a remote member, or a present one without an account;
 *   client_drawn — the client drew their signature; the chair's signature binds the image;
 *   client_oral  — the client agreed orally; the chair records it and who witnessed it.
 */
export const SIGNATURE_KINDS = ['member', 'confirmed', 'client_drawn', 'client_oral'] as const;
export type SignatureKind = (typeof SIGNATURE_KINDS)[number];

export interface SigningAttendee {
  attendanceId: string;
  userId: string | null;
  status: AttendanceStatus;
}

export interface RequiredSignature {
  kind: 'member' | 'confirmed' | 'client';
  /** The attendance row (null for the client). */
  attendanceId: string | null;
}

/**
 * Every signature a version needs before it locks: each present member with an account signs for
 * themselves, the chair confirms everyone else at the table (remote, or without an account), and
 * the client signs (drawn, or oral and witnessed). Absent people sign nothing.
 */
export function requiredSignatures(attendance: readonly SigningAttendee[]): RequiredSignature[] {
  const needed: RequiredSignature[] = [];
  for (const a of attendance) {
    if (a.status === 'absent') continue;
    needed.push({ kind: a.status === 'present' && a.userId !== null ? 'member' : 'confirmed', attendanceId: a.attendanceId });
  }
  needed.push({ kind: 'client', attendanceId: null });
  return needed;
}

export interface GivenSignature {
  kind: SignatureKind;
  attendanceId: string | null;
}

/** The required signatures not yet given. Empty means the version locks. */
export function outstandingSignatures(required: readonly RequiredSignature[], given: readonly GivenSignature[]): RequiredSignature[] {
  return required.filter((r) =>
    r.kind === 'client'
      ? !given.some((g) => g.kind === 'client_drawn' || g.kind === 'client_oral')
      : !given.some((g) => g.attendanceId === r.attendanceId && (g.kind === 'member' || g.kind === 'confirmed')),
  );
}

/**
 * The statement a signer's Ed25519 key signs: small, canonical, and naming the payload's SHA-256,
 * so verifying it needs only the stored payload and the signer's public key. Every field is stored
 * with the signature, so the statement is rebuilt (never stored) when verifying.
 */
export interface SignatureStatement {
  format: 'tiimipoyta.plan-signature/1';
  planId: string;
  version: number;
  /** Lower-case hex SHA-256 of the canonical payload's bytes. */
  payloadSha256: string;
  kind: SignatureKind;
  /** Who signed with their key (the member, or the chair for the other kinds). */
  signerUserId: string;
  keyId: string;
  /** Whom the signature stands for: the attendance row, or null for the client. */
  attendanceId: string | null;
  /** The name shown beside the tick (the member's, or the client's). */
  name: string;
  /** SHA-256 of the drawn image's bytes (client_drawn), else null. */
  imageSha256: string | null;
  /** Who witnessed an oral agreement (client_oral), else null. */
  witness: string | null;
  signedAt: string;
}
