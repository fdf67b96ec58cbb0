import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe } from '../fixtures/cli.js';

export interface AppFixture {
  url: string;
  origin: string;
  dataDir: string;
  /** Stops the server and starts a new one on the same store (a restart of the app). */
  restart(): Promise<string>;
}

/** Each test gets its own store folder and its own browser-mode server. */
export const test = base.extend<{ app: AppFixture; dataDir: string }>({
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'tiimipoyta-e2e-'));
    await use(join(dir, 'store'));
    rmSync(dir, { recursive: true, force: true });
  },
  app: async ({ dataDir }, use) => {
    let running = await startServe(dataDir);
    const fixture: AppFixture = {
      url: running.url,
      origin: new URL(running.url).origin,
      dataDir,
      async restart() {
        await running.stop();
        running = await startServe(dataDir);
        fixture.url = running.url;
        fixture.origin = new URL(running.url).origin;
        return running.url;
      },
    };
    await use(fixture);
    await running.stop();
  },
});

export { expect };

/** axe over the current screen: no serious or critical violation (WCAG 2.1 A/AA rules). */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (process.env.AXE_DEBUG) for (const v of bad) for (const n of v.nodes) console.log(v.id, n.html, n.failureSummary);
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `axe on ${screen}`).toEqual([]);
}

export const PASSWORD = 'oikein pitkä salasana';

/** Creates the store through the welcome screen, as a first user would. */
export async function createStoreViaUi(page: Page, url: string, opts: { check?: (screen: string) => Promise<void> } = {}): Promise<string> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Tervetuloa Tiimipöytään' })).toBeVisible();
  await opts.check?.('welcome');
  await page.getByRole('button', { name: 'Luo uusi tietovarasto' }).click();
  await expect(page.getByRole('heading', { name: 'Uusi salattu tietovarasto' })).toBeVisible();
  await opts.check?.('create store');
  await page.getByLabel('Organisaation nimi').fill('Keski-Suomen hyvinvointialue, työkyvyn tuen tiimi');
  await page.getByLabel('Pääkäyttäjän nimi').fill('Aino Ahonen');
  await page.getByLabel('Käyttäjätunnus').fill('aino');
  await page.getByRole('textbox', { name: 'Salasana', exact: true }).fill(PASSWORD);
  await page.getByLabel('Salasana uudelleen').fill(PASSWORD);
  await page.getByRole('button', { name: 'Luo tietovarasto' }).click();
  // The recovery key is shown once; the user must confirm they stored it.
  await expect(page.getByRole('heading', { name: 'Palautusavain' })).toBeVisible({ timeout: 15_000 });
  const recoveryKey = (await page.getByTestId('recovery-key').innerText()).trim();
  expect(recoveryKey).toMatch(/^([0-9A-Z]{5} ){7}[0-9A-Z]{5}$/);
  await opts.check?.('recovery key');
  await expect(page.getByRole('button', { name: 'Jatka' })).toBeDisabled();
  await page.getByLabel('Olen tallentanut palautusavaimen turvalliseen paikkaan').check();
  await page.getByRole('button', { name: 'Jatka' }).click();
  await expect(page.getByRole('heading', { name: 'Työlista' })).toBeVisible({ timeout: 15_000 });
  await goToClients(page);
  return recoveryKey;
}

/** The worklist is the first screen after sign-in; most tests work from the client list. */
export async function goToClients(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Asiakkaat' }).click();
  await expect(page.getByRole('heading', { name: 'Asiakkaat', level: 1 })).toBeVisible({ timeout: 15_000 });
}

/** Signs in from the sign-in screen. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Kirjaudu sisään' })).toBeVisible();
  await page.getByLabel('Käyttäjätunnus').fill(username);
  await page.getByLabel('Salasana').fill(password);
  await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
}

/** Signs in and goes to the client list. */
export async function signInToClients(page: Page, username: string, password: string): Promise<void> {
  await signIn(page, username, password);
  await expect(page.getByRole('heading', { name: 'Työlista' })).toBeVisible({ timeout: 15_000 });
  await goToClients(page);
}
