import { describe, expect, it } from 'vitest';
import { backgroundSectionInput, clientViewSchema } from '../../shared/api/contract.js';
import { BENEFITS, KYKYVIISARI_DOMAINS } from '../../shared/domain/preparation.js';
import {
  benefitsInput,
  buildClientView,
  clientViewForm,
  educationInput,
  emptyWorkEntry,
  healthInput,
  LIMITS,
  parseNumberField,
  readBenefits,
  readEducation,
  readRestricted,
  readSocial,
  readWorkHistory,
  restrictedInput,
  socialInput,
  workHistoryInput,
} from '../../renderer/features/preparation/payloads.js';

const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};

describe('background section payloads', () => {
  it('builds, from empty stored data, a payload the strict contract accepts for every section', () => {
    const inputs = [
      educationInput(readEducation(undefined), ''),
      workHistoryInput(readWorkHistory(undefined, ids()).entries, ''),
      healthInput(''),
      socialInput(readSocial({}), ''),
      benefitsInput(readBenefits(null), ''),
      restrictedInput(readRestricted('garbage'), ''),
    ];
    for (const input of inputs) expect(backgroundSectionInput.safeParse(input).success, input.section).toBe(true);
  });

  it('round-trips what was stored and drops keys the contract does not know', () => {
    const stored = { level: 'university', qualifications: 'FM', legacy: true };
    const input = educationInput(readEducation(stored), 'Yhteenveto');
    expect(input).toEqual({ section: 'education', data: { level: 'university', qualifications: 'FM' }, text: 'Yhteenveto' });
    expect(backgroundSectionInput.safeParse(input).success).toBe(true);
    expect(readEducation({ level: 'doctorate' }).level).toBeNull();
  });

  it('keeps work-history ids stable and gives a stored entry without one a new id', () => {
    const stored = { entries: [{ id: 'a', from: '2019-03', to: '2021-12', employer: 'Oy Ab', role: 'Varastotyö', endReason: 'Määräaikainen', extra: 1 }, { employer: 'Kauppa' }] };
    const { entries } = readWorkHistory(stored, ids());
    expect(entries.map((e) => e.id)).toEqual(['a', 'new-1']);
    expect(entries[1]).toEqual({ ...emptyWorkEntry('new-1'), employer: 'Kauppa' });
    const input = workHistoryInput([...entries, emptyWorkEntry('b')], '');
    expect(backgroundSectionInput.safeParse(input).success).toBe(true);
    expect(input.data).toEqual({ entries: [...entries, emptyWorkEntry('b')] });
    expect(entries[0]).not.toHaveProperty('extra');
  });

  it('the entry limit matches the contract', () => {
    const many = (n: number) => workHistoryInput(Array.from({ length: n }, (_, i) => emptyWorkEntry(String(i))), '');
    expect(backgroundSectionInput.safeParse(many(LIMITS.entries)).success).toBe(true);
    expect(backgroundSectionInput.safeParse(many(LIMITS.entries + 1)).success).toBe(false);
  });

  it('sends only benefits that have a status, in the catalogue order, and ignores invalid stored items', () => {
    const rows = readBenefits({
      items: [
        { benefit: 'general_housing_allowance', status: 'applied', note: 'haettu 3/2025' },
        { benefit: 'sickness_allowance', status: 'receives', note: '' },
        { benefit: 'unknown_benefit', status: 'receives', note: '' },
        { benefit: 'disability_allowance', status: 'maybe', note: '' },
      ],
    });
    expect(Object.keys(rows)).toEqual([...BENEFITS]);
    const input = benefitsInput({ ...rows, labour_market_subsidy: { status: null, note: 'kirjoitettu ennen tilaa' } }, '');
    expect(input.data).toEqual({
      items: [
        { benefit: 'sickness_allowance', status: 'receives', note: '' },
        { benefit: 'general_housing_allowance', status: 'applied', note: 'haettu 3/2025' },
      ],
    });
    expect(backgroundSectionInput.safeParse(input).success).toBe(true);
    // Clearing a status removes the item.
    const cleared = benefitsInput({ ...rows, sickness_allowance: { status: null, note: '' } }, '');
    expect(cleared.data).toEqual({ items: [{ benefit: 'general_housing_allowance', status: 'applied', note: 'haettu 3/2025' }] });
  });

  it('reads the limits from the contract', () => {
    expect(LIMITS).toMatchObject({ qualifications: 2000, social: 2000, month: 20, short: 200 });
  });
});

describe('client view payload', () => {
  const saved = {
    goals: 'Osa-aikatyö',
    helps: '',
    hinders: 'Selkä',
    selfRating: 4,
    waiTotal: 31,
    kykyviisari: { physical: 5.5, mental: 7 },
    updatedAt: '2025-03-01T10:00:00.000Z',
  };

  it('an absent view becomes empty fields, and saving it matches the contract', () => {
    const built = buildClientView(clientViewForm(null));
    expect(built).toEqual({ ok: true, view: { goals: '', helps: '', hinders: '', selfRating: null, waiTotal: null, kykyviisari: {} } });
  });

  it('round-trips a stored view without its updatedAt', () => {
    const built = buildClientView(clientViewForm(saved));
    expect(built.ok && built.view).toEqual({ goals: 'Osa-aikatyö', helps: '', hinders: 'Selkä', selfRating: 4, waiTotal: 31, kykyviisari: { physical: 5.5, mental: 7 } });
    expect(built.ok && clientViewSchema.safeParse(built.view).success).toBe(true);
  });

  it('holds only the Kykyviisari domains that have a number', () => {
    const form = clientViewForm(saved);
    form.kykyviisari.physical = '';
    form.kykyviisari.social = '3.';
    form.kykyviisari.cognitive = '8,5';
    const built = buildClientView(form);
    expect(built.ok && built.view.kykyviisari).toEqual({ mental: 7, social: 3, cognitive: 8.5 });
    expect(Object.keys(clientViewForm(null).kykyviisari)).toEqual([...KYKYVIISARI_DOMAINS]);
  });

  it('refuses a partial or out-of-range number and says which', () => {
    expect(buildClientView({ ...clientViewForm(saved), waiTotal: 5 })).toEqual({ ok: false, waiInvalid: true, invalidDomains: [] });
    expect(buildClientView({ ...clientViewForm(saved), waiTotal: 30.5 })).toMatchObject({ ok: false, waiInvalid: true });
    const form = clientViewForm(saved);
    form.kykyviisari.environment = 11;
    form.kykyviisari.daily_life = '-';
    expect(buildClientView(form)).toEqual({ ok: false, waiInvalid: false, invalidDomains: ['daily_life', 'environment'] });
  });

  it('parses NumberInput values', () => {
    expect(parseNumberField('', 7, 49, true)).toBeNull();
    expect(parseNumberField('  ', 0, 10, false)).toBeNull();
    expect(parseNumberField(49, 7, 49, true)).toBe(49);
    expect(parseNumberField(50, 7, 49, true)).toBeUndefined();
    expect(parseNumberField('0.1', 0, 10, false)).toBe(0.1);
    expect(parseNumberField('abc', 0, 10, false)).toBeUndefined();
  });
});
