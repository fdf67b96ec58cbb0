/**
 * The plan as a document, before any language or layout: what the PDF shows, as codes and values
 * (a state is 'locked', a service has its names in fi, sv and en, a date is YYYY-MM-DD). The
 * renderer (render-pdf.ts) chooses the words; the use case (../plan-export.ts) reads the store and
 * passes the pieces in, so this module is pure.
 *
 * A frozen, locked or superseded version is shown from its stored canonical payload: the document
 * says exactly what was signed, even if the catalogue or the coordinator has changed since. A draft
 * has no payload; it is shown from its rows and today's catalogue, coordinator and conclusion.
 */
import { maskHenkilotunnus } from '../../../shared/domain/henkilotunnus.js';
import type { ClientAgreement, ServicePath } from '../../../shared/domain/assessment.js';
import { CLIENT_AGREEMENTS, SERVICE_PATHS } from '../../../shared/domain/assessment.js';
import { canonicalJson } from '../../../shared/domain/canonical.js';
import { evidenceFileName, type PlanEvidence } from '../../../shared/domain/pdf-verification.js';
import type { PayloadAction, PayloadAttendee, PayloadCoordinator, PayloadGoal, PlanPayload } from '../../../shared/domain/plan-payload.js';
import type { PlanState, SignatureKind, StatutoryPlanRef } from '../../../shared/domain/plan.js';
import type { Profession } from '../../../shared/domain/user.js';

export interface DocAssessment {
  /** The client's own rating from the preparation (0–10), the team's from the conclusion. */
  clientRating: number | null;
  teamRating: number | null;
  servicePath: ServicePath | null;
  servicePathOther: string;
  statement: string;
  strengths: string;
  barriers: string;
  agreement: ClientAgreement | null;
  clientView: string;
  clientGrounds: string;
  teamGrounds: string;
}

/** An action as the document shows it: numbered, its goals by their numbers (1, 2, …) rather than ids. */
export interface DocAction extends Omit<PayloadAction, 'id' | 'goalIds'> {
  number: number;
  goalNumbers: number[];
}

export interface DocSignature {
  kind: SignatureKind;
  /** Whom it stands for (the attendee, or the client). */
  name: string;
  profession: Profession | null;
  organisation: string;
  /** Whose key signed: the member themselves, or the chair who confirmed or bound it. */
  signerName: string;
  witness: string | null;
  signedAt: string;
  /** The client's drawn signature (PNG bytes). */
  image: Buffer | null;
}

export interface PlanDocument {
  planId: string;
  caseNumber: string;
  version: number;
  state: PlanState;
  frozenAt: string | null;
  lockedAt: string | null;
  supersededAt: string | null;
  /** A draft or a frozen version still collecting signatures: watermarked, not the plan in force. */
  draft: boolean;
  organisation: string;
  team: string | null;
  meeting: { date: string; chairName: string } | null;
  client: { name: string; identityCode: string | null; identityCodeMasked: boolean };
  assessment: DocAssessment | null;
  goals: PayloadGoal[];
  actions: DocAction[];
  reviewDate: string | null;
  statutoryPlans: StatutoryPlanRef[];
  coordinator: PayloadCoordinator | null;
  attendance: PayloadAttendee[];
  quorum: { missingSectors: string[]; reason: string } | null;
  signatures: DocSignature[];
  /** The canonical payload as stored (the signed bytes), for the attachment and the hash. */
  payload: { fileName: string; bytes: Buffer; sha256: string } | null;
  /** The team's signatures with their public keys (canonical JSON), the second attachment. */
  evidence: { fileName: string; bytes: Buffer } | null;
}

/** What the version says: the stored payload, or a draft's rows shaped like one. */
export type VersionContent = Pick<PlanPayload, 'client' | 'goals' | 'actions' | 'reviewDate' | 'statutoryPlans' | 'coordinator' | 'attendance'> & {
  meeting: PlanPayload['meeting'] | null;
  teamName: string | null;
  conclusion: Record<string, unknown> | null;
  quorum: PlanPayload['quorum'] | null;
};

export interface SignatureSource {
  kind: SignatureKind;
  attendanceId: string | null;
  name: string;
  signerName: string;
  witness: string | null;
  signedAt: string;
  image: string | null;
}

export interface DocumentSources {
  planId: string;
  caseNumber: string;
  version: { version: number; state: PlanState; frozenAt: string | null; lockedAt: string | null; supersededAt: string | null };
  organisation: string;
  fullIdentityCode: boolean;
  clientRating: number | null;
  content: VersionContent;
  /** The stored payload text and its SHA-256 (null for a draft). */
  payload: { text: string; sha256: string } | null;
  signatures: readonly SignatureSource[];
  /** The signatures as evidence (keys and signature values), attached beside the payload. */
  evidence?: PlanEvidence | null;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const oneOf = <T extends string>(v: unknown, values: readonly T[]): T | null => (typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : null);
const rating = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10 ? v : null);

function assessmentOf(conclusion: Record<string, unknown> | null, clientRating: number | null): DocAssessment | null {
  if (!conclusion && clientRating === null) return null;
  const c = conclusion ?? {};
  return {
    clientRating,
    teamRating: rating(c.teamRating),
    servicePath: oneOf(c.servicePath, SERVICE_PATHS),
    servicePathOther: text(c.servicePathOther),
    statement: text(c.statement),
    strengths: text(c.strengths),
    barriers: text(c.barriers),
    agreement: oneOf(c.clientAgreement, CLIENT_AGREEMENTS),
    clientView: text(c.clientView),
    clientGrounds: text(c.clientGrounds),
    teamGrounds: text(c.teamGrounds),
  };
}

const PNG_PREFIX = 'data:image/png;base64,';

function imageOf(dataUrl: string | null): Buffer | null {
  if (!dataUrl?.startsWith(PNG_PREFIX)) return null;
  const bytes = Buffer.from(dataUrl.slice(PNG_PREFIX.length), 'base64');
  return bytes.length > 8 ? bytes : null;
}

/** `plan-2026-0001-v1.json`: the attachment's name (also in the document's text). */
export const payloadFileName = (caseNumber: string, version: number): string => `plan-${caseNumber}-v${version}.json`;

export function planDocument(src: DocumentSources): PlanDocument {
  const { content: c, version: v } = src;
  const goalNumber = new Map(c.goals.map((g, i) => [g.id, i + 1]));
  const attendee = new Map(c.attendance.map((a) => [a.attendanceId, a]));
  const code = c.client.identityCode;
  return {
    planId: src.planId,
    caseNumber: src.caseNumber,
    version: v.version,
    state: v.state,
    frozenAt: v.frozenAt,
    lockedAt: v.lockedAt,
    supersededAt: v.supersededAt,
    draft: v.state === 'draft' || v.state === 'frozen',
    organisation: src.organisation,
    team: c.meeting?.teamName ?? c.teamName,
    meeting: c.meeting ? { date: c.meeting.date, chairName: c.meeting.chairName } : null,
    client: {
      name: c.client.name,
      identityCode: code === null ? null : src.fullIdentityCode ? code : maskHenkilotunnus(code),
      identityCodeMasked: code !== null && !src.fullIdentityCode,
    },
    assessment: assessmentOf(c.conclusion, src.clientRating),
    goals: c.goals,
    actions: c.actions.map((a, i) => ({
      number: i + 1,
      service: a.service,
      text: a.text,
      provider: a.provider,
      responsible: a.responsible,
      startDate: a.startDate,
      dueDate: a.dueDate,
      status: a.status,
      goalNumbers: a.goalIds.map((id) => goalNumber.get(id)).filter((n): n is number => n !== undefined),
    })),
    reviewDate: c.reviewDate,
    statutoryPlans: c.statutoryPlans,
    coordinator: c.coordinator,
    attendance: c.attendance,
    quorum: c.quorum && c.quorum.missingSectors.length > 0 ? { missingSectors: [...c.quorum.missingSectors], reason: c.quorum.reason } : null,
    signatures: src.signatures.map((s) => {
      const a = s.attendanceId === null ? undefined : attendee.get(s.attendanceId);
      return {
        kind: s.kind,
        name: s.name,
        profession: a?.profession ?? null,
        organisation: a?.organisation ?? '',
        signerName: s.signerName,
        witness: s.witness,
        signedAt: s.signedAt,
        image: s.kind === 'client_drawn' ? imageOf(s.image) : null,
      };
    }),
    payload: src.payload && { fileName: payloadFileName(src.caseNumber, v.version), bytes: Buffer.from(src.payload.text, 'utf8'), sha256: src.payload.sha256 },
    evidence: src.payload && src.evidence ? { fileName: evidenceFileName(src.caseNumber, v.version), bytes: Buffer.from(canonicalJson(src.evidence), 'utf8') } : null,
  };
}

/** "3f2a 9bc1 04de": the first twelve hex digits of the payload's SHA-256, in groups of four. */
export function verificationCode(sha256: string): string {
  return sha256.slice(0, 12).match(/.{1,4}/g)!.join(' ');
}
