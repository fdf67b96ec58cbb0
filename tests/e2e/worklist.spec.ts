import type { Page } from '@playwright/test';
import { createStoreViaUi, expect, expectAccessible, test } from './fixtures.js';

async function newClient(page: Page, name: string, identityCode?: string) {
  await page.getByRole('button', { name: 'Uusi asiakas' }).click();
  const dialog = page.getByRole('dialog', { name: 'Uusi asiakas' });
  await dialog.getByLabel('Nimi').fill(name);
  if (identityCode) await dialog.getByLabel('Henkilötunnus').fill(identityCode);
  await dialog.getByRole('button', { name: 'Tallenna asiakas' }).click();
  await expect(dialog).toBeHidden();
}

async function openWorklist(page: Page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Työlista' }).click();
  await expect(page.getByRole('heading', { name: 'Työlista', level: 1 })).toBeVisible();
}

test('the worklist: views, status filter, search by case number and by name, open a client', async ({ page, app }) => {
  await createStoreViaUi(page, app.url);
  await newClient(page, 'Kalle Korhonen', '131052-308T');
  await newClient(page, 'Åsa Öhman');
  await page.getByRole('button', { name: 'Avaa asiakas Kalle Korhonen' }).click();
  await page.getByRole('button', { name: 'Uusi asia' }).click();
  const caseDialog = page.getByRole('dialog', { name: 'Uusi asia ja lähete' });
  await caseDialog.getByLabel('Ohjauksen syy').fill('Pitkä työttömyys, selkävaivat.');
  await caseDialog.getByRole('button', { name: 'Avaa asia' }).click();
  await expect(caseDialog).toBeHidden();
  const caseCard = page.getByRole('region', { name: /^Asia \d{4}-0001$/ });
  await caseCard.getByRole('button', { name: 'Aloita valmistelu' }).click();
  await expect(caseCard).toContainText('Valmistelussa');

  await openWorklist(page);
  const table = page.getByRole('table', { name: 'Työlista' });
  const views = page.getByRole('radiogroup', { name: 'Näkymä' });
  // "My cases" first: the case the signed-in preparer opened, with the code masked.
  const row = table.getByRole('row', { name: /Kalle Korhonen/ });
  const caseNumber = (await row.getByRole('cell').first().innerText()).trim();
  expect(caseNumber).toMatch(/^\d{4}-0001$/);
  await expect(row).toContainText('131052-****');
  await expect(row).toContainText('Valmistelussa');
  await expect(row).toContainText('Ei voimassa');
  await expect(page.getByText('1 asiaa')).toBeVisible();
  await expectAccessible(page, 'worklist');

  await views.getByText('Valmiit, ei asialistalla').click();
  await expect(page.getByText('Ei asioita tässä näkymässä.')).toBeVisible();
  await views.getByText('Suostumus päättymässä').click();
  await expect(table.getByRole('row', { name: /Kalle Korhonen/ })).toBeVisible();
  await views.getByText('Kaikki avoimet asiat').click();
  await expect(table.getByRole('row', { name: /Kalle Korhonen/ })).toBeVisible();

  await page.getByRole('combobox', { name: 'Tila' }).click();
  await page.getByRole('option', { name: 'Ohjattu' }).click();
  await expect(page.getByText('Ei asioita tässä näkymässä.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Tila' }).click();
  await page.getByRole('option', { name: 'Kaikki tilat' }).click();
  await expect(table.getByRole('row', { name: /Kalle Korhonen/ })).toBeVisible();

  // Sorting by a column says so on its header.
  const header = table.getByRole('columnheader', { name: 'Asiakas' });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');

  const searchBox = page.getByRole('textbox', { name: 'Haku' });
  await searchBox.fill(caseNumber.replace(/-0+/, '-'));
  await page.getByRole('button', { name: 'Hae', exact: true }).click();
  await expect(table.getByRole('row', { name: /Kalle Korhonen/ })).toContainText(caseNumber);
  await expect(views).toBeHidden();
  await searchBox.fill('korhonen');
  await searchBox.press('Enter');
  await expect(table.getByRole('row', { name: /Kalle Korhonen/ })).toBeVisible();
  // A client without a case has nothing to list.
  await searchBox.fill('öhman');
  await searchBox.press('Enter');
  await expect(page.getByText('Ei hakutuloksia.')).toBeVisible();
  await expectAccessible(page, 'worklist search');
  await page.getByRole('button', { name: 'Tyhjennä haku' }).click();
  await expect(searchBox).toHaveValue('');
  await expect(views).toBeVisible();

  await table.getByRole('button', { name: 'Avaa asiakas Kalle Korhonen' }).click();
  await expect(page.getByRole('heading', { name: 'Kalle Korhonen', level: 1 })).toBeVisible();
});
