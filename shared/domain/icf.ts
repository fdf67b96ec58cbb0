/**
 * The ICF catalogue the guided session rates functioning with. WHO's International Classification
 * of Functioning, Disability and Health (ICF), © World Health Organization 2001, used with
 * attribution; Finnish names after THL's translation, Swedish after Socialstyrelsen's.
 *
 * The brief ICF Core Set for Vocational Rehabilitation (Finger et al. 2012) is the default list of
 * 13 categories; further categories can be added to a case by code from `ICF_CATALOGUE`.
 */
export type IcfComponent = 'b' | 'd' | 'e';
export type IcfLanguage = 'fi' | 'sv' | 'en';

export interface IcfCategory {
  code: string;
  component: IcfComponent;
  names: Record<IcfLanguage, string>;
}

/** The brief core set, in the order the session shows it. */
export const ICF_BRIEF_VR_CODES = ['b130', 'b164', 'b455', 'd155', 'd240', 'd720', 'd845', 'd850', 'd855', 'e310', 'e330', 'e580', 'e590'] as const;

const BRIEF: readonly IcfCategory[] = [
  { code: 'b130', component: 'b', names: { fi: 'Energia- ja viettitoiminnot', sv: 'Energi- och driftfunktioner', en: 'Energy and drive functions' } },
  { code: 'b164', component: 'b', names: { fi: 'Korkeatasoiset kognitiiviset toiminnot', sv: 'Högre kognitiva funktioner', en: 'Higher-level cognitive functions' } },
  { code: 'b455', component: 'b', names: { fi: 'Rasituksen sietoon liittyvät toiminnot', sv: 'Funktioner för fysisk uthållighet', en: 'Exercise tolerance functions' } },
  { code: 'd155', component: 'd', names: { fi: 'Taitojen hankkiminen', sv: 'Att förvärva färdigheter', en: 'Acquiring skills' } },
  { code: 'd240', component: 'd', names: { fi: 'Stressin ja muiden psyykkisten vaatimusten käsitteleminen', sv: 'Att hantera stress och andra psykologiska krav', en: 'Handling stress and other psychological demands' } },
  { code: 'd720', component: 'd', names: { fi: 'Henkilöiden välinen monimuotoinen vuorovaikutus', sv: 'Komplexa mellanpersonliga interaktioner', en: 'Complex interpersonal interactions' } },
  { code: 'd845', component: 'd', names: { fi: 'Työn hankkiminen, säilyttäminen ja lopettaminen', sv: 'Att skaffa, behålla och sluta ett arbete', en: 'Acquiring, keeping and terminating a job' } },
  { code: 'd850', component: 'd', names: { fi: 'Ansiotyö', sv: 'Avlönad sysselsättning', en: 'Remunerative employment' } },
  { code: 'd855', component: 'd', names: { fi: 'Palkaton työ', sv: 'Icke avlönad sysselsättning', en: 'Non-remunerative employment' } },
  { code: 'e310', component: 'e', names: { fi: 'Lähiperhe', sv: 'Närmaste familj', en: 'Immediate family' } },
  { code: 'e330', component: 'e', names: { fi: 'Esimies- ja auktoriteettiasemassa olevat henkilöt', sv: 'Personer i maktposition', en: 'People in positions of authority' } },
  { code: 'e580', component: 'e', names: { fi: 'Terveyspalvelut, -hallinto ja -politiikka', sv: 'Service, system och policy för hälso- och sjukvård', en: 'Health services, systems and policies' } },
  { code: 'e590', component: 'e', names: { fi: 'Työhön ja työllistymiseen liittyvät palvelut, hallinto ja politiikka', sv: 'Service, system och policy för arbete och sysselsättning', en: 'Labour and employment services, systems and policies' } },
];

/**
 * Every category a team may rate: the brief set plus further categories that can be added by
 * code. Extend this list (code, component, three names) to offer more; a test checks its integrity.
 */
export const ICF_CATALOGUE: readonly IcfCategory[] = [...BRIEF];

const BY_CODE = new Map(ICF_CATALOGUE.map((c) => [c.code, c]));

export function icfCategory(code: string): IcfCategory | undefined {
  return BY_CODE.get(code);
}

/**
 * ICF qualifiers. Body functions and activities/participation: 0 no, 1 mild, 2 moderate, 3 severe,
 * 4 complete problem, 8 not specified, 9 not applicable. Environmental factors are a barrier
 * (.0–.4) or a facilitator (+0–+4), .8/+8 not specified, .9 not applicable.
 */
export const QUALIFIERS_BD = ['0', '1', '2', '3', '4', '8', '9'] as const;
export const QUALIFIERS_E = ['.0', '.1', '.2', '.3', '.4', '.8', '+0', '+1', '+2', '+3', '+4', '+8', '.9'] as const;
export type IcfQualifier = (typeof QUALIFIERS_BD)[number] | (typeof QUALIFIERS_E)[number];

export function qualifiersFor(component: IcfComponent): readonly IcfQualifier[] {
  return component === 'e' ? QUALIFIERS_E : QUALIFIERS_BD;
}

/** True when `q` is a qualifier the category's component takes. */
export function isValidQualifier(code: string, q: string): q is IcfQualifier {
  const c = icfCategory(code);
  return c !== undefined && (qualifiersFor(c.component) as readonly string[]).includes(q);
}

/** What an ICF code looks like (b/d/e/s and three to five digits); membership is `icfCategory`. */
export const ICF_CODE_PATTERN = /^[bdes]\d{3,5}$/;
