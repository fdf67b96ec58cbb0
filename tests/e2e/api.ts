/**
 * Preconditions through the real backend, from inside the page (same origin, the tab's own token):
 * for tests whose subject is a later screen, e.g. a meeting needs cases already prepared (which
 * tests/e2e/preparation.spec.ts walks through the UI).
 */
import type { Page } from '@playwright/test';
import { addDays, todayInFinland } from '../../shared/domain/dates.js';

export async function invokeInPage<T = Record<string, unknown>>(page: Page, channel: string, input: unknown = {}): Promise<T> {
  const result = await page.evaluate(
    async ({ channel, input }) => {
      const token = sessionStorage.getItem('tiimipoyta.token') ?? '';
      const res = await fetch(`api/invoke/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
    },
    { channel, input },
  );
  if (!result.ok) throw new Error(`${channel}: ${result.error?.code} ${result.error?.message}`);
  return result.value as T;
}

/** The Finnish calendar day `days` from today (what the backend calls today). */
function dayFromToday(days: number): string {
  return addDays(todayInFinland(), days);
}

export interface SeededCase {
  clientId: string;
  caseId: string;
  caseNumber: string;
  name: string;
}

/**
 * A client whose case passed the "ready for the team" checklist: written consent for every
 * organisation, every background section, the client's own view, a proposed meeting date.
 */
export async function seedReadyCase(page: Page, name: string, opts: { identityCode?: string; restricted?: string; consentValidDays?: number } = {}): Promise<SeededCase> {
  const today = dayFromToday(0);
  const client = await invokeInPage<{ id: string }>(page, 'clients.create', { name, language: 'fi', ...(opts.identityCode ? { identityCode: opts.identityCode } : {}) });
  const c = await invokeInPage<{ id: string; number: string }>(page, 'cases.create', {
    clientId: client.id,
    referral: { source: 'employment_authority', referrerName: 'Outi Ohjaaja', referrerOrganisation: 'Työllisyyspalvelut', referralDate: today, reason: 'Pitkä työttömyys ja selkävaiva.', attachments: [] },
  });
  await invokeInPage(page, 'cases.setStatus', { caseId: c.id, status: 'in_preparation' });
  await invokeInPage(page, 'consents.create', {
    clientId: client.id,
    form: 'written',
    organisations: ['employment_authority', 'county_social_care', 'county_health_care', 'kela'],
    otherOrganisations: [],
    dataCategories: ['basic', 'employment', 'social', 'health', 'benefits', 'rehabilitation'],
    givenOn: today,
    validUntil: dayFromToday(opts.consentValidDays ?? 180),
    note: '',
  });
  const sections = [
    { section: 'education', data: { level: 'vocational', qualifications: 'Lähihoitaja' }, text: 'Ammatillinen tutkinto.' },
    { section: 'work_history', data: { entries: [{ id: 'w1', from: '2015-01', to: '2022-06', employer: 'Kauppa Oy', role: 'Myyjä', endReason: 'Irtisanominen' }] }, text: '' },
    { section: 'health', data: {}, text: 'Selkävaivoja, kipu rajoittaa seisomista.' },
    { section: 'social', data: { housing: 'Vuokra-asunto', finances: 'Tiukka', family: 'Yksin', debts: 'Ei' }, text: '' },
    { section: 'benefits', data: { items: [{ benefit: 'labour_market_subsidy', status: 'receives', note: '' }, { benefit: 'general_housing_allowance', status: 'receives', note: '' }] }, text: '' },
    ...(opts.restricted ? [{ section: 'restricted', data: { substance: opts.restricted, mentalHealth: '' }, text: '' }] : []),
  ];
  for (const section of sections) await invokeInPage(page, 'cases.saveSection', { caseId: c.id, section });
  await invokeInPage(page, 'cases.saveClientView', {
    caseId: c.id,
    view: { goals: 'Haluan osa-aikatyön kaupan alalta.', helps: 'Säännöllinen arki', hinders: 'Selkäkipu', selfRating: 5, waiTotal: 30, kykyviisari: {} },
  });
  await invokeInPage(page, 'cases.savePlanning', { caseId: c.id, bringNote: 'Toive osa-aikatyöstä.', proposedMeetingDate: dayFromToday(7) });
  await invokeInPage(page, 'cases.setStatus', { caseId: c.id, status: 'ready_for_team' });
  return { clientId: client.id, caseId: c.id, caseNumber: c.number, name };
}

/**
 * The team's conclusion for an agenda item of a running meeting, written through the channels (the
 * session spec walks steps 1–7 in the UI; later specs start here). With `complete`, the item is
 * marked discussed and the shared screen moves on to the plan step.
 */
export async function writeConclusion(page: Page, meetingId: string, itemId: string, statement: string, opts: { complete: boolean }): Promise<void> {
  await invokeInPage(page, 'meetings.navigate', { meetingId, itemId, step: 'conclusion' });
  await invokeInPage(page, 'assessment.get', { itemId });
  for (const change of [
    { kind: 'text', field: 'conclusion.statement', value: statement },
    { kind: 'teamRating', value: 6 },
    { kind: 'servicePath', value: 'supported_employment' },
    { kind: 'clientAgreement', value: 'agrees' },
  ]) {
    await invokeInPage(page, 'assessment.change', { itemId, change });
  }
  if (!opts.complete) return;
  await invokeInPage(page, 'meetings.completeItem', { itemId });
  await invokeInPage(page, 'meetings.navigate', { meetingId, itemId, step: 'plan' });
}

export { dayFromToday };
