import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/index.js';
import type { Result } from '../../shared/api/errors.js';
import { FAST_KDF, PASSWORD, tempDir } from '../fixtures/tmp.js';

let dir: string;
let cleanup: () => void;
let backend: Backend;
let events: string[];
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  backend = createBackend({ dataDir: dir, version: '0.0.0-test', kdf: FAST_KDF, log: () => {} });
  events = [];
  backend.subscribe((e) => events.push(e));
});
afterEach(() => {
  backend.close();
  cleanup();
});

async function call<T = unknown>(channel: string, input: unknown = {}): Promise<Result<T>> {
  return (await backend.invoke(channel, input)) as Result<T>;
}
async function value<T = Record<string, unknown>>(channel: string, input: unknown = {}): Promise<T> {
  const r = await call<T>(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}
const setup = { organisationName: 'Kainuun hyvinvointialue', adminDisplayName: 'Aino', adminUsername: 'Aino', adminProfession: 'social_worker', password: PASSWORD };

describe('backend use cases over a real store', () => {
  it('walks welcome → create → add client → lock → sign in → still there', async () => {
    expect(await value('app.status')).toMatchObject({ store: 'none', dataDir: dir });
    expect(await value('store.create', setup)).toMatchObject({
      status: { store: 'unlocked', organisationName: 'Kainuun hyvinvointialue', user: { username: 'aino', role: 'administrator' } },
      recoveryKey: expect.stringMatching(/^(\w{5}-){7}\w{5}$/),
    });

    const client = await value<{ id: string; name: string }>('clients.create', { name: '  Matti   Meikäläinen ', language: 'fi' });
    expect(client.name).toBe('Matti Meikäläinen');
    expect(events).toContain('clients.changed');

    expect(await value('session.lock')).toMatchObject({ store: 'locked' });
    expect(events).toContain('session.locked');
    expect(await call('clients.list')).toMatchObject({ ok: false, error: { code: 'locked' } });

    expect(await call('session.signIn', { username: 'aino', password: 'not the password' })).toMatchObject({ ok: false, error: { code: 'wrong_password' } });
    await value('session.signIn', { username: 'aino', password: PASSWORD });
    expect((await value<{ name: string }[]>('clients.list')).map((c) => c.name)).toEqual(['Matti Meikäläinen']);
  });

  it('refuses invalid input with the fields named and nothing changed', async () => {
    await value('store.create', setup);
    expect(await call('clients.create', { name: '', language: 'fi' })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { fields: ['name'] } } });
    expect(await call('clients.create', { name: 'A', language: 'de' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('clients.create', { name: 'x'.repeat(201), language: 'fi' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('clients.create', null)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('clients.create', { name: '\u200b\u0007', language: 'fi' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await value('clients.list')).toEqual([]);
  });

  it('keeps odd Unicode as typed (NFC) and refuses a too-short password', async () => {
    expect(await call('store.create', { ...setup, password: 'short' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await value('app.status')).toMatchObject({ store: 'none' });
    await value('store.create', setup);
    const names = ['Åsa Öhman', 'Šárka Žižková', 'Ahmed عبد الله', '李小龙', 'Zoë 👩🏽‍⚕️', 'Ka\u0308rkka\u0308inen'];
    for (const name of names) await value('clients.create', { name, language: 'other' });
    const listed = (await value<{ name: string }[]>('clients.list')).map((c) => c.name).sort();
    expect(listed).toEqual(names.map((n) => n.normalize('NFC')).sort());
  });

  it('answers an unknown channel with not_found', async () => {
    expect(await call('clients.drop')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call('__proto__')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a second backend on the same folder refuses with store_in_use', async () => {
    expect(() => createBackend({ dataDir: dir, version: 'x', kdf: FAST_KDF })).toThrow(expect.objectContaining({ code: 'store_in_use' }));
  });

  it('opens another folder only when it holds a store, and never creates one there', async () => {
    const other = tempDir();
    try {
      expect(await call('store.open', { dataDir: other.dir })).toMatchObject({ ok: false, error: { code: 'no_store' } });
      expect(await call('store.open', { dataDir: `${other.dir}/missing` })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      const second = createBackend({ dataDir: other.dir, version: 'x', kdf: FAST_KDF });
      await second.invoke('store.create', setup);
      second.close();
      expect(await value('store.open', { dataDir: other.dir })).toMatchObject({ store: 'locked', dataDir: other.dir });
      expect(await value('session.signIn', { username: 'aino', password: PASSWORD })).toMatchObject({ store: 'unlocked' });
    } finally {
      other.cleanup();
    }
  });
});
