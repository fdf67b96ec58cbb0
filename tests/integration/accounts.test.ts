import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openEncrypted } from '../../db/connection.js';
import { listUserKeys } from '../../db/repositories/user-keys.js';
import { DB_FILE, KEYRING_FILE, openStore } from '../../db/store.js';
import { SETUP, testBackend } from '../fixtures/backend.js';
import { FAST_KDF, PASSWORD, tempDir } from '../fixtures/tmp.js';

let dir: string;
let cleanup: () => void;
let b: ReturnType<typeof testBackend>;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  b = testBackend(dir);
});
afterEach(() => {
  b.backend.close();
  cleanup();
  vi.useRealTimers();
});

const nurse = { username: 'bertta', displayName: 'Bertta Berg', profession: 'nurse', organisation: 'Terveysasema', role: 'team_member', password: 'first password 1' };

async function setup(): Promise<string> {
  const { recoveryKey } = await b.value<{ recoveryKey: string }>('store.create', SETUP);
  await b.value('clients.create', { name: 'Matti Meikäläinen', language: 'fi' });
  return recoveryKey;
}

async function signInAs(username: string, password: string) {
  await b.value('session.lock');
  return b.value<{ user: { username: string }; mustChangePassword?: boolean }>('session.signIn', { username, password });
}

describe('accounts and key slots', () => {
  it('every slot opens the same data; a deactivated user no longer can; the recovery key still does', async () => {
    const recoveryKey = await setup();
    const created = await b.value<{ id: string; mustChangePassword: boolean }>('users.create', nurse);
    expect(created.mustChangePassword).toBe(true);

    const s = await signInAs('bertta', nurse.password);
    expect(s.mustChangePassword).toBe(true);
    // Until they pick their own password, they see nothing.
    expect(await b.code('clients.list')).toBe('password_change_required');
    await b.value('session.changePassword', { currentPassword: nurse.password, newPassword: 'bertta own password' });
    expect((await b.value<{ name: string }[]>('clients.list')).map((c) => c.name)).toEqual(['Matti Meikäläinen']);
    expect(await b.code('users.create', { ...nurse, username: 'x1' })).toBe('forbidden');

    await signInAs('aino', PASSWORD);
    await b.value('users.deactivate', { userId: created.id });
    await b.value('session.lock');
    expect(await b.code('session.signIn', { username: 'bertta', password: 'bertta own password' })).toBe('wrong_password');

    expect(await b.code('session.recover', { username: 'aino', recoveryKey: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA', newPassword: 'recovered pw 123' })).toBe('wrong_recovery_key');
    await b.value('session.recover', { username: 'aino', recoveryKey: recoveryKey.toLowerCase(), newPassword: 'recovered pw 123' });
    expect((await b.value<{ name: string }[]>('clients.list')).map((c) => c.name)).toEqual(['Matti Meikäläinen']);
    await b.value('session.lock');
    expect(await b.code('session.signIn', { username: 'aino', password: PASSWORD })).toBe('wrong_password');
    await b.value('session.signIn', { username: 'aino', password: 'recovered pw 123' });
  });

  it('a password change keeps every row and the signing key; a wrong current password changes no byte', async () => {
    await setup();
    const keyringBefore = readFileSync(join(dir, KEYRING_FILE));
    expect(await b.code('session.changePassword', { currentPassword: 'not my password', newPassword: 'a brand new password' })).toBe('wrong_password');
    expect(readFileSync(join(dir, KEYRING_FILE))).toEqual(keyringBefore);

    const s = (await b.value<{ user: { id: string } }>('app.status')).user;
    await b.value('session.changePassword', { currentPassword: PASSWORD, newPassword: 'a brand new password' });
    await b.value('session.lock');
    expect(await b.code('session.signIn', { username: 'aino', password: PASSWORD })).toBe('wrong_password');
    await b.value('session.signIn', { username: 'aino', password: 'a brand new password' });
    expect((await b.value<unknown[]>('clients.list'))).toHaveLength(1);

    b.backend.close();
    const o = await openStore(dir, 'aino', 'a brand new password', FAST_KDF);
    const keys = listUserKeys(o.db, s.id);
    // Still the one key pair made at setup: re-sealed, not replaced.
    expect(keys).toHaveLength(1);
    expect(keys[0]!.retiredAt).toBeNull();
    o.db.close();
    b = testBackend(dir);
  });

  it('an administrator reset gives a new signing key pair and retires the old one, which stays for verification', async () => {
    await setup();
    const u = await b.value<{ id: string }>('users.create', nurse);
    await b.value('users.resetPassword', { userId: u.id, password: 'second first pw' });
    await b.value('users.deactivate', { userId: u.id });
    const reactivated = await b.value<{ active: boolean }>('users.resetPassword', { userId: u.id, password: 'third first pw!' });
    expect(reactivated.active).toBe(true);
    b.backend.close();
    const o = await openStore(dir, 'aino', PASSWORD, FAST_KDF);
    const keys = listUserKeys(o.db, u.id);
    expect(keys).toHaveLength(3);
    expect(keys.filter((k) => k.retiredAt === null)).toHaveLength(1);
    expect(new Set(keys.map((k) => k.publicKey)).size).toBe(3);
    o.db.close();
    b = testBackend(dir);
    await b.value('session.signIn', { username: 'bertta', password: 'third first pw!' });
  });

  it('refuses to deactivate the last administrator or oneself, and read-only users cannot write', async () => {
    await setup();
    const me = (await b.value<{ user: { id: string } }>('app.status')).user;
    expect(await b.code('users.deactivate', { userId: me.id })).toBe('forbidden');
    const other = await b.value<{ id: string }>('users.create', { ...nurse, username: 'admin2', role: 'administrator' });
    await b.value('users.deactivate', { userId: other.id });
    const reader = await b.value<{ id: string }>('users.create', { ...nurse, username: 'reader', role: 'read_only' });
    expect(reader.id).toBeTruthy();
    await signInAs('reader', nurse.password);
    await b.value('session.changePassword', { currentPassword: nurse.password, newPassword: 'reader own password' });
    expect(await b.code('clients.create', { name: 'X', language: 'fi' })).toBe('forbidden');
    expect(await b.value<unknown[]>('clients.list')).toHaveLength(1);
    expect(await b.code('audit.verify')).toBe('forbidden');
  });

  it('a taken username is refused and creates no slot', async () => {
    await setup();
    const slotsBefore = JSON.parse(readFileSync(join(dir, KEYRING_FILE), 'utf8')).slots.length;
    expect(await b.code('users.create', { ...nurse, username: 'aino' })).toBe('invalid_input');
    expect(JSON.parse(readFileSync(join(dir, KEYRING_FILE), 'utf8')).slots.length).toBe(slotsBefore);
  });

  it('never returns a key or a wrapped secret through the contract', async () => {
    await setup();
    await b.value('users.create', nurse);
    const everything = JSON.stringify([await b.value('users.list'), await b.value('app.status')]);
    expect(everything).not.toMatch(/ciphertext|wrapped|privateKey|publicKey|salt/i);
  });
});

describe('auto-lock', () => {
  it('drops the key after the idle time; the next call is refused with locked', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    await setup();
    const locked: string[] = [];
    b.backend.subscribe((e, p) => e === 'session.locked' && locked.push((p as { reason: string }).reason));
    await b.value('settings.update', { idleLockMinutes: 5 });
    vi.advanceTimersByTime(4 * 60_000);
    await b.value('session.activity');
    vi.advanceTimersByTime(4 * 60_000);
    expect(await b.value<unknown[]>('clients.list')).toHaveLength(1); // activity postponed the lock
    vi.advanceTimersByTime(5 * 60_000 + 10);
    expect(locked).toEqual(['idle']);
    expect(await b.code('clients.list')).toBe('locked');
    expect(await b.value('app.status')).toMatchObject({ store: 'locked', lockReason: 'idle' });
  });

  it('uses the default of 10 minutes and locks on a system event from the host', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    await setup();
    expect(await b.value('app.status')).toMatchObject({ idleLockMinutes: 10 });
    vi.advanceTimersByTime(9 * 60_000);
    expect(await b.code('clients.list')).toBe('ok');
    b.backend.lock('system');
    expect(await b.value('app.status')).toMatchObject({ store: 'locked', lockReason: 'system' });
  });
});

describe('no plaintext anywhere', () => {
  it('a marker written through the app is absent from the database, its WAL and the keyring', async () => {
    await setup();
    await b.value('clients.create', { name: 'PLAINTEXT-MARKER Åke', language: 'sv' });
    // Checked while the store is open, so the WAL holds the latest writes.
    for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f)).includes('PLAINTEXT-MARKER'), f).toBe(false);
    b.backend.close();
    expect(() => openEncrypted(join(dir, DB_FILE), Buffer.alloc(32, 1))).toThrow(expect.objectContaining({ code: 'store_damaged' }));
    b = testBackend(dir);
  });
});
