/**
 * The fictional people of the demo store: the team's accounts, client names, places and
 * referrers. Every person here is invented; identity codes come from the temporary range 900–999.
 */
import type { ReferralSource } from '../../shared/domain/case.js';
import { rng } from '../../shared/domain/rng.js';
import type { Profession, Role } from '../../shared/domain/user.js';

export type Rng = () => number;

/** The demo must come out the same on every run. */
export const seeded: (seed: number) => Rng = rng;

/** An integer in [min, max]. */
export const int = (r: Rng, min: number, max: number): number => min + Math.floor(r() * (max - min + 1));

export function pick<T>(r: Rng, xs: readonly T[]): T {
  const x = xs[Math.floor(r() * xs.length)];
  if (x === undefined) throw new RangeError('pick from an empty list');
  return x;
}

export function shuffle<T>(r: Rng, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export const DEMO_ORGANISATION = 'Demo: Järvi-Suomen hyvinvointialue, työkyvyn tuen tiimi';
const COUNTY = 'Järvi-Suomen hyvinvointialue (demo)';

export interface DemoAccountPlan {
  username: string;
  displayName: string;
  profession: Profession;
  role: Role;
  organisation: string;
  /** Prepares cases: the demo's worklists then show more than one preparer. */
  prepares: boolean;
}

/** The first is the administrator who creates the store; the physiotherapist is the read-only account. */
export const DEMO_ACCOUNTS: readonly DemoAccountPlan[] = [
  { username: 'sanna', displayName: 'Sanna Lehtinen', profession: 'social_worker', role: 'administrator', organisation: COUNTY, prepares: true },
  { username: 'mikko', displayName: 'Mikko Hiltunen', profession: 'nurse', role: 'team_member', organisation: COUNTY, prepares: true },
  { username: 'helena', displayName: 'Helena Rautio', profession: 'physician', role: 'team_member', organisation: COUNTY, prepares: false },
  { username: 'johanna', displayName: 'Johanna Berg', profession: 'psychologist', role: 'team_member', organisation: COUNTY, prepares: false },
  { username: 'antti', displayName: 'Antti Kärkkäinen', profession: 'physiotherapist', role: 'read_only', organisation: COUNTY, prepares: false },
  { username: 'riikka', displayName: 'Riikka Salminen', profession: 'employment_expert', role: 'team_member', organisation: 'Järvi-Suomen työllisyysalue (demo)', prepares: false },
  { username: 'petri', displayName: 'Petri Halonen', profession: 'kela_adviser', role: 'team_member', organisation: 'Kela (demo)', prepares: false },
];

type Sex = 'female' | 'male';

export const FIRST_NAMES: Record<'fi' | 'sv', Record<Sex, readonly string[]>> = {
  fi: {
    female: ['Aino', 'Anneli', 'Elina', 'Hanna', 'Heidi', 'Jenni', 'Katja', 'Laura', 'Minna', 'Niina', 'Outi', 'Päivi', 'Riitta', 'Satu', 'Tiina', 'Tuula', 'Veera', 'Sari'],
    male: ['Ari', 'Eero', 'Harri', 'Jani', 'Jarmo', 'Juha', 'Kari', 'Lauri', 'Markku', 'Niko', 'Pasi', 'Petteri', 'Sami', 'Tapio', 'Timo', 'Ville', 'Jukka', 'Oskari'],
  },
  sv: {
    female: ['Annika', 'Birgitta', 'Ebba', 'Ingrid', 'Linnea', 'Maria', 'Sofia', 'Ulrika'],
    male: ['Anders', 'Björn', 'Fredrik', 'Henrik', 'Johan', 'Mats', 'Niklas', 'Rasmus'],
  },
};

export const LAST_NAMES: Record<'fi' | 'sv', readonly string[]> = {
  fi: ['Heikkinen', 'Hyvönen', 'Jääskeläinen', 'Kauppinen', 'Kettunen', 'Koskinen', 'Laitinen', 'Lappalainen', 'Miettinen', 'Nousiainen', 'Partanen', 'Pirinen', 'Räsänen', 'Savolainen', 'Tikkanen', 'Turunen', 'Väisänen', 'Ylönen'],
  sv: ['Backman', 'Ekström', 'Forsman', 'Holmberg', 'Lindholm', 'Nordqvist', 'Sandberg', 'Westerlund'],
};

/** Clients served in another language, with an interpreter: name, sex and the interpreted language (as staff write it). */
export const OTHER_LANGUAGE_CLIENTS: readonly { name: string; sex: Sex; interpreter: string }[] = [
  { name: 'Amina Hassan', sex: 'female', interpreter: 'somali' },
  { name: 'Dmitri Orlov', sex: 'male', interpreter: 'venäjä' },
  { name: 'Layla Karimi', sex: 'female', interpreter: 'dari' },
  { name: 'Yusuf Haddad', sex: 'male', interpreter: 'arabia' },
];

export const MUNICIPALITIES: Record<'fi' | 'sv', readonly string[]> = {
  fi: ['Kuopio', 'Kuopio', 'Varkaus', 'Leppävirta', 'Pieksämäki', 'Mikkeli', 'Savonlinna', 'Suonenjoki', 'Joroinen'],
  sv: ['Kuopio', 'S:t Michel', 'Nyslott', 'Varkaus'],
};

export const STREETS: Record<'fi' | 'sv', readonly string[]> = {
  fi: ['Koivukuja', 'Pihlajatie', 'Rantakatu', 'Myllypolku', 'Kuusitie', 'Satamakatu', 'Harjutie', 'Tervaskuja'],
  sv: ['Björkgränd', 'Strandgatan', 'Kvarnstigen', 'Granvägen'],
};

/** Who refers, by source: names are invented, organisations generic. */
export const REFERRERS: Record<'fi' | 'sv', Record<ReferralSource, { names: readonly string[]; organisation: string }>> = {
  fi: {
    employment_authority: { names: ['Tarja Mononen', 'Jouni Kärkkäinen'], organisation: 'Järvi-Suomen työllisyysalue, työvoimaviranomainen' },
    social_care: { names: ['Marjo Pelkonen', 'Kimmo Rissanen'], organisation: 'Järvi-Suomen hyvinvointialue, aikuissosiaalityö' },
    health_station: { names: ['Lääkäri Anu Kinnunen', 'Terveydenhoitaja Eila Huttunen'], organisation: 'Järvi-Suomen hyvinvointialue, terveysasema' },
    kela: { names: ['Seija Korpela'], organisation: 'Kela, työkykyneuvonta' },
    occupational_health: { names: ['Työterveyshoitaja Leena Vartiainen'], organisation: 'Työterveyshuolto' },
    self: { names: [''], organisation: '' },
    other: { names: ['Paula Hakkarainen'], organisation: 'Järjestön työpaja' },
  },
  sv: {
    employment_authority: { names: ['Camilla Sjöberg'], organisation: 'Järvi-Suomen työllisyysalue, arbetskraftsmyndigheten' },
    social_care: { names: ['Helena Åström'], organisation: 'Järvi-Suomen välfärdsområde, socialt arbete för vuxna' },
    health_station: { names: ['Läkare Peter Lindqvist'], organisation: 'Järvi-Suomen välfärdsområde, hälsostationen' },
    kela: { names: ['Karin Öhman'], organisation: 'FPA, arbetsförmågerådgivning' },
    occupational_health: { names: ['Företagshälsovårdare Lena Berg'], organisation: 'Företagshälsovården' },
    self: { names: [''], organisation: '' },
    other: { names: ['Tove Granqvist'], organisation: 'Föreningens arbetsverkstad' },
  },
};
