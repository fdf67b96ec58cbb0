/**
 * "Verify a PDF" (issue 7, item 5), end to end: a plan signed in a meeting (seeded through the
 * API), exported through the plan view, and the download checked three ways: by the command line
 * (`cli verify FILE`, no store: the e2e server holds the store's lock), by the app's own page, and
 * by comparing the verification code that pdftotext finds printed in the PDF with the one the page
 * shows. Then copies spoilt the ways a file is spoilt in the world (a byte flipped, bytes appended,
 * the end cut off, not a PDF at all): each named in plain words by the page, the flipped one by the
 * CLI too. In Swedish, by keyboard alone: the page, the file chooser, the verdict, and a version
 * that a later one superseded.
 */
import type { Locator, Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogues } from '../../shared/i18n/index.js';
import { runCli } from '../fixtures/cli.js';
import { squash, tool } from '../fixtures/pdf-tools.js';
import { invokeInPage } from './api.js';
import { createStoreViaUi, expect, expectAccessible, goToClients, PASSWORD, test } from './fixtures.js';
import { tabTo } from './keyboard.js';
import { seedSignedPlan as seedPlan, signVersion } from './plan-seed.js';

const FI = catalogues.fi;
const SV = catalogues.sv;
const CLIENT = 'Åsa Öhman-Järvinen';
const CLIENT_INITIALS = 'Å. Ö.';
const OUT_DIR = join('test-results', 'verify-pdf');
const VERIFY_URL = '**/api/invoke/pdf.verify';
const CHECKS = ['pdf', 'seal', 'coverage', 'payload', 'signatures', 'complete', 'store'] as const;

const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(v[k]));

const seedSignedPlan = (page: Page) =>
  seedPlan(page, {
    client: CLIENT,
    identityCode: '131052-308T',
    conclusion: 'Työkyky riittää osa-aikatyöhön tuettuna.',
    goal: 'Åsa aloittaa osa-aikatyön kaupassa keväällä.',
    progressMeasure: 'Työsopimus on allekirjoitettu.',
    action: 'Työkokeilu päivittäistavarakaupassa, neljä tuntia päivässä.',
  });

/** The verification code printed at the foot of the PDF's pages, as pdftotext reads it. */
function printedCode(file: string, label: string): string {
  const out = tool('pdftotext', ['-enc', 'UTF-8', file, '-']);
  expect(out.status, out.stderr).toBe(0);
  const m = new RegExp(`${label}:? ([0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4})`).exec(squash(out.stdout));
  expect(m, `"${label} xxxx xxxx xxxx" in the PDF's text`).not.toBeNull();
  return m![1]!;
}

/** Where the seal's first signed range ends (/ByteRange [0 b c d]): bytes before it are sealed. */
function sealedPrefixLength(pdf: Buffer): number {
  const ranges = [...pdf.toString('latin1').matchAll(/\/ByteRange\s*\[\s*0\s+(\d+)\s+\d+\s+\d+\s*\]/g)];
  expect(ranges.length).toBe(1);
  return Number(ranges[0]![1]);
}

function writeCopy(name: string, bytes: Buffer): string {
  const path = join(OUT_DIR, name);
  writeFileSync(path, bytes);
  return path;
}

/** The CLI's report: exit code, one line per check, and the verdict as the last line. */
function cliVerify(file: string): { status: number | null; checkLines: string[]; last: string; out: string } {
  const r = runCli(['verify', file]);
  const lines = r.stdout.trim().split('\n');
  const checkLines = lines.filter((l) => /^(PASS|FAIL|SKIP)\s+\w+/.test(l));
  return { status: r.status, checkLines, last: lines.at(-1) ?? '', out: `${r.stdout}${r.stderr}` };
}

const verdictOf = (page: Page) => page.getByTestId('verdict');
const checkItem = (page: Page, check: string) => page.locator(`li[data-check="${check}"]`);

/** Sends a file to the page's input and waits for the verdict. */
async function verifyFile(page: Page, L: typeof FI, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.getByLabel(L.verifyPdf.choose, { exact: true }).setInputFiles(file);
  await expect(verdictOf(page)).toBeVisible({ timeout: 15_000 });
}

/** "Verify another": back at the drop zone, its input focused. */
async function verifyAnother(page: Page, L: typeof FI): Promise<void> {
  await page.getByRole('button', { name: L.verifyPdf.again }).click();
  await expect(page.getByLabel(L.verifyPdf.choose, { exact: true })).toBeFocused();
}

/** The page shows an invalid verdict naming `problem`, the failed check marked as such. */
async function expectInvalid(page: Page, L: typeof FI, check: string, problem: keyof typeof FI.verifyPdf.problems): Promise<void> {
  await expect(verdictOf(page)).toHaveText(L.verifyPdf.problems[problem]);
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'invalid');
  await expect(checkItem(page, check)).toHaveAttribute('data-ok', 'false');
  await expect(checkItem(page, check)).toContainText(`${L.verifyPdf.checks[check as keyof typeof FI.verifyPdf.checks]}: ${L.verifyPdf.state.failed}`);
  await expect(page.getByRole('status').filter({ hasText: L.verifyPdf.problems[problem] })).toHaveCount(1);
}

test.beforeAll(() => mkdirSync(OUT_DIR, { recursive: true }));

test('a signed plan exported from the plan view verifies by the CLI and the page; spoilt copies are named for what was done to them', async ({ page, app }) => {
  test.setTimeout(120_000);
  await createStoreViaUi(page, app.url);
  const seeded = await seedSignedPlan(page);

  // The export, as a user makes it: the client → the plan → Export PDF (the UI's language, Finnish).
  await goToClients(page);
  await page.getByRole('button', { name: fill(FI.clients.open, { name: CLIENT }) }).click();
  await page.getByRole('button', { name: FI.plans.open, exact: true }).click();
  await expect(page.locator('[data-plan-version="1"][data-plan-state="locked"]')).toBeVisible();
  await page.getByRole('button', { name: FI.exportPdf.button }).click();
  const dialog = page.getByRole('dialog', { name: fill(FI.exportPdf.title, { version: 1 }) });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: FI.exportPdf.submit, exact: true }).click();
  const download = await downloading;
  const pdfPath = join(OUT_DIR, 'signed-plan.pdf');
  await download.saveAs(pdfPath);
  const pdf = readFileSync(pdfPath);
  const code = printedCode(pdfPath, FI.pdf.integrity.code);

  // The command line, from the file alone: every check but the store's holds; exit 0.
  const cli = cliVerify(pdfPath);
  expect(cli.status, cli.out).toBe(0);
  expect(cli.checkLines.map((l) => l.split(/\s+/)[1]), cli.out).toEqual([...CHECKS]);
  expect(cli.checkLines.filter((l) => l.startsWith('FAIL')), cli.out).toEqual([]);
  expect(cli.last, cli.out).toMatch(/^VALID/);
  expect(cli.out).toContain(code);

  // Spoilt copies: one byte flipped inside the sealed bytes, bytes appended, the end cut off, a text file.
  const flippedBytes = Buffer.from(pdf);
  const middle = Math.floor(pdf.length / 2) < sealedPrefixLength(pdf) ? Math.floor(pdf.length / 2) : Math.floor(sealedPrefixLength(pdf) / 2);
  flippedBytes[middle] = flippedBytes[middle]! ^ 0x01;
  const flipped = writeCopy('flipped.pdf', flippedBytes);
  const appended = writeCopy('appended.pdf', Buffer.concat([pdf, Buffer.from('\n% lisätty jälkikäteen\n', 'utf8')]));
  const truncated = writeCopy('truncated.pdf', pdf.subarray(0, Math.floor(pdf.length * 0.6)));
  const notPdf = writeCopy('muistio.txt', Buffer.from('Tämä on muistio, ei PDF.\n', 'utf8'));

  // The CLI on the flipped copy: exit 1, the seal check named as the one that failed.
  const cliFlipped = cliVerify(flipped);
  expect(cliFlipped.status, cliFlipped.out).toBe(1);
  expect(cliFlipped.checkLines.find((l) => l.startsWith('FAIL')), cliFlipped.out).toMatch(/^FAIL\s+seal\b/);
  expect(cliFlipped.last, cliFlipped.out).toMatch(/^INVALID\b.*\bseal\b/);

  // The page, from the navigation (every role has it).
  await page.getByRole('navigation').getByRole('button', { name: FI.shell.nav.verify, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: FI.verifyPdf.title })).toBeVisible();
  // The zone's title says "release" while a file is dragged over it.
  const zone = page.getByRole('group', { name: new RegExp(`^(${FI.verifyPdf.dropTitle}|${FI.verifyPdf.dropActive})$`) });
  await expect(zone).toBeVisible();
  await expect(zone.getByText(FI.verifyPdf.choose, { exact: true })).toBeVisible();
  await expect(page.getByLabel(FI.verifyPdf.choose, { exact: true })).toHaveAttribute('accept', 'application/pdf,.pdf');
  await expectAccessible(page, 'Verify a PDF, before a file');

  // The genuine download. A check slower than half a second shows that it is working.
  await page.route(VERIFY_URL, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.getByLabel(FI.verifyPdf.choose, { exact: true }).setInputFiles(pdfPath);
  await expect(page.getByRole('progressbar', { name: FI.verifyPdf.progress })).toBeVisible();
  await expect(verdictOf(page)).toHaveText(FI.verifyPdf.verdict.valid, { timeout: 15_000 });
  await page.unroute(VERIFY_URL);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'valid');
  await expect(page.getByRole('heading', { name: fill(FI.verifyPdf.resultTitle, { file: 'signed-plan.pdf' }) })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: FI.verifyPdf.verdict.valid })).toHaveCount(1);
  // Every check in a list, in order, each saying in words that it holds.
  const checks = page.getByRole('list', { name: FI.verifyPdf.checksTitle }).getByRole('listitem');
  await expect(checks).toHaveCount(CHECKS.length);
  for (const [i, check] of CHECKS.entries()) await expect(checks.nth(i)).toContainText(`${FI.verifyPdf.checks[check]}: ${FI.verifyPdf.state.ok}`);
  // The facts: the case number, the version, and the code printed in the PDF, to compare by eye.
  await expect(page.locator('[data-fact="case-number"]')).toHaveText(seeded.caseNumber);
  await expect(page.locator('[data-fact="version"]')).toHaveText('1');
  await expect(page.locator('[data-fact="verification-code"]')).toHaveText(code);
  await expect(page.locator('[data-fact="sha256"]')).toHaveText(new RegExp(`^${code.replace(/ /g, '')}[0-9a-f]{52}$`));
  await expect(page.getByText(FI.verifyPdf.sealSubject, { exact: true })).toBeVisible();
  // Each signature: the members by name, the client by initials only, never by name.
  const signatures = page.getByRole('table', { name: FI.verifyPdf.signaturesCaption });
  await expect(signatures.getByRole('row')).toHaveCount(4);
  await expect(signatures.getByRole('rowheader', { name: 'Aino Ahonen' })).toBeVisible();
  await expect(signatures.getByRole('rowheader', { name: 'Pekka Lääkäri' })).toBeVisible();
  await expect(signatures.getByRole('rowheader', { name: fill(FI.signing.list.clientName, { name: CLIENT_INITIALS }) })).toBeVisible();
  await expect(signatures.getByText(FI.verifyPdf.kinds.client_oral)).toBeVisible();
  await expect(signatures.getByText(FI.signing.list.invalid, { exact: true })).toHaveCount(0);
  await expect(page.getByRole('main')).not.toContainText('Åsa');
  await expect(page.getByRole('main')).not.toContainText('Öhman');
  await expectAccessible(page, 'Verify a PDF, valid');

  // One byte flipped: the seal's digest no longer matches.
  await verifyAnother(page, FI);
  await verifyFile(page, FI, flipped);
  await expectInvalid(page, FI, 'seal', 'bytes_changed');
  await expect(checkItem(page, 'pdf')).toHaveAttribute('data-ok', 'true');
  await expectAccessible(page, 'Verify a PDF, invalid');

  // Bytes appended after the sealed end.
  await verifyAnother(page, FI);
  await verifyFile(page, FI, appended);
  await expectInvalid(page, FI, 'coverage', 'appended');
  await expect(checkItem(page, 'seal')).toHaveAttribute('data-ok', 'true');

  // The end cut off: not checked any further.
  await verifyAnother(page, FI);
  await verifyFile(page, FI, truncated);
  await expectInvalid(page, FI, 'pdf', 'truncated');
  for (const check of CHECKS.slice(1)) await expect(checkItem(page, check)).toContainText(FI.verifyPdf.state.skipped);
  await expect(page.getByText(FI.verifyPdf.noPlan)).toBeVisible();

  // Not a PDF at all, dropped onto the zone this time.
  await verifyAnother(page, FI);
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'muistio.txt', { type: 'text/plain' }));
    return dt;
  }, readFileSync(notPdf, 'utf8'));
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await expect(zone).toHaveAccessibleName(FI.verifyPdf.dropActive);
  await zone.dispatchEvent('drop', { dataTransfer });
  await expect(verdictOf(page)).toBeVisible({ timeout: 15_000 });
  await expectInvalid(page, FI, 'pdf', 'not_pdf');

  // Over 6 MiB: refused before it is read or sent, in words.
  await verifyAnother(page, FI);
  let sent = false;
  await page.route(VERIFY_URL, async (route) => {
    sent = true;
    await route.continue();
  });
  await page.getByLabel(FI.verifyPdf.choose, { exact: true }).setInputFiles({ name: 'iso.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(6 * 1024 * 1024 + 1, 0x20) });
  await expect(page.getByRole('alert')).toContainText(fill(FI.verifyPdf.tooLarge, { size: '6,1', max: '6' }));
  expect(sent).toBe(false);
  await page.unroute(VERIFY_URL);
  await expectAccessible(page, 'Verify a PDF, file too large');

  // A refusal from the backend is said in words, and the zone stays for another try.
  await page.route(VERIFY_URL, (route) => route.fulfill({ json: { ok: false, error: { code: 'invalid_input', message: 'bad base64' } } }));
  await page.getByLabel(FI.verifyPdf.choose, { exact: true }).setInputFiles(pdfPath);
  const failed = page.getByRole('alert').filter({ hasText: FI.verifyPdf.failed });
  await expect(failed).toContainText(FI.errors.invalid_input);
  await expect(page.getByRole('alert').filter({ hasText: fill(FI.verifyPdf.tooLarge, { size: '6,1', max: '6' }) })).toHaveCount(0);
  await expect(page.getByLabel(FI.verifyPdf.choose, { exact: true })).toBeFocused();
  await page.unroute(VERIFY_URL);
});

test('in Swedish, by keyboard alone: the page, the file chooser, the verdict, and a version superseded by a later one', async ({ page, app }) => {
  test.setTimeout(120_000);
  await createStoreViaUi(page, app.url);
  const seeded = await seedSignedPlan(page);
  // Version 1 leaves as a PDF (through the same channel the dialog uses), then a revision is signed.
  const exported = await invokeInPage<{ fileName: string; pdfBase64: string }>(page, 'plans.exportPdf', { caseId: seeded.caseId, version: 1, language: 'sv', fullIdentityCode: false });
  const v1Path = writeCopy('sv-plan-v1.pdf', Buffer.from(exported.pdfBase64, 'base64'));
  const code = printedCode(v1Path, SV.pdf.integrity.code);

  await page.getByText('Svenska', { exact: true }).click();
  await expect(page.getByRole('heading', { name: SV.clients.title, level: 1 })).toBeVisible();

  const input = page.getByLabel(SV.verifyPdf.choose, { exact: true });
  const chooseByKeyboard = async (file: string) => {
    await tabTo(page, input);
    const choosing = page.waitForEvent('filechooser');
    await page.keyboard.press('Enter');
    await (await choosing).setFiles(file);
    await expect(verdictOf(page)).toBeVisible({ timeout: 15_000 });
  };
  const again = async () => {
    await tabTo(page, page.getByRole('button', { name: SV.verifyPdf.again }));
    await page.keyboard.press('Enter');
    await expect(input).toBeFocused();
  };

  // To the page through the navigation, by keyboard.
  await page.getByRole('heading', { name: SV.clients.title, level: 1 }).click();
  const nav = page.getByRole('navigation').getByRole('button', { name: SV.shell.nav.verify, exact: true });
  await tabTo(page, nav, true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: SV.verifyPdf.title })).toBeVisible();
  await expectAccessible(page, 'Verifiera PDF, before a file');

  // The genuine file, still the plan in force.
  await chooseByKeyboard(v1Path);
  await expect(verdictOf(page)).toHaveText(SV.verifyPdf.verdict.valid);
  await expect(page.getByRole('status').filter({ hasText: SV.verifyPdf.verdict.valid })).toHaveCount(1);
  await expect(page.getByRole('heading', { name: fill(SV.verifyPdf.resultTitle, { file: 'sv-plan-v1.pdf' }) })).toBeFocused();
  await expect(page.locator('[data-fact="case-number"]')).toHaveText(seeded.caseNumber);
  await expect(page.locator('[data-fact="verification-code"]')).toHaveText(code);
  await expect(checkItem(page, 'store')).toContainText(`${SV.verifyPdf.checks.store}: ${SV.verifyPdf.state.ok}`);
  await expectAccessible(page, 'Verifiera PDF, valid');

  // A copy with a byte flipped, in Swedish words.
  const pdf = readFileSync(v1Path);
  const flippedBytes = Buffer.from(pdf);
  const at = Math.floor(sealedPrefixLength(pdf) / 2);
  flippedBytes[at] = flippedBytes[at]! ^ 0x01;
  const flipped = writeCopy('sv-flipped.pdf', flippedBytes);
  await again();
  await chooseByKeyboard(flipped);
  await expectInvalid(page, SV, 'seal', 'bytes_changed');

  // Version 2 signed: the file of version 1 is genuine but no longer the plan in force.
  await invokeInPage(page, 'plans.revise', { planId: seeded.planId });
  await signVersion(page, { planId: seeded.planId, version: 2 }, seeded.meetingId);
  await again();
  await chooseByKeyboard(v1Path);
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'superseded');
  await expect(verdictOf(page)).toHaveText(new RegExp(`^${fill(SV.verifyPdf.verdict.superseded, { version: 2, date: '.+' })}$`));
  await expect(checkItem(page, 'store')).toHaveAttribute('data-ok', 'false');
  await expect(checkItem(page, 'store')).toContainText(SV.verifyPdf.problems.superseded);
  await expect(checkItem(page, 'signatures')).toHaveAttribute('data-ok', 'true');
  await expectAccessible(page, 'Verifiera PDF, superseded');
});
