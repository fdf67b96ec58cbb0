/**
 * Fictional client situations in Finnish for the demo store. Each story is one coherent life
 * (referral, background, the client's own view), so a prepared case reads like a real one; the
 * generator varies ages, years, dates and ratings around it.
 */
import type { ReferralSource } from '../../shared/domain/case.js';
import type { Benefit, BENEFIT_STATUSES, EDUCATION_LEVELS } from '../../shared/domain/preparation.js';

export interface Story {
  source: ReferralSource;
  reason: string;
  /** Age range the story fits. */
  ages: readonly [number, number];
  education: { level: (typeof EDUCATION_LEVELS)[number]; qualifications: string; text: string };
  /** Newest first; `years` long each, laid out backwards from a recent year by the generator. */
  work: readonly { employer: string; role: string; endReason: string; years: number }[];
  workText: string;
  health: string;
  social: { housing: string; finances: string; family: string; debts: string; text: string };
  benefits: readonly { benefit: Benefit; status: (typeof BENEFIT_STATUSES)[number]; note: string }[];
  benefitsText: string;
  restricted?: { substance: string; mentalHealth: string };
  view: { goals: string; helps: string; hinders: string; rating: readonly [number, number]; wai?: readonly [number, number] };
  bring: string;
  /** A story of someone who came to Finland as an adult (for clients served through an interpreter). */
  immigrant?: boolean;
  /** Set where the story would read oddly for anyone else. */
  sex?: 'female' | 'male';
}

export const FI_STORIES: readonly Story[] = [
  {
    source: 'employment_authority',
    reason: 'Työttömyys jatkunut yli kaksi vuotta. Varastotyö päättyi selkäoireiden vuoksi, eikä uutta työtä ole löytynyt. Tarvitaan työkyvyn arvio ja suunnitelma sopivan työn tai koulutuksen löytämiseksi.',
    ages: [35, 55],
    education: { level: 'vocational', qualifications: 'Logistiikan perustutkinto, trukkikortti, hygieniapassi', text: 'Koulutus vastaa raskasta varastotyötä; kevyempään työhön tarvitaan täydennystä.' },
    work: [
      { employer: 'Tukkukaupan keskusvarasto', role: 'Varastotyöntekijä', endReason: 'Määräaikainen sopimus päättyi sairausloman aikana', years: 7 },
      { employer: 'Kuljetusliike', role: 'Lähettiauton kuljettaja', endReason: 'Siirtyi varastotyöhön', years: 3 },
    ],
    workText: 'Pitkä ja yhtäjaksoinen työhistoria fyysisissä töissä. Viimeiset kaksi vuotta lyhyitä keikkatöitä.',
    health: 'Krooninen alaselkäkipu, välilevyn pullistuma. Fysioterapiajakso jäi kesken. Nostaminen ja pitkä istuminen pahentavat kipua; kävely sujuu noin tunnin.',
    social: { housing: 'Vuokra-asunto kerrostalossa', finances: 'Työmarkkinatuki ja yleinen asumistuki', family: 'Asuu yksin; aikuinen tytär samalla paikkakunnalla', debts: 'Kulutusluotto ulosotossa', text: 'Arki sujuu, mutta raha-asiat huolettavat.' },
    benefits: [
      { benefit: 'labour_market_subsidy', status: 'receives', note: '' },
      { benefit: 'general_housing_allowance', status: 'receives', note: '' },
      { benefit: 'supplementary_social_assistance', status: 'should_apply', note: 'Lääkekulut' },
    ],
    benefitsText: 'Toimeentulo on tiukka; talous- ja velkaneuvonta voisi auttaa.',
    view: { goals: 'Haluaisin kevyempää työtä, jossa ei tarvitse nostaa. Kiinnostaa esimerkiksi asiakaspalvelu tai vahtimestarin työ.', helps: 'Säännöllinen päivärytmi ja kävelylenkit', hinders: 'Kipu pitkän istumisen jälkeen; pelkään, ettei kukaan palkkaa', rating: [3, 6], wai: [20, 32] },
    bring: 'Toivoo työkokeilua kevyessä asiakaspalvelutyössä. Fysioterapeutin arvio nostorajoituksista tarpeen.',
  },
  {
    source: 'health_station',
    reason: 'Toistuva masennus, sairauspäivärahan enimmäisaika täyttymässä. Työsuhde päättyi, joten työterveyshuolto ei ole enää käytössä. Arvioitava työkyky ja kuntoutuksen tarve.',
    ages: [30, 50],
    education: { level: 'higher_vocational', qualifications: 'Tradenomi (taloushallinto)', text: 'Hyvät taloushallinnon ohjelmistotaidot.' },
    work: [
      { employer: 'Tilitoimisto', role: 'Kirjanpitäjä', endReason: 'Irtisanoutui uupumuksen vuoksi', years: 6 },
      { employer: 'Vakuutusyhtiön asiakaspalvelu', role: 'Asiakaspalvelija', endReason: 'Siirtyi alan työhön', years: 2 },
    ],
    workText: 'Työura taloushallinnossa; viimeisessä työpaikassa paljon kiirettä ja ylitöitä.',
    health: 'Keskivaikea masennus, hoitokontakti mielenterveyspalveluissa ja lääkitys käytössä. Uni on katkonaista; keskittymiskyky vaihtelee päivittäin.',
    social: { housing: 'Omistusasunto, asuntolaina', finances: 'Puolison palkka ja sairauspäiväraha', family: 'Puoliso ja kaksi kouluikäistä lasta', debts: 'Ei muita velkoja kuin asuntolaina', text: 'Perhe tukee; puoliso on ollut mukana hoitokäynneillä.' },
    benefits: [
      { benefit: 'sickness_allowance', status: 'receives', note: 'Enimmäisaika täyttyy pian' },
      { benefit: 'rehabilitation_allowance', status: 'should_apply', note: '' },
      { benefit: 'rehabilitative_psychotherapy', status: 'applied', note: 'B-lausunto liitetty' },
    ],
    benefitsText: 'Toimeentulon jatko sairauspäivärahan jälkeen on selvitettävä.',
    restricted: { substance: '', mentalHealth: 'Psykiatrinen sairaanhoitaja tavannut kahden viikon välein. Ei itsetuhoisuutta. Lääkitystä muutettu keväällä.' },
    view: { goals: 'Haluan palata taloushallinnon töihin, ensin osa-aikaisesti.', helps: 'Liikunta, selkeä arki ja ymmärtäväinen esihenkilö', hinders: 'Kiire, epäselvät tehtävät ja iltapäivien väsymys', rating: [3, 5], wai: [18, 28] },
    bring: 'Pohdittava ammatillista kuntoutusta tai osa-aikaista työkokeilua. Kuntoutuspsykoterapian hakemus vireillä.',
  },
  {
    source: 'social_care',
    reason: 'Nuori aikuinen, jonka ammatilliset opinnot keskeytyivät. Toimeentulotuen asiakkuus jatkunut pitkään. Tarvitaan arvio koulutus- ja kuntoutusvaihtoehdoista sekä tukea arjen hallintaan.',
    ages: [19, 26],
    education: { level: 'basic', qualifications: 'Peruskoulu; kone- ja tuotantotekniikan perustutkinto keskeytynyt', text: 'Käytännön tehtävät sujuivat, teoriaopinnot jäivät kesken.' },
    work: [{ employer: 'Pikaruokaravintola', role: 'Työntekijä (kesätyö)', endReason: 'Kesätyö päättyi', years: 1 }],
    workText: 'Vähän työkokemusta; kesätöistä hyvä palaute.',
    health: 'ADHD todettu lapsena; lääkitys ollut tauolla. Vuorokausirytmi epäsäännöllinen.',
    social: { housing: 'Tukiasunto', finances: 'Perustoimeentulotuki', family: 'Yhteydessä äitiin; sisarus tukena', debts: 'Puhelinlaskuja perinnässä', text: 'Asuminen onnistuu tuettuna.' },
    benefits: [
      { benefit: 'basic_social_assistance', status: 'receives', note: '' },
      { benefit: 'labour_market_subsidy', status: 'should_apply', note: 'Edellyttää työnhakua' },
    ],
    benefitsText: 'Etuudet on haettava ajallaan; asiakas tarvitsee muistutuksia.',
    view: { goals: 'Haluaisin saada ammatin, ehkä autoalalta. Ensin pitäisi saada päivärytmi kuntoon.', helps: 'Kun joku muistuttaa ajoista; käytännön tekeminen', hinders: 'Paperityöt ja pitkät odotukset', rating: [5, 7] },
    bring: 'Ehdotetaan kuntouttavaa työtoimintaa, ohjausta ADHD-hoitoon ja koulutuspolun suunnittelua.',
  },
  {
    source: 'social_care',
    reason: 'Alkoholiongelman hoitojakso päättynyt, asiakas ollut raittiina kahdeksan kuukautta. Haluaa palata työelämään. Arvioitava työkyky ja kuntoutuksen jatko.',
    ages: [35, 55],
    education: { level: 'vocational', qualifications: 'Talonrakentajan perustutkinto', text: '' },
    work: [
      { employer: 'Rakennusliike', role: 'Kirvesmies', endReason: 'Irtisanottiin poissaolojen vuoksi', years: 9 },
      { employer: 'Remonttiyritys', role: 'Rakennusmies', endReason: 'Yritys lopetti', years: 4 },
    ],
    workText: 'Vahva ammattitaito rakennusalalla.',
    health: 'Verenpainetauti hyvässä hoitotasapainossa. Vasemman polven nivelrikko rajoittaa kyykistelyä.',
    social: { housing: 'Tuettu asuminen', finances: 'Perustoimeentulotuki', family: 'Eronnut; tapaa poikaansa viikonloppuisin', debts: 'Velkajärjestely haettu', text: 'Raittiuden tukena vertaisryhmä.' },
    benefits: [
      { benefit: 'basic_social_assistance', status: 'receives', note: '' },
      { benefit: 'labour_market_subsidy', status: 'receives', note: '' },
    ],
    benefitsText: '',
    restricted: { substance: 'Päihdepalvelujen avohoito jatkuu, vertaisryhmä viikoittain. Retkahdusriski suurin yksinäisinä viikonloppuina.', mentalHealth: '' },
    view: { goals: 'Haluan takaisin rakennuksille, vaikka aluksi osa-aikaisesti.', helps: 'Vertaistuki ja säännöllinen työ', hinders: 'Polvi ja pelko retkahduksesta', rating: [5, 7], wai: [26, 34] },
    bring: 'Ehdotetaan työkokeilua ja talous- ja velkaneuvontaa. Päihdetyöntekijän lausunto liitteenä.',
  },
  {
    source: 'kela',
    reason: 'Kela ohjaa: sairauspäivärahakausi päättymässä, ammatillisen kuntoutuksen tarve todennäköinen. Entiseen hoitotyöhön paluu ei näytä mahdolliselta.',
    ages: [30, 50],
    education: { level: 'vocational', qualifications: 'Lähihoitaja (vanhustyö)', text: 'Kiinnostunut hoitoalan toimistotehtävistä.' },
    work: [{ employer: 'Yksityinen hoivakoti', role: 'Lähihoitaja', endReason: 'Määräaikaisuus päättyi sairausloman aikana', years: 11 }],
    workText: 'Pitkä kokemus vuorotyöstä vanhustyössä.',
    health: 'Uupumus ja oikean olkapään jännetulehdus. Fyysisesti raskas hoitotyö ja vuorotyö eivät onnistu.',
    social: { housing: 'Vuokrarivitalo', finances: 'Sairauspäiväraha', family: 'Yksinhuoltaja, yksi lapsi', debts: 'Ei velkoja', text: 'Lapsen hoito järjestyy isovanhempien avulla.' },
    benefits: [
      { benefit: 'sickness_allowance', status: 'receives', note: '' },
      { benefit: 'rehabilitation_allowance', status: 'should_apply', note: 'Ammatillisen kuntoutuksen ajalle' },
      { benefit: 'general_housing_allowance', status: 'applied', note: '' },
    ],
    benefitsText: '',
    view: { goals: 'Haluaisin kouluttautua toimistopuolelle, esimerkiksi hoitoalan sihteeriksi.', helps: 'Säännölliset päivätyöajat ja liikunta', hinders: 'Vuorotyö, nostot ja huoli rahasta', rating: [4, 6], wai: [22, 30] },
    bring: 'Kelan ammatillinen kuntoutusselvitys harkittava; olkapään tilanne lääkärin arvioon.',
  },
  {
    source: 'employment_authority',
    reason: 'Ikääntyvä pitkäaikaistyötön, useita terveysongelmia. Arvioitava, onko realistinen polku työ, kuntoutus vai eläkeselvittely.',
    ages: [56, 63],
    education: { level: 'vocational', qualifications: 'Metallialan perustutkinto, hitsausluvat (vanhentuneet)', text: '' },
    work: [
      { employer: 'Konepaja', role: 'Hitsaaja', endReason: 'Tehdas lopetti toimintansa', years: 22 },
      { employer: 'Telakka', role: 'Levyseppähitsaaja', endReason: 'Lomautus muuttui irtisanomiseksi', years: 6 },
    ],
    workText: 'Yli 25 vuotta metallialalla. Työttömänä viisi vuotta.',
    health: 'Tyypin 2 diabetes, kuulon heikkeneminen, olkapäät kipeytyvät kohotyössä. Työttömien terveystarkastus tehty.',
    social: { housing: 'Omakotitalo', finances: 'Työmarkkinatuki', family: 'Puoliso', debts: 'Ei velkoja', text: '' },
    benefits: [
      { benefit: 'labour_market_subsidy', status: 'receives', note: '' },
      { benefit: 'disability_pension', status: 'not_assessed', note: 'Eläkeselvittely harkinnassa' },
    ],
    benefitsText: 'Työeläkeote tilattu.',
    view: { goals: 'Haluaisin tehdä jotain hyödyllistä, mutta hitsaus ei enää onnistu. En tiedä, jaksanko kokoaikatyötä.', helps: 'Tuttu porukka ja käsillä tekeminen', hinders: 'Olkapäät ja kuulo', rating: [3, 5], wai: [19, 27] },
    bring: 'Eläkeselvittely vai osa-aikatyö: lääkärin arvio tarvitaan.',
  },
  {
    source: 'self',
    reason: 'Hakeutui itse: ollut kotona useita vuosia ilman työ- tai opiskelupaikkaa. Haluaa tukea työelämään pääsemiseksi.',
    ages: [24, 34],
    education: { level: 'upper_secondary', qualifications: 'Ylioppilas; yliopisto-opinnot (historia) keskeytyneet', text: 'Hyvä kirjallinen ilmaisu.' },
    work: [],
    workText: 'Ei palkkatyöhistoriaa. Vapaaehtoistyötä eläinsuojeluyhdistyksessä kahden vuoden ajan.',
    health: 'Sosiaalisten tilanteiden pelko; psykiatrian poliklinikan hoito päättyi kaksi vuotta sitten.',
    social: { housing: 'Asuu vanhempien luona', finances: 'Ei omia tuloja', family: 'Vanhemmat tukevat', debts: 'Ei velkoja', text: '' },
    benefits: [
      { benefit: 'basic_social_assistance', status: 'should_apply', note: '' },
      { benefit: 'labour_market_subsidy', status: 'not_assessed', note: '' },
    ],
    benefitsText: '',
    restricted: { substance: '', mentalHealth: 'Jännittäminen estää asioinnin; ei tällä hetkellä hoitokontaktia.' },
    view: { goals: 'Haluaisin ensin pienen askeleen, esimerkiksi työn, jossa ei tarvitse puhua puhelimessa.', helps: 'Kun tietää etukäteen, mitä tapahtuu', hinders: 'Uudet ihmiset ja isot ryhmät', rating: [4, 6] },
    bring: 'IPS-työhönvalmennus tai sosiaalinen kuntoutus; kuntoutuspsykoterapian mahdollisuus selvitettävä.',
  },
  {
    source: 'health_station',
    sex: 'female',
    reason: 'Rintasyövän hoidot päättyivät vuosi sitten. Väsymys ja keskittymisvaikeudet haittaavat; työsuhde päättyi hoitojen aikana. Arvioitava paluu työhön.',
    ages: [38, 58],
    education: { level: 'university', qualifications: 'Kasvatustieteen maisteri, varhaiskasvatuksen opettaja', text: '' },
    work: [{ employer: 'Kunnan varhaiskasvatus', role: 'Varhaiskasvatuksen opettaja', endReason: 'Sijaisuus päättyi', years: 12 }],
    workText: 'Pitkä ura päiväkodissa; ryhmän vastuuopettaja.',
    health: 'Syöpähoitojen jälkeinen uupumus ja lymfaturvotus oikeassa kädessä. Seurannat jatkuvat.',
    social: { housing: 'Omistusasunto', finances: 'Työmarkkinatuki, puolison palkka', family: 'Puoliso, aikuiset lapset', debts: 'Ei velkoja', text: '' },
    benefits: [
      { benefit: 'labour_market_subsidy', status: 'receives', note: '' },
      { benefit: 'partial_sickness_allowance', status: 'not_eligible', note: 'Ei työsuhdetta' },
    ],
    benefitsText: '',
    view: { goals: 'Haluan palata opettajaksi, aluksi osa-aikaisesti.', helps: 'Lepotauot päivän aikana', hinders: 'Melu ja pitkät päivät', rating: [5, 7], wai: [27, 35] },
    bring: 'Osa-aikatyön polku: työkokeilu päiväkodissa ja tauotuksen suunnittelu.',
  },
  {
    source: 'health_station',
    reason: 'Aivoverenkiertohäiriö kaksi vuotta sitten. Fyysinen toipuminen hyvä, mutta muisti ja toiminnanohjaus ovat heikentyneet. Aiempi IT-tukityö ei sujunut.',
    ages: [45, 60],
    education: { level: 'higher_vocational', qualifications: 'Insinööri (AMK), tietotekniikka', text: '' },
    work: [{ employer: 'IT-palveluyritys', role: 'Tukihenkilö', endReason: 'Työkokeilu ei onnistunut sairastumisen jälkeen', years: 15 }],
    workText: 'Pitkä ura IT-tuessa ennen sairastumista.',
    health: 'Neuropsykologinen tutkimus tehty: muistin ja tarkkaavuuden lieviä tai keskivaikeita häiriöitä. Väsyy nopeasti.',
    social: { housing: 'Omistusasunto', finances: 'Kuntoutustuki päättynyt, työmarkkinatuki', family: 'Puoliso', debts: 'Ei velkoja', text: '' },
    benefits: [
      { benefit: 'labour_market_subsidy', status: 'receives', note: '' },
      { benefit: 'rehabilitation_subsidy', status: 'not_eligible', note: 'Päättynyt' },
      { benefit: 'partial_disability_pension', status: 'should_apply', note: 'Työeläkeyhtiö' },
    ],
    benefitsText: '',
    view: { goals: 'Haluan tehdä jotain, jossa osaamiseni on hyödyksi, mutta rauhallisemmassa tahdissa.', helps: 'Kirjalliset ohjeet ja rauhallinen ympäristö', hinders: 'Keskeytykset ja monta asiaa yhtä aikaa', rating: [4, 6], wai: [24, 31] },
    bring: 'Osatyökyvyttömyyseläke ja osa-aikatyö rinnakkain selvitettävä; neuropsykologin lausunto liitteenä.',
  },
  {
    source: 'health_station',
    reason: 'Psykoosisairauden oireet pysyneet vakaina kaksi vuotta. Asiakas haluaa palkkatyöhön. Tuetun työllistymisen (IPS) mahdollisuus arvioitava.',
    ages: [25, 40],
    education: { level: 'vocational', qualifications: 'Kokin perustutkinto', text: '' },
    work: [{ employer: 'Lounasravintola', role: 'Kokki', endReason: 'Sairastui', years: 3 }],
    workText: 'Työkokemusta ravintola-alalta ennen sairastumista.',
    health: 'Vakaa vointi, lääkitys ja psykiatrian poliklinikan seuranta. Väsymystä aamuisin.',
    social: { housing: 'Oma vuokra-asunto', finances: 'Kuntoutustuki (Kela)', family: 'Sisko lähellä', debts: 'Ei velkoja', text: '' },
    benefits: [
      { benefit: 'rehabilitation_subsidy', status: 'receives', note: 'Voimassa vuoden loppuun' },
      { benefit: 'disability_allowance', status: 'receives', note: '' },
    ],
    benefitsText: 'Selvitettävä, miten palkkatulot vaikuttavat kuntoutustukeen.',
    restricted: { substance: '', mentalHealth: 'Skitsofrenia; hoitotasapaino hyvä. Omahoitaja psykiatrian poliklinikalla.' },
    view: { goals: 'Haluan palkkatöihin keittiöön, aluksi muutamaksi päiväksi viikossa.', helps: 'Tuttu työhönvalmentaja ja selkeät työvuorot', hinders: 'Aamuväsymys', rating: [6, 8] },
    bring: 'IPS-työhönvalmennus; etuuksien yhteensovitus selvitettävä Kelan kanssa.',
  },
  {
    source: 'employment_authority',
    immigrant: true,
    reason: 'Asiakas muutti Suomeen viisi vuotta sitten. Ulkomainen sairaanhoitajan tutkinto ei ole tunnustettu. Kielitaito A2. Kipuoireita ja unettomuutta; työllistymisen esteet arvioitava.',
    ages: [30, 45],
    education: { level: 'university', qualifications: 'Sairaanhoitajan tutkinto ulkomailla; tunnustaminen kesken', text: 'Suomen kielen kurssit käyty tasolle A2.' },
    work: [{ employer: 'Siivouspalveluyritys', role: 'Siistijä', endReason: 'Tuotannolliset syyt', years: 2 }],
    workText: 'Kotimaassa sairaanhoitajana kahdeksan vuotta.',
    health: 'Hartia- ja niskakipua sekä unettomuutta. Taustalla raskaita kokemuksia.',
    social: { housing: 'Vuokra-asunto', finances: 'Työmarkkinatuki ja asumistuki', family: 'Puoliso ja kolme lasta', debts: 'Ei tiedossa', text: '' },
    benefits: [
      { benefit: 'labour_market_subsidy', status: 'receives', note: '' },
      { benefit: 'general_housing_allowance', status: 'receives', note: '' },
    ],
    benefitsText: '',
    view: { goals: 'Haluan tehdä hoitoalan työtä. Suomen kieltä pitää oppia lisää.', helps: 'Tulkki tapaamisissa ja selkeät ohjeet', hinders: 'Kieli, kipu ja huoli lapsista', rating: [5, 7] },
    bring: 'Tulkki varattava. Selvitettävä tutkinnon tunnustaminen ja täydennyskoulutus.',
  },
  {
    source: 'social_care',
    immigrant: true,
    reason: 'Pitkä työttömyys, kielitaito arjen tasolla. Selkävamma ja traumaperäisiä oireita. Tarvitaan arvio työkyvystä ja tuki palveluihin ohjautumiseen.',
    ages: [35, 55],
    education: { level: 'vocational', qualifications: 'Sähköasentajan koulutus ulkomailla', text: '' },
    work: [{ employer: 'Taksiyrittäjä', role: 'Taksinkuljettaja', endReason: 'Selkäkipu', years: 4 }],
    workText: 'Kotimaassa sähköasentajana; Suomessa lyhyitä töitä.',
    health: 'Alaselän välilevyvamma, univaikeudet ja painajaiset.',
    social: { housing: 'Vuokra-asunto', finances: 'Työmarkkinatuki', family: 'Puoliso ja kaksi lasta', debts: 'Vuokrarästejä', text: '' },
    benefits: [
      { benefit: 'labour_market_subsidy', status: 'receives', note: '' },
      { benefit: 'basic_social_assistance', status: 'applied', note: '' },
    ],
    benefitsText: '',
    restricted: { substance: '', mentalHealth: 'Traumaperäisen stressihäiriön oireita; ei hoitokontaktia.' },
    view: { goals: 'Haluan tehdä työtä, jolla elätän perheeni.', helps: 'Tulkki ja se, että asiat kerrotaan kerralla', hinders: 'Selkä ja huonot yöunet', rating: [3, 5] },
    bring: 'Tulkki varattava. Traumaoireiden hoitoon ohjaus ja fysioterapeutin arvio.',
  },
];
