import { randomUUID } from 'node:crypto';
import type { ClientSummary, ParsedInput } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import { normaliseName } from '../../shared/domain/client.js';
import { insertClient, listClients, type Client } from '../../db/repositories/clients.js';
import { withAccess } from './access.js';
import { requireRole, requireUser, type BackendContext } from './context.js';

const summary = (c: Client): ClientSummary => ({ id: c.id, name: c.name, language: c.language, createdAt: c.createdAt });

export function list(ctx: BackendContext): ClientSummary[] {
  const s = requireUser(ctx);
  return withAccess(s, (rows: Client[]) => ({ action: 'client.list', basis: 'case_preparation', entity: 'client-list', details: { rows: rows.length } }), () =>
    listClients(s.db),
  ).map(summary);
}

export function create(ctx: BackendContext, input: ParsedInput<'clients.create'>): ClientSummary {
  const s = requireRole(ctx, 'administrator', 'team_member');
  const name = normaliseName(input.name);
  if (!name) throw new AppError('invalid_input', 'The name cannot be empty.', { fields: ['name'] });
  const client: Client = { id: randomUUID(), name, language: input.language, createdAt: new Date().toISOString(), createdBy: s.user.id };
  withAccess(s, { action: 'client.create', basis: 'case_preparation', clientId: client.id, entity: `client:${client.id}` }, () => insertClient(s.db, client));
  ctx.emit('clients.changed', {});
  return summary(client);
}
