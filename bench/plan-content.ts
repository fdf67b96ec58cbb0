/**
 * What both plan benchmarks write (bench/plan.ts, bench/pdf.ts), through the same channels the UI
 * calls: a case made ready for the team, the team's conclusion on its agenda item, and the plan:
 * seeded goals, actions from the catalogue or free text, each serving one or two goals, and a
 * coordinator. The plan's and the conclusion's texts are the caller's, so each benchmark measures
 * its own material.
 */
import type { Channel, Input, Output } from '../shared/api/contract.js';
import { SEED_SERVICES } from '../shared/domain/catalogue.js';
import { addDays } from '../shared/domain/dates.js';

export type Call = <K extends Channel>(channel: K, input: Input<K>) => Promise<Output<K>>;

/** A new client's case, prepared and ready for the team: referral, consent, background, the client's view, planning. */
export async function readyCase(call: Call, clientName: string, today: string): Promise<string> {
  const client = await call('clients.create', { name: clientName, language: 'fi' });
  const c = await call('cases.create', { clientId: client.id, referral: { source: 'employment_authority', referrerName: '', referrerOrganisation: '', referralDate: today, reason: 'Benchmark', attachments: [] } });
  await call('cases.setStatus', { caseId: c.id, status: 'in_preparation' });
  await call('consents.create', { clientId: client.id, form: 'written', organisations: ['employment_authority', 'county_social_care', 'county_health_care', 'kela'], otherOrganisations: [], dataCategories: ['basic', 'employment', 'health'], givenOn: today, validUntil: addDays(today, 180), note: '' });
  const sections: Input<'cases.saveSection'>['section'][] = [
    { section: 'education', data: { level: 'vocational', qualifications: 'Merkonomi' }, text: '' },
    { section: 'work_history', data: { entries: [] }, text: 'Kaupan alalla 2015–2020.' },
    { section: 'health', data: {}, text: 'Selkävaivoja.' },
    { section: 'social', data: { housing: 'Vuokra-asunto', finances: '', family: '', debts: '' }, text: '' },
    { section: 'benefits', data: { items: [{ benefit: 'labour_market_subsidy', status: 'receives', note: '' }] }, text: '' },
  ];
  for (const section of sections) await call('cases.saveSection', { caseId: c.id, section });
  await call('cases.saveClientView', { caseId: c.id, view: { goals: 'Työkokeilu', helps: '', hinders: '', selfRating: 5, waiTotal: null, kykyviisari: {} } });
  await call('cases.savePlanning', { caseId: c.id, bringNote: '', proposedMeetingDate: addDays(today, 7) });
  await call('cases.setStatus', { caseId: c.id, status: 'ready_for_team' });
  return c.id;
}

/** The team's conclusion on an agenda item of a running meeting, and the item completed. */
export async function concludeItem(call: Call, meetingId: string, itemId: string, changes: Input<'assessment.change'>['change'][]): Promise<void> {
  await call('meetings.navigate', { meetingId, itemId, step: 'conclusion' });
  for (const change of changes) await call('assessment.change', { itemId, change });
  await call('meetings.completeItem', { itemId });
}

export interface PlanTexts {
  goal: (i: number) => string;
  measure: () => string;
  clientWords: () => string;
  /** An action's text: free text, or (sometimes) a note beside a catalogue service; '' for none. */
  action: (i: number, free: boolean) => string;
}

export async function writePlanContent(
  call: Call,
  r: () => number,
  plan: { caseId: string; today: string; goals: number; actions: number; people: readonly { id: string; displayName: string }[]; texts: PlanTexts },
): Promise<Output<'plans.get'>> {
  const { caseId, today, goals, actions, people, texts } = plan;
  let v = await call('plans.start', { caseId });
  const planId = v.planId;
  for (let i = 0; i < goals; i++) {
    const acceptance = r() < 0.8 ? 'agrees' : 'partly';
    v = await call('plans.saveGoal', { planId, version: 1, goal: { text: texts.goal(i), targetDate: addDays(today, 90 + Math.floor(r() * 270)), progressMeasure: texts.measure(), acceptance, clientWords: acceptance === 'agrees' ? '' : texts.clientWords() } });
  }
  const goalIds = v.content.goals.map((g) => g.id);
  for (let i = 0; i < actions; i++) {
    const free = r() < 0.2;
    const start = addDays(today, Math.floor(r() * 60));
    v = await call('plans.saveAction', {
      planId,
      version: 1,
      action: {
        serviceId: free ? null : SEED_SERVICES[Math.floor(r() * SEED_SERVICES.length)]!.id,
        text: texts.action(i, free),
        providerId: null,
        responsible: people[Math.floor(r() * people.length)]!.displayName,
        startDate: start,
        dueDate: addDays(start, 14 + Math.floor(r() * 180)),
        goalIds: [...new Set([goalIds[Math.floor(r() * goals)]!, goalIds[Math.floor(r() * goals)]!])],
        status: 'planned',
      },
    });
  }
  await call('coordinators.assign', { caseId, who: { kind: 'user', userId: people[1 % people.length]!.id }, type: 'work_ability_coordinator', startDate: today, handoverNote: '' });
  return v;
}
