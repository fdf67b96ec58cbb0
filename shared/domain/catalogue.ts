/**
 * The service catalogue (DOMAIN.md, "Service catalogue"): services a plan's actions draw on, with
 * names in fi/sv/en, the type of provider and a group from an editable taxonomy; and the named
 * local providers. Seeded from DOMAIN.md, edited by administrators.
 */
export const PROVIDER_TYPES = [
  'county_social_care',
  'county_health_care',
  'employment_authority',
  'kela',
  'pension_provider',
  'occupational_health',
  'third_sector',
  'legal_aid',
  'other',
] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

export const CATALOGUE_LANGUAGES = ['fi', 'sv', 'en'] as const;
export type CatalogueLanguage = (typeof CATALOGUE_LANGUAGES)[number];

export const MAX_CATALOGUE_NAME = 200;

export interface CatalogueNames {
  fi: string;
  sv: string;
  en: string;
}

export interface SeedGroup {
  id: string;
  names: CatalogueNames;
}

export interface SeedService {
  id: string;
  names: CatalogueNames;
  providerType: ProviderType;
  groupId: string;
}

/**
 * The model's service groups (DOMAIN.md): an editable taxonomy. The ids are fixed so every store
 * holds the same seed; the migration inserts these rows once (seeded = 1).
 */
export const SEED_GROUPS: readonly SeedGroup[] = [
  { id: 'group-collaborative', names: { fi: 'Yhteistyöpalvelut', sv: 'Samarbetstjänster', en: 'Collaborative services' } },
  { id: 'group-network', names: { fi: 'Verkostopalvelut', sv: 'Nätverkstjänster', en: 'Network services' } },
  { id: 'group-community', names: { fi: 'Yhteisöpalvelut', sv: 'Gemenskapstjänster', en: 'Community services' } },
  { id: 'group-self-services', names: { fi: 'Omatoimipalvelut', sv: 'Självbetjäningstjänster', en: 'Self-services' } },
];

/** DOMAIN.md's seed list of services, with fixed ids. Renamed or retired by administrators, never deleted. */
export const SEED_SERVICES: readonly SeedService[] = [
  {
    id: 'svc-work-ability-assessment',
    names: { fi: 'Työkyvyn arviointi ja tuki', sv: 'Bedömning och stöd av arbetsförmågan', en: 'Work-ability assessment and support' },
    providerType: 'county_health_care',
    groupId: 'group-collaborative',
  },
  {
    id: 'svc-health-check-unemployed',
    names: { fi: 'Työttömien terveystarkastus', sv: 'Hälsoundersökning för arbetslösa', en: 'Health check for the unemployed' },
    providerType: 'county_health_care',
    groupId: 'group-collaborative',
  },
  {
    id: 'svc-ips',
    names: { fi: 'Tuetun työllistymisen työhönvalmennus (IPS)', sv: 'Individanpassat arbetsstöd (IPS)', en: 'IPS supported employment' },
    providerType: 'county_health_care',
    groupId: 'group-collaborative',
  },
  {
    id: 'svc-rehabilitative-work-activity',
    names: { fi: 'Kuntouttava työtoiminta', sv: 'Rehabiliterande arbetsverksamhet', en: 'Rehabilitative work activity' },
    providerType: 'county_social_care',
    groupId: 'group-community',
  },
  {
    id: 'svc-social-rehabilitation',
    names: { fi: 'Sosiaalinen kuntoutus', sv: 'Social rehabilitering', en: 'Social rehabilitation' },
    providerType: 'county_social_care',
    groupId: 'group-community',
  },
  {
    id: 'svc-social-work',
    names: { fi: 'Sosiaalityö ja sosiaaliohjaus', sv: 'Socialt arbete och social handledning', en: 'Social work and social guidance' },
    providerType: 'county_social_care',
    groupId: 'group-collaborative',
  },
  {
    id: 'svc-mental-health',
    names: { fi: 'Mielenterveyspalvelut', sv: 'Mentalvårdstjänster', en: 'Mental-health services' },
    providerType: 'county_health_care',
    groupId: 'group-collaborative',
  },
  {
    id: 'svc-substance-abuse',
    names: { fi: 'Päihdepalvelut', sv: 'Missbrukartjänster', en: 'Substance-abuse services' },
    providerType: 'county_health_care',
    groupId: 'group-collaborative',
  },
  {
    id: 'svc-multisector-support',
    names: { fi: 'Työllistymistä edistävä monialainen tuki', sv: 'Sektorsövergripande stöd som främjar sysselsättningen', en: 'Multisector employment support' },
    providerType: 'employment_authority',
    groupId: 'group-network',
  },
  {
    id: 'svc-work-trial',
    names: { fi: 'Työkokeilu', sv: 'Arbetsprövning', en: 'Work trial' },
    providerType: 'employment_authority',
    groupId: 'group-network',
  },
  {
    id: 'svc-kela-vocational-rehabilitation',
    names: { fi: 'Kelan ammatillinen kuntoutus', sv: 'FPA:s yrkesinriktade rehabilitering', en: 'Kela vocational rehabilitation' },
    providerType: 'kela',
    groupId: 'group-network',
  },
  {
    id: 'svc-kela-vocational-assessment',
    names: { fi: 'Kelan ammatillinen kuntoutusselvitys', sv: 'FPA:s utredning av behovet av yrkesinriktad rehabilitering', en: 'Kela vocational rehabilitation assessment' },
    providerType: 'kela',
    groupId: 'group-network',
  },
  {
    id: 'svc-pension-rehabilitation',
    names: { fi: 'Työeläkekuntoutus', sv: 'Arbetspensionsrehabilitering', en: 'Earnings-related pension rehabilitation' },
    providerType: 'pension_provider',
    groupId: 'group-network',
  },
  {
    id: 'svc-rehabilitative-psychotherapy',
    names: { fi: 'Kelan kuntoutuspsykoterapia', sv: 'FPA:s rehabiliterande psykoterapi', en: 'Rehabilitative psychotherapy (Kela)' },
    providerType: 'kela',
    groupId: 'group-network',
  },
  {
    id: 'svc-medical-rehabilitation',
    names: { fi: 'Lääkinnällinen kuntoutus', sv: 'Medicinsk rehabilitering', en: 'Medical rehabilitation' },
    providerType: 'county_health_care',
    groupId: 'group-collaborative',
  },
  {
    id: 'svc-pension-assessment',
    names: { fi: 'Eläkeselvittely', sv: 'Pensionsutredning', en: 'Pension assessment' },
    providerType: 'county_health_care',
    groupId: 'group-collaborative',
  },
  {
    id: 'svc-debt-counselling',
    names: { fi: 'Talous- ja velkaneuvonta', sv: 'Ekonomi- och skuldrådgivning', en: 'Financial and debt counselling' },
    providerType: 'legal_aid',
    groupId: 'group-network',
  },
  {
    id: 'svc-ngo-services',
    names: { fi: 'Järjestöjen palvelut', sv: 'Organisationernas tjänster', en: 'NGO services' },
    providerType: 'third_sector',
    groupId: 'group-community',
  },
];
