/** The access log as the administrator and the client see it: verification and the client-access report. */
import type { AuditEventView, Output, ParsedInput } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import { formatDateTime } from '../../shared/domain/dates.js';
import { catalogues } from '../../shared/i18n/index.js';
import { auditEventsToCsv, listAuditForClient, verifyAudit, type AuditEvent } from '../../db/audit.js';
import { getClient } from '../../db/repositories/clients.js';
import { listUsers } from '../../db/repositories/users.js';
import type { OpenStore } from '../../db/store.js';
import { record, withAccess } from './access.js';
import { requireRole, type BackendContext } from './context.js';

export function verify(ctx: BackendContext): Output<'audit.verify'> {
  const s = requireRole(ctx, 'administrator');
  const result = verifyAudit(s.db);
  record(s, { action: 'audit.verify', basis: 'administration', details: { ok: result.ok } });
  return result.ok ? { ok: true, count: result.count } : { ok: false, count: result.count, firstBrokenSeq: result.firstBrokenSeq, reason: result.reason };
}

function clientEvents(s: OpenStore, clientId: string): { clientName: string; events: AuditEvent[] } {
  // Reading who accessed a client is itself an access to that client's data, and is logged.
  return withAccess(s, { action: 'client.accessReport', basis: 'client_request', clientId, entity: `client:${clientId}` }, () => {
    const client = getClient(s.db, clientId);
    if (!client) throw new AppError('not_found', 'No such client.');
    return { clientName: client.name, events: listAuditForClient(s.db, clientId) };
  });
}

function actorIndex(s: OpenStore): Map<string, { name: string; profession: string }> {
  return new Map(listUsers(s.db).map((u) => [u.id, { name: u.displayName, profession: u.profession }]));
}

export function clientReport(ctx: BackendContext, input: ParsedInput<'audit.clientReport'>): Output<'audit.clientReport'> {
  const s = requireRole(ctx, 'administrator');
  const { clientName, events } = clientEvents(s, input.clientId);
  const actors = actorIndex(s);
  const view = (e: AuditEvent): AuditEventView => ({
    seq: e.seq,
    at: e.at,
    actorName: actors.get(e.actorId)?.name ?? e.actorId,
    actorProfession: actors.get(e.actorId)?.profession ?? '',
    action: e.action,
    basis: e.basis,
    entity: e.entity,
  });
  return { clientName, events: events.map(view) };
}

export function clientReportCsv(ctx: BackendContext, input: ParsedInput<'audit.clientReportCsv'>): Output<'audit.clientReportCsv'> {
  const s = requireRole(ctx, 'administrator');
  const t = catalogues[input.language];
  const { events } = clientEvents(s, input.clientId);
  const actors = actorIndex(s);
  const professions = t.professions as Record<string, string>;
  const actions = t.audit.actions as Record<string, string>;
  const bases = t.audit.bases as Record<string, string>;
  const rows = events.map((e) => ({ ...e, action: actions[e.action] ?? e.action, basis: bases[e.basis] ?? e.basis }));
  const csv = auditEventsToCsv(
    rows,
    { seq: t.audit.columns.seq, at: t.audit.columns.at, actor: t.audit.columns.actor, client: t.audit.columns.client, action: t.audit.columns.action, basis: t.audit.columns.basis, entity: t.audit.columns.entity, details: t.audit.columns.details },
    {
      columns: ['seq', 'at', 'actor', 'action', 'basis'],
      actorName: (id) => {
        const a = actors.get(id);
        return a ? `${a.name} (${professions[a.profession] ?? a.profession})` : id;
      },
      formatAt: (at) => formatDateTime(at, input.language, true),
      // Excel in a Finnish or Swedish locale splits on semicolons, and needs the BOM to read UTF-8.
      delimiter: input.language === 'en' ? ',' : ';',
      bom: true,
    },
  );
  const date = new Date().toISOString().slice(0, 10);
  return { filename: `${t.audit.csvFilePrefix}-${date}.csv`, csv };
}
