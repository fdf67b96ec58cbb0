/**
 * The one contract between the renderer and the backend. Every channel is named `area.verb`,
 * takes one input object and returns one output object; both sides are zod schemas, so the
 * transports (Electron IPC, loopback HTTP) parse the input before any backend code runs and the
 * renderer gets the types for free.
 */
import { z } from 'zod';
import { CASE_OUTCOMES, CASE_STATUSES, MAX_ATTACHMENTS, MAX_LONG_TEXT, MAX_SHORT_TEXT, REFERRAL_SOURCES } from '../domain/case.js';
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
import { CHANNEL_NAMES, EVENT_NAMES as EVENT_NAME_LIST } from './channels.js';
import { ERROR_CODES } from './errors.js';
import { IDLE_LOCK_MINUTES } from '../domain/settings.js';

const name = z.string().trim().min(1).max(MAX_NAME_LENGTH);
const password = z.string().min(1).max(MAX_PASSWORD_LENGTH);
const username = z.string().trim().toLowerCase().regex(USERNAME_PATTERN);
const newPassword = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH);
const id = z.string().min(1).max(100);
const organisation = z.string().trim().max(MAX_NAME_LENGTH);
const empty = z.strictObject({});

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

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, 'not a calendar date');
const shortText = z.string().trim().max(MAX_SHORT_TEXT);
const longText = z.string().max(MAX_LONG_TEXT);

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
const clientFields = {
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

const text = longText;
const shortStr = z.string().max(MAX_SHORT_TEXT);

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

const savedSection = z.strictObject({ data: z.record(z.string(), z.unknown()), text: z.string(), updatedAt: z.string(), updatedBy: z.string() });

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
  /** The last day a written consent covers, if any is valid now. */
  consentValidUntil: z.string().nullable(),
});
export type WorklistRow = z.infer<typeof worklistRowSchema>;

export const contract = {
  /** Where the store is and whether it is absent, locked or open; never needs a session. */
  'app.status': { input: empty, output: appStatusSchema },
  /**
   * Creates a new encrypted store in the current (empty) data folder and signs its first
   * administrator in. The recovery key is returned this once and exists nowhere else.
   */
  'store.create': {
    input: z.strictObject({
      organisationName: name,
      adminDisplayName: name,
      adminUsername: username,
      adminProfession: z.enum(PROFESSIONS),
      password,
    }),
    output: z.strictObject({ status: appStatusSchema, recoveryKey: z.string() }),
  },
  /**
   * Creates (once) and opens a demo store of fictional clients beside the real store folder, for a
   * newcomer to look around. Answers with the demo accounts and their shared password.
   */
  'store.openDemo': {
    input: empty,
    output: z.strictObject({
      status: appStatusSchema,
      password: z.string(),
      accounts: z.array(z.strictObject({ username: z.string(), displayName: z.string(), profession: z.enum(PROFESSIONS), role: z.enum(ROLES) })),
    }),
  },
  /** Points the workbench at another folder holding an existing store (locked until sign-in). */
  'store.open': {
    input: z.strictObject({ dataDir: z.string().trim().min(1).max(4096) }),
    output: appStatusSchema,
  },
  /** Unlocks the store with one professional's password. */
  'session.signIn': {
    input: z.strictObject({ username, password }),
    output: appStatusSchema,
  },
  /** Drops the key, closes the database and forgets the user. */
  'session.lock': { input: empty, output: appStatusSchema },
  /** The user is active (typing, pointing): postpones the idle lock. */
  'session.activity': { input: empty, output: z.strictObject({ idleLockMinutes: z.number().int() }) },
  /** The signed-in user's own new password; the same signing key, re-sealed. */
  'session.changePassword': { input: z.strictObject({ currentPassword: password, newPassword }), output: appStatusSchema },
  /** A forgotten password: the recovery key sets a new one and signs the user in. */
  'session.recover': {
    input: z.strictObject({ username, recoveryKey: z.string().trim().min(1).max(100), newPassword }),
    output: appStatusSchema,
  },
  /** Professionals of the store (any signed-in user: teams and signing rounds need them). */
  'users.list': { input: empty, output: z.array(userSummarySchema) },
  /** Administrator: a new professional with a first password they change at first sign-in. */
  'users.create': {
    input: z.strictObject({ username, displayName: name, profession: z.enum(PROFESSIONS), organisation, role: z.enum(ROLES), password: newPassword }),
    output: userSummarySchema,
  },
  /** Administrator: the account can no longer sign in; its key slot is deleted. */
  'users.deactivate': { input: z.strictObject({ userId: id }), output: userSummarySchema },
  /** Administrator: sets a new first password (and reactivates a deactivated account). */
  'users.resetPassword': { input: z.strictObject({ userId: id, password: newPassword }), output: userSummarySchema },
  /** Administrator: a new recovery key, shown once; the old one stops working. */
  'admin.rotateRecoveryKey': { input: empty, output: z.strictObject({ recoveryKey: z.string() }) },
  'settings.get': { input: empty, output: z.strictObject({ idleLockMinutes: z.number().int() }) },
  /** Administrator. */
  'settings.update': {
    input: z.strictObject({ idleLockMinutes: z.number().int().min(IDLE_LOCK_MINUTES.min).max(IDLE_LOCK_MINUTES.max) }),
    output: z.strictObject({ idleLockMinutes: z.number().int() }),
  },
  /** Administrator: checks the access log's hash chain; names the first broken event. */
  'audit.verify': {
    input: empty,
    output: z.strictObject({ ok: z.boolean(), count: z.number().int(), firstBrokenSeq: z.number().int().optional(), reason: z.string().optional() }),
  },
  /** Administrator: who viewed or changed one client's data, and when (Act 703/2023, the client's right to know). */
  'audit.clientReport': {
    input: z.strictObject({ clientId: id }),
    output: z.strictObject({ clientName: z.string(), events: z.array(auditEventViewSchema) }),
  },
  /** The same report as CSV, with headers in the chosen language. */
  'audit.clientReportCsv': {
    input: z.strictObject({ clientId: id, language: z.enum(['fi', 'sv', 'en']) }),
    output: z.strictObject({ filename: z.string(), csv: z.string() }),
  },
  /** Administrator: an encrypted, verified backup file. Without a path, beside the store folder. */
  'backup.create': {
    input: z.strictObject({ outPath: z.string().trim().min(1).max(4096).optional() }),
    output: z.strictObject({ file: z.string(), bytes: z.number(), counts: z.record(z.string(), z.number()), ms: z.number() }),
  },
  /** Clients of the store, newest first. */
  'clients.list': { input: empty, output: z.array(clientSummarySchema) },
  /** Adds a client: name and language at least; refuses a second client with the same identity code. */
  'clients.create': { input: z.strictObject(clientFields), output: clientSummarySchema },
  /** One client's details (identity code masked); logged as a read of that client. */
  'clients.get': { input: z.strictObject({ clientId: id }), output: clientDetailSchema },
  'clients.update': { input: z.strictObject({ clientId: id, ...clientFields }), output: clientDetailSchema },
  /** The full identity code, on an explicit click; logged. */
  'clients.revealIdentityCode': { input: z.strictObject({ clientId: id }), output: z.strictObject({ identityCode: z.string() }) },
  /** The client's cases, newest first, with their referrals. */
  'cases.listForClient': { input: z.strictObject({ clientId: id }), output: z.array(caseSummarySchema) },
  /** Opens a case from a referral; a client can have only one open case. */
  'cases.create': { input: z.strictObject({ clientId: id, referral: referralSchema }), output: caseSummarySchema },
  'cases.updateReferral': { input: z.strictObject({ caseId: id, referral: referralSchema }), output: caseSummarySchema },
  /** Everything the preparer works on for one case; the restricted section only for health and social care. */
  'cases.getPreparation': { input: z.strictObject({ caseId: id }), output: preparationSchema },
  /** Saves one background section (autosave); answers with the time it was saved. */
  'cases.saveSection': { input: z.strictObject({ caseId: id, section: backgroundSectionInput }), output: z.strictObject({ updatedAt: z.string() }) },
  'cases.saveClientView': { input: z.strictObject({ caseId: id, view: clientViewSchema }), output: z.strictObject({ updatedAt: z.string() }) },
  /** The preparer's note for the team and the proposed meeting date. */
  'cases.savePlanning': {
    input: z.strictObject({ caseId: id, bringNote: text, proposedMeetingDate: isoDate.nullable() }),
    output: z.strictObject({ updatedAt: z.string() }),
  },
  /** Records a consent the client gave (written, or oral for one contact). */
  'consents.create': {
    input: z.strictObject({
      clientId: id,
      form: z.enum(CONSENT_FORMS),
      organisations: z.array(z.enum(CONSENT_ORGANISATIONS)).max(CONSENT_ORGANISATIONS.length),
      otherOrganisations: z.array(shortText.min(1)).max(20),
      dataCategories: z.array(z.enum(DATA_CATEGORIES)).min(1).max(DATA_CATEGORIES.length),
      givenOn: isoDate,
      validUntil: isoDate.nullable(),
      note: z.string().max(2000),
    }),
    output: consentSchema,
  },
  'consents.withdraw': { input: z.strictObject({ consentId: id, withdrawnOn: isoDate }), output: consentSchema },
  /** The preparer's worklist: cases by status, mine or everyone's, with consent and meeting dates. */
  'worklist.list': {
    input: z.strictObject({ view: z.enum(['mine', 'waiting', 'consent_expiring', 'ready', 'all']), status: z.enum(CASE_STATUSES).optional(), limit: z.number().int().min(1).max(500).optional() }),
    output: z.array(worklistRowSchema),
  },
  /** Search by name (words, any order), full identity code, or case number. */
  'search.cases': { input: z.strictObject({ query: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(100).optional() }), output: z.array(worklistRowSchema) },
  /**
   * One case as an encrypted case file (passphrase → scrypt → AES-256-GCM) for a colleague's
   * machine: the client, the case, its referral, consents and preparation. Base64 of the file bytes.
   */
  'cases.export': {
    input: z.strictObject({ caseId: id, passphrase: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH) }),
    output: z.strictObject({ filename: z.string(), data: z.string() }),
  },
  /** Opens a case file and says what importing it would do, writing nothing. */
  'cases.importPreview': {
    input: z.strictObject({ data: z.string().max(MAX_CASE_FILE_BASE64), passphrase: z.string().min(1).max(MAX_PASSWORD_LENGTH) }),
    output: z.strictObject({
      clientName: z.string(),
      identityCodeMasked: z.string().nullable(),
      caseNumber: z.string(),
      status: z.enum(CASE_STATUSES),
      exportedAt: z.string(),
      exportedBy: z.string(),
      counts: z.record(z.string(), z.number()),
      /** A client with the same identity code exists here: the user must choose what to do. */
      identityCodeClash: z.strictObject({ clientId: z.string(), name: z.string() }).nullable(),
      /** This very case (same id) is here already. */
      alreadyImported: z.boolean(),
    }),
  },
  /** Imports a case file all-or-nothing; an identity-code clash needs an explicit choice. */
  'cases.import': {
    input: z.strictObject({
      data: z.string().max(MAX_CASE_FILE_BASE64),
      passphrase: z.string().min(1).max(MAX_PASSWORD_LENGTH),
      onIdentityCodeClash: z.enum(['refuse', 'use_existing_client']),
    }),
    output: z.strictObject({ clientId: z.string(), caseId: z.string(), caseNumber: z.string() }),
  },
  /** Manual status changes (start preparation, ready for the team when the checklist holds, close with an outcome). */
  'cases.setStatus': {
    input: z.strictObject({ caseId: id, status: z.enum(CASE_STATUSES), outcome: z.enum(CASE_OUTCOMES).optional() }),
    output: caseSummarySchema,
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<K extends Channel> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends Channel> = z.output<Contract[K]['input']>;
export type Output<K extends Channel> = z.output<Contract[K]['output']>;

export const CHANNELS: readonly Channel[] = CHANNEL_NAMES;

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

/** Pushes from the backend to every renderer (Electron: webContents.send; browser: the event stream). */
export const events = {
  /** The session ended (lock now, auto-lock, switching user): clear every client datum. */
  'session.locked': z.strictObject({ reason: z.enum(['user', 'idle', 'system']) }),
  /** Client data changed; lists refetch. */
  'clients.changed': empty,
  /** A backup is being written: bytes done of total, per phase. */
  'backup.progress': z.strictObject({ phase: z.enum(['snapshot', 'write', 'verify']), done: z.number(), total: z.number() }),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export const EVENT_NAMES: readonly EventName[] = EVENT_NAME_LIST;

// Compile-time proof that channels.ts lists exactly the contract's channels and events.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelsMatch: Same<(typeof CHANNEL_NAMES)[number], Channel> = true;
const eventsMatch: Same<(typeof EVENT_NAME_LIST)[number], EventName> = true;
void channelsMatch;
void eventsMatch;
