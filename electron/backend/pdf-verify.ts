/**
 * `pdf.verify` (issue 7, item 5): a plan PDF checked from its bytes (pdf/verify-pdf.ts), then
 * against this store: the seal is one of the organisation's (current or retired), the plan
 * version exists with the same payload hash, each signer's key is theirs here, and the version
 * is the one in force or names the later signed version that superseded it.
 *
 * Looking the plan up reads a client's record, so it is logged against the client (`plan.verifyPdf`)
 * whoever asks; a PDF that names no plan of this store is logged without a client. The answer names
 * the client's signature by initials only.
 */
import type { Output, ParsedInput } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import { initialsOf } from '../../shared/domain/meeting.js';
import { verdictOf, type PdfCheckResult, type PdfProblem } from '../../shared/domain/pdf-verification.js';
import { getCase } from '../../db/repositories/cases.js';
import { getPlan, listVersions, type PlanRecord } from '../../db/repositories/plans.js';
import { sealByFingerprint } from '../../db/repositories/seal.js';
import { getUserKey } from '../../db/repositories/user-keys.js';
import type { OpenStore } from '../../db/store.js';
import { record, withAccess } from './access.js';
import { requireUser, type BackendContext } from './context.js';
import { verificationCode } from './pdf/plan-document.js';
import { inspectPlanPdf, type PdfInspection } from './pdf/verify-pdf.js';
import { basisFor } from './plan-view.js';

type Verification = Output<'pdf.verify'>;
type StoreWord = NonNullable<Verification['store']>;

/** The store's check of an inspected PDF and the plan it names here (null when the file gave no payload to look up). */
export function storeCheck(s: OpenStore, inspection: PdfInspection, plan: PlanRecord | undefined): { check: PdfCheckResult; store: StoreWord } | null {
  const p = inspection.payload;
  if (!p) return null;
  const sealKnown = inspection.seal !== null && sealByFingerprint(s.db, inspection.seal.fingerprintSha256) !== undefined;
  const versions = plan ? listVersions(s.db, plan.id) : [];
  const v = versions.find((x) => x.version === p.plan.version && x.state !== 'draft');
  const store: StoreWord = { state: v?.state ?? null, latestVersion: versions.filter((x) => x.lockedAt !== null).at(-1)?.version ?? null, supersededBy: null, supersededAt: null, sealKnown };
  const fail = (problem: PdfProblem) => ({ check: { check: 'store' as const, ok: false, problem }, store });
  if (!sealKnown) return fail('seal_unknown');
  if (!v) return fail('version_unknown');
  if (v.payloadSha256 !== p.sha256) return fail('payload_differs');
  const keysHold = (inspection.evidence?.signatures ?? []).every((sig) => {
    const key = getUserKey(s.db, sig.keyId);
    return key !== undefined && key.userId === sig.signerUserId && key.publicKey === sig.publicKey;
  });
  if (!keysHold) return fail('key_unknown');
  // Superseded once a later version is signed into force; a revision still being drafted or signed does not replace it yet.
  const later = versions.find((x) => x.version > v.version && x.lockedAt !== null);
  if (later) {
    store.supersededBy = later.version;
    store.supersededAt = later.lockedAt;
    return fail('superseded');
  }
  return { check: { check: 'store', ok: true, problem: null }, store };
}

/** The answer: checks, what the file says, and (with a store) the store's word. */
export function verification(inspection: PdfInspection, fromStore: ReturnType<typeof storeCheck> | undefined): Verification {
  const checks = inspection.checks.map((c) => (c.check === 'store' && fromStore ? fromStore.check : c));
  const p = inspection.payload;
  const client = (kind: string) => kind === 'client_drawn' || kind === 'client_oral';
  return {
    verdict: verdictOf(checks),
    checks,
    plan: p && { planId: p.plan.planId, caseNumber: p.plan.case?.number ?? '', version: p.plan.version, frozenAt: p.plan.frozenAt, payloadSha256: p.sha256, verificationCode: verificationCode(p.sha256) },
    seal: inspection.seal,
    signatures: inspection.signatures.map(({ signature: sig, valid }) => ({ kind: sig.kind, name: client(sig.kind) ? initialsOf(sig.name) : sig.name, signedAt: sig.signedAt, valid })),
    store: fromStore?.store ?? null,
  };
}

export function verifyPdf(ctx: BackendContext, input: ParsedInput<'pdf.verify'>): Verification {
  const s = requireUser(ctx);
  const bytes = Buffer.from(input.pdfBase64, 'base64');
  if (bytes.length === 0) throw new AppError('invalid_input', 'The file is empty.');
  const inspection = inspectPlanPdf(bytes);
  const plan = inspection.payload ? getPlan(s.db, inspection.payload.plan.planId) : undefined;
  const c = plan ? getCase(s.db, plan.caseId) : undefined;
  const details = (r: Verification) => ({ verdict: r.verdict, failed: r.checks.filter((x) => x.ok === false).map((x) => x.problem), version: r.plan?.version ?? null, payloadSha256: r.plan?.payloadSha256 ?? null });
  if (!plan || !c) {
    const r = verification(inspection, storeCheck(s, inspection, plan));
    record(s, { action: 'plan.verifyPdf', basis: 'administration', details: details(r) });
    return r;
  }
  return withAccess(
    s,
    (r: Verification) => ({ action: 'plan.verifyPdf', basis: basisFor(s, c.id), clientId: c.clientId, entity: `plan:${plan.id}`, details: details(r) }),
    () => verification(inspection, storeCheck(s, inspection, plan)),
  );
}
