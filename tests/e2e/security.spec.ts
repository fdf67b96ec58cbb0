import { expect, test } from './fixtures.js';

test.describe('renderer probes in Chromium (browser mode)', () => {
  test('the page has no Node, cannot open windows, runs no inline script, and does not leave', async ({ page, app }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Tervetuloa Tiimipöytään' })).toBeVisible();

    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
    expect(await page.evaluate(() => window.open('https://example.org') === null)).toBe(true);
    expect(page.context().pages()).toHaveLength(1);

    // Inline script injected into the DOM must not run under the CSP.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__pwned = true';
      document.body.appendChild(s);
    });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    // An inline event handler is blocked too.
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__pwned2 = true');
      img.src = 'data:,x';
      document.body.appendChild(img);
    });
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => (window as unknown as { __pwned2?: boolean }).__pwned2)).toBeUndefined();
    expect(violations.length).toBeGreaterThan(0);

    // A link away from the app does nothing.
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = 'https://example.org/';
      a.textContent = 'away';
      a.id = 'away';
      document.body.appendChild(a);
    });
    await page.click('#away');
    await page.waitForTimeout(200);
    expect(new URL(page.url()).origin).toBe(app.origin);

    // A form cannot navigate anywhere (CSP form-action 'none').
    const navigated = page.waitForEvent('framenavigated', { timeout: 1000 }).then(() => true, () => false);
    await page.evaluate(() => {
      const f = document.createElement('form');
      f.action = 'https://example.org/steal';
      f.method = 'post';
      document.body.appendChild(f);
      f.submit();
    });
    expect(await navigated).toBe(false);
    expect(new URL(page.url()).origin).toBe(app.origin);
  });

  test('the API refuses a page that does not hold the token', async ({ page, app }) => {
    await page.goto(`${app.origin}/`);
    const status = await page.evaluate(async () => (await fetch('api/invoke/app.status', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status);
    expect(status).toBe(401);
    await expect(page.getByRole('alert')).toBeVisible();
  });
});
