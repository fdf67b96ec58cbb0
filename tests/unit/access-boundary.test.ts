import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf } from '../tools/layering.js';

/**
 * Act 703/2023: every read and write of client data is logged, and ARCHITECTURE.md puts that in
 * one place (electron/backend/access.ts). This keeps the rule from being forgotten: the repositories
 * that hold client data may be imported only by backend modules that also use the access module,
 * and by nothing else outside db/ (tools and benchmarks aside).
 */
const CLIENT_DATA_REPOSITORIES = [
  'db/repositories/clients',
  'db/repositories/cases',
  'db/repositories/consents',
  'db/repositories/preparation',
  'db/repositories/worklist',
  // A draft holds what was typed about a client before it was saved.
  'db/repositories/drafts',
  // Agendas name clients; assessment records hold what the team said of them.
  'db/repositories/meetings',
  'db/repositories/assessments',
  // The plan names the client and what was agreed with them; coordinators name their clients.
  'db/repositories/plans',
  'db/repositories/plan-signatures',
  'db/repositories/coordinators',
];

const repo = join(import.meta.dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(join(repo, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

function importsClientData(file: string): boolean {
  return importsOf(readFileSync(join(repo, file), 'utf8')).some((spec) => {
    if (!spec.startsWith('.')) return false;
    const target = relative(repo, join(repo, file, '..', spec)).replace(/\.js$/, '').split('\\').join('/');
    return CLIENT_DATA_REPOSITORIES.includes(target);
  });
}

describe('client data passes through the access log', () => {
  it('only backend modules that use electron/backend/access.ts import client-data repositories', () => {
    const offenders = ['electron', 'renderer', 'shared']
      .flatMap(files)
      .filter(importsClientData)
      .filter((f) => !f.startsWith(join('electron', 'backend')) || !/from '\.\/access\.js'/.test(readFileSync(join(repo, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the check sees the modules that do read client data', () => {
    const users = files(join('electron', 'backend')).filter(importsClientData).map((f) => f.split('\\').join('/'));
    expect(users).toEqual(expect.arrayContaining(['electron/backend/clients.ts', 'electron/backend/cases.ts', 'electron/backend/audit.ts', 'electron/backend/assessment.ts', 'electron/backend/meeting-session.ts']));
  });
});
