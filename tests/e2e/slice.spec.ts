import { createStoreViaUi, expect, expectAccessible, goToClients, PASSWORD, test } from './fixtures.js';

test('a new user creates a store, adds a client, and finds it again after a restart', async ({ page, app }) => {
  await createStoreViaUi(page, app.url, { check: (screen) => expectAccessible(page, screen) });
  await expect(page.getByText('Asiakkaita ei ole vielä. Lisää ensimmäinen asiakas.')).toBeVisible();
  await expect(page.getByText('Aino Ahonen', { exact: false })).toBeVisible();
  await expectAccessible(page, 'empty client list');

  await page.getByRole('button', { name: 'Uusi asiakas' }).click();
  const dialog = page.getByRole('dialog', { name: 'Uusi asiakas' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'new client form');
  await dialog.getByRole('button', { name: 'Tallenna asiakas' }).click();
  await expect(dialog.getByText('Pakollinen tieto')).toBeVisible();
  await dialog.getByLabel('Nimi').fill('Åsa Öhman');
  await dialog.getByText('ruotsi', { exact: true }).click();
  await expect(dialog.getByRole('radio', { name: 'ruotsi' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Tallenna asiakas' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /Åsa Öhman/ });
  await expect(row).toContainText('ruotsi');
  await expectAccessible(page, 'client list with a client');

  // Restart the app: a new server process on the same store. The old address and token are dead.
  const oldUrl = app.url;
  const newUrl = await app.restart();
  expect(newUrl).not.toBe(oldUrl);
  await page.goto(newUrl);
  await expect(page.getByRole('heading', { name: 'Kirjaudu sisään' })).toBeVisible();
  await expectAccessible(page, 'sign in');
  await page.getByLabel('Käyttäjätunnus').fill('aino');
  await page.getByLabel('Salasana').fill(PASSWORD);
  await page.getByRole('button', { name: 'Kirjaudu' }).click();
  await goToClients(page);
  await expect(page.getByRole('row', { name: /Åsa Öhman/ })).toBeVisible();
  // The token left the address bar once read.
  expect(page.url()).not.toContain('token=');
});

test('a wrong password says so, changes nothing, and the right one still works', async ({ page, app }) => {
  await createStoreViaUi(page, app.url);
  await page.getByRole('button', { name: 'Lukitse' }).click();
  await expect(page.getByRole('heading', { name: 'Kirjaudu sisään' })).toBeVisible();
  for (let i = 0; i < 3; i++) {
    await page.getByLabel('Käyttäjätunnus').fill('aino');
    await page.getByLabel('Salasana').fill(`väärä salasana ${i}`);
    await page.getByRole('button', { name: 'Kirjaudu' }).click();
    await expect(page.getByRole('alert')).toHaveText('Käyttäjätunnus tai salasana on väärin.');
    await expect(page.getByLabel('Salasana')).toHaveValue('');
  }
  await expectAccessible(page, 'sign in with an error');
  await page.getByLabel('Salasana').fill(PASSWORD);
  await page.getByRole('button', { name: 'Kirjaudu' }).click();
  await expect(page.getByRole('heading', { name: 'Työlista' })).toBeVisible();
});

test('locking clears client data from the page', async ({ page, app }) => {
  await createStoreViaUi(page, app.url);
  await page.getByRole('button', { name: 'Uusi asiakas' }).click();
  await page.getByRole('dialog').getByLabel('Nimi').fill('Salainen Asiakas');
  await page.getByRole('button', { name: 'Tallenna asiakas' }).click();
  await expect(page.getByRole('row', { name: /Salainen Asiakas/ })).toBeVisible();
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('heading', { name: 'Kirjaudu sisään' })).toBeVisible();
  expect(await page.content()).not.toContain('Salainen Asiakas');
});

test('the language switcher changes every text, and the choice survives a reload', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByText('Svenska', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Välkommen till Tiimipöytä' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expectAccessible(page, 'welcome (sv)');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Välkommen till Tiimipöytä' })).toBeVisible();
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Tiimipöytä' })).toBeVisible();
  await page.getByRole('button', { name: 'Create a new store' }).click();
  await expect(page.getByLabel('Organisation name')).toBeVisible();
});

test('the whole slice works by keyboard alone', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Tervetuloa Tiimipöytään' })).toBeVisible();
  const create = page.getByRole('button', { name: 'Luo uusi tietovarasto' });
  for (let i = 0; i < 10 && !(await create.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Organisaation nimi')).toBeFocused();
  await page.keyboard.type('Tiimi');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Aino Ahonen');
  await page.keyboard.press('Tab');
  await page.keyboard.type('aino');
  await page.keyboard.press('Tab'); // profession: keep the default
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Tab');
  if (!(await page.getByLabel('Salasana uudelleen').evaluate((el) => el === document.activeElement))) await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Palautusavain' })).toBeVisible({ timeout: 15_000 });
  const confirm = page.getByLabel('Olen tallentanut palautusavaimen turvalliseen paikkaan');
  for (let i = 0; i < 10 && !(await confirm.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Työlista' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('navigation').getByRole('button', { name: 'Asiakkaat' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Asiakkaat', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Uusi asiakas' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog').getByLabel('Nimi')).toBeFocused();
  await page.keyboard.type('Näppäimistö Nieminen');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('row', { name: /Näppäimistö Nieminen/ })).toBeVisible();
});
