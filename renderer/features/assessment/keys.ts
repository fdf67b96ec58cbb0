/**
 * Reading the stored assessment record one field at a time: the canonical field keys come from
 * shared/domain/assessment (the backend stores each change under one); the readers take a single
 * stored field, so a value of an unexpected shape shows as empty rather than breaking a step.
 */
import { BENEFIT_STATUSES } from '../../../shared/domain/preparation';
import { REHAB_NEEDS, type BenefitValue, type RehabValue } from '../../../shared/domain/assessment';
import type { StoredField } from './context';

export type { StoredField };
export type BenefitStatus = (typeof BENEFIT_STATUSES)[number];
export type RehabNeed = (typeof REHAB_NEEDS)[number];

export { benefitKey, rehabKey, textKey } from '../../../shared/domain/assessment';
export { icfObservationKey as observationKey, icfQualifierKey as qualifierKey, speakerNoteKey as noteKey } from '../../../shared/domain/assessment';

export function isOneOf<T extends string>(values: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (values as readonly string[]).includes(v);
}

const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function readText(f: StoredField | undefined): string {
  return str(f?.value);
}

export function readChoice<T extends string>(values: readonly T[], f: StoredField | undefined): T | null {
  return isOneOf(values, f?.value) ? f.value : null;
}

export function readRating(f: StoredField | undefined): number | null {
  const v = f?.value;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10 ? v : null;
}

export function readQualifier(f: StoredField | undefined): string | null {
  return typeof f?.value === 'string' && f.value !== '' ? f.value : null;
}

export type { BenefitValue, RehabValue };
export function readBenefit(f: StoredField | undefined): BenefitValue {
  const v = obj(f?.value);
  return { status: isOneOf(BENEFIT_STATUSES, v.status) ? v.status : null, note: str(v.note) };
}

export function readRehab(f: StoredField | undefined): RehabValue {
  const v = obj(f?.value);
  return { need: isOneOf(REHAB_NEEDS, v.need) ? v.need : null, grounds: str(v.grounds), service: str(v.service) };
}
