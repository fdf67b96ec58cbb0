/**
 * The organisation's seal (issue 7): a certificate and its private key as a PKCS#12, and the PDF
 * signature made with it (`@signpdf`: placeholder-plain, signer-p12, SHA-256, adbe.pkcs7.detached)
 * covering the whole document, so anyone can check an exported plan with standard tools (`pdfsig`,
 * Acrobat) and without this app.
 *
 * By default the seal is self-signed: RSA-2048 (what signer-p12 and poppler handle everywhere),
 * SHA-256, valid ten years. The key pair is made by Node's native crypto (fast, off the main
 * thread) and handed to node-forge for the certificate and the PKCS#12. The certificate's DN is
 * ASCII only (STACK.md: non-ASCII names broke signature validation): the organisation's name is
 * folded to ASCII there; its full name is in the document itself.
 *
 * Nothing here touches the store: the PKCS#12 and its random passphrase are kept in the encrypted
 * store (db/repositories/seal.ts), so the database key protects them.
 */
import { createHash, generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import forge from 'node-forge';
import type { SealRecord } from '../../../db/repositories/seal.js';

/** A seal's PKCS#12, its passphrase and what its certificate says: the part of a stored seal made here. */
export type SealMaterial = Pick<SealRecord, 'p12' | 'passphrase' | 'subject' | 'fingerprintSha256' | 'notBefore' | 'notAfter'>;

export const SEAL_VALIDITY_YEARS = 10;

/** Room for the CMS signature (certificate chain included) in the placeholder: 16 KiB of DER. */
const SIGNATURE_LENGTH = 16_384;

/** "Keski-Suomen hyvinvointialue" stays, "Pohjois-Pohjanmaan hyvinvointialue" too; "Åland" → "Aland", "ß" → "ss". */
export function asciiFold(text: string): string {
  const folded = text
    .replace(/ß/g, 'ss')
    .replace(/[Ææ]/g, (c) => (c === 'Æ' ? 'AE' : 'ae'))
    .replace(/[Øø]/g, (c) => (c === 'Ø' ? 'O' : 'o'))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    // Printable ASCII only; anything else (emoji, other scripts) goes, and runs of space become one.
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  // X.520 caps a CN at 64 characters.
  return (folded || 'Tiimipoyta').slice(0, 64).trim();
}

const derOf = (cert: forge.pki.Certificate): Buffer => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');

/** "CN=…, O=…, C=FI": the certificate's names most specific first, as RFC 4514 (and pdfsig) write them. */
export function subjectOf(cert: forge.pki.Certificate): string {
  // Values escaped as RFC 4514 says (a comma in the organisation's name must not read as a new attribute).
  const escape = (v: string) => v.replace(/[,+"\\<>;]/g, (c) => `\\${c}`).replace(/^[ #]|[ ]$/g, (c) => `\\${c}`);
  return [...cert.subject.attributes].reverse().map((a) => `${a.shortName ?? a.name ?? a.type}=${escape(String(a.value))}`).join(', ');
}

function describe(cert: forge.pki.Certificate): Omit<SealMaterial, 'p12' | 'passphrase'> {
  return {
    subject: subjectOf(cert),
    fingerprintSha256: createHash('sha256').update(derOf(cert)).digest('hex'),
    notBefore: cert.validity.notBefore.toISOString(),
    notAfter: cert.validity.notAfter.toISOString(),
  };
}

/** A new self-signed seal for the organisation. */
export async function generateSeal(organisationName: string, now = new Date()): Promise<SealMaterial> {
  const { privateKey, publicKey } = await promisify(generateKeyPair)('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const key = forge.pki.privateKeyFromPem(privateKey);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  // A positive 16-byte serial (the top bit clear: DER integers are signed).
  const serial = randomBytes(16);
  serial[0]! &= 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  const until = new Date(now);
  until.setUTCFullYear(until.getUTCFullYear() + SEAL_VALIDITY_YEARS);
  cert.validity.notAfter = until;
  const name = asciiFold(organisationName);
  const dn = [
    { name: 'countryName', value: 'FI' },
    { name: 'organizationName', value: name },
    { name: 'commonName', value: name },
  ];
  cert.setSubject(dn);
  cert.setIssuer(dn);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', critical: true, digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const passphrase = randomBytes(32).toString('base64url');
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, { algorithm: 'aes256', friendlyName: name });
  return { p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), passphrase, ...describe(cert) };
}

export type SealProblem = 'seal_not_pkcs12' | 'seal_wrong_passphrase' | 'seal_no_key' | 'seal_key_mismatch' | 'seal_unsupported_key' | 'seal_expired';

/**
 * Opens a PKCS#12 as signer-p12 will: the passphrase must open it, and it must hold a private key
 * and the certificate of that key. The key must be RSA (signer-p12 and node-forge sign with RSA
 * only; an ECDSA key is refused by name), and the certificate valid at `now`. Returns what the
 * administrator is shown, or the problem.
 */
export function inspectP12(
  p12: Buffer,
  passphrase: string,
  now = new Date(),
): { ok: true; seal: Omit<SealMaterial, 'p12' | 'passphrase'>; normalised: Buffer } | { ok: false; problem: SealProblem } {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')));
  } catch {
    return { ok: false, problem: 'seal_not_pkcs12' };
  }
  let p: forge.pkcs12.Pkcs12Pfx;
  try {
    p = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // forge says "PKCS#12 MAC could not be verified. Invalid password?" (or fails to decrypt a bag).
    if (/password|MAC|decrypt|pad/i.test(message)) return { ok: false, problem: 'seal_wrong_passphrase' };
    return { ok: false, problem: 'seal_not_pkcs12' };
  }
  const keyBags = [
    ...(p.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []),
    ...(p.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ];
  const key = keyBags.find((b) => b.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  // forge keeps a key it cannot read (EC, Ed25519) as bare ASN.1 with no key: there is one, of another kind.
  if (!key) return { ok: false, problem: keyBags.length > 0 ? 'seal_unsupported_key' : 'seal_no_key' };
  const certs = (p.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? []).flatMap((b) => (b.cert ? [b.cert] : []));
  // The certificate of this key (signer-p12 looks for it the same way: the modulus matches).
  const own = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n !== undefined && key.n !== undefined && pub.n.compareTo(key.n) === 0;
  });
  if (!own) return { ok: false, problem: certs.length === 0 ? 'seal_no_key' : 'seal_key_mismatch' };
  if (own.validity.notBefore.getTime() > now.getTime() || own.validity.notAfter.getTime() < now.getTime()) return { ok: false, problem: 'seal_expired' };
  // Written again as signer-p12 reads it: the key in an encrypted (shrouded) bag, its certificate
  // first and the rest of the chain after it. A file whose key is stored unencrypted (`-keypbe NONE`)
  // or in an older cipher would otherwise be accepted here and then fail every signed export.
  const chain = [own, ...certs.filter((c) => c !== own)];
  const normalised = forge.pkcs12.toPkcs12Asn1(key, chain, passphrase, { algorithm: 'aes256' });
  return { ok: true, seal: describe(own), normalised: Buffer.from(forge.asn1.toDer(normalised).getBytes(), 'binary') };
}

export interface SealText {
  /** Why it was signed, e.g. "Tiimipöytä: työkyvyn tuen suunnitelma". */
  reason: string;
  /** The signer's name: the organisation. */
  name: string;
  location: string;
  contactInfo?: string;
}

/**
 * placeholder-plain's `startxref` points at the newline before its `xref` keyword; readers cope,
 * but qpdf warns ("extraneous whitespace seen before xref") and exits 3 without
 * `--warning-exit-0`. The offset is moved onto the keyword before signing (the byte range is only
 * fixed by the signing that follows).
 */
export function pointStartxrefAtXref(pdf: Buffer): Buffer {
  const tail = pdf.subarray(Math.max(0, pdf.length - 64)).toString('latin1');
  const m = /startxref\n(\d+)\n%%EOF$/.exec(tail);
  if (!m) return pdf;
  const at = Number(m[1]);
  if (pdf.subarray(at, at + 4).toString('latin1') === 'xref') return pdf;
  if (pdf.subarray(at, at + 5).toString('latin1') !== '\nxref') return pdf;
  const head = pdf.subarray(0, pdf.length - tail.length + m.index);
  return Buffer.concat([head, Buffer.from(`startxref\n${at + 1}\n%%EOF`, 'latin1')]);
}

/**
 * Signs a finished PDF with the seal: an incremental update with the signature field and its
 * placeholder (placeholder-plain reads pdfkit's classic xref table), then the CMS signature over
 * every byte but the placeholder itself.
 */
export async function sealPdf(pdf: Buffer, seal: Pick<SealMaterial, 'p12' | 'passphrase'>, text: SealText, signingTime = new Date()): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: text.reason,
    contactInfo: text.contactInfo ?? '',
    name: text.name,
    location: text.location,
    signingTime,
    signatureLength: SIGNATURE_LENGTH,
    appName: 'Tiimipoyta',
  });
  return new SignPdf().sign(pointStartxrefAtXref(withPlaceholder), new P12Signer(seal.p12, { passphrase: seal.passphrase }), signingTime);
}
