import { describe, expect, it } from 'vitest';
import {
  defaultReviewDate,
  missingSectors,
  outstandingSignatures,
  planProblems,
  quorumSatisfied,
  requiredSignatures,
  versionRefusal,
  type PlanAction,
  type PlanContent,
  type PlanGoal,
  type PlanState,
} from '../../shared/domain/plan.js';

const goal = (id: string, extra: Partial<PlanGoal> = {}): PlanGoal => ({ id, text: 'Osa-aikatyö', targetDate: null, progressMeasure: '', acceptance: 'agrees', clientWords: '', ...extra });
const action = (id: string, extra: Partial<PlanAction> = {}): PlanAction => ({
  id,
  serviceId: 'svc-ips',
  text: '',
  providerId: null,
  responsible: 'Eero Eskola',
  startDate: '2026-01-01',
  dueDate: '2026-03-31',
  goalIds: ['g1'],
  status: 'planned',
  ...extra,
});
const content = (extra: Partial<PlanContent> = {}): PlanContent => ({ goals: [goal('g1')], actions: [action('a1')], reviewDate: '2026-06-30', statutoryRefs: [], ...extra });

describe('planProblems', () => {
  it('a complete plan has none; an empty one lacks goals, actions and the review date', () => {
    expect(planProblems(content())).toEqual([]);
    expect(planProblems({ goals: [], actions: [], reviewDate: null, statutoryRefs: [] }).map((p) => p.code)).toEqual(['no_goals', 'no_actions', 'review_date_missing']);
  });

  it('names each goal and action that lacks something, by id and place', () => {
    const problems = planProblems(
      content({
        goals: [goal('g1'), goal('g2', { text: '  ', acceptance: null }), goal('g3', { acceptance: 'partly' }), goal('g4', { acceptance: 'disagrees', clientWords: 'En halua.' })],
        actions: [
          action('a1'),
          action('a2', { responsible: ' ', dueDate: null }),
          action('a3', { serviceId: null, text: '' }),
          action('a4', { startDate: '2026-05-01', dueDate: '2026-04-30' }),
          action('a5', { goalIds: [] }),
          action('a6', { goalIds: ['g1', 'gone'] }),
        ],
        statutoryRefs: [{ kind: 'activation_plan', number: '', date: null }],
      }),
    );
    expect(problems).toEqual([
      { code: 'goal_text_missing', goalId: 'g2', index: 1 },
      { code: 'goal_acceptance_missing', goalId: 'g2', index: 1 },
      { code: 'goal_client_words_missing', goalId: 'g3', index: 2 },
      { code: 'action_responsible_missing', actionId: 'a2', index: 1 },
      { code: 'action_due_missing', actionId: 'a2', index: 1 },
      { code: 'action_what_missing', actionId: 'a3', index: 2 },
      { code: 'action_due_before_start', actionId: 'a4', index: 3 },
      { code: 'action_goal_missing', actionId: 'a5', index: 4 },
      { code: 'action_goal_unknown', actionId: 'a6', index: 5 },
      { code: 'statutory_number_missing', index: 0 },
    ]);
  });

  it('a due date on the start date is fine; a free-text action needs its text', () => {
    expect(planProblems(content({ actions: [action('a1', { startDate: '2026-03-31', dueDate: '2026-03-31', serviceId: null, text: 'Kuntouttava ohjaus' })] }))).toEqual([]);
  });
});

describe('versionRefusal', () => {
  const ops = ['edit', 'freeze', 'reopen', 'sign', 'revise'] as const;
  const table: Record<PlanState, (string | null)[]> = {
    draft: [null, null, 'plan_not_frozen', 'plan_not_frozen', 'plan_not_draft'],
    frozen: ['plan_not_draft', 'plan_not_draft', null, null, 'plan_not_draft'],
    locked: ['plan_locked', 'plan_locked', 'plan_locked', 'plan_locked', null],
    superseded: ['plan_superseded', 'plan_superseded', 'plan_superseded', 'plan_superseded', 'plan_superseded'],
  };
  it.each(Object.entries(table))('%s', (state, expected) => {
    expect(ops.map((op) => versionRefusal(state as PlanState, op))).toEqual(expected);
  });
});

describe('quorum', () => {
  const required = ['social_care', 'health_care', 'employment_services'] as const;
  it('remote members count, absent ones do not; the order is the required order', () => {
    expect(
      missingSectors(required, [
        { sectorOfProfession: 'employment_services', status: 'present' },
        { sectorOfProfession: 'health_care', status: 'remote' },
        { sectorOfProfession: 'social_care', status: 'absent' },
        { sectorOfProfession: 'kela', status: 'present' },
      ]),
    ).toEqual(['social_care']);
    expect(missingSectors(required, [])).toEqual([...required]);
    expect(missingSectors([], [])).toEqual([]);
  });
  it('passes with nothing missing, or with a reason that is not blank', () => {
    expect(quorumSatisfied([], '')).toBe(true);
    expect(quorumSatisfied(['health_care'], '   ')).toBe(false);
    expect(quorumSatisfied(['health_care'], 'Lausunto kirjallisena')).toBe(true);
  });
});

describe('signatures', () => {
  const attendance = [
    { attendanceId: 'p1', userId: 'u1', status: 'present' as const },
    { attendanceId: 'p2', userId: 'u2', status: 'remote' as const },
    { attendanceId: 'p3', userId: null, status: 'present' as const },
    { attendanceId: 'p4', userId: 'u4', status: 'absent' as const },
  ];
  it('present members sign, the chair confirms remote and account-less people, the client signs, absent people do not', () => {
    expect(requiredSignatures(attendance)).toEqual([
      { kind: 'member', attendanceId: 'p1' },
      { kind: 'confirmed', attendanceId: 'p2' },
      { kind: 'confirmed', attendanceId: 'p3' },
      { kind: 'client', attendanceId: null },
    ]);
  });
  it('the version locks when nothing is outstanding; either client signature will do', () => {
    const needed = requiredSignatures(attendance);
    expect(outstandingSignatures(needed, [])).toEqual(needed);
    const given = [
      { kind: 'member' as const, attendanceId: 'p1' },
      { kind: 'confirmed' as const, attendanceId: 'p2' },
      { kind: 'confirmed' as const, attendanceId: 'p3' },
    ];
    expect(outstandingSignatures(needed, given)).toEqual([{ kind: 'client', attendanceId: null }]);
    expect(outstandingSignatures(needed, [...given, { kind: 'client_oral', attendanceId: null }])).toEqual([]);
    expect(outstandingSignatures(needed, [...given, { kind: 'client_drawn', attendanceId: null }])).toEqual([]);
    // A client signature does not stand for a member.
    expect(outstandingSignatures(needed, [{ kind: 'client_drawn', attendanceId: null }]).map((r) => r.attendanceId)).toEqual(['p1', 'p2', 'p3']);
  });
});

describe('defaultReviewDate', () => {
  it('adds the interval in months, keeping the day or the month’s last day', () => {
    expect(defaultReviewDate('2026-03-15', 6)).toBe('2026-09-15');
    expect(defaultReviewDate('2026-08-31', 6)).toBe('2027-02-28');
    expect(defaultReviewDate('2027-08-31', 6)).toBe('2028-02-29');
    expect(defaultReviewDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(defaultReviewDate('2026-05-31', 1)).toBe('2026-06-30');
    expect(defaultReviewDate('2026-12-01', 1)).toBe('2027-01-01');
    expect(defaultReviewDate('2026-11-30', 24)).toBe('2028-11-30');
  });
});
