/**
 * What a case file's sealed payload must look like once decrypted (see db/case-file.ts for the
 * container). Strict objects throughout: a field this version does not know means the file came
 * from elsewhere or was damaged, and an import must never guess.
 */
import { z } from 'zod';
import { backgroundDataSchemas, clientViewSchema, referralSchema } from '../api/schemas.js';
import { CASE_OUTCOMES, CASE_STATUSES, MAX_LONG_TEXT, MAX_SHORT_TEXT } from './case.js';
import { MAX_NAME_LENGTH, SERVICE_LANGUAGES } from './client.js';
import { isValidHenkilotunnus } from './henkilotunnus.js';
import { CONSENT_FORMS, CONSENT_ORGANISATIONS, DATA_CATEGORIES } from './preparation.js';
import { PROFESSIONS } from './user.js';

const id = z.string().min(1).max(100);
const short = z.string().max(MAX_SHORT_TEXT);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
// Timestamps are compared and sorted as strings elsewhere, so only the ISO form is accepted.
const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);

const section = <T extends z.ZodType>(data: T) => z.strictObject({ data, text: z.string().max(MAX_LONG_TEXT), updatedAt: instant });

export const caseFilePayloadSchema = z.strictObject({
  client: z.strictObject({
    id,
    name: z.string().min(1).max(MAX_NAME_LENGTH),
    language: z.enum(SERVICE_LANGUAGES),
    createdAt: instant,
    updatedAt: instant.nullable(),
    // Masking ignores the clock, validation does not: a code valid where it was written is valid here.
    identityCode: z.string().max(20).refine((c) => isValidHenkilotunnus(c), 'not a valid identity code').nullable(),
    birthDate: isoDate.nullable(),
    interpreterNeeded: z.boolean(),
    interpreterLanguage: short,
    phone: short,
    email: short,
    address: short,
    municipality: short,
  }),
  case: z.strictObject({
    id,
    number: z.string().regex(/^\d{4}-\d{4,}$/),
    status: z.enum(CASE_STATUSES),
    outcome: z.enum(CASE_OUTCOMES).nullable(),
    createdAt: instant,
    updatedAt: instant,
    closedAt: instant.nullable(),
    bringNote: z.string().max(MAX_LONG_TEXT),
    proposedMeetingDate: isoDate.nullable(),
  }),
  referral: referralSchema.nullable(),
  consents: z
    .array(
      z.strictObject({
        id,
        form: z.enum(CONSENT_FORMS),
        organisations: z.array(z.enum(CONSENT_ORGANISATIONS)).max(CONSENT_ORGANISATIONS.length),
        otherOrganisations: z.array(short).max(20),
        dataCategories: z.array(z.enum(DATA_CATEGORIES)).max(DATA_CATEGORIES.length),
        givenOn: isoDate,
        validUntil: isoDate.nullable(),
        withdrawnOn: isoDate.nullable(),
        note: z.string().max(2000),
        recordedAt: instant,
      }),
    )
    .max(500),
  background: z.strictObject({
    education: section(backgroundDataSchemas.education).optional(),
    work_history: section(backgroundDataSchemas.work_history).optional(),
    health: section(backgroundDataSchemas.health).optional(),
    social: section(backgroundDataSchemas.social).optional(),
    benefits: section(backgroundDataSchemas.benefits).optional(),
    restricted: section(backgroundDataSchemas.restricted).optional(),
  }),
  clientView: clientViewSchema.extend({ updatedAt: instant }).nullable(),
  exportedBy: z.strictObject({ name: z.string().min(1).max(MAX_NAME_LENGTH), profession: z.enum(PROFESSIONS) }),
});

export type CaseFilePayload = z.output<typeof caseFilePayloadSchema>;
