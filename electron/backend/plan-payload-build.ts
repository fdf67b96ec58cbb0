/**
 * The canonical payload of a plan version (shared/domain/plan-payload.ts documents it) assembled
 * from what the store holds, the content part of it rebuilt from a version's rows for verification,
 * and the statement a signature signs. Pure: the use cases read the store and pass the pieces in.
 */
import { createHash } from 'node:crypto';
import { readClientAgreement, readServicePath, readTeamRating, readText, type StoredFields } from '../../shared/domain/assessment.js';
import { canonicalBytes } from '../../shared/domain/canonical.js';
import {
  PLAN_PAYLOAD_FORMAT,
  type PayloadAction,
  type PayloadAttendee,
  type PayloadContent,
  type PayloadCoordinator,
  type PayloadGoal,
  type PlanPayload,
} from '../../shared/domain/plan-payload.js';
import type { PlanAction, PlanContent, PlanGoal, ProviderSnapshot, ServiceSnapshot, SignatureKind, SignatureStatement, StatutoryPlanRef } from '../../shared/domain/plan.js';

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** An action row as stored: the catalogue copies are JSON text, set when the version is frozen. */
export interface StoredAction extends PlanAction {
  serviceSnapshot: string | null;
  providerSnapshot: string | null;
}

export interface Snapshots {
  service: ServiceSnapshot | null;
  provider: ProviderSnapshot | null;
}

const payloadGoal = (g: PlanGoal): PayloadGoal => ({
  id: g.id,
  text: g.text,
  targetDate: g.targetDate,
  progressMeasure: g.progressMeasure,
  acceptance: g.acceptance,
  clientWords: g.clientWords,
});

const payloadAction = (a: PlanAction, snap: Snapshots): PayloadAction => ({
  id: a.id,
  service: snap.service,
  text: a.text,
  provider: snap.provider,
  responsible: a.responsible,
  startDate: a.startDate,
  dueDate: a.dueDate,
  goalIds: [...a.goalIds],
  status: a.status,
});

const statutory = (refs: readonly StatutoryPlanRef[]): StatutoryPlanRef[] => refs.map((r) => ({ kind: r.kind, number: r.number, date: r.date }));

/**
 * A stored copy as the payload names it. A copy that does not belong to the row's catalogue id
 * (or a row with an id and no copy) cannot match anything a payload was built with, so it is
 * returned as an object no payload ever holds.
 */
function storedCopy(id: string | null, text: string | null): unknown {
  if (id === null) return text === null ? null : { mismatch: text };
  if (text === null) return { missing: id };
  try {
    const copy = JSON.parse(text) as { id?: unknown };
    return copy && copy.id === id ? copy : { mismatch: text };
  } catch {
    return { mismatch: text };
  }
}

/** The payload's content part as the version's rows say it (verification compares the two). */
export function contentFromRows(reviewDate: string | null, refs: readonly StatutoryPlanRef[], goals: readonly PlanGoal[], actions: readonly StoredAction[]): PayloadContent {
  return {
    goals: goals.map(payloadGoal),
    actions: actions.map((a) => payloadAction(a, { service: storedCopy(a.serviceId, a.serviceSnapshot) as ServiceSnapshot | null, provider: storedCopy(a.providerId, a.providerSnapshot) as ProviderSnapshot | null })),
    reviewDate,
    statutoryPlans: statutory(refs),
  };
}

/** The team's conclusion (step 7) as the payload documents it. */
export function conclusionOf(fields: StoredFields): Record<string, string | number | null> {
  return {
    statement: readText(fields, 'conclusion.statement'),
    strengths: readText(fields, 'conclusion.strengths'),
    barriers: readText(fields, 'conclusion.barriers'),
    servicePath: readServicePath(fields),
    servicePathOther: readText(fields, 'conclusion.servicePathOther'),
    teamRating: readTeamRating(fields),
    clientAgreement: readClientAgreement(fields),
    clientView: readText(fields, 'conclusion.clientView'),
    clientGrounds: readText(fields, 'conclusion.clientGrounds'),
    teamGrounds: readText(fields, 'conclusion.teamGrounds'),
  };
}

export interface PayloadSources {
  planId: string;
  version: number;
  frozenAt: string;
  case: PlanPayload['case'];
  client: PlanPayload['client'];
  meeting: PlanPayload['meeting'];
  assessment: { itemId: string; meetingDate: string; fields: StoredFields } | null;
  content: PlanContent;
  /** The catalogue copies by action id (actions without a service or provider have nulls). */
  snapshots: ReadonlyMap<string, Snapshots>;
  coordinator: PayloadCoordinator | null;
  attendance: readonly PayloadAttendee[];
  quorum: PlanPayload['quorum'];
}

export function assemblePayload(src: PayloadSources): PlanPayload {
  return {
    format: PLAN_PAYLOAD_FORMAT,
    planId: src.planId,
    version: src.version,
    frozenAt: src.frozenAt,
    case: { id: src.case.id, number: src.case.number },
    client: { id: src.client.id, name: src.client.name, identityCode: src.client.identityCode },
    meeting: { ...src.meeting },
    assessment: src.assessment && { itemId: src.assessment.itemId, meetingDate: src.assessment.meetingDate, conclusion: conclusionOf(src.assessment.fields) },
    goals: src.content.goals.map(payloadGoal),
    actions: src.content.actions.map((a) => payloadAction(a, src.snapshots.get(a.id) ?? { service: null, provider: null })),
    reviewDate: src.content.reviewDate,
    statutoryPlans: statutory(src.content.statutoryRefs),
    coordinator: src.coordinator && { ...src.coordinator },
    attendance: src.attendance.map((a) => ({ ...a })),
    quorum: { requiredSectors: [...src.quorum.requiredSectors], missingSectors: [...src.quorum.missingSectors], reason: src.quorum.reason },
  };
}

/** The stored payload, or null when it is not a JSON object (a damaged or tampered row). */
export function parsePayload(text: string | null): PlanPayload | null {
  if (text === null) return null;
  try {
    const p = JSON.parse(text) as unknown;
    return p && typeof p === 'object' && !Array.isArray(p) ? (p as PlanPayload) : null;
  } catch {
    return null;
  }
}

export type StatementFields = Omit<SignatureStatement, 'format'>;

/** The bytes a signer's key signs (rebuilt from the stored fields when verifying). */
export function statementBytes(f: StatementFields): Uint8Array {
  // Field by field, not a spread: a stored row carries more than the statement, and only these sign.
  const statement: SignatureStatement = {
    format: 'tiimipoyta.plan-signature/1',
    planId: f.planId,
    version: f.version,
    payloadSha256: f.payloadSha256,
    kind: f.kind,
    signerUserId: f.signerUserId,
    keyId: f.keyId,
    attendanceId: f.attendanceId,
    name: f.name,
    imageSha256: f.imageSha256,
    witness: f.witness,
    signedAt: f.signedAt,
  };
  return canonicalBytes(statement);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const PNG_DATA_URL_PREFIX = 'data:image/png;base64,';

/** The bytes of a PNG data URL, or null when it is not one (bad prefix, bad base64, not a PNG, too big). */
export function pngBytes(dataUrl: string, maxBytes: number): Buffer | null {
  if (!dataUrl.startsWith(PNG_DATA_URL_PREFIX)) return null;
  const b64 = dataUrl.slice(PNG_DATA_URL_PREFIX.length);
  if (b64.length === 0 || b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return null;
  const bytes = Buffer.from(b64, 'base64');
  // The IHDR chunk follows the signature in every PNG.
  if (bytes.length > maxBytes || bytes.length < 16 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') return null;
  return bytes;
}
