/**
 * How a meeting is shown: its summary, its agenda with timers and consent warnings, attendance and
 * the sectors missing. Reads client data (names on the agenda), so callers run it inside
 * `withAccess` (./access.js) and this module uses nothing else to reach the store's client data.
 */
import type { AgendaItem, MeetingDetail, MeetingSummary } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import { todayInFinland } from '../../shared/domain/dates.js';
import { atTable, consentCheck, consentOrganisationsOf, initialsOf, missingSectors, type Attendee } from '../../shared/domain/meeting.js';
import type { ConsentOrganisation } from '../../shared/domain/preparation.js';
import { listConsentsForClient } from '../../db/repositories/consents.js';
import { getItem, getMeeting, getMeetingSummary, listAgenda, listAttendance, type AgendaItemRecord, type AgendaRow, type MeetingListRow, type MeetingRecord } from '../../db/repositories/meetings.js';
import { getTeam, listExternals, listMembers, type TeamRecord } from '../../db/repositories/teams.js';
import type { OpenStore } from '../../db/store.js';
import { withAccess, type Access } from './access.js';
import { elapsedNow } from './meeting-timer.js';

export function loadMeeting(s: OpenStore, meetingId: string): MeetingRecord {
  const m = getMeeting(s.db, meetingId);
  if (!m) throw new AppError('not_found', 'No such meeting.');
  return m;
}

export function loadItem(s: OpenStore, itemId: string): { item: AgendaItemRecord; meeting: MeetingRecord } {
  const item = getItem(s.db, itemId);
  if (!item) throw new AppError('not_found', 'No such agenda item.');
  return { item, meeting: loadMeeting(s, item.meetingId) };
}

export function loadTeam(s: OpenStore, teamId: string): TeamRecord {
  const t = getTeam(s.db, teamId);
  if (!t) throw new AppError('not_found', 'No such team.');
  return t;
}

/** Agenda and attendance may change while the meeting is scheduled or running, not once it is a record. */
export function requireUnfinished(m: MeetingRecord): void {
  if (m.state === 'finished') throw new AppError('meeting_finished', 'The meeting is finished; its record cannot be changed.');
}

export function requireInProgress(m: MeetingRecord): void {
  if (m.state === 'scheduled') throw new AppError('meeting_not_started', 'The meeting has not started.');
  requireUnfinished(m);
}

export function summaryOf(r: MeetingListRow): MeetingSummary {
  return {
    id: r.id,
    teamId: r.teamId,
    teamName: r.teamName,
    date: r.date,
    time: r.time,
    place: r.place,
    chairId: r.chairId,
    chairName: r.chairName,
    state: r.state,
    itemCount: r.itemCount,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
  };
}

/**
 * Who the consent check is for, and on which day. Before the meeting: the team's members and
 * regulars, on the meeting's date. Once it runs: the people at the table, today. A finished
 * meeting's record keeps the day it finished.
 */
export function consentScope(s: OpenStore, m: MeetingRecord): { organisations: ConsentOrganisation[]; day: string } {
  if (m.state === 'scheduled') {
    const people: { profession: Attendee['profession'] }[] = [...listMembers(s.db, m.teamId).filter((u) => u.active), ...listExternals(s.db, m.teamId)];
    return { organisations: consentOrganisationsOf(people), day: m.date };
  }
  const day = m.state === 'finished' && m.finishedAt ? todayInFinland(new Date(m.finishedAt)) : todayInFinland();
  return { organisations: consentOrganisationsOf(listAttendance(s.db, m.id).filter(atTable)), day };
}

export function consentCovered(s: OpenStore, clientId: string, scope: { organisations: readonly ConsentOrganisation[]; day: string }) {
  return consentCheck(scope.organisations, listConsentsForClient(s.db, clientId), scope.day);
}

function agendaItem(r: AgendaRow, consentWarning: boolean): AgendaItem {
  return {
    id: r.id,
    position: r.position,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    caseStatus: r.caseStatus,
    clientName: r.clientName,
    clientInitials: initialsOf(r.clientName),
    kind: r.kind,
    timeBoxMinutes: r.timeBoxMinutes,
    state: r.state,
    outcome: r.outcome,
    elapsedMs: elapsedNow(r),
    running: r.runningSince !== null,
    consentWarning,
    carriedToDate: r.carriedToDate,
    outcomeReason: r.outcome === 'removed' ? r.outcomeReason : '',
  };
}

/** The meeting as the chair's window shows it (names on the agenda: log it as a read). */
export function meetingDetail(s: OpenStore, meetingId: string): MeetingDetail {
  const m = loadMeeting(s, meetingId);
  const row = getMeetingSummary(s.db, meetingId)!;
  const team = loadTeam(s, m.teamId);
  const scope = consentScope(s, m);
  const attendance = listAttendance(s.db, m.id);
  return {
    ...summaryOf(row),
    items: listAgenda(s.db, m.id).map((r) => agendaItem(r, consentCovered(s, r.clientId, scope).some((c) => !c.covered))),
    attendance: attendance.map((a) => ({ id: a.id, userId: a.userId, externalId: a.externalId, name: a.name, profession: a.profession, organisation: a.organisation, status: a.status })),
    currentItemId: m.currentItemId,
    currentStep: m.currentStep,
    restrictedRevealed: m.restrictedRevealed,
    missingSectors: missingSectors(attendance, team.requiredSectors),
  };
}

/** Runs a change (or nothing) and answers with the meeting, logged as one access event. */
export function withMeeting(s: OpenStore, meetingId: string, access: Omit<Access, 'basis'> | ((detail: MeetingDetail) => Omit<Access, 'basis'>), change?: () => void): MeetingDetail {
  return withAccess(
    s,
    (detail: MeetingDetail) => ({ basis: 'team_meeting', entity: `meeting:${meetingId}`, ...(typeof access === 'function' ? access(detail) : access) }),
    () => {
      change?.();
      return meetingDetail(s, meetingId);
    },
  );
}
