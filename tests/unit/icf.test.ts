import { describe, expect, it } from 'vitest';
import {
  ICF_BRIEF_VR_CODES,
  ICF_CATALOGUE,
  ICF_CODE_PATTERN,
  QUALIFIERS_BD,
  QUALIFIERS_E,
  componentOf,
  icfCategory,
  icfCodesFor,
  isBriefCode,
  isValidQualifier,
  qualifiersFor,
} from '../../shared/domain/icf.js';

describe('the ICF catalogue', () => {
  it('starts with the 13 categories of the brief core set for vocational rehabilitation, in order', () => {
    expect(ICF_BRIEF_VR_CODES).toHaveLength(13);
    expect(ICF_CATALOGUE.slice(0, 13).map((c) => c.code)).toEqual([...ICF_BRIEF_VR_CODES]);
    expect(ICF_BRIEF_VR_CODES).toEqual(['b130', 'b164', 'b455', 'd155', 'd240', 'd720', 'd845', 'd850', 'd855', 'e310', 'e330', 'e580', 'e590']);
  });

  it('offers further categories to add, among them those teams add most', () => {
    expect(ICF_CATALOGUE.length).toBeGreaterThanOrEqual(13 + 30);
    for (const code of ['b126', 'b134', 'b140', 'b144', 'b152', 'b280', 'd175', 'd230', 'd570', 'd710', 'd825', 'e570', 'e575', 'e585']) {
      expect(icfCategory(code), code).toBeDefined();
    }
  });

  it('has unique codes that look like ICF codes and match their component', () => {
    const codes = ICF_CATALOGUE.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of ICF_CATALOGUE) {
      expect(c.code).toMatch(ICF_CODE_PATTERN);
      expect(c.code).toMatch(/^[bde]\d{3}$/);
      expect(c.component).toBe(c.code[0]);
      expect(componentOf(c.code)).toBe(c.component);
    }
  });

  it('names every category in Finnish, Swedish and English, without stray spaces', () => {
    for (const c of ICF_CATALOGUE) {
      for (const lang of ['fi', 'sv', 'en'] as const) {
        const n = c.names[lang];
        expect(n.trim(), `${c.code} ${lang}`).toBe(n);
        expect(n.length, `${c.code} ${lang}`).toBeGreaterThan(2);
        expect(n.normalize('NFC')).toBe(n);
      }
      // A translation copied from English by mistake shows as the same text.
      expect(c.names.fi).not.toBe(c.names.en);
    }
  });

  it('keeps the further categories in code order after the brief set', () => {
    const further = ICF_CATALOGUE.slice(13).map((c) => c.code);
    expect(further).toEqual([...further].sort());
    expect(further.some(isBriefCode)).toBe(false);
  });

  it('lists a case’s categories: the brief set, then added ones in catalogue order; unknown and brief codes are not added twice', () => {
    expect(icfCodesFor([])).toEqual([...ICF_BRIEF_VR_CODES]);
    expect(icfCodesFor(['e570', 'b134', 'b130', 'x999', 'b134'])).toEqual([...ICF_BRIEF_VR_CODES, 'b134', 'e570']);
  });
});

describe('ICF qualifiers', () => {
  it('body functions and activities take 0–4, 8 and 9', () => {
    expect(qualifiersFor('b')).toEqual(QUALIFIERS_BD);
    expect(qualifiersFor('d')).toEqual(QUALIFIERS_BD);
    for (const q of ['0', '1', '2', '3', '4', '8', '9']) {
      expect(isValidQualifier('b130', q)).toBe(true);
      expect(isValidQualifier('d240', q)).toBe(true);
    }
    for (const q of ['5', '6', '7', '-1', '10', '.2', '+2', '', ' 1']) {
      expect(isValidQualifier('d240', q), q).toBe(false);
    }
  });

  it('environmental factors are a barrier (.0–.4) or a facilitator (+0–+4), .8/+8 not specified, .9 not applicable', () => {
    expect(qualifiersFor('e')).toEqual(QUALIFIERS_E);
    for (const q of ['.0', '.1', '.2', '.3', '.4', '.8', '.9', '+0', '+1', '+2', '+3', '+4', '+8']) expect(isValidQualifier('e310', q), q).toBe(true);
    for (const q of ['0', '2', '9', '+9', '.5', '+5', '-2']) expect(isValidQualifier('e310', q), q).toBe(false);
  });

  it('an unknown code takes no qualifier', () => {
    expect(isValidQualifier('b999', '1')).toBe(false);
    expect(isValidQualifier('s110', '1')).toBe(false);
  });
});
