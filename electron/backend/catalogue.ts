/**
 * The service catalogue (issue 6, item 1): service groups, services and named local providers.
 * Anyone signed in reads it; administrators edit it, and each change is logged. Not client data.
 * Seeded entries can be renamed or retired, never deleted; there is no delete at all.
 */
import { randomUUID } from 'node:crypto';
import type { Output, ParsedInput } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import type { CatalogueNames } from '../../shared/domain/catalogue.js';
import { normaliseName } from '../../shared/domain/client.js';
import {
  getGroup, getProvider, getService, insertGroup, insertService, listGroups, listProviders, listServices, updateGroup, updateService, upsertProvider,
} from '../../db/repositories/catalogue.js';
import { record } from './access.js';
import { requireRole, requireUser, type BackendContext } from './context.js';
import type { Handler } from './handlers.js';

const cleanNames = (names: CatalogueNames): CatalogueNames => {
  const out = { fi: normaliseName(names.fi), sv: normaliseName(names.sv), en: normaliseName(names.en) };
  const empty = (['fi', 'sv', 'en'] as const).filter((l) => !out[l]).map((l) => `names.${l}`);
  if (empty.length) throw new AppError('invalid_input', 'A name is needed in each language.', { fields: empty });
  return out;
};

export function get(ctx: BackendContext): Output<'catalogue.get'> {
  const s = requireUser(ctx);
  return { groups: listGroups(s.db), services: listServices(s.db), providers: listProviders(s.db) };
}

export function saveGroup(ctx: BackendContext, input: ParsedInput<'catalogue.saveGroup'>): Output<'catalogue.saveGroup'> {
  const s = requireRole(ctx, 'administrator');
  const names = cleanNames(input.names);
  return s.db.transaction(() => {
    let id = input.id;
    if (id) {
      if (!getGroup(s.db, id)) throw new AppError('not_found', 'No such service group.');
      updateGroup(s.db, { id, names, active: input.active });
    } else {
      id = randomUUID();
      insertGroup(s.db, { id, names, active: input.active });
    }
    record(s, { action: 'catalogue.saveGroup', basis: 'administration', entity: `service_group:${id}`, details: { created: !input.id, active: input.active } });
    return getGroup(s.db, id)!;
  })();
}

export function saveService(ctx: BackendContext, input: ParsedInput<'catalogue.saveService'>): Output<'catalogue.saveService'> {
  const s = requireRole(ctx, 'administrator');
  const names = cleanNames(input.names);
  return s.db.transaction(() => {
    if (input.id && !getService(s.db, input.id)) throw new AppError('not_found', 'No such service.');
    if (!getGroup(s.db, input.groupId)) throw new AppError('invalid_input', 'No such service group.', { fields: ['groupId'] });
    const id = input.id ?? randomUUID();
    const row = { id, names, providerType: input.providerType, groupId: input.groupId, active: input.active };
    if (input.id) updateService(s.db, row);
    else insertService(s.db, row);
    record(s, { action: 'catalogue.saveService', basis: 'administration', entity: `service:${id}`, details: { created: !input.id, active: input.active } });
    return getService(s.db, id)!;
  })();
}

export function saveProvider(ctx: BackendContext, input: ParsedInput<'catalogue.saveProvider'>): Output<'catalogue.saveProvider'> {
  const s = requireRole(ctx, 'administrator');
  const organisation = normaliseName(input.organisation);
  if (!organisation) throw new AppError('invalid_input', 'The organisation is needed.', { fields: ['organisation'] });
  return s.db.transaction(() => {
    if (input.id && !getProvider(s.db, input.id)) throw new AppError('not_found', 'No such provider.');
    const id = input.id ?? randomUUID();
    upsertProvider(s.db, { id, organisation, unit: normaliseName(input.unit), contact: normaliseName(input.contact), providerType: input.providerType, active: input.active });
    record(s, { action: 'catalogue.saveProvider', basis: 'administration', entity: `provider:${id}`, details: { created: !input.id, active: input.active } });
    return getProvider(s.db, id)!;
  })();
}

export const catalogueHandlers: { [K in 'catalogue.get' | 'catalogue.saveGroup' | 'catalogue.saveService' | 'catalogue.saveProvider']: Handler<K> } = {
  'catalogue.get': (ctx) => get(ctx),
  'catalogue.saveGroup': saveGroup,
  'catalogue.saveService': saveService,
  'catalogue.saveProvider': saveProvider,
};
