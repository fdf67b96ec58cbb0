/**
 * The assessment record a team makes in the guided session (DOMAIN.md steps 1–7). It is stored
 * field by field, so two windows editing one case lose nothing but the older value of the very
 * same field (last write wins per field, and the field shows who wrote it).
 */
export const ASSESSMENT_PURPOSES = ['first_assessment', 'review'] as const;
export type AssessmentPurpose = (typeof ASSESSMENT_PURPOSES)[number];

export const REHAB_KINDS = ['medical', 'vocational', 'social', 'mental_health', 'substance_abuse'] as const;
export type RehabKind = (typeof REHAB_KINDS)[number];
export const REHAB_NEEDS = ['yes', 'no', 'to_be_assessed'] as const;
export type RehabNeed = (typeof REHAB_NEEDS)[number];

export const SERVICE_PATHS = [
  'open_labour_market',
  'supported_employment',
  'work_trial',
  'education',
  'rehabilitation_first',
  'pension_assessment',
  'social_rehabilitation',
  'other',
] as const;
export type ServicePath = (typeof SERVICE_PATHS)[number];

export const CLIENT_AGREEMENTS = ['agrees', 'partly', 'disagrees'] as const;
export type ClientAgreement = (typeof CLIENT_AGREEMENTS)[number];

/** Free-text fields of the record, by key. */
export const TEXT_FIELDS = [
  'opening.consentReason',
  'situation.note',
  'client_view.note',
  'functioning.note',
  'benefits.note',
  'rehabilitation.note',
  'conclusion.statement',
  'conclusion.strengths',
  'conclusion.barriers',
  'conclusion.servicePathOther',
  'conclusion.clientView',
  'conclusion.clientGrounds',
  'conclusion.teamGrounds',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Longest text a field of the record takes (the same as other long free text). */
export const MAX_FIELD_TEXT = 20_000;
