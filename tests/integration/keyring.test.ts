import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_KDF, newKeyring, parseKeyring, readKeyring, sameKey, unwrapKey, unwrapWithRecovery, withoutUserSlot, withRecoverySlot, withUserSlot, wrapForRecovery, wrapForUser as wrapKey, writeKeyring } from '../../db/keyring.js';
import { generateRecoveryKey, normaliseRecoveryKey } from '../../db/recovery-key.js';
import { tempDir } from '../fixtures/tmp.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const user = { id: 'u1', username: 'aino' };

describe('keyring', () => {
  it('wraps with the production scrypt cost and unwraps only with the right password', async () => {
    const key = randomBytes(32);
    const slot = await wrapKey('store-1', key, user, 'pässwörd ✓ long enough');
    expect(slot.kdf).toMatchObject({ name: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
    expect(DEFAULT_KDF.N).toBe(131072);
    const ring = newKeyring('store-1', [slot]);
    const path = join(dir, 'k');
    writeKeyring(path, ring);
    const { key: back } = await unwrapKey(readKeyring(path), 'aino', 'pässwörd ✓ long enough');
    expect(sameKey(back, key)).toBe(true);
    await expect(unwrapKey(ring, 'aino', 'pässwörd ✓ long enougH')).rejects.toMatchObject({ code: 'wrong_password' });
  });

  it('treats the composed and decomposed forms of ä as the same password', async () => {
    const key = randomBytes(32);
    const ring = newKeyring('s', [await wrapKey('s', key, user, 'k\u00e4ytt\u00e4j\u00e4-salasana', { name: 'scrypt', N: 1024, r: 8, p: 1 })]);
    const { key: back } = await unwrapKey(ring, 'aino', 'ka\u0308ytta\u0308ja\u0308-salasana');
    expect(sameKey(back, key)).toBe(true);
  });

  it('binds a slot to its store: the same slot under another store id fails', async () => {
    const slot = await wrapKey('store-A', randomBytes(32), user, 'password-1234', { name: 'scrypt', N: 1024, r: 8, p: 1 });
    await expect(unwrapKey(newKeyring('store-B', [slot]), 'aino', 'password-1234')).rejects.toMatchObject({ code: 'wrong_password' });
  });

  it('keeps the previous keyring as a backup on every write', async () => {
    const path = join(dir, 'k');
    const a = newKeyring('s', []);
    writeKeyring(path, a);
    const b = newKeyring('s', [await wrapKey('s', randomBytes(32), user, 'password-1234', { name: 'scrypt', N: 1024, r: 8, p: 1 })]);
    writeKeyring(path, b);
    expect(JSON.parse(readFileSync(`${path}.bak`, 'utf8'))).toEqual(a);
    expect(readKeyring(path)).toEqual(b);
  });

  it('holds one slot per user and one recovery slot; each opens the same key, removed ones do not', async () => {
    const key = randomBytes(32);
    const cheap = { name: 'scrypt' as const, N: 1024, r: 8, p: 1 };
    const recovery = generateRecoveryKey();
    let ring = newKeyring('s', [
      await wrapKey('s', key, { id: 'a', username: 'aino' }, 'password-aino', cheap),
      await wrapKey('s', key, { id: 'b', username: 'bertil' }, 'password-bertil', cheap),
      await wrapForRecovery('s', key, recovery, cheap),
    ]);
    expect(sameKey((await unwrapKey(ring, 'aino', 'password-aino')).key, key)).toBe(true);
    expect(sameKey((await unwrapKey(ring, 'bertil', 'password-bertil')).key, key)).toBe(true);
    expect(sameKey(await unwrapWithRecovery(ring, recovery.toLowerCase().replaceAll('-', ' ')), key)).toBe(true);

    ring = withoutUserSlot(ring, 'b');
    await expect(unwrapKey(ring, 'bertil', 'password-bertil')).rejects.toMatchObject({ code: 'wrong_password' });
    ring = withUserSlot(ring, await wrapKey('s', key, { id: 'a', username: 'aino' }, 'new-password-aino', cheap));
    await expect(unwrapKey(ring, 'aino', 'password-aino')).rejects.toMatchObject({ code: 'wrong_password' });
    expect(sameKey((await unwrapKey(ring, 'aino', 'new-password-aino')).key, key)).toBe(true);

    const newRecovery = generateRecoveryKey();
    ring = withRecoverySlot(ring, await wrapForRecovery('s', key, newRecovery, cheap));
    expect(ring.slots.filter((x) => x.kind === 'recovery')).toHaveLength(1);
    await expect(unwrapWithRecovery(ring, recovery)).rejects.toMatchObject({ code: 'wrong_recovery_key' });
    expect(sameKey(await unwrapWithRecovery(ring, newRecovery), key)).toBe(true);
  });

  it('prints recovery keys as 8 groups of 5 and reads them forgivingly', () => {
    const k = generateRecoveryKey();
    expect(k).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){7}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(normaliseRecoveryKey(k.toLowerCase().replaceAll('-', '  '))).toBe(k.replaceAll('-', ''));
    expect(normaliseRecoveryKey('O0IL1'.repeat(8))).toBe('00111'.repeat(8));
    expect(normaliseRecoveryKey('too short')).toBeUndefined();
    expect(normaliseRecoveryKey('U'.repeat(40))).toBeUndefined();
    expect(new Set(Array.from({ length: 50 }, generateRecoveryKey)).size).toBe(50);
  });

  it.each([
    ['not JSON', 'hello', 'keyring_damaged'],
    ['another format', '{"format":"x"}', 'keyring_damaged'],
    ['a slot with a broken kdf', '{"format":"tiimipoyta-keyring","version":1,"storeId":"s","slots":[{"kind":"password","kdf":{}}]}', 'keyring_damaged'],
    ['a newer version', '{"format":"tiimipoyta-keyring","version":99,"storeId":"s","slots":[]}', 'store_newer_than_app'],
  ])('refuses %s', (_name, text, code) => {
    expect(() => parseKeyring(text)).toThrow(expect.objectContaining({ code }));
  });
});
