/**
 * The organisation's seal as use cases (issue 7, item 4).
 *
 * `ensureSeal`: made at setup for a new store, and on the first signed export for a store made
 * before the seal existed. The key pair is made outside the transaction (it is the slow part); the
 * check that no seal exists yet, the insert and its log entry are one transaction, so two exports
 * racing for the first seal leave exactly one.
 *
 * `sealInfo` and `importSeal` (administrators): the seal in use and the earlier ones; and the
 * county's own PKCS#12 in place of the self-signed one. An import is checked as signer-p12 will
 * use it (pdf/seal.ts `inspectP12`: the passphrase opens it, an RSA key with its own certificate,
 * valid now) and then retires the current seal in the same transaction: a retired seal is kept,
 * so a PDF sealed with it still verifies against this store. The PKCS#12 and its passphrase live
 * only in the encrypted store; the access log records the certificate's subject and fingerprint.
 */
import { randomUUID } from 'node:crypto';
import type { Output, ParsedInput } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import { currentSeal, insertSeal, listSeals, retireSeal, type SealRecord } from '../../db/repositories/seal.js';
import type { OpenStore } from '../../db/store.js';
import { record, withAccess } from './access.js';
import { requireRole, type BackendContext } from './context.js';
import { generateSeal, inspectP12 } from './pdf/seal.js';

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

type SealView = Output<'admin.sealInfo'>['earlier'][number];

const viewOf = (r: SealRecord & { createdByName: string }): SealView => ({
  id: r.id,
  source: r.source,
  subject: r.subject,
  fingerprintSha256: r.fingerprintSha256,
  notBefore: r.notBefore,
  notAfter: r.notAfter,
  createdAt: r.createdAt,
  createdByName: r.createdByName,
  retiredAt: r.retiredAt,
});

export function sealInfo(ctx: BackendContext): Output<'admin.sealInfo'> {
  const s = requireRole(ctx, 'administrator');
  return withAccess(
    s,
    { action: 'seal.view', basis: 'administration' },
    () => {
      const all = listSeals(s.db).map(viewOf);
      return { current: all.find((x) => x.retiredAt === null) ?? null, earlier: all.filter((x) => x.retiredAt !== null) };
    },
  );
}

const SEAL_MESSAGES: Record<string, string> = {
  seal_not_pkcs12: 'The file is not a PKCS#12 (.p12/.pfx).',
  seal_wrong_passphrase: 'The passphrase does not open the PKCS#12.',
  seal_no_key: 'The PKCS#12 holds no private key with its certificate.',
  seal_key_mismatch: "The PKCS#12's certificate is not its key's.",
  seal_unsupported_key: "The seal's key must be RSA.",
  seal_expired: 'The certificate is not valid now.',
};

export function importSeal(ctx: BackendContext, input: ParsedInput<'admin.importSeal'>, now = new Date()): Output<'admin.importSeal'> {
  const s = requireRole(ctx, 'administrator');
  const p12 = Buffer.from(input.p12Base64, 'base64');
  const inspected = inspectP12(p12, input.passphrase, now);
  if (!inspected.ok) throw new AppError(inspected.problem, SEAL_MESSAGES[inspected.problem] ?? 'The PKCS#12 cannot be used as the seal.');
  const at = now.toISOString();
  // Stored as re-written by inspectP12 (the form signer-p12 reads), under the administrator's passphrase.
  const row = { id: randomUUID(), source: 'imported' as const, p12: inspected.normalised, passphrase: input.passphrase, ...inspected.seal, createdAt: at, createdBy: s.user.id };
  return s.db.transaction(() => {
    const previous = currentSeal(s.db);
    if (previous) retireSeal(s.db, previous.id, at);
    insertSeal(s.db, row);
    record(s, {
      action: 'seal.import',
      basis: 'administration',
      entity: `seal:${row.id}`,
      details: { subject: row.subject, fingerprintSha256: row.fingerprintSha256, notAfter: row.notAfter, replaced: previous?.fingerprintSha256 ?? null },
    });
    return viewOf({ ...row, retiredAt: null, createdByName: s.user.displayName });
  })();
}
