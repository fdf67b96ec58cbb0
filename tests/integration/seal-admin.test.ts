import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEAL_P12_MAX_BYTES, type PdfVerification, type SealInfo } from '../../shared/api/contract-plans.js';
import { assessedWorldForFile, lockedPlan, passwordOf, raw } from '../fixtures/plan-setup.js';
import { tool } from '../fixtures/pdf-tools.js';
import { certificate, certsOnlyP12, fingerprintOf, hasOpenssl, mismatchedP12, opensslEcP12, opensslPlainKeyP12, opensslRsaP12, pkcs12, rsaKeyPair, rsaP12, type Made } from '../fixtures/p12.js';
import { PASSWORD } from '../fixtures/tmp.js';

/**
 * The administrator's seal (issue 7, item 4) on a real encrypted store: the seal made at setup is
 * shown; a county's PKCS#12 replaces it only if signer-p12 can sign with it (every refusal leaves
 * the store as it was); the old seal is retired, not deleted, so a PDF sealed before the import
 * still verifies against this store, and PDFs exported after it carry the imported certificate,
 * as Debian's `pdfsig` (poppler) reads it without our help. Only administrators see or change it.
 */
const ctx = assessedWorldForFile();
let out: string;

type Info = { current: SealInfo | null; earlier: SealInfo[] };
type Exported = { fileName: string; pdfBase64: string; draft: boolean; sealed: boolean };

const info = () => ctx.b.value<Info>('admin.sealInfo', {});
const importSeal = (p12: Buffer, passphrase: string) => ctx.b.call('admin.importSeal', { p12Base64: p12.toString('base64'), passphrase });
const importCode = async (p12: Buffer, passphrase: string) => {
  const r = await importSeal(p12, passphrase);
  return r.ok ? 'ok' : r.error.code;
};

let n = 0;
async function exportPlan(language = 'fi'): Promise<{ file: string; bytes: Buffer }> {
  const r = await ctx.b.value<Exported>('plans.exportPdf', { caseId: ctx.w.caseId, version: 1, language, fullIdentityCode: false });
  expect(r.sealed).toBe(true);
  const file = join(out, `${++n}-${r.fileName}`);
  const bytes = Buffer.from(r.pdfBase64, 'base64');
  writeFileSync(file, bytes);
  return { file, bytes };
}

/** pdfsig's word on the one signature: its validity line and the signer's DN (pdfsig exits 0 whatever it finds). */
function pdfsig(file: string): { count: number; valid: string | undefined; dn: string | undefined; cn: string | undefined } {
  const { stdout, stderr } = tool('pdfsig', [file]);
  const text = `${stdout}\n${stderr}`;
  return {
    count: [...text.matchAll(/^Signature #\d+:$/gm)].length,
    valid: /Signature Validation: (.*)$/m.exec(text)?.[1]?.trim(),
    dn: /Signer full Distinguished Name: (.*)$/m.exec(text)?.[1]?.trim(),
    cn: /Signer Certificate Common Name: (.*)$/m.exec(text)?.[1]?.trim(),
  };
}

const verify = (bytes: Buffer) => ctx.b.value<PdfVerification>('pdf.verify', { pdfBase64: bytes.toString('base64') });
const storeCheck = (v: PdfVerification) => v.checks.find((c) => c.check === 'store');

const sealRows = () => raw(ctx, (db) => db.prepare('SELECT id, fingerprint_sha256 AS fingerprint, source, retired_at AS retiredAt FROM seals ORDER BY rowid').all() as { id: string; fingerprint: string; source: string; retiredAt: string | null }[]);
const importsLogged = () =>
  raw(ctx, (db) => (db.prepare("SELECT actor_id AS actor, basis, entity, details FROM audit_events WHERE action = 'seal.import' ORDER BY seq").all() as { actor: string; basis: string; entity: string; details: string }[]).map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> })));

/** Signs in as someone else (the backend is one window: lock, then sign in). */
async function signInAs(username: string, password: string): Promise<void> {
  await ctx.b.value('session.lock');
  await ctx.b.value('session.signIn', { username, password });
}

let generated: SealInfo;
let beforeImport: { file: string; bytes: Buffer };
const county = () => rsaP12({ cn: 'Kainuun hyvinvointialue sahkoinen sinetti', o: 'Kainuun hyvinvointialue', passphrase: 'Kajaanin tunnuslause 2026' });
let imported: Made;

beforeAll(async () => {
  out = join(ctx.dir, 'out');
  mkdirSync(out);
  await lockedPlan(ctx);
  beforeImport = await exportPlan();
  imported = county();
}, 120_000);

describe('the seal made at setup', () => {
  it('is shown to the administrator: generated, the organisation in its ASCII DN, valid ten years, by the first administrator', async () => {
    const r = await info();
    expect(r.earlier).toEqual([]);
    expect(r.current).toMatchObject({ source: 'generated', subject: 'CN=Kainuun hyvinvointialue, O=Kainuun hyvinvointialue, C=FI', createdByName: 'Aino Ahonen', retiredAt: null });
    generated = r.current!;
    expect(generated.fingerprintSha256).toMatch(/^[0-9a-f]{64}$/);
    const years = (Date.parse(generated.notAfter) - Date.parse(generated.notBefore)) / (365.25 * 864e5);
    expect(Math.round(years)).toBe(10);
    // The PDF exported before any import carries it.
    expect(pdfsig(beforeImport.file)).toMatchObject({ count: 1, valid: 'Signature is Valid.', cn: 'Kainuun hyvinvointialue' });
    expect((await verify(beforeImport.bytes)).seal?.fingerprintSha256).toBe(generated.fingerprintSha256);
  });
});

/* The openssl-made cases are skipped where /usr/bin/openssl is absent: forge cannot write an EC key or OpenSSL's defaults. */
describe('a PKCS#12 the seal cannot use is refused, and nothing changes', () => {
  let rowsBefore: Awaited<ReturnType<typeof sealRows>>;
  beforeAll(async () => {
    rowsBefore = await sealRows();
  });

  const unchanged = async () => {
    expect(await info()).toEqual({ current: generated, earlier: [] });
  };

  it('the wrong passphrase: seal_wrong_passphrase', async () => {
    expect(await importCode(imported.p12, 'väärä tunnuslause')).toBe('seal_wrong_passphrase');
    expect(await importCode(imported.p12, '')).toBe('seal_wrong_passphrase');
    await unchanged();
  });

  it('not a PKCS#12 (random bytes, a PEM certificate, a PDF): seal_not_pkcs12', async () => {
    expect(await importCode(randomBytes(4096), imported.passphrase)).toBe('seal_not_pkcs12');
    const keys = rsaKeyPair();
    const pem = forge.pki.certificateToPem(certificate(keys.publicKey, keys.privateKey, { cn: 'PEM' }));
    expect(await importCode(Buffer.from(pem), imported.passphrase)).toBe('seal_not_pkcs12');
    expect(await importCode(beforeImport.bytes.subarray(0, 64 * 1024), imported.passphrase)).toBe('seal_not_pkcs12');
    await unchanged();
  });

  it("a key with another key's certificate: seal_key_mismatch", async () => {
    expect(await importCode(mismatchedP12('tunnuslause'), 'tunnuslause')).toBe('seal_key_mismatch');
    await unchanged();
  });

  it('certificates without their key: seal_no_key', async () => {
    expect(await importCode(certsOnlyP12('tunnuslause'), 'tunnuslause')).toBe('seal_no_key');
    await unchanged();
  });

  it('a certificate no longer valid, or not yet valid: seal_expired', async () => {
    const expired = rsaP12({ cn: 'Vanhentunut sinetti', fromDays: -3 * 365, toDays: -1 });
    expect(await importCode(expired.p12, expired.passphrase)).toBe('seal_expired');
    const early = rsaP12({ cn: 'Tuleva sinetti', fromDays: 7, toDays: 365 });
    expect(await importCode(early.p12, early.passphrase)).toBe('seal_expired');
    await unchanged();
  });

  it.skipIf(!hasOpenssl)('an EC (P-256) key from openssl: seal_unsupported_key', async () => {
    const ec = opensslEcP12('tunnuslause');
    expect(await importCode(ec, 'tunnuslause')).toBe('seal_unsupported_key');
    // The passphrase is checked first: a wrong one says so, not "unsupported".
    expect(await importCode(ec, 'väärä')).toBe('seal_wrong_passphrase');
    await unchanged();
  });

  it('a file over the size limit is refused by the contract before it is opened', async () => {
    expect(await importCode(Buffer.concat([imported.p12, randomBytes(SEAL_P12_MAX_BYTES)]), imported.passphrase)).toBe('invalid_input');
    expect(await importCode(Buffer.alloc(0), imported.passphrase)).toBe('invalid_input');
    await unchanged();
  });

  it('no row was added or retired, and no import was logged', async () => {
    expect(await sealRows()).toEqual(rowsBefore);
    expect(await importsLogged()).toEqual([]);
  });
});

describe('only an administrator', () => {
  it('a team member and a read-only user get forbidden for both channels, and change nothing', async () => {
    for (const username of ['pekka', 'rita']) {
      await signInAs(username, passwordOf(username));
      // Users made by the administrator choose their own password first.
      await ctx.b.value('session.changePassword', { currentPassword: passwordOf(username), newPassword: `${username} own password 2026` });
      expect(await ctx.b.code('admin.sealInfo', {})).toBe('forbidden');
      expect(await importCode(imported.p12, imported.passphrase)).toBe('forbidden');
    }
    await signInAs('aino', PASSWORD);
    expect(await info()).toEqual({ current: generated, earlier: [] });
  });
});

describe("the county's PKCS#12 imported", () => {
  let answer: SealInfo;
  let after: { file: string; bytes: Buffer };

  beforeAll(async () => {
    const r = await importSeal(imported.p12, imported.passphrase);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    answer = r.value as SealInfo;
    after = await exportPlan('sv');
  }, 60_000);

  it('is the current seal, imported; the generated one is among the earlier, retired', async () => {
    expect(answer).toMatchObject({ source: 'imported', subject: imported.subject, fingerprintSha256: imported.fingerprintSha256, createdByName: 'Aino Ahonen', retiredAt: null });
    const r = await info();
    expect(r.current).toEqual(answer);
    expect(r.earlier).toHaveLength(1);
    expect(r.earlier[0]).toEqual({ ...generated, retiredAt: answer.createdAt });
    expect(Date.parse(r.earlier[0]!.retiredAt!)).not.toBeNaN();
  });

  it('is logged as seal.import with its subject and fingerprint, and the one it replaced; the log chain holds', async () => {
    const logged = await importsLogged();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ actor: ctx.w.ids.aino, basis: 'administration', entity: `seal:${answer.id}` });
    expect(logged[0]!.details).toMatchObject({ subject: imported.subject, fingerprintSha256: imported.fingerprintSha256, replaced: generated.fingerprintSha256 });
    // Neither the PKCS#12 nor its passphrase is in the log.
    expect(JSON.stringify(logged)).not.toContain(imported.passphrase);
    expect((await ctx.b.value<{ ok: boolean }>('audit.verify', {})).ok).toBe(true);
  });

  it('a plan exported afterwards is sealed with it: pdfsig says valid and names its CN', () => {
    const report = pdfsig(after.file);
    expect(report).toMatchObject({ count: 1, valid: 'Signature is Valid.', cn: 'Kainuun hyvinvointialue sahkoinen sinetti' });
    expect(report.dn).toBe('CN=Kainuun hyvinvointialue sahkoinen sinetti,O=Kainuun hyvinvointialue,C=FI');
  });

  it('pdf.verify: the new PDF names the imported certificate, which the store knows', async () => {
    const v = await verify(after.bytes);
    expect(v.verdict).toBe('valid');
    expect(v.seal).toMatchObject({ subject: imported.subject, fingerprintSha256: imported.fingerprintSha256 });
    expect(storeCheck(v)).toEqual({ check: 'store', ok: true, problem: null });
    expect(v.store?.sealKnown).toBe(true);
  });

  it('pdf.verify: a PDF sealed before the import still verifies (the retired seal is still known)', async () => {
    const v = await verify(beforeImport.bytes);
    expect(v.verdict).toBe('valid');
    expect(v.seal?.fingerprintSha256).toBe(generated.fingerprintSha256);
    expect(storeCheck(v)).toEqual({ check: 'store', ok: true, problem: null });
    expect(v.store?.sealKnown).toBe(true);
    expect(pdfsig(beforeImport.file)).toMatchObject({ valid: 'Signature is Valid.', cn: 'Kainuun hyvinvointialue' });
  });

  it('the stored rows: one current (imported), the generated one retired at the import', async () => {
    const rows = await sealRows();
    expect(rows.map((r) => [r.source, r.fingerprint, r.retiredAt])).toEqual([
      ['generated', generated.fingerprintSha256, answer.createdAt],
      ['imported', imported.fingerprintSha256, null],
    ]);
  });
});

describe('later imports', () => {
  it('a certificate issued by a CA, with the chain in the file: signs and verifies; earlier seals newest first', async () => {
    const ca = rsaKeyPair();
    const caCert = certificate(ca.publicKey, ca.privateKey, { cn: 'Kainuu Test CA', ca: true });
    const leafKeys = rsaKeyPair();
    const leaf = certificate(leafKeys.publicKey, leafKeys.privateKey, { cn: 'Kainuun hyvinvointialue CA-sinetti', issuer: { key: ca.privateKey, cert: caCert } });
    // The CA certificate first: the seal is the one matching the key, wherever it sits.
    const r = await importSeal(pkcs12(leafKeys.privateKey, [caCert, leaf], 'ketjun tunnuslause'), 'ketjun tunnuslause');
    expect(r.ok).toBe(true);
    const fingerprint = fingerprintOf(leaf);
    const now = await info();
    expect(now.current).toMatchObject({ source: 'imported', fingerprintSha256: fingerprint, subject: 'CN=Kainuun hyvinvointialue CA-sinetti, O=Kainuun hyvinvointialue, C=FI' });
    expect(now.earlier.map((s) => s.fingerprintSha256)).toEqual([imported.fingerprintSha256, generated.fingerprintSha256]);
    expect(now.earlier.every((s) => s.retiredAt !== null)).toBe(true);

    const e = await exportPlan('en');
    expect(pdfsig(e.file)).toMatchObject({ count: 1, valid: 'Signature is Valid.', cn: 'Kainuun hyvinvointialue CA-sinetti' });
    const v = await verify(e.bytes);
    expect(v.seal?.fingerprintSha256).toBe(fingerprint);
    expect(v.store?.sealKnown).toBe(true);
    expect(v.verdict).toBe('valid');
  });

  it.skipIf(!hasOpenssl)("a PKCS#12 as OpenSSL 3 writes it by default (AES-256, SHA-256 MAC) is taken and signs", async () => {
    const made = opensslRsaP12('Kainuun hyvinvointialue OpenSSL-sinetti');
    const r = await importSeal(made.p12, made.passphrase);
    expect(r.ok).toBe(true);
    expect((await info()).current).toMatchObject({ source: 'imported', fingerprintSha256: made.fingerprintSha256, subject: made.subject });
    const e = await exportPlan();
    expect(pdfsig(e.file)).toMatchObject({ valid: 'Signature is Valid.', cn: 'Kainuun hyvinvointialue OpenSSL-sinetti' });
    expect((await verify(e.bytes)).store?.sealKnown).toBe(true);
    // Every seal this store ever had still verifies its own PDFs.
    expect((await verify(beforeImport.bytes)).store?.sealKnown).toBe(true);
    expect((await importsLogged()).length).toBe(3);
  });
});

/**
 * A key stored unencrypted (`openssl pkcs12 -export -keypbe NONE`) is what signer-p12 cannot read;
 * the import writes the PKCS#12 again with the key in an encrypted bag, so it signs like any other.
 */
describe('a PKCS#12 whose key is not encrypted', () => {
  it.skipIf(!hasOpenssl)('is taken and signs exports (re-written with the key encrypted)', async () => {
    const r = await importSeal(opensslPlainKeyP12('Plain key seal', 'tunnuslause'), 'tunnuslause');
    expect(r).toMatchObject({ ok: true });
    const exported = await ctx.b.call('plans.exportPdf', { caseId: ctx.w.caseId, version: 1, language: 'fi', fullIdentityCode: false });
    expect(exported).toMatchObject({ ok: true });
  });
});
