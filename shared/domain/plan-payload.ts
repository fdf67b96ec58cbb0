/**
 * The canonical payload of a plan version: the one document its signatures stand for. It is built
 * once, when the version is frozen, serialised with canonicalJson (shared/domain/canonical.ts:
 * RFC 8785 rules plus NFC) and stored with its SHA-256. Documented field by field because an
 * archivist may have to read it without this program (the PDF embeds it, issue 7).
 *
 *   format          "tiimipoyta.plan/1"
 *   planId, version the plan and the version number (1, 2, …)
 *   frozenAt        when the version was frozen (UTC ISO 8601)
 *   case            { id, number }
 *   client          { id, name, identityCode } (identityCode null for a client without one)
 *   meeting         { id, date (YYYY-MM-DD, Finnish calendar), teamId, teamName, chairUserId, chairName }
 *   assessment      { itemId, meetingDate, conclusion } — the team's conclusion (step 7): statement,
 *                   strengths, barriers, servicePath, servicePathOther, teamRating (0–10 or null),
 *                   clientAgreement, clientView, clientGrounds, teamGrounds; or null
 *   goals           [{ id, text, targetDate, progressMeasure, acceptance, clientWords }] in order
 *   actions         [{ id, service { id, names { fi, sv, en } } or null, text, provider { id,
 *                   organisation, unit, contact } or null, responsible, startDate, dueDate,
 *                   goalIds, status }] in order; service and provider are copies of the catalogue
 *                   as it was at freezing, so renaming a service later does not change a signed plan
 *   reviewDate      YYYY-MM-DD
 *   statutoryPlans  [{ kind, number, date }]
 *   coordinator     { kind "user" | "external", userId, name, organisation, profession, contact,
 *                   type, startDate } or null
 *   attendance      [{ attendanceId, userId, externalId, name, profession, organisation, status }]
 *   quorum          { requiredSectors, missingSectors, reason } (reason "" when nothing is missing)
 *
 * Dates are strings, absent values are null (never left out), arrays keep the order the team gave.
 */
import type { ActionStatus, CoordinatorType, GoalAcceptance, ProviderSnapshot, ServiceSnapshot, StatutoryPlanRef } from './plan.js';
import type { AttendanceStatus, Sector } from './meeting.js';
import type { Profession } from './user.js';

export const PLAN_PAYLOAD_FORMAT = 'tiimipoyta.plan/1';

export interface PayloadGoal {
  id: string;
  text: string;
  targetDate: string | null;
  progressMeasure: string;
  acceptance: GoalAcceptance | null;
  clientWords: string;
}

export interface PayloadAction {
  id: string;
  service: ServiceSnapshot | null;
  text: string;
  provider: ProviderSnapshot | null;
  responsible: string;
  startDate: string | null;
  dueDate: string | null;
  goalIds: string[];
  status: ActionStatus;
}

export interface PayloadCoordinator {
  kind: 'user' | 'external';
  userId: string | null;
  name: string;
  organisation: string;
  profession: Profession | null;
  contact: string;
  type: CoordinatorType;
  startDate: string;
}

export interface PayloadAttendee {
  attendanceId: string;
  userId: string | null;
  externalId: string | null;
  name: string;
  profession: Profession;
  organisation: string;
  status: AttendanceStatus;
}

export interface PlanPayload {
  format: typeof PLAN_PAYLOAD_FORMAT;
  planId: string;
  version: number;
  frozenAt: string;
  case: { id: string; number: string };
  client: { id: string; name: string; identityCode: string | null };
  meeting: { id: string; date: string; teamId: string; teamName: string; chairUserId: string; chairName: string };
  assessment: { itemId: string; meetingDate: string; conclusion: Record<string, string | number | null> } | null;
  goals: PayloadGoal[];
  actions: PayloadAction[];
  reviewDate: string | null;
  statutoryPlans: StatutoryPlanRef[];
  coordinator: PayloadCoordinator | null;
  attendance: PayloadAttendee[];
  quorum: { requiredSectors: Sector[]; missingSectors: Sector[]; reason: string };
}

/**
 * The part of the payload that the version's own rows hold. Verification rebuilds it from the rows
 * and compares it with the stored payload, so a row changed behind the program's back (tampering,
 * or a bug) shows as an invalid version even when the stored payload itself is intact.
 */
export interface PayloadContent {
  goals: PayloadGoal[];
  actions: PayloadAction[];
  reviewDate: string | null;
  statutoryPlans: StatutoryPlanRef[];
}

export function contentOf(p: Pick<PlanPayload, 'goals' | 'actions' | 'reviewDate' | 'statutoryPlans'>): PayloadContent {
  return { goals: p.goals, actions: p.actions, reviewDate: p.reviewDate, statutoryPlans: p.statutoryPlans };
}
