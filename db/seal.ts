/**
 * Sealing a secret under a password: scrypt derives a key-encryption key, AES-256-GCM seals the
 * secret with associated data that names what it is, so a sealed value cannot be moved to another
 * place (another slot, another user, another store) and still open. Used for the keyring's slots
 * and for each professional's private signing key.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';

export interface KdfParams {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
}

/** STACK.md: N=2^17, r=8, p=1 is ~0.5 s here; the memory cost (128 MiB) is what slows guessing. */
export const DEFAULT_KDF: KdfParams = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 };

export interface Sealed {
  kdf: KdfParams & { salt: string };
  iv: string;
  tag: string;
  ciphertext: string;
}

export const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');
export const unb64 = (s: string): Buffer => Buffer.from(s, 'base64');

/**
 * Derived keys by salt, for one operation: a password change re-seals the keyring slot and the
 * private key under one salt, so one derivation serves both.
 */
export type KekCache = Map<string, Buffer>;

export async function deriveKek(secret: string, kdf: KdfParams & { salt: string }, cache?: KekCache): Promise<Buffer> {
  const cacheKey = `${kdf.N}/${kdf.r}/${kdf.p}/${kdf.salt}`;
  const hit = cache?.get(cacheKey);
  if (hit) return hit;
  const kek = await new Promise<Buffer>((resolve, reject) => {
    scrypt(secret.normalize('NFC'), unb64(kdf.salt), 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
  cache?.set(cacheKey, kek);
  return kek;
}

export function newKdf(kdf: KdfParams = DEFAULT_KDF): KdfParams & { salt: string } {
  return { ...kdf, salt: b64(randomBytes(16)) };
}

export function sealWithKek(plaintext: Buffer, kek: Buffer, kdf: KdfParams & { salt: string }, aad: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { kdf, iv: b64(iv), tag: b64(cipher.getAuthTag()), ciphertext: b64(ciphertext) };
}

/** Returns undefined when the tag does not verify: wrong secret, or a value moved from elsewhere. */
export function openWithKek(sealed: Sealed, kek: Buffer, aad: string): Buffer | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, unb64(sealed.iv));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(unb64(sealed.tag));
    return Buffer.concat([decipher.update(unb64(sealed.ciphertext)), decipher.final()]);
  } catch {
    return undefined;
  }
}

export async function seal(plaintext: Buffer, secret: string, aad: string, kdf: KdfParams = DEFAULT_KDF, cache?: KekCache, salt?: string): Promise<Sealed> {
  const params = salt ? { ...kdf, salt } : newKdf(kdf);
  return sealWithKek(plaintext, await deriveKek(secret, params, cache), params, aad);
}

export async function unseal(sealed: Sealed, secret: string, aad: string, cache?: KekCache): Promise<Buffer | undefined> {
  return openWithKek(sealed, await deriveKek(secret, sealed.kdf, cache), aad);
}

export function isSealed(v: unknown): v is Sealed {
  const s = v as Sealed;
  return (
    typeof s === 'object' && s !== null &&
    [s.iv, s.tag, s.ciphertext].every((x) => typeof x === 'string') &&
    typeof s.kdf === 'object' && s.kdf !== null && s.kdf.name === 'scrypt' && typeof s.kdf.salt === 'string' &&
    [s.kdf.N, s.kdf.r, s.kdf.p].every((x) => Number.isSafeInteger(x) && x > 0) &&
    // Bound the cost a damaged or hostile keyring can make us spend.
    s.kdf.N <= 2 ** 20 && s.kdf.r <= 16 && s.kdf.p <= 4
  );
}
