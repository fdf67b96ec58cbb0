import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDocument, type DocumentSources } from '../../electron/backend/pdf/plan-document.js';
import { renderPlanPdf } from '../../electron/backend/pdf/render-pdf.js';
import { cleanText } from '../../electron/backend/pdf/fonts.js';
import { contentText, draftMarkOnEveryPage, pageTexts, solid, squash, tool } from '../fixtures/pdf-tools.js';
import { TINY_PNG } from '../fixtures/plan-setup.js';
import { tempDir } from '../fixtures/tmp.js';

/**
 * The layout at its limits, on documents built directly (the store caps a text at 4 000
 * characters; the layout must not depend on that): a 10 000-character goal that runs over pages,
 * an action whose text is taller than a page (its table row continues, the header drawn again), a
 * hundred actions, and characters the font does not have.
 */
let dir: string;
let cleanup: () => void;
const REVIEW = join(import.meta.dirname, '..', '..', 'test-results', 'pdf');

const words = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);
/** 10 000 characters: numbered words (order checkable) and one 300-letter word with no break in it. */
const LONG_GOAL = `${'Pitkäsana'.repeat(33)}ö ${words('g', 1700).join(' ')}`.slice(0, 10_000);
const LONG_ACTION = words('a', 700).join(' ');

function sources(over: Partial<DocumentSources> = {}, actions = 3): DocumentSources {
  const goals = [
    { id: 'g1', text: LONG_GOAL, targetDate: '2027-05-24', progressMeasure: 'Työkokeilu alkanut', acceptance: 'partly' as const, clientWords: 'Haluan ensin töihin 🙂, sitten kuntoutukseen.' },
    { id: 'g2', text: 'Selkäkivun hoito', targetDate: null, progressMeasure: '', acceptance: 'agrees' as const, clientWords: '' },
  ];
  const service = { id: 'svc-ips', names: { fi: 'Tuetun työllistymisen työhönvalmennus (IPS)', sv: 'Individanpassat arbetsstöd (IPS)', en: 'IPS supported employment' } };
  return {
    planId: 'p1',
    caseNumber: '2026-0099',
    version: { version: 3, state: 'draft', frozenAt: null, lockedAt: null, supersededAt: null },
    organisation: 'Kainuun hyvinvointialue',
    fullIdentityCode: false,
    clientRating: 4,
    content: {
      client: { id: 'c1', name: 'Žofie Šťastná-Åberg 🧑‍🦽', identityCode: '131052-308T' },
      goals,
      actions: Array.from({ length: actions }, (_, i) => ({
        id: `a${i}`,
        service: i % 3 === 1 ? null : service,
        text: i === 0 ? LONG_ACTION : i % 3 === 1 ? `Vapaa toimenpide A${String(i).padStart(3, '0')}` : '',
        provider: i % 2 ? { id: 'pr', organisation: 'Kainuun IPS-valmennus', unit: 'Kajaani', contact: '044 123 4567' } : null,
        responsible: `Vastuu A${String(i).padStart(3, '0')}`,
        startDate: '2026-11-25',
        dueDate: '2027-02-23',
        goalIds: ['g1', 'g2'],
        status: 'planned' as const,
      })),
      reviewDate: '2027-05-25',
      statutoryPlans: [{ kind: 'activation_plan', number: 'AK-123', date: '2026-10-01' }],
      coordinator: { kind: 'user', userId: 'u', name: 'Eero Eskola', organisation: 'Kainuu', profession: 'employment_expert', contact: '044 765 4321', type: 'work_ability_coordinator', startDate: '2026-11-25' },
      attendance: [],
      meeting: null,
      teamName: 'Kajaanin työkykytiimi',
      conclusion: { teamRating: 6, servicePath: 'work_trial', clientAgreement: 'partly', strengths: 'Motivoitunut', barriers: 'Selkä', clientView: 'Pystyn enempään', clientGrounds: 'Olen levännyt', teamGrounds: 'Lääkärin arvio' },
      quorum: null,
    },
    payload: null,
    signatures: [],
    ...over,
  };
}

async function write(name: string, src: DocumentSources, language: 'fi' | 'sv' | 'en' = 'fi'): Promise<{ file: string; pages: number }> {
  const { bytes, pages } = await renderPlanPdf(planDocument(src), language);
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return { file, pages };
}

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  mkdirSync(REVIEW, { recursive: true });
});
afterAll(() => cleanup());

describe('long texts', () => {
  it('a 10 000-character goal runs over pages complete, never clipped; a tall table row continues under a repeated header', async () => {
    expect(LONG_GOAL).toHaveLength(10_000);
    const { file, pages } = await write('long.pdf', sources());
    expect(pages).toBeGreaterThan(4);
    const content = contentText(file);
    expect(solid(content)).toContain(solid(LONG_GOAL));
    // The action's 700 numbered words, in order, across the pages its row runs over.
    expect(content.match(/\ba\d{4}\b/g)).toEqual(words('a', 700));
    const withRow = pageTexts(file).filter((p) => /\ba\d{4}\b/.test(p));
    expect(withRow.length).toBeGreaterThan(1);
    for (const p of withRow) expect(squash(p)).toContain('Nro Palvelu tai toimenpide');
    pageTexts(file).forEach((p, i) => expect(squash(p)).toContain(`Sivu ${i + 1} / ${pages}`));
    expect(draftMarkOnEveryPage(file)).toBe(true);
    expect(tool('qpdf', ['--check', '--warning-exit-0', file]).status).toBe(0);
    tool('pdftoppm', ['-png', '-r', '50', '-f', '2', '-l', '2', '-singlefile', file, join(REVIEW, 'layout-long-page2')]);
  });

  it('a hundred actions: every row once, the table header on every page it reaches', async () => {
    const base = sources({}, 100);
    const { file, pages } = await write('hundred.pdf', { ...base, content: { ...base.content, goals: base.content.goals.map((g) => ({ ...g, text: 'Lyhyt tavoite' })) } }, 'sv');
    const text = pageTexts(file);
    const rows = text.join('\n').match(/Vastuu A\d{3}/g)!;
    // Each action's responsible appears in the table and, for open actions, on the summary page.
    expect(new Set(rows).size).toBe(100);
    // Table pages (the summary's bullets name the responsible too, as sentences).
    const tablePages = text.filter((t) => /Vastuu A\d{3}/.test(t) && !t.includes('• '));
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    for (const p of tablePages) expect(squash(p)).toContain('Nr Tjänst eller åtgärd');
    expect(pages).toBeGreaterThanOrEqual(6);
    expect(tool('qpdf', ['--check', '--warning-exit-0', file]).status).toBe(0);
  });
});

describe('characters', () => {
  it('keeps every letter the font has and replaces what it has not, saying so once', async () => {
    const { file } = await write('names.pdf', sources({ fullIdentityCode: true }));
    const text = squash(tool('pdftotext', [file, '-']).stdout);
    expect(text).toContain('Žofie Šťastná-Åberg \uFFFD');
    expect(text).toContain('131052-308T');
    expect(text).toContain('“Haluan ensin töihin \uFFFD, sitten kuntoutukseen.”');
    expect(text).toContain('Ne on korvattu merkillä \uFFFD');
  });

  it('cleanText: NFC, one mark per emoji sequence, joiners and selectors dropped, controls as spaces', () => {
    expect(cleanText('a\u0308 o\u0308 A\u030a')).toEqual({ text: 'ä ö Å', replaced: false });
    expect(cleanText('👩🏽‍🍳 ok')).toEqual({ text: '\uFFFD ok', replaced: true });
    expect(cleanText('x🙂🙂y')).toEqual({ text: 'x\uFFFDy', replaced: true });
    expect(cleanText('€ š ž Š Ž ♥\uFE0F')).toEqual({ text: '€ š ž Š Ž ♥', replaced: false });
    expect(cleanText('a\tb\r\nc\u0007')).toEqual({ text: 'a b\nc ', replaced: false });
  });

  it('a drawn signature that is not a PNG shows as a note, not a failure', async () => {
    const sig = { kind: 'client_drawn' as const, attendanceId: null, name: 'Žofie', signerName: 'Aino Ahonen', witness: null, signedAt: '2026-11-25T10:00:00Z' };
    const src = sources({ version: { version: 1, state: 'locked', frozenAt: '2026-11-25T09:00:00Z', lockedAt: '2026-11-25T10:00:00Z', supersededAt: null }, payload: { text: '{"format":"tiimipoyta.plan/1"}', sha256: 'ab'.repeat(32) } });
    const good = await write('sig-ok.pdf', { ...src, signatures: [{ ...sig, image: TINY_PNG }] });
    const bad = await write('sig-bad.pdf', { ...src, signatures: [{ ...sig, image: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAE=' }] });
    expect(squash(tool('pdftotext', [good.file, '-']).stdout)).not.toContain('Piirrettyä allekirjoitusta ei voitu näyttää');
    expect(squash(tool('pdftotext', [bad.file, '-']).stdout)).toContain('Piirrettyä allekirjoitusta ei voitu näyttää');
    expect(tool('qpdf', ['--check', '--warning-exit-0', bad.file]).status).toBe(0);
  });
});
