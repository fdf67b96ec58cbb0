/**
 * What the demo store holds, decided before anything is written: 40 fictional clients, their
 * consents and cases, as the inputs of the same use cases the UI calls. Pure and seeded, so the
 * same seed gives the same people on every run (dates follow today, so a demo never looks stale).
 */
import type { BackgroundSectionInput, ClientViewInput, Input } from '../../shared/api/contract.js';
import type { CaseOutcome } from '../../shared/domain/case.js';
import { addDays } from '../../shared/domain/dates.js';
import { makeHenkilotunnus } from '../../shared/domain/henkilotunnus.js';
import { CONSENT_ORGANISATIONS, DATA_CATEGORIES, KYKYVIISARI_DOMAINS } from '../../shared/domain/preparation.js';
import { DEMO_ACCOUNTS, FIRST_NAMES, int, LAST_NAMES, MUNICIPALITIES, OTHER_LANGUAGE_CLIENTS, pick, REFERRERS, seeded, shuffle, STREETS, type Rng } from './demo-people.js';
import { FI_STORIES, type Story } from './demo-stories-fi.js';
import { SV_STORIES } from './demo-stories-sv.js';

export const DEMO_SEED = 2026;

type Kind = 'referred' | 'in_preparation' | 'ready' | 'closed' | 'reopened';
/** 40 clients; the reopened ones have a closed case and a new open one. */
const KINDS: Record<Kind, number> = { referred: 9, in_preparation: 11, ready: 10, closed: 6, reopened: 4 };
const SWEDISH = 6;
const WITH_BIRTH_DATE_ONLY = 8;
const CLOSED_OUTCOMES: readonly CaseOutcome[] = ['employed_open', 'employed_supported', 'education', 'pension', 'employed_supported', 'employed_open'];
/** Why a reopened client came back: the first case ended without a lasting result. */
const REOPENED_OUTCOMES: readonly CaseOutcome[] = ['contact_ended', 'rehabilitation', 'other', 'education'];

export interface ConsentPlan {
  input: Omit<Input<'consents.create'>, 'clientId'>;
  withdrawnOn?: string;
}

export interface CasePlan {
  referral: Input<'cases.create'>['referral'];
  /** Moved to "in preparation" before the background is saved. */
  prepare: boolean;
  sections: BackgroundSectionInput[];
  view?: ClientViewInput;
  planning?: { bringNote: string; proposedMeetingDate: string };
  end?: { status: 'ready_for_team' } | { status: 'closed'; outcome: CaseOutcome };
}

export interface ClientPlan {
  preparer: string;
  client: Input<'clients.create'>;
  consents: ConsentPlan[];
  cases: CasePlan[];
}


/** The team meets on Tuesdays: the k-th Tuesday after today (k = 0 is the next one). */
function tuesday(today: string, k: number): string {
  const dow = new Date(`${today}T12:00:00Z`).getUTCDay();
  return addDays(today, ((2 - dow + 7) % 7 || 7) + 7 * k);
}

const TEXT = {
  fi: { written: 'Kirjallinen suostumus allekirjoitettu tapaamisessa.', oral: 'Suullinen suostumus yhteen puhelinyhteydenottoon Kelaan.', again: 'Uusi ohjaus: ' },
  sv: { written: 'Skriftligt samtycke undertecknat vid mötet.', oral: 'Muntligt samtycke till ett telefonsamtal med FPA.', again: 'Ny hänvisning: ' },
} as const;

/** Each list drawn in shuffled order and round again, so 40 clients spread over the stories. */
function cycler<T>(r: Rng, xs: readonly T[]): () => T {
  let order: T[] = [];
  return () => {
    if (order.length === 0) order = shuffle(r, xs);
    return order.pop()!;
  };
}

function sections(r: Rng, s: Story, birthYear: number, thisYear: number): BackgroundSectionInput[] {
  let end = thisYear - int(r, 0, 2);
  const entries = s.work.flatMap((w, i) => {
    const from = Math.max(end - w.years, birthYear + 18);
    const entry = { id: `w${i + 1}`, from: String(from), to: String(end), employer: w.employer, role: w.role, endReason: w.endReason };
    end = from - int(r, 0, 1);
    return from < Number(entry.to) ? [entry] : [];
  });
  const { text: socialText, ...social } = s.social;
  return [
    { section: 'education', data: { level: s.education.level, qualifications: s.education.qualifications }, text: s.education.text },
    { section: 'work_history', data: { entries }, text: s.workText },
    { section: 'health', data: {}, text: s.health },
    { section: 'social', data: social, text: socialText },
    { section: 'benefits', data: { items: [...s.benefits] }, text: s.benefitsText },
  ];
}

function clientView(r: Rng, s: Story, full: boolean): ClientViewInput {
  const domains = shuffle(r, KYKYVIISARI_DOMAINS).slice(0, int(r, 3, 5));
  return {
    goals: s.view.goals,
    helps: full ? s.view.helps : '',
    hinders: full ? s.view.hinders : '',
    selfRating: full ? int(r, s.view.rating[0], s.view.rating[1]) : null,
    waiTotal: full && s.view.wai && r() < 0.75 ? int(r, s.view.wai[0], s.view.wai[1]) : null,
    kykyviisari: full ? Object.fromEntries(domains.map((d) => [d, int(r, 30, 80) / 10])) : {},
  };
}

export function planDemo(seed: number, today: string): ClientPlan[] {
  const r = seeded(seed);
  const thisYear = Number(today.slice(0, 4));
  const kinds = shuffle(r, (Object.entries(KINDS) as [Kind, number][]).flatMap(([k, n]) => Array<Kind>(n).fill(k)));
  const total = kinds.length;
  const languages = shuffle(r, [
    ...Array<'sv'>(SWEDISH).fill('sv'),
    ...Array<'other'>(OTHER_LANGUAGE_CLIENTS.length).fill('other'),
    ...Array<'fi'>(total - SWEDISH - OTHER_LANGUAGE_CLIENTS.length).fill('fi'),
  ]);
  const birthDateOnly = new Set(shuffle(r, [...Array(total).keys()]).slice(0, WITH_BIRTH_DATE_ONLY));
  // Temporary individual numbers (900–999), never a person's permanent code; odd ones are men's.
  const numbers = { male: shuffle(r, [...Array(50).keys()].map((i) => 901 + 2 * i)), female: shuffle(r, [...Array(50).keys()].map((i) => 900 + 2 * i)) };
  const stories = { fi: cycler(r, FI_STORIES.filter((s) => !s.immigrant)), sv: cycler(r, SV_STORIES), other: cycler(r, FI_STORIES.filter((s) => s.immigrant)) };
  const others = [...OTHER_LANGUAGE_CLIENTS];
  const preparers = DEMO_ACCOUNTS.filter((a) => a.prepares).map((a) => a.username);
  const usedNames = new Set<string>();
  const seen: Record<Kind, number> = { referred: 0, in_preparation: 0, ready: 0, closed: 0, reopened: 0 };

  return kinds.map((kind, i): ClientPlan => {
    const language = languages[i]!;
    const text = language === 'sv' ? 'sv' : 'fi';
    const nth = seen[kind]++;
    const story = stories[language]();
    let name: string;
    let sex: 'male' | 'female';
    let interpreter = '';
    if (language === 'other') ({ name, sex, interpreter } = others.shift()!);
    else {
      do {
        sex = story.sex ?? (r() < 0.5 ? 'female' : 'male');
        name = `${pick(r, FIRST_NAMES[language][sex])} ${pick(r, LAST_NAMES[language])}`;
      } while (usedNames.has(name));
    }
    usedNames.add(name);
    const birth = { year: thisYear - int(r, story.ages[0], story.ages[1]), month: int(r, 1, 12), day: int(r, 1, 28) };
    const client: Input<'clients.create'> = {
      name,
      language,
      ...(birthDateOnly.has(i)
        ? { birthDate: `${birth.year}-${String(birth.month).padStart(2, '0')}-${String(birth.day).padStart(2, '0')}` }
        : { identityCode: makeHenkilotunnus(birth, numbers[sex].pop()!) }),
      interpreterNeeded: language === 'other',
      interpreterLanguage: interpreter,
      municipality: pick(r, MUNICIPALITIES[text]),
      address: `${pick(r, STREETS[text])} ${int(r, 1, 40)}${r() < 0.5 ? ` B ${int(r, 1, 30)}` : ''}`,
    };

    const referrer = REFERRERS[text][story.source];
    const referral = (daysAgo: number, again = false): CasePlan['referral'] => ({
      source: story.source,
      referrerName: pick(r, referrer.names),
      referrerOrganisation: referrer.organisation,
      referralDate: addDays(today, -daysAgo),
      reason: again ? `${TEXT[text].again}${story.reason}` : story.reason,
      attachments: [],
    });
    const written = (givenOn: string, validUntil: string, all = true): ConsentPlan => ({
      input: {
        form: 'written',
        organisations: all || r() < 0.5 ? [...CONSENT_ORGANISATIONS] : CONSENT_ORGANISATIONS.filter((o) => o !== 'kela'),
        otherOrganisations: [],
        dataCategories: all ? [...DATA_CATEGORIES] : ['basic', 'employment', 'social', 'benefits'],
        givenOn,
        validUntil,
        note: TEXT[text].written,
      },
    });
    const bg = sections(r, story, birth.year, thisYear);
    const restricted: BackgroundSectionInput[] = story.restricted ? [{ section: 'restricted', data: { ...story.restricted }, text: '' }] : [];
    const consents: ConsentPlan[] = [];
    const cases: CasePlan[] = [];

    if (kind === 'closed' || kind === 'reopened') {
      const ago = int(r, 200, 420);
      consents.push(written(addDays(today, -ago + 7), addDays(today, -ago + 187), false));
      const outcome = kind === 'closed' ? CLOSED_OUTCOMES[nth]! : REOPENED_OUTCOMES[nth]!;
      cases.push({ referral: referral(ago), prepare: true, sections: bg.slice(0, 2), end: { status: 'closed', outcome } });
    }
    if (kind === 'ready') {
      const ago = int(r, 30, 90);
      // Two consents run out within 30 days, the second before its proposed meeting: the team is warned.
      const expiring = nth === 0 ? int(r, 20, 29) : nth === 1 ? int(r, 8, 20) : 0;
      const givenOn = expiring ? addDays(today, expiring - 365) : addDays(today, -ago + int(r, 3, 20));
      consents.push(written(givenOn, addDays(givenOn, 365)));
      cases.push({
        referral: referral(ago),
        prepare: true,
        sections: [...bg, ...restricted],
        view: clientView(r, story, true),
        planning: { bringNote: story.bring, proposedMeetingDate: tuesday(today, nth === 1 ? 3 : nth % 4) },
        end: { status: 'ready_for_team' },
      });
    }
    if (kind === 'in_preparation' || (kind === 'reopened' && nth >= 2)) {
      const ago = kind === 'reopened' ? int(r, 5, 30) : int(r, 14, 60);
      if (nth % 3 !== 0) {
        const givenOn = nth === 2 && kind === 'in_preparation' ? addDays(today, int(r, 10, 28) - 365) : addDays(today, -ago + int(r, 0, Math.min(10, ago)));
        const consent = written(givenOn, addDays(givenOn, 365));
        // One client withdrew their consent in the last days: the coverage shows the gap.
        if (nth === 1 && kind === 'in_preparation') consent.withdrawnOn = addDays(today, -int(r, 1, 3));
        consents.push(consent);
      }
      cases.push({ referral: referral(ago, kind === 'reopened'), prepare: true, sections: bg.slice(0, 1 + (nth % 4)), ...(nth % 2 === 0 ? { view: clientView(r, story, false) } : {}) });
    }
    if (kind === 'referred' || (kind === 'reopened' && nth < 2)) {
      const ago = int(r, 1, 21);
      if (nth === 0 && kind === 'referred') {
        consents.push({ input: { form: 'oral', organisations: ['kela'], otherOrganisations: [], dataCategories: ['basic', 'benefits'], givenOn: addDays(today, -ago), validUntil: null, note: TEXT[text].oral } });
      } else if (nth % 3 === 2) consents.push(written(addDays(today, -ago), addDays(today, 365 - ago), false));
      cases.push({ referral: referral(ago, kind === 'reopened'), prepare: false, sections: [] });
    }
    return { preparer: preparers[i % 4 === 1 ? 1 : 0]!, client, consents, cases };
  });
}
