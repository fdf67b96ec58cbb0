/**
 * The service catalogue part of the contract (issue 6, item 1): service groups, services and named
 * local providers. Anyone signed in reads it; administrators edit it. Spread into `contract`.
 */
import { z } from 'zod';
import { MAX_CATALOGUE_NAME, PROVIDER_TYPES } from '../domain/catalogue.js';
import { id, shortText } from './schemas.js';

const catalogueName = z.string().trim().min(1).max(MAX_CATALOGUE_NAME);
/** A name in each UI language; all three are required so the plan PDF can be printed in any of them. */
export const namesSchema = z.strictObject({ fi: catalogueName, sv: catalogueName, en: catalogueName });

export const serviceGroupSchema = z.strictObject({ id: z.string(), names: namesSchema, active: z.boolean(), seeded: z.boolean() });
export type ServiceGroup = z.infer<typeof serviceGroupSchema>;

export const serviceSchema = z.strictObject({
  id: z.string(),
  names: namesSchema,
  providerType: z.enum(PROVIDER_TYPES),
  groupId: z.string(),
  active: z.boolean(),
  /** From DOMAIN.md's seed list (it can still be renamed or retired, never deleted). */
  seeded: z.boolean(),
});
export type Service = z.infer<typeof serviceSchema>;

export const providerSchema = z.strictObject({
  id: z.string(),
  organisation: z.string(),
  unit: z.string(),
  contact: z.string(),
  providerType: z.enum(PROVIDER_TYPES),
  active: z.boolean(),
});
export type Provider = z.infer<typeof providerSchema>;

export const catalogueChannels = {
  /** The whole catalogue, retired entries included (marked inactive) so old plans still name them. */
  'catalogue.get': {
    input: z.strictObject({}),
    output: z.strictObject({ groups: z.array(serviceGroupSchema), services: z.array(serviceSchema), providers: z.array(providerSchema) }),
  },
  /** Creates (no id) or updates a service group. Administrators only. */
  'catalogue.saveGroup': { input: z.strictObject({ id: id.optional(), names: namesSchema, active: z.boolean() }), output: serviceGroupSchema },
  /** Creates (no id) or updates a service; the group must exist. Administrators only. */
  'catalogue.saveService': {
    input: z.strictObject({ id: id.optional(), names: namesSchema, providerType: z.enum(PROVIDER_TYPES), groupId: id, active: z.boolean() }),
    output: serviceSchema,
  },
  /** Creates (no id) or updates a named local provider. Administrators only. */
  'catalogue.saveProvider': {
    input: z.strictObject({ id: id.optional(), organisation: shortText.min(1), unit: shortText, contact: shortText, providerType: z.enum(PROVIDER_TYPES), active: z.boolean() }),
    output: providerSchema,
  },
} as const;
