/**
 * A small flowing layout on top of pdfkit: headings, paragraphs, label–value rows and tables that
 * break across pages, every piece of text tagged in the structure tree (H1/H2/H3, P, Table > TR >
 * TH/TD, Figure) and every decoration marked as an artifact.
 *
 * Lines are wrapped here (not by pdfkit) so that a page break can fall anywhere: between lines of
 * a paragraph, between table rows (the header is drawn again on the next page), and inside a row
 * taller than a page, whose cells then continue line by line. Nothing is ever clipped. A word wider
 * than its column is broken between characters.
 */
import { cleanText } from './fonts.js';

type Doc = PDFKit.PDFDocument;
type StructElement = PDFKit.PDFStructureElement;

export const FONT = { regular: 'Sans', bold: 'Sans-Bold' } as const;
export type FontName = (typeof FONT)[keyof typeof FONT];

export const COLOR = { text: '#1a1a1a', muted: '#555555', rule: '#b3b3b3', fill: '#eeeeee', accent: '#1f4e79', warn: '#9c1c1c' } as const;

export interface TextStyle {
  font?: FontName;
  size?: number;
  color?: string;
}

export interface Column {
  header: string;
  /** Share of the width left once every column is as wide as its longest word (0: just that). */
  weight: number;
}

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

const LEADING = 1.28;
const CELL_PAD = 3;

export class Layout {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  y: number;
  /** Whether any text had characters the fonts cannot draw (the document then says so). */
  replaced = false;
  private readonly root: StructElement;

  constructor(
    readonly doc: Doc,
    margins: { left: number; right: number; top: number; bottom: number },
    /** Draws what every page carries under its content (header band, watermark). */
    private readonly decorate: (l: Layout) => void,
  ) {
    this.left = margins.left;
    this.right = A4.width - margins.right;
    this.top = margins.top;
    this.bottom = A4.height - margins.bottom;
    this.y = this.top;
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  get width(): number {
    return this.right - this.left;
  }

  /** NFC text the fonts can draw; remembers if anything had to be replaced. */
  clean(text: string): string {
    const c = cleanText(text);
    if (c.replaced) this.replaced = true;
    return c.text;
  }

  newPage(): void {
    this.doc.addPage({ size: 'A4', margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    this.y = this.top;
    this.artifact(() => this.decorate(this));
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  space(points: number): void {
    this.y = Math.min(this.y + points, this.bottom);
  }

  /** Decoration, not content: marked as an artifact so assistive technology skips it. */
  artifact(draw: () => void): void {
    this.doc.markContent('Artifact');
    draw();
    this.doc.endMarkedContent();
  }

  private use(style: TextStyle): { size: number; lineHeight: number } {
    const size = style.size ?? 10;
    this.doc.font(style.font ?? FONT.regular).fontSize(size).fillColor(style.color ?? COLOR.text);
    return { size, lineHeight: size * LEADING };
  }

  /**
   * Lines of at most `width` points in the current font; words too wide are broken by character.
   * A line that ends where a space was keeps one trailing space (invisible): text extracted from the
   * page, or read aloud from the tags, then still has the space between the words.
   */
  private wrapCurrent(text: string, width: number): string[] {
    const lines: string[] = [];
    for (const para of text.split('\n')) {
      let line = '';
      for (const token of para.split(/(\s+)/)) {
        if (token === '') continue;
        const space = /^\s+$/.test(token);
        const candidate = line + (space ? ' ' : token);
        if (this.doc.widthOfString(candidate.trimEnd()) <= width) {
          line = candidate;
          continue;
        }
        if (space) {
          lines.push(`${line.trimEnd()} `);
          line = '';
          continue;
        }
        if (line.trim() !== '') lines.push(line.endsWith(' ') ? line : `${line} `);
        line = '';
        if (this.doc.widthOfString(token) <= width) {
          line = token;
          continue;
        }
        for (const ch of token) {
          if (line !== '' && this.doc.widthOfString(line + ch) > width) {
            lines.push(line);
            line = '';
          }
          line += ch;
        }
      }
      lines.push(line.trimEnd());
    }
    return lines;
  }

  wrap(text: string, width: number, style: TextStyle = {}): string[] {
    this.use(style);
    return this.wrapCurrent(this.clean(text), width);
  }

  lineHeight(style: TextStyle = {}): number {
    return (style.size ?? 10) * LEADING;
  }

  /** Marks what `draw` puts on this page as content of `el` (a TD, P … spanning pages gets one piece per page). */
  private marked(el: StructElement, tag: string, draw: () => void): void {
    const content = this.doc.markStructureContent(tag);
    try {
      draw();
    } finally {
      this.doc.endMarkedContent();
      el.add(content);
    }
  }

  private element(tag: string, parent: StructElement = this.root, options: { alt?: string } = {}): StructElement {
    const el = this.doc.struct(tag, options);
    parent.add(el);
    return el;
  }

  /**
   * A block of text from the cursor, `indent` points in, breaking to the next page between
   * lines. `keep` lines are kept together with what precedes them (a heading with its first lines).
   */
  paragraph(text: string, style: TextStyle & { indent?: number; tag?: string; after?: number; keep?: number; prefix?: string } = {}): void {
    const { lineHeight } = this.use(style);
    const x = this.left + (style.indent ?? 0);
    // A bullet or number hangs: the lines after the first start under the text, not under it.
    const prefix = style.prefix ?? '';
    const hang = prefix ? this.doc.widthOfString(prefix) : 0;
    const lines = this.wrapCurrent(this.clean(text), this.right - x - hang);
    this.ensure(lineHeight * Math.min(lines.length, style.keep ?? 1));
    const el = this.element(style.tag ?? 'P');
    let i = 0;
    while (i < lines.length) {
      if (this.y + lineHeight > this.bottom) this.newPage();
      const fit = Math.max(1, Math.floor((this.bottom - this.y) / lineHeight));
      const first = i;
      const chunk = lines.slice(i, i + fit);
      this.marked(el, style.tag ?? 'P', () => {
        this.use(style);
        chunk.forEach((line, k) => {
          if (first + k === 0 && prefix) this.doc.text(prefix + line, x, this.y, { lineBreak: false });
          else this.doc.text(line, x + hang, this.y, { lineBreak: false });
          this.y += lineHeight;
        });
      });
      i += chunk.length;
    }
    el.end();
    this.space(style.after ?? 4);
  }

  heading(text: string, level: 1 | 2 | 3): void {
    const size = level === 1 ? 17 : level === 2 ? 13 : 10.5;
    this.space(level === 1 ? 0 : level === 2 ? 8 : 4);
    // A heading never ends a page: keep room for it and a few lines after it.
    this.ensure(this.lineHeight({ size }) + 3 * this.lineHeight());
    this.paragraph(text, { font: FONT.bold, size, color: level === 3 ? COLOR.text : COLOR.accent, tag: `H${level}`, after: level === 1 ? 6 : 3 });
    if (level === 2) this.artifact(() => this.doc.moveTo(this.left, this.y - 2).lineTo(this.right, this.y - 2).lineWidth(0.5).strokeColor(COLOR.rule).stroke());
  }

  /**
   * Label – value rows (the label in a narrow column), tagged as a list of label and body (L > LI >
   * Lbl + LBody); a long value breaks across pages like a paragraph.
   */
  fields(rows: readonly (readonly [string, string])[], labelWidth = 150, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const lineHeight = this.lineHeight({ size });
    const list = this.element('L');
    for (const [label, value] of rows) {
      const labelLines = this.wrap(label, labelWidth - 8, { font: FONT.bold, size });
      const valueLines = this.wrap(value, this.width - labelWidth, { size });
      this.ensure(lineHeight * Math.min(2, Math.max(labelLines.length, valueLines.length)));
      const li = this.element('LI', list);
      const lbl = this.element('Lbl', li);
      const body = this.element('LBody', li);
      const n = Math.max(labelLines.length, valueLines.length);
      let i = 0;
      while (i < n) {
        if (this.y + lineHeight > this.bottom) this.newPage();
        const fit = Math.max(1, Math.floor((this.bottom - this.y) / lineHeight));
        const y0 = this.y;
        const end = Math.min(n, i + fit);
        const draw = (lines: string[], x: number) => lines.slice(i, end).forEach((line, k) => this.doc.text(line, x, y0 + k * lineHeight, { lineBreak: false }));
        if (i < labelLines.length) this.marked(lbl, 'Lbl', () => {
          this.use({ font: FONT.bold, size, color: COLOR.muted });
          draw(labelLines, this.left);
        });
        if (i < valueLines.length) this.marked(body, 'LBody', () => {
          this.use({ size, color: style.color ?? COLOR.text });
          draw(valueLines, this.left + labelWidth);
        });
        this.y = y0 + (end - i) * lineHeight;
        i = end;
      }
      lbl.end();
      body.end();
      li.end();
      this.space(2);
    }
    list.end();
    this.space(3);
  }

  /**
   * Column widths: each as wide as its longest word (header in bold, cells in regular, at most a
   * third of the table), the rest shared by weight. If even that does not fit, all shrink alike
   * and long words break.
   */
  private columnWidths(columns: readonly Column[], rows: readonly (readonly string[])[], size: number): number[] {
    const longest = (text: string, font: FontName) => {
      this.use({ font, size });
      return Math.max(0, ...this.clean(text).split(/\s+/).map((w) => this.doc.widthOfString(w)));
    };
    const min = columns.map((c, i) => Math.min(this.width / 3, Math.max(longest(c.header, FONT.bold), ...rows.map((r) => longest(r[i] ?? '', FONT.regular))) + 2 * CELL_PAD + 1));
    const total = min.reduce((a, b) => a + b, 0);
    if (total > this.width) return min.map((w) => (w * this.width) / total);
    const weights = columns.reduce((a, c) => a + c.weight, 0) || 1;
    return min.map((w, i) => w + ((this.width - total) * columns[i]!.weight) / weights);
  }

  /**
   * A table whose rows break to the next page with the header drawn again. A row taller than what
   * is left of a page continues there, line by line, in every cell.
   */
  table(spec: readonly Column[], rows: readonly (readonly string[])[], size = 8): void {
    const widths = this.columnWidths(spec, rows, size);
    const columns = spec.map((c, i) => ({ header: c.header, width: widths[i]! }));
    const lineHeight = this.lineHeight({ size });
    const headerLines = columns.map((c) => this.wrap(c.header, c.width - 2 * CELL_PAD, { font: FONT.bold, size }));
    const headerHeight = Math.max(...headerLines.map((l) => l.length)) * lineHeight + 2 * CELL_PAD;
    const table = this.element('Table');
    const drawHeader = () => {
      const tr = this.element('TR', table);
      const y0 = this.y;
      this.artifact(() => this.doc.rect(this.left, y0, this.width, headerHeight).fill(COLOR.fill));
      let x = this.left;
      columns.forEach((c, i) => {
        const th = this.element('TH', tr);
        this.marked(th, 'TH', () => {
          this.use({ font: FONT.bold, size });
          headerLines[i]!.forEach((line, k) => this.doc.text(line, x + CELL_PAD, y0 + CELL_PAD + k * lineHeight, { lineBreak: false }));
        });
        th.end();
        x += c.width;
      });
      tr.end();
      this.y = y0 + headerHeight;
    };
    const wrapped = rows.map((row) => columns.map((c, i) => this.wrap(row[i] ?? '', c.width - 2 * CELL_PAD, { size })));
    const heightOf = (cells: string[][]) => Math.max(...cells.map((l) => l.length)) * lineHeight + 2 * CELL_PAD;
    // The header never stands alone at the foot of a page: it goes with the first row (or its first lines).
    this.ensure(headerHeight + Math.min(wrapped[0] ? heightOf(wrapped[0]) : 0, 3 * lineHeight + 2 * CELL_PAD));
    drawHeader();
    const pageRoom = this.bottom - this.top - headerHeight;
    for (const cells of wrapped) {
      const height = heightOf(cells);
      // A row that fits on a fresh page is not split; one taller than a page is.
      if (this.y + height > this.bottom && (height <= pageRoom || this.bottom - this.y < 3 * lineHeight + 2 * CELL_PAD)) {
        this.newPage();
        drawHeader();
      }
      const tr = this.element('TR', table);
      const tds = columns.map(() => this.element('TD', tr));
      const n = Math.max(...cells.map((l) => l.length));
      let i = 0;
      while (i < n) {
        if (i > 0) {
          this.newPage();
          drawHeader();
        }
        const fit = Math.max(1, Math.floor((this.bottom - this.y - 2 * CELL_PAD) / lineHeight));
        const end = Math.min(n, i + fit);
        const y0 = this.y;
        let x = this.left;
        columns.forEach((c, k) => {
          this.marked(tds[k]!, 'TD', () => {
            this.use({ size });
            cells[k]!.slice(i, end).forEach((line, j) => this.doc.text(line, x + CELL_PAD, y0 + CELL_PAD + j * lineHeight, { lineBreak: false }));
          });
          x += c.width;
        });
        this.y = y0 + (end - i) * lineHeight + 2 * CELL_PAD;
        const yLine = this.y;
        this.artifact(() => this.doc.moveTo(this.left, yLine).lineTo(this.right, yLine).lineWidth(0.4).strokeColor(COLOR.rule).stroke());
        i = end;
      }
      tds.forEach((td) => td.end());
      tr.end();
    }
    table.end();
    this.space(8);
  }

  /** An image with its alternative text (a drawn signature), fitted into a box. */
  figure(image: Buffer, alt: string, width: number, height: number, indent = 0): boolean {
    // Decoded first, so a damaged image is refused before anything is drawn or tagged.
    let decoded: unknown;
    try {
      decoded = (this.doc as unknown as { openImage(src: Buffer): unknown }).openImage(image);
    } catch {
      return false;
    }
    this.ensure(height + 4);
    const el = this.element('Figure', this.root, { alt: this.clean(alt) });
    const y0 = this.y;
    this.marked(el, 'Figure', () => this.doc.image(decoded as Buffer, this.left + indent, y0, { fit: [width, height] }));
    el.end();
    this.artifact(() => this.doc.rect(this.left + indent, y0, width, height).lineWidth(0.4).strokeColor(COLOR.rule).stroke());
    this.y = y0 + height + 4;
    return true;
  }
}
