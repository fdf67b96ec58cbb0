/**
 * Team meetings (DOMAIN.md, "The guided team session"): teams, agendas, attendance, time boxes and
 * carrying unreached cases over to the next meeting.
 */
import { CONSENT_ORGANISATIONS, consentValidOn, type ConsentLike, type ConsentOrganisation } from './preparation.js';
import type { Profession } from './user.js';

/** The sectors a team spans; a team names which of them must be present for a decision. */
export const SECTORS = ['social_care', 'health_care', 'employment_services', 'kela', 'other'] as const;
export type Sector = (typeof SECTORS)[number];
export const DEFAULT_REQUIRED_SECTORS: readonly Sector[] = ['social_care', 'health_care', 'employment_services'];

export const TEAM_DEFAULTS = { newCaseMinutes: 20, reviewMinutes: 10, reviewIntervalMonths: 6 } as const;
export const TIME_BOX_LIMITS = { min: 1, max: 120 } as const;
export const REVIEW_INTERVAL_LIMITS = { min: 1, max: 24 } as const;

export const ATTENDANCE_STATUSES = ['present', 'remote', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const MEETING_STATES = ['scheduled', 'in_progress', 'finished'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

/** A new case (first assessment) or a review of an earlier one. */
export const AGENDA_KINDS = ['new', 'review'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export const ITEM_STATES = ['pending', 'in_progress', 'discussed', 'carried_over'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

/** What the meeting record says of each case. */
export const ITEM_OUTCOMES = ['assessed', 'carried_over', 'removed'] as const;
export type ItemOutcome = (typeof ITEM_OUTCOMES)[number];

/** The ten steps of the guided session; the last three are delivered with the plan (issue 6). */
export const SESSION_STEPS = [
  'opening',
  'situation',
  'client_view',
  'functioning',
  'benefits',
  'rehabilitation',
  'conclusion',
  'plan',
  'coordinator',
  'sign',
] as const;
export type SessionStep = (typeof SESSION_STEPS)[number];
/** The steps that make up the assessment record. */
export const ASSESSMENT_STEPS: readonly SessionStep[] = SESSION_STEPS.slice(0, 7);

/** Which sector a profession belongs to (for required sectors and the consent check). */
export function sectorOf(profession: Profession): Sector {
  switch (profession) {
    case 'social_worker':
    case 'social_instructor':
      return 'social_care';
    case 'nurse':
    case 'physician':
    case 'physiotherapist':
    case 'psychologist':
    case 'occupational_therapist':
      return 'health_care';
    case 'employment_expert':
    case 'job_coach':
      return 'employment_services';
    case 'kela_adviser':
      return 'kela';
    default:
      return 'other';
  }
}

/** The consent organisation that must be covered for a sector to see the case; null: none named. */
export function consentOrganisationOf(sector: Sector): ConsentOrganisation | null {
  switch (sector) {
    case 'social_care':
      return 'county_social_care';
    case 'health_care':
      return 'county_health_care';
    case 'employment_services':
      return 'employment_authority';
    case 'kela':
      return 'kela';
    default:
      return null;
  }
}

/* ---------------------------------------------------------------------------------------------
 * Pure rules of the session, shared by the backend and the UI (and unit-tested on their own).
 * ------------------------------------------------------------------------------------------- */

/** Where an item's timer stands against its time box: amber from 80 % of the box, red when over. */
export type TimerPhase = 'ok' | 'amber' | 'red';
export const AMBER_FROM = 0.8;

export function timerPhase(elapsedMs: number, timeBoxMinutes: number): TimerPhase {
  const box = timeBoxMinutes * 60_000;
  if (elapsedMs > box) return 'red';
  return elapsedMs >= box * AMBER_FROM ? 'amber' : 'ok';
}

/**
 * An item's time as the UI shows it: what the answer said plus, while it runs, the time since the
 * answer arrived (measured by the caller on its own monotonic clock).
 */
export function shownElapsedMs(item: { elapsedMs: number; running: boolean }, msSinceAnswer: number): number {
  return item.elapsedMs + (item.running ? Math.max(0, msSinceAnswer) : 0);
}

/** "Liisa Laine" → "L. L."; one name → "L."; the first letters of the first and the last word. */
export function initialsOf(name: string): string {
  const words = name.normalize('NFC').trim().split(/[\s]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return '';
  const first = (w: string) => ([...w].find((ch) => /[\p{L}\p{N}]/u.test(ch)) ?? '').toLocaleUpperCase('fi');
  const picked = words.length === 1 ? [words[0]!] : [words[0]!, words[words.length - 1]!];
  return picked.map((w) => `${first(w)}.`).join(' ');
}

/** Someone at the table: present in the room or remote. */
export interface Attendee {
  profession: Profession;
  status: AttendanceStatus;
}

export function atTable(a: { status: AttendanceStatus }): boolean {
  return a.status === 'present' || a.status === 'remote';
}

/**
 * The consent organisations that people's professions speak for, in CONSENT_ORGANISATIONS order
 * (sectors without a consent organisation, e.g. an expert by experience, add none).
 */
export function consentOrganisationsOf(people: readonly { profession: Profession }[]): ConsentOrganisation[] {
  const orgs = new Set<ConsentOrganisation>();
  for (const p of people) {
    const o = consentOrganisationOf(sectorOf(p.profession));
    if (o) orgs.add(o);
  }
  return CONSENT_ORGANISATIONS.filter((o) => orgs.has(o));
}

/**
 * The consent check of the opening step: each organisation at the table (present or remote) and
 * whether a valid **written** consent covers it on the day. Team work is multisector work, which
 * needs written consent; oral consent covers a single contact only (DOMAIN.md).
 */
export function consentAtTable(attendance: readonly Attendee[], consents: readonly ConsentLike[], day: string): { organisation: ConsentOrganisation; covered: boolean }[] {
  return consentCheck(consentOrganisationsOf(attendance.filter(atTable)), consents, day);
}

/** Each organisation and whether a valid written consent covers it on the day. */
export function consentCheck(organisations: readonly ConsentOrganisation[], consents: readonly ConsentLike[], day: string): { organisation: ConsentOrganisation; covered: boolean }[] {
  const written = consents.filter((c) => c.form === 'written' && consentValidOn(c, day));
  return organisations.map((organisation) => ({ organisation, covered: written.some((c) => c.organisations.includes(organisation)) }));
}

/** Required sectors with nobody present or remote, in the order required. */
export function missingSectors(attendance: readonly Attendee[], required: readonly Sector[]): Sector[] {
  const here = new Set(attendance.filter(atTable).map((a) => sectorOf(a.profession)));
  return required.filter((s, i) => !here.has(s) && required.indexOf(s) === i);
}

/** Items a finished meeting hands on: those not discussed (pending or begun), in agenda order. */
export function carryOver<T extends { state: ItemState; position: number }>(items: readonly T[]): T[] {
  return items.filter((i) => i.state === 'pending' || i.state === 'in_progress').sort((a, b) => a.position - b.position);
}

/** True when `order` names every id of `current` exactly once (a valid new agenda order). */
export function isReorderOf(current: readonly string[], order: readonly string[]): boolean {
  if (order.length !== current.length || new Set(order).size !== order.length) return false;
  const have = new Set(current);
  return order.every((id) => have.has(id));
}

/** Moves one item up or down by `by` places (keyboard reordering), clamped to the ends. */
export function moveItem(order: readonly string[], id: string, by: number): string[] {
  const from = order.indexOf(id);
  if (from < 0) return [...order];
  const to = Math.min(order.length - 1, Math.max(0, from + by));
  const next = order.filter((x) => x !== id);
  next.splice(to, 0, id);
  return next;
}

/** The time box an item gets by default: the team's minutes for its kind. */
export function defaultTimeBox(kind: AgendaKind, team: { newCaseMinutes: number; reviewMinutes: number }): number {
  return kind === 'new' ? team.newCaseMinutes : team.reviewMinutes;
}

/** A calendar day plus whole months; the day is clamped to the month's end (31 Aug + 6 → 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * A review is due on a meeting day when the last assessment the team discussed is at least the
 * review interval old on that day; a case with no recorded assessment is due.
 */
export function reviewDue(lastAssessedOn: string | null, intervalMonths: number, onDay: string): boolean {
  return lastAssessedOn === null || addMonths(lastAssessedOn, intervalMonths) <= onDay;
}

/** Case statuses from which a case may come back to the team for a review. */
export const REVIEWABLE_STATUSES = ['assessed', 'plan_signed', 'in_services', 'in_follow_up'] as const;
