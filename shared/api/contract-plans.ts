/**
 * The plan part of the contract (issue 6, items 2–6): the work-ability support plan with its goals
 * and actions, the client coordinator, the signing round and verification. Spread into `contract`.
 *
 * Saves are granular (one goal, one action, the details), so two people editing a draft in the
 * meeting room and at a desk do not overwrite each other's goals. Every answer that changes a
 * version is the whole version view, which the renderer takes as it is.
 */
import { z } from 'zod';
import { CATALOGUE_LANGUAGES } from '../domain/catalogue.js';
import { SECTORS } from '../domain/meeting.js';
import {
  ACTION_STATUSES,
  COORDINATOR_TYPES,
  GOAL_ACCEPTANCES,
  PLAN_LIMITS,
  PLAN_PROBLEM_CODES,
  PLAN_STATES,
  SIGNATURE_KINDS,
  STATUTORY_PLAN_KINDS,
} from '../domain/plan.js';
import { ATTENDANCE_STATUSES } from '../domain/meeting.js';
import { PROFESSIONS } from '../domain/user.js';
import { PDF_CHECKS, PDF_PROBLEMS } from '../domain/pdf-verification.js';
import { id, isoDate, name, password, shortText } from './schemas.js';

/** A plan PDF to verify: ours are 0.1–0.5 MB; 6 MB keeps the base64 under browser mode's 8 MiB body. */
export const PDF_VERIFY_MAX_BYTES = 6 * 1024 * 1024;
/** A seal's PKCS#12: a key and a certificate chain, a few kilobytes; 256 KiB is generous. */
export const SEAL_P12_MAX_BYTES = 256 * 1024;
const base64Of = (bytes: number) => z.string().max(Math.ceil(bytes / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const pdfVerificationSchema = z.strictObject({
  verdict: z.enum(['valid', 'superseded', 'invalid']),
  checks: z.array(z.strictObject({ check: z.enum(PDF_CHECKS), ok: z.boolean().nullable(), problem: z.enum(PDF_PROBLEMS).nullable() })),
  /** What the attached payload says (null when there is none to read). */
  plan: z.strictObject({ planId: z.string(), caseNumber: z.string(), version: z.number().int(), frozenAt: z.string(), payloadSha256: z.string(), verificationCode: z.string() }).nullable(),
  /** The seal's certificate and signing time (null when the file has no readable seal). */
  seal: z.strictObject({ subject: z.string(), fingerprintSha256: z.string(), signedAt: z.string().nullable() }).nullable(),
  /** Each team signature in the file; the client is named by initials only. */
  signatures: z.array(z.strictObject({ kind: z.enum(SIGNATURE_KINDS), name: z.string(), signedAt: z.string(), valid: z.boolean() })),
  /** The store's word (pdf.verify checks against the open store; the CLI only with --data). */
  store: z.strictObject({ state: z.enum(PLAN_STATES).nullable(), /** The version in force (newest signed). */ latestVersion: z.number().int().nullable(), supersededBy: z.number().int().nullable(), supersededAt: z.string().nullable(), sealKnown: z.boolean() }).nullable(),
});
export type PdfVerification = z.infer<typeof pdfVerificationSchema>;

export const sealInfoSchema = z.strictObject({
  id: z.string(),
  source: z.enum(['generated', 'imported']),
  subject: z.string(),
  fingerprintSha256: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
  retiredAt: z.string().nullable(),
});
export type SealInfo = z.infer<typeof sealInfoSchema>;

const planText = z.string().max(PLAN_LIMITS.text);
const short = z.string().max(PLAN_LIMITS.short);
const date = isoDate.nullable();

export const planGoalSchema = z.strictObject({
  id: z.string(),
  text: planText,
  targetDate: date,
  progressMeasure: planText,
  acceptance: z.enum(GOAL_ACCEPTANCES).nullable(),
  clientWords: planText,
});
export type PlanGoalView = z.infer<typeof planGoalSchema>;

export const planActionSchema = z.strictObject({
  id: z.string(),
  serviceId: z.string().nullable(),
  text: planText,
  providerId: z.string().nullable(),
  responsible: short,
  startDate: date,
  dueDate: date,
  goalIds: z.array(z.string()).max(PLAN_LIMITS.goalsPerAction),
  status: z.enum(ACTION_STATUSES),
});
export type PlanActionView = z.infer<typeof planActionSchema>;

export const statutoryRefSchema = z.strictObject({ kind: z.enum(STATUTORY_PLAN_KINDS), number: short, date });

export const planProblemSchema = z.strictObject({
  code: z.enum(PLAN_PROBLEM_CODES),
  goalId: z.string().optional(),
  actionId: z.string().optional(),
  index: z.number().int().optional(),
});

export const signatureViewSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(SIGNATURE_KINDS),
  attendanceId: z.string().nullable(),
  /** Whom it stands for: the member, or the client. */
  name: z.string(),
  /** Who signed with their key: the member, or the chair confirming. */
  signerName: z.string(),
  witness: z.string().nullable(),
  /** The drawn image as a PNG data URL (client_drawn only). */
  image: z.string().nullable(),
  signedAt: z.string(),
  /** Recomputed on every read from the stored payload, the version's rows and the public key. */
  valid: z.boolean(),
});
export type SignatureView = z.infer<typeof signatureViewSchema>;

export const signerSlotSchema = z.strictObject({
  attendanceId: z.string(),
  userId: z.string().nullable(),
  name: z.string(),
  profession: z.enum(PROFESSIONS),
  status: z.enum(ATTENDANCE_STATUSES),
  /** member: signs with their own password; confirmed: the chair confirms them; absent: signs nothing. */
  way: z.enum(['member', 'confirmed', 'none']),
  signed: z.boolean(),
});

export const planVersionSchema = z.strictObject({
  planId: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  version: z.number().int(),
  state: z.enum(PLAN_STATES),
  content: z.strictObject({
    goals: z.array(planGoalSchema),
    actions: z.array(planActionSchema),
    reviewDate: date,
    statutoryRefs: z.array(statutoryRefSchema),
  }),
  /**
   * Follow-up after signing: each action's status now (plans.setActionStatus), for the plan in force.
   * The signed content keeps the status it was signed with. Empty for drafts.
   */
  progress: z.record(z.string(), z.enum(ACTION_STATUSES)),
  /** What keeps a draft from being frozen (empty when it may be; coordinator problems included). */
  problems: z.array(planProblemSchema),
  updatedAt: z.string(),
  updatedByName: z.string(),
  /** The meeting the version was frozen (and signed) in. */
  meetingId: z.string().nullable(),
  meetingDate: z.string().nullable(),
  chairUserId: z.string().nullable(),
  frozenAt: z.string().nullable(),
  payloadSha256: z.string().nullable(),
  quorum: z.strictObject({ requiredSectors: z.array(z.enum(SECTORS)), missingSectors: z.array(z.enum(SECTORS)), reason: z.string() }).nullable(),
  /** Who signs and how (frozen, locked and superseded versions). */
  signers: z.array(signerSlotSchema),
  clientSigned: z.boolean(),
  signatures: z.array(signatureViewSchema),
  /** The stored payload hashes to payloadSha256 and the rows say what the payload says. */
  payloadValid: z.boolean().nullable(),
  lockedAt: z.string().nullable(),
  supersededAt: z.string().nullable(),
});
export type PlanVersion = z.infer<typeof planVersionSchema>;

export const planVersionSummarySchema = z.strictObject({
  version: z.number().int(),
  state: z.enum(PLAN_STATES),
  frozenAt: z.string().nullable(),
  lockedAt: z.string().nullable(),
  supersededAt: z.string().nullable(),
});

export const casePlanSchema = z.strictObject({
  caseId: z.string(),
  caseNumber: z.string(),
  planId: z.string().nullable(),
  versions: z.array(planVersionSummarySchema),
  /** A plan may be started: the case has a completed assessment. */
  canStart: z.boolean(),
});
export type CasePlan = z.infer<typeof casePlanSchema>;

const versionRef = { planId: id, version: z.number().int().min(1) };

export const coordinatorSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(['user', 'external']),
  userId: z.string().nullable(),
  externalId: z.string().nullable(),
  name: z.string(),
  organisation: z.string(),
  profession: z.enum(PROFESSIONS).nullable(),
  contact: z.string(),
  type: z.enum(COORDINATOR_TYPES),
  startDate: z.string(),
  endDate: z.string().nullable(),
  /** Written when this coordinator handed the client over to the next one. */
  handoverNote: z.string(),
  assignedByName: z.string(),
});
export type Coordinator = z.infer<typeof coordinatorSchema>;

export const coordinatorCandidateSchema = z.strictObject({
  kind: z.enum(['user', 'external']),
  userId: z.string().nullable(),
  externalId: z.string().nullable(),
  name: z.string(),
  organisation: z.string(),
  profession: z.enum(PROFESSIONS).nullable(),
  /** Open cases they coordinate now. */
  caseload: z.number().int(),
  active: z.boolean(),
});

export const caseCoordinationSchema = z.strictObject({
  caseId: z.string(),
  current: coordinatorSchema.nullable(),
  /** Newest first, the current one included. */
  history: z.array(coordinatorSchema),
});
export type CaseCoordination = z.infer<typeof caseCoordinationSchema>;

export const coordinatorWorkSchema = z.strictObject({
  caseId: z.string(),
  caseNumber: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  type: z.enum(COORDINATOR_TYPES),
  since: z.string(),
  nextReview: z.string().nullable(),
  reviewOverdue: z.boolean(),
  /** Open actions of the plan in force due within the next 30 days, or overdue. */
  dueActions: z.array(z.strictObject({ actionId: z.string(), serviceId: z.string().nullable(), text: z.string(), dueDate: z.string(), status: z.enum(ACTION_STATUSES), overdue: z.boolean() })),
});

export const planVerificationSchema = z.strictObject({
  planId: z.string(),
  versions: z.array(
    z.strictObject({
      version: z.number().int(),
      state: z.enum(PLAN_STATES),
      payloadValid: z.boolean().nullable(),
      signatures: z.array(z.strictObject({ id: z.string(), kind: z.enum(SIGNATURE_KINDS), name: z.string(), valid: z.boolean() })),
      /** Every signature valid and the payload intact (null for a draft: nothing to verify). */
      valid: z.boolean().nullable(),
    }),
  ),
});
export type PlanVerification = z.infer<typeof planVerificationSchema>;

const goalInput = planGoalSchema.extend({ id: id.optional() });
const actionInput = planActionSchema.extend({ id: id.optional(), serviceId: id.nullable(), providerId: id.nullable(), goalIds: z.array(id).max(PLAN_LIMITS.goalsPerAction) });

export const planChannels = {
  /** The case's plan: its versions, or that none exists yet and whether one may be started. */
  'plans.forCase': { input: z.strictObject({ caseId: id }), output: casePlanSchema },
  /** One version (the newest when `version` is left out); signatures verified as it is read. */
  'plans.get': { input: z.strictObject({ caseId: id, version: z.number().int().min(1).optional() }), output: planVersionSchema },
  /**
   * Starts the plan (version 1, draft, review date from the team's interval) for an assessed case;
   * when the case already has a plan, answers with its newest version.
   */
  'plans.start': { input: z.strictObject({ caseId: id }), output: planVersionSchema },
  /** Adds (no id) or saves one goal of a draft. */
  'plans.saveGoal': { input: z.strictObject({ ...versionRef, goal: goalInput }), output: planVersionSchema },
  /** Removes a goal of a draft (actions that served only it then say so in `problems`). */
  'plans.removeGoal': { input: z.strictObject({ ...versionRef, goalId: id }), output: planVersionSchema },
  /** Adds (no id) or saves one action of a draft. */
  'plans.saveAction': { input: z.strictObject({ ...versionRef, action: actionInput }), output: planVersionSchema },
  'plans.removeAction': { input: z.strictObject({ ...versionRef, actionId: id }), output: planVersionSchema },
  /** Moves a goal or an action one place up or down. */
  'plans.move': { input: z.strictObject({ ...versionRef, what: z.enum(['goal', 'action']), itemId: id, direction: z.enum(['up', 'down']) }), output: planVersionSchema },
  /** The review date and the references to the client's statutory plans. */
  'plans.saveDetails': {
    input: z.strictObject({ ...versionRef, reviewDate: date, statutoryRefs: z.array(statutoryRefSchema).max(PLAN_LIMITS.statutoryRefs) }),
    output: planVersionSchema,
  },
  /**
   * Freezes a draft for signing in a running meeting that has the case on its agenda: checks the
   * plan (`plan_incomplete` with `details.problems`) and the quorum (`quorum_reason_required` when
   * a required sector is missing and no reason is given), then fixes the canonical payload and its SHA-256.
   */
  'plans.freeze': { input: z.strictObject({ ...versionRef, meetingId: id, quorumReason: z.string().trim().max(2000) }), output: planVersionSchema },
  /** Back to draft for an edit; signatures collected so far are discarded (and the log says how many). */
  'plans.reopen': { input: z.strictObject(versionRef), output: planVersionSchema },
  /**
   * A present member signs with their own password. Refused: wrong password (`wrong_password`,
   * counted; `too_many_attempts` after five), already signed (`already_signed`), absent or remote
   * (`not_present`), not frozen, locked or superseded. The last required signature locks the version.
   */
  'plans.sign': { input: z.strictObject({ ...versionRef, attendanceId: id, password }), output: planVersionSchema },
  /** The chair confirms someone at the table who cannot sign with a key (remote, or without an account). */
  'plans.confirm': { input: z.strictObject({ ...versionRef, attendanceId: id, chairPassword: password }), output: planVersionSchema },
  /**
   * The client's signature: drawn on screen (a PNG data URL, bound by the chair's signature) or
   * oral agreement with the witness's name. Needs the chair's password either way.
   */
  'plans.clientSign': {
    input: z.strictObject({
      ...versionRef,
      method: z.enum(['drawn', 'oral']),
      image: z.string().max(PLAN_LIMITS.signatureImageBytes).nullable(),
      witness: shortText.nullable(),
      chairPassword: password,
    }),
    output: planVersionSchema,
  },
  /** Starts version n+1 as a draft from the newest locked version (which is marked superseded). */
  'plans.revise': { input: z.strictObject({ planId: id }), output: planVersionSchema },
  /** Follow-up: an action's progress on the plan in force (the signed text is not changed). */
  'plans.setActionStatus': { input: z.strictObject({ planId: id, actionId: id, status: z.enum(ACTION_STATUSES) }), output: planVersionSchema },
  /** Every version's signatures recomputed (the CLI's `plan verify` prints the same). */
  'plans.verify': { input: z.strictObject({ planId: id }), output: planVerificationSchema },

  /** Team members and the team's external regulars who may coordinate, each with their caseload. */
  'coordinators.candidates': { input: z.strictObject({ caseId: id }), output: z.array(coordinatorCandidateSchema) },
  'coordinators.forCase': { input: z.strictObject({ caseId: id }), output: caseCoordinationSchema },
  /**
   * Names the client coordinator from the start date. Replacing one needs a handover note
   * (`handover_note_required`); an inactive user is refused (`coordinator_inactive`).
   */
  'coordinators.assign': {
    input: z.strictObject({
      caseId: id,
      who: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('user'), userId: id }),
        z.strictObject({ kind: z.literal('external'), externalId: id.nullable(), name, organisation: shortText, profession: z.enum(PROFESSIONS).nullable(), contact: shortText }),
      ]),
      type: z.enum(COORDINATOR_TYPES),
      startDate: isoDate,
      handoverNote: z.string().trim().max(PLAN_LIMITS.text),
    }),
    output: caseCoordinationSchema,
  },
  /**
   * The plan version as a PDF/A-3b document in the chosen language (independent of the UI's), with
   * the canonical payload attached. The identity code is masked unless `fullIdentityCode` (the copy
   * for the client, confirmed by the user). A draft is exported watermarked. Logged.
   */
  'plans.exportPdf': {
    input: z.strictObject({ caseId: id, version: z.number().int().min(1), language: z.enum(CATALOGUE_LANGUAGES), fullIdentityCode: z.boolean() }),
    // sealed: signed with the organisation's seal (every version but a draft; a frozen one is still marked draft).
    output: z.strictObject({ fileName: z.string(), pdfBase64: z.string(), pages: z.number().int(), draft: z.boolean(), sealed: z.boolean() }),
  },
  /** Every plan version of the store, one a row, the client by initials (for scripts: `plans list`). */
  'plans.list': {
    input: z.strictObject({}),
    output: z.array(z.strictObject({ planId: z.string(), caseId: z.string(), caseNumber: z.string(), clientInitials: z.string(), version: z.number().int(), state: z.enum(PLAN_STATES) })),
  },
  /**
   * Checks a plan PDF (issue 7, item 5): the seal over the whole file, the attached payload against
   * the signed hash, every team signature, and this store's record of the version. Any signed-in
   * user may verify; finding the client's plan is logged as an access to the client.
   */
  'pdf.verify': { input: z.strictObject({ pdfBase64: base64Of(PDF_VERIFY_MAX_BYTES).min(1) }), output: pdfVerificationSchema },
  /** The organisation's seal in use and the earlier ones (administrators). */
  'admin.sealInfo': { input: z.strictObject({}), output: z.strictObject({ current: sealInfoSchema.nullable(), earlier: z.array(sealInfoSchema) }) },
  /**
   * Replaces the seal with the county's own PKCS#12 (administrators). Refused with seal_not_pkcs12,
   * seal_wrong_passphrase, seal_no_key, seal_key_mismatch, seal_unsupported_key (not RSA) or
   * seal_expired; the earlier seal is retired, not deleted (old PDFs still name it).
   */
  'admin.importSeal': { input: z.strictObject({ p12Base64: base64Of(SEAL_P12_MAX_BYTES).min(1), passphrase: z.string().max(1024) }), output: sealInfoSchema },
  /** The signed-in user's clients as coordinator: due actions and reviews. */
  'coordinators.worklist': { input: z.strictObject({}), output: z.array(coordinatorWorkSchema) },
} as const;

export const planEvents = {
  /** A case's plan or coordinator changed (another window, the shared screen, refetches). */
  'plans.changed': z.strictObject({ caseId: z.string() }),
} as const;
