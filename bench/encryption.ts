/**
 * Encrypted vs plain SQLite on the same workload, through the app's own repositories and access log:
 * 10,000 clients, each added in its own transaction with 3 access-log events, then 1,000 random
 * reads of a client and its events. Same pragmas (WAL, synchronous=FULL) on both. Seeded.
 * Target (issue: trustworthy local store): encrypted / plain ≤ 1.3. Figures printed, not asserted.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { appendAudit, listAuditForClient } from '../db/audit.js';
import { createEncrypted, type Db } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { getClient, insertClient } from '../db/repositories/clients.js';
import { insertUser } from '../db/repositories/users.js';
import { name, rng } from './rng.js';

const SEED = 703;
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10_000);
const READS = 1_000;

function plain(path: string): Db {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  return db;
}

function workload(db: Db): { write: number; read: number } {
  migrate(db);
  const actor = 'bench-user';
  insertUser(db, { id: actor, username: 'bench', displayName: 'Bench', profession: 'other', organisation: '', role: 'administrator', active: true, mustChangePassword: false, createdAt: new Date(0).toISOString(), deactivatedAt: null });
  const r = rng(SEED);
  const ids: string[] = [];
  let t = performance.now();
  for (let i = 0; i < CLIENTS; i++) {
    const id = `client-${i}`;
    ids.push(id);
    db.transaction(() => {
      insertClient(db, { id, name: name(r), language: r() < 0.1 ? 'sv' : 'fi', createdAt: new Date(1_700_000_000_000 + i * 1000).toISOString(), createdBy: actor });
      for (const action of ['client.create', 'client.read', 'client.update']) appendAudit(db, { actorId: actor, clientId: id, action, basis: 'case_preparation', entity: `client:${id}` });
    })();
  }
  const write = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < READS; i++) {
    const id = ids[Math.floor(r() * ids.length)]!;
    if (!getClient(db, id) || listAuditForClient(db, id).length !== 3) throw new Error('bench read mismatch');
  }
  const read = performance.now() - t;
  db.close();
  return { write, read };
}

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'tiimipoyta-bench-enc-'));
try {
  // Alternate the two, so neither always runs on a warmer disk cache; report medians.
  const runs: { plain: ReturnType<typeof workload>[]; encrypted: ReturnType<typeof workload>[] } = { plain: [], encrypted: [] };
  for (let i = 0; i < ROUNDS; i++) {
    const first = i % 2 === 0 ? 'plain' : 'encrypted';
    for (const kind of first === 'plain' ? (['plain', 'encrypted'] as const) : (['encrypted', 'plain'] as const)) {
      const path = join(dir, `${kind}-${i}.db`);
      runs[kind].push(workload(kind === 'plain' ? plain(path) : createEncrypted(path, randomBytes(32))));
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const p = { write: median(runs.plain.map((x) => x.write)), read: median(runs.plain.map((x) => x.read)) };
  const e = { write: median(runs.encrypted.map((x) => x.write)), read: median(runs.encrypted.map((x) => x.read)) };
  const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
  console.log(`workload: ${CLIENTS} clients x (1 insert + 3 access-log events), one transaction each; then ${READS} random reads (client + its events); median of ${ROUNDS} alternating rounds`);
  console.log(`plain     write ${fmt(p.write).padStart(9)}   read ${fmt(p.read).padStart(7)}   total ${fmt(p.write + p.read)}`);
  console.log(`encrypted write ${fmt(e.write).padStart(9)}   read ${fmt(e.read).padStart(7)}   total ${fmt(e.write + e.read)}`);
  console.log(`ratio encrypted/plain: write ${(e.write / p.write).toFixed(2)}, read ${(e.read / p.read).toFixed(2)}, total ${((e.write + e.read) / (p.write + p.read)).toFixed(2)} (target <= 1.3)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
