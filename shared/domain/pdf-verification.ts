/**
 * Verifying an exported plan PDF (issue 7, item 5): the checks, what each can find wrong, and the
 * evidence file the PDF carries beside the payload so the team's signatures can be checked from
 * the file alone.
 *
 * The checks run in this order; a check whose input a failed one did not deliver is not run (null):
 *
 *   pdf         — the file is a PDF and ends as one (`%PDF-` … `%%EOF`);
 *   seal        — it carries a PDF signature (the organisation's seal), the signed bytes' SHA-256 is
 *                 the one the signature states, and the certificate's key verifies the signature;
 *   coverage    — the seal covers the whole file: nothing appended after it, nothing cut off;
 *   payload     — the attached plan payload is there, is a Tiimipöytä plan, and hashes to the
 *                 SHA-256 the team signed (the evidence file's and every statement's);
 *   signatures  — every team signature verifies over its statement with the public key it names,
 *                 and stands for whom the payload's attendance says it may;
 *   complete    — every signature the plan needs is there (a version still being signed fails);
 *   store       — (only against a store) the seal is one of this organisation's, the version is
 *                 in the store with the same payload, the signers' keys are theirs there, and the
 *                 no later version has been signed into force (else `superseded`, naming it).
 */
import type { SignatureKind } from './plan.js';

export const PDF_CHECKS = ['pdf', 'seal', 'coverage', 'payload', 'signatures', 'complete', 'store'] as const;
export type PdfCheck = (typeof PDF_CHECKS)[number];

export const PDF_PROBLEMS = [
  /** Not a PDF at all. */
  'not_pdf',
  /** The file stops short: cut off after (or inside) the signed bytes. */
  'truncated',
  /** A PDF without a signature. */
  'unsigned',
  /** The signature field cannot be read as a CMS signature. */
  'seal_unreadable',
  /** Bytes inside the signed range were changed after sealing (pdfsig: "Digest Mismatch"). */
  'bytes_changed',
  /** The CMS signature does not verify with its certificate's key. */
  'seal_invalid',
  /** Bytes were added after the sealed end (pdfsig: "Not total document signed"). */
  'appended',
  /** A PDF, even a signed one, without a Tiimipöytä plan payload: not one of ours. */
  'not_ours',
  /** The payload or the evidence file is there but cannot be read. */
  'payload_unreadable',
  /** The payload's SHA-256 is not the one the team signed. */
  'payload_hash_mismatch',
  /** At least one team signature does not verify. */
  'signature_invalid',
  /** Signatures the plan needs are missing (still being signed). */
  'signatures_missing',
  /** The seal's certificate is not one this store has ever used. */
  'seal_unknown',
  /** The store has no such plan version. */
  'version_unknown',
  /** The store's version has another payload. */
  'payload_differs',
  /** A signer's key is not theirs in this store. */
  'key_unknown',
  /** A later version replaced this one. */
  'superseded',
] as const;
export type PdfProblem = (typeof PDF_PROBLEMS)[number];

export interface PdfCheckResult {
  check: PdfCheck;
  /** true: holds; false: failed (problem says how); null: not run. */
  ok: boolean | null;
  problem: PdfProblem | null;
}

/** The overall word: every check holds; genuine but replaced by a later version; or not to be trusted. */
export type PdfVerdict = 'valid' | 'superseded' | 'invalid';

export const PLAN_EVIDENCE_FORMAT = 'tiimipoyta.plan-evidence/1';

/** One team signature as the evidence file carries it: the statement's fields, the key and the signature. */
export interface EvidenceSignature {
  kind: SignatureKind;
  signerUserId: string;
  keyId: string;
  /** The key's public half, SPKI DER in base64 (Ed25519). */
  publicKey: string;
  attendanceId: string | null;
  name: string;
  imageSha256: string | null;
  /** The client's drawn signature (PNG data URL), so its hash can be checked. */
  image: string | null;
  witness: string | null;
  signedAt: string;
  /** Ed25519 over the statement (`tiimipoyta.plan-signature/1`), base64. */
  signature: string;
}

/** The second attachment, `plan-<case>-v<n>-signatures.json`: canonical JSON of this. */
export interface PlanEvidence {
  format: typeof PLAN_EVIDENCE_FORMAT;
  planId: string;
  version: number;
  payloadSha256: string;
  /** Whether the version was locked (fully signed) when exported. */
  locked: boolean;
  signatures: EvidenceSignature[];
}

/** `plan-2026-0001-v1-signatures.json`. */
export const evidenceFileName = (caseNumber: string, version: number): string => `plan-${caseNumber}-v${version}-signatures.json`;

/** The verdict from the checks: superseded only when that is the one thing wrong. */
export function verdictOf(checks: readonly PdfCheckResult[]): PdfVerdict {
  const failed = checks.filter((c) => c.ok === false);
  if (failed.length === 0 && checks.every((c) => c.ok !== null || c.check === 'store')) return 'valid';
  if (failed.length === 1 && failed[0]!.problem === 'superseded' && checks.filter((c) => c.ok === null && c.check !== 'store').length === 0) return 'superseded';
  return 'invalid';
}
