import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { todayInFinland } from '../../shared/domain/dates.js';
import { SETUP, testBackend } from '../fixtures/backend.js';
import { tempDir } from '../fixtures/tmp.js';

let cleanup: () => void;
let b: ReturnType<typeof testBackend>;
let clientId: string;
let caseId: string;
const today = todayInFinland();
const inDays = (n: number) => new Date(Date.parse(`${today}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

beforeEach(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  b = testBackend(t.dir);
  await b.value('store.create', SETUP);
  clientId = (await b.value<{ id: string }>('clients.create', { name: 'Liisa Laine', language: 'fi' })).id;
  caseId = (await b.value<{ id: string }>('cases.create', {
    clientId,
    referral: { source: 'social_care', referrerName: '', referrerOrganisation: '', referralDate: today, reason: 'Pitkä työttömyys', attachments: [] },
  })).id;
  await b.value('cases.setStatus', { caseId, status: 'in_preparation' });
});
afterEach(() => {
  b.backend.close();
  cleanup();
});

const written = (o: Partial<Record<string, unknown>> = {}) => ({
  clientId, form: 'written', organisations: ['employment_authority', 'county_social_care', 'county_health_care', 'kela'], otherOrganisations: [], dataCategories: ['basic', 'employment'], givenOn: today, validUntil: inDays(180), note: '', ...o,
});
type Prep = { readiness: { item: string; ok: boolean; missing?: string[] }[]; coverageToday: Record<string, boolean>; coverageAtMeeting: Record<string, boolean> | null; restrictedHidden: boolean; background: Record<string, unknown> };

async function fillEverything() {
  await b.value('consents.create', written());
  const sections = [
    { section: 'education', data: { level: 'vocational', qualifications: 'Lähihoitaja' }, text: '' },
    { section: 'work_history', data: { entries: [{ id: 'w1', from: '2015-01', to: '2020-06', employer: 'Kauppa Oy', role: 'Myyjä', endReason: 'Irtisanominen' }] }, text: '' },
    { section: 'health', data: {}, text: 'Selkävaivoja.' },
    { section: 'social', data: { housing: 'Vuokra-asunto', finances: '', family: '', debts: '' }, text: '' },
    { section: 'benefits', data: { items: [{ benefit: 'labour_market_subsidy', status: 'receives', note: '' }] }, text: '' },
  ];
  for (const section of sections) await b.value('cases.saveSection', { caseId, section });
  await b.value('cases.saveClientView', { caseId, view: { goals: 'Työkokeilu kaupassa', helps: '', hinders: '', selfRating: 5, waiTotal: 30, kykyviisari: { physical: 6.5 } } });
  await b.value('cases.savePlanning', { caseId, bringNote: 'Toivoo työkokeilua.', proposedMeetingDate: inDays(14) });
}

describe('consents', () => {
  it('cover organisations today and at the proposed meeting; oral consent only on its day', async () => {
    await b.value('consents.create', written({ organisations: ['kela'], validUntil: inDays(7) }));
    await b.value('cases.savePlanning', { caseId, bringNote: '', proposedMeetingDate: inDays(10) });
    const p = await b.value<Prep>('cases.getPreparation', { caseId });
    expect(p.coverageToday).toEqual({ employment_authority: false, county_social_care: false, county_health_care: false, kela: true });
    expect(p.coverageAtMeeting).toMatchObject({ kela: false });
    const oral = await b.value<{ validUntil: string }>('consents.create', written({ form: 'oral', organisations: ['employment_authority'], validUntil: inDays(30) }));
    expect(oral.validUntil).toBe(today);
  });

  it('refuse an end before the start, a future start, nothing covered; withdrawal ends coverage', async () => {
    expect(await b.code('consents.create', written({ validUntil: inDays(-5) }))).toBe('invalid_input');
    expect(await b.code('consents.create', written({ givenOn: inDays(3), validUntil: null }))).toBe('invalid_input');
    expect(await b.code('consents.create', written({ organisations: [], otherOrganisations: [] }))).toBe('invalid_input');
    expect(await b.code('consents.create', written({ dataCategories: [] }))).toBe('invalid_input');
    const c = await b.value<{ id: string }>('consents.create', written());
    expect(await b.code('consents.withdraw', { consentId: c.id, withdrawnOn: inDays(2) })).toBe('invalid_input');
    await b.value('consents.withdraw', { consentId: c.id, withdrawnOn: today });
    const p = await b.value<Prep>('cases.getPreparation', { caseId });
    expect(Object.values(p.coverageToday).every((x) => !x)).toBe(true);
  });
});

describe('the readiness checklist', () => {
  it('says what is missing, refuses "ready" until it holds, then lets the case go to the team', async () => {
    const before = await b.value<Prep>('cases.getPreparation', { caseId });
    expect(before.readiness.filter((r) => !r.ok).map((r) => r.item)).toEqual(['consent', 'client_view', 'background', 'proposed_meeting']);
    expect(before.readiness.find((r) => r.item === 'background')?.missing).toEqual(['education', 'work_history', 'health', 'social', 'benefits']);
    expect(await b.call('cases.setStatus', { caseId, status: 'ready_for_team' })).toMatchObject({ ok: false, error: { code: 'not_ready', details: { missing: ['consent', 'client_view', 'background', 'proposed_meeting'] } } });

    await fillEverything();
    const after = await b.value<Prep>('cases.getPreparation', { caseId });
    expect(after.readiness.every((r) => r.ok)).toBe(true);
    expect(await b.value('cases.setStatus', { caseId, status: 'ready_for_team' })).toMatchObject({ status: 'ready_for_team' });
  });

  it('rejects malformed section data and out-of-range ratings, keeping what was saved', async () => {
    await b.value('cases.saveSection', { caseId, section: { section: 'health', data: {}, text: 'Ennen' } });
    expect(await b.code('cases.saveSection', { caseId, section: { section: 'health', data: { extra: 1 }, text: 'x' } })).toBe('invalid_input');
    expect(await b.code('cases.saveSection', { caseId, section: { section: 'benefits', data: { items: [{ benefit: 'lottery', status: 'receives', note: '' }] }, text: '' } })).toBe('invalid_input');
    expect(await b.code('cases.saveClientView', { caseId, view: { goals: '', helps: '', hinders: '', selfRating: 11, waiTotal: null, kykyviisari: {} } })).toBe('invalid_input');
    expect(await b.code('cases.saveClientView', { caseId, view: { goals: '', helps: '', hinders: '', selfRating: null, waiTotal: 5, kykyviisari: {} } })).toBe('invalid_input');
    expect(await b.code('cases.saveSection', { caseId, section: { section: 'health', data: {}, text: 'x'.repeat(100_000) } })).toBe('invalid_input');
    const p = await b.value<{ background: { health: { text: string } } }>('cases.getPreparation', { caseId });
    expect(p.background.health.text).toBe('Ennen');
  });
});

describe('the restricted section', () => {
  it('is hidden from, and cannot be written by, professions outside health and social care', async () => {
    await b.value('cases.saveSection', { caseId, section: { section: 'restricted', data: { substance: 'SALAINEN', mentalHealth: '' }, text: '' } });
    await b.value('users.create', { username: 'kela1', displayName: 'Kaisa Kela', profession: 'kela_adviser', organisation: 'Kela', role: 'team_member', password: 'first password 1' });
    await b.value('session.lock');
    await b.value('session.signIn', { username: 'kela1', password: 'first password 1' });
    await b.value('session.changePassword', { currentPassword: 'first password 1', newPassword: 'kaisa own password' });
    const p = await b.value<Prep>('cases.getPreparation', { caseId });
    expect(p.restrictedHidden).toBe(true);
    expect(JSON.stringify(p)).not.toContain('SALAINEN');
    expect(await b.code('cases.saveSection', { caseId, section: { section: 'restricted', data: { substance: '', mentalHealth: '' }, text: '' } })).toBe('forbidden');
  });
});
