/** The client's consents to share data between organisations. Recorded, withdrawn; never edited or deleted. */
import { randomUUID } from 'node:crypto';
import type { ConsentView, ParsedInput } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import { getConsent, insertConsent, withdrawConsent, type Consent } from '../../db/repositories/consents.js';
import { getClient } from '../../db/repositories/clients.js';
import { todayInFinland } from '../../shared/domain/dates.js';
import { withAccess } from './access.js';
import { requireRole, type BackendContext } from './context.js';

export function view(c: Consent): ConsentView {
  const { recordedBy: _, ...rest } = c;
  return rest;
}

export function create(ctx: BackendContext, input: ParsedInput<'consents.create'>): ConsentView {
  const s = requireRole(ctx, 'administrator', 'team_member');
  const today = todayInFinland();
  if (input.givenOn > today) throw new AppError('invalid_input', 'A consent cannot be given in the future.', { fields: ['givenOn'], reason: 'future' });
  if (input.validUntil !== null && input.validUntil < input.givenOn) {
    throw new AppError('invalid_input', 'The consent ends before it begins.', { fields: ['validUntil'], reason: 'before_start' });
  }
  if (input.organisations.length + input.otherOrganisations.length === 0) {
    throw new AppError('invalid_input', 'A consent names at least one organisation.', { fields: ['organisations'] });
  }
  const consent: Consent = {
    id: randomUUID(),
    clientId: input.clientId,
    form: input.form,
    organisations: [...new Set(input.organisations)],
    otherOrganisations: input.otherOrganisations.map((o) => o.normalize('NFC').trim()),
    dataCategories: [...new Set(input.dataCategories)],
    givenOn: input.givenOn,
    // Oral consent covers one contact, on the day it is given.
    validUntil: input.form === 'oral' ? input.givenOn : input.validUntil,
    withdrawnOn: null,
    note: input.note.normalize('NFC').trim(),
    recordedBy: s.user.id,
    recordedAt: new Date().toISOString(),
  };
  withAccess(s, { action: 'consent.create', basis: 'case_preparation', clientId: input.clientId, entity: `consent:${consent.id}` }, () => {
    if (!getClient(s.db, input.clientId)) throw new AppError('not_found', 'No such client.');
    insertConsent(s.db, consent);
  });
  ctx.emit('clients.changed', {});
  return view(consent);
}

export function withdraw(ctx: BackendContext, input: ParsedInput<'consents.withdraw'>): ConsentView {
  const s = requireRole(ctx, 'administrator', 'team_member');
  const c = getConsent(s.db, input.consentId);
  if (!c) throw new AppError('not_found', 'No such consent.');
  if (c.withdrawnOn !== null) throw new AppError('invalid_input', 'The consent was withdrawn already.', { fields: ['withdrawnOn'] });
  if (input.withdrawnOn < c.givenOn || input.withdrawnOn > todayInFinland()) {
    throw new AppError('invalid_input', 'The withdrawal date must fall between the consent and today.', { fields: ['withdrawnOn'] });
  }
  const result = withAccess(s, { action: 'consent.withdraw', basis: 'case_preparation', clientId: c.clientId, entity: `consent:${c.id}` }, () => {
    withdrawConsent(s.db, c.id, input.withdrawnOn);
    return view(getConsent(s.db, c.id)!);
  });
  ctx.emit('clients.changed', {});
  return result;
}
