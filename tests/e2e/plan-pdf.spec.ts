/**
 * The plan leaves the workbench as a PDF (issue 7): a plan signed in a meeting (seeded through the
 * API), then, in the plan view outside the meeting, exported in Swedish for a Swedish-speaking
 * client while the UI stays Finnish. The download is read back with pdftotext: the client's name,
 * the goal, Swedish labels, and the identity code masked unless the client's own copy is chosen and
 * confirmed. A revision's draft says before export that its PDF is watermarked and not final.
 */
import type { Download, Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { catalogues } from '../../shared/i18n/index.js';
import { invokeInPage } from './api.js';
import { createStoreViaUi, expect, expectAccessible, goToClients, PASSWORD, test } from './fixtures.js';
import { seedSignedPlan as seedPlan } from './plan-seed.js';

const L = catalogues.fi;
const X = L.exportPdf;
const SV = catalogues.sv;
const CLIENT = 'Åsa Öhman-Järvinen';
const IDENTITY_CODE = '131052-308T';
const GOAL = 'Åsa börjar arbeta deltid i en butik under våren.';
const ACTION = 'Arbetsprövning i en livsmedelsbutik, fyra timmar om dagen.';
const OUT_DIR = join('test-results', 'plan-pdf');
const EXPORT_URL = '**/api/invoke/plans.exportPdf';

const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(v[k]));

/** The client, goal and action the exports must carry (Swedish: the client's language). */
const seedSignedPlan = (page: Page) =>
  seedPlan(page, { client: CLIENT, identityCode: IDENTITY_CODE, conclusion: 'Arbetsförmågan räcker för deltidsarbete med stöd.', goal: GOAL, progressMeasure: 'Ett arbetsavtal är undertecknat.', action: ACTION });

/**
 * Exports from the open dialog, catches the download and returns its text layer (pdftotext).
 * `meanwhile` runs after the click, while the export is under way.
 */
async function exportAndRead(page: Page, file: string, meanwhile?: () => Promise<void>): Promise<{ download: Download; text: string; seal: string }> {
  const dialog = page.getByRole('dialog');
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: X.submit, exact: true }).click();
  await meanwhile?.();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const path = join(OUT_DIR, file);
  await download.saveAs(path);
  const out = spawnSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  expect(out.status, out.stderr).toBe(0);
  await expect(dialog).toHaveCount(0);
  // What Debian's pdfsig says of the file's seal (it exits 0 either way: the words matter).
  const seal = spawnSync('pdfsig', [path], { encoding: 'utf8' });
  // Text wrapped across lines or table cells reads as one run of words.
  return { download, text: out.stdout.replace(/\s+/g, ' '), seal: `${seal.stdout}${seal.stderr}` };
}

test('the signed plan exported as a Swedish PDF, masked by default, with the full identity code only when confirmed', async ({ page, app }) => {
  test.setTimeout(120_000);
  mkdirSync(OUT_DIR, { recursive: true });
  await createStoreViaUi(page, app.url);
  const seeded = await seedSignedPlan(page);

  // The end of the signing round in the meeting: the locked version can be exported there.
  await invokeInPage(page, 'meetings.navigate', { meetingId: seeded.meetingId, itemId: seeded.itemId, step: 'sign' });
  await page.getByRole('navigation').getByRole('button', { name: L.shell.nav.meetings, exact: true }).click();
  await page.getByRole('button', { name: new RegExp(`^${fill(L.meetings.open, { when: '.*', team: 'Jyväskylän työkykytiimi' })}$`) }).click();
  await page.getByRole('button', { name: L.meetings.session.continue }).click();
  await expect(page.getByRole('heading', { level: 2, name: fill(L.session.stepOf, { n: 10, total: 10, name: L.session.steps.sign }) })).toBeVisible();
  await expect(page.getByText(new RegExp(fill(L.signing.signed.lockedTitle, { version: 1, when: '.*' })))).toBeVisible();
  await page.getByRole('button', { name: X.button }).click();
  await expect(page.getByRole('dialog', { name: fill(X.title, { version: 1 }) })).toBeVisible();
  await expectAccessible(page, 'PDF export dialog in the signing round');
  await page.getByRole('dialog').getByRole('button', { name: L.common.cancel }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('button', { name: L.session.exit }).click();

  // The client's case → its plan (the Finnish UI).
  await goToClients(page);
  await page.getByRole('button', { name: fill(L.clients.open, { name: CLIENT }) }).click();
  await page.getByRole('button', { name: L.plans.open, exact: true }).click();
  await expect(page.locator('[data-plan-version="1"][data-plan-state="locked"]')).toBeVisible();

  // The dialog: the UI's language preselected, each language by its own name, no draft note for a signed version.
  await page.getByRole('button', { name: X.button }).click();
  const dialog = page.getByRole('dialog', { name: fill(X.title, { version: 1 }) });
  await expect(dialog).toBeVisible();
  const languages = dialog.getByRole('radiogroup', { name: X.language });
  await expect(languages.getByRole('radio', { name: 'Suomi', exact: true })).toBeChecked();
  await expect(languages.getByRole('radio', { name: 'Svenska', exact: true })).toBeVisible();
  await expect(languages.getByRole('radio', { name: 'English', exact: true })).toBeVisible();
  await expect(dialog.getByText(X.draftNote)).toHaveCount(0);
  await expectAccessible(page, 'PDF export dialog');

  // Swedish, the code masked.
  await languages.getByRole('radio', { name: 'Svenska', exact: true }).check();
  const masked = await exportAndRead(page, 'plan-sv-masked.pdf');
  // The signed version leaves sealed: a standard tool checks it without this app.
  expect(masked.seal).toContain('Signature is Valid');
  expect(masked.seal).toContain('Total document signed');
  await expect(page.getByText(masked.download.suggestedFilename()).first()).toBeVisible();
  expect(masked.text).toContain(CLIENT);
  expect(masked.text).toContain(GOAL);
  expect(masked.text).toContain(ACTION);
  expect(masked.text).toContain('Pekka Lääkäri');
  // The document's labels in Swedish, though the UI is Finnish.
  for (const label of [SV.pdf.header.client, SV.pdf.header.identityCode, SV.pdf.assessment.title, SV.pdf.signatures.title, SV.pdf.summary.title, fill(SV.pdf.footer.page, { page: 1, pages: '' }).trim()]) {
    expect(masked.text, `Swedish label "${label}"`).toContain(label);
  }
  expect(masked.text).not.toContain(L.pdf.header.identityCode);
  // The identity code masked: the birth date part only, said to be partly hidden.
  expect(masked.text).not.toContain(IDENTITY_CODE);
  expect(masked.text).toContain(IDENTITY_CODE.slice(0, 7));
  expect(masked.text).toContain(fill(SV.pdf.header.identityMasked, { code: '' }).trim());

  // The client's own copy: the full code needs an explicit confirmation first.
  await page.getByRole('button', { name: X.button }).click();
  await expect(dialog).toBeVisible();
  await languages.getByRole('radio', { name: 'Svenska', exact: true }).check();
  await dialog.getByRole('checkbox', { name: X.fullCode }).check();
  const confirm = dialog.getByRole('checkbox', { name: X.confirmFullCode });
  await expect(confirm).not.toBeChecked();
  await dialog.getByRole('button', { name: X.submit, exact: true }).click();
  await expect(dialog.getByText(X.confirmRequired)).toBeVisible();
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'PDF export dialog, full code not confirmed');
  await confirm.check();
  // A failed export says why in words and keeps the dialog and its choices.
  await page.route(EXPORT_URL, (route) => route.fulfill({ json: { ok: false, error: { code: 'disk_full', message: 'ENOSPC' } } }));
  await dialog.getByRole('button', { name: X.submit, exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText(L.errors.disk_full);
  await expect(confirm).toBeChecked();
  await expectAccessible(page, 'PDF export dialog with an error');
  await page.unroute(EXPORT_URL);
  // One that takes longer than half a second shows that it is working.
  await page.route(EXPORT_URL, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await route.continue();
  });
  const full = await exportAndRead(page, 'plan-sv-full-code.pdf', async () => {
    await expect(dialog.getByRole('progressbar', { name: X.progress })).toBeVisible();
    await expect(dialog.getByRole('button', { name: X.submit, exact: true })).toBeDisabled();
  });
  await page.unroute(EXPORT_URL);
  expect(full.text).toContain(IDENTITY_CODE);
  expect(full.text).not.toContain(fill(SV.pdf.header.identityMasked, { code: '' }).trim());
  expect(full.text).toContain(CLIENT);

  // A revision is a draft: the dialog says its PDF is watermarked and not final, and the export still works.
  await page.getByRole('button', { name: L.plans.revise }).click();
  await expect(page.locator('[data-plan-version="2"][data-plan-state="draft"]')).toBeVisible();
  await page.getByRole('button', { name: X.button }).click();
  await expect(page.getByRole('dialog', { name: fill(X.title, { version: 2 }) }).getByText(X.draftNote)).toBeVisible();
  const draft = await exportAndRead(page, 'plan-fi-draft.pdf');
  expect(draft.seal).not.toContain('Signature is Valid');
  expect(draft.text).toContain(CLIENT);
  expect(draft.text).toContain(GOAL);
  // In Finnish this time (the UI's language, preselected), and marked as a draft.
  expect(draft.text).toContain(L.pdf.header.identityCode);
  expect(draft.text).toContain(L.pdf.draftWord);
});
