/**
 * The one contract between the renderer and the backend. Every channel is named `area.verb`,
 * takes one input object and returns one output object; both sides are zod schemas, so the
 * transports (Electron IPC, loopback HTTP) parse the input before any backend code runs and the
 * renderer gets the types for free.
 */
import { z } from 'zod';
import { CASE_OUTCOMES, CASE_STATUSES, MAX_ATTACHMENTS, MAX_LONG_TEXT, MAX_SHORT_TEXT, REFERRAL_SOURCES } from '../domain/case.js';
import { MAX_NAME_LENGTH, SERVICE_LANGUAGES } from '../domain/client.js';
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
  /** Manual status changes (start preparation, close with an outcome); later phases come from their own use cases. */
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
