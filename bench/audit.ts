/**
 * `npx tsc -p tsconfig.node.json && node dist/node/bench/audit.js`: figures printed, not asserted.
 * Seeded, so runs do the same work, on a real encrypted store (WAL, synchronous=FULL).
 *   append, alone: each event its own transaction, as a sign-in or a verification run logs itself
 *   append, in one transaction: the cost an event adds to the write it is logged with
 *   verify: recomputing the whole chain
 * BENCH_AUDIT_EVENTS sets N (default 10,000) for each of the two append runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { appendAudit, verifyAudit, type AppendAuditInput } from '../db/audit.js';
import { createStore } from '../db/store.js';
import { name, rng } from './rng.js';

const SEED = 7032023;
const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 10_000);
const ACTIONS = ['client.read', 'client.list', 'client.create', 'session.signIn'];
const BASES = ['case_preparation', 'team_meeting', 'administration', 'client_request'];

function events(r: () => number, actorId: string, n: number): AppendAuditInput[] {
  return Array.from({ length: n }, () => {
    const client = r() < 0.8 ? `client-${Math.floor(r() * 500)}` : null;
    return {
      actorId,
      clientId: client,
      action: ACTIONS[Math.floor(r() * ACTIONS.length)]!,
      basis: BASES[Math.floor(r() * BASES.length)]!,
      entity: client ? `client:${client}` : 'client-list',
      details: r() < 0.3 ? { name: name(r) } : null,
    };
  });
}

function rate(n: number, ms: number): string {
  return `${ms.toFixed(0)} ms, ${Math.round((n / ms) * 1000).toLocaleString('en-GB')} events/s`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tiimipoyta-bench-audit-'));
  const r = rng(SEED);
  // The key derivation is not what is measured here; a cheap cost keeps the run short.
  const kdf = { name: 'scrypt' as const, N: 2 ** 12, r: 8, p: 1 };
  const admin = { displayName: 'Bench', username: 'bench', profession: 'other' as const };
  const { db, user } = await createStore(join(dir, 'store'), { organisationName: 'Bench', admin, password: 'benchmark password' }, kdf);
  try {
    const alone = events(r, user.id, EVENTS);
    let t = performance.now();
    for (const e of alone) appendAudit(db, e);
    console.log(`append x${EVENTS}, each its own transaction: ${rate(EVENTS, performance.now() - t)}`);

    const batched = events(r, user.id, EVENTS);
    t = performance.now();
    db.transaction(() => {
      for (const e of batched) appendAudit(db, e);
    })();
    console.log(`append x${EVENTS}, in one transaction: ${rate(EVENTS, performance.now() - t)}`);

    t = performance.now();
    const result = verifyAudit(db);
    const ms = performance.now() - t;
    if (!result.ok) throw new Error(`verification failed at ${result.firstBrokenSeq}: ${result.reason}`);
    console.log(`verify ${result.count} events: ${rate(result.count, ms)}`);
    const rss = process.memoryUsage().rss / 2 ** 20;
    console.log(`resident memory after verify: ${rss.toFixed(0)} MiB`);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
