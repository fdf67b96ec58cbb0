import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures.js';

test.describe('a folder that does not hold a usable store', () => {
  test.beforeEach(({ dataDir }) => {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'tiimipoyta.db'), '');
  });

  test('an empty database file gets its own screen and is never touched', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Tietovarastoa ei voi avata' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('ei ole Tiimipöydän salattu tietovarasto');
    await expect(page.getByRole('button', { name: /poista|delete/i })).toHaveCount(0);
    await expectAccessible(page, 'store unavailable');
    expect(readFileSync(join(app.dataDir, 'tiimipoyta.db')).length).toBe(0);
  });
});

test('opening a folder that holds no store explains why', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Avaa olemassa oleva tietovarasto' }).click();
  await page.getByLabel('Tietovaraston kansio').fill(join(app.dataDir, '..'));
  await page.getByRole('button', { name: 'Avaa', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Kansiossa ei ole Tiimipöydän tietovarastoa.');
  await expectAccessible(page, 'open store with an error');
});
