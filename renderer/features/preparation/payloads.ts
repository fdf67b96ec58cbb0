/**
 * Pure translation between what the preparation forms hold and what the contract accepts. The
 * contract's objects are strict, so every builder picks its fields by name: a stray UI-only key
 * would make the backend refuse the whole save. Stored data arrives as `Record<string, unknown>`
 * (older rows may predate a field), so the readers accept anything and fall back to empty values.
 *
 * No React here, so the unit tests import it under node; the `.js` suffixes are for the tests'
 * NodeNext resolution (the bundler maps them to the .ts files as well).
 */
import { backgroundDataSchemas, type BackgroundSectionInput, type ClientViewInput, type Preparation } from '../../../shared/api/contract.js';
import { MAX_LONG_TEXT, MAX_SHORT_TEXT } from '../../../shared/domain/case.js';
import { BENEFIT_STATUSES, BENEFITS, EDUCATION_LEVELS, KYKYVIISARI_DOMAINS, type BackgroundSection, type Benefit } from '../../../shared/domain/preparation.js';

export type SectionData<S extends BackgroundSection> = Extract<BackgroundSectionInput, { section: S }>['data'];
export type SavedSection = NonNullable<Preparation['background'][BackgroundSection]>;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export type BenefitStatus = (typeof BENEFIT_STATUSES)[number];
export type KykyviisariDomain = (typeof KYKYVIISARI_DOMAINS)[number];
export type WorkEntry = SectionData<'work_history'>['entries'][number];
/** One benefit row as the form holds it: the note survives a cleared status until the page closes. */
export type BenefitRows = Record<Benefit, { status: BenefitStatus | null; note: string }>;

/** The contract's own limits, so the inputs' maxLength can never drift from what the backend accepts. */
export const LIMITS = {
  text: MAX_LONG_TEXT,
  qualifications: backgroundDataSchemas.education.shape.qualifications.maxLength ?? MAX_LONG_TEXT,
  social: backgroundDataSchemas.social.shape.housing.maxLength ?? MAX_LONG_TEXT,
  restricted: backgroundDataSchemas.restricted.shape.substance.maxLength ?? MAX_LONG_TEXT,
  month: backgroundDataSchemas.work_history.shape.entries.element.shape.from.maxLength ?? MAX_SHORT_TEXT,
  short: MAX_SHORT_TEXT,
  /** The array's max is not readable from a zod 4 schema; mirrors `.max(100)` in the contract. */
  entries: 100,
} as const;

export function isOneOf<T extends string>(values: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (values as readonly string[]).includes(v);
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export function readEducation(data: unknown): SectionData<'education'> {
  const d = obj(data);
  return { level: isOneOf(EDUCATION_LEVELS, d.level) ? d.level : null, qualifications: str(d.qualifications) };
}

export function emptyWorkEntry(id: string): WorkEntry {
  return { id, from: '', to: '', employer: '', role: '', endReason: '' };
}

/** `newId` fills in an entry stored without one, so React keys and later saves stay stable. */
export function readWorkHistory(data: unknown, newId: () => string): SectionData<'work_history'> {
  const entries = obj(data).entries;
  if (!Array.isArray(entries)) return { entries: [] };
  return {
    entries: entries.map((raw) => {
      const e = obj(raw);
      return { id: str(e.id) || newId(), from: str(e.from), to: str(e.to), employer: str(e.employer), role: str(e.role), endReason: str(e.endReason) };
    }),
  };
}

export function readSocial(data: unknown): SectionData<'social'> {
  const d = obj(data);
  return { housing: str(d.housing), finances: str(d.finances), family: str(d.family), debts: str(d.debts) };
}

export function readBenefits(data: unknown): BenefitRows {
  const rows = Object.fromEntries(BENEFITS.map((b) => [b, { status: null, note: '' }])) as BenefitRows;
  const items = obj(data).items;
  for (const raw of Array.isArray(items) ? items : []) {
    const i = obj(raw);
    if (isOneOf(BENEFITS, i.benefit) && isOneOf(BENEFIT_STATUSES, i.status)) rows[i.benefit] = { status: i.status, note: str(i.note) };
  }
  return rows;
}

export function readRestricted(data: unknown): SectionData<'restricted'> {
  const d = obj(data);
  return { substance: str(d.substance), mentalHealth: str(d.mentalHealth) };
}

export function educationInput(d: SectionData<'education'>, text: string): BackgroundSectionInput {
  return { section: 'education', data: { level: d.level, qualifications: d.qualifications }, text };
}

export function workHistoryInput(entries: readonly WorkEntry[], text: string): BackgroundSectionInput {
  return {
    section: 'work_history',
    data: { entries: entries.map((e) => ({ id: e.id, from: e.from, to: e.to, employer: e.employer, role: e.role, endReason: e.endReason })) },
    text,
  };
}

export function healthInput(text: string): BackgroundSectionInput {
  return { section: 'health', data: {}, text };
}

export function socialInput(d: SectionData<'social'>, text: string): BackgroundSectionInput {
  return { section: 'social', data: { housing: d.housing, finances: d.finances, family: d.family, debts: d.debts }, text };
}

/** Only benefits with a status are items; a row whose status was cleared is not sent at all. */
export function benefitsInput(rows: BenefitRows, text: string): BackgroundSectionInput {
  const items = BENEFITS.flatMap((benefit) => {
    const { status, note } = rows[benefit];
    return status === null ? [] : [{ benefit, status, note }];
  });
  return { section: 'benefits', data: { items }, text };
}

export function restrictedInput(d: SectionData<'restricted'>, text: string): BackgroundSectionInput {
  return { section: 'restricted', data: { substance: d.substance, mentalHealth: d.mentalHealth }, text };
}

/** A Mantine NumberInput value: a number, or the typed text while it is not one yet ('' when empty). */
export type NumberField = number | string;

export interface ClientViewForm {
  goals: string;
  helps: string;
  hinders: string;
  selfRating: number | null;
  waiTotal: NumberField;
  kykyviisari: Record<KykyviisariDomain, NumberField>;
}

export function clientViewForm(saved: Preparation['clientView']): ClientViewForm {
  return {
    goals: saved?.goals ?? '',
    helps: saved?.helps ?? '',
    hinders: saved?.hinders ?? '',
    selfRating: saved?.selfRating ?? null,
    waiTotal: saved?.waiTotal ?? '',
    kykyviisari: Object.fromEntries(KYKYVIISARI_DOMAINS.map((d) => [d, saved?.kykyviisari[d] ?? ''])) as Record<KykyviisariDomain, NumberField>,
  };
}

/** null: empty; undefined: not an acceptable number (out of range, not whole, or not a number at all). */
export function parseNumberField(v: NumberField, min: number, max: number, integer: boolean): number | null | undefined {
  const text = typeof v === 'number' ? String(v) : v.trim().replace(',', '.');
  if (text === '') return null;
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) return undefined;
  return n;
}

export type ClientViewResult =
  | { ok: true; view: ClientViewInput }
  | { ok: false; waiInvalid: boolean; invalidDomains: KykyviisariDomain[] };

/** The view to save, or which numbers stop it: a half-typed number must not overwrite the stored one. */
export function buildClientView(form: ClientViewForm): ClientViewResult {
  const waiTotal = parseNumberField(form.waiTotal, 7, 49, true);
  const kykyviisari: ClientViewInput['kykyviisari'] = {};
  const invalidDomains: KykyviisariDomain[] = [];
  for (const d of KYKYVIISARI_DOMAINS) {
    const n = parseNumberField(form.kykyviisari[d], 0, 10, false);
    if (n === undefined) invalidDomains.push(d);
    else if (n !== null) kykyviisari[d] = n;
  }
  if (waiTotal === undefined || invalidDomains.length > 0) return { ok: false, waiInvalid: waiTotal === undefined, invalidDomains };
  return { ok: true, view: { goals: form.goals, helps: form.helps, hinders: form.hinders, selfRating: form.selfRating, waiTotal, kykyviisari } };
}
