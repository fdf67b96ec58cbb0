import type { Locator, Page } from '@playwright/test';
import { createStoreViaUi, expect, expectAccessible, test } from './fixtures.js';

async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
}

async function pickOption(page: Page, field: Locator, option: string | RegExp): Promise<void> {
  await field.click();
  await page.getByRole('option', { name: option }).click();
}

test('administrator keeps the service catalogue: seeded services, a new service, one retired, a provider, Swedish names', async ({ page, app }) => {
  test.setTimeout(60_000);
  await createStoreViaUi(page, app.url);
  await nav(page, 'Ylläpito');
  await page.getByRole('tab', { name: 'Palvelut' }).click();

  const services = page.getByRole('table', { name: 'Palvelut' });
  await expect(services.getByRole('row')).toHaveCount(19);
  await expect(services.getByRole('cell', { name: 'Työkokeilu', exact: true })).toBeVisible();
  await expect(services.getByRole('cell', { name: 'Tuetun työllistymisen työhönvalmennus (IPS)', exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Palveluryhmät' }).getByRole('cell', { name: 'Yhteisöpalvelut', exact: true })).toBeVisible();
  await expect(page.getByText('Palveluntuottajia ei ole vielä lisätty.')).toBeVisible();
  await expectAccessible(page, 'administration: catalogue');

  // A new service, named in three languages.
  await page.getByRole('button', { name: 'Uusi palvelu', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Uusi palvelu', exact: true });
  await dialog.getByRole('button', { name: 'Tallenna' }).click();
  await expect(dialog.getByText('Pakollinen tieto').first()).toBeVisible();
  await dialog.getByLabel('Nimi suomeksi').fill('Digitaalinen työnhakuvalmennus');
  await dialog.getByLabel('Nimi ruotsiksi').fill('Digital jobbsökarträning');
  await dialog.getByLabel('Nimi englanniksi').fill('Digital job-search coaching');
  await pickOption(page, dialog.getByRole('combobox', { name: 'Palveluntuottajan tyyppi' }), 'Työvoimaviranomainen');
  await pickOption(page, dialog.getByRole('combobox', { name: 'Palveluryhmä' }), 'Verkostopalvelut');
  await expectAccessible(page, 'new service');
  await dialog.getByRole('button', { name: 'Tallenna' }).click();
  await expect(dialog).toBeHidden();
  await expect(services.getByRole('row')).toHaveCount(20);
  const added = services.getByRole('row').filter({ hasText: 'Digitaalinen työnhakuvalmennus' });
  await expect(added).toContainText('Työvoimaviranomainen');
  await expect(added).toContainText('Verkostopalvelut');
  await expect(added).toContainText('Käytössä');

  // A seeded service retired: still listed, marked so.
  await page.getByRole('button', { name: 'Muokkaa palvelua Eläkeselvittely' }).click();
  const edit = page.getByRole('dialog', { name: 'Muokkaa palvelua: Eläkeselvittely' });
  await expect(edit.getByLabel('Nimi ruotsiksi')).toHaveValue('Pensionsutredning');
  await edit.getByRole('switch', { name: 'Käytössä' }).uncheck();
  await expectAccessible(page, 'edit service');
  await edit.getByRole('button', { name: 'Tallenna' }).click();
  await expect(edit).toBeHidden();
  await expect(services.getByRole('row').filter({ hasText: 'Eläkeselvittely' })).toContainText('Poistettu käytöstä');

  // A named local provider.
  await page.getByRole('button', { name: 'Uusi palveluntuottaja', exact: true }).click();
  const prov = page.getByRole('dialog', { name: 'Uusi palveluntuottaja', exact: true });
  await prov.getByLabel('Organisaatio').fill('Kainuun hyvinvointialue');
  await prov.getByLabel('Yksikkö').fill('Työkykykeskus');
  await prov.getByLabel('Yhteystiedot').fill('puh. 08 123 4567');
  await pickOption(page, prov.getByRole('combobox', { name: 'Palveluntuottajan tyyppi' }), 'Hyvinvointialueen terveyspalvelut');
  await expectAccessible(page, 'new provider');
  await prov.getByRole('button', { name: 'Tallenna' }).click();
  await expect(prov).toBeHidden();
  const providers = page.getByRole('table', { name: 'Palveluntuottajat' });
  await expect(providers.getByRole('row').filter({ hasText: 'Kainuun hyvinvointialue' })).toContainText('Työkykykeskus');
  await expectAccessible(page, 'administration: catalogue with changes');

  // In Swedish, the services carry their Swedish names.
  await page.getByText('Svenska', { exact: true }).click();
  const tjanster = page.getByRole('table', { name: 'Tjänster' });
  await expect(tjanster.getByRole('cell', { name: 'Arbetsprövning', exact: true })).toBeVisible();
  await expect(tjanster.getByRole('cell', { name: 'Digital jobbsökarträning', exact: true })).toBeVisible();
  await expect(tjanster.getByRole('row').filter({ hasText: 'Pensionsutredning' })).toContainText('Ur bruk');
  await expect(page.getByRole('table', { name: 'Tjänsteproducenter' })).toContainText('Välfärdsområdets hälsotjänster');
  await expectAccessible(page, 'administration: catalogue (sv)');
});
