/** Finnish: exporting a plan version as a PDF document (issue 7). */
export const fiExport = {
  exportPdf: {
    button: 'Vie PDF-tiedostoksi',
    title: 'Suunnitelman versio {{version}} PDF-tiedostona',
    intro: 'PDF-tiedosto on arkistokelpoinen (PDF/A), ja siihen on liitetty suunnitelman tiedot koneluettavina. Asiakirjan kieli voi olla eri kuin käyttöliittymän.',
    language: 'Asiakirjan kieli',
    languageHint: 'Esimerkiksi ruotsinkielinen asiakas saa asiakirjan ruotsiksi.',
    fullCode: 'Asiakkaan kappale: näytä koko henkilötunnus',
    fullCodeHint: 'Muuten henkilötunnuksen loppuosa peitetään sivuilla. Allekirjoitetun version liitteenä olevassa allekirjoitetussa tiedossa on aina koko tunnus: se on osa sitä, minkä tiimi allekirjoitti.',
    confirmFullCode: 'Vahvistan: asiakirjaan tulee asiakkaan koko henkilötunnus, ja se annetaan vain asiakkaalle.',
    confirmRequired: 'Vahvista koko henkilötunnuksen näyttäminen tai poista valinta.',
    draftTitle: 'Ei allekirjoitettu',
    draftNote: 'Tätä versiota ei ole allekirjoitettu. PDF-tiedoston jokaiselle sivulle tulee luonnoksen vesileima, eikä se ole lopullinen asiakirja.',
    submit: 'Vie',
    progress: 'Luodaan PDF-tiedostoa…',
    failed: 'PDF-tiedostoa ei voitu luoda',
    done_one: 'PDF-tiedosto {{fileName}} ladattu ({{count}} sivu).',
    done_other: 'PDF-tiedosto {{fileName}} ladattu ({{count}} sivua).',
    saved_one: 'PDF-tiedosto tallennettu: {{path}} ({{count}} sivu).',
    saved_other: 'PDF-tiedosto tallennettu: {{path}} ({{count}} sivua).',
  },
} as const;
