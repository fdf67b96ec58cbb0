#!/usr/bin/env node
// `npm test`: every check the project has, in order, each counted; the last line is the
// workplace's `N passed, N failed, N skipped` summing all suites.
//   1. system programs (apt-get as root, else a clear message)
//   2. type-check of every target (the Node target also emits dist/node for the CLI tests)
//   3. Vitest: unit and integration on real encrypted stores in temp dirs, the layering check
//   4. the renderer and preload build
//   5. Playwright end-to-end in Debian Chromium against browser mode
//   6. Playwright against Electron (skipped with a reason where no binary exists)
//   7. Electron security static analysis (electronegativity)
//   8. electron-builder configuration, packaged offline with a stub Electron
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemDeps } from './system-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = join(root, '.tmp', 'test');
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const rows = [];
/** Names and first error lines of failed tests, printed again in the summary (CI shows only the tail). */
const failures = [];

function record(step, passed, failed, skipped = 0, ms = 0) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  rows.push({ step, passed, failed, skipped, ms });
}

function run(cmd, args, env = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return { ok: r.status === 0, ms: Date.now() - started };
}

function section(title) {
  process.stdout.write(`\n=== ${title}\n`);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** A command that is one check: passes when it exits 0. */
function check(step, cmd, args, env) {
  section(step);
  const { ok, ms } = run(cmd, args, env);
  record(step, ok ? 1 : 0, ok ? 0 : 1, 0, ms);
  return ok;
}

/** A command that prints `PASS name` / `FAIL name: …` lines: each line counts. */
function lineChecks(step, cmd, args) {
  section(step);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(r.stdout ?? '');
  const pass = (r.stdout.match(/^PASS /gm) ?? []).length;
  const fail = (r.stdout.match(/^FAIL /gm) ?? []).length;
  record(step, pass, fail + (r.status !== 0 && fail === 0 ? 1 : 0), 0, Date.now() - started);
}

function playwright(step, configArgs, jsonName) {
  section(step);
  const out = join(tmp, jsonName);
  const { ok, ms } = run(bin('playwright'), ['test', ...configArgs], { PW_JSON_OUTPUT: out });
  const report = readJson(out);
  const s = report?.stats;
  if (!s) return record(step, 0, 1, 0, ms);
  collectPlaywrightFailures(report.suites ?? [], []);
  record(step, s.expected + (s.flaky ?? 0), s.unexpected + (ok || s.unexpected ? 0 : 1), s.skipped, ms);
}

function firstLine(text) {
  return String(text ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').find((l) => l.trim()) ?? '';
}

function collectPlaywrightFailures(suites, path) {
  for (const suite of suites) {
    const here = suite.title ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'unexpected' && t.status !== 'flaky') continue;
        const failed = (t.results ?? []).find((r) => r.status !== 'passed' && r.status !== 'skipped');
        const where = failed?.error?.location ? ` (${failed.error.location.file.split('/').slice(-2).join('/')}:${failed.error.location.line})` : '';
        failures.push(`${t.status === 'flaky' ? 'flaky' : 'failed'}: ${[...here, spec.title].join(' › ')}${where}\n      ${firstLine(failed?.error?.message)}`);
      }
    }
    collectPlaywrightFailures(suite.suites ?? [], here);
  }
}

section('system programs');
try {
  ensureSystemDeps();
  record('system programs', 1, 0);
} catch (err) {
  process.stdout.write(`test: ${err.message}\n`);
  record('system programs', 0, 1);
}

const nodeOk = check('type-check: node (emits dist/node)', bin('tsc'), ['-p', 'tsconfig.node.json']);
check('type-check: renderer', bin('tsc'), ['-p', 'tsconfig.renderer.json']);
check('type-check: tests', bin('tsc'), ['-p', 'tsconfig.tests.json']);

section('vitest: unit, integration, layering');
{
  const out = join(tmp, 'vitest.json');
  const { ok, ms } = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  const v = readJson(out);
  for (const file of v?.testResults ?? []) {
    for (const a of file.assertionResults ?? []) {
      if (a.status === 'failed') failures.push(`failed: ${file.name.replace(root + '/', '')} › ${a.fullName}\n      ${firstLine(a.failureMessages?.[0])}`);
    }
  }
  if (!v) record('vitest', 0, 1, 0, ms);
  else record('vitest', v.numPassedTests, v.numFailedTests + (ok || v.numFailedTests ? 0 : 1), v.numPendingTests + v.numTodoTests, ms);
}

const buildOk = nodeOk && check('build: renderer and preload', process.execPath, [join(root, 'build', 'build.mjs')]);
if (buildOk) {
  playwright('playwright: end to end in Chromium', [], 'e2e.json');
} else {
  record('playwright: end to end in Chromium', 0, 1);
}
playwright('playwright: Electron', ['-c', 'tests/electron/playwright.electron.config.ts'], 'electron.json');
lineChecks('security: electronegativity', process.execPath, [join(root, 'build', 'check-electronegativity.mjs')]);
if (buildOk) lineChecks('packaging: electron-builder --linux dir', process.execPath, [join(root, 'build', 'check-packaging.mjs')]);
else record('packaging: electron-builder --linux dir', 0, 1);

section('summary');
for (const r of rows) {
  process.stdout.write(`${r.failed ? 'FAIL' : 'ok  '} ${r.step.padEnd(44)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed ${String(r.skipped).padStart(3)} skipped ${(r.ms / 1000).toFixed(1).padStart(6)} s\n`);
}
for (const f of failures) process.stdout.write(`${f}\n`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(totals.failed ? 1 : 0);
