/** Swedish: exporting a plan version as a PDF document (issue 7). */
export const svExport = {
  exportPdf: {
    button: 'Exportera som PDF',
    title: 'Planens version {{version}} som PDF',
    intro: 'PDF-filen duger för arkivering (PDF/A) och innehåller planens uppgifter i maskinläsbar form. Dokumentets språk kan vara ett annat än användargränssnittets.',
    language: 'Dokumentets språk',
    languageHint: 'En svenskspråkig klient får till exempel dokumentet på svenska.',
    fullCode: 'Klientens exemplar: visa hela personbeteckningen',
    fullCodeHint: 'Annars döljs slutet av personbeteckningen på sidorna. De bifogade undertecknade uppgifterna i en undertecknad version innehåller alltid hela beteckningen: den är en del av det teamet undertecknade.',
    confirmFullCode: 'Jag bekräftar: dokumentet innehåller klientens hela personbeteckning och ges endast till klienten.',
    confirmRequired: 'Bekräfta att hela personbeteckningen visas eller ta bort valet.',
    draftTitle: 'Inte undertecknad',
    draftNote: 'Den här versionen är inte undertecknad. Varje sida i PDF-filen får en vattenstämpel som utkast, och den är inte ett slutligt dokument.',
    submit: 'Exportera',
    progress: 'PDF-filen skapas…',
    failed: 'PDF-filen kunde inte skapas',
    done_one: 'PDF-filen {{fileName}} har laddats ner ({{count}} sida).',
    done_other: 'PDF-filen {{fileName}} har laddats ner ({{count}} sidor).',
    saved_one: 'PDF-filen har sparats som {{path}} ({{count}} sida).',
    saved_other: 'PDF-filen har sparats som {{path}} ({{count}} sidor).',
  },
} as const;
