/**
 * Each professional's Ed25519 signing key. The private key is sealed under their password, with
 * associated data naming the key, so it signs only when they type their password: the database
 * key (which every signed-in user holds) does not unlock it.
 */
import { createPrivateKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import type { UserKey } from './repositories/user-keys.js';
import { b64, seal, unseal, type KdfParams, type KekCache } from './seal.js';

const keyAad = (userId: string, keyId: string) => `tiimipoyta-signing-key/${userId}/${keyId}`;

export async function newSigningKey(userId: string, password: string, kdf: KdfParams, cache?: KekCache, salt?: string): Promise<UserKey> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const id = randomUUID();
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  try {
    return {
      id,
      userId,
      publicKey: b64(publicKey.export({ format: 'der', type: 'spki' })),
      wrappedPrivateKey: await seal(der, password, keyAad(userId, id), kdf, cache, salt),
      createdAt: new Date().toISOString(),
      retiredAt: null,
    };
  } finally {
    der.fill(0);
  }
}

/** The private key, or undefined when the password is not this user's. */
export async function unwrapSigningKey(key: UserKey, password: string, cache?: KekCache): Promise<KeyObject | undefined> {
  const der = await unseal(key.wrappedPrivateKey, password, keyAad(key.userId, key.id), cache);
  if (!der) return undefined;
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    der.fill(0);
  }
}

/** The same private key sealed under a new password (a password change keeps the key pair). */
export async function resealSigningKey(key: UserKey, oldPassword: string, newPassword: string, kdf: KdfParams, cache?: KekCache, salt?: string): Promise<UserKey | undefined> {
  const der = await unseal(key.wrappedPrivateKey, oldPassword, keyAad(key.userId, key.id), cache);
  if (!der) return undefined;
  try {
    return { ...key, wrappedPrivateKey: await seal(der, newPassword, keyAad(key.userId, key.id), kdf, cache, salt) };
  } finally {
    der.fill(0);
  }
}
