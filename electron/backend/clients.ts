/** Clients: identity and contact details. Every read and write goes through the access log. */
import { randomUUID } from 'node:crypto';
import type { ClientDetail, ClientSummary, ParsedInput } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import { normaliseName } from '../../shared/domain/client.js';
import { todayInFinland } from '../../shared/domain/dates.js';
import { maskHenkilotunnus, parseHenkilotunnus } from '../../shared/domain/henkilotunnus.js';
import { openCasesByClient, type Case } from '../../db/repositories/cases.js';
import {
  findClientByIdentityCode,
  findClientsByNameAndBirthDate,
  getClient,
  insertClient,
  listClients,
  updateClient,
  type ClientDetails,
  type FullClient,
} from '../../db/repositories/clients.js';
import type { OpenStore } from '../../db/store.js';
import { withAccess } from './access.js';
import { requireRole, requireUser, type BackendContext } from './context.js';

const caseRef = (c: Case | undefined) => (c ? { id: c.id, number: c.number, status: c.status } : null);

function summary(c: FullClient, openCase: Case | undefined): ClientSummary {
  return {
    id: c.id,
    name: c.name,
    language: c.language,
    createdAt: c.createdAt,
    identityCodeMasked: c.identityCode ? maskHenkilotunnus(c.identityCode) : null,
    birthDate: c.birthDate,
    municipality: c.municipality,
    openCase: caseRef(openCase),
  };
}

function detail(c: FullClient, openCase: Case | undefined): ClientDetail {
  return {
    ...summary(c, openCase),
    interpreterNeeded: c.interpreterNeeded,
    interpreterLanguage: c.interpreterLanguage,
    phone: c.phone,
    email: c.email,
    address: c.address,
    updatedAt: c.updatedAt,
  };
}

const clean = (s: string | undefined) => (s ?? '').normalize('NFC').trim();

type ClientFields = Omit<ParsedInput<'clients.create'>, 'allowSimilar'>;

/** Checks what was typed and turns it into what is stored: canonical identity code, birth date from it. */
function validated(input: ClientFields): { name: string; language: ClientFields['language'] } & ClientDetails {
  const name = normaliseName(input.name);
  if (!name) throw new AppError('invalid_input', 'The name cannot be empty.', { fields: ['name'] });
  let identityCode: string | null = null;
  let birthDate = input.birthDate ?? null;
  if (input.identityCode) {
    const parsed = parseHenkilotunnus(input.identityCode);
    if (!parsed.ok) throw new AppError('invalid_identity_code', `Not a valid personal identity code (${parsed.reason}).`, { fields: ['identityCode'], reason: parsed.reason });
    identityCode = parsed.code;
    birthDate = parsed.birthDate;
  } else if (birthDate && birthDate > todayInFinland()) {
    throw new AppError('invalid_input', 'The birth date is in the future.', { fields: ['birthDate'], reason: 'future' });
  }
  return {
    name,
    language: input.language,
    identityCode,
    birthDate,
    interpreterNeeded: input.interpreterNeeded ?? false,
    interpreterLanguage: clean(input.interpreterLanguage),
    phone: clean(input.phone),
    email: clean(input.email),
    address: clean(input.address),
    municipality: clean(input.municipality),
  };
}

/** The same identity code is the same person: refused. Same name and birth date: a warning the user may override. */
function checkDuplicates(s: OpenStore, c: { name: string; identityCode: string | null; birthDate: string | null }, selfId: string | null, allowSimilar: boolean): void {
  if (c.identityCode) {
    const same = findClientByIdentityCode(s.db, c.identityCode);
    if (same && same.id !== selfId) throw new AppError('duplicate_client', 'A client with this identity code exists already.', { clientId: same.id, fields: ['identityCode'] });
  }
  if (c.birthDate && !allowSimilar) {
    const similar = findClientsByNameAndBirthDate(s.db, c.name, c.birthDate).filter((x) => x.id !== selfId);
    if (similar.length) throw new AppError('possible_duplicate', 'A client with the same name and birth date exists.', { matches: similar.map((x) => ({ id: x.id, name: x.name })) });
  }
}

export function list(ctx: BackendContext): ClientSummary[] {
  const s = requireUser(ctx);
  return withAccess(s, (rows: ClientSummary[]) => ({ action: 'client.list', basis: 'case_preparation', entity: 'client-list', details: { rows: rows.length } }), () => {
    const open = openCasesByClient(s.db);
    return listClients(s.db).map((c) => summary(c, open.get(c.id)));
  });
}

function load(s: OpenStore, clientId: string): FullClient {
  const c = getClient(s.db, clientId);
  if (!c) throw new AppError('not_found', 'No such client.');
  return c;
}

export function get(ctx: BackendContext, input: ParsedInput<'clients.get'>): ClientDetail {
  const s = requireUser(ctx);
  return withAccess(s, { action: 'client.read', basis: 'case_preparation', clientId: input.clientId, entity: `client:${input.clientId}` }, () =>
    detail(load(s, input.clientId), openCasesByClient(s.db).get(input.clientId)),
  );
}

export function revealIdentityCode(ctx: BackendContext, input: ParsedInput<'clients.revealIdentityCode'>): { identityCode: string } {
  const s = requireUser(ctx);
  return withAccess(s, { action: 'client.revealIdentityCode', basis: 'case_preparation', clientId: input.clientId, entity: `client:${input.clientId}` }, () => {
    const c = load(s, input.clientId);
    if (!c.identityCode) throw new AppError('not_found', 'This client has no identity code.');
    return { identityCode: c.identityCode };
  });
}

export function create(ctx: BackendContext, input: ParsedInput<'clients.create'>): ClientSummary {
  const s = requireRole(ctx, 'administrator', 'team_member');
  const fields = validated(input);
  checkDuplicates(s, fields, null, input.allowSimilar ?? false);
  const client: FullClient = { id: randomUUID(), ...fields, createdAt: new Date().toISOString(), createdBy: s.user.id, updatedAt: null };
  withAccess(s, { action: 'client.create', basis: 'case_preparation', clientId: client.id, entity: `client:${client.id}` }, () => insertClient(s.db, client));
  ctx.emit('clients.changed', {});
  return summary(client, undefined);
}

/** An absent identity code keeps the stored one: the edit form never holds the full code. */
export function update(ctx: BackendContext, input: ParsedInput<'clients.update'>): ClientDetail {
  const s = requireRole(ctx, 'administrator', 'team_member');
  const typed = validated(input);
  const result = withAccess(s, { action: 'client.update', basis: 'case_preparation', clientId: input.clientId, entity: `client:${input.clientId}` }, () => {
    const stored = load(s, input.clientId);
    const fields = !input.identityCode && stored.identityCode ? { ...typed, identityCode: stored.identityCode, birthDate: stored.birthDate } : typed;
    checkDuplicates(s, fields, input.clientId, input.allowSimilar ?? false);
    updateClient(s.db, input.clientId, fields, new Date().toISOString());
    return detail(load(s, input.clientId), openCasesByClient(s.db).get(input.clientId));
  });
  ctx.emit('clients.changed', {});
  return result;
}
