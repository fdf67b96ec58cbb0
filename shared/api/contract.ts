/**
 * The one contract between the renderer and the backend. Every channel is named `area.verb`,
 * takes one input object and returns one output object; both sides are zod schemas, so the
 * transports (Electron IPC, loopback HTTP) parse the input before any backend code runs and the
 * renderer gets the types for free.
 */
import { z } from 'zod';
import { CASE_OUTCOMES, CASE_STATUSES } from '../domain/case.js';
import { CONSENT_FORMS, CONSENT_ORGANISATIONS, DATA_CATEGORIES } from '../domain/preparation.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, PROFESSIONS, ROLES } from '../domain/user.js';
import { IDLE_LOCK_MINUTES } from '../domain/settings.js';
import { CHANNEL_NAMES, EVENT_NAMES as EVENT_NAME_LIST } from './channels.js';
import {
  MAX_CASE_FILE_BASE64,
  appStatusSchema,
  auditEventViewSchema,
  backgroundSectionInput,
  caseSummarySchema,
  clientDetailSchema,
  clientFields,
  clientSummarySchema,
  clientViewSchema,
  consentSchema,
  empty,
  id,
  isoDate,
  name,
  newPassword,
  organisation,
  password,
  preparationSchema,
  referralSchema,
  shortText,
  text,
  userSummarySchema,
  username,
  worklistRowSchema,
} from './schemas.js';
import { catalogueChannels } from './contract-catalogue.js';
import { meetingChannels, meetingEvents } from './contract-meetings.js';
import { planChannels, planEvents } from './contract-plans.js';
export * from './schemas.js';
export * from './contract-meetings.js';
export * from './contract-catalogue.js';
export * from './contract-plans.js';

/** A form's unsaved draft: which form (`client.new`, `referral:<caseId>`…), at most this much JSON. */
export const DRAFT_FORM_KEY = /^[a-z][a-z.]{0,40}(:[A-Za-z0-9_-]{1,100})?$/;
export const MAX_DRAFT_JSON = 256 * 1024;
const formKey = z.string().max(150).regex(DRAFT_FORM_KEY);

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
  /** The signed-in user's unsaved draft of a form, if any (drafts of client forms are logged accesses). */
  'drafts.get': {
    input: z.strictObject({ formKey }),
    output: z.strictObject({ data: z.record(z.string(), z.json()), updatedAt: z.string() }).nullable(),
  },
  /** Keeps what is typed in a form before it is submitted; `invalid_input` (reason too_large) past MAX_DRAFT_JSON. */
  'drafts.save': {
    input: z.strictObject({ formKey, clientId: id.nullable(), data: z.record(z.string(), z.json()) }),
    output: z.strictObject({ updatedAt: z.string() }),
  },
  /** Forgets a draft (the form was submitted or cancelled). */
  'drafts.discard': { input: z.strictObject({ formKey }), output: empty },
  ...meetingChannels,
  ...catalogueChannels,
  ...planChannels,
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
  ...meetingEvents,
  ...planEvents,
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
