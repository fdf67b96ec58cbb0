/**
 * Verifying a plan's versions (issue 6, item 5): recomputed on every read from the stored payload,
 * the version's own rows and the signers' public keys, never taken from a stored "valid" flag.
 *
 *   payload valid   — the stored payload hashes to the stored SHA-256, names this plan and version,
 *                     and says what the version's rows say (goals, actions with their catalogue
 *                     copies, review date, statutory plans): a row changed behind the program's
 *                     back shows here even when the payload itself is intact;
 *   signature valid — the payload is valid, the Ed25519 signature verifies over the statement
 *                     rebuilt from the stored fields with the public key of the key it names, that
 *                     key belongs to the signer, a member signed for their own attendance row (and
 *                     the chair for the others), and a drawn image hashes to what was signed;
 *   version valid   — payload and every signature valid, and a locked version has every
 *                     signature it needs (a deleted signature row shows too).
 * Used by plans.get (each signature's flag), plans.verify and the CLI's `plan verify`.
 */
import { createPublicKey, verify as verifySignature } from 'node:crypto';
import type { Output, ParsedInput } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/errors.js';
import { canonicalJson } from '../../shared/domain/canonical.js';
import { contentOf, PLAN_PAYLOAD_FORMAT, type PlanPayload } from '../../shared/domain/plan-payload.js';
import { outstandingSignatures, PLAN_LIMITS, requiredSignatures, type PlanGoal } from '../../shared/domain/plan.js';
import { getCase } from '../../db/repositories/cases.js';
import { listSignatures, type SignatureRecord } from '../../db/repositories/plan-signatures.js';
import { getPlan, listActions, listGoals, listVersions, type VersionRecord } from '../../db/repositories/plans.js';
import { withAccess } from './access.js';
import { requireUser, type BackendContext } from './context.js';
import { contentFromRows, parsePayload, pngBytes, sha256Hex, statementBytes, type StoredAction } from './plan-payload-build.js';

export interface VersionCheck {
  payload: PlanPayload | null;
  payloadValid: boolean | null;
  signatures: Map<string, boolean>;
  valid: boolean | null;
}

function payloadMatches(planId: string, v: VersionRecord, payload: PlanPayload | null, goals: readonly PlanGoal[], actions: readonly StoredAction[]): boolean {
  if (v.payload === null || v.payloadSha256 === null || payload === null) return false;
  if (sha256Hex(v.payload) !== v.payloadSha256) return false;
  if (payload.format !== PLAN_PAYLOAD_FORMAT || payload.planId !== planId || payload.version !== v.version) return false;
  try {
    return canonicalJson(contentOf(payload)) === canonicalJson(contentFromRows(v.reviewDate, v.statutoryRefs, goals, actions));
  } catch {
    return false;
  }
}

/** What a signature check needs: a stored row, or a signature as a PDF's evidence file carries it. */
export type SignatureEvidenceLike = Pick<
  SignatureRecord,
  'kind' | 'attendanceId' | 'name' | 'signerUserId' | 'keyId' | 'keyUserId' | 'publicKey' | 'image' | 'imageSha256' | 'witness' | 'signedAt' | 'signature'
>;

/** Whom the signature may stand for, by the payload's attendance (the way requiredSignatures says). */
function standsRightly(sig: SignatureEvidenceLike, payload: PlanPayload): boolean {
  if (sig.kind === 'client_drawn' || sig.kind === 'client_oral') return sig.attendanceId === null;
  const a = Array.isArray(payload.attendance) ? payload.attendance.find((x) => x.attendanceId === sig.attendanceId) : undefined;
  if (!a || a.status === 'absent') return false;
  const member = a.status === 'present' && a.userId !== null;
  return sig.kind === 'member' ? member && a.userId === sig.signerUserId : !member;
}

/**
 * One signature over this version's payload hash: the key is the signer's, it stands for whom it
 * may, a drawn image hashes to what was signed, and Ed25519 verifies over the rebuilt statement.
 */
export function signatureHolds(planId: string, version: number, payloadSha256: string, payload: PlanPayload, sig: SignatureEvidenceLike): boolean {
  if (sig.keyUserId !== sig.signerUserId || !standsRightly(sig, payload)) return false;
  if (sig.kind === 'client_drawn') {
    const bytes = sig.image === null ? null : pngBytes(sig.image, PLAN_LIMITS.signatureImageBytes);
    if (!bytes || sha256Hex(bytes) !== sig.imageSha256) return false;
  }
  try {
    const bytes = statementBytes({
      planId,
      version,
      payloadSha256,
      kind: sig.kind,
      signerUserId: sig.signerUserId,
      keyId: sig.keyId,
      attendanceId: sig.attendanceId,
      name: sig.name,
      imageSha256: sig.imageSha256,
      witness: sig.witness,
      signedAt: sig.signedAt,
    });
    const key = createPublicKey({ key: Buffer.from(sig.publicKey, 'base64'), format: 'der', type: 'spki' });
    return verifySignature(null, bytes, key, Buffer.from(sig.signature, 'base64'));
  } catch {
    return false;
  }
}

/** One version checked from records already read (the plan view reads them anyway). */
export function checkVersion(planId: string, v: VersionRecord, goals: readonly PlanGoal[], actions: readonly StoredAction[], sigs: readonly SignatureRecord[]): VersionCheck {
  if (v.state === 'draft') return { payload: null, payloadValid: null, signatures: new Map(sigs.map((s) => [s.id, false])), valid: null };
  const payload = parsePayload(v.payload);
  const payloadValid = payloadMatches(planId, v, payload, goals, actions);
  const signatures = new Map(sigs.map((s) => [s.id, payloadValid && signatureHolds(planId, v.version, v.payloadSha256!, payload!, s)]));
  let complete = true;
  if (payloadValid && v.lockedAt !== null) {
    const needed = requiredSignatures(payload!.attendance.map((a) => ({ attendanceId: a.attendanceId, userId: a.userId, status: a.status })));
    complete = outstandingSignatures(needed, sigs).length === 0;
  }
  return { payload: payloadValid ? payload : null, payloadValid, signatures, valid: payloadValid && complete && [...signatures.values()].every(Boolean) };
}

export interface VersionVerification {
  version: number;
  state: VersionRecord['state'];
  payloadValid: boolean | null;
  signatures: { id: string; kind: SignatureRecord['kind']; name: string; valid: boolean }[];
  valid: boolean | null;
}

/** Every version of a plan, verified from the store. */
export function verifyVersions(db: Parameters<typeof listVersions>[0], planId: string): VersionVerification[] {
  return listVersions(db, planId).map((v) => {
    const sigs = v.state === 'draft' ? [] : listSignatures(db, v.id);
    const check = checkVersion(planId, v, listGoals(db, v.id), listActions(db, v.id), sigs);
    return {
      version: v.version,
      state: v.state,
      payloadValid: check.payloadValid,
      signatures: sigs.map((s) => ({ id: s.id, kind: s.kind, name: s.name, valid: check.signatures.get(s.id) ?? false })),
      valid: check.valid,
    };
  });
}

export function verify(ctx: BackendContext, input: ParsedInput<'plans.verify'>): Output<'plans.verify'> {
  const s = requireUser(ctx);
  const plan = getPlan(s.db, input.planId);
  if (!plan) throw new AppError('not_found', 'No such plan.');
  const clientId = getCase(s.db, plan.caseId)!.clientId;
  return withAccess(
    s,
    (r: Output<'plans.verify'>) => ({
      action: 'plan.verify',
      basis: 'case_preparation',
      clientId,
      entity: `plan:${plan.id}`,
      details: { versions: r.versions.length, invalid: r.versions.filter((v) => v.valid === false).map((v) => v.version) },
    }),
    () => ({ planId: plan.id, versions: verifyVersions(s.db, plan.id) }),
  );
}
