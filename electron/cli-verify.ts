/**
 * `verify FILE.pdf [--data DIR]` (issue 7, item 5): is this PDF the plan the team signed?
 *
 * Without --data the file alone is checked (pdf/verify-pdf.ts): its seal over the whole file, the
 * attached payload against the signed hash, every team signature. With --data the store is asked
 * too, through the backend as the app does (signed in, logged): the seal is the organisation's,
 * the version is there with the same payload, the keys are the signers', and the version is the
 * one in force or names the later signed version that replaced it.
 *
 * One line per check (PASS, FAIL, SKIP), the facts, and a last line that starts with the verdict.
 * Exit codes, for scripts: 0 every check holds; 1 a check failed (the line says which); 3 genuine
 * but superseded by a later version; 2 the command could not run (usage, unreadable file, store).
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Output } from '../shared/api/contract.js';
import { PDF_VERIFY_MAX_BYTES } from '../shared/api/contract-plans.js';
import { AppError } from '../shared/api/errors.js';
import type { PdfCheck, PdfProblem } from '../shared/domain/pdf-verification.js';
import { verification } from './backend/pdf-verify.js';
import { inspectPlanPdf } from './backend/pdf/verify-pdf.js';
import { withSignedIn, type Flags } from './cli-support.js';

export const VERIFY_EXIT = { valid: 0, invalid: 1, unusable: 2, superseded: 3 } as const;

/** The most the command reads without --data (a plan PDF is well under a megabyte). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

const WHAT: Record<PdfCheck, string> = {
  pdf: 'the file is a whole PDF',
  seal: "sealed with a certificate, and the sealed bytes are unchanged",
  coverage: 'the seal covers the whole file',
  payload: "the attached plan is the content the team signed",
  signatures: "every team signature verifies with its signer's key",
  complete: 'every signature the plan needs is there',
  store: 'the store knows this seal, this version and these keys, and no later signed version replaced it',
};

export const PROBLEM_TEXT: Record<PdfProblem, string> = {
  not_pdf: 'not a PDF file',
  truncated: 'the file is cut short (truncated)',
  unsigned: 'the PDF has no seal (no PDF signature)',
  seal_unreadable: 'the seal cannot be read',
  bytes_changed: 'bytes were changed after sealing (digest mismatch)',
  seal_invalid: "the seal's signature does not verify with its certificate",
  appended: 'bytes were appended after the sealed end (not total document signed)',
  not_ours: 'not a Tiimipöytä plan: no plan payload is attached',
  payload_unreadable: 'the attached plan or signatures cannot be read',
  payload_hash_mismatch: 'the attached plan is not the content the team signed (hash mismatch)',
  signature_invalid: 'a team signature does not verify',
  signatures_missing: 'signatures are missing: the plan was still being signed',
  seal_unknown: "the seal is not one of this organisation's",
  version_unknown: 'this plan version is not in the store',
  payload_differs: "the store's version has other content",
  key_unknown: "a signer's key is not theirs in this store",
  superseded: 'a later version replaced this one',
};

const clientKind = (kind: string) => kind === 'client_drawn' || kind === 'client_oral';

/** The report as lines, and the exit code. */
export function report(r: Output<'pdf.verify'>, withStore: boolean): { lines: string[]; exitCode: number } {
  const lines: string[] = [];
  for (const c of r.checks) {
    if (c.ok === true) lines.push(`PASS  ${c.check.padEnd(10)} ${WHAT[c.check]}`);
    else if (c.ok === false) lines.push(`FAIL  ${c.check.padEnd(10)} ${PROBLEM_TEXT[c.problem!]}`);
    else lines.push(`SKIP  ${c.check.padEnd(10)} ${c.check === 'store' && !withStore ? 'not checked: give --data DIR to check against a store' : 'not checked: an earlier check failed'}`);
  }
  if (r.seal) lines.push(`seal: ${r.seal.subject}; SHA-256 fingerprint ${r.seal.fingerprintSha256}${r.seal.signedAt ? `; sealed ${r.seal.signedAt}` : ''}`);
  // Anyone can make a self-signed certificate with any name: only the fingerprint says whose seal it is.
  if (r.seal && !withStore) lines.push("note: without --data the seal's certificate is not compared with the organisation's; compare the fingerprint with Admin → Seal");
  if (r.plan) lines.push(`plan: case ${r.plan.caseNumber}, version ${r.plan.version}, frozen ${r.plan.frozenAt}; verification code ${r.plan.verificationCode}; SHA-256 ${r.plan.payloadSha256}`);
  for (const s of r.signatures) lines.push(`signature: ${s.valid ? 'VALID  ' : 'INVALID'} ${s.kind} ${clientKind(s.kind) ? s.name.replace(/[.\s]/g, '') : s.name} ${s.signedAt}`);
  if (r.store) lines.push(`store: version ${r.plan?.version ?? '?'} is ${r.store.state ?? 'not in the store'}; the version in force is ${r.store.latestVersion ?? 'none yet'}`);
  const failed = r.checks.find((c) => c.ok === false);
  if (r.verdict === 'valid') lines.push('VALID: every check holds');
  else if (r.verdict === 'superseded') lines.push(`SUPERSEDED: genuine, but version ${r.store?.supersededBy ?? '?'} replaced it${r.store?.supersededAt ? ` on ${r.store.supersededAt}` : ''}`);
  else lines.push(`INVALID: ${failed ? `${failed.check}: ${PROBLEM_TEXT[failed.problem!]}` : 'a check could not be made'}`);
  return { lines, exitCode: VERIFY_EXIT[r.verdict] };
}

export async function verifyCommand(file: string | undefined, flags: Flags): Promise<number> {
  if (!file) throw new AppError('invalid_input', 'Usage: verify FILE.pdf [--data DIR] [--user NAME]');
  const path = resolve(file);
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) throw new AppError('invalid_input', `${path} is ${Math.round(size / 1048576)} MB; a plan PDF is well under 1 MB.`);
    bytes = readFileSync(path);
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new AppError('not_found', code === 'ENOENT' ? `No such file: ${path}` : `Cannot read ${path} (${code ?? 'error'}).`);
  }
  const withStore = flags.data !== undefined;
  let result: Output<'pdf.verify'>;
  if (withStore) {
    if (bytes.length > PDF_VERIFY_MAX_BYTES) throw new AppError('invalid_input', `Checking against a store takes PDFs up to ${PDF_VERIFY_MAX_BYTES / 1048576} MB.`);
    result = await withSignedIn(flags, (call) => call('pdf.verify', { pdfBase64: bytes.toString('base64') }) as Promise<Output<'pdf.verify'>>);
  } else {
    result = verification(inspectPlanPdf(bytes), undefined);
  }
  const { lines, exitCode } = report(result, withStore);
  process.stdout.write(`${path}\n${lines.join('\n')}\n`);
  return exitCode;
}
