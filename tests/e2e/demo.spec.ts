import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, expectAccessible, signIn, test } from './fixtures.js';

test('a newcomer opens the demo store, reads the accounts, and signs in to 40 fictional clients', async ({ page, app }) => {
  // Production key derivation in the server: building the demo takes seconds, not milliseconds.
  test.setTimeout(120_000);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Tervetuloa Tiimipöytään' })).toBeVisible();
  const open = page.getByRole('button', { name: 'Avaa esittelytietovarasto' });
  await open.click();
  await expect(page.getByRole('status')).toHaveText(/Esittelytietovarastoa luodaan/);
  await expect(page.getByRole('button', { name: 'Luo uusi tietovarasto' })).toBeDisabled();

  await expect(page.getByRole('heading', { name: 'Esittelytietovarasto' })).toBeVisible({ timeout: 60_000 });
  const accounts = page.getByRole('table', { name: 'Esittelytietovaraston tunnukset' });
  await expect(accounts.getByRole('row')).toHaveCount(8);
  await expect(accounts.getByRole('row', { name: /sanna.*Sanna Lehtinen.*Sosiaalityöntekijä.*Pääkäyttäjä/ })).toBeVisible();
  await expect(accounts.getByRole('row', { name: /Vain luku/ })).toHaveCount(1);
  const password = (await page.getByTestId('demo-password').innerText()).trim();
  expect(password).toBe('demo-tiimipoyta-2026');
  await expectAccessible(page, 'demo accounts');

  // Beside the real store folder, never inside it; the real folder still has no store.
  const demoDir = join(dirname(app.dataDir), 'demo');
  expect(existsSync(join(demoDir, 'tiimipoyta.db'))).toBe(true);
  expect(existsSync(join(app.dataDir, 'tiimipoyta.db'))).toBe(false);

  await page.getByRole('button', { name: 'Jatka kirjautumiseen' }).click();
  await signIn(page, 'sanna', password);
  const clientsNav = page.getByRole('navigation').getByRole('button', { name: 'Asiakkaat' });
  await expect(clientsNav).toBeVisible({ timeout: 15_000 });
  await clientsNav.click();
  await expect(page.getByRole('heading', { name: 'Asiakkaat', level: 1 })).toBeVisible();
  await expect(page.getByText('40 asiakasta')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Asiakkaat' }).getByRole('row')).toHaveCount(41);
});
