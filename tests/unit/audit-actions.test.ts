import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../shared/i18n/index.js';

const backend = join(import.meta.dirname, '..', '..', 'electron', 'backend');

/**
 * Every action the backend writes to the access log, found in the source: string literals of the
 * form `area.verb` on lines that name an `action`. A client who asks who looked at their data gets
 * the report in their language, so each needs its words.
 */
function loggedActions(): string[] {
  const found = new Set<string>();
  for (const file of readdirSync(backend).filter((f) => f.endsWith('.ts'))) {
    for (const line of readFileSync(join(backend, file), 'utf8').split('\n')) {
      if (!/\baction\b/.test(line)) continue;
      // Channel names in type arguments (Output<'meetings.list'>) and in calls (call('plans.saveAction',
      // { action: … }) in the demo) are not actions.
      for (const m of line.matchAll(/(?<!<|call\(|invoke\()'([a-z]+\.[a-zA-Z]+)'/g)) found.add(m[1]!);
    }
  }
  return [...found].sort();
}

describe('access-log actions', () => {
  it('the scan finds the actions it should', () => {
    expect(loggedActions()).toEqual(expect.arrayContaining(['client.read', 'case.saveSection', 'meeting.audienceView', 'assessment.change', 'draft.save']));
  });
  it.each(Object.keys(catalogues))('every logged action has words in %s', (lang) => {
    const actions = catalogues[lang as keyof typeof catalogues].audit.actions as Record<string, string>;
    expect(loggedActions().filter((a) => !actions[a])).toEqual([]);
  });
});
