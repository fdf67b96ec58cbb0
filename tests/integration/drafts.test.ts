import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_DRAFT_JSON } from '../../shared/api/contract.js';
import { openStore } from '../../db/store.js';
import { SETUP, testBackend } from '../fixtures/backend.js';
import { FAST_KDF, PASSWORD, tempDir } from '../fixtures/tmp.js';

let dir: string;
let cleanup: () => void;
let b: ReturnType<typeof testBackend>;
let clientId: string;
let caseId: string;

type Draft = { data: Record<string, unknown>; updatedAt: string } | null;
type Report = { events: { action: string; entity: string | null; actorName: string }[] };

const nurse = { username: 'bertta', displayName: 'Bertta Berg', profession: 'nurse', organisation: 'Terveysasema', role: 'team_member', password: 'first password 1' };

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  b = testBackend(dir);
  await b.value('store.create', SETUP);
  clientId = (await b.value<{ id: string }>('clients.create', { name: 'Liisa Laine', language: 'fi' })).id;
  caseId = (await b.value<{ id: string }>('cases.create', {
    clientId,
    referral: { source: 'social_care', referrerName: '', referrerOrganisation: '', referralDate: '2026-01-05', reason: 'Pitkä työttömyys', attachments: [] },
  })).id;
});
afterEach(() => {
  b.backend.close();
  cleanup();
});

async function signInAs(username: string, password: string) {
  await b.value('session.lock');
  await b.value('session.signIn', { username, password });
}

/** A second team member who has chosen their own password, signed in. */
async function signInAsNurse(role = 'team_member') {
  await b.value('users.create', { ...nurse, role });
  await signInAs(nurse.username, nurse.password);
  await b.value('session.changePassword', { currentPassword: nurse.password, newPassword: 'bertta own password' });
}

const draftActions = async () =>
  (await b.value<Report>('audit.clientReport', { clientId })).events.filter((e) => e.action.startsWith('draft.')).map((e) => `${e.action} ${e.entity}`);

describe('drafts', () => {
  it('save, get and discard: an upsert, and discarding twice is no error', async () => {
    expect(await b.value<Draft>('drafts.get', { formKey: 'client.new' })).toBeNull();
    const first = await b.value<{ updatedAt: string }>('drafts.save', { formKey: 'client.new', clientId: null, data: { name: 'Kalle', interpreterNeeded: true } });
    expect(await b.value<Draft>('drafts.get', { formKey: 'client.new' })).toEqual({ data: { name: 'Kalle', interpreterNeeded: true }, updatedAt: first.updatedAt });
    await b.value('drafts.save', { formKey: 'client.new', clientId: null, data: { name: 'Kalle Korhonen', attachments: [{ name: 'B-lausunto', location: '' }] } });
    expect((await b.value<Draft>('drafts.get', { formKey: 'client.new' }))!.data).toEqual({ name: 'Kalle Korhonen', attachments: [{ name: 'B-lausunto', location: '' }] });
    expect(await b.value('drafts.discard', { formKey: 'client.new' })).toEqual({});
    expect(await b.value<Draft>('drafts.get', { formKey: 'client.new' })).toBeNull();
    expect(await b.value('drafts.discard', { formKey: 'client.new' })).toEqual({});
  });

  it('are each user\'s own: another user neither sees nor replaces them', async () => {
    await b.value('drafts.save', { formKey: 'client.new', clientId: null, data: { name: 'Ainon asiakas' } });
    await signInAsNurse();
    expect(await b.value<Draft>('drafts.get', { formKey: 'client.new' })).toBeNull();
    await b.value('drafts.save', { formKey: 'client.new', clientId: null, data: { name: 'Bertan asiakas' } });
    await b.value('drafts.discard', { formKey: 'client.new' });
    await signInAs(SETUP.adminUsername, PASSWORD);
    expect((await b.value<Draft>('drafts.get', { formKey: 'client.new' }))!.data).toEqual({ name: 'Ainon asiakas' });
  });

  it('refuse more than MAX_DRAFT_JSON and write nothing', async () => {
    await b.value('drafts.save', { formKey: 'client.new', clientId: null, data: { name: 'pieni' } });
    const r = await b.call('drafts.save', { formKey: 'client.new', clientId: null, data: { reason: 'x'.repeat(MAX_DRAFT_JSON) } });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { fields: ['data'], reason: 'too_large' } } });
    expect((await b.value<Draft>('drafts.get', { formKey: 'client.new' }))!.data).toEqual({ name: 'pieni' });
    // Just under the limit is fine.
    await b.value('drafts.save', { formKey: 'client.new', clientId: null, data: { reason: 'x'.repeat(MAX_DRAFT_JSON - 20) } });
  });

  it('refuse a malformed form key, an unknown client, and a client other than the one the key names', async () => {
    for (const formKey of ['', 'Client.new', 'client new', 'client.new:', 'client.new:a:b', '1abc', `client.edit:${'x'.repeat(101)}`, 'x'.repeat(60)]) {
      expect(await b.code('drafts.save', { formKey, clientId: null, data: {} }), formKey).toBe('invalid_input');
      expect(await b.code('drafts.get', { formKey }), formKey).toBe('invalid_input');
    }
    expect(await b.code('drafts.save', { formKey: 'client.new', clientId: null, data: [] })).toBe('invalid_input');
    const unknown = '0190c0de-0000-7000-8000-000000000000';
    expect(await b.code('drafts.save', { formKey: 'client.new', clientId: unknown, data: {} })).toBe('not_found');
    expect(await b.code('drafts.save', { formKey: `client.edit:${unknown}`, clientId: unknown, data: {} })).toBe('not_found');
    expect(await b.code('drafts.save', { formKey: `client.edit:${clientId}`, clientId: null, data: {} })).toBe('invalid_input');
    const other = (await b.value<{ id: string }>('clients.create', { name: 'Toinen Asiakas', language: 'fi' })).id;
    expect(await b.code('drafts.save', { formKey: `consent.new:${clientId}`, clientId: other, data: {} })).toBe('invalid_input');
    expect(await b.code('drafts.save', { formKey: `referral:${caseId}`, clientId: other, data: {} })).toBe('invalid_input');
    expect(await b.code('drafts.save', { formKey: 'referral:no-such-case', clientId, data: {} })).toBe('not_found');
    expect(await b.value<Draft>('drafts.get', { formKey: `client.edit:${clientId}` })).toBeNull();
  });

  it('store every string, keys included, in NFC', async () => {
    const decomposed = 'A\u0308ka\u0308a\u030a'; // Äkäå as base letters and combining marks
    await b.value('drafts.save', { formKey: 'client.new', clientId: null, data: { name: decomposed, list: [{ ['o\u0308']: decomposed }] } });
    const d = await b.value<Draft>('drafts.get', { formKey: 'client.new' });
    expect(d!.data).toEqual({ name: 'Äkäå', list: [{ ö: 'Äkäå' }] });
    expect((d!.data.name as string).length).toBe(4);
  });

  it('log reads and writes of a client\'s drafts against the client; a new client\'s draft is no access', async () => {
    await b.value('drafts.save', { formKey: 'client.new', clientId: null, data: { name: 'Uusi' } });
    await b.value('drafts.get', { formKey: 'client.new' });
    expect(await draftActions()).toEqual([]);
    await b.value('drafts.save', { formKey: `client.edit:${clientId}`, clientId, data: { phone: '040 123' } });
    await b.value('drafts.save', { formKey: `referral:${caseId}`, clientId, data: { reason: 'Uusi syy' } });
    await b.value('drafts.get', { formKey: `referral:${caseId}` });
    await b.value('drafts.discard', { formKey: `referral:${caseId}` });
    // No draft, nothing read: nothing to log.
    await b.value('drafts.get', { formKey: `referral:${caseId}` });
    expect(await draftActions()).toEqual([`draft.save draft:client.edit:${clientId}`, `draft.save draft:referral:${caseId}`, `draft.read draft:referral:${caseId}`]);
    const events = (await b.value<Report>('audit.clientReport', { clientId })).events.filter((e) => e.action.startsWith('draft.'));
    expect(new Set(events.map((e) => e.actorName))).toEqual(new Set([SETUP.adminDisplayName]));
  });

  it('a read-only user may look but cannot save or discard', async () => {
    await signInAsNurse('read_only');
    expect(await b.value<Draft>('drafts.get', { formKey: 'client.new' })).toBeNull();
    expect(await b.code('drafts.save', { formKey: 'client.new', clientId: null, data: { name: 'X' } })).toBe('forbidden');
    expect(await b.code('drafts.discard', { formKey: 'client.new' })).toBe('forbidden');
  });

  it('need a signed-in user who has chosen their own password', async () => {
    await b.value('users.create', nurse);
    await signInAs(nurse.username, nurse.password);
    expect(await b.code('drafts.save', { formKey: 'client.new', clientId: null, data: { name: 'X' } })).toBe('password_change_required');
    expect(await b.code('drafts.get', { formKey: 'client.new' })).toBe('password_change_required');
    await b.value('session.lock');
    expect(await b.code('drafts.get', { formKey: 'client.new' })).toBe('locked');
  });

  it('survive a lock and sign-in, and a restart of the backend', async () => {
    await b.value('drafts.save', { formKey: `case.new:${clientId}`, clientId, data: { reason: 'Kirjoitettu ennen lukitusta' } });
    await signInAs(SETUP.adminUsername, PASSWORD);
    expect((await b.value<Draft>('drafts.get', { formKey: `case.new:${clientId}` }))!.data).toEqual({ reason: 'Kirjoitettu ennen lukitusta' });
    b.backend.close();
    b = testBackend(dir);
    expect(await b.code('drafts.get', { formKey: `case.new:${clientId}` })).toBe('locked');
    await b.value('session.signIn', { username: SETUP.adminUsername, password: PASSWORD });
    expect((await b.value<Draft>('drafts.get', { formKey: `case.new:${clientId}` }))!.data).toEqual({ reason: 'Kirjoitettu ennen lukitusta' });
  });

  it('left for more than 30 days are removed at sign-in', async () => {
    await b.value('drafts.save', { formKey: 'client.new', clientId: null, data: { name: 'Vanha' } });
    await b.value('drafts.save', { formKey: `consent.new:${clientId}`, clientId, data: { note: 'Tuore' } });
    b.backend.close();
    const s = await openStore(dir, SETUP.adminUsername, PASSWORD, FAST_KDF);
    s.db.prepare("UPDATE form_drafts SET updated_at = ? WHERE form_key = 'client.new'").run(new Date(Date.now() - 31 * 86_400_000).toISOString());
    s.db.close();
    b = testBackend(dir);
    await b.value('session.signIn', { username: SETUP.adminUsername, password: PASSWORD });
    expect(await b.value<Draft>('drafts.get', { formKey: 'client.new' })).toBeNull();
    expect((await b.value<Draft>('drafts.get', { formKey: `consent.new:${clientId}` }))!.data).toEqual({ note: 'Tuore' });
  });
});
