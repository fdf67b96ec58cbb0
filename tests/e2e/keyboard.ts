/** The keyboard user's ways around a page, for the specs that use no mouse once a flow is open. */
import type { Locator, Page } from '@playwright/test';

/** Presses Tab (or Shift+Tab) until `target` has focus. */
export async function tabTo(page: Page, target: Locator, backwards = false, max = 100): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not tab to ${target.toString()}`);
}

/**
 * Chooses a radio button as a keyboard user does: Tab into its group (which stops on one radio
 * only), then the arrow keys, which move and check.
 */
export async function chooseRadio(page: Page, group: Locator, name: string, max = 12): Promise<void> {
  const target = group.getByRole('radio', { name, exact: true });
  for (let i = 0; i < 100; i++) {
    if (await group.evaluate((el) => el.contains(document.activeElement) && document.activeElement?.getAttribute('type') === 'radio')) break;
    await page.keyboard.press('Tab');
  }
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement && (el as HTMLInputElement).checked)) return;
    await page.keyboard.press(await target.evaluate((el) => el === document.activeElement) ? 'Space' : 'ArrowDown');
  }
  throw new Error(`could not choose ${name}`);
}

/**
 * Types a calendar date into a focused native date field, digit by digit as a person would. The
 * order of the field's day, month and year follows the browser's own locale (not the page's), so
 * it is learnt once from a probe field that is removed again.
 */
export async function typeDate(page: Page, isoDate: string): Promise<void> {
  const order = await page.evaluate(() => {
    const probe = document.createElement('input');
    probe.type = 'date';
    probe.setAttribute('aria-hidden', 'true');
    probe.id = '__date-order-probe';
    document.body.append(probe);
    return probe.id;
  });
  const focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.id ?? '');
  await page.locator(`#${order}`).focus();
  await page.keyboard.type('01022003');
  const probed = await page.locator(`#${order}`).inputValue();
  await page.evaluate((id) => document.getElementById(id)?.remove(), order);
  if (focused) await page.locator(`[id="${focused}"]`).focus();
  const [y, m, d] = isoDate.split('-') as [string, string, string];
  // 2003-02-01: day first (01.02.2003); 2003-01-02: month first (01/02/2003).
  await page.keyboard.type(probed === '2003-01-02' ? `${m}${d}${y}` : probed === '2003-02-01' ? `${d}${m}${y}` : `${y}${m}${d}`);
}
