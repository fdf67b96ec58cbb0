/**
 * `npm run bench:plan` (also part of `npm run bench`): the signing round on a large plan — 20
 * goals and 100 actions — through the backend's own use cases on a real encrypted store:
 *   freeze:     the quorum check, the canonical payload and its SHA-256, the catalogue copies
 *   signature:  one member signing with their password (the production scrypt cost unseals their
 *               key; that is most of it), the Ed25519 signature, the lock check, the answer
 *   verify:     plans.verify on the locked version (payload hash, the rows against the payload,
 *               every signature)
 * Seeded, so runs do the same work. BENCH_PLAN_MEMBERS sets the members at the table (default 5),
 * BENCH_PLAN_ROUNDS how many versions are frozen and signed in turn (default 3), and
 * BENCH_PLAN_FAST_KDF=1 a cheap key derivation (to see the cost without scrypt).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Channel, Input, Output } from '../shared/api/contract.js';
import { todayInFinland } from '../shared/domain/dates.js';
import type { Profession } from '../shared/domain/user.js';
import { createBackend } from '../electron/backend/index.js';
import { concludeItem, readyCase, writePlanContent } from './plan-content.js';
import { name, rng } from './rng.js';

const SEED = 6_2026;
const MEMBERS = Number(process.env.BENCH_PLAN_MEMBERS ?? 5);
const ROUNDS = Number(process.env.BENCH_PLAN_ROUNDS ?? 3);
const VERIFY_RUNS = 20;
const GOALS = 20;
const ACTIONS = 100;
const PASSWORD = 'benchmark password';
const KDF = process.env.BENCH_PLAN_FAST_KDF ? { name: 'scrypt' as const, N: 2 ** 12, r: 8, p: 1 } : undefined;
const PROFESSIONS: Profession[] = ['social_worker', 'physician', 'employment_expert', 'psychologist', 'job_coach', 'nurse', 'kela_adviser', 'physiotherapist'];
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tiimipoyta-bench-plan-'));
  const backend = createBackend({ dataDir: join(dir, 'store'), version: 'bench', log: () => {}, ...(KDF ? { kdf: KDF } : {}) });
  const call = async <K extends Channel>(channel: K, input: Input<K>): Promise<Output<K>> => {
    const r = await backend.invoke(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as Output<K>;
  };
  const timed = async <T>(into: number[], fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await fn();
    into.push(performance.now() - t);
    return result;
  };
  const r = rng(SEED);
  const today = todayInFinland();
  try {
    // People, team and an assessed case in a running meeting.
    const chair = (await call('store.create', { organisationName: 'Benchmark', adminDisplayName: 'Bench Chair', adminUsername: 'bench', adminProfession: 'social_worker', password: PASSWORD })).status.user!;
    const people = [{ id: chair.id, username: 'bench', displayName: 'Bench Chair', profession: 'social_worker' as Profession }];
    for (let i = 1; i < MEMBERS; i++) {
      const profession = PROFESSIONS[i % PROFESSIONS.length]!;
      const u = await call('users.create', { username: `member${i}`, displayName: name(r), profession, organisation: 'County', role: 'team_member', password: `${PASSWORD} ${i}` });
      people.push({ id: u.id, username: `member${i}`, displayName: u.displayName, profession });
    }
    const passwordOf = (i: number) => (i === 0 ? PASSWORD : `${PASSWORD} ${i}`);
    const team = await call('teams.save', { name: 'Bench team', memberIds: people.map((p) => p.id), externals: [], requiredSectors: ['social_care', 'health_care', 'employment_services'], newCaseMinutes: 20, reviewMinutes: 10, reviewIntervalMonths: 6 });
    const caseId = await readyCase(call, name(r), today);
    const meeting = await call('meetings.create', { teamId: team.id, date: today, time: '09:00', place: 'Room 1', chairId: chair.id });
    const itemId = (await call('meetings.addItem', { meetingId: meeting.id, caseId })).items[0]!.id;
    await call('meetings.start', {
      meetingId: meeting.id,
      attendance: people.map((p) => ({ userId: p.id, externalId: null, name: p.displayName, profession: p.profession, organisation: 'County', status: 'present' as const })),
    });
    await concludeItem(call, meeting.id, itemId, [
      { kind: 'text', field: 'conclusion.statement', value: 'Partial work ability; a work trial fits.' },
      { kind: 'teamRating', value: 6 },
      { kind: 'servicePath', value: 'work_trial' },
      { kind: 'clientAgreement', value: 'agrees' },
    ]);

    // The plan: 20 goals, 100 actions from the catalogue or free text, a coordinator.
    const { planId } = await writePlanContent(call, r, {
      caseId,
      today,
      goals: GOALS,
      actions: ACTIONS,
      people,
      texts: {
        goal: (i) => `Goal ${i + 1}: ${'work ability, health and daily life; '.repeat(1 + Math.floor(r() * 4))}`,
        measure: () => 'Seen at the review.',
        clientWords: () => 'Not yet.',
        action: (i, free) => (free ? `Free-text action ${i + 1}` : ''),
      },
    });
    console.log(`plan: ${GOALS} goals, ${ACTIONS} actions; ${MEMBERS} members at the table; key derivation ${KDF ? 'fast (N=2^12)' : 'production (N=2^17)'}`);

    const freezes: number[] = [];
    const signatures: number[] = [];
    const clientSignatures: number[] = [];
    const verifications: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const frozen = await timed(freezes, () => call('plans.freeze', { planId, version: round, meetingId: meeting.id, quorumReason: '' }));
      for (const [i, p] of people.entries()) {
        const attendanceId = frozen.signers.find((s) => s.userId === p.id)!.attendanceId;
        await timed(signatures, () => call('plans.sign', { planId, version: round, attendanceId, password: passwordOf(i) }));
      }
      const locked = await timed(clientSignatures, () => call('plans.clientSign', { planId, version: round, method: 'drawn', image: PNG, witness: null, chairPassword: PASSWORD }));
      if (locked.state !== 'locked') throw new Error(`version ${round} did not lock`);
      if (round === 1) {
        // One locked version: each run checks the payload, its rows and every signature.
        for (let i = 0; i < VERIFY_RUNS; i++) {
          const result = await timed(verifications, () => call('plans.verify', { planId }));
          if (!result.versions.every((x) => x.valid)) throw new Error('verification failed');
        }
      }
      if (round < ROUNDS) await call('plans.revise', { planId });
    }
    const perVerify = median(verifications);
    console.log(`freeze (payload + SHA-256 + catalogue copies), median of ${freezes.length}: ${median(freezes).toFixed(1)} ms`);
    console.log(`member signature (password → key → Ed25519 → answer), median of ${signatures.length}: ${median(signatures).toFixed(1)} ms`);
    console.log(`client signature (drawn, the chair's key; the last one locks), median of ${clientSignatures.length}: ${median(clientSignatures).toFixed(1)} ms`);
    console.log(`verification of the locked version (${MEMBERS + 1} signatures), median of ${verifications.length}: ${perVerify.toFixed(1)} ms (${(perVerify / (MEMBERS + 1)).toFixed(2)} ms a signature)`);
  } finally {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
