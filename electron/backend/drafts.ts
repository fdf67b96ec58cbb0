/**
 * Unsaved drafts of the forms that have an explicit save: what is typed survives a lock, a crash
 * or a restart (issue 4). A draft belongs to the signed-in user alone. A draft of a form about an
 * existing client is client data: its reads and writes go through the access log like any other.
 */
import { MAX_DRAFT_JSON, type Output, type ParsedInput } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import { getCase } from '../../db/repositories/cases.js';
import { getClient } from '../../db/repositories/clients.js';
import { deleteDraft, deleteDraftsBefore, getDraft, saveDraft } from '../../db/repositories/drafts.js';
import type { OpenStore } from '../../db/store.js';
import { withAccess } from './access.js';
import { requireRole, requireUser, type BackendContext } from './context.js';
import type { Handler } from './handlers.js';

/** Drafts nobody has touched for this long are removed at sign-in. */
export const DRAFT_MAX_AGE_DAYS = 30;

/** Forms whose key names their client after the colon. */
const CLIENT_KEYED_FORMS = new Set(['client.edit', 'case.new', 'consent.new']);

/**
 * The client a form key itself names, if the form is one we know: `client.edit:<clientId>`,
 * `referral:<caseId>` (the case's client)… A draft must name the same client, so that a mistake in
 * the renderer can never keep a client's data out of the access log. Unknown forms: no constraint.
 */
function clientNamedBy(s: OpenStore, formKey: string): string | undefined {
  const colon = formKey.indexOf(':');
  if (colon < 0) return undefined;
  const form = formKey.slice(0, colon);
  const target = formKey.slice(colon + 1);
  if (CLIENT_KEYED_FORMS.has(form)) return target;
  if (form === 'referral') {
    const c = getCase(s.db, target);
    if (!c) throw new AppError('not_found', 'No such case.');
    return c.clientId;
  }
  return undefined;
}

/** Every string of the JSON, keys included, in NFC: what is stored compares as it is shown. */
function toNfc(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(toNfc);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.normalize('NFC'), toNfc(v)]));
  return value;
}

type DraftView = NonNullable<Output<'drafts.get'>>;

const access = (action: 'draft.read' | 'draft.save', clientId: string, formKey: string) =>
  ({ action, basis: 'case_preparation', clientId, entity: `draft:${formKey}` }) as const;

export function get(ctx: BackendContext, input: ParsedInput<'drafts.get'>): Output<'drafts.get'> {
  const s = requireUser(ctx);
  const draft = getDraft(s.db, s.user.id, input.formKey);
  if (!draft) return null;
  const view: DraftView = { data: draft.data as DraftView['data'], updatedAt: draft.updatedAt };
  return draft.clientId ? withAccess(s, access('draft.read', draft.clientId, input.formKey), () => view) : view;
}

export function save(ctx: BackendContext, input: ParsedInput<'drafts.save'>): Output<'drafts.save'> {
  const s = requireRole(ctx, 'administrator', 'team_member');
  const { formKey, clientId } = input;
  const json = JSON.stringify(toNfc(input.data));
  if (json.length > MAX_DRAFT_JSON) {
    throw new AppError('invalid_input', `A draft may hold at most ${MAX_DRAFT_JSON} characters of JSON.`, { fields: ['data'], reason: 'too_large', max: MAX_DRAFT_JSON });
  }
  const named = clientNamedBy(s, formKey);
  if (named !== undefined && named !== clientId) throw new AppError('invalid_input', 'The draft names another client than its form.', { fields: ['clientId'], reason: 'mismatch' });
  if (clientId !== null && !getClient(s.db, clientId)) throw new AppError('not_found', 'No such client.');
  const at = new Date().toISOString();
  const write = () => saveDraft(s.db, s.user.id, formKey, clientId, json, at);
  if (clientId === null) write();
  else withAccess(s, access('draft.save', clientId, formKey), write);
  return { updatedAt: at };
}

/** Forgetting one's own draft reads nothing and writes no client data: no access event. */
export function discard(ctx: BackendContext, input: ParsedInput<'drafts.discard'>): Output<'drafts.discard'> {
  const s = requireRole(ctx, 'administrator', 'team_member');
  deleteDraft(s.db, s.user.id, input.formKey);
  return {};
}

/** Called at sign-in: drafts left for a month are forgotten (every user's). */
export function purgeStaleDrafts(s: OpenStore, now = Date.now()): number {
  return deleteDraftsBefore(s.db, new Date(now - DRAFT_MAX_AGE_DAYS * 86_400_000).toISOString());
}

export const draftHandlers: { 'drafts.get': Handler<'drafts.get'>; 'drafts.save': Handler<'drafts.save'>; 'drafts.discard': Handler<'drafts.discard'> } = {
  'drafts.get': get,
  'drafts.save': save,
  'drafts.discard': discard,
};
