/**
 * Suomi: suunnitelma PDF-asiakirjana (issue 7). Otsikot, joita muualla jo on (suunnitelman
 * kentät, tilat, palvelupolut, asiakasvastaava), otetaan niiden omista avaimista.
 */
export const fiPdf = {
  pdf: {
    docTitle: 'Työkyvyn tuen suunnitelma {{case}}, versio {{version}}',
    draftWord: 'LUONNOS',
    header: {
      organisation: 'Organisaatio',
      team: 'Tiimi',
      client: 'Asiakas',
      identityCode: 'Henkilötunnus',
      identityMasked: '{{code}} (osittain piilotettu)',
      caseNumber: 'Asianumero',
      version: 'Versio',
      status: 'Tila',
      meeting: 'Tiimin kokous',
      meetingLine: '{{date}}, puheenjohtajana {{chair}}',
    },
    states: {
      draft: 'Luonnos, ei allekirjoitettu',
      frozen: 'Jäädytetty allekirjoitettavaksi {{date}}, allekirjoitukset kesken',
      locked: 'Allekirjoitettu ja lukittu {{date}}',
      superseded: 'Allekirjoitettu ja lukittu {{date}}, korvattu uudemmalla versiolla {{superseded}}',
    },
    notices: {
      draft: 'Tämä on luonnos. Sitä ei ole allekirjoitettu, eikä se ole voimassa oleva suunnitelma.',
      frozen: 'Tämän version allekirjoittaminen on kesken. Suunnitelma tulee voimaan, kun kaikki ovat allekirjoittaneet.',
      superseded: 'Tämä versio on korvattu uudemmalla. Se säilyy sellaisena kuin se allekirjoitettiin.',
    },
    assessment: {
      title: 'Arvion yhteenveto',
      notRated: 'Ei arvioitu',
      bothViews: 'Asiakas ei ole täysin samaa mieltä tiimin kanssa. Molempien näkemykset ja perustelut:',
    },
    actions: {
      what: 'Palvelu tai toimenpide',
      number: 'Nro',
      continued: '(jatkuu)',
    },
    attendance: {
      title: 'Kokoukseen osallistuneet',
      participation: 'Osallistuminen',
      none: 'Luonnosta ei ole vielä käsitelty allekirjoitettavaksi tiimin kokouksessa.',
    },
    signatures: {
      title: 'Allekirjoitukset',
      ownKey: 'Allekirjoitettu omalla avaimella',
      when: 'Aika',
      how: 'Tapa',
      none: 'Allekirjoituksia ei ole vielä annettu.',
      draft: 'Luonnosta ei allekirjoiteta. Se jäädytetään ja allekirjoitetaan tiimin kokouksessa.',
      imageMissing: 'Piirrettyä allekirjoitusta ei voitu näyttää.',
    },
    integrity: {
      title: 'Suunnitelman tarkistaminen',
      sha256: 'Allekirjoitetun sisällön SHA-256-tiiviste',
      code: 'Tarkistuskoodi',
      attached: 'Allekirjoitettu sisältö on liitetty tähän PDF-tiedostoon nimellä {{file}}. Sen SHA-256-tiiviste on yllä; tarkistuskoodi on tiivisteen 12 ensimmäistä merkkiä.',
      noPayload: 'Luonnoksella ei ole vielä allekirjoitettavaa sisältöä eikä tiivistettä, joten tiedostoon ei ole liitetty sisältöä.',
      attachmentDescription: 'Suunnitelman allekirjoitettu sisältö (kanoninen JSON)',
      evidenceDescription: 'Tiimin allekirjoitukset ja niiden julkiset avaimet (kanoninen JSON)',
      evidenceAttached: 'Tiimin allekirjoitukset ja niiden tarkistamiseen tarvittavat julkiset avaimet on liitetty nimellä {{file}}. Tiimipöydän verify-komento (tai sovelluksen Tarkista PDF) tarkistaa tiedoston, sen sinetin ja jokaisen allekirjoituksen.',
    },
    footer: {
      page: 'Sivu {{page}} / {{pages}}',
      code: 'Tarkistuskoodi {{code}}',
    },
    replaced: 'Joitakin merkkejä (esimerkiksi emojeja) ei voi esittää tässä asiakirjassa. Ne on korvattu merkillä \uFFFD.',
    summary: {
      title: 'Yhteenveto sinulle',
      intro: 'Tällä sivulla kerrotaan lyhyesti, mitä suunnitelmassa sovittiin.',
      agreed: 'Mitä sovimme',
      helps: 'Kuka auttaa sinua',
      coordinator: '{{name}} on asiakasvastaavasi. Yhteystiedot: {{contact}}.',
      coordinatorNoContact: '{{name}} on asiakasvastaavasi.',
      noCoordinator: 'Asiakasvastaavaa ei ole vielä nimetty.',
      action: '{{what}}: vastuussa {{who}}, viimeistään {{date}}',
      actionNoDate: '{{what}}: vastuussa {{who}}',
      next: 'Milloin tapaamme seuraavan kerran',
      review: 'Tilannettasi arvioidaan yhdessä uudelleen viimeistään {{date}}.',
      noReview: 'Seuraavaa arviointipäivää ei ole vielä sovittu.',
      questions: 'Jos sinulla on kysyttävää tai tilanteesi muuttuu, ota yhteyttä asiakasvastaavaasi.',
    },
  },
};
