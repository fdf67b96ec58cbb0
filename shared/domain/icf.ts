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
/**
 * Categories teams often add in vocational rehabilitation (from the comprehensive core set for
 * vocational rehabilitation and the functioning questions of work-ability assessment), by code.
 */
const FURTHER: readonly IcfCategory[] = [
  { code: 'b117', component: 'b', names: { fi: 'Älylliset toiminnot', sv: 'Intellektuella funktioner', en: 'Intellectual functions' } },
  { code: 'b126', component: 'b', names: { fi: 'Temperamentti ja persoonallisuustoiminnot', sv: 'Temperament och personlighetsfunktioner', en: 'Temperament and personality functions' } },
  { code: 'b134', component: 'b', names: { fi: 'Unitoiminnot', sv: 'Sömnfunktioner', en: 'Sleep functions' } },
  { code: 'b140', component: 'b', names: { fi: 'Tarkkaavaisuustoiminnot', sv: 'Uppmärksamhetsfunktioner', en: 'Attention functions' } },
  { code: 'b144', component: 'b', names: { fi: 'Muistitoiminnot', sv: 'Minnesfunktioner', en: 'Memory functions' } },
  { code: 'b147', component: 'b', names: { fi: 'Psykomotoriset toiminnot', sv: 'Psykomotoriska funktioner', en: 'Psychomotor functions' } },
  { code: 'b152', component: 'b', names: { fi: 'Tunne-elämän toiminnot', sv: 'Emotionella funktioner', en: 'Emotional functions' } },
  { code: 'b167', component: 'b', names: { fi: 'Kieleen liittyvät mielen toiminnot', sv: 'Psykiska språkfunktioner', en: 'Mental functions of language' } },
  { code: 'b210', component: 'b', names: { fi: 'Näkötoiminnot', sv: 'Synfunktioner', en: 'Seeing functions' } },
  { code: 'b230', component: 'b', names: { fi: 'Kuulotoiminnot', sv: 'Hörselfunktioner', en: 'Hearing functions' } },
  { code: 'b280', component: 'b', names: { fi: 'Kipuaistimus', sv: 'Smärtförnimmelse', en: 'Sensation of pain' } },
  { code: 'b710', component: 'b', names: { fi: 'Nivelten liikkuvuustoiminnot', sv: 'Funktioner för lederas rörlighet', en: 'Mobility of joint functions' } },
  { code: 'b730', component: 'b', names: { fi: 'Lihasvoimatoiminnot', sv: 'Funktioner för muskelkraft', en: 'Muscle power functions' } },
  { code: 'b760', component: 'b', names: { fi: 'Tahdonalaisten liikkeiden hallintatoiminnot', sv: 'Funktioner för kontroll av viljemässiga rörelser', en: 'Control of voluntary movement functions' } },
  { code: 'd160', component: 'd', names: { fi: 'Tarkkaavaisuuden kohdentaminen', sv: 'Att fokusera uppmärksamhet', en: 'Focusing attention' } },
  { code: 'd175', component: 'd', names: { fi: 'Ongelmanratkaisu', sv: 'Att lösa problem', en: 'Solving problems' } },
  { code: 'd177', component: 'd', names: { fi: 'Päätöksenteko', sv: 'Att fatta beslut', en: 'Making decisions' } },
  { code: 'd210', component: 'd', names: { fi: 'Yksittäisen tehtävän tekeminen', sv: 'Att företa en enstaka uppgift', en: 'Undertaking a single task' } },
  { code: 'd220', component: 'd', names: { fi: 'Useiden tehtävien tekeminen', sv: 'Att företa mångfaldiga uppgifter', en: 'Undertaking multiple tasks' } },
  { code: 'd230', component: 'd', names: { fi: 'Päivittäisten rutiinien suorittaminen', sv: 'Att genomföra daglig rutin', en: 'Carrying out daily routine' } },
  { code: 'd350', component: 'd', names: { fi: 'Keskustelu', sv: 'Konversation', en: 'Conversation' } },
  { code: 'd410', component: 'd', names: { fi: 'Perusasennon vaihtaminen', sv: 'Att ändra grundläggande kroppsställning', en: 'Changing basic body position' } },
  { code: 'd415', component: 'd', names: { fi: 'Asennon ylläpitäminen', sv: 'Att bibehålla en kroppsställning', en: 'Maintaining a body position' } },
  { code: 'd430', component: 'd', names: { fi: 'Esineiden nostaminen ja kantaminen', sv: 'Att lyfta och bära föremål', en: 'Lifting and carrying objects' } },
  { code: 'd450', component: 'd', names: { fi: 'Käveleminen', sv: 'Att gå', en: 'Walking' } },
  { code: 'd470', component: 'd', names: { fi: 'Kulkuneuvojen käyttäminen', sv: 'Att använda transportmedel', en: 'Using transportation' } },
  { code: 'd475', component: 'd', names: { fi: 'Ajoneuvon kuljettaminen', sv: 'Att framföra fordon', en: 'Driving' } },
  { code: 'd570', component: 'd', names: { fi: 'Omasta terveydestä huolehtiminen', sv: 'Att sköta sin egen hälsa', en: "Looking after one's health" } },
  { code: 'd710', component: 'd', names: { fi: 'Henkilöiden välinen perustavanlaatuinen vuorovaikutus', sv: 'Grundläggande mellanpersonliga interaktioner', en: 'Basic interpersonal interactions' } },
  { code: 'd760', component: 'd', names: { fi: 'Perhesuhteet', sv: 'Familjerelationer', en: 'Family relationships' } },
  { code: 'd825', component: 'd', names: { fi: 'Ammatillinen koulutus', sv: 'Yrkesutbildning', en: 'Vocational training' } },
  { code: 'd830', component: 'd', names: { fi: 'Korkea-asteen koulutus', sv: 'Högre utbildning', en: 'Higher education' } },
  { code: 'd840', component: 'd', names: { fi: 'Työhön valmentautuminen', sv: 'Lärlingsutbildning (förberedelse för arbete)', en: 'Apprenticeship (work preparation)' } },
  { code: 'd860', component: 'd', names: { fi: 'Yksinkertaiset taloudelliset toimet', sv: 'Grundläggande ekonomiska transaktioner', en: 'Basic economic transactions' } },
  { code: 'd870', component: 'd', names: { fi: 'Taloudellinen omavaraisuus', sv: 'Ekonomisk självförsörjning', en: 'Economic self-sufficiency' } },
  { code: 'd920', component: 'd', names: { fi: 'Virkistäytyminen ja vapaa-aika', sv: 'Rekreation och fritid', en: 'Recreation and leisure' } },
  { code: 'e110', component: 'e', names: { fi: 'Henkilökohtaiseen kulutukseen tarkoitetut tuotteet ja aineet', sv: 'Produkter och substanser för personlig konsumtion', en: 'Products or substances for personal consumption' } },
  { code: 'e165', component: 'e', names: { fi: 'Varallisuus', sv: 'Tillgångar', en: 'Assets' } },
  { code: 'e320', component: 'e', names: { fi: 'Ystävät', sv: 'Vänner', en: 'Friends' } },
  { code: 'e325', component: 'e', names: { fi: 'Tuttavat, ikätoverit, työtoverit, naapurit ja yhteisön jäsenet', sv: 'Bekanta, kamrater, kollegor, grannar och andra samhällsmedlemmar', en: 'Acquaintances, peers, colleagues, neighbours and community members' } },
  { code: 'e355', component: 'e', names: { fi: 'Terveydenhuollon ammattihenkilöt', sv: 'Hälso- och sjukvårdspersonal', en: 'Health professionals' } },
  { code: 'e360', component: 'e', names: { fi: 'Muut ammattihenkilöt', sv: 'Annan yrkesmässig personal', en: 'Other professionals' } },
  { code: 'e410', component: 'e', names: { fi: 'Lähiperheenjäsenten asenteet', sv: 'Individuella attityder hos närmaste familjemedlemmar', en: 'Individual attitudes of immediate family members' } },
  { code: 'e425', component: 'e', names: { fi: 'Tuttavien, ikätovereiden, työtovereiden, naapureiden ja yhteisön jäsenten asenteet', sv: 'Individuella attityder hos bekanta, kamrater, kollegor, grannar och andra samhällsmedlemmar', en: 'Individual attitudes of acquaintances, peers, colleagues, neighbours and community members' } },
  { code: 'e570', component: 'e', names: { fi: 'Sosiaaliturvapalvelut, -hallinto ja -politiikka', sv: 'Service, system och policy för social trygghet', en: 'Social security services, systems and policies' } },
  { code: 'e575', component: 'e', names: { fi: 'Yleiset sosiaalisen tuen palvelut, hallinto ja politiikka', sv: 'Service, system och policy för allmänt socialt stöd', en: 'General social support services, systems and policies' } },
  { code: 'e585', component: 'e', names: { fi: 'Koulutus- ja harjoittelupalvelut, -hallinto ja -politiikka', sv: 'Service, system och policy för utbildning och träning', en: 'Education and training services, systems and policies' } },
];

export const ICF_CATALOGUE: readonly IcfCategory[] = [...BRIEF, ...FURTHER];

const BY_CODE = new Map(ICF_CATALOGUE.map((c) => [c.code, c]));

export function icfCategory(code: string): IcfCategory | undefined {
  return BY_CODE.get(code);
}

const BRIEF_CODES: ReadonlySet<string> = new Set(ICF_BRIEF_VR_CODES);

/** One of the 13 brief core-set categories every assessment shows (never added or removed). */
export function isBriefCode(code: string): boolean {
  return BRIEF_CODES.has(code);
}

/** The ICF component a code belongs to, from its first letter ('s', body structures, is not rated here). */
export function componentOf(code: string): IcfComponent | null {
  const c = code[0];
  return c === 'b' || c === 'd' || c === 'e' ? c : null;
}

/** The categories of a case in the order the session shows them: the brief set, then added ones in catalogue order. */
export function icfCodesFor(added: readonly string[]): string[] {
  const extra = new Set(added.filter((c) => !BRIEF_CODES.has(c) && BY_CODE.has(c)));
  return [...ICF_BRIEF_VR_CODES, ...ICF_CATALOGUE.filter((c) => extra.has(c.code)).map((c) => c.code)];
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
