/**
 * The plan both plan benchmarks write (bench/plan.ts, bench/pdf.ts): seeded goals, actions from the
 * catalogue or free text, each serving one or two goals, and a coordinator; through the same
 * channels the UI calls. The texts are the caller's, so each benchmark measures its own material.
 */
import type { Channel, Input, Output } from '../shared/api/contract.js';
import { SEED_SERVICES } from '../shared/domain/catalogue.js';
import { addDays } from '../shared/domain/dates.js';

export type Call = <K extends Channel>(channel: K, input: Input<K>) => Promise<Output<K>>;

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
