/** English: exporting a plan version as a PDF document (issue 7). */
export const enExport = {
  exportPdf: {
    button: 'Export PDF',
    title: 'Plan version {{version}} as a PDF',
    intro: 'The PDF is fit for archiving (PDF/A) and carries the plan’s data in machine-readable form. The document’s language can differ from the interface’s.',
    language: 'Language of the document',
    languageHint: 'A Swedish-speaking client, for example, gets the document in Swedish.',
    fullCode: 'Copy for the client: show the full identity code',
    fullCodeHint: 'Otherwise the end of the identity code is masked on the pages. The attached signed data of a signed version always holds the full code: it is part of what the team signed.',
    confirmFullCode: 'I confirm: the document will hold the client’s full identity code and is given to the client only.',
    confirmRequired: 'Confirm showing the full identity code, or clear the choice.',
    draftTitle: 'Not signed',
    draftNote: 'This version is not signed. Every page of the PDF is watermarked as a draft, and it is not a final document.',
    submit: 'Export',
    progress: 'Creating the PDF…',
    failed: 'The PDF could not be created',
    done_one: 'PDF {{fileName}} downloaded ({{count}} page).',
    done_other: 'PDF {{fileName}} downloaded ({{count}} pages).',
    saved_one: 'PDF saved as {{path}} ({{count}} page).',
    saved_other: 'PDF saved as {{path}} ({{count}} pages).',
  },
} as const;
