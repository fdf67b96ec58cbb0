/**
 * Case preparation (DOMAIN.md phase 2): consent, background, the client's own view, and the
 * checklist that says when a case is ready for the team.
 */
import type { Profession } from './user.js';

/** Organisations a consent can cover; "named others" are free text beside these. */
export const CONSENT_ORGANISATIONS = ['employment_authority', 'county_social_care', 'county_health_care', 'kela'] as const;
export type ConsentOrganisation = (typeof CONSENT_ORGANISATIONS)[number];

export const DATA_CATEGORIES = ['basic', 'employment', 'social', 'health', 'benefits', 'rehabilitation'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** Written consent covers multisector work; oral consent covers one contact only (Kela's rule) and says so. */
export const CONSENT_FORMS = ['written', 'oral'] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];

export interface ConsentLike {
  form: ConsentForm;
  organisations: readonly string[];
  givenOn: string;
  validUntil: string | null;
  withdrawnOn: string | null;
}

/** Valid on a day: given by then, not withdrawn by then, not expired; oral only on the day it was given. */
export function consentValidOn(c: ConsentLike, day: string): boolean {
  if (c.givenOn > day) return false;
  if (c.withdrawnOn !== null && c.withdrawnOn <= day) return false;
  if (c.form === 'oral') return c.givenOn === day;
  return c.validUntil === null || c.validUntil >= day;
}

/** Which of the organisations are covered on a day by at least one valid consent. */
export function consentCoverage(consents: readonly ConsentLike[], organisations: readonly string[], day: string): Record<string, boolean> {
  return Object.fromEntries(organisations.map((o) => [o, consents.some((c) => consentValidOn(c, day) && c.organisations.includes(o))]));
}

export const BACKGROUND_SECTIONS = ['education', 'work_history', 'health', 'social', 'benefits', 'restricted'] as const;
export type BackgroundSection = (typeof BACKGROUND_SECTIONS)[number];

/** Substance and mental-health matters: only health- and social-care professionals see them. */
export const RESTRICTED_SECTION_PROFESSIONS: readonly Profession[] = [
  'social_worker',
  'social_instructor',
  'nurse',
  'physician',
  'psychologist',
  'physiotherapist',
  'occupational_therapist',
];

export function maySeeRestricted(profession: Profession): boolean {
  return RESTRICTED_SECTION_PROFESSIONS.includes(profession);
}

export const EDUCATION_LEVELS = ['none', 'basic', 'upper_secondary', 'vocational', 'higher_vocational', 'university', 'unknown'] as const;

/** The benefit list of DOMAIN.md (payer in the name's translation). */
export const BENEFITS = [
  'labour_market_subsidy',
  'basic_unemployment_allowance',
  'sickness_allowance',
  'partial_sickness_allowance',
  'rehabilitation_allowance',
  'rehabilitation_subsidy',
  'disability_pension',
  'partial_disability_pension',
  'disability_allowance',
  'basic_social_assistance',
  'supplementary_social_assistance',
  'general_housing_allowance',
  'rehabilitative_psychotherapy',
] as const;
export type Benefit = (typeof BENEFITS)[number];
export const BENEFIT_STATUSES = ['receives', 'applied', 'should_apply', 'not_eligible', 'not_assessed'] as const;

/** Work Ability Score (0–10) bands, DOMAIN.md. */
export function workAbilityScoreBand(score: number): 'poor' | 'moderate' | 'good' {
  return score <= 5 ? 'poor' : score <= 7 ? 'moderate' : 'good';
}

/** Work Ability Index total (7–49) bands, DOMAIN.md. */
export function waiBand(total: number): 'poor' | 'moderate' | 'good' | 'excellent' {
  return total <= 27 ? 'poor' : total <= 36 ? 'moderate' : total <= 43 ? 'good' : 'excellent';
}

/** Kykyviisari domains; only the team's recorded scores (0–10), never the protected questions. */
export const KYKYVIISARI_DOMAINS = ['work_ability', 'physical', 'mental', 'social', 'cognitive', 'daily_life', 'environment'] as const;

export const READINESS_ITEMS = ['consent', 'referral_reason', 'client_view', 'background', 'proposed_meeting'] as const;
export type ReadinessItem = (typeof READINESS_ITEMS)[number];

export interface ReadinessInput {
  consentValid: boolean;
  referralReason: string;
  clientView: { goals: string; selfRating: number | null } | null;
  /** Sections (restricted aside) that hold at least a summary. */
  backgroundFilled: readonly BackgroundSection[];
  proposedMeetingDate: string | null;
}

/** The "ready for the team" checklist: each item and whether it holds. The case is ready when all do. */
export function readiness(input: ReadinessInput): { item: ReadinessItem; ok: boolean; missing?: string[] }[] {
  const required = BACKGROUND_SECTIONS.filter((s) => s !== 'restricted');
  const missing = required.filter((s) => !input.backgroundFilled.includes(s));
  return [
    { item: 'consent', ok: input.consentValid },
    { item: 'referral_reason', ok: input.referralReason.trim() !== '' },
    { item: 'client_view', ok: input.clientView !== null && input.clientView.goals.trim() !== '' && input.clientView.selfRating !== null },
    missing.length ? { item: 'background', ok: false, missing } : { item: 'background', ok: true },
    { item: 'proposed_meeting', ok: input.proposedMeetingDate !== null },
  ];
}
