/**
 * The assessment record a team makes in the guided session (DOMAIN.md steps 1–7). It is stored
 * field by field, so two windows editing one case lose nothing but the older value of the very
 * same field (last write wins per field, and the field shows who wrote it).
 */
import type { AgendaKind, SessionStep } from './meeting.js';
import type { Benefit, BENEFIT_STATUSES } from './preparation.js';
import type { Profession } from './user.js';

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

/* ---------------------------------------------------------------------------------------------
 * Field keys: one canonical key per stored field, so a change, the store and the UI agree on it.
 * ------------------------------------------------------------------------------------------- */

export type BenefitStatus = (typeof BENEFIT_STATUSES)[number];

/** One change to the record (the shape of the contract's `assessmentChangeSchema`). */
export type AssessmentChangeLike =
  | { kind: 'text'; field: TextField; value: string }
  | { kind: 'purpose'; value: AssessmentPurpose }
  | { kind: 'teamRating'; value: number | null }
  | { kind: 'servicePath'; value: ServicePath | null }
  | { kind: 'clientAgreement'; value: ClientAgreement | null }
  | { kind: 'icfAdd'; code: string }
  | { kind: 'icfRemove'; code: string }
  | { kind: 'icfQualifier'; code: string; value: string | null }
  | { kind: 'icfObservation'; code: string; profession: Profession; value: string }
  | { kind: 'benefit'; benefit: Benefit; status: BenefitStatus | null; note: string }
  | { kind: 'rehab'; rehab: RehabKind; need: RehabNeed | null; grounds: string; service: string }
  | { kind: 'speakerNote'; step: SessionStep; value: string };

export const textKey = (field: TextField): string => `text:${field}`;
export const icfAddedKey = (code: string): string => `icf:${code}:added`;
export const icfQualifierKey = (code: string): string => `icf:${code}:qualifier`;
export const icfObservationKey = (code: string, profession: Profession): string => `icf:${code}:obs:${profession}`;
export const benefitKey = (benefit: Benefit): string => `benefit:${benefit}`;
export const rehabKey = (rehab: RehabKind): string => `rehab:${rehab}`;
export const speakerNoteKey = (step: SessionStep): string => `note:${step}`;

/**
 * The canonical key a change is stored under: `text:conclusion.statement`, `purpose`, `teamRating`,
 * `servicePath`, `clientAgreement`, `icf:d175:added` (add and remove), `icf:d240:qualifier`,
 * `icf:d240:obs:physician`, `benefit:sickness_allowance`, `rehab:vocational`, `note:opening`.
 */
export function fieldKey(change: AssessmentChangeLike): string {
  switch (change.kind) {
    case 'text':
      return textKey(change.field);
    case 'purpose':
    case 'teamRating':
    case 'servicePath':
    case 'clientAgreement':
      return change.kind;
    case 'icfAdd':
    case 'icfRemove':
      return icfAddedKey(change.code);
    case 'icfQualifier':
      return icfQualifierKey(change.code);
    case 'icfObservation':
      return icfObservationKey(change.code, change.profession);
    case 'benefit':
      return benefitKey(change.benefit);
    case 'rehab':
      return rehabKey(change.rehab);
    case 'speakerNote':
      return speakerNoteKey(change.step);
  }
}

export interface BenefitValue {
  status: BenefitStatus | null;
  note: string;
}
export interface RehabValue {
  need: RehabNeed | null;
  grounds: string;
  service: string;
}

/** What a change stores under its key (text is stored as given; the backend normalises it first). */
export function fieldValue(change: AssessmentChangeLike): unknown {
  switch (change.kind) {
    case 'icfAdd':
      return true;
    case 'icfRemove':
      return false;
    case 'benefit':
      return { status: change.status, note: change.note } satisfies BenefitValue;
    case 'rehab':
      return { need: change.need, grounds: change.grounds, service: change.service } satisfies RehabValue;
    default:
      return change.value;
  }
}

/** What a key names; null for a key this version does not know. */
export type ParsedFieldKey =
  | { kind: 'text'; field: TextField }
  | { kind: 'purpose' | 'teamRating' | 'servicePath' | 'clientAgreement' }
  | { kind: 'icfAdded' | 'icfQualifier'; code: string }
  | { kind: 'icfObservation'; code: string; profession: string }
  | { kind: 'benefit'; benefit: string }
  | { kind: 'rehab'; rehab: RehabKind }
  | { kind: 'speakerNote'; step: string };

export function parseFieldKey(key: string): ParsedFieldKey | null {
  if (key === 'purpose' || key === 'teamRating' || key === 'servicePath' || key === 'clientAgreement') return { kind: key };
  const [head, ...rest] = key.split(':');
  const tail = rest.join(':');
  if (head === 'text') return (TEXT_FIELDS as readonly string[]).includes(tail) ? { kind: 'text', field: tail as TextField } : null;
  if (head === 'benefit' && rest.length === 1 && tail) return { kind: 'benefit', benefit: tail };
  if (head === 'rehab' && (REHAB_KINDS as readonly string[]).includes(tail)) return { kind: 'rehab', rehab: tail as RehabKind };
  if (head === 'note' && rest.length === 1 && tail) return { kind: 'speakerNote', step: tail };
  if (head === 'icf' && rest[0]) {
    const code = rest[0];
    if (rest.length === 2 && rest[1] === 'added') return { kind: 'icfAdded', code };
    if (rest.length === 2 && rest[1] === 'qualifier') return { kind: 'icfQualifier', code };
    if (rest.length === 3 && rest[1] === 'obs' && rest[2]) return { kind: 'icfObservation', code, profession: rest[2] };
  }
  return null;
}

/** Speaker notes are the chair's; the shared screen never gets them. */
export function isSpeakerNoteKey(key: string): boolean {
  return key.startsWith('note:');
}

/* Readers: typed values out of the stored fields (absent or malformed → the empty value). */

export type StoredFields = Readonly<Record<string, { value: unknown } | undefined>>;

const raw = (fields: StoredFields, key: string): unknown => fields[key]?.value;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const oneOf = <T extends string>(v: unknown, list: readonly T[]): T | null => (typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : null);

export const readText = (fields: StoredFields, field: TextField): string => str(raw(fields, textKey(field)));
export const readPurpose = (fields: StoredFields): AssessmentPurpose | null => oneOf(raw(fields, 'purpose'), ASSESSMENT_PURPOSES);
export const readServicePath = (fields: StoredFields): ServicePath | null => oneOf(raw(fields, 'servicePath'), SERVICE_PATHS);
export const readClientAgreement = (fields: StoredFields): ClientAgreement | null => oneOf(raw(fields, 'clientAgreement'), CLIENT_AGREEMENTS);
export function readTeamRating(fields: StoredFields): number | null {
  const v = raw(fields, 'teamRating');
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10 ? v : null;
}
export const readIcfAdded = (fields: StoredFields, code: string): boolean => raw(fields, icfAddedKey(code)) === true;
export function readIcfQualifier(fields: StoredFields, code: string): string | null {
  const v = raw(fields, icfQualifierKey(code));
  return typeof v === 'string' ? v : null;
}
export const readIcfObservation = (fields: StoredFields, code: string, profession: Profession): string => str(raw(fields, icfObservationKey(code, profession)));
export function readBenefit(fields: StoredFields, benefit: Benefit): BenefitValue | null {
  const v = raw(fields, benefitKey(benefit)) as Partial<BenefitValue> | undefined;
  return v && typeof v === 'object' ? { status: (v.status ?? null) as BenefitStatus | null, note: str(v.note) } : null;
}
export function readRehab(fields: StoredFields, rehab: RehabKind): RehabValue | null {
  const v = raw(fields, rehabKey(rehab)) as Partial<RehabValue> | undefined;
  return v && typeof v === 'object' ? { need: oneOf(v.need, REHAB_NEEDS), grounds: str(v.grounds), service: str(v.service) } : null;
}
export const readSpeakerNote = (fields: StoredFields, step: SessionStep): string => str(raw(fields, speakerNoteKey(step)));

/** The codes added to a case beyond the brief set (`icf:<code>:added` true), sorted by code. */
export function addedIcfCodes(fields: StoredFields): string[] {
  return Object.keys(fields)
    .map(parseFieldKey)
    .flatMap((p) => (p?.kind === 'icfAdded' && readIcfAdded(fields, p.code) ? [p.code] : []))
    .sort();
}

/* ---------------------------------------------------------------------------------------------
 * Completeness: what the record still needs before its agenda item can be completed.
 * ------------------------------------------------------------------------------------------- */

/** What `assessmentMissing` names, in the order of the steps. */
export const MISSING_ITEMS = [
  'purpose',
  'consentReason',
  'conclusion.statement',
  'teamRating',
  'servicePath',
  'conclusion.servicePathOther',
  'clientAgreement',
  'conclusion.clientView',
  'conclusion.clientGrounds',
  'conclusion.teamGrounds',
] as const;
export type MissingItem = (typeof MISSING_ITEMS)[number];

/** The step where a missing item is filled in (so the UI can take the team there). */
export function missingStep(item: MissingItem): SessionStep {
  return item === 'purpose' || item === 'consentReason' ? 'opening' : 'conclusion';
}

/** The field key that fills a missing item (to focus its control). */
export function missingFieldKey(item: MissingItem): string {
  switch (item) {
    case 'purpose':
    case 'teamRating':
    case 'servicePath':
    case 'clientAgreement':
      return item;
    case 'consentReason':
      return textKey('opening.consentReason');
    default:
      return textKey(item);
  }
}

/**
 * What the record still needs: the purpose; the team's statement, rating, service path (with its
 * description when "other") and the client's agreement; when the client agrees only partly or
 * disagrees, the client's view and both sides' grounds (THL); and, when an organisation at the
 * table is not covered by consent, the reason the team proceeds.
 */
export function assessmentMissing(fields: StoredFields, consentAtTable: readonly { covered: boolean }[]): MissingItem[] {
  const filled = (f: TextField) => readText(fields, f).trim() !== '';
  const missing: MissingItem[] = [];
  if (!readPurpose(fields)) missing.push('purpose');
  if (consentAtTable.some((c) => !c.covered) && !filled('opening.consentReason')) missing.push('consentReason');
  if (!filled('conclusion.statement')) missing.push('conclusion.statement');
  if (readTeamRating(fields) === null) missing.push('teamRating');
  const path = readServicePath(fields);
  if (!path) missing.push('servicePath');
  else if (path === 'other' && !filled('conclusion.servicePathOther')) missing.push('conclusion.servicePathOther');
  const agreement = readClientAgreement(fields);
  if (!agreement) missing.push('clientAgreement');
  else if (agreement !== 'agrees') {
    if (!filled('conclusion.clientView')) missing.push('conclusion.clientView');
    if (!filled('conclusion.clientGrounds')) missing.push('conclusion.clientGrounds');
    if (!filled('conclusion.teamGrounds')) missing.push('conclusion.teamGrounds');
  }
  return missing;
}

/** The purpose a new record starts with: a first assessment for a new case, a review for a review. */
export function purposeForKind(kind: AgendaKind): AssessmentPurpose {
  return kind === 'new' ? 'first_assessment' : 'review';
}
