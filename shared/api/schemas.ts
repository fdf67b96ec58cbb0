/**
 * The object schemas the contract's channels are made of (contract.ts names the channels).
 */
import { z } from 'zod';
import {
  CASE_OUTCOMES,
  CASE_STATUSES,
  MAX_ATTACHMENTS,
  MAX_LONG_TEXT,
  MAX_SHORT_TEXT,
  REFERRAL_SOURCES,
} from '../domain/case.js';
import { MAX_NAME_LENGTH, SERVICE_LANGUAGES } from '../domain/client.js';
import {
  BACKGROUND_SECTIONS,
  BENEFIT_STATUSES,
  BENEFITS,
  CONSENT_FORMS,
  CONSENT_ORGANISATIONS,
  DATA_CATEGORIES,
  EDUCATION_LEVELS,
  KYKYVIISARI_DOMAINS,
  READINESS_ITEMS,
} from '../domain/preparation.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, PROFESSIONS, ROLES, USERNAME_PATTERN } from '../domain/user.js';
import { ERROR_CODES } from './errors.js';
import { IDLE_LOCK_MINUTES } from '../domain/settings.js';

export const name = z.string().trim().min(1).max(MAX_NAME_LENGTH);
export const password = z.string().min(1).max(MAX_PASSWORD_LENGTH);
export const username = z.string().trim().toLowerCase().regex(USERNAME_PATTERN);
export const newPassword = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH);
export const id = z.string().min(1).max(100);
export const organisation = z.string().trim().max(MAX_NAME_LENGTH);
export const empty = z.strictObject({});

export const sessionUserSchema = z.strictObject({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  profession: z.enum(PROFESSIONS),
  organisation: z.string(),
});

export const userSummarySchema = sessionUserSchema.extend({
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  deactivatedAt: z.string().nullable(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const auditEventViewSchema = z.strictObject({
  seq: z.number().int(),
  at: z.string(),
  actorName: z.string(),
  actorProfession: z.string(),
  action: z.string(),
  basis: z.string(),
  entity: z.string().nullable(),
});
export type AuditEventView = z.infer<typeof auditEventViewSchema>;

export { IDLE_LOCK_MINUTES };

/** A case file is small (text only); 8 MiB of base64 is far beyond any real one. */
export const MAX_CASE_FILE_BASE64 = 8 * 1024 * 1024;
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const appStatusSchema = z.strictObject({
  version: z.string(),
  dataDir: z.string(),
  /** none: no store in dataDir (welcome); locked: sign-in; unlocked: working; unavailable: see problem. */
  store: z.enum(['none', 'locked', 'unlocked', 'unavailable']),
  problem: z.enum(ERROR_CODES).optional(),
  organisationName: z.string().optional(),
  user: sessionUserSchema.optional(),
  /** Set after an administrator or the recovery key chose the password: the user picks their own first. */
  mustChangePassword: z.boolean().optional(),
  /** Minutes of inactivity before the workbench locks itself. */
  idleLockMinutes: z.number().int().optional(),
  /** Why the last session ended, while locked (so the sign-in screen can say it was the idle timer). */
  lockReason: z.enum(['user', 'idle', 'system']).optional(),
});
export type AppStatus = z.infer<typeof appStatusSchema>;

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, 'not a calendar date');
export const shortText = z.string().trim().max(MAX_SHORT_TEXT);
export const longText = z.string().max(MAX_LONG_TEXT);

export const caseRefSchema = z.strictObject({ id: z.string(), number: z.string(), status: z.enum(CASE_STATUSES) });

export const clientSummarySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  language: z.enum(SERVICE_LANGUAGES),
  createdAt: z.string(),
  /** Always masked (DDMMYYC****); the full code only through clients.revealIdentityCode, which is logged. */
  identityCodeMasked: z.string().nullable(),
  birthDate: z.string().nullable(),
  municipality: z.string(),
  openCase: caseRefSchema.nullable(),
});
export type ClientSummary = z.infer<typeof clientSummarySchema>;

export const clientDetailSchema = clientSummarySchema.extend({
  interpreterNeeded: z.boolean(),
  interpreterLanguage: z.string(),
  phone: z.string(),
  email: z.string(),
  address: z.string(),
  updatedAt: z.string().nullable(),
});
export type ClientDetail = z.infer<typeof clientDetailSchema>;

/** What a user types about a client; the identity code is checked (century sign, check character) in the backend. */
export const clientFields = {
  name,
  language: z.enum(SERVICE_LANGUAGES),
  identityCode: z.string().trim().max(20).optional(),
  birthDate: isoDate.optional(),
  interpreterNeeded: z.boolean().optional(),
  interpreterLanguage: shortText.optional(),
  phone: shortText.optional(),
  email: shortText.optional(),
  address: shortText.optional(),
  municipality: shortText.optional(),
  /** The user saw the "possibly the same person" warning and saves anyway. */
  allowSimilar: z.boolean().optional(),
};

export const referralSchema = z.strictObject({
  source: z.enum(REFERRAL_SOURCES),
  referrerName: shortText,
  referrerOrganisation: shortText,
  referralDate: isoDate,
  reason: longText,
  attachments: z.array(z.strictObject({ name: shortText.min(1), location: shortText })).max(MAX_ATTACHMENTS),
});
export type ReferralInput = z.infer<typeof referralSchema>;

export const caseSummarySchema = z.strictObject({
  id: z.string(),
  number: z.string(),
  clientId: z.string(),
  status: z.enum(CASE_STATUSES),
  outcome: z.enum(CASE_OUTCOMES).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  referral: referralSchema.nullable(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const text = longText;
export const shortStr = z.string().max(MAX_SHORT_TEXT);

/** Structured fields per background section; every section also has free text. */
export const backgroundDataSchemas = {
  education: z.strictObject({ level: z.enum(EDUCATION_LEVELS).nullable(), qualifications: z.string().max(2000) }),
  work_history: z.strictObject({
    entries: z
      .array(z.strictObject({ id: z.string().max(64), from: z.string().max(20), to: z.string().max(20), employer: shortStr, role: shortStr, endReason: shortStr }))
      .max(100),
  }),
  health: z.strictObject({}),
  social: z.strictObject({ housing: z.string().max(2000), finances: z.string().max(2000), family: z.string().max(2000), debts: z.string().max(2000) }),
  benefits: z.strictObject({
    items: z.array(z.strictObject({ benefit: z.enum(BENEFITS), status: z.enum(BENEFIT_STATUSES), note: shortStr })).max(BENEFITS.length),
  }),
  restricted: z.strictObject({ substance: z.string().max(MAX_LONG_TEXT), mentalHealth: z.string().max(MAX_LONG_TEXT) }),
} as const;

export const backgroundSectionInput = z.discriminatedUnion('section', [
  z.strictObject({ section: z.literal('education'), data: backgroundDataSchemas.education, text }),
  z.strictObject({ section: z.literal('work_history'), data: backgroundDataSchemas.work_history, text }),
  z.strictObject({ section: z.literal('health'), data: backgroundDataSchemas.health, text }),
  z.strictObject({ section: z.literal('social'), data: backgroundDataSchemas.social, text }),
  z.strictObject({ section: z.literal('benefits'), data: backgroundDataSchemas.benefits, text }),
  z.strictObject({ section: z.literal('restricted'), data: backgroundDataSchemas.restricted, text }),
]);
export type BackgroundSectionInput = z.infer<typeof backgroundSectionInput>;

export const savedSection = z.strictObject({ data: z.record(z.string(), z.unknown()), text: z.string(), updatedAt: z.string(), updatedBy: z.string() });

export const clientViewSchema = z.strictObject({
  goals: text,
  helps: text,
  hinders: text,
  selfRating: z.number().int().min(0).max(10).nullable(),
  waiTotal: z.number().int().min(7).max(49).nullable(),
  kykyviisari: z.partialRecord(z.enum(KYKYVIISARI_DOMAINS), z.number().min(0).max(10)),
});
export type ClientViewInput = z.infer<typeof clientViewSchema>;

export const consentSchema = z.strictObject({
  id: z.string(),
  clientId: z.string(),
  form: z.enum(CONSENT_FORMS),
  organisations: z.array(z.enum(CONSENT_ORGANISATIONS)),
  otherOrganisations: z.array(z.string()),
  dataCategories: z.array(z.enum(DATA_CATEGORIES)),
  givenOn: z.string(),
  validUntil: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  note: z.string(),
  recordedAt: z.string(),
});
export type ConsentView = z.infer<typeof consentSchema>;

export const preparationSchema = z.strictObject({
  case: caseSummarySchema,
  clientName: z.string(),
  consents: z.array(consentSchema),
  /** Per organisation: covered by a valid consent today, and on the proposed meeting date. */
  coverageToday: z.record(z.string(), z.boolean()),
  coverageAtMeeting: z.record(z.string(), z.boolean()).nullable(),
  background: z.partialRecord(z.enum(BACKGROUND_SECTIONS), savedSection),
  /** The restricted section exists but this user's profession may not see it. */
  restrictedHidden: z.boolean(),
  clientView: clientViewSchema.extend({ updatedAt: z.string() }).nullable(),
  bringNote: z.string(),
  proposedMeetingDate: z.string().nullable(),
  readiness: z.array(z.strictObject({ item: z.enum(READINESS_ITEMS), ok: z.boolean(), missing: z.array(z.string()).optional() })),
});
export type Preparation = z.infer<typeof preparationSchema>;

export const worklistRowSchema = z.strictObject({
  caseId: z.string(),
  number: z.string(),
  status: z.enum(CASE_STATUSES),
  clientId: z.string(),
  clientName: z.string(),
  identityCodeMasked: z.string().nullable(),
  preparerName: z.string().nullable(),
  updatedAt: z.string(),
  proposedMeetingDate: z.string().nullable(),
  /** The date of the meeting whose agenda lists the case now, if any. */
  scheduledMeetingDate: z.string().nullable(),
  /** The last day a written consent covers, if any is valid now. */
  consentValidUntil: z.string().nullable(),
});
export type WorklistRow = z.infer<typeof worklistRowSchema>;

