/**
 * Team meetings (DOMAIN.md, "The guided team session"): teams, agendas, attendance, time boxes and
 * carrying unreached cases over to the next meeting.
 */
import type { ConsentOrganisation } from './preparation.js';
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
