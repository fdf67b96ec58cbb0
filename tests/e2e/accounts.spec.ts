import { createStoreViaUi, expect, expectAccessible, goToClients, PASSWORD, signIn, test } from './fixtures.js';

test('an administrator adds a colleague, who signs in, picks their own password and sees the clients', async ({ page, app }) => {
  await createStoreViaUi(page, app.url);
  await page.getByRole('button', { name: 'Uusi asiakas' }).click();
  await page.getByRole('dialog').getByLabel('Nimi').fill('Liisa Laine');
  await page.getByRole('button', { name: 'Tallenna asiakas' }).click();
  await expect(page.getByRole('row', { name: /Liisa Laine/ })).toBeVisible();

  await page.getByRole('button', { name: 'Ylläpito' }).click();
  await expect(page.getByRole('tab', { name: 'Käyttäjät' })).toHaveAttribute('aria-selected', 'true');
  await expectAccessible(page, 'administration: users');
  await page.getByRole('button', { name: 'Lisää käyttäjä' }).click();
  const dialog = page.getByRole('dialog', { name: 'Uusi käyttäjä' });
  await dialog.getByLabel('Nimi').fill('Pekka Psykologi');
  await dialog.getByLabel('Käyttäjätunnus').fill('pekka');
  await dialog.getByRole('textbox', { name: 'Ammatti' }).or(dialog.getByRole('combobox', { name: 'Ammatti' })).click();
  await page.getByRole('option', { name: 'Psykologi' }).click();
  await dialog.getByLabel('Organisaatio').fill('Hyvinvointialueen psykologipalvelut');
  await expectAccessible(page, 'add user');
  await dialog.getByRole('textbox', { name: 'Ensimmäinen salasana' }).fill('ensimmäinen salasana');
  await dialog.getByRole('button', { name: 'Tallenna käyttäjä' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /Pekka Psykologi/ });
  await expect(row).toContainText('Salasana vaihdettava');

  await page.getByRole('button', { name: 'Lukitse' }).click();
  await signIn(page, 'pekka', 'ensimmäinen salasana');
  await expect(page.getByRole('heading', { name: 'Valitse oma salasana' })).toBeVisible();
  await expectAccessible(page, 'must change password');
  await page.getByLabel('Nykyinen salasana').fill('ensimmäinen salasana');
  await page.getByRole('textbox', { name: 'Uusi salasana', exact: true }).fill('pekan oma salasana');
  await page.getByLabel('Uusi salasana uudelleen').fill('pekan oma salasana');
  await page.getByRole('button', { name: 'Vaihda salasana' }).click();
  await goToClients(page);
  await expect(page.getByRole('row', { name: /Liisa Laine/ })).toBeVisible();
  // A team member has no administration.
  await expect(page.getByRole('button', { name: 'Ylläpito' })).toHaveCount(0);
  await expect(page.getByText('Kirjautuneena: Pekka Psykologi')).toBeVisible();
});

test('a forgotten password is reset with the recovery key', async ({ page, app }) => {
  const recoveryKey = await createStoreViaUi(page, app.url);
  await page.getByRole('button', { name: 'Lukitse' }).click();
  await page.getByRole('button', { name: 'Unohditko salasanan?' }).click();
  await expect(page.getByRole('heading', { name: 'Uusi salasana palautusavaimella' })).toBeVisible();
  await expectAccessible(page, 'recover');
  await page.getByLabel('Käyttäjätunnus').fill('aino');
  await page.getByLabel('Palautusavain').fill('AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF-GGGGG-HHHHH');
  await page.getByRole('textbox', { name: 'Uusi salasana', exact: true }).fill('uusi salasana 2026');
  await page.getByLabel('Uusi salasana uudelleen').fill('uusi salasana 2026');
  await page.getByRole('button', { name: 'Aseta uusi salasana ja kirjaudu' }).click();
  await expect(page.getByRole('alert')).toHaveText('Palautusavain on väärä.');

  await page.getByLabel('Palautusavain').fill(recoveryKey.toLowerCase());
  await page.getByRole('button', { name: 'Aseta uusi salasana ja kirjaudu' }).click();
  await expect(page.getByRole('heading', { name: 'Työlista' })).toBeVisible();

  await page.getByRole('button', { name: 'Lukitse' }).click();
  await signIn(page, 'aino', PASSWORD);
  await expect(page.getByRole('alert')).toHaveText('Käyttäjätunnus tai salasana on väärin.');
  await page.getByLabel('Salasana').fill('uusi salasana 2026');
  await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Työlista' })).toBeVisible();
});

test('the access log, its client report and a backup, from the administration screens', async ({ page, app }) => {
  await createStoreViaUi(page, app.url);
  await page.getByRole('button', { name: 'Uusi asiakas' }).click();
  await page.getByRole('dialog').getByLabel('Nimi').fill('Åsa Öhman');
  await page.getByRole('button', { name: 'Tallenna asiakas' }).click();
  await expect(page.getByRole('row', { name: /Åsa Öhman/ })).toBeVisible();

  await page.getByRole('button', { name: 'Ylläpito' }).click();
  await page.getByRole('tab', { name: 'Lokitiedot' }).click();
  await page.getByRole('button', { name: 'Tarkista loki' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Loki on eheä' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Asiakas' }).click();
  await page.getByRole('option', { name: 'Åsa Öhman' }).click();
  await page.getByRole('button', { name: 'Näytä' }).click();
  const table = page.getByRole('table', { name: /Åsa Öhman/ });
  await expect(table.getByRole('row', { name: /Asiakas lisätty/ })).toContainText('Aino Ahonen');
  await expectAccessible(page, 'access log');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Lataa CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^kayttoloki-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await (await file.createReadStream()).toArray()).join('');
  expect(csv).toContain('Käsittelijä');
  expect(csv).toContain('Asiakas lisätty');

  await page.getByRole('tab', { name: 'Varmuuskopiot' }).click();
  await page.getByRole('button', { name: 'Tee varmuuskopio' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Varmuuskopio tehty ja tarkistettu' })).toContainText('.tpbackup');
  await expectAccessible(page, 'backups');

  await page.getByRole('tab', { name: 'Asetukset' }).click();
  await expect(page.getByLabel('Automaattinen lukitus (minuuttia)')).toHaveValue('10');
  await expectAccessible(page, 'settings');
});
