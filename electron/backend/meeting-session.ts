/**
 * Running a meeting: starting it with its attendance, moving the shared screen from case to case
 * (which runs the items' timers), completing or dropping cases, and finishing it, which carries the
 * cases the meeting did not reach over to the next meeting.
 */
import { randomUUID } from 'node:crypto';
import type { Attendance, MeetingDetail, Output, ParsedInput } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import { normaliseName } from '../../shared/domain/client.js';
import { todayInFinland } from '../../shared/domain/dates.js';
import { atTable, carryOver } from '../../shared/domain/meeting.js';
import { maySeeRestricted } from '../../shared/domain/preparation.js';
import { copyAssessment } from '../../db/repositories/assessments.js';
import { getCase, setCaseStatus } from '../../db/repositories/cases.js';
import {
  closeItem,
  getMeeting,
  insertItem,
  insertMeeting,
  linkCarried,
  listAgenda,
  markCarried,
  markFinished,
  markStarted,
  replaceAttendance,
  setNavigation,
  setRestrictedRevealed,
  setTimer,
  type AgendaItemRecord,
  type AttendanceRecord,
  type MeetingRecord,
} from '../../db/repositories/meetings.js';
import { listExternals } from '../../db/repositories/teams.js';
import { getUser } from '../../db/repositories/users.js';
import type { OpenStore } from '../../db/store.js';
import { record, withAccess } from './access.js';
import { ensureAssessment, missingFor } from './assessment.js';
import { requireRole, type BackendContext } from './context.js';
import { loadItem, loadMeeting, meetingDetail, requireInProgress, withMeeting } from './meeting-view.js';
import { beginRun, endRun } from './meeting-timer.js';

const WRITERS = ['administrator', 'team_member'] as const;

function changed(ctx: BackendContext, detail: MeetingDetail, navigated = false): MeetingDetail {
  ctx.emit('meetings.changed', { meetingId: detail.id });
  if (navigated) ctx.emit('meetings.navigated', { meetingId: detail.id, itemId: detail.currentItemId, step: detail.currentStep });
  return detail;
}

type AttendanceInput = Omit<Attendance, 'id'>;

/** Attendance as recorded: known users and this team's regulars, names normalised, someone at the table. */
function cleanAttendance(s: OpenStore, m: MeetingRecord, rows: readonly AttendanceInput[]): AttendanceRecord[] {
  const externals = new Set(listExternals(s.db, m.teamId, true).map((e) => e.id));
  const seen = new Set<string>();
  const out = rows.map((a, i): AttendanceRecord => {
    const bad = (field: string, message: string) => new AppError('invalid_input', message, { fields: [`attendance.${i}.${field}`] });
    if (a.userId !== null && a.externalId !== null) throw bad('externalId', 'A person is a user or an external regular, not both.');
    if (a.userId !== null && !getUser(s.db, a.userId)) throw bad('userId', 'No such user.');
    if (a.externalId !== null && !externals.has(a.externalId)) throw bad('externalId', 'No such external regular on this team.');
    const who = a.userId ?? a.externalId;
    if (who !== null) {
      if (seen.has(who)) throw bad(a.userId !== null ? 'userId' : 'externalId', 'The same person is listed twice.');
      seen.add(who);
    }
    const name = normaliseName(a.name);
    if (!name) throw bad('name', 'A name is needed.');
    return { id: randomUUID(), userId: a.userId, externalId: a.externalId, name, profession: a.profession, organisation: a.organisation.normalize('NFC'), status: a.status };
  });
  if (!out.some(atTable)) throw new AppError('no_one_present', 'Nobody is marked present or remote.');
  return out;
}

export function start(ctx: BackendContext, input: ParsedInput<'meetings.start'>): Output<'meetings.start'> {
  const s = requireRole(ctx, ...WRITERS);
  const m = loadMeeting(s, input.meetingId);
  if (m.state === 'in_progress') throw new AppError('meeting_started', 'The meeting has already started.');
  if (m.state === 'finished') throw new AppError('meeting_finished', 'The meeting is finished.');
  const attendance = cleanAttendance(s, m, input.attendance);
  const detail = withMeeting(s, m.id, { action: 'meeting.start', details: { atTable: attendance.filter(atTable).length } }, () => {
    if (getMeeting(s.db, m.id)!.state !== 'scheduled') throw new AppError('meeting_started', 'The meeting has already started.');
    replaceAttendance(s.db, m.id, attendance);
    markStarted(s.db, m.id, new Date().toISOString());
  });
  return changed(ctx, detail, true);
}

export function setAttendance(ctx: BackendContext, input: ParsedInput<'meetings.setAttendance'>): Output<'meetings.setAttendance'> {
  const s = requireRole(ctx, ...WRITERS);
  const m = loadMeeting(s, input.meetingId);
  requireInProgress(m);
  const attendance = cleanAttendance(s, m, input.attendance);
  return changed(ctx, withMeeting(s, m.id, { action: 'meeting.setAttendance', details: { atTable: attendance.filter(atTable).length } }, () => replaceAttendance(s.db, m.id, attendance)));
}

const isOpen = (i: AgendaItemRecord) => i.state === 'pending' || i.state === 'in_progress';

/** Pauses every running item of the meeting except `keep`, folding the run into its stored time. */
function pauseOthers(s: OpenStore, meetingId: string, keep: string | null): void {
  for (const i of listAgenda(s.db, meetingId)) if (i.runningSince && i.id !== keep) setTimer(s.db, i.id, i.state, endRun(i), null);
}

export function navigate(ctx: BackendContext, input: ParsedInput<'meetings.navigate'>): Output<'meetings.navigate'> {
  const s = requireRole(ctx, ...WRITERS);
  const m = loadMeeting(s, input.meetingId);
  requireInProgress(m);
  let target: AgendaItemRecord | null = null;
  if (input.itemId !== null) {
    target = loadItem(s, input.itemId).item;
    if (target.meetingId !== m.id) throw new AppError('not_found', 'No such item on this agenda.');
    if (target.outcome === 'removed') throw new AppError('invalid_status_change', 'This case was taken off the agenda.', { state: target.state });
  }
  const clientId = target ? getCase(s.db, target.caseId)!.clientId : null;
  const detail = withMeeting(s, m.id, { action: 'meeting.navigate', clientId, details: { itemId: input.itemId, step: input.step } }, () => {
    pauseOthers(s, m.id, target?.id ?? null);
    if (target && isOpen(target)) {
      if (!target.runningSince) setTimer(s.db, target.id, 'in_progress', target.elapsedMs, beginRun(target.id));
      ensureAssessment(s, target);
    }
    setNavigation(s.db, m.id, input.itemId, input.step, input.itemId !== m.currentItemId);
  });
  return changed(ctx, detail, true);
}

export function revealRestricted(ctx: BackendContext, input: ParsedInput<'meetings.revealRestricted'>): Output<'meetings.revealRestricted'> {
  const s = requireRole(ctx, ...WRITERS);
  const m = loadMeeting(s, input.meetingId);
  requireInProgress(m);
  if (input.revealed && !maySeeRestricted(s.user.profession)) throw new AppError('forbidden', 'Only health and social care professionals may show this section.');
  const current = m.currentItemId ? loadItem(s, m.currentItemId).item : null;
  const clientId = current ? getCase(s.db, current.caseId)!.clientId : null;
  const detail = withMeeting(s, m.id, { action: 'meeting.revealRestricted', clientId, details: { revealed: input.revealed } }, () => setRestrictedRevealed(s.db, m.id, input.revealed));
  return changed(ctx, detail, true);
}

/** An item the meeting may still complete or drop. */
function openItem(s: OpenStore, itemId: string): { item: AgendaItemRecord; meeting: MeetingRecord; clientId: string } {
  const { item, meeting } = loadItem(s, itemId);
  requireInProgress(meeting);
  if (!isOpen(item)) throw new AppError('invalid_status_change', 'This case is already done for this meeting.', { state: item.state });
  return { item, meeting, clientId: getCase(s.db, item.caseId)!.clientId };
}

export function completeItem(ctx: BackendContext, input: ParsedInput<'meetings.completeItem'>): Output<'meetings.completeItem'> {
  const s = requireRole(ctx, ...WRITERS);
  const { item, meeting: m, clientId } = openItem(s, input.itemId);
  const detail = withMeeting(s, m.id, { action: 'meeting.completeItem', clientId, details: { itemId: item.id } }, () => {
    ensureAssessment(s, item);
    const missing = missingFor(s, item, m);
    if (missing.length) throw new AppError('assessment_incomplete', 'The assessment record is not complete.', { missing });
    closeItem(s.db, item.id, 'assessed', '', endRun(item));
    const c = getCase(s.db, item.caseId)!;
    // A new case is now assessed; a review leaves the case in the phase it is in.
    if (item.kind === 'new' && c.status === 'ready_for_team') setCaseStatus(s.db, c.id, 'assessed', null, new Date().toISOString());
  });
  ctx.emit('clients.changed', {});
  return changed(ctx, detail);
}

export function dropItem(ctx: BackendContext, input: ParsedInput<'meetings.dropItem'>): Output<'meetings.dropItem'> {
  const s = requireRole(ctx, ...WRITERS);
  const { item, meeting: m, clientId } = openItem(s, input.itemId);
  const shown = m.currentItemId === item.id;
  const detail = withMeeting(s, m.id, { action: 'meeting.dropItem', clientId, details: { itemId: item.id } }, () => {
    closeItem(s.db, item.id, 'removed', input.reason.normalize('NFC'), endRun(item));
    // The shared screen leaves a case the team may no longer discuss.
    if (shown) setNavigation(s.db, m.id, null, 'opening', true);
  });
  return changed(ctx, detail, shown);
}

function carryTarget(s: OpenStore, m: MeetingRecord, to: ParsedInput<'meetings.finish'>['carryOverTo']): ParsedInput<'meetings.finish'>['carryOverTo'] & object {
  if (!to) throw new AppError('carry_over_required', 'Choose the meeting that takes the cases not reached.');
  if (to.kind === 'new') {
    if (to.date < todayInFinland()) throw new AppError('invalid_input', 'The next meeting is in the past.', { fields: ['carryOverTo.date'], reason: 'past' });
    return to;
  }
  const next = getMeeting(s.db, to.meetingId);
  if (!next || next.id === m.id || next.teamId !== m.teamId || next.state !== 'scheduled') {
    throw new AppError('invalid_input', 'Cases move to a scheduled meeting of the same team.', { fields: ['carryOverTo.meetingId'] });
  }
  return to;
}

export function finish(ctx: BackendContext, input: ParsedInput<'meetings.finish'>): Output<'meetings.finish'> {
  const s = requireRole(ctx, ...WRITERS);
  const m = loadMeeting(s, input.meetingId);
  requireInProgress(m);
  const remaining = carryOver(listAgenda(s.db, m.id));
  const to = remaining.length ? carryTarget(s, m, input.carryOverTo) : null;
  const result = withAccess(s, (r: Output<'meetings.finish'>) => ({ action: 'meeting.finish', basis: 'team_meeting', entity: `meeting:${m.id}`, details: { carried: remaining.length, nextMeetingId: r.nextMeetingId } }), () => {
    const at = new Date().toISOString();
    let next: { id: string; date: string } | null = null;
    if (to?.kind === 'new') {
      next = { id: randomUUID(), date: to.date };
      insertMeeting(s.db, { id: next.id, teamId: m.teamId, date: to.date, time: to.time, place: to.place.normalize('NFC'), chairId: m.chairId, createdBy: s.user.id, createdAt: at });
    } else if (to?.kind === 'existing') {
      next = { id: to.meetingId, date: getMeeting(s.db, to.meetingId)!.date };
    }
    for (const item of remaining) {
      markCarried(s.db, item.id, next!.date, endRun(item));
      const newId = randomUUID();
      insertItem(s.db, { id: newId, meetingId: next!.id, caseId: item.caseId, kind: item.kind, timeBoxMinutes: item.timeBoxMinutes, carriedFromItemId: item.id, addedBy: s.user.id, addedAt: at });
      linkCarried(s.db, item.id, newId);
      copyAssessment(s.db, item.id, newId, at, s.user.id);
      record(s, { action: 'meeting.carryOver', basis: 'team_meeting', clientId: item.clientId, entity: `meeting:${next!.id}`, details: { fromMeetingId: m.id } });
    }
    markFinished(s.db, m.id, at);
    return { meeting: meetingDetail(s, m.id), nextMeetingId: next?.id ?? null };
  });
  changed(ctx, result.meeting, true);
  if (result.nextMeetingId) ctx.emit('meetings.changed', { meetingId: result.nextMeetingId });
  return result;
}
