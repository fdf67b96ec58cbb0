/**
 * The case file: one case carried to a colleague's machine, encrypted under a passphrase the two
 * agree on outside the file.
 *
 * Format (UTF-8 JSON; the contract carries the bytes as base64, the file is saved as `.tpcase`):
 *
 *   {
 *     "format": "tiimipoyta-case",   // anything else: not_a_case_file
 *     "version": 1,                  // of this container; > 1: case_file_newer
 *     "schemaVersion": 70,           // the exporting store's migration level; > ours: case_file_newer
 *     "exportedAt": "2026-…Z",
 *     "sealed": { kdf: { name: "scrypt", N, r, p, salt }, iv, tag, ciphertext }   // db/seal.ts
 *   }
 *
 * The sealed plaintext is the JSON payload described by shared/domain/case-file-schema.ts: the
 * client (with the identity code), the case (number, status, outcome, dates, bring note, proposed
 * meeting), the referral, the client's consents, the background sections, the client's own view and
 * who exported it. scrypt (DEFAULT_KDF, a fresh salt per file) derives the key; AES-256-GCM seals
 * it with associated data that repeats the four header fields, so editing any of them, or one bit of
 * the ciphertext, fails authentication. GCM cannot tell a wrong passphrase from a changed file, so
 * both are reported as wrong_passphrase ("wrong passphrase or changed file").
 *
 * The version checks come before decryption so that a file from a newer app says so, rather than
 * looking like a wrong passphrase. Users' ids are not exported: the people of one store mean
 * nothing in another, so only the exporter's name and profession travel.
 */
import { AppError } from '../shared/api/errors.js';
import { isSealed, seal, unseal, type KdfParams, type Sealed } from './seal.js';

export const CASE_FILE_FORMAT = 'tiimipoyta-case';
export const CASE_FILE_VERSION = 1;
export const CASE_FILE_EXTENSION = '.tpcase';

export interface CaseFileHeader {
  format: typeof CASE_FILE_FORMAT;
  version: number;
  schemaVersion: number;
  exportedAt: string;
}

export interface CaseFileContainer extends CaseFileHeader {
  sealed: Sealed;
}

/** The header as associated data: a fixed order, so the same header always gives the same bytes. */
export function headerAad(h: CaseFileHeader): string {
  return `${CASE_FILE_FORMAT}\n${JSON.stringify([h.format, h.version, h.schemaVersion, h.exportedAt])}`;
}

export async function sealCaseFile(payload: unknown, passphrase: string, opts: { schemaVersion: number; exportedAt: string; kdf: KdfParams }): Promise<Buffer> {
  const header: CaseFileHeader = { format: CASE_FILE_FORMAT, version: CASE_FILE_VERSION, schemaVersion: opts.schemaVersion, exportedAt: opts.exportedAt };
  const sealed = await seal(Buffer.from(JSON.stringify(payload), 'utf8'), passphrase, headerAad(header), opts.kdf);
  const container: CaseFileContainer = { ...header, sealed };
  return Buffer.from(JSON.stringify(container), 'utf8');
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Node's decoder skips what it does not understand; a cut or mangled upload must not half-decode. */
export function decodeBase64Strict(data: string): Buffer {
  const s = data.replace(/\s+/g, '');
  if (s.length === 0 || s.length % 4 !== 0 || !BASE64.test(s)) throw new AppError('not_a_case_file', 'This is not a case file (not base64).');
  return Buffer.from(s, 'base64');
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads and checks the container, without decrypting. */
export function parseContainer(bytes: Buffer, latestSchemaVersion: number): CaseFileContainer {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new AppError('not_a_case_file', 'This is not a case file (not JSON, or cut short).');
  }
  if (!isRecord(parsed) || parsed.format !== CASE_FILE_FORMAT) throw new AppError('not_a_case_file', 'This is not a Tiimipöytä case file.');
  const { version, schemaVersion, exportedAt, sealed } = parsed;
  if (!Number.isSafeInteger(version) || !Number.isSafeInteger(schemaVersion) || typeof exportedAt !== 'string' || !isSealed(sealed)) {
    throw new AppError('case_file_damaged', 'The case file is damaged (its header is incomplete).');
  }
  const v = version as number;
  const sv = schemaVersion as number;
  if (v > CASE_FILE_VERSION || sv > latestSchemaVersion) {
    throw new AppError('case_file_newer', `The case file was written by a newer version of Tiimipöytä (file ${v}/${sv}, this app ${CASE_FILE_VERSION}/${latestSchemaVersion}).`, {
      fileVersion: v,
      schemaVersion: sv,
    });
  }
  if (v < 1 || sv < 1) throw new AppError('case_file_damaged', 'The case file is damaged (impossible version).');
  return { format: CASE_FILE_FORMAT, version: v, schemaVersion: sv, exportedAt, sealed };
}

/** Decrypts the payload; still unvalidated JSON (the caller checks its shape). */
export async function openCaseFile(bytes: Buffer, passphrase: string, latestSchemaVersion: number): Promise<{ header: CaseFileHeader; payload: unknown }> {
  const container = parseContainer(bytes, latestSchemaVersion);
  const { sealed, ...header } = container;
  let plain: Buffer | undefined;
  try {
    plain = await unseal(sealed, passphrase, headerAad(header));
  } catch {
    // scrypt refuses parameters isSealed lets through (N not a power of two): the file is damaged.
    throw new AppError('case_file_damaged', 'The case file is damaged (its key parameters are invalid).');
  }
  if (!plain) throw new AppError('wrong_passphrase', 'The case file does not open: wrong passphrase or changed file.');
  try {
    return { header, payload: JSON.parse(plain.toString('utf8')) as unknown };
  } catch {
    throw new AppError('case_file_damaged', 'The case file opened but its contents are damaged.');
  }
}
