/**
 * The assessment record of an agenda item: created when the team first opens the case in the
 * meeting (purpose from the item's kind, benefits from the preparation), saved field by field
 * (last write wins per field), and shown twice: in full in the chair's window, and in
 * presentation form on the shared screen (no name, masked identity code, no speaker notes, the
 * restricted section only when the chair reveals it).
 */
import type { Assessment, AssessmentChange, Output, ParsedInput } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import {
  addedIcfCodes,
  assessmentMissing,
  benefitKey,
  fieldKey,
  fieldValue,
  isSpeakerNoteKey,
  purposeForKind,
  readIcfAdded,
  type StoredFields,
} from '../../shared/domain/assessment.js';
import { maskHenkilotunnus } from '../../shared/domain/henkilotunnus.js';
import { icfCategory, icfCodesFor, isBriefCode, isValidQualifier, qualifiersFor } from '../../shared/domain/icf.js';
import { atTable, consentAtTable, initialsOf } from '../../shared/domain/meeting.js';
import { BENEFIT_STATUSES, BENEFITS, maySeeRestricted } from '../../shared/domain/preparation.js';
import { PROFESSIONS } from '../../shared/domain/user.js';
import { getAssessment, getField, insertAssessment, listFields, putField } from '../../db/repositories/assessments.js';
import { getCase, getReferral } from '../../db/repositories/cases.js';
import { getClient } from '../../db/repositories/clients.js';
import { listConsentsForClient } from '../../db/repositories/consents.js';
import { listAgenda, listAttendance, type AgendaItemRecord, type MeetingRecord } from '../../db/repositories/meetings.js';
import { getClientView, getPlanning, listSections } from '../../db/repositories/preparation.js';
import type { OpenStore } from '../../db/store.js';
import { withAccess } from './access.js';
import { requireRole, requireUser, type BackendContext } from './context.js';
import { consentScope, loadItem, loadMeeting, requireInProgress } from './meeting-view.js';
import { elapsedNow } from './meeting-timer.js';

/** Creates the record on first opening during the meeting; a no-op once it exists. */
export function ensureAssessment(s: OpenStore, item: AgendaItemRecord): void {
  if (getAssessment(s.db, item.id)) return;
  const at = new Date().toISOString();
  insertAssessment(s.db, { itemId: item.id, caseId: item.caseId, createdAt: at, createdBy: s.user.id });
  putField(s.db, item.id, 'purpose', purposeForKind(item.kind), s.user.id, at);
  const prepared = listSections(s.db, item.caseId).get('benefits')?.data.items;
  for (const b of Array.isArray(prepared) ? (prepared as { benefit?: unknown; status?: unknown; note?: unknown }[]) : []) {
    const benefit = BENEFITS.find((x) => x === b.benefit);
    if (!benefit) continue;
    const status = BENEFIT_STATUSES.find((x) => x === b.status) ?? null;
    putField(s.db, item.id, benefitKey(benefit), { status, note: typeof b.note === 'string' ? b.note : '' }, s.user.id, at);
  }
}

/** Organisations at the table and their consent, on the meeting's consent day. */
function tableConsent(s: OpenStore, m: MeetingRecord, clientId: string) {
  const { day } = consentScope(s, m);
  return consentAtTable(listAttendance(s.db, m.id), listConsentsForClient(s.db, clientId), day);
}

function build(s: OpenStore, item: AgendaItemRecord, m: MeetingRecord, presentation: boolean): Assessment {
  const c = getCase(s.db, item.caseId)!;
  const client = getClient(s.db, c.clientId)!;
  const sections = listSections(s.db, c.id);
  const view = getClientView(s.db, c.id);
  const mayRead = maySeeRestricted(s.user.profession);
  const hidden = presentation ? !(mayRead && m.restrictedRevealed && m.currentItemId === item.id) : !mayRead;
  const background: Assessment['prepared']['background'] = {};
  for (const [section, saved] of sections) if (!(section === 'restricted' && hidden)) background[section] = saved;
  const stored = listFields(s.db, item.id);
  const fields = presentation ? Object.fromEntries(Object.entries(stored).filter(([k]) => !isSpeakerNoteKey(k))) : stored;
  const consent = tableConsent(s, m, c.clientId);
  const present = new Set(listAttendance(s.db, m.id).filter(atTable).map((a) => a.profession));
  return {
    itemId: item.id,
    meetingId: m.id,
    caseId: c.id,
    caseNumber: c.number,
    position: item.position,
    total: listAgenda(s.db, m.id).length,
    clientName: presentation ? null : client.name,
    clientInitials: initialsOf(client.name),
    identityCodeMasked: client.identityCode ? maskHenkilotunnus(client.identityCode) : null,
    kind: item.kind,
    prepared: {
      referralReason: getReferral(s.db, c.id)?.reason ?? '',
      background,
      restrictedHidden: hidden && sections.has('restricted'),
      clientView: view ?? null,
      bringNote: getPlanning(s.db, c.id)?.bringNote ?? '',
    },
    consentAtTable: consent,
    professionsPresent: PROFESSIONS.filter((p) => present.has(p)),
    icfCodes: icfCodesFor(addedIcfCodes(stored)),
    fields,
    missing: assessmentMissing(stored, consent),
    presentation,
  };
}

export function get(ctx: BackendContext, input: ParsedInput<'assessment.get'>): Output<'assessment.get'> {
  const s = requireUser(ctx);
  const { item, meeting: m } = loadItem(s, input.itemId);
  if (m.state === 'scheduled') throw new AppError('meeting_not_started', 'The assessment opens when the meeting starts.');
  return withAccess(s, { action: 'assessment.read', basis: 'team_meeting', clientId: getCase(s.db, item.caseId)!.clientId, entity: `assessment:${item.id}` }, () => {
    if (m.state === 'in_progress' && item.outcome !== 'removed' && s.user.role !== 'read_only') ensureAssessment(s, item);
    return build(s, item, m, false);
  });
}

export function audience(ctx: BackendContext, input: ParsedInput<'assessment.audience'>): Output<'assessment.audience'> {
  const s = requireUser(ctx);
  const m = loadMeeting(s, input.meetingId);
  const items = listAgenda(s.db, m.id);
  const current = m.state === 'in_progress' ? items.find((i) => i.id === m.currentItemId && i.outcome !== 'removed') : undefined;
  const access = { action: 'meeting.audienceView', basis: 'team_meeting' as const, clientId: current?.clientId ?? null, entity: current ? `assessment:${current.id}` : `meeting:${m.id}` };
  return withAccess(s, access, () => {
    if (current && s.user.role !== 'read_only') ensureAssessment(s, current);
    const timer = current ? { elapsedMs: elapsedNow(current), running: current.runningSince !== null, timeBoxMinutes: current.timeBoxMinutes } : null;
    return { meetingId: m.id, step: m.currentStep, assessment: current ? build(s, current, m, true) : null, timer, itemCount: items.length, state: m.state };
  });
}

/** NFC for every text a change carries. */
function normalised(change: AssessmentChange): AssessmentChange {
  const nfc = (x: string) => x.normalize('NFC');
  switch (change.kind) {
    case 'text':
    case 'icfObservation':
    case 'speakerNote':
      return { ...change, value: nfc(change.value) };
    case 'benefit':
      return { ...change, note: nfc(change.note) };
    case 'rehab':
      return { ...change, grounds: nfc(change.grounds), service: nfc(change.service) };
    default:
      return change;
  }
}

/** ICF changes: known codes only, add and remove beyond the brief set, qualifiers by component. */
function checkIcf(change: AssessmentChange, fields: StoredFields): void {
  if (!('code' in change)) return;
  const category = icfCategory(change.code);
  if (!category) throw new AppError('unknown_icf_code', `No ICF category ${change.code} in the catalogue.`, { code: change.code });
  const brief = isBriefCode(change.code);
  const added = readIcfAdded(fields, change.code);
  if (change.kind === 'icfAdd') {
    if (brief) throw new AppError('invalid_input', 'The brief core set is always there.', { fields: ['change.code'], reason: 'brief' });
    return;
  }
  if (change.kind === 'icfRemove') {
    if (!added) throw new AppError('invalid_input', 'Only categories added to this case can be removed.', { fields: ['change.code'], reason: 'not_added' });
    return;
  }
  if (!brief && !added) throw new AppError('invalid_input', 'Add the category to the case first.', { fields: ['change.code'], reason: 'not_added' });
  if (change.kind === 'icfQualifier' && change.value !== null && !isValidQualifier(change.code, change.value)) {
    throw new AppError('invalid_qualifier', `${change.value} is not a qualifier for ${change.code}.`, { code: change.code, allowed: [...qualifiersFor(category.component)] });
  }
}

export function change(ctx: BackendContext, input: ParsedInput<'assessment.change'>): Output<'assessment.change'> {
  const s = requireRole(ctx, 'administrator', 'team_member');
  const { item, meeting: m } = loadItem(s, input.itemId);
  requireInProgress(m);
  // A completed or dropped case is part of the meeting's record: its fields no longer change.
  if (item.state === 'discussed' || item.state === 'carried_over') {
    throw new AppError('invalid_status_change', 'This case is done for this meeting; its record no longer changes.', { state: item.state });
  }
  const chg = normalised(input.change);
  const key = fieldKey(chg);
  const clientId = getCase(s.db, item.caseId)!.clientId;
  const result = withAccess(s, { action: 'assessment.change', basis: 'team_meeting', clientId, entity: `assessment:${item.id}`, details: { key } }, () => {
    ensureAssessment(s, item);
    checkIcf(chg, listFields(s.db, item.id));
    putField(s.db, item.id, key, fieldValue(chg), s.user.id, new Date().toISOString());
    return { key, field: getField(s.db, item.id, key)!, missing: assessmentMissing(listFields(s.db, item.id), tableConsent(s, m, clientId)) };
  });
  ctx.emit('assessment.changed', { itemId: item.id, keys: [key] });
  return result;
}

/** What the record still needs (for completing the item). */
export function missingFor(s: OpenStore, item: AgendaItemRecord, m: MeetingRecord): string[] {
  return assessmentMissing(listFields(s.db, item.id), tableConsent(s, m, getCase(s.db, item.caseId)!.clientId));
}
