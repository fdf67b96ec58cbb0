import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../shared/api/channels.js';
import { contract, events } from '../../shared/api/contract.js';
import { handlers } from '../../electron/backend/handlers.js';

describe('the contract', () => {
  it('lists the same channels in contract.ts, channels.ts and the handler map', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual(Object.keys(contract).sort());
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(events).sort());
  });

  it('names every channel area.verb', () => {
    for (const c of CHANNEL_NAMES) expect(c).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  it('rejects unknown fields instead of passing them through', () => {
    expect(contract['clients.create'].input.safeParse({ name: 'A', language: 'fi', admin: true }).success).toBe(false);
    expect(contract['app.status'].input.safeParse({ extra: 1 }).success).toBe(false);
  });

  it('normalises usernames and bounds names and passwords', () => {
    const base = { organisationName: 'Org', adminDisplayName: 'Anna', adminProfession: 'physician', password: 'x'.repeat(12) };
    const parsed = contract['store.create'].input.parse({ ...base, adminUsername: '  Anna.K ' });
    expect(parsed.adminUsername).toBe('anna.k');
    expect(contract['store.create'].input.safeParse({ ...base, adminUsername: 'anna k' }).success).toBe(false);
    expect(contract['store.create'].input.safeParse({ ...base, adminUsername: 'ok', organisationName: 'x'.repeat(201) }).success).toBe(false);
    expect(contract['session.signIn'].input.safeParse({ username: 'ok', password: 'x'.repeat(1025) }).success).toBe(false);
  });
});
