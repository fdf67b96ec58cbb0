import { describe, expect, it } from 'vitest';
import {
  birthDateFromHenkilotunnus,
  checkCharacter,
  isValidHenkilotunnus,
  makeHenkilotunnus,
  maskHenkilotunnus,
  parseHenkilotunnus,
  registeredSexFromIndividualNumber,
} from '../../shared/domain/henkilotunnus.js';

// Kept separate from the module on purpose, so that a mistake in the module's alphabet or
// arithmetic cannot be mirrored here.
const ALPHABET = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const handCheck = (nineDigits: string): string => ALPHABET.charAt(Number.parseInt(nineDigits, 10) % 31);

// A fixed day well after every birth date used here except the 'future' cases.
const TODAY = new Date(2024, 5, 15); // 15 June 2024, local time

describe('checkCharacter', () => {
  it.each([
    // 131052308 − 31 × 4227493 = 25 → 'T'
    ['131052308', 'T'],
    // 010101123 − 31 × 325842 = 21 → 'N'
    ['010101123', 'N'],
    // 311299999 − 31 × 10041935 = 14 → 'E'
    ['311299999', 'E'],
    // 010594903 − 31 × 341771 = 2 → '2'
    ['010594903', '2'],
  ])('%s → %s', (digits, expected) => {
    expect(handCheck(digits)).toBe(expected);
    expect(checkCharacter(digits)).toBe(expected);
  });

  it('maps every remainder 0–30 onto the alphabet in order', () => {
    for (let n = 0; n < 62; n++) {
      expect(checkCharacter(String(n).padStart(9, '0'))).toBe(ALPHABET.charAt(n % 31));
    }
  });

  it('rejects anything but nine ASCII digits', () => {
    for (const bad of ['', '12345678', '1234567890', '13105230T', '１３１０５２３０８']) {
      expect(() => checkCharacter(bad)).toThrow(RangeError);
    }
  });
});

describe('parseHenkilotunnus: valid codes', () => {
  it('accepts the classic example 131052-308T', () => {
    expect(parseHenkilotunnus('131052-308T', TODAY)).toEqual({
      ok: true,
      code: '131052-308T',
      birthDate: '1952-10-13',
      century: 1900,
      individualNumber: 308,
      temporary: false,
    });
  });

  it('accepts 010101-123N', () => {
    expect(parseHenkilotunnus('010101-123N', TODAY)).toMatchObject({ ok: true, birthDate: '1901-01-01', individualNumber: 123 });
  });

  // One code per century sign, each check character computed in the test from the modulo-31 rule.
  const cases: { sign: string; dd: string; mm: string; yy: string; zzz: string; birthDate: string; century: number }[] = [
    { sign: '+', dd: '28', mm: '02', yy: '99', zzz: '456', birthDate: '1899-02-28', century: 1800 },
    { sign: '-', dd: '15', mm: '08', yy: '45', zzz: '002', birthDate: '1945-08-15', century: 1900 },
    { sign: 'Y', dd: '01', mm: '05', yy: '94', zzz: '903', birthDate: '1994-05-01', century: 1900 },
    { sign: 'X', dd: '31', mm: '12', yy: '00', zzz: '899', birthDate: '1900-12-31', century: 1900 },
    { sign: 'W', dd: '29', mm: '02', yy: '96', zzz: '247', birthDate: '1996-02-29', century: 1900 },
    { sign: 'V', dd: '30', mm: '06', yy: '71', zzz: '518', birthDate: '1971-06-30', century: 1900 },
    { sign: 'U', dd: '07', mm: '11', yy: '83', zzz: '999', birthDate: '1983-11-07', century: 1900 },
    { sign: 'A', dd: '29', mm: '02', yy: '00', zzz: '123', birthDate: '2000-02-29', century: 2000 },
    { sign: 'B', dd: '10', mm: '10', yy: '10', zzz: '010', birthDate: '2010-10-10', century: 2000 },
    { sign: 'C', dd: '01', mm: '01', yy: '23', zzz: '777', birthDate: '2023-01-01', century: 2000 },
    { sign: 'D', dd: '17', mm: '03', yy: '05', zzz: '901', birthDate: '2005-03-17', century: 2000 },
    { sign: 'E', dd: '22', mm: '09', yy: '19', zzz: '350', birthDate: '2019-09-22', century: 2000 },
    { sign: 'F', dd: '15', mm: '06', yy: '24', zzz: '600', birthDate: '2024-06-15', century: 2000 },
  ];
  it.each(cases)('century sign $sign', ({ sign, dd, mm, yy, zzz, birthDate, century }) => {
    const code = `${dd}${mm}${yy}${sign}${zzz}${handCheck(dd + mm + yy + zzz)}`;
    const individualNumber = Number.parseInt(zzz, 10);
    expect(parseHenkilotunnus(code, TODAY)).toEqual({
      ok: true,
      code,
      birthDate,
      century,
      individualNumber,
      temporary: individualNumber >= 900,
    });
    expect(isValidHenkilotunnus(code, TODAY)).toBe(true);
    expect(birthDateFromHenkilotunnus(code, TODAY)).toBe(birthDate);
  });

  it('covers every century sign exactly once', () => {
    expect(cases.map((c) => c.sign).join('')).toBe('+-YXWVUABCDEF');
  });

  it('keeps - and Y apart: same birth date and check character, but two different codes', () => {
    // 010594903 mod 31 = 2
    const dash = parseHenkilotunnus('010594-9032', TODAY);
    const y = parseHenkilotunnus('010594Y9032', TODAY);
    expect(dash).toMatchObject({ ok: true, birthDate: '1994-05-01', century: 1900 });
    expect(y).toMatchObject({ ok: true, birthDate: '1994-05-01', century: 1900 });
    expect(dash.ok && y.ok && dash.code !== y.code).toBe(true);
  });

  it('accepts a birth date of today', () => {
    expect(parseHenkilotunnus(`150624A600${handCheck('150624600')}`, TODAY).ok).toBe(true);
  });

  it('canonicalises lower case and surrounding whitespace', () => {
    expect(parseHenkilotunnus('  131052-308t\n', TODAY)).toMatchObject({ ok: true, code: '131052-308T' });
    expect(parseHenkilotunnus('\t010594y9032 ', TODAY)).toMatchObject({ ok: true, code: '010594Y9032' });
    const a = `290200a123${handCheck('290200123').toLowerCase()}`;
    expect(parseHenkilotunnus(a, TODAY)).toMatchObject({ ok: true, code: a.toUpperCase(), birthDate: '2000-02-29' });
  });

  it('marks 900–999 as temporary', () => {
    expect(parseHenkilotunnus(`010180-899${handCheck('010180899')}`, TODAY)).toMatchObject({ ok: true, temporary: false });
    expect(parseHenkilotunnus(`010180-900${handCheck('010180900')}`, TODAY)).toMatchObject({ ok: true, temporary: true });
  });

  it('uses the default today when none is given', () => {
    expect(isValidHenkilotunnus('131052-308T')).toBe(true);
    expect(parseHenkilotunnus(`010199F950${handCheck('010199950')}`).ok).toBe(false);
  });
});

describe('parseHenkilotunnus: invalid codes', () => {
  const reason = (input: string) => {
    const r = parseHenkilotunnus(input, TODAY);
    return r.ok ? 'ok' : r.reason;
  };

  it('wrong check character → checksum', () => {
    expect(reason('131052-308U')).toBe('checksum');
    expect(reason('131052-309T')).toBe('checksum');
    expect(reason('131052-308G')).toBe('checksum'); // G is not in the alphabet at all
  });

  it('impossible dates → date', () => {
    expect(reason(`310291-123${handCheck('310291123')}`)).toBe('date'); // 31 Feb
    expect(reason(`290223A123${handCheck('290223123')}`)).toBe('date'); // 29 Feb 2023
    expect(reason(`310490-123${handCheck('310490123')}`)).toBe('date'); // 31 Apr
    expect(reason(`001390-123${handCheck('001390123')}`)).toBe('date'); // day 0, month 13
    expect(reason(`010090-123${handCheck('010090123')}`)).toBe('date'); // month 0
  });

  it('29 Feb: 1999 is not a leap year, 2000 is, 1900 is not', () => {
    expect(reason(`290299-123${handCheck('290299123')}`)).toBe('date');
    expect(reason(`290200A123${handCheck('290200123')}`)).toBe('ok');
    expect(reason(`290200-123${handCheck('290200123')}`)).toBe('date');
  });

  it('unknown century sign → century', () => {
    expect(reason('131052G308T')).toBe('century');
    expect(reason('131052Z308T')).toBe('century');
    expect(reason('131052g308T')).toBe('century');
  });

  it('individual number 000 or 001 → individual_number', () => {
    expect(reason(`131052-000${handCheck('131052000')}`)).toBe('individual_number');
    expect(reason(`131052-001${handCheck('131052001')}`)).toBe('individual_number');
    expect(reason(`131052-002${handCheck('131052002')}`)).toBe('ok');
  });

  it('birth date after today → future', () => {
    expect(reason(`160624A600${handCheck('160624600')}`)).toBe('future');
    expect(reason(`010130A950${handCheck('010130950')}`)).toBe('future');
    // Same code, later today: fine.
    expect(parseHenkilotunnus(`160624A600${handCheck('160624600')}`, new Date(2024, 5, 16)).ok).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['only whitespace', '   '],
    ['too short', '131052-308'],
    ['too long', '131052-308TT'],
    ['inner whitespace', '131052 -308T'],
    ['letters in the date', '13105A-308T'],
    ['letters in the individual number', '131052-3O8T'],
    ['a digit as the century sign', '1310521308T'],
    ['punctuation as the check character', '131052-308.'],
    ['full-width digits', '１３１０５２-308T'],
    ['an emoji', '131052-308😀'],
    ['an emoji elsewhere', '😀131052-308T'],
    ['a Unicode minus', '131052\u2212308T'],
    ['a non-ASCII letter that upper-cases to ASCII', '131052-308ſ'],
  ])('%s → format', (_label, input) => {
    expect(reason(input)).toBe('format');
    expect(isValidHenkilotunnus(input, TODAY)).toBe(false);
    expect(birthDateFromHenkilotunnus(input, TODAY)).toBeNull();
  });

  it('rejects an invalid today instead of guessing', () => {
    expect(() => parseHenkilotunnus('131052-308T', new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('maskHenkilotunnus', () => {
  it('keeps the birth date and century sign', () => {
    expect(maskHenkilotunnus('131052-308T')).toBe('131052-****');
    expect(maskHenkilotunnus(`010190-123${handCheck('010190123')}`)).toBe('010190-****');
    expect(maskHenkilotunnus(' 010594y9032 ')).toBe('010594Y****');
  });

  it('masks invalid input completely, at the same length', () => {
    expect(maskHenkilotunnus('131052-308U')).toBe('***********');
    expect(maskHenkilotunnus('131052-30')).toBe('*********');
    expect(maskHenkilotunnus('')).toBe('');
    expect(maskHenkilotunnus('131052-308😀')).toBe('***********');
    expect(maskHenkilotunnus('131052-308T ')).toBe('131052-****');
  });

  it('does not depend on the clock', () => {
    expect(maskHenkilotunnus(`010199F950${handCheck('010199950')}`)).toBe('010199F****');
  });
});

describe('registeredSexFromIndividualNumber', () => {
  it('odd is male, even is female', () => {
    expect(registeredSexFromIndividualNumber(308)).toBe('female');
    expect(registeredSexFromIndividualNumber(123)).toBe('male');
  });
});

describe('makeHenkilotunnus', () => {
  it('builds known codes', () => {
    expect(makeHenkilotunnus({ year: 1952, month: 10, day: 13 }, 308)).toBe('131052-308T');
    expect(makeHenkilotunnus({ year: 1901, month: 1, day: 1 }, 123)).toBe('010101-123N');
    expect(makeHenkilotunnus({ year: 1994, month: 5, day: 1 }, 903, 'Y')).toBe('010594Y9032');
    expect(makeHenkilotunnus({ year: 1994, month: 5, day: 1 }, 903, 'y')).toBe('010594Y9032');
  });

  it('defaults the sign per century', () => {
    expect(makeHenkilotunnus({ year: 1899, month: 12, day: 31 }, 950)[6]).toBe('+');
    expect(makeHenkilotunnus({ year: 1950, month: 1, day: 1 }, 950)[6]).toBe('-');
    expect(makeHenkilotunnus({ year: 2001, month: 1, day: 1 }, 950)[6]).toBe('A');
  });

  it('refuses what cannot be a code', () => {
    const ok = { year: 1990, month: 1, day: 1 };
    expect(() => makeHenkilotunnus({ year: 1999, month: 2, day: 29 }, 950)).toThrow(RangeError);
    expect(() => makeHenkilotunnus({ year: 1990, month: 13, day: 1 }, 950)).toThrow(RangeError);
    expect(() => makeHenkilotunnus({ year: 1799, month: 1, day: 1 }, 950)).toThrow(RangeError);
    expect(() => makeHenkilotunnus({ year: 2100, month: 1, day: 1 }, 950)).toThrow(RangeError);
    expect(() => makeHenkilotunnus(ok, 1)).toThrow(RangeError);
    expect(() => makeHenkilotunnus(ok, 1000)).toThrow(RangeError);
    expect(() => makeHenkilotunnus(ok, 950.5)).toThrow(RangeError);
    expect(() => makeHenkilotunnus(ok, 950, 'A')).toThrow(RangeError);
    expect(() => makeHenkilotunnus(ok, 950, '+')).toThrow(RangeError);
    expect(() => makeHenkilotunnus(ok, 950, 'G')).toThrow(RangeError);
    expect(() => makeHenkilotunnus(ok, 950, '--')).toThrow(RangeError);
  });

  it('round-trips through parse for 1,000 seeded random dates in all three centuries', () => {
    // mulberry32: small, seeded, so a failure is reproducible.
    let seed = 0x5eed_1234;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
    const signs: Record<number, string[]> = { 1800: ['+'], 1900: ['-', 'Y', 'X', 'W', 'V', 'U'], 2000: ['A', 'B', 'C', 'D', 'E', 'F'] };
    const after = new Date(2100, 0, 1);
    const seenCenturies = new Set<number>();

    for (let i = 0; i < 1000; i++) {
      const century = [1800, 1900, 2000][i % 3] ?? 1900;
      const year = century + int(0, 99);
      const month = int(1, 12);
      // Last day of the month from the calendar rules, independent of the module.
      const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
      const last = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
      const day = int(1, last);
      const individualNumber = int(900, 999);
      const options = signs[century] ?? [];
      const sign = random() < 0.25 ? undefined : options[int(0, options.length - 1)];

      const code = makeHenkilotunnus({ year, month, day }, individualNumber, sign);
      const p2 = (n: number) => String(n).padStart(2, '0');
      const nine = `${p2(day)}${p2(month)}${p2(year % 100)}${individualNumber}`;
      expect(code).toBe(`${nine.slice(0, 6)}${sign ?? options[0]}${nine.slice(6)}${handCheck(nine)}`);

      const parsed = parseHenkilotunnus(code, after);
      expect(parsed).toEqual({
        ok: true,
        code,
        birthDate: `${year}-${p2(month)}-${p2(day)}`,
        century,
        individualNumber,
        temporary: true,
      });
      expect(maskHenkilotunnus(code)).toBe(`${code.slice(0, 7)}****`);
      seenCenturies.add(century);
    }
    expect([...seenCenturies].sort()).toEqual([1800, 1900, 2000]);
  });
});
