/** Cases and their referrals. A client has at most one open case; closing needs an outcome. */
import { randomUUID } from 'node:crypto';
import type { CaseSummary, ParsedInput, ReferralInput } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import { canChangeStatus, formatCaseNumber } from '../../shared/domain/case.js';
import { todayInFinland } from '../../shared/domain/dates.js';
import { getCase, getReferral, insertCase, listCasesForClient, nextCaseSequence, setCaseStatus, touchCase, upsertReferral, type Case, type Referral } from '../../db/repositories/cases.js';
import { getClient } from '../../db/repositories/clients.js';
import type { OpenStore } from '../../db/store.js';
import { withAccess } from './access.js';
import { caseReadiness } from './preparation.js';
import { requireRole, requireUser, type BackendContext } from './context.js';

/** The case as the contract shows it; a caller that has read the referral already passes it. */
export function summary(s: OpenStore, c: Case, referral: Referral | undefined = getReferral(s.db, c.id)): CaseSummary {
  return {
    id: c.id,
    number: c.number,
    clientId: c.clientId,
    status: c.status,
    outcome: c.outcome,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    closedAt: c.closedAt,
    referral: referral ?? null,
  };
}

function cleanReferral(r: ReferralInput): Referral {
  const nfc = (x: string) => x.normalize('NFC').trim();
  if (r.referralDate > todayInFinland()) {
    throw new AppError('invalid_input', 'The referral date is in the future.', { fields: ['referral.referralDate'], reason: 'future' });
  }
  return {
    source: r.source,
    referrerName: nfc(r.referrerName),
    referrerOrganisation: nfc(r.referrerOrganisation),
    referralDate: r.referralDate,
    reason: r.reason.normalize('NFC'),
    attachments: r.attachments.map((a) => ({ name: nfc(a.name), location: nfc(a.location) })),
  };
}

function loadCase(s: OpenStore, caseId: string): Case {
  const c = getCase(s.db, caseId);
  if (!c) throw new AppError('not_found', 'No such case.');
  return c;
}

export function listForClient(ctx: BackendContext, input: ParsedInput<'cases.listForClient'>): CaseSummary[] {
  const s = requireUser(ctx);
  return withAccess(s, { action: 'case.list', basis: 'case_preparation', clientId: input.clientId, entity: `client:${input.clientId}` }, () =>
    listCasesForClient(s.db, input.clientId).map((c) => summary(s, c)),
  );
}

export function create(ctx: BackendContext, input: ParsedInput<'cases.create'>): CaseSummary {
  const s = requireRole(ctx, 'administrator', 'team_member');
  const referral = cleanReferral(input.referral);
  const result = withAccess(s, (c: CaseSummary) => ({ action: 'case.create', basis: 'case_preparation', clientId: input.clientId, entity: `case:${c.id}` }), () => {
    if (!getClient(s.db, input.clientId)) throw new AppError('not_found', 'No such client.');
    const open = listCasesForClient(s.db, input.clientId).find((c) => c.status !== 'closed');
    if (open) throw new AppError('open_case_exists', 'The client already has an open case.', { caseId: open.id, number: open.number });
    const now = new Date();
    const c: Case = {
      id: randomUUID(),
      number: formatCaseNumber(now.getUTCFullYear(), nextCaseSequence(s.db, now.getUTCFullYear())),
      clientId: input.clientId,
      status: 'referred',
      outcome: null,
      preparerId: s.user.id,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      closedAt: null,
    };
    insertCase(s.db, c);
    upsertReferral(s.db, c.id, referral);
    return summary(s, c);
  });
  ctx.emit('clients.changed', {});
  return result;
}

export function updateReferral(ctx: BackendContext, input: ParsedInput<'cases.updateReferral'>): CaseSummary {
  const s = requireRole(ctx, 'administrator', 'team_member');
  const referral = cleanReferral(input.referral);
  const c = loadCase(s, input.caseId);
  return withAccess(s, { action: 'case.updateReferral', basis: 'case_preparation', clientId: c.clientId, entity: `case:${c.id}` }, () => {
    if (c.status === 'closed') throw new AppError('invalid_status_change', 'A closed case cannot be changed.');
    upsertReferral(s.db, c.id, referral);
    touchCase(s.db, c.id, new Date().toISOString());
    return summary(s, loadCase(s, c.id));
  });
}

export function setStatus(ctx: BackendContext, input: ParsedInput<'cases.setStatus'>): CaseSummary {
  const s = requireRole(ctx, 'administrator', 'team_member');
  const c = loadCase(s, input.caseId);
  if (!canChangeStatus(c.status, input.status)) throw new AppError('invalid_status_change', `A case cannot go from ${c.status} to ${input.status} by hand.`, { from: c.status, to: input.status });
  if (input.status === 'closed' && !input.outcome) throw new AppError('invalid_input', 'Closing a case needs an outcome.', { fields: ['outcome'] });
  if (input.status === 'ready_for_team') {
    const missing = caseReadiness(s, c).filter((r) => !r.ok).map((r) => r.item);
    if (missing.length) throw new AppError('not_ready', 'The preparation checklist is not complete.', { missing });
  }
  const result = withAccess(s, { action: 'case.setStatus', basis: 'case_preparation', clientId: c.clientId, entity: `case:${c.id}`, details: { from: c.status, to: input.status } }, () => {
    setCaseStatus(s.db, c.id, input.status, input.status === 'closed' ? input.outcome! : null, new Date().toISOString());
    return summary(s, loadCase(s, c.id));
  });
  ctx.emit('clients.changed', {});
  return result;
}
