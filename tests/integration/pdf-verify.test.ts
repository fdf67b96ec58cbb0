import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditForClient } from '../../db/audit.js';
import type { Output } from '../../shared/api/contract.js';
import { inspectPlanPdf } from '../../electron/backend/pdf/verify-pdf.js';
import { generateSeal, sealPdf } from '../../electron/backend/pdf/seal.js';
import { fontData } from '../../electron/backend/pdf/fonts.js';
import { SETUP, testBackend } from '../fixtures/backend.js';
import { requireBuiltCli, runCli } from '../fixtures/cli.js';
import { tool } from '../fixtures/pdf-tools.js';
import { assessedWorld, assessedWorldForFile, freeze, lockedPlan, must, raw, sign, writtenPlan, drawn, type Ctx, type PlanView } from '../fixtures/plan-setup.js';
import { PASSWORD, tempDir } from '../fixtures/tmp.js';

/**
 * Verifying a plan PDF (issue 7, item 5) on real exports of a real encrypted store: from the file
 * alone (`inspectPlanPdf`, `verify FILE` without --data) and against the store (`pdf.verify`,
 * `verify FILE --data DIR`). Each way a file can be wrong is named, and Debian's pdfsig agrees on
 * the three it can see (a flipped byte, appended bytes, a cut-off file).
 */
type Verification = Output<'pdf.verify'>;
type Exported = { fileName: string; pdfBase64: string; draft: boolean; sealed: boolean };

const ctx = assessedWorldForFile();
let out: string;
let locked: PlanView;
let v1: Buffer;

async function exportBytes(c: Ctx, version: number, language = 'fi'): Promise<Buffer> {
  const r = await c.b.value<Exported>('plans.exportPdf', { caseId: c.w.caseId, version, language, fullIdentityCode: false });
  return Buffer.from(r.pdfBase64, 'base64');
}

let n = 0;
function save(bytes: Buffer, name: string): string {
  const file = join(out, `${++n}-${name}`);
  writeFileSync(file, bytes);
  return file;
}

const verifyInStore = (c: Ctx, bytes: Buffer) => c.b.value<Verification>('pdf.verify', { pdfBase64: bytes.toString('base64') });
const failed = (r: { checks: { ok: boolean | null; check: string; problem: string | null }[] }) => r.checks.filter((c) => c.ok === false).map((c) => `${c.check}:${c.problem}`);
const pdfsig = (file: string) => {
  const { stdout, stderr } = tool('pdfsig', [file]);
  const text = `${stdout}\n${stderr}`;
  return { valid: /Signature Validation: (.*)$/m.exec(text)?.[1]?.trim(), total: /^\s+- ((?:Not )?[Tt]otal document signed)$/m.exec(text)?.[1] };
};

/** The original pdfkit output ends at its own %%EOF; the seal is an update after it. */
const unsignedEnd = (bytes: Buffer): number => bytes.indexOf('%%EOF') + 5;

/** A plain PDF made by pdfkit: a PDF, but not one of ours. */
function plainPdf(text: string): Promise<Buffer> {
  const doc = new PDFDocument({ font: null as unknown as string });
  doc.registerFont('r', fontData().regular);
  doc.font('r').text(text);
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.end();
  });
}

beforeAll(async () => {
  requireBuiltCli();
  out = join(ctx.dir, 'out');
  mkdirSync(out);
  locked = await lockedPlan(ctx);
  v1 = await exportBytes(ctx, 1);
}, 120_000);

describe('a sealed, signed plan PDF', () => {
  it('holds from the file alone: seal over the whole file, the signed payload, every team signature, complete', () => {
    const r = inspectPlanPdf(v1);
    expect(r.checks.map((c) => [c.check, c.ok])).toEqual([
      ['pdf', true],
      ['seal', true],
      ['coverage', true],
      ['payload', true],
      ['signatures', true],
      ['complete', true],
      ['store', null],
    ]);
    expect(r.payload!.sha256).toBe(locked.payloadSha256);
    expect(r.signatures.map((s) => [s.signature.kind, s.valid])).toEqual(locked.signatures.map((s) => [s.kind, true]));
    expect(r.seal!.subject).toContain('CN=Kainuun hyvinvointialue');
  });

  it('holds against its store, names the client by initials only, and is logged as an access to the client', async () => {
    const r = await verifyInStore(ctx, v1);
    expect(r.verdict).toBe('valid');
    expect(r.store).toMatchObject({ state: 'locked', latestVersion: 1, supersededBy: null, sealKnown: true });
    expect(r.plan).toMatchObject({ caseNumber: ctx.w.caseNumber, version: 1, payloadSha256: locked.payloadSha256, verificationCode: locked.payloadSha256!.slice(0, 12).match(/.{4}/g)!.join(' ') });
    const client = r.signatures.find((s) => s.kind === 'client_drawn')!;
    expect(client.name).toMatch(/^(\p{Lu}\.\s?)+$/u);
    expect(JSON.stringify(r)).not.toContain(locked.signatures.find((s) => s.kind === 'client_drawn')!.name);
    const entries = await raw(ctx, (db) => listAuditForClient(db, ctx.w.clientId));
    expect(entries.filter((e) => e.action === 'plan.verifyPdf')).toHaveLength(1);
  });

  it('the CLI says VALID and exits 0, without and with --data', async () => {
    const file = save(v1, 'valid.pdf');
    const alone = runCli(['verify', file]);
    expect(alone.status, alone.stderr).toBe(0);
    expect(alone.stdout.trim().split('\n').at(-1)).toBe('VALID: every check holds');
    expect(alone.stdout).toMatch(/^SKIP {2}store /m);
    ctx.b.backend.close();
    try {
      const withStore = runCli(['verify', file, '--data', ctx.dir], { WORKBENCH_PASSWORD: PASSWORD });
      expect(withStore.status, withStore.stderr).toBe(0);
      expect(withStore.stdout).toMatch(/^PASS {2}store /m);
    } finally {
      ctx.b = testBackend(ctx.dir);
      await ctx.b.value('session.signIn', { username: SETUP.adminUsername, password: PASSWORD });
    }
  });
});

describe('a damaged or foreign file is named for what it is', () => {
  it('one flipped byte: pdfsig "Digest Mismatch", ours "bytes_changed", the CLI exits 1 naming the seal', () => {
    const bad = Buffer.from(v1);
    const at = Math.floor(unsignedEnd(bad) / 2);
    bad[at] = bad[at]! ^ 0x01;
    const file = save(bad, 'flipped.pdf');
    expect(pdfsig(file).valid).toMatch(/Digest Mismatch/);
    expect(failed(inspectPlanPdf(bad))).toEqual(['seal:bytes_changed']);
    const cli = runCli(['verify', file]);
    expect(cli.status).toBe(1);
    expect(cli.stdout.trim().split('\n').at(-1)).toBe('INVALID: seal: bytes were changed after sealing (digest mismatch)');
  });

  it('bytes appended: pdfsig "Not total document signed", ours "appended", the CLI exits 1', () => {
    const bad = Buffer.concat([v1, Buffer.from('\n1 0 obj\n<< >>\nendobj\n%%EOF\n')]);
    const file = save(bad, 'appended.pdf');
    expect(pdfsig(file).total).toBe('Not total document signed');
    expect(failed(inspectPlanPdf(bad))).toEqual(['coverage:appended']);
    const cli = runCli(['verify', file]);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toMatch(/^INVALID: coverage: bytes were appended/m);
  });

  it('a file cut short, inside or after the signed bytes: "truncated", the CLI exits 1', () => {
    for (const cut of [v1.length - 200, Math.floor(v1.length / 2), 2000]) {
      const bad = v1.subarray(0, cut);
      expect(failed(inspectPlanPdf(bad))).toEqual(['pdf:truncated']);
      const cli = runCli(['verify', save(bad, `cut-${cut}.pdf`)]);
      expect(cli.status).toBe(1);
      expect(cli.stdout).toMatch(/^INVALID: pdf: the file is cut short/m);
    }
  });

  it('not a PDF; a plain PDF; a PDF sealed by someone else: each named, none valid', async () => {
    expect(failed(inspectPlanPdf(Buffer.from('Hei, tämä ei ole PDF 🙂')))).toEqual(['pdf:not_pdf']);
    const plain = await plainPdf('Työkyvyn tuen suunnitelma (ei oikea)');
    expect(failed(inspectPlanPdf(plain))).toEqual(['seal:unsigned', 'payload:not_ours']);
    const other = await sealPdf(plain, await generateSeal('Toinen organisaatio'), { reason: 'x', name: 'Toinen', location: 'Suomi' });
    const file = save(other, 'foreign.pdf');
    expect(pdfsig(file).valid).toBe('Signature is Valid.');
    const r = inspectPlanPdf(other);
    expect(failed(r)).toEqual(['payload:not_ours']);
    expect(r.seal!.subject).toContain('Toinen organisaatio');
    const cli = runCli(['verify', file]);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toMatch(/^INVALID: payload: not a Tiimipöytä plan/m);
    const notFound = runCli(['verify', join(out, 'missing.pdf')]);
    expect(notFound.status).toBe(2);
    expect(notFound.stderr).toMatch(/No such file/);
    // The channel answers the same, and logs the attempt without a client.
    expect((await verifyInStore(ctx, other)).verdict).toBe('invalid');
  });

  it('the attached plan changed and re-sealed with another certificate: the payload no longer matches what was signed; the store does not know the seal', async () => {
    // The forgery: the unsealed original with the evidence file's signed hash changed, sealed anew.
    const text = v1.subarray(0, unsignedEnd(v1));
    const resealed = await sealPdf(await swapEvidenceHash(text), await generateSeal('Kainuun hyvinvointialue'), { reason: 'x', name: 'x', location: 'x' });
    const r = inspectPlanPdf(resealed);
    expect(failed(r)).toEqual(['payload:payload_hash_mismatch']);
    const inStore = await verifyInStore(ctx, resealed);
    expect(inStore.verdict).toBe('invalid');
    expect(failed(inStore)).toEqual(['payload:payload_hash_mismatch', 'store:seal_unknown']);
  });
});

/**
 * The evidence attachment rewritten: the first candidate text that recompresses to the stream's
 * own length, so every offset and the xref table still hold and the file can be sealed again.
 */
async function rewriteEvidence(pdf: Buffer, candidates: (json: string) => Iterable<string>): Promise<Buffer> {
  const { inflateSync, deflateSync } = await import('node:zlib');
  const text = pdf.toString('latin1');
  const ref = /\/F \((plan-[^)]+-signatures\.json)\)[\s\S]*?\/EF\s*<<\s*\/F (\d+) 0 R/.exec(text)![2];
  const at = text.search(new RegExp(`\\n${ref} 0 obj`));
  const streamAt = text.indexOf('stream', at) + 'stream\n'.length;
  const length = Number(/\/Length (\d+)/.exec(text.slice(at, streamAt))![1]);
  const json = inflateSync(pdf.subarray(streamAt, streamAt + length)).toString('utf8');
  for (const candidate of candidates(json)) {
    for (const level of [6, 9, 5, 7, 8]) {
      const packed = deflateSync(Buffer.from(candidate, 'utf8'), { level });
      if (packed.length === length) return Buffer.concat([pdf.subarray(0, streamAt), packed, pdf.subarray(streamAt + length)]);
    }
  }
  throw new Error('no same-length forgery found');
}

/** Every way of changing one hex digit of `hex` inside `json`. */
function* oneDigitOff(json: string, hex: string): Iterable<string> {
  for (let at = hex.length - 1; at >= 0; at--) {
    for (const digit of '0123456789abcdef') if (digit !== hex[at]) yield json.replace(hex, hex.slice(0, at) + digit + hex.slice(at + 1));
  }
}

const swapEvidenceHash = (pdf: Buffer) => rewriteEvidence(pdf, (json) => oneDigitOff(json, (JSON.parse(json) as { payloadSha256: string }).payloadSha256));

describe('a team signature changed', () => {
  it('one character of a signature value changed in the evidence: "signature_invalid", that signature named invalid', async () => {
    const text = v1.subarray(0, unsignedEnd(v1));
    const forged = await rewriteEvidence(text, function* (json) {
      const sig = (JSON.parse(json) as { signatures: { name: string; signature: string }[] }).signatures.find((x) => x.name === 'Pekka Pitkänen')!.signature;
      for (let at = 0; at < 80; at++) {
        for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') if (c !== sig[at]) yield json.replace(sig, sig.slice(0, at) + c + sig.slice(at + 1));
      }
    });
    const r = inspectPlanPdf(await sealPdf(forged, await generateSeal('Kainuun hyvinvointialue'), { reason: 'x', name: 'x', location: 'x' }));
    expect(failed(r)).toEqual(['signatures:signature_invalid', 'complete:signatures_missing']);
    expect(r.signatures.filter((x) => !x.valid).map((x) => x.signature.name)).toEqual(['Pekka Pitkänen']);
  });
});

describe('against the store', () => {
  it('a version still being signed: complete fails ("signatures_missing"); another store\'s seal is unknown here', async () => {
    const other = {} as Ctx;
    const t = tempDir();
    other.dir = t.dir;
    other.b = testBackend(t.dir);
    try {
      other.w = await assessedWorld(other.b);
      const frozen = await must(freeze(other, await writtenPlan(other.b, other.w)));
      await must(sign(other, frozen, 'Aino Ahonen', 'aino'));
      const bytes = await exportBytes(other, 1);
      expect(failed(inspectPlanPdf(bytes))).toEqual(['complete:signatures_missing']);
      // Another store's seal: this store does not know it.
      const r = await verifyInStore(ctx, bytes);
      expect(failed(r)).toEqual(['complete:signatures_missing', 'store:seal_unknown']);
      expect(r.store).toMatchObject({ sealKnown: false });
    } finally {
      other.b.backend.close();
      t.cleanup();
    }
  }, 120_000);

  it('a signed revision supersedes version 1: verdict "superseded" naming version 2; the CLI exits 3', async () => {
    const v2draft = await ctx.b.value<PlanView>('plans.revise', { planId: locked.planId });
    // While the revision is drafted, version 1 is still the plan in force.
    expect((await verifyInStore(ctx, v1)).verdict).toBe('valid');
    const frozen = await must(freeze(ctx, v2draft));
    await must(sign(ctx, frozen, 'Aino Ahonen', 'aino'));
    await must(sign(ctx, frozen, 'Pekka Pitkänen', 'pekka'));
    await must(sign(ctx, frozen, 'Eero Eskola', 'eero'));
    await must(drawn(ctx, frozen));
    const r = await verifyInStore(ctx, v1);
    expect(r.verdict).toBe('superseded');
    expect(r.store).toMatchObject({ state: 'superseded', latestVersion: 2, supersededBy: 2 });
    expect(failed(r)).toEqual(['store:superseded']);
    expect((await verifyInStore(ctx, await exportBytes(ctx, 2))).verdict).toBe('valid');
    const file = save(v1, 'superseded.pdf');
    ctx.b.backend.close();
    try {
      const cli = runCli(['verify', file, '--data', ctx.dir], { WORKBENCH_PASSWORD: PASSWORD });
      expect(cli.status, cli.stderr).toBe(3);
      expect(cli.stdout.trim().split('\n').at(-1)).toMatch(/^SUPERSEDED: genuine, but version 2 replaced it on 20\d\d-/);
      // Without the store, the file is still whole and signed: valid.
      expect(runCli(['verify', file]).status).toBe(0);
    } finally {
      ctx.b = testBackend(ctx.dir);
      await ctx.b.value('session.signIn', { username: SETUP.adminUsername, password: PASSWORD });
    }
  }, 60_000);

  it('a signature row whose key is not the signer\'s in this store: "key_unknown"', async () => {
    // Behind the program's back: the signer's key is replaced in the store (as if another store's key had signed).
    const bytes = await exportBytes(ctx, 2);
    await raw(ctx, (db) => db.prepare("UPDATE user_keys SET public_key = 'MCowBQYDK2VwAyEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' WHERE user_id = (SELECT id FROM users WHERE username = 'pekka')").run());
    const r = await verifyInStore(ctx, bytes);
    expect(failed(r)).toEqual(['store:key_unknown']);
  });
});
