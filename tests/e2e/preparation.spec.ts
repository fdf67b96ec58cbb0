import type { Page } from '@playwright/test';
import { createStoreViaUi, expect, expectAccessible, PASSWORD, signInToClients, test } from './fixtures.js';

async function newClientWithCase(page: Page, name: string) {
  await page.getByRole('button', { name: 'Uusi asiakas' }).click();
  const dialog = page.getByRole('dialog', { name: 'Uusi asiakas' });
  await dialog.getByLabel('Nimi').fill(name);
  await dialog.getByRole('button', { name: 'Tallenna asiakas' }).click();
  await page.getByRole('button', { name: `Avaa asiakas ${name}` }).click();
  await page.getByRole('button', { name: 'Uusi asia' }).click();
  const caseDialog = page.getByRole('dialog', { name: 'Uusi asia ja lähete' });
  await caseDialog.getByLabel('Ohjauksen syy').fill('Pitkä työttömyys, selkävaivat.');
  await caseDialog.getByRole('button', { name: 'Avaa asia' }).click();
  await expect(caseDialog).toBeHidden();
}

/** Waits until every autosave on the page says it has saved. */
async function allSaved(page: Page) {
  await expect(page.getByText('Tallennetaan…')).toHaveCount(0, { timeout: 10_000 });
}

test('preparing a case: consent, background, the client view, the checklist goes green; all of it survives a lock', async ({ page, app }) => {
  test.setTimeout(120_000);
  await createStoreViaUi(page, app.url);
  await newClientWithCase(page, 'Liisa Laine');
  await page.getByRole('button', { name: 'Aloita valmistelu' }).click();
  await page.getByRole('button', { name: 'Valmistelu', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Valmistelu: Liisa Laine' })).toBeVisible();
  await expectAccessible(page, 'preparation: consent');

  await page.getByRole('button', { name: 'Kirjaa suostumus' }).click();
  const consent = page.getByRole('dialog', { name: 'Uusi suostumus' });
  await expectAccessible(page, 'new consent');
  await consent.getByRole('button', { name: 'Tallenna suostumus' }).click();
  await expect(consent).toBeHidden();
  await expect(page.getByText('Kela: kattaa')).toBeVisible();

  await page.getByRole('tab', { name: 'Tausta' }).click();
  const summaries = page.getByRole('textbox', { name: 'Yhteenveto' });
  const count = await summaries.count();
  for (let i = 0; i < count; i++) await summaries.nth(i).fill(`Yhteenveto ${i + 1}: asiakas kertoo tilanteestaan.`);
  await allSaved(page);
  await expectAccessible(page, 'preparation: background');

  await page.getByRole('tab', { name: 'Asiakkaan näkemys' }).click();
  await page.getByLabel('Tavoitteet ja toiveet').fill('Haluan työkokeiluun kauppaan.');
  await page.getByRole('radio', { name: '6', exact: true }).or(page.getByRole('slider', { name: /Oma arvio/ })).first().focus();
  await page.keyboard.press('ArrowRight');
  await allSaved(page);
  await expectAccessible(page, 'preparation: client view');

  await page.getByRole('tab', { name: 'Valmis tiimille' }).click();
  await page.getByLabel('Ehdotettu kokouspäivä').fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
  await page.getByLabel('Mitä tuon kokoukseen (tiimille)').fill('Asiakas toivoo työkokeilua; selkä rajoittaa.');
  await allSaved(page);
  await expectAccessible(page, 'preparation: ready');
  const mark = page.getByRole('button', { name: 'Merkitse valmiiksi tiimille' });
  await expect(mark).toBeEnabled({ timeout: 10_000 });
  await mark.click();
  await expect(page.getByText('Asia on merkitty valmiiksi tiimille.')).toBeVisible();

  await page.getByRole('button', { name: 'Lukitse' }).click();
  await signInToClients(page, 'aino', PASSWORD);
  await expect(page.getByRole('row', { name: /Liisa Laine/ })).toContainText('Valmis tiimille');
  await page.getByRole('button', { name: 'Avaa asiakas Liisa Laine' }).click();
  await page.getByRole('button', { name: 'Valmistelu', exact: true }).click();
  await page.getByRole('tab', { name: 'Asiakkaan näkemys' }).click();
  await expect(page.getByLabel('Tavoitteet ja toiveet')).toHaveValue('Haluan työkokeiluun kauppaan.');
  await page.getByRole('tab', { name: 'Tausta' }).click();
  await expect(page.getByRole('textbox', { name: 'Yhteenveto' }).first()).toHaveValue(/Yhteenveto 1/);
});

test('text typed just before locking is saved, not lost', async ({ page, app }) => {
  await createStoreViaUi(page, app.url);
  await newClientWithCase(page, 'Pekka Pesonen');
  await page.getByRole('button', { name: 'Valmistelu', exact: true }).click();
  await page.getByRole('tab', { name: 'Asiakkaan näkemys' }).click();
  await page.getByLabel('Tavoitteet ja toiveet').fill('Kirjoitettu juuri ennen lukitusta');
  // No waiting for the autosave: lock at once.
  await page.keyboard.press('Control+Shift+L');
  await signInToClients(page, 'aino', PASSWORD);
  await page.getByRole('button', { name: 'Avaa asiakas Pekka Pesonen' }).click();
  await page.getByRole('button', { name: 'Valmistelu', exact: true }).click();
  await page.getByRole('tab', { name: 'Asiakkaan näkemys' }).click();
  await expect(page.getByLabel('Tavoitteet ja toiveet')).toHaveValue('Kirjoitettu juuri ennen lukitusta');
});
