import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { beforeAll, describe, expect, it } from 'vitest';
import { asciiFold, inspectP12 } from '../../electron/backend/pdf/seal.js';
import { assessedWorldForFile, lockedPlan, raw, type PlanView } from '../fixtures/plan-setup.js';
import { tool } from '../fixtures/pdf-tools.js';

/**
 * The seal on an exported plan (issue 7): a signed version leaves as a PDF signed with the
 * organisation's certificate, and Debian's `pdfsig` (poppler) checks it with no help from us. pdfsig
 * exits 0 whatever it finds, so its output is read. A draft is not sealed. The seal is made once
 * (at setup, or on the first signed export of an older store), kept in the encrypted store and
 * reused, and PDF/A-3b survives the signing.
 */
const ctx = assessedWorldForFile();
let out: string;
let locked: PlanView;

type Exported = { fileName: string; pdfBase64: string; pages: number; draft: boolean; sealed: boolean };

let n = 0;
async function exportTo(version: number, language = 'fi'): Promise<{ file: string; bytes: Buffer; r: Exported }> {
  const r = await ctx.b.value<Exported>('plans.exportPdf', { caseId: ctx.w.caseId, version, language, fullIdentityCode: false });
  const file = join(out, `${++n}-${r.fileName}`);
  const bytes = Buffer.from(r.pdfBase64, 'base64');
  writeFileSync(file, bytes);
  return { file, bytes, r };
}

const pdfsig = (file: string) => tool('pdfsig', [file]);

/** One signature, its validity line and whether it covers the whole file, as pdfsig reports them. */
function signatureReport(file: string): { count: number; valid: string | undefined; total: string | undefined; hash: string | undefined; dn: string | undefined } {
  const { stdout, stderr } = pdfsig(file);
  const text = `${stdout}\n${stderr}`;
  return {
    count: [...text.matchAll(/^Signature #\d+:$/gm)].length,
    valid: /Signature Validation: (.*)$/m.exec(text)?.[1]?.trim(),
    total: /^\s+- ((?:Not )?[Tt]otal document signed)$/m.exec(text)?.[1],
    hash: /Signing Hash Algorithm: (.*)$/m.exec(text)?.[1]?.trim(),
    dn: /Signer full Distinguished Name: (.*)$/m.exec(text)?.[1]?.trim(),
  };
}

/** The SHA-256 of the certificate inside the PDF's signature (its CMS blob in /Contents <…>). */
function certificateIn(bytes: Buffer): string {
  const m = /\/Contents\s*<([0-9a-fA-F]+)>/.exec(bytes.toString('latin1').slice(unsignedPrefix(bytes).length));
  const der = Buffer.from(m![1]!.replace(/(00)+$/, ''), 'hex');
  const msg = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')), false)) as forge.pkcs7.PkcsSignedData;
  const cert = msg.certificates[0]!;
  return createHash('sha256').update(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary')).digest('hex');
}

/** The signature's certificate as stored in the seal row. */
async function storedSeal(): Promise<{ fingerprint: string; count: number; p12: Buffer; passphrase: string }> {
  return raw(ctx, (db) => {
    const rows = db.prepare('SELECT fingerprint_sha256 AS fingerprint, p12, passphrase FROM seals').all() as { fingerprint: string; p12: Buffer; passphrase: string }[];
    return { fingerprint: rows[0]?.fingerprint ?? '', count: rows.length, p12: Buffer.from(rows[0]?.p12 ?? []), passphrase: rows[0]?.passphrase ?? '' };
  });
}

/** The original pdfkit output: everything up to its own %%EOF (the signature is an incremental update after it). */
const unsignedPrefix = (bytes: Buffer): Buffer => bytes.subarray(0, bytes.indexOf('%%EOF') + 5);

let sealed: { file: string; bytes: Buffer; r: Exported };

beforeAll(async () => {
  out = join(ctx.dir, 'out');
  mkdirSync(out);
  locked = await lockedPlan(ctx);
  sealed = await exportTo(1);
}, 120_000);

describe('a locked plan exported as a sealed PDF', () => {
  it('pdfsig: one SHA-256 signature, valid, covering the whole document, an ASCII DN', () => {
    expect(sealed.r).toMatchObject({ draft: false, sealed: true });
    const report = signatureReport(sealed.file);
    expect(report).toEqual({
      count: 1,
      valid: 'Signature is Valid.',
      total: 'Total document signed',
      hash: 'SHA-256',
      dn: 'CN=Kainuun hyvinvointialue,O=Kainuun hyvinvointialue,C=FI',
    });
  });

  it('one flipped byte inside the signed range: pdfsig reports a digest mismatch', () => {
    const bytes = Buffer.from(sealed.bytes);
    // A byte in the middle of pdfkit's own output (a content stream or font), well inside range one.
    const at = Math.floor(unsignedPrefix(bytes).length / 2);
    bytes[at] = bytes[at]! ^ 0x01;
    const file = join(out, 'flipped.pdf');
    writeFileSync(file, bytes);
    const report = signatureReport(file);
    expect(pdfsig(file).status).toBe(0); // pdfsig says so only in its output.
    expect(report.valid).toMatch(/Digest Mismatch/);
  });

  it('bytes appended after the signature: pdfsig reports it does not cover the whole document', () => {
    const file = join(out, 'appended.pdf');
    writeFileSync(file, Buffer.concat([sealed.bytes, Buffer.from('\n% appended later\n')]));
    const report = signatureReport(file);
    expect(report.total).toBe('Not total document signed');
  });

  it('stays PDF/A-3b: qpdf checks it clean, fonts, title, metadata and text as before signing', () => {
    const check = tool('qpdf', ['--check', '--warning-exit-0', sealed.file]);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/No syntax or stream encoding errors/);
    expect(tool('qpdf', ['--check', sealed.file]).status).toBe(0);

    const before = join(out, 'before-signing.pdf');
    writeFileSync(before, unsignedPrefix(sealed.bytes));
    expect(tool('pdffonts', [sealed.file]).stdout).toBe(tool('pdffonts', [before]).stdout);
    const info = (file: string) =>
      tool('pdfinfo', [file])
        .stdout.split('\n')
        .filter((l) => !/^(File size|Form|Producer):/.test(l));
    expect(info(sealed.file)).toEqual(info(before));
    expect(tool('pdfinfo', [sealed.file]).stdout).toMatch(/^Form:\s+AcroForm$/m);
    expect(tool('pdfinfo', ['-meta', sealed.file]).stdout).toBe(tool('pdfinfo', ['-meta', before]).stdout);
    expect(tool('pdftotext', [sealed.file, '-']).stdout).toBe(tool('pdftotext', [before, '-']).stdout);
  });

  it('pdfdetach still yields the exact signed payload', async () => {
    const saved = join(out, 'payload.json');
    expect(tool('pdfdetach', ['-savefile', `plan-${locked.caseNumber}-v1.json`, '-o', saved, sealed.file]).status).toBe(0);
    expect(createHash('sha256').update(readFileSync(saved)).digest('hex')).toBe(locked.payloadSha256);
  });
});

describe('the seal itself', () => {
  it('was made at setup, once, logged; its PKCS#12 opens with its stored passphrase and has the key', async () => {
    const seal = await storedSeal();
    expect(seal.count).toBe(1);
    const inspected = inspectP12(seal.p12, seal.passphrase);
    expect(inspected).toMatchObject({ ok: true, seal: { subject: 'CN=Kainuun hyvinvointialue, O=Kainuun hyvinvointialue, C=FI', fingerprintSha256: seal.fingerprint } });
    if (!inspected.ok) return;
    const years = (Date.parse(inspected.seal.notAfter) - Date.parse(inspected.seal.notBefore)) / (365.25 * 864e5);
    expect(years).toBeGreaterThan(9.99);
    expect(years).toBeLessThan(10.01);
    expect(inspectP12(seal.p12, 'not the passphrase')).toEqual({ ok: false, problem: 'seal_wrong_passphrase' });
    expect(inspectP12(Buffer.from('not a PKCS#12'), seal.passphrase)).toEqual({ ok: false, problem: 'seal_not_pkcs12' });
    const logged = await raw(ctx, (db) => db.prepare("SELECT basis, details FROM audit_events WHERE action = 'seal.create'").all() as { basis: string; details: string }[]);
    expect(logged).toHaveLength(1);
    expect(logged[0]!.basis).toBe('administration');
    expect(JSON.parse(logged[0]!.details)).toMatchObject({ fingerprintSha256: seal.fingerprint });
  });

  it('is reused: the same certificate in every export, also after the store is reopened', async () => {
    const first = await storedSeal(); // raw() reopens the store and signs in on a new backend.
    const again = await exportTo(1, 'sv');
    expect(signatureReport(again.file).valid).toBe('Signature is Valid.');
    const after = await storedSeal();
    expect(after).toEqual(first);
    // The certificate in both files is the stored one: its DER is inside the signature's CMS blob.
    for (const bytes of [sealed.bytes, again.bytes]) expect(certificateIn(bytes)).toBe(after.fingerprint);
  });

  it('a store made before the seal existed gets one on its first signed export, logged once', async () => {
    await raw(ctx, (db) => db.prepare('DELETE FROM seals').run());
    const e = await exportTo(1, 'en');
    expect(signatureReport(e.file).valid).toBe('Signature is Valid.');
    const seal = await storedSeal();
    expect(seal.count).toBe(1);
    expect(certificateIn(e.bytes)).toBe(seal.fingerprint);
    await exportTo(1, 'fi');
    expect((await storedSeal()).fingerprint).toBe(seal.fingerprint);
    const logged = await raw(ctx, (db) => db.prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'seal.create'").get() as { n: number });
    expect(logged.n).toBe(2);
  });

  it('folds the organisation name to ASCII for the DN', () => {
    expect(asciiFold('Keski-Suomen hyvinvointialue')).toBe('Keski-Suomen hyvinvointialue');
    expect(asciiFold('Ålands hälso- och sjukvård 🏥')).toBe('Alands halso- och sjukvard');
    expect(asciiFold('Länsi-Uudenmaan hyvinvointialue')).toBe('Lansi-Uudenmaan hyvinvointialue');
    expect(asciiFold('Øresund Straße')).toBe('Oresund Strasse');
    expect(asciiFold('🏥')).toBe('Tiimipoyta');
  });
});

describe('a draft', () => {
  it('is exported unsealed: pdfsig finds no signature', async () => {
    await ctx.b.value('plans.revise', { planId: locked.planId });
    const { file, r } = await exportTo(2);
    expect(r).toMatchObject({ draft: true, sealed: false });
    const { stdout, stderr } = pdfsig(file);
    expect(`${stdout}${stderr}`).toMatch(/does not contain any signatures/);
    expect(tool('pdfinfo', [file]).stdout).toMatch(/^Form:\s+none$/m);
  });
});
