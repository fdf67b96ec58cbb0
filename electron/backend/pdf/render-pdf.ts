/**
 * The plan as a PDF (issue 7): A4, DejaVu Sans embedded, PDF/A-3b (pdfkit's XMP identification
 * and sRGB output intent), PDF 1.7, tagged, the document's language and title set. Every word comes
 * from the fi/sv/en catalogues in the language asked for, whatever the UI's.
 *
 * The pages: the header (organisation, team, client, masked identity code, case, version and its
 * state), the assessment summary, goals, actions (a table), the coordinator and follow-up, who took
 * part, every signature (the client's drawn image shown), the payload's SHA-256 and verification
 * code, and last a plain-language summary page for the client. Every page carries a header band
 * and "1 / 3"; a draft (or a frozen version still being signed) carries "DRAFT / LUONNOS / UTKAST"
 * in its header band and as a large diagonal watermark under the content. The watermark is drawn
 * from the font's glyph outlines, so it is not text: extracted text reads in order, and the
 * banner in the header carries the words.
 *
 * The canonical payload (the exact stored bytes) is attached as an associated file
 * (AFRelationship Source: the document is rendered from it, and it is what was signed). A draft has
 * no payload and gets no attachment: a JSON that looks like a plan but was never frozen could be
 * taken by a system for a signed one. Beside it goes the evidence (`…-signatures.json`,
 * AFRelationship Supplement): each team signature with its public key, so the PDF alone is enough
 * to check them (pdf/verify-pdf.ts).
 */
import PDFDocument from 'pdfkit';
import { formatDateTime, formatDay, todayInFinland } from '../../../shared/domain/dates.js';
import { catalogues, type Language, type Messages } from '../../../shared/i18n/index.js';
import { fontData, glyphFonts } from './fonts.js';
import { A4, COLOR, FONT, Layout } from './layout.js';
import { verificationCode, type DocAction, type PlanDocument } from './plan-document.js';

const MARGINS = { left: 45, right: 45, top: 64, bottom: 56 };

export interface RenderedPdf {
  bytes: Buffer;
  pages: number;
}

/** `{{name}}` placeholders filled (the catalogues' own syntax). */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/** "DRAFT / LUONNOS / UTKAST": the same words in every document, whatever its language. */
export const DRAFT_MARK = [catalogues.en.pdf.draftWord, catalogues.fi.pdf.draftWord, catalogues.sv.pdf.draftWord].join(' / ');

export function documentTitle(doc: Pick<PlanDocument, 'caseNumber' | 'version'>, language: Language): string {
  return fill(catalogues[language].pdf.docTitle, { case: doc.caseNumber, version: doc.version });
}

class PlanRenderer {
  private readonly m: Messages;
  readonly l: Layout;
  private readonly day: (d: string | null) => string;
  private readonly moment: (iso: string | null) => string;

  constructor(
    private readonly d: PlanDocument,
    private readonly language: Language,
    pdf: PDFKit.PDFDocument,
  ) {
    this.m = catalogues[language];
    this.day = (x) => (x ? formatDay(x, language) : this.m.plans.notGiven);
    this.moment = (x) => (x ? formatDateTime(x, language) : this.m.plans.notGiven);
    this.l = new Layout(pdf, MARGINS, (l) => this.decorate(l));
  }

  /** The header band of every page, and under a draft's content the diagonal watermark. */
  private decorate(l: Layout): void {
    const doc = l.doc;
    if (this.d.draft) watermark(doc);
    const left = [this.d.organisation, this.d.team].filter(Boolean).join(' · ');
    const right = `${fill(this.m.session.caseNumber, { number: this.d.caseNumber })} · ${fill(this.m.plans.versionLabel, { version: this.d.version })}`;
    doc.font(FONT.regular).fontSize(8).fillColor(COLOR.muted);
    const rightText = l.clean(right);
    doc.text(rightText, l.right - doc.widthOfString(rightText), 26, { lineBreak: false });
    const leftText = l.wrap(left, l.width - doc.widthOfString(rightText) - 16, { size: 8, color: COLOR.muted })[0] ?? '';
    doc.text(leftText, l.left, 26, { lineBreak: false });
    if (this.d.draft) {
      doc.font(FONT.bold).fontSize(9).fillColor(COLOR.warn);
      doc.text(DRAFT_MARK, (A4.width - doc.widthOfString(DRAFT_MARK)) / 2, 40, { lineBreak: false });
    }
    doc.moveTo(l.left, 54).lineTo(l.right, 54).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
  }

  render(): void {
    const { m, d, l } = this;
    l.newPage();
    l.heading(m.plans.title, 1);
    this.header();
    this.notice();
    this.assessment();
    l.heading(m.plans.goals.title, 2);
    if (d.goals.length === 0) l.paragraph(m.plans.goals.none);
    d.goals.forEach((g, i) => {
      l.heading(fill(m.plans.goals.item, { n: i + 1 }), 3);
      l.paragraph(g.text || m.plans.goals.untitled, { keep: 2 });
      l.fields([
        [m.plans.goals.targetDate, this.day(g.targetDate)],
        [m.plans.goals.progressMeasure, g.progressMeasure || m.plans.notGiven],
        [m.plans.goals.acceptance, g.acceptance ? m.plans.acceptances[g.acceptance] : m.plans.notGiven],
        ...(g.clientWords.trim() ? ([[m.plans.goals.clientWords, `“${g.clientWords}”`]] as const) : []),
      ]);
    });
    this.actions();
    this.coordination();
    this.attendance();
    this.signatures();
    this.integrity();
    this.summary();
    if (l.replaced) {
      l.space(10);
      l.paragraph(m.pdf.replaced, { size: 8.5, color: COLOR.muted });
    }
    this.pageNumbers();
  }

  private header(): void {
    const { m, d, l } = this;
    const code = d.client.identityCode === null ? m.clients.noIdentityCode : d.client.identityCodeMasked ? fill(m.pdf.header.identityMasked, { code: d.client.identityCode }) : d.client.identityCode;
    const state = fill(m.pdf.states[d.state], { date: this.day(dayOf(d.state === 'frozen' ? d.frozenAt : d.lockedAt)), superseded: this.day(dayOf(d.supersededAt)) });
    l.fields([
      [m.pdf.header.organisation, d.organisation],
      ...(d.team ? ([[m.pdf.header.team, d.team]] as const) : []),
      [m.pdf.header.client, d.client.name],
      [m.pdf.header.identityCode, code],
      [m.pdf.header.caseNumber, d.caseNumber],
      [m.pdf.header.version, String(d.version)],
      [m.pdf.header.status, state],
      ...(d.meeting ? ([[m.pdf.header.meeting, fill(m.pdf.header.meetingLine, { date: this.day(d.meeting.date), chair: d.meeting.chairName })]] as const) : []),
    ]);
  }

  private notice(): void {
    const { m, d, l } = this;
    const text = d.state === 'draft' ? m.pdf.notices.draft : d.state === 'frozen' ? m.pdf.notices.frozen : d.state === 'superseded' ? m.pdf.notices.superseded : null;
    if (text) l.paragraph(text, { font: FONT.bold, color: d.draft ? COLOR.warn : COLOR.text, after: 6 });
  }

  private assessment(): void {
    const { m, d, l } = this;
    const a = d.assessment;
    if (!a) return;
    const rating = (n: number | null) => (n === null ? m.pdf.assessment.notRated : `${n} / 10`);
    const t = m.session.textFields.conclusion;
    l.heading(m.pdf.assessment.title, 2);
    const path = a.servicePath === null ? m.plans.notGiven : a.servicePath === 'other' && a.servicePathOther.trim() ? `${m.session.servicePaths.other}: ${a.servicePathOther}` : m.session.servicePaths[a.servicePath];
    l.fields([
      [m.session.conclusion.clientRating, rating(a.clientRating)],
      [m.session.conclusion.teamRating, rating(a.teamRating)],
      [m.session.conclusion.servicePath, path],
      ...(a.statement.trim() ? ([[t.statement, a.statement]] as const) : []),
      [t.strengths, a.strengths.trim() || m.plans.notGiven],
      [t.barriers, a.barriers.trim() || m.plans.notGiven],
      [m.session.conclusion.agreement, a.agreement ? m.session.agreements[a.agreement] : m.plans.notGiven],
    ]);
    if (a.agreement !== null && a.agreement !== 'agrees') {
      l.paragraph(m.pdf.assessment.bothViews, { font: FONT.bold, size: 9.5 });
      l.fields([
        [t.clientView, a.clientView.trim() || m.plans.notGiven],
        [t.clientGrounds, a.clientGrounds.trim() || m.plans.notGiven],
        [t.teamGrounds, a.teamGrounds.trim() || m.plans.notGiven],
      ]);
    }
  }

  /** The service in the document's language (the catalogue copy the version holds), or the free text. */
  private what(a: DocAction): string {
    const name = a.service ? a.service.names[this.language] || a.service.names.fi : '';
    return [name, a.text.trim()].filter(Boolean).join('\n') || this.m.plans.notGiven;
  }

  private actions(): void {
    const { m, d, l } = this;
    l.heading(m.plans.actions.title, 2);
    if (d.actions.length === 0) {
      l.paragraph(m.plans.actions.none);
      return;
    }
    const columns = [
      { header: m.pdf.actions.number, weight: 0 },
      { header: m.pdf.actions.what, weight: 3 },
      { header: m.plans.actions.provider, weight: 2 },
      { header: m.plans.actions.responsible, weight: 2 },
      { header: m.plans.actions.startDate, weight: 0 },
      { header: m.plans.actions.dueDate, weight: 0 },
      { header: m.plans.actions.status, weight: 0 },
      { header: m.plans.goals.title, weight: 0 },
    ];
    l.table(
      columns,
      d.actions.map((a) => [
        String(a.number),
        this.what(a),
        a.provider ? [a.provider.organisation, a.provider.unit, a.provider.contact].filter((x) => x.trim()).join('\n') : '',
        a.responsible,
        a.startDate ? this.day(a.startDate) : '',
        a.dueDate ? this.day(a.dueDate) : '',
        m.plans.statuses[a.status],
        a.goalNumbers.join(', '),
      ]),
    );
  }

  private coordination(): void {
    const { m, d, l } = this;
    const c = d.coordinator;
    l.heading(m.coordination.current, 2);
    if (!c) l.paragraph(m.coordination.noneYet);
    else {
      l.fields([
        [m.coordination.name, c.name],
        [m.coordination.type, m.coordination.types[c.type]],
        [m.coordination.profession, c.profession ? m.professions[c.profession] : m.coordination.professionNotGiven],
        [m.coordination.organisation, c.organisation || m.plans.notGiven],
        [m.coordination.contact, c.contact || m.plans.notGiven],
        [m.coordination.startDate, this.day(c.startDate)],
      ]);
    }
    l.heading(m.plans.details.title, 2);
    l.fields([[m.plans.details.reviewDate, this.day(d.reviewDate)]]);
    const refs = d.statutoryPlans.map((r) => fill(m.plans.details.refLine, { kind: m.plans.statutoryKinds[r.kind], number: r.number, date: this.day(r.date) }));
    l.fields([[m.plans.details.refs, refs.length ? refs.join('\n') : m.plans.details.refsNone]]);
  }

  private attendance(): void {
    const { m, d, l } = this;
    l.heading(m.pdf.attendance.title, 2);
    if (d.attendance.length === 0) {
      l.paragraph(m.pdf.attendance.none);
      return;
    }
    l.table(
      [
        { header: m.coordination.name, weight: 1 },
        { header: m.coordination.profession, weight: 1 },
        { header: m.coordination.organisation, weight: 1 },
        { header: m.pdf.attendance.participation, weight: 0 },
      ],
      d.attendance.map((a) => [a.name, m.professions[a.profession], a.organisation, m.session.attendance[a.status]]),
      9,
    );
    if (d.quorum) {
      l.paragraph(fill(m.signing.round.quorumReason, { sectors: d.quorum.missingSectors.map((s) => m.session.sectors[s as keyof Messages['session']['sectors']] ?? s).join(', '), reason: d.quorum.reason }));
    }
  }

  private signatures(): void {
    const { m, d, l } = this;
    l.heading(m.pdf.signatures.title, 2);
    if (d.state === 'draft') {
      l.paragraph(m.pdf.signatures.draft);
      return;
    }
    if (d.signatures.length === 0) l.paragraph(m.pdf.signatures.none);
    for (const s of d.signatures) {
      const client = s.kind === 'client_drawn' || s.kind === 'client_oral';
      const how =
        s.kind === 'member'
          ? m.pdf.signatures.ownKey
          : s.kind === 'confirmed'
            ? fill(m.signing.list.confirmed, { signer: s.signerName })
            : s.kind === 'client_drawn'
              ? fill(m.signing.list.drawn, { signer: s.signerName })
              : fill(m.signing.list.oral, { witness: s.witness ?? '', signer: s.signerName });
      l.ensure(l.lineHeight() * 5 + (s.image ? 60 : 0));
      l.heading(client ? fill(m.signing.list.clientName, { name: s.name }) : s.name, 3);
      l.fields([
        ...(client ? [] : ([[m.coordination.profession, s.profession ? m.professions[s.profession] : m.coordination.professionNotGiven], [m.coordination.organisation, s.organisation || m.plans.notGiven]] as const)),
        [m.pdf.signatures.how, how],
        [m.pdf.signatures.when, this.moment(s.signedAt)],
      ]);
      if (s.kind === 'client_drawn') {
        const shown = s.image !== null && l.figure(s.image, fill(m.signing.list.drawnAlt, { name: s.name }), 180, 56, 150);
        if (!shown) l.paragraph(m.pdf.signatures.imageMissing, { indent: 150, color: COLOR.muted });
      }
    }
  }

  private integrity(): void {
    const { m, d, l } = this;
    l.heading(m.pdf.integrity.title, 2);
    if (!d.payload) {
      l.paragraph(m.pdf.integrity.noPayload);
      return;
    }
    // The hash on one line, small enough to fit: people read it aloud and compare it.
    l.fields([[m.pdf.integrity.sha256, d.payload.sha256]], 150, { size: 8.5 });
    l.fields([[m.pdf.integrity.code, verificationCode(d.payload.sha256)]]);
    l.paragraph(fill(m.pdf.integrity.attached, { file: d.payload.fileName }), { size: 9, color: COLOR.muted });
    if (d.evidence) l.paragraph(fill(m.pdf.integrity.evidenceAttached, { file: d.evidence.fileName }), { size: 9, color: COLOR.muted });
  }

  /** The client's page: short sentences, no tables. */
  private summary(): void {
    const { m, d, l } = this;
    const s = m.pdf.summary;
    l.newPage();
    l.heading(s.title, 1);
    l.paragraph(s.intro, { size: 11, after: 8 });
    l.heading(s.agreed, 2);
    d.goals.forEach((g, i) => l.paragraph(g.text || m.plans.goals.untitled, { size: 11, indent: 8, prefix: `${i + 1}. ` }));
    l.heading(s.helps, 2);
    const c = d.coordinator;
    l.paragraph(c ? fill(c.contact.trim() ? s.coordinator : s.coordinatorNoContact, { name: c.name, contact: c.contact }) : s.noCoordinator, { size: 11, after: 6 });
    for (const a of d.actions) {
      if (a.status === 'cancelled' || a.status === 'done') continue;
      // The service's name is enough here; the note beside it is in the table.
      const what = a.service ? a.service.names[this.language] || a.service.names.fi : a.text.trim() || m.plans.notGiven;
      l.paragraph(fill(a.dueDate ? s.action : s.actionNoDate, { what, who: a.responsible, date: this.day(a.dueDate) }), { size: 11, indent: 8, prefix: '• ' });
    }
    l.heading(s.next, 2);
    l.paragraph(d.reviewDate ? fill(s.review, { date: this.day(d.reviewDate) }) : s.noReview, { size: 11, after: 8 });
    l.paragraph(s.questions, { size: 11 });
  }

  /** "Sivu 1 / 3" and, once the content is fixed, the verification code on every page. */
  private pageNumbers(): void {
    const { m, d, l } = this;
    const doc = l.doc;
    const { start, count } = doc.bufferedPageRange();
    for (let i = 0; i < count; i++) {
      doc.switchToPage(start + i);
      l.artifact(() => {
        doc.font(FONT.regular).fontSize(8).fillColor(COLOR.muted);
        const page = fill(m.pdf.footer.page, { page: i + 1, pages: count });
        const y = A4.height - 36;
        doc.text(page, l.right - doc.widthOfString(page), y, { lineBreak: false });
        const left = d.payload ? fill(m.pdf.footer.code, { code: verificationCode(d.payload.sha256) }) : l.clean(documentTitle(d, this.language));
        doc.text(left, l.left, y, { lineBreak: false });
      });
    }
  }
}

/** The Finnish calendar day of a moment (a version locked at 00.30 Finnish time is locked that day). */
const dayOf = (iso: string | null): string | null => (iso ? todayInFinland(new Date(iso)) : null);

/** The draft mark as glyph outlines, large and pale, across the page under the content. */
function watermark(doc: PDFKit.PDFDocument): void {
  const font = glyphFonts().bold;
  const run = font.layout(DRAFT_MARK);
  const size = 50;
  const scale = size / font.unitsPerEm;
  const width = run.positions.reduce((sum, p) => sum + p.xAdvance, 0) * scale;
  doc.save();
  doc.translate(A4.width / 2, A4.height / 2).rotate(-55).translate(-width / 2, size * 0.35);
  let x = 0;
  run.glyphs.forEach((g, i) => {
    doc.save();
    doc.translate(x, 0).scale(scale, -scale);
    doc.path(g.path.toSVG()).fill('#f3dede');
    doc.restore();
    x += run.positions[i]!.xAdvance * scale;
  });
  doc.restore();
}

/** Renders the document; async because pdfkit decodes a PNG with transparency (a drawn signature) asynchronously. */
export function renderPlanPdf(d: PlanDocument, language: Language): Promise<RenderedPdf> {
  const fonts = fontData();
  const title = documentTitle(d, language);
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    size: 'A4',
    pdfVersion: '1.7',
    subset: 'PDF/A-3b',
    tagged: true,
    lang: language,
    displayTitle: true,
    // No default font: pdfkit would otherwise load Helvetica, one of the standard 14.
    font: null as unknown as string,
    info: { Title: title, Creator: 'Tiimipöytä', CreationDate: new Date() },
  });
  doc.registerFont(FONT.regular, fonts.regular);
  doc.registerFont(FONT.bold, fonts.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const r = new PlanRenderer(d, language, doc);
  r.render();
  const pages = doc.bufferedPageRange().count;
  const text = catalogues[language].pdf.integrity;
  const attach = (file: { fileName: string; bytes: Buffer }, description: string, at: string | null, relationship: 'Source' | 'Supplement') => {
    const when = new Date(at ?? Date.now());
    doc.file(file.bytes, { name: file.fileName, type: 'application/json', description, creationDate: when, modifiedDate: when, relationship } as PDFKit.Mixins.PDFAttachmentOptions);
  };
  if (d.payload) attach(d.payload, text.attachmentDescription, d.frozenAt, 'Source');
  if (d.payload && d.evidence) attach(d.evidence, text.evidenceDescription, d.lockedAt ?? d.frozenAt, 'Supplement');
  doc.end();
  return done.then((bytes) => ({ bytes, pages }));
}
