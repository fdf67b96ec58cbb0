/**
 * The organisation's seal (issue 7, item 4), Admin → Seal: the administrator sees the seal the store
 * made at setup, picks the county's PKCS#12 (written to a temp file, chosen with setInputFiles),
 * first with a wrong passphrase (refused in Finnish, then in Swedish once the UI language changes),
 * then with the right one, confirms the replacement, and sees the imported seal in use and the
 * generated one among the earlier seals. A file too large for a seal is refused before it is sent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogues } from '../../shared/i18n/index.js';
import { rsaP12, writeP12 } from '../fixtures/p12.js';
import { createStoreViaUi, expect, expectAccessible, test } from './fixtures.js';

const FI = catalogues.fi.seal;
const SV = catalogues.sv.seal;

const grouped = (hex: string) => (hex.toUpperCase().match(/.{4}/g) ?? []).join(' ');

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tiimipoyta-seal-e2e-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('administrator sees the generated seal, a wrong passphrase is refused, the county seal replaces it', async ({ page, app }) => {
  test.setTimeout(90_000);
  const county = rsaP12({ cn: 'Keski-Suomen hyvinvointialue sinetti', o: 'Keski-Suomen hyvinvointialue', passphrase: 'Jyväskylän tunnuslause 2026' });
  const file = writeP12(dir, 'keski-suomi-sinetti.p12', county.p12);
  const tooLarge = writeP12(dir, 'iso-tiedosto.pfx', Buffer.alloc(300 * 1024, 7));

  await createStoreViaUi(page, app.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Ylläpito', exact: true }).click();
  await page.getByRole('tab', { name: 'Sinetti' }).click();

  // The seal made at setup: its ASCII subject (the comma in the name escaped, as RFC 4514 writes it), the fingerprint in groups of four, made by Tiimipöytä.
  const current = page.getByRole('table', { name: FI.current.title });
  await expect(current.getByRole('row', { name: FI.current.subject })).toContainText('CN=Keski-Suomen hyvinvointialue\\, tyokyvyn tuen tiimi');
  await expect(current.getByRole('row', { name: FI.current.source })).toContainText(FI.sources.generated);
  await expect(current.getByRole('row', { name: FI.current.created })).toContainText('Aino Ahonen');
  const fingerprintRow = current.getByRole('row', { name: FI.current.fingerprint });
  await expect(fingerprintRow).toContainText(/([0-9A-F]{4} ){15}[0-9A-F]{4}/);
  const generatedFingerprint = /(?:[0-9A-F]{4} ){15}[0-9A-F]{4}/.exec(await fingerprintRow.innerText())![0];
  await expect(page.getByText(FI.earlier.none)).toBeVisible();
  await expect(page.getByRole('heading', { name: FI.about.title })).toBeVisible();
  await expectAccessible(page, 'administration: seal');

  const fileInput = page.locator('input[type=file]');
  const passphrase = page.getByLabel(FI.import.passphrase);
  const submit = page.getByRole('button', { name: FI.import.submit, exact: true });

  // Too large for a seal: refused here, with no confirmation asked and nothing sent.
  await fileInput.setInputFiles(tooLarge);
  await submit.click();
  await expect(page.getByText(FI.import.tooLarge.replace('{{size}}', '256'))).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // The wrong passphrase: confirmed, then refused in the user's words.
  await fileInput.setInputFiles(file);
  await passphrase.fill('väärä tunnuslause');
  await submit.click();
  const confirm = page.getByRole('dialog', { name: FI.confirm.title });
  await expect(confirm).toContainText(FI.confirm.body.replace('{{file}}', 'keski-suomi-sinetti.p12'));
  await expectAccessible(page, 'seal: confirm replacement');
  await confirm.getByRole('button', { name: FI.confirm.replace }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('alert')).toHaveText(catalogues.fi.errors.seal_wrong_passphrase);
  await expectAccessible(page, 'seal: wrong passphrase');
  // Nothing changed.
  await expect(fingerprintRow).toContainText(generatedFingerprint);
  await expect(page.getByText(FI.earlier.none)).toBeVisible();

  // In Swedish, the same refusal reads in Swedish.
  await page.getByText('Svenska', { exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(catalogues.sv.errors.seal_wrong_passphrase);

  // The right passphrase: the county's certificate is the seal now, the generated one is earlier.
  await page.getByLabel(SV.import.passphrase).fill(county.passphrase);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: SV.import.submit, exact: true }).click();
  const bekräfta = page.getByRole('dialog', { name: SV.confirm.title });
  await expect(bekräfta).toContainText(SV.confirm.earlier);
  await bekräfta.getByRole('button', { name: SV.confirm.replace }).click();
  await expect(bekräfta).toBeHidden();
  await expect(page.getByText(SV.imported.replace('{{subject}}', county.subject))).toBeVisible();

  const nu = page.getByRole('table', { name: SV.current.title });
  await expect(nu.getByRole('row', { name: SV.current.subject })).toContainText(county.subject);
  await expect(nu.getByRole('row', { name: SV.current.fingerprint })).toContainText(grouped(county.fingerprintSha256));
  await expect(nu.getByRole('row', { name: SV.current.source })).toContainText(SV.sources.imported);
  const earlier = page.getByRole('table', { name: SV.earlier.title });
  await expect(earlier.getByRole('row')).toHaveCount(2);
  const old = earlier.getByRole('row').nth(1);
  await expect(old).toContainText('CN=Keski-Suomen hyvinvointialue\\, tyokyvyn tuen tiimi');
  await expect(old).toContainText(generatedFingerprint);
  await expect(old).toContainText(SV.sources.generated);
  // The form is empty again, ready for the next time.
  await expect(page.getByLabel(SV.import.passphrase)).toHaveValue('');
  await expectAccessible(page, 'administration: seal replaced (sv)');
});
