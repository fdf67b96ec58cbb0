import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditForClient } from '../../db/audit.js';
import { verificationCode } from '../../electron/backend/pdf/plan-document.js';
import { SEED_SERVICES } from '../../shared/domain/catalogue.js';
import { makeHenkilotunnus } from '../../shared/domain/henkilotunnus.js';
import { action, assessedWorldForFile, drawn, freeze, goal, must, raw, ref, sign, writtenPlan, type PlanView } from '../fixtures/plan-setup.js';
import { draftMarkOnEveryPage, pageCount, pageTexts, squash, tool } from '../fixtures/pdf-tools.js';

/**
 * The plan as a PDF (issue 7), checked with Debian's own tools (poppler-utils, qpdf) on exports
 * from a real encrypted store: a plan signed round the table and exported in fi, sv and en, the
 * same version while it was frozen and still being signed, and a revision's draft. Page 1 of each
 * language is rendered to test-results/pdf/ for a person to look at.
 */
const ctx = assessedWorldForFile();
let out: string;
const REVIEW = join(import.meta.dirname, '..', '..', 'test-results', 'pdf');

const CODE = makeHenkilotunnus({ year: 1985, month: 3, day: 14 }, 904);
const NAME = 'Åsa Öhman-Šimek Žaneta 👩🏽‍🍳';
const NAME_LETTERS = 'Åsa Öhman-Šimek Žaneta';
const SPECIAL_GOAL = 'Kahvilatyö 👩🏽‍🍳 ja palkka €: å ä ö š ž Å Ä Ö Š Ž';
const LANGUAGES = ['fi', 'sv', 'en'] as const;

type Exported = { fileName: string; pdfBase64: string; pages: number; draft: boolean };
type Language = (typeof LANGUAGES)[number];

let exports = 0;
async function exportTo(version: number, language: Language, fullIdentityCode = false): Promise<{ file: string; r: Exported }> {
  const r = await ctx.b.value<Exported>('plans.exportPdf', { caseId: ctx.w.caseId, version, language, fullIdentityCode });
  const file = join(out, `${++exports}-${r.fileName}`);
  writeFileSync(file, Buffer.from(r.pdfBase64, 'base64'));
  return { file, r };
}

let locked: PlanView;
let frozen: { file: string; r: Exported };
const signedPdf = {} as Record<Language, { file: string; r: Exported }>;

beforeAll(async () => {
  out = join(ctx.dir, 'out');
  mkdirSync(out);
  mkdirSync(REVIEW, { recursive: true });
  await ctx.b.value('clients.update', { clientId: ctx.w.clientId, name: NAME, language: 'sv', identityCode: CODE });
  let v = await writtenPlan(ctx.b, ctx.w);
  v = await ctx.b.value<PlanView>('plans.saveGoal', { ...ref(v), goal: goal(SPECIAL_GOAL, { acceptance: 'disagrees', clientWords: 'Haluan kokeilla 🙂 heti.' }) });
  const g3 = v.content.goals[2]!.id;
  v = await ctx.b.value<PlanView>('plans.saveAction', { ...ref(v), action: action([g3], { serviceId: null, text: 'Työkokeilu Café Ångström 🙂', responsible: 'Åke Šimek' }) });
  const f = await must(freeze(ctx, v));
  frozen = await exportTo(1, 'fi');
  await must(sign(ctx, f, 'Aino Ahonen', 'aino'));
  await must(sign(ctx, f, 'Pekka Pitkänen', 'pekka'));
  await must(sign(ctx, f, 'Eero Eskola', 'eero'));
  locked = await must(drawn(ctx, f));
  for (const lang of LANGUAGES) signedPdf[lang] = await exportTo(1, lang);
}, 120_000);

describe('a signed plan as PDF/A-3b', () => {
  it.each(LANGUAGES)('%s: embedded fonts only, the title, PDF/A-3b in the XMP, a clean qpdf check', (lang) => {
    const { file, r } = signedPdf[lang];
    expect(r).toMatchObject({ fileName: `plan-${locked.caseNumber}-v1-${lang}.pdf`, draft: false });
    expect(readFileSync(file).subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');

    const fonts = tool('pdffonts', [file]);
    expect(fonts.status).toBe(0);
    const rows = fonts.stdout.trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      // name type encoding emb sub uni object ID: every font embedded (and a DejaVu subset).
      expect(row, row).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold)?\s.*\syes\s+yes\s+yes\s+\d+\s+\d+$/);
    }

    const info = tool('pdfinfo', [file]);
    expect(info.status).toBe(0);
    const title = { fi: 'Työkyvyn tuen suunnitelma', sv: 'Plan för stöd för arbetsförmågan', en: 'Work-ability support plan' }[lang];
    const versionWord = { fi: 'versio', sv: 'version', en: 'version' }[lang];
    expect(info.stdout).toContain(`Title:           ${title} ${locked.caseNumber}, ${versionWord} 1`);
    expect(info.stdout).toMatch(/^Tagged:\s+yes$/m);
    expect(info.stdout).toMatch(/^PDF version:\s+1\.7$/m);
    expect(info.stdout).toMatch(/^Page size:.*\(A4\)$/m);
    expect(info.stdout).toMatch(new RegExp(`^Pages:\\s+${r.pages}$`, 'm'));

    const meta = tool('pdfinfo', ['-meta', file]).stdout;
    expect(meta).toMatch(/<pdfaid:part>3<\/pdfaid:part>/);
    expect(meta).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);

    const check = tool('qpdf', ['--check', '--warning-exit-0', file]);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/No syntax or stream encoding errors/);

    tool('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(REVIEW, `plan-signed-${lang}-page1`)]);
  });

  it.each(LANGUAGES)('%s: the text layer has the client, every goal, every action in that language, the coordinator, the signatures', (lang) => {
    const text = squash(tool('pdftotext', [signedPdf[lang].file, '-']).stdout);
    expect(text).toContain(NAME_LETTERS);
    // The emoji the font cannot draw became one replacement mark; every letter around it stayed.
    expect(text).toContain(`${NAME_LETTERS} \uFFFD`);
    expect(text).toContain('Kahvilatyö \uFFFD ja palkka €: å ä ö š ž Å Ä Ö Š Ž');
    for (const g of locked.content.goals.slice(0, 2)) expect(text).toContain(g.text);
    for (const id of ['svc-ips', 'svc-work-trial', 'svc-mental-health']) expect(text).toContain(SEED_SERVICES.find((x) => x.id === id)!.names[lang]);
    expect(text).toContain('Kuntouttava ohjaus');
    expect(text).toContain('Työkokeilu Café Ångström \uFFFD');
    expect(text).toContain('Eero Eskola');
    expect(text).toContain('Kainuun IPS-valmennus');
    for (const name of ['Aino Ahonen', 'Pekka Pitkänen', 'Kaisa Korhonen', 'Kerttu Kela']) expect(text).toContain(name);
    // The identity code is masked unless the copy is the client's.
    expect(text).toContain('140385-****');
    expect(text).not.toContain(CODE);
    expect(text).toContain(locked.payloadSha256!);
    expect(text).toContain(verificationCode(locked.payloadSha256!));
    const words = {
      fi: ['Sivu 1 / ', 'Allekirjoitettu ja lukittu', 'Yhteenveto sinulle', 'Allekirjoitettu omalla avaimella', 'Piirretty näytölle, sitonut Aino Ahonen'],
      sv: ['Sida 1 / ', 'Undertecknad och låst', 'Sammanfattning för dig', 'Undertecknad med egen nyckel', 'Ritad på skärmen'],
      en: ['Page 1 / ', 'Signed and locked', 'Summary for you', 'Signed with their own key', 'Drawn on the screen, bound by Aino Ahonen'],
    }[lang];
    for (const w of words) expect(text).toContain(w);
    expect(text).not.toContain('LUONNOS');
  });

  it('numbers every page "n / N" and keeps the verification code in every footer', () => {
    const { file, r } = signedPdf.fi;
    const pages = pageTexts(file);
    expect(pages).toHaveLength(r.pages);
    expect(pageCount(file)).toBe(r.pages);
    pages.forEach((p, i) => {
      expect(squash(p)).toContain(`Sivu ${i + 1} / ${r.pages}`);
      expect(squash(p)).toContain(`Tarkistuskoodi ${verificationCode(locked.payloadSha256!)}`);
    });
  });

  it('is tagged: headings, label–body lists, the actions as a table, the drawn signature as a figure', () => {
    const { file } = signedPdf.fi;
    const tree = tool('pdfinfo', ['-struct', file]).stdout;
    expect(tree.split('\n')[0]).toBe('Document');
    for (const tag of ['H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Figure']) expect(tree).toMatch(new RegExp(`^\\s+${tag}\\b`, 'm'));
    const text = tool('pdfinfo', ['-struct-text', file]).stdout;
    expect(text).toMatch(/Lbl \(block\)\n\s+"Asiakas"\n\s+LBody \(block\)\n\s+"Åsa Öhman-Šimek Žaneta \uFFFD"/);
    expect(text).toContain('"Osa-aikatyö kaupan alalta"');
  });

  it('attaches the canonical payload, byte for byte what was signed', async () => {
    const { file } = signedPdf.sv;
    const list = tool('pdfdetach', ['-list', file]);
    // The payload and, beside it, the team's signatures with their public keys (the name tree sorts them).
    expect(list.stdout.trim().split('\n')).toEqual(['2 embedded files', `1: plan-${locked.caseNumber}-v1-signatures.json`, `2: plan-${locked.caseNumber}-v1.json`]);
    const saved = join(out, 'payload.json');
    expect(tool('pdfdetach', ['-savefile', `plan-${locked.caseNumber}-v1.json`, '-o', saved, file]).status).toBe(0);
    const bytes = readFileSync(saved);
    const stored = await raw(ctx, (db) => db.prepare('SELECT payload FROM plan_versions WHERE plan_id = ? AND version = 1').get(locked.planId) as { payload: string });
    expect(bytes.equals(Buffer.from(stored.payload, 'utf8'))).toBe(true);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(locked.payloadSha256);
    // The associated file is declared as the document's source, with its MIME type.
    const qpdf = tool('qpdf', ['--qdf', '--object-streams=disable', file, join(out, 'qdf.pdf')]);
    expect(qpdf.status).toBe(0);
    const qdf = readFileSync(join(out, 'qdf.pdf'), 'latin1');
    expect(qdf).toMatch(/\/AFRelationship \/Source/);
    expect(qdf).toMatch(/\/Subtype \/application#2fjson/);
    expect(qdf).toMatch(/\/AF \[/);
  });

  it('shows the full identity code only in the copy for the client', async () => {
    const { file } = await exportTo(1, 'fi', true);
    const text = squash(tool('pdftotext', [file, '-']).stdout);
    expect(text).toContain(CODE);
    expect(text).not.toContain('osittain piilotettu');
  });

  it('logs each export in the access log with its version, language and identity-code choice', async () => {
    const events = await raw(ctx, (db) => listAuditForClient(db, ctx.w.clientId).filter((e) => e.action === 'plan.exportPdf'));
    expect(events.map((e) => e.details)).toEqual([
      { version: 1, state: 'frozen', language: 'fi', fullIdentityCode: false, payloadSha256: locked.payloadSha256 },
      { version: 1, state: 'locked', language: 'fi', fullIdentityCode: false, payloadSha256: locked.payloadSha256 },
      { version: 1, state: 'locked', language: 'sv', fullIdentityCode: false, payloadSha256: locked.payloadSha256 },
      { version: 1, state: 'locked', language: 'en', fullIdentityCode: false, payloadSha256: locked.payloadSha256 },
      { version: 1, state: 'locked', language: 'fi', fullIdentityCode: true, payloadSha256: locked.payloadSha256 },
    ]);
    expect(events.every((e) => e.entity === `plan:${locked.planId}` && e.basis === 'team_meeting')).toBe(true);
  });
});

describe('versions not yet in force', () => {
  it('a frozen version still being signed: watermarked on every page, its payload attached', () => {
    expect(frozen.r.draft).toBe(true);
    expect(draftMarkOnEveryPage(frozen.file)).toBe(true);
    expect(tool('pdfdetach', ['-list', frozen.file]).stdout).toMatch(/^2 embedded files/);
    expect(squash(tool('pdftotext', [frozen.file, '-']).stdout)).toContain('allekirjoitukset kesken');
  });

  it('a draft revision: watermarked on every page, draft: true, nothing attached, named as a draft', async () => {
    await ctx.b.value('plans.revise', { planId: locked.planId });
    const { file, r } = await exportTo(2, 'en');
    expect(r).toMatchObject({ draft: true, fileName: `plan-${locked.caseNumber}-v2-draft-en.pdf` });
    expect(draftMarkOnEveryPage(file)).toBe(true);
    expect(tool('pdfdetach', ['-list', file]).stdout.trim()).toBe('0 embedded files');
    const text = squash(tool('pdftotext', [file, '-']).stdout);
    expect(text).toContain('This is a draft.');
    expect(text).toContain('A draft has no content to sign');
    expect(text).toContain('IPS supported employment');
    expect(tool('qpdf', ['--check', '--warning-exit-0', file]).status).toBe(0);
    tool('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(REVIEW, 'plan-draft-en-page1')]);
    // The signed version is still exported as it was signed, now marked superseded.
    const old = await exportTo(1, 'en');
    expect(old.r.draft).toBe(false);
    expect(squash(tool('pdftotext', [old.file, '-']).stdout)).toContain('superseded by a newer version');
  });

  it('lists every plan version for scripts, the client by initials', async () => {
    expect(await ctx.b.value('plans.list', {})).toEqual([
      { planId: locked.planId, caseId: ctx.w.caseId, caseNumber: locked.caseNumber, clientInitials: 'Å. Ž.', version: 1, state: 'superseded' },
      { planId: locked.planId, caseId: ctx.w.caseId, caseNumber: locked.caseNumber, clientInitials: 'Å. Ž.', version: 2, state: 'draft' },
    ]);
  });
});

describe('refusals', () => {
  it('an unknown version or case is not found; a locked store refuses', async () => {
    expect(await ctx.b.code('plans.exportPdf', { caseId: ctx.w.caseId, version: 9, language: 'fi', fullIdentityCode: false })).toBe('not_found');
    expect(await ctx.b.code('plans.exportPdf', { caseId: '00000000-0000-4000-8000-000000000000', version: 1, language: 'fi', fullIdentityCode: false })).toBe('not_found');
    expect(await ctx.b.code('plans.exportPdf', { caseId: ctx.w.caseId, version: 1, language: 'de', fullIdentityCode: false })).toBe('invalid_input');
  });

  it('a version changed behind the program\'s back is not exported as signed', async () => {
    await raw(ctx, (db) => db.prepare("UPDATE plan_actions SET responsible = 'Joku muu' WHERE version_id = (SELECT id FROM plan_versions WHERE plan_id = ? AND version = 1)").run(locked.planId));
    expect(await ctx.b.code('plans.exportPdf', { caseId: ctx.w.caseId, version: 1, language: 'fi', fullIdentityCode: false })).toBe('store_damaged');
    // The draft is its own rows: still exported.
    expect(await ctx.b.code('plans.exportPdf', { caseId: ctx.w.caseId, version: 2, language: 'fi', fullIdentityCode: false })).toBe('ok');
  });
});
