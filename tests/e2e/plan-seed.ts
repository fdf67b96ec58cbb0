/**
 * A signed plan through the real backend (for specs whose subject is what follows signing: the
 * PDF, its verification): a two-member team meeting today (Aino, the store's administrator, and
 * Pekka, a physician), the case assessed, version 1 written with one goal and one action, Pekka as
 * coordinator, and signed by both members and the client (an oral agreement Pekka witnesses).
 */
import { expect, type Page } from '@playwright/test';
import { dayFromToday, invokeInPage, seedReadyCase, writeConclusion } from './api.js';
import { PASSWORD } from './fixtures.js';

export const PEKKA = { name: 'Pekka Lääkäri', password: 'lääkärin oma salasana' } as const;

interface Version {
  planId: string;
  version: number;
  state: string;
  content: { goals: { id: string }[] };
  signers: { attendanceId: string; name: string; way: string }[];
}

export interface SignedPlanText {
  client: string;
  identityCode: string;
  conclusion: string;
  goal: string;
  progressMeasure: string;
  action: string;
}

export interface SeededPlan {
  caseId: string;
  caseNumber: string;
  planId: string;
  meetingId: string;
  itemId: string;
}

export interface Seat {
  userId: string | null;
  /** An external regular's seat: its index in `externals` (its id is made with the team). */
  externalIndex?: number;
  name: string;
  profession: string;
  organisation: string;
  status?: 'present' | 'remote' | 'absent';
}

/**
 * Jyväskylä's team of the given members (and external regulars) meeting today with the case on its
 * agenda, started with `seats` at the table (a seat is present unless it says otherwise).
 */
export async function meetingToday(
  page: Page,
  opts: { caseId: string; chairId: string; seats: Seat[]; externals?: { name: string; organisation: string; profession: string }[]; requiredSectors: string[] },
): Promise<{ meetingId: string; itemId: string }> {
  const team = await invokeInPage<{ id: string; externals: { id: string }[] }>(page, 'teams.save', {
    name: 'Jyväskylän työkykytiimi',
    memberIds: opts.seats.flatMap((s) => (s.userId ? [s.userId] : [])),
    externals: opts.externals ?? [],
    requiredSectors: opts.requiredSectors,
    newCaseMinutes: 20,
    reviewMinutes: 10,
    reviewIntervalMonths: 6,
  });
  const meeting = await invokeInPage<{ id: string }>(page, 'meetings.create', { teamId: team.id, date: dayFromToday(0), time: '09:00', place: 'Neuvotteluhuone Kuusi', chairId: opts.chairId });
  const detail = await invokeInPage<{ items: { id: string }[] }>(page, 'meetings.addItem', { meetingId: meeting.id, caseId: opts.caseId });
  await invokeInPage(page, 'meetings.start', {
    meetingId: meeting.id,
    attendance: opts.seats.map(({ externalIndex, ...s }) => ({
      userId: s.userId,
      externalId: externalIndex === undefined ? null : team.externals[externalIndex]!.id,
      name: s.name,
      profession: s.profession,
      organisation: s.organisation,
      status: s.status ?? 'present',
    })),
  });
  return { meetingId: meeting.id, itemId: detail.items[0]!.id };
}

/** Freezes a version in the running meeting; both members and the client (orally) sign it. */
export async function signVersion(page: Page, ref: { planId: string; version: number }, meetingId: string): Promise<void> {
  const frozen = await invokeInPage<Version>(page, 'plans.freeze', { ...ref, meetingId, quorumReason: '' });
  const attendance = (name: string) => frozen.signers.find((s) => s.name === name)!.attendanceId;
  await invokeInPage(page, 'plans.sign', { ...ref, attendanceId: attendance('Aino Ahonen'), password: PASSWORD });
  await invokeInPage(page, 'plans.sign', { ...ref, attendanceId: attendance(PEKKA.name), password: PEKKA.password });
  const signed = await invokeInPage<Version>(page, 'plans.clientSign', { ...ref, method: 'oral', image: null, witness: PEKKA.name, chairPassword: PASSWORD });
  expect(signed.state).toBe('locked');
}

export async function seedSignedPlan(page: Page, text: SignedPlanText): Promise<SeededPlan> {
  const c = await seedReadyCase(page, text.client, { identityCode: text.identityCode });
  const aino = (await invokeInPage<{ user: { id: string } }>(page, 'app.status')).user.id;
  const pekka = await invokeInPage<{ id: string }>(page, 'users.create', {
    username: 'pekka',
    displayName: PEKKA.name,
    profession: 'physician',
    organisation: 'Terveysasema',
    role: 'team_member',
    password: PEKKA.password,
  });
  const { meetingId, itemId } = await meetingToday(page, {
    caseId: c.caseId,
    chairId: aino,
    requiredSectors: ['social_care', 'health_care'],
    seats: [
      { userId: aino, name: 'Aino Ahonen', profession: 'social_worker', organisation: 'Hyvinvointialue' },
      { userId: pekka.id, name: PEKKA.name, profession: 'physician', organisation: 'Terveysasema' },
    ],
  });
  await writeConclusion(page, meetingId, itemId, text.conclusion, { complete: true });

  const started = await invokeInPage<Version>(page, 'plans.start', { caseId: c.caseId });
  const ref = { planId: started.planId, version: started.version };
  const withGoal = await invokeInPage<Version>(page, 'plans.saveGoal', { ...ref, goal: { text: text.goal, targetDate: null, progressMeasure: text.progressMeasure, acceptance: 'agrees', clientWords: '' } });
  await invokeInPage(page, 'plans.saveAction', {
    ...ref,
    action: { serviceId: null, text: text.action, providerId: null, responsible: PEKKA.name, startDate: dayFromToday(7), dueDate: dayFromToday(90), goalIds: [withGoal.content.goals[0]!.id], status: 'planned' },
  });
  await invokeInPage(page, 'coordinators.assign', { caseId: c.caseId, who: { kind: 'user', userId: pekka.id }, type: 'own_worker', startDate: dayFromToday(0), handoverNote: '' });
  await signVersion(page, ref, meetingId);
  return { caseId: c.caseId, caseNumber: c.caseNumber, planId: started.planId, meetingId, itemId };
}
