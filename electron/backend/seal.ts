/**
 * The organisation's seal as a use case (issue 7): made at setup for a new store, and on the first
 * signed export for a store made before the seal existed. The key pair is made outside the
 * transaction (it is the slow part); the check that no seal exists yet, the insert and its log
 * entry are one transaction, so two exports racing for the first seal leave exactly one.
 */
import { randomUUID } from 'node:crypto';
import { currentSeal, insertSeal, type SealRecord } from '../../db/repositories/seal.js';
import type { OpenStore } from '../../db/store.js';
import { record } from './access.js';
import { generateSeal } from './pdf/seal.js';

export async function ensureSeal(s: OpenStore): Promise<SealRecord> {
  const existing = currentSeal(s.db);
  if (existing) return existing;
  const made = await generateSeal(s.organisation.name);
  return s.db.transaction(() => {
    const again = currentSeal(s.db);
    if (again) return again;
    const row = { id: randomUUID(), source: 'generated' as const, ...made, createdAt: new Date().toISOString(), createdBy: s.user.id };
    insertSeal(s.db, row);
    record(s, { action: 'seal.create', basis: 'administration', entity: `seal:${row.id}`, details: { subject: row.subject, fingerprintSha256: row.fingerprintSha256, notAfter: row.notAfter } });
    return { ...row, retiredAt: null };
  })();
}
