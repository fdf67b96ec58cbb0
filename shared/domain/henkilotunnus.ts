/**
 * Finnish personal identity code (henkilötunnus, HETU): `DDMMYYCZZZQ`.
 *
 * Pure and dependency-free because both the renderer (as-you-type validation, masking) and the
 * backend (authoritative validation before anything is stored) use it and must agree exactly.
 */

/** Why a code was rejected; the order is the order of the checks, so the first fault wins. */
export type HenkilotunnusInvalidReason = 'format' | 'century' | 'date' | 'future' | 'individual_number' | 'checksum';

export type Century = 1800 | 1900 | 2000;

export type HenkilotunnusParseResult =
  | {
      ok: true;
      /** Trimmed and upper-case. The century sign is kept as written: see CENTURY_BY_SIGN. */
      code: string;
      /** ISO `YYYY-MM-DD`, so it sorts and compares as text and never goes through a time zone. */
      birthDate: string;
      century: Century;
      individualNumber: number;
      /** 900–999: temporary codes (and our fictional demo data), never a person's permanent code. */
      temporary: boolean;
    }
  | { ok: false; reason: HenkilotunnusInvalidReason };

/** 31 symbols: the letters G, I, O, Q and Z are left out so that they cannot be misread. */
const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/**
 * The signs Y–U and B–F were added on 1 January 2023 because individual numbers were running out
 * for some birth dates. `010594-9032` and `010594Y9032` therefore name two different people with
 * the same birth date and check character, so the sign must never be normalised away (e.g. when
 * looking for duplicates).
 */
const CENTURY_BY_SIGN: Readonly<Record<string, Century>> = {
  '+': 1800,
  '-': 1900,
  Y: 1900,
  X: 1900,
  W: 1900,
  V: 1900,
  U: 1900,
  A: 2000,
  B: 2000,
  C: 2000,
  D: 2000,
  E: 2000,
  F: 2000,
};

const DEFAULT_SIGN: Readonly<Record<Century, string>> = { 1800: '+', 1900: '-', 2000: 'A' };

/**
 * `[0-9]` rather than `\d`, and `[A-Z]` only after ASCII-only upper-casing, so that look-alikes such
 * as full-width digits never pass. The century position admits any letter so that an unknown sign
 * is reported as such ('century') rather than as a shape error; the same goes for the check
 * position ('checksum').
 */
const SHAPE = /^([0-9]{2})([0-9]{2})([0-9]{2})([-+A-Z])([0-9]{3})([0-9A-Z])$/;

/**
 * Only a–z: `String.prototype.toUpperCase` maps some non-ASCII letters onto ASCII ones
 * (`ſ` → `S`, `ı` → `I`), which would let a non-ASCII character become part of a canonical code.
 */
function asciiUpperCase(s: string): string {
  return s.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 32));
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * The local calendar date, not UTC: in Finland UTC is still "yesterday" for the first two or three
 * hours of the day, and a child born then must not be rejected as born in the future.
 */
function localIsoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new RangeError('today is an invalid Date');
  return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** Check character for the nine digits DDMMYYZZZ; throws unless given exactly nine ASCII digits. */
export function checkCharacter(nineDigits: string): string {
  if (!/^[0-9]{9}$/.test(nineDigits)) throw new RangeError('checkCharacter expects exactly nine digits');
  // At most 999 999 999, well inside the exact integer range of a double.
  const ch = CHECK_CHARACTERS[Number(nineDigits) % 31];
  if (ch === undefined) throw new Error('unreachable: remainder outside the check alphabet');
  return ch;
}

/** `todayIso === null` skips the future check (see maskHenkilotunnus). */
function parseAt(input: string, todayIso: string | null): HenkilotunnusParseResult {
  const code = asciiUpperCase(input.trim());
  const m = SHAPE.exec(code);
  if (!m) return { ok: false, reason: 'format' };
  const [, dd = '', mm = '', yy = '', sign = '', zzz = '', q = ''] = m;

  const century = CENTURY_BY_SIGN[sign];
  if (century === undefined) return { ok: false, reason: 'century' };

  const year = century + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, reason: 'date' };
  const birthDate = isoDate(year, month, day);
  // Fixed-width ISO dates compare correctly as strings.
  if (todayIso !== null && birthDate > todayIso) return { ok: false, reason: 'future' };

  const individualNumber = Number(zzz);
  if (individualNumber < 2) return { ok: false, reason: 'individual_number' };

  if (checkCharacter(dd + mm + yy + zzz) !== q) return { ok: false, reason: 'checksum' };

  return { ok: true, code, birthDate, century, individualNumber, temporary: individualNumber >= 900 };
}

/**
 * Validates and canonicalises a henkilötunnus. Surrounding whitespace and lower-case letters are
 * accepted because people paste codes from letters and e-mails; everything else must be exact.
 * `today` (default: now, local date) exists so that tests and batch checks are reproducible.
 */
export function parseHenkilotunnus(input: string, today: Date = new Date()): HenkilotunnusParseResult {
  return parseAt(input, localIsoDate(today));
}

export function isValidHenkilotunnus(input: string, today?: Date): boolean {
  return parseHenkilotunnus(input, today).ok;
}

/** Birth date as `YYYY-MM-DD`, or null if the code is not valid. */
export function birthDateFromHenkilotunnus(code: string, today?: Date): string | null {
  const r = parseHenkilotunnus(code, today);
  return r.ok ? r.birthDate : null;
}

/**
 * `DDMMYYC****`: the birth date and century sign stay visible so staff can tell clients apart
 * without seeing the part that completes the identifier.
 *
 * Anything that is not a valid code is masked completely, because a typo'd code is still mostly
 * someone's real code. Masking ignores the future-date check so that what is shown for a stored
 * code does not depend on the machine's clock.
 */
export function maskHenkilotunnus(code: string): string {
  const r = parseAt(code, null);
  // Code points, not UTF-16 units, so an emoji does not read as two hidden characters.
  if (!r.ok) return '*'.repeat([...code].length);
  return `${r.code.slice(0, 7)}****`;
}

/**
 * Builds a valid code; meant for fictional demo and test data with individual numbers 900–999,
 * which are never a person's permanent code. Throws RangeError for an impossible date, a year
 * outside 1800–2099, an individual number outside 002–999 or a century sign that does not match
 * the year. A birth date after today produces a code that parseHenkilotunnus rejects as 'future'.
 */
export function makeHenkilotunnus(
  birthDate: { year: number; month: number; day: number },
  individualNumber: number,
  centurySign?: string,
): string {
  const { year, month, day } = birthDate;
  if (!Number.isInteger(year) || year < 1800 || year > 2099) throw new RangeError(`year out of range: ${year}`);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`invalid month: ${month}`);
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) throw new RangeError(`invalid day: ${day}`);
  if (!Number.isInteger(individualNumber) || individualNumber < 2 || individualNumber > 999) {
    throw new RangeError(`individual number out of range: ${individualNumber}`);
  }
  const century: Century = year < 1900 ? 1800 : year < 2000 ? 1900 : 2000;
  const sign = centurySign === undefined ? DEFAULT_SIGN[century] : asciiUpperCase(centurySign);
  if (CENTURY_BY_SIGN[sign] !== century) throw new RangeError(`century sign ${JSON.stringify(centurySign)} does not fit year ${year}`);

  const digits = pad(day, 2) + pad(month, 2) + pad(year % 100, 2);
  const zzz = pad(individualNumber, 3);
  return `${digits}${sign}${zzz}${checkCharacter(digits + zzz)}`;
}

/**
 * Sex as recorded when the code was issued (odd individual number: male, even: female). Exposed
 * for completeness only: the app does not use it for anything.
 */
export function registeredSexFromIndividualNumber(individualNumber: number): 'male' | 'female' {
  return individualNumber % 2 === 1 ? 'male' : 'female';
}
