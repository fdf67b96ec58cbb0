/**
 * A case is one client's work-ability support path through the phases of DOMAIN.md. A client may
 * have many cases over the years, but at most one that is not closed.
 */
export const CASE_STATUSES = [
  'referred',
  'in_preparation',
  'ready_for_team',
  'assessed',
  'plan_signed',
  'in_services',
  'in_follow_up',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_OUTCOMES = [
  'employed_open',
  'employed_supported',
  'education',
  'rehabilitation',
  'pension',
  'contact_ended',
  'other',
] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export const REFERRAL_SOURCES = [
  'employment_authority',
  'social_care',
  'health_station',
  'kela',
  'occupational_health',
  'self',
  'other',
] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

/** Long free text (a referral reason, a background section): enough for pages, not for a pasted book. */
export const MAX_LONG_TEXT = 20_000;
export const MAX_SHORT_TEXT = 200;
export const MAX_ATTACHMENTS = 50;

/**
 * Status changes a user may make by hand. Reaching "ready for the team" needs the preparation
 * checklist, and the later phases come from the meeting, the signed plan and follow-up: those
 * transitions belong to the use cases that produce them, not to this list.
 */
const MANUAL: Record<CaseStatus, readonly CaseStatus[]> = {
  referred: ['in_preparation', 'closed'],
  // To 'ready_for_team' only when the preparation checklist holds (checked by the use case).
  in_preparation: ['referred', 'ready_for_team', 'closed'],
  ready_for_team: ['in_preparation', 'closed'],
  assessed: ['closed'],
  // Services may begin before anyone marks an action under way.
  plan_signed: ['in_services', 'closed'],
  in_services: ['in_follow_up', 'closed'],
  in_follow_up: ['in_services', 'closed'],
  closed: [],
};

export function canChangeStatus(from: CaseStatus, to: CaseStatus): boolean {
  return MANUAL[from].includes(to);
}

/** Case numbers read like the county's own: year and a running number, e.g. 2026-0042. */
export function formatCaseNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(4, '0')}`;
}
