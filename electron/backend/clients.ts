import { randomUUID } from 'node:crypto';
import type { ClientSummary, ParsedInput } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import { normaliseName } from '../../shared/domain/client.js';
import { insertClient, listClients, type Client } from '../../db/repositories/clients.js';
import { requireSession, type BackendContext } from './context.js';

const summary = (c: Client): ClientSummary => ({ id: c.id, name: c.name, language: c.language, createdAt: c.createdAt });

export function list(ctx: BackendContext): ClientSummary[] {
  return listClients(requireSession(ctx).db).map(summary);
}

export function create(ctx: BackendContext, input: ParsedInput<'clients.create'>): ClientSummary {
  const s = requireSession(ctx);
  if (s.user.role === 'read_only') throw new AppError('forbidden', 'A read-only account cannot add clients.');
  const name = normaliseName(input.name);
  if (!name) throw new AppError('invalid_input', 'The name cannot be empty.', { field: 'name' });
  const client: Client = { id: randomUUID(), name, language: input.language, createdAt: new Date().toISOString(), createdBy: s.user.id };
  insertClient(s.db, client);
  ctx.emit('clients.changed', {});
  return summary(client);
}
