/**
 * The fonts of the PDF: DejaVu Sans and DejaVu Sans Bold from the `dejavu-fonts-ttf` package,
 * embedded (subset) in every document, never one of the standard 14 fonts (PDF/A forbids fonts
 * that are not embedded).
 *
 * The files are found with Node's own resolution from this module, so the same code works from
 * dist/ in development, from the CLI, and from inside the packaged app's app.asar (Electron's fs
 * reads there). They are read once per process; pdfkit subsets them per document.
 *
 * Text is cleaned before it is laid out (`cleanText`): a character neither font can draw (an
 * emoji, most often) becomes U+FFFD, and the joiners and selectors that build emoji sequences go
 * with it, so a whole "👍🏽" is one replacement mark, not three. Everything the fonts can draw
 * (å ä ö š ž €, and far more) stays as it is in the text layer.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const FONT_FILES = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
} as const;

export type FontStyle = keyof typeof FONT_FILES;

/** The font files' paths as Node resolves them from here (inside app.asar when packaged). */
export function fontPaths(): Record<FontStyle, string> {
  return { regular: require.resolve(FONT_FILES.regular), bold: require.resolve(FONT_FILES.bold) };
}

let cached: Record<FontStyle, Buffer> | null = null;

/** The two font files' bytes, read once. */
export function fontData(): Record<FontStyle, Buffer> {
  if (!cached) {
    const p = fontPaths();
    cached = { regular: readFileSync(p.regular), bold: readFileSync(p.bold) };
  }
  return cached;
}

/** The part of fontkit (pdfkit's own font parser) used here: coverage and glyph outlines. */
export interface GlyphFont {
  unitsPerEm: number;
  characterSet: number[];
  layout(text: string): { glyphs: { path: { toSVG(): string } }[]; positions: { xAdvance: number }[] };
}

let parsed: Record<FontStyle, GlyphFont> | null = null;

/** Both fonts parsed by fontkit, resolved through pdfkit (which depends on it) so the versions agree. */
export function glyphFonts(): Record<FontStyle, GlyphFont> {
  if (!parsed) {
    const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(data: Buffer): GlyphFont };
    const data = fontData();
    parsed = { regular: fontkit.create(data.regular), bold: fontkit.create(data.bold) };
  }
  return parsed;
}

let coverage: Set<number> | null = null;

/** The code points both fonts draw (a label may be set in either). */
function drawable(): Set<number> {
  if (!coverage) {
    const f = glyphFonts();
    const bold = new Set(f.bold.characterSet);
    coverage = new Set(f.regular.characterSet.filter((cp) => bold.has(cp)));
  }
  return coverage;
}

export const REPLACEMENT = '\uFFFD';

/**
 * Parts of emoji sequences that mean nothing alone: zero-width joiner, variation selectors,
 * skin-tone modifiers, tag characters, the combining keycap.
 */
const isJoiner = (cp: number) =>
  cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f) || cp === 0x20e3 || (cp >= 0xe0100 && cp <= 0xe01ef);

export interface CleanText {
  text: string;
  /** Whether anything was replaced (the document then says so once). */
  replaced: boolean;
}

/**
 * NFC text the fonts can draw: line breaks kept, tabs and other controls as spaces, each run of
 * undrawable characters (with its joiners) as one U+FFFD.
 */
export function cleanText(input: string): CleanText {
  const can = drawable();
  let out = '';
  let replaced = false;
  let lastReplaced = false;
  for (const ch of input.normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\n') {
      out += ch;
      lastReplaced = false;
    } else if (ch === '\r') {
      continue;
    } else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
      out += ' ';
      lastReplaced = false;
    } else if (isJoiner(cp)) {
      // Joins the mark before it (already replaced) or decorates a drawable character: drop it.
      continue;
    } else if (can.has(cp)) {
      out += ch;
      lastReplaced = false;
    } else {
      replaced = true;
      if (!lastReplaced) out += REPLACEMENT;
      lastReplaced = true;
    }
  }
  return { text: out, replaced };
}
