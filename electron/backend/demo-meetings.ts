/**
 * The demo's team and meetings: a meeting held today (two cases assessed through the guided
 * session, the first with its plan written, its coordinator named and signed round the table; one
 * case not reached and carried over) and the next meeting a week on, so a newcomer sees an agenda,
 * a meeting record, finished assessments and a signed plan. Written through the same use cases as
 * the UI, as the administrator; the members sign with the demo's shared password.
 */
import type { AssessmentChange, Channel, Input, Output } from '../../shared/api/contract.js';
import { addDays } from '../../shared/domain/dates.js';
import { DEMO_ACCOUNTS } from './demo-people.js';

type Call = <K extends Channel>(channel: K, input: Input<K>) => Promise<Output<K>>;

/** What the team said of an assessed demo case (fictional, in the words a team would use). */
const ASSESSMENTS: readonly AssessmentChange[][] = [
  [
    { kind: 'text', field: 'conclusion.statement', value: 'Työkyky on osittain alentunut: kuormitus ja jaksaminen rajoittavat, mutta osa-aikatyö kevyessä tehtävässä on realistinen tavoite tuen kanssa.' },
    { kind: 'teamRating', value: 5 },
    { kind: 'text', field: 'conclusion.strengths', value: 'Motivaatio, aiempi työkokemus asiakaspalvelusta, toimiva arki.' },
    { kind: 'text', field: 'conclusion.barriers', value: 'Uupumus, epäsäännöllinen uni, pitkä työttömyys.' },
    { kind: 'servicePath', value: 'supported_employment' },
    { kind: 'clientAgreement', value: 'agrees' },
    { kind: 'icfQualifier', code: 'b130', value: '2' },
    { kind: 'icfObservation', code: 'b130', profession: 'physician', value: 'Väsymys rajoittaa päivittäistä jaksamista.' },
    { kind: 'icfObservation', code: 'b130', profession: 'psychologist', value: 'Jaksaminen paranee, kun päivällä on rakenne.' },
    { kind: 'icfQualifier', code: 'd240', value: '3' },
    { kind: 'icfQualifier', code: 'e590', value: '+2' },
    { kind: 'rehab', rehab: 'vocational', need: 'yes', grounds: 'Tarvitsee tukea työhön paluussa.', service: 'IPS-työhönvalmennus' },
    { kind: 'rehab', rehab: 'mental_health', need: 'to_be_assessed', grounds: 'Uupumusoireet, arvio psykologilla.', service: '' },
  ],
  [
    { kind: 'text', field: 'conclusion.statement', value: 'Työkyky on tällä hetkellä heikko. Ensin kuntoutus, sen jälkeen työkokeilu.' },
    { kind: 'teamRating', value: 3 },
    { kind: 'text', field: 'conclusion.strengths', value: 'Hyvä tukiverkosto, halu opiskella.' },
    { kind: 'text', field: 'conclusion.barriers', value: 'Selkäkipu rajoittaa istumista ja nostamista.' },
    { kind: 'servicePath', value: 'rehabilitation_first' },
    { kind: 'clientAgreement', value: 'partly' },
    { kind: 'text', field: 'conclusion.clientView', value: 'Asiakas haluaa suoraan työkokeiluun.' },
    { kind: 'text', field: 'conclusion.clientGrounds', value: 'Pelkää, että kuntoutus pitkittää työttömyyttä.' },
    { kind: 'text', field: 'conclusion.teamGrounds', value: 'Kipu on hoitamatta; työkokeilu keskeytyisi todennäköisesti.' },
    { kind: 'icfQualifier', code: 'b455', value: '3' },
    { kind: 'icfQualifier', code: 'd850', value: '3' },
    { kind: 'rehab', rehab: 'medical', need: 'yes', grounds: 'Selkäkivun hoito ja fysioterapia.', service: 'Lääkinnällinen kuntoutus' },
  ],
];

export interface DemoMeetings {
  teamId: string;
  heldMeetingId: string;
  nextMeetingId: string;
}

/**
 * The first assessed case's plan: two goals, three actions from the catalogue, the administrator
 * (Sanna, the social worker who prepared the case) as the client's own worker, so her worklist
 * shows a client to coordinate, and every signature the version needs (the client agrees orally).
 */
async function signedPlan(call: Call, caseId: string, meetingId: string, chairName: string, password: string, today: string, coordinatorId: string): Promise<void> {
  let v = await call('plans.start', { caseId });
  const ref = { planId: v.planId, version: v.version };
  const goal = async (text: string, progressMeasure: string, days: number) => {
    v = await call('plans.saveGoal', { ...ref, goal: { text, targetDate: addDays(today, days), progressMeasure, acceptance: 'agrees', clientWords: '' } });
    return v.content.goals.at(-1)!.id;
  };
  const work = await goal('Osa-aikatyö asiakaspalvelussa, 20 tuntia viikossa.', 'Työsopimus tehty ja työ jatkunut kolme kuukautta.', 180);
  const rhythm = await goal('Säännöllinen päivärytmi ja uni.', 'Asiakas herää arkisin klo 8 ja jaksaa iltapäivään.', 60);
  const actions: [string, string, number, number, string[]][] = [
    ['svc-ips', 'Riikka Salminen', 7, 150, [work]],
    ['svc-work-ability-assessment', 'Helena Rautio', 3, 45, [rhythm, work]],
    ['svc-mental-health', 'Johanna Berg', 10, 90, [rhythm]],
  ];
  for (const [serviceId, responsible, start, due, goalIds] of actions) {
    v = await call('plans.saveAction', { ...ref, action: { serviceId, text: '', providerId: null, responsible, startDate: addDays(today, start), dueDate: addDays(today, due), goalIds, status: 'planned' } });
  }
  await call('coordinators.assign', { caseId, who: { kind: 'user', userId: coordinatorId }, type: 'own_worker', startDate: today, handoverNote: '' });
  v = await call('plans.freeze', { ...ref, meetingId, quorumReason: '' });
  for (const slot of v.signers) {
    if (slot.way === 'member') await call('plans.sign', { ...ref, attendanceId: slot.attendanceId, password });
    else if (slot.way === 'confirmed') await call('plans.confirm', { ...ref, attendanceId: slot.attendanceId, chairPassword: password });
  }
  await call('plans.clientSign', { ...ref, method: 'oral', image: null, witness: chairName, chairPassword: password });
}

export async function enterMeetings(call: Call, today: string, password: string): Promise<DemoMeetings> {
  const users = await call('users.list', {});
  const members = users.filter((u) => u.active && DEMO_ACCOUNTS.some((a) => a.username === u.username));
  const chair = members.find((u) => u.role === 'administrator')!;
  const team = await call('teams.save', {
    name: 'Työkyvyn tuen tiimi (demo)',
    memberIds: members.map((u) => u.id),
    externals: [{ name: 'Eeva Kokemus', organisation: 'Kokemusasiantuntijat ry (demo)', profession: 'expert_by_experience' }],
    requiredSectors: ['social_care', 'health_care', 'employment_services'],
    newCaseMinutes: 20,
    reviewMinutes: 10,
    reviewIntervalMonths: 6,
  });
  const held = await call('meetings.create', { teamId: team.id, date: today, time: '09:00', place: 'Neuvotteluhuone Kaisla', chairId: chair.id });
  const ready = await call('meetings.eligibleCases', { meetingId: held.id });
  for (const c of ready.slice(0, 3)) await call('meetings.addItem', { meetingId: held.id, caseId: c.caseId });
  const attendance = [
    ...members.map((u) => ({ userId: u.id, externalId: null, name: u.displayName, profession: u.profession, organisation: u.organisation, status: u.profession === 'physiotherapist' ? ('absent' as const) : u.profession === 'kela_adviser' ? ('remote' as const) : ('present' as const) })),
    ...team.externals.map((x) => ({ userId: null, externalId: x.id, name: x.name, profession: x.profession, organisation: x.organisation, status: 'present' as const })),
  ];
  let meeting = await call('meetings.start', { meetingId: held.id, attendance });
  for (const [i, changes] of ASSESSMENTS.entries()) {
    const item = meeting.items[i];
    if (!item) break;
    await call('meetings.navigate', { meetingId: held.id, itemId: item.id, step: 'conclusion' });
    await call('assessment.get', { itemId: item.id });
    for (const change of changes) await call('assessment.change', { itemId: item.id, change });
    meeting = await call('meetings.completeItem', { itemId: item.id });
    if (i === 0) {
      await call('meetings.navigate', { meetingId: held.id, itemId: item.id, step: 'plan' });
      await signedPlan(call, item.caseId, held.id, chair.displayName, password, today, chair.id);
    }
  }
  await call('meetings.navigate', { meetingId: held.id, itemId: null, step: 'opening' });
  const finished = await call('meetings.finish', { meetingId: held.id, carryOverTo: { kind: 'new', date: addDays(today, 7), time: '09:00', place: 'Neuvotteluhuone Kaisla' } });
  const nextMeetingId = finished.nextMeetingId!;
  // The next meeting's agenda: the case carried over and more cases ready for the team.
  const more = await call('meetings.eligibleCases', { meetingId: nextMeetingId });
  for (const c of more.filter((x) => x.kind === 'new').slice(0, 3)) await call('meetings.addItem', { meetingId: nextMeetingId, caseId: c.caseId });
  return { teamId: team.id, heldMeetingId: held.id, nextMeetingId };
}
