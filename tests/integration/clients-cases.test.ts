import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAuditForClient } from '../../db/audit.js';
import { openStore } from '../../db/store.js';
import { SETUP, testBackend } from '../fixtures/backend.js';
import { FAST_KDF, PASSWORD, tempDir } from '../fixtures/tmp.js';

let dir: string;
let cleanup: () => void;
let b: ReturnType<typeof testBackend>;
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  b = testBackend(dir);
  await b.value('store.create', SETUP);
});
afterEach(() => {
  b.backend.close();
  cleanup();
});

const referral = { source: 'employment_authority', referrerName: 'Kaisa Kuusi', referrerOrganisation: 'Kainuun työvoimaviranomainen', referralDate: '2026-11-02', reason: 'Osatyökykyisyys, pitkä työttömyys.', attachments: [{ name: 'Lähete', location: 'Työllisyyspalvelujen asiakastietojärjestelmä' }] };
type Summary = { id: string; identityCodeMasked: string | null; birthDate: string | null; openCase: { number: string; status: string } | null };

describe('clients', () => {
  it('validates the identity code, stores it canonically, shows it masked and reveals it only on request', async () => {
    expect(await b.code('clients.create', { name: 'Väärä Tunnus', language: 'fi', identityCode: '131052-308A' })).toBe('invalid_identity_code');
    expect(await b.code('clients.create', { name: 'Tulevaisuus', language: 'fi', birthDate: '2999-01-01' })).toBe('invalid_input');
    const c = await b.value<Summary>('clients.create', { name: 'Kalle Korhonen', language: 'fi', identityCode: ' 131052-308t ', municipality: 'Kajaani' });
    expect(c).toMatchObject({ identityCodeMasked: '131052-****', birthDate: '1952-10-13' });
    const listed = JSON.stringify(await b.value('clients.list'));
    expect(listed).not.toContain('308T');
    expect(JSON.stringify(await b.value('clients.get', { clientId: c.id }))).not.toContain('308T');
    expect(await b.value('clients.revealIdentityCode', { clientId: c.id })).toEqual({ identityCode: '131052-308T' });
  });

  it('refuses the same identity code twice and warns about the same name and birth date', async () => {
    await b.value('clients.create', { name: 'Kalle Korhonen', language: 'fi', identityCode: '131052-308T' });
    expect(await b.call('clients.create', { name: 'K. Korhonen', language: 'fi', identityCode: '131052-308T' })).toMatchObject({ ok: false, error: { code: 'duplicate_client' } });
    const similar = await b.call('clients.create', { name: 'kalle korhonen', language: 'fi', birthDate: '1952-10-13' });
    expect(similar).toMatchObject({ ok: false, error: { code: 'possible_duplicate', details: { matches: [{ name: 'Kalle Korhonen' }] } } });
    await b.value('clients.create', { name: 'kalle korhonen', language: 'fi', birthDate: '1952-10-13', allowSimilar: true });
    expect(await b.value<unknown[]>('clients.list')).toHaveLength(2);
  });

  it('an update without an identity code keeps the stored one; a new valid one replaces it', async () => {
    const c = await b.value<Summary>('clients.create', { name: 'Kalle Korhonen', language: 'fi', identityCode: '131052-308T' });
    const u = await b.value<{ phone: string; identityCodeMasked: string }>('clients.update', { clientId: c.id, name: 'Kalle Korhonen', language: 'sv', phone: '+358 40 123 4567' });
    expect(u).toMatchObject({ phone: '+358 40 123 4567', identityCodeMasked: '131052-****' });
    expect(await b.value('clients.revealIdentityCode', { clientId: c.id })).toEqual({ identityCode: '131052-308T' });
    await b.value('clients.update', { clientId: c.id, name: 'Kalle Korhonen', language: 'sv', identityCode: '010101-123N' });
    expect(await b.value('clients.revealIdentityCode', { clientId: c.id })).toEqual({ identityCode: '010101-123N' });
  });

  it('refuses 100 kB of pasted text and writes nothing', async () => {
    const c = await b.value<Summary>('clients.create', { name: 'A B', language: 'fi' });
    expect(await b.code('cases.create', { clientId: c.id, referral: { ...referral, reason: 'x'.repeat(100_000) } })).toBe('invalid_input');
    expect(await b.code('clients.create', { name: 'x'.repeat(100_000), language: 'fi' })).toBe('invalid_input');
    expect(await b.value<unknown[]>('cases.listForClient', { clientId: c.id })).toEqual([]);
    expect(await b.value<unknown[]>('clients.list')).toHaveLength(1);
  });
});

describe('cases', () => {
  it('opens one case per client with its referral, numbers cases per year, and closes with an outcome', async () => {
    const c = await b.value<Summary>('clients.create', { name: 'Liisa Laine', language: 'fi' });
    const k = await b.value<{ id: string; number: string; status: string; referral: unknown }>('cases.create', { clientId: c.id, referral });
    expect(k.number).toMatch(/^\d{4}-0001$/);
    expect(k).toMatchObject({ status: 'referred', referral });
    expect(await b.code('cases.create', { clientId: c.id, referral })).toBe('open_case_exists');
    expect((await b.value<Summary[]>('clients.list'))[0]!.openCase).toMatchObject({ number: k.number, status: 'referred' });

    expect(await b.code('cases.setStatus', { caseId: k.id, status: 'plan_signed' })).toBe('invalid_status_change');
    await b.value('cases.setStatus', { caseId: k.id, status: 'in_preparation' });
    expect(await b.code('cases.setStatus', { caseId: k.id, status: 'closed' })).toBe('invalid_input');
    await b.value('cases.setStatus', { caseId: k.id, status: 'closed', outcome: 'education' });
    expect(await b.code('cases.updateReferral', { caseId: k.id, referral })).toBe('invalid_status_change');

    // A closed case and a new one for the same client.
    const k2 = await b.value<{ number: string }>('cases.create', { clientId: c.id, referral: { ...referral, reason: 'Uusi ohjaus' } });
    expect(k2.number).toMatch(/^\d{4}-0002$/);
    const all = await b.value<{ status: string }[]>('cases.listForClient', { clientId: c.id });
    expect(all.map((x) => x.status)).toEqual(['referred', 'closed']);
  });

  it('refuses a future referral date and a malformed one', async () => {
    const c = await b.value<Summary>('clients.create', { name: 'Liisa Laine', language: 'fi' });
    expect(await b.code('cases.create', { clientId: c.id, referral: { ...referral, referralDate: '2999-01-01' } })).toBe('invalid_input');
    expect(await b.code('cases.create', { clientId: c.id, referral: { ...referral, referralDate: '2026-02-30' } })).toBe('invalid_input');
  });
});

describe('the access log sees every read of a client', () => {
  it('each client read channel appends an event naming that client', async () => {
    const c = await b.value<Summary>('clients.create', { name: 'Åsa Öhman', language: 'sv', identityCode: '010101-123N' });
    const k = await b.value<{ id: string }>('cases.create', { clientId: c.id, referral });
    const reads: [string, unknown][] = [
      ['clients.get', { clientId: c.id }],
      ['clients.revealIdentityCode', { clientId: c.id }],
      ['cases.listForClient', { clientId: c.id }],
      ['clients.update', { clientId: c.id, name: 'Åsa Öhman', language: 'sv' }],
      ['cases.updateReferral', { caseId: k.id, referral }],
      ['cases.setStatus', { caseId: k.id, status: 'in_preparation' }],
      ['cases.getPreparation', { caseId: k.id }],
      ['cases.export', { caseId: k.id, passphrase: 'a long passphrase' }],
      ['audit.clientReport', { clientId: c.id }],
    ];
    for (const [channel, input] of reads) await b.value(channel, input);
    b.backend.close();
    const s = await openStore(dir, SETUP.adminUsername, PASSWORD, FAST_KDF);
    const actions = listAuditForClient(s.db, c.id).map((e) => e.action);
    s.db.close();
    expect(actions).toEqual([
      'client.create', 'case.create', 'client.read', 'client.revealIdentityCode', 'case.list', 'client.update', 'case.updateReferral', 'case.setStatus',
      'case.read', 'case.export', 'client.accessReport',
    ]);
    b = testBackend(dir);
  });
});
