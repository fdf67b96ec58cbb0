import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CanonicalError, canonicalBytes, canonicalJson } from '../../shared/domain/canonical.js';

const sha256 = (v: unknown) => createHash('sha256').update(canonicalBytes(v)).digest('hex');

const plan = {
  version: 1,
  goals: [
    { id: 'g1', text: 'Osa-aikatyö kaupan alalta', acceptance: 'agrees' },
    { id: 'g2', text: 'Selkäkivun hoito', acceptance: 'partly', clientWords: 'Haluan ensin töihin.' },
  ],
  actions: [{ id: 'a1', service: 'svc-ips', due: '2027-03-31', goals: ['g1'], done: false, hours: 2.5 }],
  coordinator: null,
};

describe('canonicalJson', () => {
  it('writes a fixed text for a fixed plan (the documented format)', () => {
    expect(canonicalJson(plan)).toBe(
      '{"actions":[{"done":false,"due":"2027-03-31","goals":["g1"],"hours":2.5,"id":"a1","service":"svc-ips"}],"coordinator":null,' +
        '"goals":[{"acceptance":"agrees","id":"g1","text":"Osa-aikatyö kaupan alalta"},{"acceptance":"partly","clientWords":"Haluan ensin töihin.","id":"g2","text":"Selkäkivun hoito"}],"version":1}',
    );
  });

  it('does not depend on the order the members were written in', () => {
    const shuffled = { coordinator: null, actions: [{ hours: 2.5, goals: ['g1'], id: 'a1', done: false, due: '2027-03-31', service: 'svc-ips' }], version: 1, goals: plan.goals.map((g) => Object.fromEntries(Object.entries(g).reverse())) };
    expect(canonicalJson(shuffled)).toBe(canonicalJson(plan));
    expect(sha256(shuffled)).toBe(sha256(plan));
  });

  it('normalises Unicode: composed and decomposed text are the same bytes, keys too', () => {
    const composed = { 'työ': 'Väisänen', note: 'Å' };
    const decomposed = { ['tyo\u0308']: 'Va\u0308isa\u0308nen', note: 'A\u030a' };
    expect(canonicalJson(decomposed)).toBe(canonicalJson(composed));
    expect(Buffer.from(canonicalBytes(composed)).toString('utf8')).toBe('{"note":"Å","työ":"Väisänen"}');
  });

  it('changes with any change of content', () => {
    const base = sha256(plan);
    const variants = [
      { ...plan, version: 2 },
      { ...plan, goals: [...plan.goals].reverse() },
      { ...plan, actions: [{ ...plan.actions[0]!, due: '2027-04-01' }] },
      { ...plan, actions: [{ ...plan.actions[0]!, done: true }] },
      { ...plan, actions: [{ ...plan.actions[0]!, hours: 2.25 }] },
      { ...plan, coordinator: 'u1' },
      { ...plan, goals: [{ ...plan.goals[0]!, text: 'Osa-aikatyö kaupan alalta ' }, plan.goals[1]!] },
    ];
    for (const v of variants) expect(sha256(v)).not.toBe(base);
  });

  it('sorts keys by UTF-16 code units and escapes as JSON does', () => {
    expect(canonicalJson({ b: 1, a: 2, B: 3, ä: 4, '€': 5, '😀': 6 })).toBe('{"B":3,"a":2,"b":1,"ä":4,"€":5,"😀":6}');
    expect(canonicalJson({ s: 'a"b\\c\n\t\u0001</script>' })).toBe('{"s":"a\\"b\\\\c\\n\\t\\u0001</script>"}');
  });

  it('writes numbers in their shortest form, -0 as 0, and leaves undefined members out', () => {
    expect(canonicalJson([1, 1.5, -0, 1e21, 0.1 + 0.2, 100])).toBe('[1,1.5,0,1e+21,0.30000000000000004,100]');
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it('refuses what is not plain data, saying where', () => {
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow(new CanonicalError('A number that is not finite', '.a[1]'));
    expect(() => canonicalJson({ a: Infinity })).toThrow(CanonicalError);
    expect(() => canonicalJson({ when: new Date(0) })).toThrow(/plain/);
    expect(() => canonicalJson({ n: 1n })).toThrow(/bigint/);
    expect(() => canonicalJson([undefined])).toThrow(/undefined/);
    expect(() => canonicalJson({ ['a\u0308']: 1, ä: 2 })).toThrow(/same text after NFC/);
  });
});
