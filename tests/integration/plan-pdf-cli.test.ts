import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditForClient } from '../../db/audit.js';
import { openStore } from '../../db/store.js';
import { SETUP, testBackend } from '../fixtures/backend.js';
import { runCli } from '../fixtures/cli.js';
import { draftMarkOnEveryPage, squash, tool } from '../fixtures/pdf-tools.js';
import { assessedWorld, passwordOf, TINY_PNG, writtenPlan, type PlanView, type World } from '../fixtures/plan-setup.js';
import { FAST_KDF, PASSWORD, tempDir } from '../fixtures/tmp.js';

/**
 * `export-pdf` and `plans list` on a real store through the built CLI: the file is written whole
 * (temp file in the target folder, fsync, rename) or not at all. Targets that cannot be written:
 * the tests run as root, for whom permission bits do not stop a write, so a read-only target is a
 * folder under /sys (sysfs refuses to create files, even for root) and, where the test may mount
 * (root with CAP_SYS_ADMIN), a read-only tmpfs and a 16 KiB tmpfs that fills up mid-write. Where it
 * may not mount, those two cases are skipped and say so.
 */
let dir: string;
let cleanup: () => void;
let plan: PlanView;
let w: World;
const PW = { WORKBENCH_PASSWORD: PASSWORD };

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  const b = testBackend(join(dir, 'store'));
  try {
    w = await assessedWorld(b);
    const draft = await writtenPlan(b, w);
    const frozen = await b.value<PlanView>('plans.freeze', { planId: draft.planId, version: 1, meetingId: w.meetingId, quorumReason: '' });
    for (const [name, username] of [['Aino Ahonen', 'aino'], ['Pekka Pitkänen', 'pekka'], ['Eero Eskola', 'eero']] as const) {
      await b.value('plans.sign', { planId: draft.planId, version: 1, attendanceId: frozen.signers.find((x) => x.name === name)!.attendanceId, password: passwordOf(username) });
    }
    plan = await b.value<PlanView>('plans.clientSign', { planId: draft.planId, version: 1, method: 'drawn', image: TINY_PNG, witness: null, chairPassword: PASSWORD });
    await b.value('plans.revise', { planId: draft.planId });
  } finally {
    b.backend.close();
  }
}, 120_000);
afterAll(() => cleanup());

const store = () => join(dir, 'store');

function mountTmpfs(at: string, options: string): boolean {
  mkdirSync(at, { recursive: true });
  return spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', at], { stdio: 'ignore' }).status === 0;
}
const unmount = (at: string) => spawnSync('umount', [at], { stdio: 'ignore' });
const canMount = (() => {
  if (process.getuid?.() !== 0) return false;
  const probe = tempDir('mount-probe-');
  const ok = mountTmpfs(probe.dir, 'size=16k');
  if (ok) unmount(probe.dir);
  probe.cleanup();
  return ok;
})();

describe('cli export-pdf', () => {
  it('writes the plan in force by case number, and a draft by plan id and version, whole and nothing else', () => {
    const outDir = join(dir, 'out');
    mkdirSync(outDir);
    const file = join(outDir, 'plan.pdf');
    const r = runCli(['export-pdf', '--data', store(), '--case', plan.caseNumber, '--out', file], PW);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Plan of case ${plan.caseNumber}, version 1 \\(superseded\\), in fi: \\d+ pages written to ${file}\\. Sealed with the organisation's certificate \\(pdfsig FILE checks it\\)\\.\\n$`));
    // The file the CLI wrote is the sealed one (pdfsig exits 0 whatever it finds: its output says).
    const sig = tool('pdfsig', [file]).stdout;
    expect(sig).toMatch(/Signature Validation: Signature is Valid\./);
    expect(sig).toMatch(/^\s+- Total document signed$/m);
    expect(readdirSync(outDir)).toEqual(['plan.pdf']);
    expect(readFileSync(file).subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(tool('pdfdetach', ['-list', file]).stdout).toMatch(/^2 embedded files/);

    // Over an existing file: replaced whole, still nothing else in the folder.
    writeFileSync(file, 'an older file');
    const draft = runCli(['export-pdf', '--data', store(), '--plan', plan.planId, '--version', '2', '--lang', 'sv', '--out', file], PW);
    expect(draft.status).toBe(0);
    expect(draft.stdout).toMatch(/version 2 \(draft\), in sv: .* every page is marked DRAFT \/ LUONNOS \/ UTKAST\.\n$/);
    expect(readdirSync(outDir)).toEqual(['plan.pdf']);
    expect(draftMarkOnEveryPage(file)).toBe(true);
    expect(squash(tool('pdftotext', [file, '-']).stdout)).toContain('Plan för stöd för arbetsförmågan');
  });

  it('refuses unknown plans, versions and languages, and logs what it exported', async () => {
    const file = join(dir, 'never.pdf');
    expect(runCli(['export-pdf', '--data', store(), '--case', '1999-0001', '--out', file], PW)).toMatchObject({ status: 1, stderr: expect.stringMatching(/No case 1999-0001.*\[not_found\]/) });
    expect(runCli(['export-pdf', '--data', store(), '--plan', 'no-such-plan', '--out', file], PW)).toMatchObject({ status: 1, stderr: expect.stringMatching(/\[not_found\]/) });
    expect(runCli(['export-pdf', '--data', store(), '--case', plan.caseNumber, '--version', '7', '--out', file], PW)).toMatchObject({ status: 1, stderr: expect.stringMatching(/no plan version 7/) });
    expect(runCli(['export-pdf', '--data', store(), '--case', plan.caseNumber, '--lang', 'de', '--out', file], PW)).toMatchObject({ status: 1, stderr: expect.stringMatching(/fi, sv, en/) });
    expect(runCli(['export-pdf', '--data', store(), '--case', plan.caseNumber], PW)).toMatchObject({ status: 1, stderr: expect.stringMatching(/Usage: export-pdf/) });
    expect(existsSync(file)).toBe(false);

    const s = await openStore(store(), SETUP.adminUsername, PASSWORD, FAST_KDF);
    try {
      const exported = listAuditForClient(s.db, w.clientId).filter((e) => e.action === 'plan.exportPdf');
      expect(exported.map((e) => e.details)).toEqual([
        expect.objectContaining({ version: 1, state: 'superseded', language: 'fi', fullIdentityCode: false, payloadSha256: plan.payloadSha256 }),
        expect.objectContaining({ version: 2, state: 'draft', language: 'sv', payloadSha256: null }),
      ]);
    } finally {
      s.db.close();
    }
  });

  it('a read-only target: a clear error, exit 1, no file and no temp file', () => {
    const r = runCli(['export-pdf', '--data', store(), '--case', plan.caseNumber, '--out', '/sys/kernel/tiimipoyta-plan.pdf'], PW);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('tiimipoyta: Cannot write in /sys/kernel (read-only or not permitted): nothing was written. [read_only]\n');
    expect(readdirSync('/sys/kernel').filter((f) => f.startsWith('tiimipoyta'))).toEqual([]);
    const missing = runCli(['export-pdf', '--data', store(), '--case', plan.caseNumber, '--out', join(dir, 'no', 'such', 'folder', 'plan.pdf')], PW);
    expect(missing).toMatchObject({ status: 1, stderr: expect.stringMatching(/does not exist: nothing was written\. \[not_found\]/) });
  });

  it.skipIf(!canMount)('a read-only file system and a full disk (tmpfs mounts): clear errors, nothing left behind', () => {
    const ro = join(dir, 'ro');
    const full = join(dir, 'full');
    expect(mountTmpfs(ro, 'ro,size=1m')).toBe(true);
    expect(mountTmpfs(full, 'size=16k')).toBe(true);
    try {
      const a = runCli(['export-pdf', '--data', store(), '--case', plan.caseNumber, '--out', join(ro, 'plan.pdf')], PW);
      expect(a).toMatchObject({ status: 1, stderr: expect.stringMatching(/read-only or not permitted\): nothing was written\. \[read_only\]/) });
      const b = runCli(['export-pdf', '--data', store(), '--case', plan.caseNumber, '--out', join(full, 'plan.pdf')], PW);
      expect(b).toMatchObject({ status: 1, stderr: expect.stringMatching(/The disk is full: .* was not written, and nothing was left behind\. \[disk_full\]/) });
      expect(readdirSync(ro)).toEqual([]);
      expect(readdirSync(full)).toEqual([]);
    } finally {
      unmount(ro);
      unmount(full);
    }
  });
});

describe('cli plans list', () => {
  it('prints one version a line: plan id, case number, client initials, version, state', () => {
    const r = runCli(['plans', 'list', '--data', store()], PW);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${plan.planId}  ${plan.caseNumber}  LL  1  superseded\n${plan.planId}  ${plan.caseNumber}  LL  2  draft\n`);
    expect(runCli(['plans', 'show', '--data', store()], PW)).toMatchObject({ status: 1, stderr: expect.stringMatching(/Usage: plans list/) });
  });
});
