import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../db/store.js';
import { SETUP, testBackend } from '../fixtures/backend.js';
import { runCli } from '../fixtures/cli.js';
import { assessedWorld, passwordOf, TINY_PNG, writtenPlan, type PlanView } from '../fixtures/plan-setup.js';
import { FAST_KDF, PASSWORD, tempDir } from '../fixtures/tmp.js';

/** `plan verify` on a real store: a signed plan verifies, a tampered action row does not. */
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const PW = { WORKBENCH_PASSWORD: PASSWORD };

async function signedPlan(): Promise<PlanView> {
  const b = testBackend(dir);
  try {
    const w = await assessedWorld(b);
    const draft = await writtenPlan(b, w);
    const frozen = await b.value<PlanView>('plans.freeze', { planId: draft.planId, version: 1, meetingId: w.meetingId, quorumReason: '' });
    for (const [name, username] of [['Aino Ahonen', 'aino'], ['Pekka Pitkänen', 'pekka'], ['Eero Eskola', 'eero']] as const) {
      await b.value('plans.sign', { planId: draft.planId, version: 1, attendanceId: frozen.signers.find((x) => x.name === name)!.attendanceId, password: passwordOf(username) });
    }
    const locked = await b.value<PlanView>('plans.clientSign', { planId: draft.planId, version: 1, method: 'drawn', image: TINY_PNG, witness: null, chairPassword: PASSWORD });
    // A second version, still a draft: nothing to verify in it.
    await b.value('plans.revise', { planId: draft.planId });
    return locked;
  } finally {
    b.backend.close();
  }
}

describe('cli plan verify', () => {
  it('prints one line per version and signature, exits 0 when all is valid and 1 after tampering', async () => {
    const plan = await signedPlan();
    const ok = runCli(['plan', 'verify', '--data', dir, '--plan', plan.planId, '--user', SETUP.adminUsername], PW);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim().split('\n')).toEqual([
      'VALID   version 1 (superseded): payload intact, 4 signatures',
      'VALID   version 1 signature member Aino Ahonen',
      'VALID   version 1 signature member Pekka Pitkänen',
      'VALID   version 1 signature member Eero Eskola',
      'VALID   version 1 signature client_drawn LL',
      'DRAFT   version 2: not frozen, nothing to verify',
    ]);

    // The case number finds the same plan (people know it; the plan's id they do not).
    expect(runCli(['plan', 'verify', '--data', dir, '--case', plan.caseNumber], PW)).toMatchObject({ status: 0, stdout: ok.stdout });
    expect(runCli(['plan', 'verify', '--data', dir, '--case', '1999-0001'], PW)).toMatchObject({ status: 1, stderr: expect.stringMatching(/\[not_found\]/) });

    const s = await openStore(dir, SETUP.adminUsername, PASSWORD, FAST_KDF);
    s.db.prepare("UPDATE plan_actions SET responsible = 'x' WHERE version_id = (SELECT id FROM plan_versions WHERE version = 1) AND position = 1").run();
    s.db.close();
    const bad = runCli(['plan', 'verify', '--data', dir, '--plan', plan.planId], PW);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^INVALID version 1 \(superseded\): payload does not match its hash or its rows/m);
    expect(bad.stdout.match(/^INVALID version 1 signature/gm)).toHaveLength(4);

    expect(runCli(['plan', 'verify', '--data', dir, '--plan', 'no-such-plan'], PW)).toMatchObject({ status: 1, stderr: expect.stringMatching(/\[not_found\]/) });
    expect(runCli(['plan', 'verify', '--data', dir], PW).status).toBe(1);
    expect(runCli(['plan', 'verify', '--data', dir, '--plan', plan.planId], { WORKBENCH_PASSWORD: 'not the password' }).stderr).toMatch(/\[wrong_password\]/);
  });
});
