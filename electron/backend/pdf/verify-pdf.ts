/**
 * Verifying a plan PDF from its bytes alone (issue 7, item 5): no store, no network, nothing but
 * the file. The store's part (is this version ours, current, signed by keys we know) is added by
 * electron/backend/pdf-verify.ts; this module is what `npm run cli -- verify FILE.pdf` runs
 * without --data.
 *
 * The seal is checked as a PDF reader does (pdfsig, Acrobat): the last signature dictionary's
 * /ByteRange must start at 0, skip exactly its /Contents hex string and end at the end of the
 * file; the CMS SignedData inside /Contents states the SHA-256 of those bytes (signed attribute
 * messageDigest) and its signer certificate's key must verify the signature over the signed
 * attributes. Then the two attachments pdfkit wrote (FlateDecode embedded-file streams named by
 * their Filespec) are read: the canonical plan payload and the evidence file with the team's
 * signatures, whose Ed25519 statements are checked exactly as the store checks them
 * (plan-verify.ts `signatureHolds`).
 *
 * The file is hostile until proven otherwise: every read is bounded (its size, the inflated
 * attachment size, the hex length), nothing is evaluated, and a parse failure is a named problem,
 * never an exception.
 */
import { createHash, verify as verifyRsa, X509Certificate } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import forge from 'node-forge';
import { PLAN_PAYLOAD_FORMAT, type PlanPayload } from '../../../shared/domain/plan-payload.js';
import { outstandingSignatures, requiredSignatures, SIGNATURE_KINDS } from '../../../shared/domain/plan.js';
import { PLAN_EVIDENCE_FORMAT, type EvidenceSignature, type PdfCheck, type PdfCheckResult, type PdfProblem, type PlanEvidence } from '../../../shared/domain/pdf-verification.js';
import { parsePayload } from '../plan-payload-build.js';
import { signatureHolds } from '../plan-verify.js';

/** The most an attachment may inflate to: a plan payload is tens of kilobytes. */
const MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024;
/** The most /Contents may hold (our placeholder is 16 KiB of DER, 32 Ki hex digits). */
const MAX_CONTENTS_HEX = 256 * 1024;

const OID = {
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
} as const;
const DIGESTS: Record<string, 'sha256' | 'sha384' | 'sha512'> = { [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' };

export interface SealFound {
  subject: string;
  fingerprintSha256: string;
  signedAt: string | null;
}

export interface PdfInspection {
  checks: PdfCheckResult[];
  seal: SealFound | null;
  /** The payload's exact bytes and what they say (when the payload check got that far). */
  payload: { text: string; sha256: string; plan: PlanPayload } | null;
  evidence: PlanEvidence | null;
  /** Each evidence signature and whether it verified. */
  signatures: { signature: EvidenceSignature; valid: boolean }[];
}

interface ByteRange {
  /** [0, b) and [c, c + d) are signed; [b, c) is the /Contents hex string. */
  b: number;
  c: number;
  d: number;
}

const latin1 = (bytes: Buffer) => bytes.toString('latin1');

/** Every /ByteRange [a b c d] in the file (placeholder-plain pads the numbers with spaces). */
function byteRanges(text: string): (ByteRange & { a: number })[] {
  const found: (ByteRange & { a: number })[] = [];
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/g)) {
    found.push({ a: Number(m[1]), b: Number(m[2]), c: Number(m[3]), d: Number(m[4]) });
  }
  return found;
}

function attr(attrs: forge.asn1.Asn1[], oid: string): forge.asn1.Asn1 | undefined {
  for (const a of attrs) {
    const parts = a.value as forge.asn1.Asn1[];
    if (Array.isArray(parts) && parts[0] && forge.asn1.derToOid(parts[0].value as string) === oid) {
      const set = parts[1]?.value;
      return Array.isArray(set) ? set[0] : undefined;
    }
  }
  return undefined;
}

type SealCheck = { ok: true; seal: SealFound } | { ok: false; problem: PdfProblem; seal: SealFound | null };

/** The CMS SignedData in /Contents against the signed bytes. */
function checkCms(bytes: Buffer, range: ByteRange): SealCheck {
  const hex = latin1(bytes.subarray(range.b, range.c));
  if (!/^<[0-9a-fA-F\s]*>$/.test(hex) || hex.length > MAX_CONTENTS_HEX) return { ok: false, problem: 'seal_unreadable', seal: null };
  const der = Buffer.from(hex.slice(1, -1).replace(/\s/g, ''), 'hex');
  let signerInfo: forge.asn1.Asn1[];
  let certs: X509Certificate[];
  try {
    const root = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')), { parseAllBytes: false, strict: false } as never);
    const msg = forge.pkcs7.messageFromAsn1(root) as unknown as { rawCapture: { certificates?: forge.asn1.Asn1; signerInfos?: forge.asn1.Asn1[] } };
    const infos = msg.rawCapture.signerInfos;
    if (!Array.isArray(infos) || infos.length !== 1) return { ok: false, problem: 'seal_unreadable', seal: null };
    signerInfo = infos[0]!.value as forge.asn1.Asn1[];
    const certNodes = (msg.rawCapture.certificates?.value ?? []) as forge.asn1.Asn1[];
    certs = certNodes.map((c) => new X509Certificate(Buffer.from(forge.asn1.toDer(c).getBytes(), 'binary')));
  } catch {
    return { ok: false, problem: 'seal_unreadable', seal: null };
  }
  try {
    // SignerInfo: version, issuerAndSerialNumber, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature.
    const serial = Buffer.from((signerInfo[1]!.value as forge.asn1.Asn1[])[1]!.value as string, 'binary').toString('hex').replace(/^(00)+(?=.)/, '');
    const digest = DIGESTS[forge.asn1.derToOid((signerInfo[2]!.value as forge.asn1.Asn1[])[0]!.value as string)];
    const signedAttrs = signerInfo[3]!;
    const signatureNode = signerInfo[5]!;
    if (!digest || signedAttrs.tagClass !== forge.asn1.Class.CONTEXT_SPECIFIC || signedAttrs.type !== 0) return { ok: false, problem: 'seal_unreadable', seal: null };
    const cert = certs.find((c) => c.serialNumber.toLowerCase().replace(/^(00)+(?=.)/, '') === serial.toLowerCase()) ?? (certs.length === 1 ? certs[0] : undefined);
    if (!cert) return { ok: false, problem: 'seal_unreadable', seal: null };
    const attrs = signedAttrs.value as forge.asn1.Asn1[];
    const timeNode = attr(attrs, OID.signingTime);
    let signedAt: string | null = null;
    if (timeNode) {
      const t = timeNode.type === forge.asn1.Type.UTCTIME ? forge.asn1.utcTimeToDate(timeNode.value as string) : forge.asn1.generalizedTimeToDate(timeNode.value as string);
      signedAt = Number.isNaN(t.getTime()) ? null : t.toISOString();
    }
    const seal: SealFound = {
      subject: cert.subject.split('\n').reverse().join(', '),
      fingerprintSha256: cert.fingerprint256.replace(/:/g, '').toLowerCase(),
      signedAt,
    };
    const stated = attr(attrs, OID.messageDigest);
    if (!stated || typeof stated.value !== 'string') return { ok: false, problem: 'seal_unreadable', seal };
    const actual = createHash(digest).update(bytes.subarray(0, range.b)).update(bytes.subarray(range.c, range.c + range.d)).digest();
    if (!actual.equals(Buffer.from(stated.value, 'binary'))) return { ok: false, problem: 'bytes_changed', seal };
    // The signature is over the signed attributes re-encoded as a SET (RFC 5652 §5.4).
    const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attrs);
    const attrsDer = Buffer.from(forge.asn1.toDer(set).getBytes(), 'binary');
    const ok = verifyRsa(digest, attrsDer, cert.publicKey, Buffer.from(signatureNode.value as string, 'binary'));
    return ok ? { ok: true, seal } : { ok: false, problem: 'seal_invalid', seal };
  } catch {
    return { ok: false, problem: 'seal_unreadable', seal: null };
  }
}

/** The dictionary text and stream bytes of object `num` (the last definition in the file wins, as in an update). */
function objectAt(bytes: Buffer, text: string, num: number): { dict: string; stream: Buffer | null } | null {
  const re = new RegExp(`(?:^|[\\r\\n\\s])${num}\\s+0\\s+obj\\b`, 'g');
  let at = -1;
  for (const m of text.matchAll(re)) at = m.index + m[0].length;
  if (at < 0) return null;
  const end = text.indexOf('endobj', at);
  const streamAt = text.indexOf('stream', at);
  if (streamAt < 0 || (end >= 0 && streamAt > end)) return { dict: text.slice(at, end < 0 ? undefined : end), stream: null };
  const dict = text.slice(at, streamAt);
  const length = /\/Length\s+(\d{1,10})(?!\s+\d+\s+R)/.exec(dict);
  if (!length) return { dict, stream: null };
  let start = streamAt + 'stream'.length;
  if (text[start] === '\r') start++;
  if (text[start] === '\n') start++;
  const n = Number(length[1]);
  if (start + n > bytes.length) return { dict, stream: null };
  return { dict, stream: bytes.subarray(start, start + n) };
}

/** Attachments by file name: each Filespec's /F (or /UF) and the embedded file it points at, decoded. */
function attachments(bytes: Buffer, text: string): Map<string, Buffer | null> {
  const files = new Map<string, Buffer | null>();
  for (const m of text.matchAll(/\/Type\s*\/Filespec\b/g)) {
    const end = text.indexOf('endobj', m.index);
    const body = text.slice(m.index, end < 0 ? m.index + 4096 : end);
    const name = /\/UF\s*\(([^()\\]{1,200})\)/.exec(body)?.[1] ?? /\/F\s*\(([^()\\]{1,200})\)/.exec(body)?.[1];
    const ref = /\/EF\s*<<\s*\/F\s+(\d{1,10})\s+0\s+R/.exec(body)?.[1];
    if (!name || !ref || files.has(name)) continue;
    const obj = objectAt(bytes, text, Number(ref));
    let content: Buffer | null = null;
    if (obj?.stream) {
      try {
        content = /\/Filter\s*\/FlateDecode\b/.test(obj.dict) ? inflateSync(obj.stream, { maxOutputLength: MAX_ATTACHMENT_BYTES }) : /\/Filter\b/.test(obj.dict) ? null : obj.stream;
      } catch {
        content = null;
      }
    }
    files.set(name, content);
  }
  return files;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNullableString = (v: unknown): v is string | null => v === null || typeof v === 'string';

/** The evidence file read strictly: every field of the shape, nothing taken on trust. */
function parseEvidence(bytes: Buffer): PlanEvidence | null {
  let v: unknown;
  try {
    v = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const e = v as Record<string, unknown>;
  if (e.format !== PLAN_EVIDENCE_FORMAT || !isString(e.planId) || !Number.isSafeInteger(e.version) || !isString(e.payloadSha256) || typeof e.locked !== 'boolean' || !Array.isArray(e.signatures)) return null;
  for (const s of e.signatures as unknown[]) {
    if (typeof s !== 'object' || s === null) return null;
    const x = s as Record<string, unknown>;
    const fine =
      (SIGNATURE_KINDS as readonly unknown[]).includes(x.kind) &&
      [x.signerUserId, x.keyId, x.publicKey, x.name, x.signedAt, x.signature].every(isString) &&
      [x.attendanceId, x.imageSha256, x.image, x.witness].every(isNullableString);
    if (!fine) return null;
  }
  return e as unknown as PlanEvidence;
}

const result = (check: PdfCheck, ok: boolean | null, problem: PdfProblem | null = null): PdfCheckResult => ({ check, ok, problem });

/** Every check that needs no store; `store` is left null for the caller. */
export function inspectPlanPdf(bytes: Buffer): PdfInspection {
  const out: PdfInspection = { checks: [], seal: null, payload: null, evidence: null, signatures: [] };
  const checks = new Map<PdfCheck, PdfCheckResult>();
  const finish = (): PdfInspection => {
    out.checks = (['pdf', 'seal', 'coverage', 'payload', 'signatures', 'complete', 'store'] as const).map((c) => checks.get(c) ?? result(c, null));
    return out;
  };
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
    checks.set('pdf', result('pdf', false, 'not_pdf'));
    return finish();
  }
  const text = latin1(bytes);
  const ranges = byteRanges(text);
  const last = ranges.at(-1);
  const endsAsPdf = /%%EOF\s*$/.test(text.slice(-1024));
  if ((last && last.c + last.d > bytes.length) || (!last && !endsAsPdf)) {
    checks.set('pdf', result('pdf', false, 'truncated'));
    return finish();
  }
  checks.set('pdf', result('pdf', true));

  // The seal and what it covers.
  if (!last) checks.set('seal', result('seal', false, 'unsigned'));
  else if (last.a !== 0 || last.b <= 0 || last.c <= last.b || last.d < 0) checks.set('seal', result('seal', false, 'seal_unreadable'));
  else {
    const cms = checkCms(bytes, last);
    out.seal = cms.seal;
    checks.set('seal', cms.ok ? result('seal', true) : result('seal', false, cms.problem));
    // Anything after the signed end, or a second signature added by an update, is appended.
    const whole = last.c + last.d === bytes.length && ranges.length === 1;
    checks.set('coverage', whole ? result('coverage', true) : result('coverage', false, 'appended'));
  }

  // The payload and the evidence beside it.
  const files = attachments(bytes, text);
  const payloadName = [...files.keys()].find((n) => /^plan-.+-v\d+\.json$/.test(n) && !n.endsWith('-signatures.json'));
  const payloadBytes = payloadName === undefined ? undefined : files.get(payloadName);
  const plan = payloadBytes ? parsePayload(payloadBytes.toString('utf8')) : null;
  if (payloadName === undefined || (payloadBytes && !plan && !payloadBytes.toString('utf8').includes(PLAN_PAYLOAD_FORMAT))) {
    checks.set('payload', result('payload', false, 'not_ours'));
    return finish();
  }
  const evidenceBytes = files.get(payloadName.replace(/\.json$/, '-signatures.json'));
  const evidence = evidenceBytes ? parseEvidence(evidenceBytes) : null;
  if (!payloadBytes || !plan || !evidence) {
    checks.set('payload', result('payload', false, 'payload_unreadable'));
    return finish();
  }
  const sha256 = createHash('sha256').update(payloadBytes).digest('hex');
  out.payload = { text: payloadBytes.toString('utf8'), sha256, plan };
  out.evidence = evidence;
  const named = evidence.planId === plan.planId && evidence.version === plan.version;
  if (!named || evidence.payloadSha256 !== sha256) {
    checks.set('payload', result('payload', false, 'payload_hash_mismatch'));
    return finish();
  }
  checks.set('payload', result('payload', true));

  // The team's signatures, each over the statement the signer's key signed.
  out.signatures = evidence.signatures.map((sig) => ({
    signature: sig,
    valid: signatureHolds(plan.planId, plan.version, sha256, plan, { ...sig, keyUserId: sig.signerUserId }),
  }));
  const allValid = out.signatures.every((s) => s.valid);
  checks.set('signatures', allValid ? result('signatures', true) : result('signatures', false, 'signature_invalid'));
  const needed = requiredSignatures(plan.attendance.map((a) => ({ attendanceId: a.attendanceId, userId: a.userId, status: a.status })));
  const missing = outstandingSignatures(
    needed,
    out.signatures.filter((s) => s.valid).map((s) => s.signature),
  );
  checks.set('complete', missing.length === 0 ? result('complete', true) : result('complete', false, 'signatures_missing'));
  return finish();
}
