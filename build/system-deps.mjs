// The system programs the test run needs, and how it gets them: installed with apt when running
// as root where apt exists (as in CI), otherwise a clear message naming what is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** program → Debian package. Chromium drives the end-to-end tests; sqlite3 proves the store is unreadable without its key. */
export const SYSTEM_DEPS = [
  { program: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', pkg: 'chromium' },
  { program: 'sqlite3', pkg: 'sqlite3' },
];

function present(program) {
  if (program.startsWith('/')) return existsSync(program);
  return spawnSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' }).status === 0;
}

export function ensureSystemDeps(log = (m) => process.stdout.write(`${m}\n`)) {
  const missing = SYSTEM_DEPS.filter((d) => !present(d.program));
  if (missing.length === 0) return;
  const pkgs = missing.map((d) => d.pkg);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !present('apt-get')) {
    throw new Error(`missing system programs: ${missing.map((d) => d.program).join(', ')}; install the Debian packages: ${pkgs.join(' ')} (e.g. sudo apt-get install -y ${pkgs.join(' ')})`);
  }
  log(`test: installing ${pkgs.join(' ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
  const still = SYSTEM_DEPS.filter((d) => !present(d.program));
  if (still.length) throw new Error(`still missing after apt-get: ${still.map((d) => d.program).join(', ')}`);
}
