import type { Locator, Page } from '@playwright/test';
import { createStoreViaUi, expect, expectAccessible, PASSWORD, signInToClients, test } from './fixtures.js';

const RESTORED = /Palautettu tallentamaton luonnos/;

/** Clicks and waits until the opened form has asked for its draft (so "empty" means empty). */
async function openAndReadDraft(page: Page, opener: Locator): Promise<void> {
  const read = page.waitForResponse((r) => r.url().includes('/api/invoke/drafts.get'));
  await opener.click();
  await read;
}

async function newClient(page: Page, name: string) {
  await page.getByRole('button', { name: 'Uusi asiakas' }).click();
  const dialog = page.getByRole('dialog', { name: 'Uusi asiakas' });
  await dialog.getByLabel('Nimi').fill(name);
  await dialog.getByRole('button', { name: 'Tallenna asiakas' }).click();
  await expect(dialog).toBeHidden();
}

test('a new client typed just before locking is there after sign-in; saving it ends the draft', async ({ page, app }) => {
  await createStoreViaUi(page, app.url);
  const dialog = page.getByRole('dialog', { name: 'Uusi asiakas' });
  await page.getByRole('button', { name: 'Uusi asiakas' }).click();
  await dialog.getByLabel('Nimi').fill('Keskeneräinen Kirjaus');
  await dialog.getByLabel('Kotikunta').fill('Kajaani');
  // No waiting for the autosave: lock at once.
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('heading', { name: 'Kirjaudu sisään' })).toBeVisible();
  expect(await page.content()).not.toContain('Keskeneräinen');

  await signInToClients(page, 'aino', PASSWORD);
  await page.getByRole('button', { name: 'Uusi asiakas' }).click();
  await expect(dialog.getByLabel('Nimi')).toHaveValue('Keskeneräinen Kirjaus');
  await expect(dialog.getByLabel('Kotikunta')).toHaveValue('Kajaani');
  await expect(dialog.getByRole('status')).toContainText(RESTORED);
  await expect(dialog.getByTestId('draft-state')).toContainText('Luonnos tallennettu');
  await expectAccessible(page, 'new client with a restored draft');

  await dialog.getByRole('button', { name: 'Tallenna asiakas' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /Keskeneräinen Kirjaus/ })).toBeVisible();
  await openAndReadDraft(page, page.getByRole('button', { name: 'Uusi asiakas' }));
  await expect(dialog.getByLabel('Nimi')).toHaveValue('');
  await expect(dialog.getByText(RESTORED)).toHaveCount(0);

  // Escape keeps what was typed; "discard draft" empties the form for good.
  await dialog.getByLabel('Nimi').fill('Vahingossa Suljettu');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Uusi asiakas' }).click();
  await expect(dialog.getByLabel('Nimi')).toHaveValue('Vahingossa Suljettu');
  await dialog.getByRole('button', { name: 'Hylkää luonnos' }).click();
  await expect(dialog.getByLabel('Nimi')).toHaveValue('');
  await expect(dialog.getByText(RESTORED)).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Sulje' }).click();
  await openAndReadDraft(page, page.getByRole('button', { name: 'Uusi asiakas' }));
  await expect(dialog.getByLabel('Nimi')).toHaveValue('');
});

test('a referral survives a reload; Cancel discards it; edits to a client survive leaving the page', async ({ page, app }) => {
  await createStoreViaUi(page, app.url);
  await newClient(page, 'Reetta Rinne');
  await page.getByRole('button', { name: 'Avaa asiakas Reetta Rinne' }).click();
  const caseDialog = page.getByRole('dialog', { name: 'Uusi asia ja lähete' });
  await page.getByRole('button', { name: 'Uusi asia' }).click();
  await caseDialog.getByLabel('Ohjauksen syy').fill('Kirjoitettu ennen uudelleenlatausta.');
  await expect(caseDialog.getByTestId('draft-state')).toContainText('Luonnos tallennettu');
  await page.reload();
  // Browser mode keeps the session across a reload; sign in if the store asks for it.
  await expect(page.getByRole('heading', { name: /Työlista|Kirjaudu sisään/ })).toBeVisible({ timeout: 15_000 });
  if (await page.getByRole('heading', { name: 'Kirjaudu sisään' }).isVisible()) await signInToClients(page, 'aino', PASSWORD);
  else await page.getByRole('navigation').getByRole('button', { name: 'Asiakkaat' }).click();
  await page.getByRole('button', { name: 'Avaa asiakas Reetta Rinne' }).click();
  await page.getByRole('button', { name: 'Uusi asia' }).click();
  await expect(caseDialog.getByLabel('Ohjauksen syy')).toHaveValue('Kirjoitettu ennen uudelleenlatausta.');
  await expect(caseDialog.getByRole('status')).toContainText(RESTORED);
  await expectAccessible(page, 'new case with a restored draft');
  await caseDialog.getByRole('button', { name: 'Peruuta' }).click();
  await expect(caseDialog).toBeHidden();
  await openAndReadDraft(page, page.getByRole('button', { name: 'Uusi asia' }));
  await expect(caseDialog.getByLabel('Ohjauksen syy')).toHaveValue('');
  await expect(caseDialog.getByText(RESTORED)).toHaveCount(0);
  await caseDialog.getByLabel('Ohjauksen syy').fill('Lopullinen syy.');
  await caseDialog.getByRole('button', { name: 'Avaa asia' }).click();
  await expect(caseDialog).toBeHidden();

  // The edit form on the client page: leaving the page keeps the change as a draft.
  const details = page.getByRole('textbox', { name: 'Puhelin' });
  await details.fill('040 765 4321');
  await page.getByRole('button', { name: 'Takaisin asiakaslistaan' }).click();
  await page.getByRole('button', { name: 'Avaa asiakas Reetta Rinne' }).click();
  await expect(details).toHaveValue('040 765 4321');
  await expect(page.getByRole('status').filter({ hasText: RESTORED })).toBeVisible();
  await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
  await expect(page.getByText(RESTORED)).toHaveCount(0);
  await page.getByRole('button', { name: 'Takaisin asiakaslistaan' }).click();
  await page.getByRole('button', { name: 'Avaa asiakas Reetta Rinne' }).click();
  await expect(details).toHaveValue('040 765 4321');
  await expect(page.getByText(RESTORED)).toHaveCount(0);
});

test('a consent closed half-written opens again as it was', async ({ page, app }) => {
  await createStoreViaUi(page, app.url);
  await newClient(page, 'Sami Salo');
  await page.getByRole('button', { name: 'Avaa asiakas Sami Salo' }).click();
  await page.getByRole('button', { name: 'Uusi asia' }).click();
  await page.getByRole('dialog').getByLabel('Ohjauksen syy').fill('Työkyvyn arvio.');
  await page.getByRole('button', { name: 'Avaa asia' }).click();
  await page.getByRole('button', { name: 'Valmistelu', exact: true }).click();
  await page.getByRole('button', { name: 'Kirjaa suostumus' }).click();
  const consent = page.getByRole('dialog', { name: 'Uusi suostumus' });
  await consent.getByLabel('Huomio').fill('Suostumus annettu puhelimessa, paperi tulossa.');
  await consent.getByRole('checkbox', { name: 'Kela', exact: true }).uncheck();
  await consent.getByRole('button', { name: 'Sulje' }).click();
  await expect(consent).toBeHidden();
  await page.getByRole('button', { name: 'Kirjaa suostumus' }).click();
  await expect(consent.getByLabel('Huomio')).toHaveValue('Suostumus annettu puhelimessa, paperi tulossa.');
  await expect(consent.getByRole('checkbox', { name: 'Kela', exact: true })).not.toBeChecked();
  await expect(consent.getByRole('status')).toContainText(RESTORED);
  await expectAccessible(page, 'new consent with a restored draft');
  await consent.getByRole('button', { name: 'Tallenna suostumus' }).click();
  await expect(consent).toBeHidden();
  await openAndReadDraft(page, page.getByRole('button', { name: 'Kirjaa suostumus' }));
  await expect(consent.getByLabel('Huomio')).toHaveValue('');
  await expect(consent.getByRole('checkbox', { name: 'Kela', exact: true })).toBeChecked();
});
