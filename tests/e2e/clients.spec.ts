import { createStoreViaUi, expect, expectAccessible, PASSWORD, signInToClients, test } from './fixtures.js';

test('a client with an identity code, a case and its referral; everything survives a lock', async ({ page, app }) => {
  await createStoreViaUi(page, app.url);
  await page.getByRole('button', { name: 'Uusi asiakas' }).click();
  const dialog = page.getByRole('dialog', { name: 'Uusi asiakas' });
  await dialog.getByLabel('Nimi').fill('Kalle Korhonen');
  await dialog.getByLabel('Henkilötunnus').fill('131052-308A');
  await dialog.getByRole('button', { name: 'Tallenna asiakas' }).click();
  await expect(dialog.getByText('Henkilötunnus ei ole kelvollinen', { exact: false })).toBeVisible();
  await dialog.getByLabel('Henkilötunnus').fill('131052-308t');
  await dialog.getByLabel('Kotikunta').fill('Kajaani');
  await expectAccessible(page, 'new client with details');
  await dialog.getByRole('button', { name: 'Tallenna asiakas' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('row', { name: /Kalle Korhonen/ });
  await expect(row).toContainText('131052-****');
  await expect(row).not.toContainText('308T');

  await page.getByRole('button', { name: 'Avaa asiakas Kalle Korhonen' }).click();
  await expect(page.getByRole('heading', { name: 'Kalle Korhonen', level: 1 })).toBeVisible();
  await expect(page.getByText('131052-****')).toBeVisible();
  await expectAccessible(page, 'client page');
  await page.getByRole('button', { name: 'Näytä henkilötunnus' }).click();
  await expect(page.getByText('131052-308T')).toBeVisible();
  await page.getByRole('button', { name: 'Piilota' }).click();
  await expect(page.getByText('131052-308T')).toHaveCount(0);

  await page.getByRole('button', { name: 'Uusi asia' }).click();
  const caseDialog = page.getByRole('dialog', { name: 'Uusi asia ja lähete' });
  await caseDialog.getByLabel('Lähettäjän organisaatio').fill('Kainuun työvoimaviranomainen');
  await caseDialog.getByLabel('Ohjauksen syy').fill('Pitkä työttömyys ja selkävaivat; asiakas toivoo työkokeilua.');
  await caseDialog.getByRole('button', { name: 'Lisää liite' }).click();
  await caseDialog.getByLabel('Asiakirja').fill('Lääkärinlausunto B');
  await caseDialog.getByLabel('Sijainti').fill('Terveysaseman potilastiedot');
  await expectAccessible(page, 'new case');
  await caseDialog.getByRole('button', { name: 'Avaa asia' }).click();
  await expect(caseDialog).toBeHidden();
  const caseCard = page.getByRole('region', { name: /^Asia \d{4}-0001$/ });
  await expect(caseCard).toContainText('Ohjattu');
  await expect(caseCard).toContainText('Kainuun työvoimaviranomainen');
  await caseCard.getByRole('button', { name: 'Aloita valmistelu' }).click();
  await expect(caseCard).toContainText('Valmistelussa');

  await page.getByRole('button', { name: 'Lukitse' }).click();
  await expect(page.getByRole('heading', { name: 'Kirjaudu sisään' })).toBeVisible();
  expect(await page.content()).not.toContain('Kalle Korhonen');
  await signInToClients(page, 'aino', PASSWORD);
  await expect(page.getByRole('row', { name: /Kalle Korhonen/ })).toContainText('Valmistelussa');
  await page.getByRole('button', { name: 'Avaa asiakas Kalle Korhonen' }).click();
  await expect(page.getByRole('region', { name: /^Asia \d{4}-0001$/ })).toContainText('selkävaivat');
});

test('på svenska: en klient och ett ärende', async ({ page, app }) => {
  await createStoreViaUi(page, app.url);
  await page.getByText('Svenska', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Klienter', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Ny klient' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny klient' });
  await dialog.getByLabel('Namn').fill('Åsa Öhman');
  await dialog.getByLabel('Personbeteckning').fill('010101-123N');
  await dialog.getByText('svenska', { exact: true }).click();
  await dialog.getByRole('button', { name: 'Spara klienten' }).click();
  await page.getByRole('button', { name: 'Öppna klienten Åsa Öhman' }).click();
  await expect(page.getByText('010101-****')).toBeVisible();
  await page.getByRole('button', { name: 'Nytt ärende' }).click();
  const caseDialog = page.getByRole('dialog', { name: 'Nytt ärende och remiss' });
  await caseDialog.getByLabel('Orsak till hänvisningen').fill('Behöver stöd för att återgå till arbete.');
  await expectAccessible(page, 'new case (sv)');
  await caseDialog.getByRole('button', { name: 'Öppna ärendet' }).click();
  await expect(page.getByRole('region', { name: /^Ärende \d{4}-0001$/ })).toContainText('Hänvisad');
  await expectAccessible(page, 'client page (sv)');
});

test('a case goes out as an encrypted case file; importing it into the same store says it is there already', async ({ page, app }) => {
  await createStoreViaUi(page, app.url);
  await page.getByRole('button', { name: 'Uusi asiakas' }).click();
  await page.getByRole('dialog').getByLabel('Nimi').fill('Ville Viejä');
  await page.getByRole('dialog').getByLabel('Henkilötunnus').fill('010101-123N');
  await page.getByRole('button', { name: 'Tallenna asiakas' }).click();
  await page.getByRole('button', { name: 'Avaa asiakas Ville Viejä' }).click();
  await page.getByRole('button', { name: 'Uusi asia' }).click();
  await page.getByRole('dialog').getByLabel('Ohjauksen syy').fill('Siirtyy toiselle tiimille.');
  await page.getByRole('button', { name: 'Avaa asia' }).click();

  await page.getByRole('button', { name: 'Vie asiatiedostoksi' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Asian vienti salattuna tiedostona' });
  await exportDialog.getByRole('textbox', { name: 'Tunnuslause', exact: true }).fill('yhteinen tunnuslause');
  await exportDialog.getByLabel('Tunnuslause uudelleen').fill('yhteinen tunnuslause');
  await expectAccessible(page, 'export case');
  const download = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Vie ja lataa' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^asia-\d{4}-0001\.tpcase$/);
  const bytes = Buffer.concat(await (await file.createReadStream()).toArray());
  expect(bytes.includes(Buffer.from('Ville'))).toBe(false);
  expect(bytes.includes(Buffer.from('123N'))).toBe(false);

  await page.getByRole('button', { name: 'Takaisin asiakaslistaan' }).click();
  await page.getByRole('button', { name: 'Tuo asiatiedosto' }).click();
  const importDialog = page.getByRole('dialog', { name: 'Asiatiedoston tuonti' });
  await importDialog.locator('input[type=file]').setInputFiles({ name: file.suggestedFilename(), mimeType: 'application/octet-stream', buffer: bytes });
  await importDialog.getByLabel('Tunnuslause').fill('väärä tunnuslause');
  await importDialog.getByRole('button', { name: 'Esikatsele' }).click();
  await expect(importDialog.getByRole('alert')).toContainText('Tunnuslause on väärä');
  await importDialog.getByLabel('Tunnuslause').fill('yhteinen tunnuslause');
  await importDialog.getByRole('button', { name: 'Esikatsele' }).click();
  await expect(importDialog.getByText('Tämä asia on jo tuotu tähän tietovarastoon.')).toBeVisible();
  await expectAccessible(page, 'import preview');
});
