import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/api/errors.js';
import { PROFESSIONS, ROLES } from '../../shared/domain/user.js';
import { SERVICE_LANGUAGES } from '../../shared/domain/client.js';
import { catalogues, LANGUAGES } from '../../shared/i18n/index.js';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const flat = Object.fromEntries(LANGUAGES.map((l) => [l, flatten(catalogues[l] as unknown as Tree)])) as Record<(typeof LANGUAGES)[number], Map<string, string>>;
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it.each(LANGUAGES)('%s has exactly the keys of every other language', (lang) => {
    for (const other of LANGUAGES) {
      const missing = [...flat[other].keys()].filter((k) => !flat[lang].has(k));
      expect(missing, `keys in ${other} missing from ${lang}`).toEqual([]);
    }
  });

  it.each(LANGUAGES)('%s has no empty message and the same placeholders as Finnish', (lang) => {
    for (const [key, text] of flat[lang]) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(text), key).toEqual(placeholders(flat.fi.get(key)!));
    }
  });

  it.each(LANGUAGES)('%s names every error code, profession, role and service language', (lang) => {
    const keys = flat[lang];
    for (const code of ERROR_CODES) expect(keys.has(`errors.${code}`), code).toBe(true);
    for (const p of PROFESSIONS) expect(keys.has(`professions.${p}`), p).toBe(true);
    for (const r of ROLES) expect(keys.has(`roles.${r}`), r).toBe(true);
    for (const l of SERVICE_LANGUAGES) expect(keys.has(`clients.languages.${l}`), l).toBe(true);
  });

  it('sv and en are translations, not copies of Finnish', () => {
    const same = (lang: 'sv' | 'en') => [...flat[lang]].filter(([k, v]) => v === flat.fi.get(k) && !k.startsWith('language.') && k !== 'app.name');
    expect(same('sv').length).toBeLessThan(3);
    expect(same('en').length).toBeLessThan(3);
  });
});
