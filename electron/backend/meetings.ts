/**
 * Scheduling team meetings and keeping their agendas: which cases, in which order, with how much
 * time each. The session itself (attendance, navigation, completing, finishing) is in
 * meeting-session.ts; how a meeting is shown is in meeting-view.ts.
 */
import { randomUUID } from 'node:crypto';
import type { MeetingDetail, Output, ParsedInput } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import type { CaseStatus } from '../../shared/domain/case.js';
import { todayInFinland } from '../../shared/domain/dates.js';
import { REVIEWABLE_STATUSES, defaultTimeBox, isReorderOf, reviewDue, type AgendaKind } from '../../shared/domain/meeting.js';
import { getAssessment } from '../../db/repositories/assessments.js';
import { getCase } from '../../db/repositories/cases.js';
import { deleteItem, insertItem, insertMeeting, lastAssessedOn, listAgenda, listCandidateCases, listMeetings, openItemForCase, setOrder, setTimeBox as storeTimeBox, updateMeetingDetails } from '../../db/repositories/meetings.js';
import { isMember, type TeamRecord } from '../../db/repositories/teams.js';
import { getUser } from '../../db/repositories/users.js';
import type { OpenStore } from '../../db/store.js';
import { withAccess } from './access.js';
import { requireRole, requireUser, type BackendContext } from './context.js';
import { consentCovered, consentScope, loadItem, loadMeeting, loadTeam, requireUnfinished, summaryOf, withMeeting } from './meeting-view.js';

const WRITERS = ['administrator', 'team_member'] as const;

/** The chair leads the session: an active member of the meeting's team. */
function checkChair(s: OpenStore, teamId: string, chairId: string): void {
  const u = getUser(s.db, chairId);
  if (!u || !u.active || !isMember(s.db, teamId, chairId)) throw new AppError('invalid_input', 'The chair must be an active member of the team.', { fields: ['chairId'] });
}

function checkNotPast(date: string, field: string): void {
  if (date < todayInFinland()) throw new AppError('invalid_input', 'The meeting date is in the past.', { fields: [field], reason: 'past' });
}

function changed(ctx: BackendContext, meetingId: string, detail: MeetingDetail): MeetingDetail {
  ctx.emit('meetings.changed', { meetingId });
  return detail;
}

export function list(ctx: BackendContext, input: ParsedInput<'meetings.list'>): Output<'meetings.list'> {
  const s = requireUser(ctx);
  return withAccess(s, (rows: Output<'meetings.list'>) => ({ action: 'meeting.list', basis: 'team_meeting', entity: 'meetings', details: { when: input.when, rows: rows.length } }), () =>
    listMeetings(s.db, input.when).map(summaryOf),
  );
}

export function get(ctx: BackendContext, input: ParsedInput<'meetings.get'>): Output<'meetings.get'> {
  const s = requireUser(ctx);
  loadMeeting(s, input.meetingId);
  return withMeeting(s, input.meetingId, (d) => ({ action: 'meeting.read', details: { items: d.items.length } }));
}

export function create(ctx: BackendContext, input: ParsedInput<'meetings.create'>): Output<'meetings.create'> {
  const s = requireRole(ctx, ...WRITERS);
  const team = loadTeam(s, input.teamId);
  checkChair(s, team.id, input.chairId);
  checkNotPast(input.date, 'date');
  const id = randomUUID();
  const detail = withMeeting(s, id, { action: 'meeting.create' }, () =>
    insertMeeting(s.db, { id, teamId: team.id, date: input.date, time: input.time, place: input.place.normalize('NFC'), chairId: input.chairId, createdBy: s.user.id, createdAt: new Date().toISOString() }),
  );
  return changed(ctx, id, detail);
}

export function update(ctx: BackendContext, input: ParsedInput<'meetings.update'>): Output<'meetings.update'> {
  const s = requireRole(ctx, ...WRITERS);
  const m = loadMeeting(s, input.meetingId);
  requireUnfinished(m);
  checkChair(s, m.teamId, input.chairId);
  // A running meeting happens on its day; a scheduled one may move, but not into the past.
  if (m.state === 'in_progress' && input.date !== m.date) throw new AppError('meeting_started', 'A meeting that has started cannot move to another day.');
  if (input.date !== m.date) checkNotPast(input.date, 'date');
  const detail = withMeeting(s, m.id, { action: 'meeting.update' }, () =>
    updateMeetingDetails(s.db, m.id, { date: input.date, time: input.time, place: input.place.normalize('NFC'), chairId: input.chairId }),
  );
  return changed(ctx, m.id, detail);
}

/** Whether a case may go on an agenda held on `day`, and as what. */
function eligibility(s: OpenStore, team: TeamRecord, c: { id: string; status: CaseStatus }, day: string, last?: string | null): AgendaKind | null {
  if (c.status === 'ready_for_team') return 'new';
  if (!(REVIEWABLE_STATUSES as readonly string[]).includes(c.status)) return null;
  return reviewDue(last === undefined ? lastAssessedOn(s.db, c.id) : last, team.reviewIntervalMonths, day) ? 'review' : null;
}

export function eligibleCases(ctx: BackendContext, input: ParsedInput<'meetings.eligibleCases'>): Output<'meetings.eligibleCases'> {
  const s = requireUser(ctx);
  const m = loadMeeting(s, input.meetingId);
  const team = loadTeam(s, m.teamId);
  return withAccess(s, (rows: Output<'meetings.eligibleCases'>) => ({ action: 'meeting.eligibleCases', basis: 'team_meeting', entity: `meeting:${m.id}`, details: { rows: rows.length } }), () => {
    if (m.state === 'finished') return [];
    const scope = consentScope(s, m);
    const rows: Output<'meetings.eligibleCases'> = [];
    for (const c of listCandidateCases(s.db, ['ready_for_team', ...REVIEWABLE_STATUSES])) {
      const kind = eligibility(s, team, { id: c.caseId, status: c.status }, m.date, c.lastAssessedOn);
      if (!kind) continue;
      const consentWarning = consentCovered(s, c.clientId, scope).some((x) => !x.covered);
      rows.push({ caseId: c.caseId, caseNumber: c.caseNumber, clientName: c.clientName, status: c.status, kind, proposedMeetingDate: c.proposedMeetingDate, consentWarning });
    }
    // New cases first (their proposed date, then number), then the reviews that are due.
    return [...rows.filter((r) => r.kind === 'new'), ...rows.filter((r) => r.kind === 'review')];
  });
}

export function addItem(ctx: BackendContext, input: ParsedInput<'meetings.addItem'>): Output<'meetings.addItem'> {
  const s = requireRole(ctx, ...WRITERS);
  const m = loadMeeting(s, input.meetingId);
  requireUnfinished(m);
  const team = loadTeam(s, m.teamId);
  const c = getCase(s.db, input.caseId);
  if (!c) throw new AppError('not_found', 'No such case.');
  const detail = withMeeting(s, m.id, { action: 'meeting.addItem', clientId: c.clientId, details: { caseId: c.id } }, () => {
    const open = openItemForCase(s.db, c.id);
    if (open) throw new AppError('already_on_agenda', 'The case is already on the agenda of a meeting.', { meetingId: open.meetingId });
    const kind = eligibility(s, team, c, m.date);
    if (!kind) throw new AppError('not_eligible', 'Only cases ready for the team, or with a review due, go on an agenda.', { status: c.status });
    insertItem(s.db, {
      id: randomUUID(),
      meetingId: m.id,
      caseId: c.id,
      kind,
      timeBoxMinutes: input.timeBoxMinutes ?? defaultTimeBox(kind, team),
      carriedFromItemId: null,
      addedBy: s.user.id,
      addedAt: new Date().toISOString(),
    });
  });
  return changed(ctx, m.id, detail);
}

/**
 * Takes a case off the agenda before it is discussed. Once the team has opened its record during
 * the meeting, `meetings.dropItem` keeps the record and says why instead.
 */
export function removeItem(ctx: BackendContext, input: ParsedInput<'meetings.removeItem'>): Output<'meetings.removeItem'> {
  const s = requireRole(ctx, ...WRITERS);
  const { item, meeting: m } = loadItem(s, input.itemId);
  requireUnfinished(m);
  if (item.state !== 'pending' || (m.state === 'in_progress' && getAssessment(s.db, item.id))) {
    throw new AppError('invalid_status_change', 'The team has begun this case; drop it with a reason instead.', { state: item.state });
  }
  const c = getCase(s.db, item.caseId)!;
  const detail = withMeeting(s, m.id, { action: 'meeting.removeItem', clientId: c.clientId, details: { caseId: c.id } }, () => {
    deleteItem(s.db, item.id);
    setOrder(s.db, m.id, listAgenda(s.db, m.id).map((i) => i.id));
  });
  return changed(ctx, m.id, detail);
}

export function reorder(ctx: BackendContext, input: ParsedInput<'meetings.reorder'>): Output<'meetings.reorder'> {
  const s = requireRole(ctx, ...WRITERS);
  const m = loadMeeting(s, input.meetingId);
  requireUnfinished(m);
  const detail = withMeeting(s, m.id, { action: 'meeting.reorder' }, () => {
    if (!isReorderOf(listAgenda(s.db, m.id).map((i) => i.id), input.itemIds)) {
      throw new AppError('invalid_input', 'The new order must list every item of the agenda exactly once.', { fields: ['itemIds'] });
    }
    setOrder(s.db, m.id, input.itemIds);
  });
  return changed(ctx, m.id, detail);
}

export function setTimeBox(ctx: BackendContext, input: ParsedInput<'meetings.setTimeBox'>): Output<'meetings.setTimeBox'> {
  const s = requireRole(ctx, ...WRITERS);
  const { item, meeting: m } = loadItem(s, input.itemId);
  requireUnfinished(m);
  const detail = withMeeting(s, m.id, { action: 'meeting.setTimeBox', details: { itemId: item.id, minutes: input.minutes } }, () => storeTimeBox(s.db, item.id, input.minutes));
  return changed(ctx, m.id, detail);
}
