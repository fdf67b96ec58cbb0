import { describe, expect, it } from 'vitest';
import type { AssessmentChange } from '../../shared/api/contract.js';
import { assessmentChangeSchema } from '../../shared/api/contract.js';
import {
  MISSING_ITEMS,
  addedIcfCodes,
  assessmentMissing,
  fieldKey,
  fieldValue,
  isSpeakerNoteKey,
  missingFieldKey,
  missingStep,
  parseFieldKey,
  purposeForKind,
  readBenefit,
  readClientAgreement,
  readIcfObservation,
  readIcfQualifier,
  readRehab,
  readSpeakerNote,
  readTeamRating,
  readText,
  type AssessmentChangeLike,
  type StoredFields,
} from '../../shared/domain/assessment.js';
import {
  addMonths,
  carryOver,
  consentAtTable,
  consentOrganisationsOf,
  defaultTimeBox,
  initialsOf,
  isReorderOf,
  missingSectors,
  moveItem,
  reviewDue,
  shownElapsedMs,
  timerPhase,
  type Attendee,
} from '../../shared/domain/meeting.js';
import type { ConsentLike } from '../../shared/domain/preparation.js';

const MIN = 60_000;

describe('time boxes', () => {
  it('are ok below 80 %, amber from 80 % up to the box, red when over', () => {
    expect(timerPhase(0, 20)).toBe('ok');
    expect(timerPhase(16 * MIN - 1, 20)).toBe('ok');
    expect(timerPhase(16 * MIN, 20)).toBe('amber');
    expect(timerPhase(20 * MIN, 20)).toBe('amber');
    expect(timerPhase(20 * MIN + 1, 20)).toBe('red');
    expect(timerPhase(8 * MIN, 10)).toBe('amber');
  });

  it('default by kind from the team, and run on between answers only while running', () => {
    expect(defaultTimeBox('new', { newCaseMinutes: 20, reviewMinutes: 10 })).toBe(20);
    expect(defaultTimeBox('review', { newCaseMinutes: 20, reviewMinutes: 10 })).toBe(10);
    expect(shownElapsedMs({ elapsedMs: 5000, running: true }, 1500)).toBe(6500);
    expect(shownElapsedMs({ elapsedMs: 5000, running: false }, 1500)).toBe(5000);
    expect(shownElapsedMs({ elapsedMs: 5000, running: true }, -10)).toBe(5000);
  });
});

describe('the agenda', () => {
  const items = [
    { id: 'a', position: 1, state: 'discussed' as const },
    { id: 'c', position: 3, state: 'pending' as const },
    { id: 'b', position: 2, state: 'in_progress' as const },
    { id: 'd', position: 4, state: 'carried_over' as const },
  ];

  it('carries over what was not discussed (begun or not), in agenda order', () => {
    expect(carryOver(items).map((i) => i.id)).toEqual(['b', 'c']);
    expect(carryOver(items.filter((i) => i.state === 'discussed'))).toEqual([]);
  });

  it('accepts a new order only when it names every item exactly once', () => {
    expect(isReorderOf(['a', 'b', 'c'], ['c', 'a', 'b'])).toBe(true);
    expect(isReorderOf(['a', 'b', 'c'], ['c', 'a'])).toBe(false);
    expect(isReorderOf(['a', 'b', 'c'], ['c', 'a', 'a'])).toBe(false);
    expect(isReorderOf(['a', 'b', 'c'], ['c', 'a', 'x'])).toBe(false);
    expect(isReorderOf([], [])).toBe(true);
  });

  it('moves an item by keyboard, clamped at the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 'a', 5)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b'], 'x', 1)).toEqual(['a', 'b']);
  });

  it('shows initials instead of names', () => {
    expect(initialsOf('Liisa Laine')).toBe('L. L.');
    expect(initialsOf('Anna-Liisa Maria Mäki-Petäjä')).toBe('A. M.');
    expect(initialsOf('  Åsa   öhman ')).toBe('Å. Ö.');
    expect(initialsOf('Madonna')).toBe('M.');
    expect(initialsOf('')).toBe('');
  });

  it('finds reviews due by the team’s interval (months clamp to the month’s end)', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(reviewDue('2026-01-10', 6, '2026-07-09')).toBe(false);
    expect(reviewDue('2026-01-10', 6, '2026-07-10')).toBe(true);
    expect(reviewDue(null, 6, '2026-07-10')).toBe(true);
  });
});

describe('the consent check per organisation at the table', () => {
  const written = (organisations: string[], o: Partial<ConsentLike> = {}): ConsentLike => ({ form: 'written', organisations, givenOn: '2026-01-01', validUntil: '2026-12-31', withdrawnOn: null, ...o });
  const table: Attendee[] = [
    { profession: 'social_worker', status: 'present' },
    { profession: 'physician', status: 'remote' },
    { profession: 'employment_expert', status: 'present' },
    { profession: 'kela_adviser', status: 'absent' },
    { profession: 'expert_by_experience', status: 'present' },
  ];

  it('names the organisations of the people present or remote (absent ones and sectors without one do not count)', () => {
    expect(consentOrganisationsOf(table.filter((a) => a.status !== 'absent'))).toEqual(['employment_authority', 'county_social_care', 'county_health_care']);
    expect(consentAtTable(table, [], '2026-06-01').map((c) => c.organisation)).toEqual(['employment_authority', 'county_social_care', 'county_health_care']);
  });

  it('covers an organisation with a written consent valid on the day', () => {
    const consents = [written(['county_social_care', 'employment_authority']), written(['county_health_care'], { validUntil: '2026-05-31' })];
    expect(consentAtTable(table, consents, '2026-06-01')).toEqual([
      { organisation: 'employment_authority', covered: true },
      { organisation: 'county_social_care', covered: true },
      { organisation: 'county_health_care', covered: false },
    ]);
    expect(consentAtTable(table, consents, '2026-05-31').every((c) => c.covered)).toBe(true);
  });

  it('does not count oral, withdrawn or not yet given consent', () => {
    const all = ['employment_authority', 'county_social_care', 'county_health_care'];
    expect(consentAtTable(table, [written(all, { form: 'oral', givenOn: '2026-06-01', validUntil: '2026-06-01' })], '2026-06-01').some((c) => c.covered)).toBe(false);
    expect(consentAtTable(table, [written(all, { withdrawnOn: '2026-05-15' })], '2026-06-01').some((c) => c.covered)).toBe(false);
    expect(consentAtTable(table, [written(all, { givenOn: '2026-06-02' })], '2026-06-01').some((c) => c.covered)).toBe(false);
  });
});

describe('required sectors', () => {
  it('lists required sectors with nobody present or remote', () => {
    const required = ['social_care', 'health_care', 'employment_services'] as const;
    expect(missingSectors([], required)).toEqual([...required]);
    expect(
      missingSectors(
        [
          { profession: 'social_instructor', status: 'remote' },
          { profession: 'nurse', status: 'absent' },
          { profession: 'job_coach', status: 'present' },
        ],
        required,
      ),
    ).toEqual(['health_care']);
    expect(missingSectors([{ profession: 'kela_adviser', status: 'present' }], ['kela'])).toEqual([]);
  });
});

describe('assessment field keys', () => {
  const cases: [AssessmentChangeLike, string][] = [
    [{ kind: 'text', field: 'conclusion.statement', value: 'x' }, 'text:conclusion.statement'],
    [{ kind: 'purpose', value: 'review' }, 'purpose'],
    [{ kind: 'teamRating', value: 6 }, 'teamRating'],
    [{ kind: 'servicePath', value: 'work_trial' }, 'servicePath'],
    [{ kind: 'clientAgreement', value: 'partly' }, 'clientAgreement'],
    [{ kind: 'icfAdd', code: 'd175' }, 'icf:d175:added'],
    [{ kind: 'icfRemove', code: 'd175' }, 'icf:d175:added'],
    [{ kind: 'icfQualifier', code: 'd240', value: '2' }, 'icf:d240:qualifier'],
    [{ kind: 'icfObservation', code: 'd240', profession: 'physician', value: 'x' }, 'icf:d240:obs:physician'],
    [{ kind: 'benefit', benefit: 'sickness_allowance', status: 'applied', note: '' }, 'benefit:sickness_allowance'],
    [{ kind: 'rehab', rehab: 'vocational', need: 'yes', grounds: '', service: '' }, 'rehab:vocational'],
    [{ kind: 'speakerNote', step: 'opening', value: 'x' }, 'note:opening'],
  ];

  it('give each change one canonical key that reads back', () => {
    for (const [change, key] of cases) {
      expect(fieldKey(change)).toBe(key);
      expect(parseFieldKey(key), key).not.toBeNull();
    }
    expect(parseFieldKey('icf:d240:obs:physician')).toEqual({ kind: 'icfObservation', code: 'd240', profession: 'physician' });
    expect(parseFieldKey('text:nonsense')).toBeNull();
    expect(parseFieldKey('whatever')).toBeNull();
    expect(isSpeakerNoteKey('note:conclusion')).toBe(true);
    expect(isSpeakerNoteKey('text:conclusion.statement')).toBe(false);
  });

  it('match the contract’s change schema', () => {
    for (const [change] of cases) {
      const parsed: AssessmentChange = assessmentChangeSchema.parse(change);
      expect(fieldKey(parsed)).toBe(fieldKey(change));
    }
  });

  it('store values the readers give back', () => {
    const fields: Record<string, { value: unknown }> = {};
    for (const [change] of cases) fields[fieldKey(change)] = { value: fieldValue(change) };
    expect(readText(fields, 'conclusion.statement')).toBe('x');
    expect(readTeamRating(fields)).toBe(6);
    expect(readClientAgreement(fields)).toBe('partly');
    expect(readIcfQualifier(fields, 'd240')).toBe('2');
    expect(readIcfObservation(fields, 'd240', 'physician')).toBe('x');
    expect(readIcfObservation(fields, 'd240', 'nurse')).toBe('');
    expect(readBenefit(fields, 'sickness_allowance')).toEqual({ status: 'applied', note: '' });
    expect(readBenefit(fields, 'disability_allowance')).toBeNull();
    expect(readRehab(fields, 'vocational')).toEqual({ need: 'yes', grounds: '', service: '' });
    expect(readSpeakerNote(fields, 'opening')).toBe('x');
    // The last write of icf:d175:added was the removal.
    expect(addedIcfCodes(fields)).toEqual([]);
    expect(addedIcfCodes({ 'icf:d175:added': { value: true }, 'icf:b134:added': { value: true } })).toEqual(['b134', 'd175']);
  });

  it('start the purpose from the item’s kind', () => {
    expect(purposeForKind('new')).toBe('first_assessment');
    expect(purposeForKind('review')).toBe('review');
  });
});

describe('what the assessment record still needs', () => {
  const set = (entries: Record<string, unknown>): StoredFields => Object.fromEntries(Object.entries(entries).map(([k, value]) => [k, { value }]));
  const complete = {
    purpose: 'first_assessment',
    'text:conclusion.statement': 'Työkyky osittainen.',
    teamRating: 5,
    servicePath: 'work_trial',
    clientAgreement: 'agrees',
  };

  it('an empty record needs purpose, statement, rating, path and agreement', () => {
    expect(assessmentMissing({}, [])).toEqual(['purpose', 'conclusion.statement', 'teamRating', 'servicePath', 'clientAgreement']);
    expect(assessmentMissing(set(complete), [])).toEqual([]);
  });

  it('blank text does not count, and "other" needs its description', () => {
    expect(assessmentMissing(set({ ...complete, 'text:conclusion.statement': '  \n' }), [])).toEqual(['conclusion.statement']);
    expect(assessmentMissing(set({ ...complete, servicePath: 'other' }), [])).toEqual(['conclusion.servicePathOther']);
    expect(assessmentMissing(set({ ...complete, servicePath: 'other', 'text:conclusion.servicePathOther': 'Oma polku' }), [])).toEqual([]);
    expect(assessmentMissing(set({ ...complete, teamRating: 11 }), [])).toEqual(['teamRating']);
  });

  it('disagreement needs both views and their grounds', () => {
    for (const agreement of ['partly', 'disagrees']) {
      expect(assessmentMissing(set({ ...complete, clientAgreement: agreement }), [])).toEqual(['conclusion.clientView', 'conclusion.clientGrounds', 'conclusion.teamGrounds']);
    }
    expect(
      assessmentMissing(set({ ...complete, clientAgreement: 'disagrees', 'text:conclusion.clientView': 'a', 'text:conclusion.clientGrounds': 'b', 'text:conclusion.teamGrounds': 'c' }), []),
    ).toEqual([]);
  });

  it('an organisation at the table without consent needs the reason the team proceeds', () => {
    const table = [{ covered: true }, { covered: false }];
    expect(assessmentMissing(set(complete), table)).toEqual(['consentReason']);
    expect(assessmentMissing(set({ ...complete, 'text:opening.consentReason': 'Asiakas antoi suostumuksen suullisesti kokouksessa.' }), table)).toEqual([]);
    expect(assessmentMissing(set(complete), [{ covered: true }])).toEqual([]);
  });

  it('says where each missing item is filled in', () => {
    expect(MISSING_ITEMS.map(missingStep)).toEqual(['opening', 'opening', ...Array(8).fill('conclusion')]);
    expect(missingFieldKey('consentReason')).toBe('text:opening.consentReason');
    expect(missingFieldKey('conclusion.teamGrounds')).toBe('text:conclusion.teamGrounds');
    expect(missingFieldKey('servicePath')).toBe('servicePath');
  });
});
