/**
 * The one contract between the renderer and the backend. Every channel is named `area.verb`,
 * takes one input object and returns one output object; both sides are zod schemas, so the
 * transports (Electron IPC, loopback HTTP) parse the input before any backend code runs and the
 * renderer gets the types for free.
 */
import { z } from 'zod';
import { MAX_NAME_LENGTH, SERVICE_LANGUAGES } from '../domain/client.js';
import { MAX_PASSWORD_LENGTH, PROFESSIONS, ROLES, USERNAME_PATTERN } from '../domain/user.js';
import { CHANNEL_NAMES, EVENT_NAMES as EVENT_NAME_LIST } from './channels.js';
import { ERROR_CODES } from './errors.js';

const name = z.string().trim().min(1).max(MAX_NAME_LENGTH);
const password = z.string().min(1).max(MAX_PASSWORD_LENGTH);
const username = z.string().trim().toLowerCase().regex(USERNAME_PATTERN);
const empty = z.strictObject({});

export const sessionUserSchema = z.strictObject({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  profession: z.enum(PROFESSIONS),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const appStatusSchema = z.strictObject({
  version: z.string(),
  dataDir: z.string(),
  /** none: no store in dataDir (welcome); locked: sign-in; unlocked: working; unavailable: see problem. */
  store: z.enum(['none', 'locked', 'unlocked', 'unavailable']),
  problem: z.enum(ERROR_CODES).optional(),
  organisationName: z.string().optional(),
  user: sessionUserSchema.optional(),
});
export type AppStatus = z.infer<typeof appStatusSchema>;

export const clientSummarySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  language: z.enum(SERVICE_LANGUAGES),
  createdAt: z.string(),
});
export type ClientSummary = z.infer<typeof clientSummarySchema>;

export const contract = {
  /** Where the store is and whether it is absent, locked or open; never needs a session. */
  'app.status': { input: empty, output: appStatusSchema },
  /** Creates a new encrypted store in the current (empty) data folder and signs its first administrator in. */
  'store.create': {
    input: z.strictObject({
      organisationName: name,
      adminDisplayName: name,
      adminUsername: username,
      adminProfession: z.enum(PROFESSIONS),
      password,
    }),
    output: appStatusSchema,
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
  /** Clients of the store, newest first. */
  'clients.list': { input: empty, output: z.array(clientSummarySchema) },
  /** Adds a client with the least we need: name and language of service. */
  'clients.create': {
    input: z.strictObject({ name, language: z.enum(SERVICE_LANGUAGES) }),
    output: clientSummarySchema,
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
