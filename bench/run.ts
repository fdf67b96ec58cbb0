/**
 * `npm run bench`: figures printed, not asserted. Seeded, so runs do the same work.
 *   unlock: key derivation + opening the encrypted database (production scrypt cost)
 *   lock: dropping the key and closing the database
 *   clients: create N clients through the backend, then list them
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../electron/backend/index.js';
import { name, rng } from './rng.js';

const SEED = 20261124;
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 2000);

function ms(start: number): string {
  return `${(performance.now() - start).toFixed(1)} ms`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tiimipoyta-bench-'));
  const r = rng(SEED);
  const backend = createBackend({ dataDir: join(dir, 'store'), version: 'bench', log: () => {} });
  const must = async (channel: string, input: unknown) => {
    const res = await backend.invoke(channel, input);
    if (!res.ok) throw new Error(`${channel}: ${res.error.code}`);
    return res.value;
  };
  try {
    let t = performance.now();
    await must('store.create', { organisationName: 'Bench', adminDisplayName: 'Bench', adminUsername: 'bench', adminProfession: 'other', password: 'benchmark password' });
    console.log(`create store: ${ms(t)}`);

    t = performance.now();
    for (let i = 0; i < CLIENTS; i++) await must('clients.create', { name: name(r), language: r() < 0.1 ? 'sv' : 'fi' });
    const perClient = (performance.now() - t) / CLIENTS;
    console.log(`clients.create x${CLIENTS}: ${ms(t)} (${perClient.toFixed(3)} ms each)`);

    t = performance.now();
    const list = (await must('clients.list', {})) as unknown[];
    console.log(`clients.list (${list.length} rows): ${ms(t)}`);

    const unlocks: number[] = [];
    const locks: number[] = [];
    for (let i = 0; i < 3; i++) {
      t = performance.now();
      await must('session.lock', {});
      locks.push(performance.now() - t);
      t = performance.now();
      await must('session.signIn', { username: 'bench', password: 'benchmark password' });
      unlocks.push(performance.now() - t);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1);
    console.log(`unlock (scrypt N=2^17 + open + migrate check), median of 3: ${median(unlocks)} ms`);
    console.log(`lock, median of 3: ${median(locks)} ms`);
  } finally {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
