import { describe, expect, it } from 'vitest';
import { CATALOGUE_LANGUAGES, MAX_CATALOGUE_NAME, PROVIDER_TYPES, SEED_GROUPS, SEED_SERVICES } from '../../shared/domain/catalogue.js';
import { catalogues, LANGUAGES } from '../../shared/i18n/index.js';

describe('service catalogue seed', () => {
  it('has the four groups of the model', () => {
    expect(SEED_GROUPS.map((g) => g.names.en)).toEqual(['Collaborative services', 'Network services', 'Community services', 'Self-services']);
    expect(SEED_GROUPS.map((g) => g.names.fi)).toEqual(['Yhteistyöpalvelut', 'Verkostopalvelut', 'Yhteisöpalvelut', 'Omatoimipalvelut']);
    expect(SEED_GROUPS.map((g) => g.names.sv)).toEqual(['Samarbetstjänster', 'Nätverkstjänster', 'Gemenskapstjänster', 'Självbetjäningstjänster']);
  });

  it('every entry has three non-empty, NFC, bounded names; ids are unique', () => {
    const all = [...SEED_GROUPS, ...SEED_SERVICES];
    for (const e of all) {
      for (const l of CATALOGUE_LANGUAGES) {
        const n = e.names[l];
        expect(n.trim(), `${e.id} ${l}`).not.toBe('');
        expect(n, `${e.id} ${l}`).toBe(n.normalize('NFC').trim());
        expect(n.length).toBeLessThanOrEqual(MAX_CATALOGUE_NAME);
      }
    }
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    // Names are distinct within each language, so a picker never shows two alike.
    for (const l of CATALOGUE_LANGUAGES) expect(new Set(SEED_SERVICES.map((s) => s.names[l])).size).toBe(SEED_SERVICES.length);
  });

  it('every service has a valid provider type and an existing seed group', () => {
    const groups = new Set(SEED_GROUPS.map((g) => g.id));
    for (const s of SEED_SERVICES) {
      expect(PROVIDER_TYPES, s.id).toContain(s.providerType);
      expect(groups.has(s.groupId), s.id).toBe(true);
    }
  });

  it('holds the 18 services of DOMAIN.md with their provider types and groups', () => {
    const byEn = Object.fromEntries(SEED_SERVICES.map((s) => [s.names.en, [s.providerType, s.groupId.replace('group-', '')]]));
    expect(byEn).toEqual({
      'Work-ability assessment and support': ['county_health_care', 'collaborative'],
      'Health check for the unemployed': ['county_health_care', 'collaborative'],
      'IPS supported employment': ['county_health_care', 'collaborative'],
      'Rehabilitative work activity': ['county_social_care', 'community'],
      'Social rehabilitation': ['county_social_care', 'community'],
      'Social work and social guidance': ['county_social_care', 'collaborative'],
      'Mental-health services': ['county_health_care', 'collaborative'],
      'Substance-abuse services': ['county_health_care', 'collaborative'],
      'Multisector employment support': ['employment_authority', 'network'],
      'Work trial': ['employment_authority', 'network'],
      'Kela vocational rehabilitation': ['kela', 'network'],
      'Kela vocational rehabilitation assessment': ['kela', 'network'],
      'Earnings-related pension rehabilitation': ['pension_provider', 'network'],
      'Rehabilitative psychotherapy (Kela)': ['kela', 'network'],
      'Medical rehabilitation': ['county_health_care', 'collaborative'],
      'Pension assessment': ['county_health_care', 'collaborative'],
      'Financial and debt counselling': ['legal_aid', 'network'],
      'NGO services': ['third_sector', 'community'],
    });
    const fi = SEED_SERVICES.map((s) => s.names.fi);
    for (const term of ['Tuetun työllistymisen työhönvalmennus (IPS)', 'Kuntouttava työtoiminta', 'Sosiaalinen kuntoutus', 'Työkokeilu', 'Kelan ammatillinen kuntoutus', 'Kelan ammatillinen kuntoutusselvitys', 'Eläkeselvittely', 'Talous- ja velkaneuvonta', 'Järjestöjen palvelut']) {
      expect(fi).toContain(term);
    }
    const sv = SEED_SERVICES.map((s) => s.names.sv);
    for (const term of ['Arbetsprövning', 'Rehabiliterande arbetsverksamhet', 'Social rehabilitering', 'Ekonomi- och skuldrådgivning', 'Individanpassat arbetsstöd (IPS)']) expect(sv).toContain(term);
  });

  it.each(LANGUAGES)('%s names every provider type', (lang) => {
    const types = catalogues[lang].catalogue.providerTypes as Record<string, string>;
    for (const p of PROVIDER_TYPES) expect(types[p]?.trim(), p).toBeTruthy();
  });
});
