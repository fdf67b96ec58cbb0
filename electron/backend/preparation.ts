/**
 * Preparing a case for the team: background, the client's own view, consent coverage and the
 * readiness checklist. Each section saves on its own (the renderer autosaves as the user types).
 */
import type { Output, ParsedInput, Preparation } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import { todayInFinland } from '../../shared/domain/dates.js';
import { BACKGROUND_SECTIONS, CONSENT_ORGANISATIONS, consentCoverage, consentValidOn, maySeeRestricted, readiness, type BackgroundSection } from '../../shared/domain/preparation.js';
import { getCase, getReferral, touchCase, type Case } from '../../db/repositories/cases.js';
import { getClient } from '../../db/repositories/clients.js';
import { listConsentsForClient } from '../../db/repositories/consents.js';
import { getClientView, getPlanning, listSections, saveClientView as storeClientView, savePlanning as storePlanning, saveSection as storeSection } from '../../db/repositories/preparation.js';
import type { OpenStore } from '../../db/store.js';
import { withAccess } from './access.js';
import { requireRole, requireUser, type BackendContext } from './context.js';
import { summary as caseSummary } from './cases.js';
import { view as consentView } from './consents.js';

function loadCase(s: OpenStore, caseId: string): Case {
  const c = getCase(s.db, caseId);
  if (!c) throw new AppError('not_found', 'No such case.');
  return c;
}

function writable(s: OpenStore, caseId: string): Case {
  const c = loadCase(s, caseId);
  if (c.status === 'closed') throw new AppError('invalid_status_change', 'A closed case cannot be changed.');
  return c;
}

/** Section summaries that count for the checklist: some text, or some structured content. */
function filled(data: Record<string, unknown>, text: string): boolean {
  if (text.trim()) return true;
  return Object.values(data).some((v) => (Array.isArray(v) ? v.length > 0 : typeof v === 'string' ? v.trim() !== '' : v !== null && v !== undefined));
}

/** Everything stored about a case's preparation, read once. */
function loadStored(s: OpenStore, c: Case) {
  return {
    consents: listConsentsForClient(s.db, c.clientId),
    sections: listSections(s.db, c.id),
    view: getClientView(s.db, c.id),
    planning: getPlanning(s.db, c.id)!,
    referral: getReferral(s.db, c.id),
  };
}

function readinessOf(stored: ReturnType<typeof loadStored>): Preparation['readiness'] {
  const today = todayInFinland();
  const { consents, sections, view, planning, referral } = stored;
  return readiness({
    consentValid: consents.some((x) => x.form === 'written' && consentValidOn(x, today)),
    referralReason: referral?.reason ?? '',
    clientView: view ? { goals: view.goals, selfRating: view.selfRating } : null,
    backgroundFilled: BACKGROUND_SECTIONS.filter((sec) => {
      const saved = sections.get(sec);
      return saved !== undefined && filled(saved.data, saved.text);
    }),
    proposedMeetingDate: planning.proposedMeetingDate,
  });
}

/** The checklist for a case, from what is stored (also used to gate "ready for the team"). */
export function caseReadiness(s: OpenStore, c: Case): Preparation['readiness'] {
  return readinessOf(loadStored(s, c));
}

export function get(ctx: BackendContext, input: ParsedInput<'cases.getPreparation'>): Preparation {
  const s = requireUser(ctx);
  const c = loadCase(s, input.caseId);
  return withAccess(s, { action: 'case.read', basis: 'case_preparation', clientId: c.clientId, entity: `case:${c.id}` }, () => {
    const client = getClient(s.db, c.clientId)!;
    const stored = loadStored(s, c);
    const { consents, planning, sections, view } = stored;
    const restrictedHidden = !maySeeRestricted(s.user.profession);
    const background: Preparation['background'] = {};
    for (const [section, saved] of sections) if (!(section === 'restricted' && restrictedHidden)) background[section] = saved;
    const today = todayInFinland();
    return {
      case: caseSummary(s, c, stored.referral),
      clientName: client.name,
      consents: consents.map(consentView),
      coverageToday: consentCoverage(consents, CONSENT_ORGANISATIONS, today),
      coverageAtMeeting: planning.proposedMeetingDate ? consentCoverage(consents, CONSENT_ORGANISATIONS, planning.proposedMeetingDate) : null,
      background,
      restrictedHidden,
      clientView: view ?? null,
      bringNote: planning.bringNote,
      proposedMeetingDate: planning.proposedMeetingDate,
      readiness: readinessOf(stored),
    };
  });
}

export function saveSection(ctx: BackendContext, input: ParsedInput<'cases.saveSection'>): Output<'cases.saveSection'> {
  const s = requireRole(ctx, 'administrator', 'team_member');
  const section: BackgroundSection = input.section.section;
  if (section === 'restricted' && !maySeeRestricted(s.user.profession)) throw new AppError('forbidden', 'Only health and social care professionals may write this section.');
  const c = writable(s, input.caseId);
  const at = new Date().toISOString();
  withAccess(s, { action: 'case.saveSection', basis: 'case_preparation', clientId: c.clientId, entity: `case:${c.id}`, details: { section } }, () => {
    storeSection(s.db, c.id, section, input.section.data, input.section.text.normalize('NFC'), s.user.id, at);
    touchCase(s.db, c.id, at);
  });
  return { updatedAt: at };
}

export function saveClientView(ctx: BackendContext, input: ParsedInput<'cases.saveClientView'>): Output<'cases.saveClientView'> {
  const s = requireRole(ctx, 'administrator', 'team_member');
  const c = writable(s, input.caseId);
  const at = new Date().toISOString();
  const v = input.view;
  withAccess(s, { action: 'case.saveClientView', basis: 'case_preparation', clientId: c.clientId, entity: `case:${c.id}` }, () => {
    storeClientView(s.db, c.id, { ...v, goals: v.goals.normalize('NFC'), helps: v.helps.normalize('NFC'), hinders: v.hinders.normalize('NFC'), kykyviisari: { ...v.kykyviisari } as Record<string, number> }, s.user.id, at);
    touchCase(s.db, c.id, at);
  });
  return { updatedAt: at };
}

export function savePlanning(ctx: BackendContext, input: ParsedInput<'cases.savePlanning'>): Output<'cases.savePlanning'> {
  const s = requireRole(ctx, 'administrator', 'team_member');
  const c = writable(s, input.caseId);
  if (input.proposedMeetingDate !== null && input.proposedMeetingDate < todayInFinland()) {
    throw new AppError('invalid_input', 'The proposed meeting is in the past.', { fields: ['proposedMeetingDate'], reason: 'past' });
  }
  const at = new Date().toISOString();
  withAccess(s, { action: 'case.savePlanning', basis: 'case_preparation', clientId: c.clientId, entity: `case:${c.id}` }, () =>
    storePlanning(s.db, c.id, input.bringNote.normalize('NFC'), input.proposedMeetingDate, at),
  );
  return { updatedAt: at };
}
