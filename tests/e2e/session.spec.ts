/**
 * The guided team session as a team runs it: a meeting with three ready cases, case 1 through all
 * ten steps by keyboard alone (no clicks once the session is open), the audience page following
 * the chair with the identity code masked and the restricted section hidden until revealed, both
 * themes axe-clean on every step, a reload mid-step, a second audience page refused, and a lock
 * that leaves the shared screen empty. In Finnish and in Swedish.
 */
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { icfCategory } from '../../shared/domain/icf.js';
import { SESSION_STEPS, type SessionStep } from '../../shared/domain/meeting.js';
import { catalogues } from '../../shared/i18n/index.js';
import { dayFromToday, invokeInPage, seedReadyCase, type SeededCase } from './api.js';
import { createStoreViaUi, expect, expectAccessible, test } from './fixtures.js';
import { tabTo } from './keyboard.js';

const IDENTITY_CODE = '131052-308T';
const RESTRICTED = 'Runsas alkoholinkäyttö viikonloppuisin';

const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(v[k]));

async function seedMeeting(page: Page, opts: { withdrawConsent?: number[] } = {}): Promise<{ meetingId: string; cases: SeededCase[] }> {
  const cases = [
    await seedReadyCase(page, 'Liisa Laine', { identityCode: IDENTITY_CODE, restricted: RESTRICTED }),
    await seedReadyCase(page, 'Matti Mäki'),
    await seedReadyCase(page, 'Sanna Salo'),
  ];
  // Consent withdrawn after the case was made ready: the session must notice it at the table.
  for (const i of opts.withdrawConsent ?? []) {
    const prep = await invokeInPage<{ consents: { id: string }[] }>(page, 'cases.getPreparation', { caseId: cases[i]!.caseId });
    for (const c of prep.consents) await invokeInPage(page, 'consents.withdraw', { consentId: c.id, withdrawnOn: dayFromToday(0) });
  }
  const status = await invokeInPage<{ user: { id: string } }>(page, 'app.status');
  const userId = status.user.id;
  const team = await invokeInPage<{ id: string }>(page, 'teams.save', {
    name: 'Jyväskylän työkykytiimi',
    memberIds: [userId],
    externals: [],
    requiredSectors: ['social_care', 'health_care', 'employment_services'],
    newCaseMinutes: 20,
    reviewMinutes: 10,
    reviewIntervalMonths: 6,
  });
  const meeting = await invokeInPage<{ id: string }>(page, 'meetings.create', { teamId: team.id, date: dayFromToday(0), time: '09:00', place: 'Neuvotteluhuone Kuusi', chairId: userId });
  for (const c of cases) await invokeInPage(page, 'meetings.addItem', { meetingId: meeting.id, caseId: c.caseId });
  const person = (name: string, profession: string, organisation: string, status: string) => ({ userId: null, externalId: null, name, profession, organisation, status });
  await invokeInPage(page, 'meetings.start', {
    meetingId: meeting.id,
    attendance: [
      { ...person('Aino Ahonen', 'social_worker', 'Hyvinvointialue', 'present'), userId },
      person('Pekka Lääkäri', 'physician', 'Terveysasema', 'present'),
      person('Outi Työnen', 'employment_expert', 'Työllisyyspalvelut', 'remote'),
    ],
  });
  return { meetingId: meeting.id, cases };
}

type Catalogue = (typeof catalogues)['fi'];

/** Meetings → the meeting → open (or continue) the session: the clicks before the keyboard takes over. */
async function openSession(page: Page, L: Catalogue, label: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: L.shell.nav.meetings, exact: true }).click();
  await page.getByRole('button', { name: new RegExp(`^${fill(L.meetings.open, { when: '.*', team: 'Jyväskylän työkykytiimi' })}$`) }).click();
  await page.getByRole('button', { name: label }).click();
  // The session has loaded (and its shortcuts listen) once a step heading holds the focus: a key
  // pressed before that would go nowhere.
  await expect(page.locator('h2[data-step]')).toBeFocused();
}

/** Every autosave on the page has landed. */
async function allSaved(page: Page, saving: string): Promise<void> {
  await expect(page.getByText(saving, { exact: true })).toHaveCount(0, { timeout: 10_000 });
}

for (const lang of ['fi', 'sv'] as const) {
  const L = catalogues[lang];
  const S = L.session;
  const stepHeading = (where: Page, step: SessionStep) =>
    where.getByRole('heading', { level: 2, name: fill(S.stepOf, { n: SESSION_STEPS.indexOf(step) + 1, total: SESSION_STEPS.length, name: S.steps[step] }) });

  test(`${lang}: a team runs case 1 through every step by keyboard, with the audience page following`, async ({ page, app, context }) => {
    test.setTimeout(300_000);
    await createStoreViaUi(page, app.url);
    if (lang === 'sv') await page.getByText('Svenska', { exact: true }).click();
    const { cases } = await seedMeeting(page);
    const names = cases.map((c) => c.name);
    const dir = lang === 'fi' ? 'test-results/presentation' : `test-results/presentation/${lang}`;
    mkdirSync(dir, { recursive: true });
    const nn = (step: SessionStep) => String(SESSION_STEPS.indexOf(step) + 1).padStart(2, '0');
    const others = names.slice(1);

    // The last clicks of the session part: from here on, the keyboard only.
    await openSession(page, L, L.meetings.session.open);
    await expect(stepHeading(page, 'opening')).toBeFocused();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(fill(S.caseOf, { n: 1, total: 3 })) })).toContainText('Liisa Laine');
    await expect(page.getByText(fill(S.identityCode, { code: '131052-****' }), { exact: false })).toBeVisible();
    await expect(page.getByRole('timer')).toBeVisible();

    // The audience page, opened with the chair's button (reached by Tab, pressed with Enter).
    await tabTo(page, page.getByRole('button', { name: S.audience.open }));
    const [audience] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter')]);
    await expect(stepHeading(audience, 'opening')).toBeVisible({ timeout: 15_000 });
    await expect(audience.getByRole('button')).toHaveCount(0);
    await expect(audience.locator('input, textarea, select')).toHaveCount(0);
    const audienceText = async () => audience.locator('body').innerText();
    // No client's name at all (the shared screen shows initials), never the full identity code.
    const checkAudience = async () => {
      const text = await audienceText();
      expect(text).not.toContain(IDENTITY_CODE);
      for (const n of names) expect(text).not.toContain(n);
    };
    expect(await audienceText()).toContain('131052-****');
    // The room sees the item's time against its box too.
    await expect(audience.getByRole('timer')).toBeVisible();
    await checkAudience();

    // Opening: attendance and consent; a speaker note the shared screen never gets.
    await expect(page.getByRole('cell', { name: 'Pekka Lääkäri' })).toBeVisible();
    await expect(page.getByRole('radio', { name: S.purposes.first_assessment })).toBeChecked();
    const note = 'Muista kysyä ajokortista';
    await tabTo(page, page.getByLabel(fill(S.notes.label, { step: S.steps.opening })));
    await page.keyboard.type(note);
    await allSaved(page, S.field.saving);

    for (const step of SESSION_STEPS) {
      if (step !== 'opening') await expect(stepHeading(page, step)).toBeFocused();
      await expect(stepHeading(audience, step)).toBeVisible();
      if (step === 'situation') {
        await expect(page.getByText(RESTRICTED)).toBeVisible();
        expect(await audienceText()).not.toContain(RESTRICTED);
        await tabTo(page, page.getByRole('button', { name: S.situation.revealRestricted }));
        await page.keyboard.press('Enter');
        await expect(audience.getByText(RESTRICTED)).toBeVisible();
        await tabTo(page, page.getByRole('button', { name: S.situation.hideRestricted }));
        await page.keyboard.press('Enter');
        await expect(audience.getByText(RESTRICTED)).toHaveCount(0);
        await page.keyboard.press('Alt+F');
        await page.keyboard.type('Tilanne on vakaa.');
      } else if (step === 'client_view') {
        await page.keyboard.press('Alt+F');
        await page.keyboard.type('Tavoite on realistinen.');
      } else if (step === 'functioning') {
        await page.keyboard.press('Alt+F'); // the first qualifier
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Tab');
        await page.keyboard.type('Väsyy iltapäivisin.');
        await page.keyboard.press('Tab');
        await page.keyboard.type('Unihäiriöitä.');
        await tabTo(page, page.getByLabel(S.icf.addLabel));
        await page.keyboard.type('d999');
        await page.keyboard.press('Enter');
        await expect(page.getByText(fill(S.icf.unknown, { code: 'd999' }))).toBeVisible();
        await page.keyboard.press('Control+A');
        await page.keyboard.type('b152');
        await page.keyboard.press('Enter');
        const added = fill(S.icf.removeLabel, { category: `b152 ${icfCategory('b152')!.names[lang]}` });
        await expect(page.getByRole('button', { name: added })).toBeVisible();
        await expect(audience.getByRole('rowheader', { name: /^b152 / })).toBeVisible();
        await tabTo(page, page.getByRole('button', { name: added }), true);
        await page.keyboard.press('Enter');
        await expect(page.getByRole('button', { name: added })).toHaveCount(0);
        await expect(audience.getByRole('rowheader', { name: /^b152 / })).toHaveCount(0);
        await allSaved(page, S.field.saving);
        await expect(audience.getByRole('cell', { name: 'Unihäiriöitä.' })).toBeVisible();
      } else if (step === 'benefits') {
        await expect(page.getByLabel(fill(S.benefits.statusFor, { benefit: L.prep.background.benefits.labour_market_subsidy }))).toHaveValue('receives');
      } else if (step === 'rehabilitation') {
        await page.keyboard.press('Alt+F');
        await page.keyboard.press('Space');
        await page.keyboard.press('Tab');
        await page.keyboard.type('Selkäkipu rajoittaa.');
      } else if (step === 'conclusion') {
        // Completing too early says what is missing.
        await tabTo(page, page.getByRole('button', { name: S.conclusion.complete }));
        await page.keyboard.press('Enter');
        await expect(page.getByRole('alert')).toContainText(L.errors.assessment_incomplete);
        await page.keyboard.press('Alt+F');
        await page.keyboard.type('Työkyky riittää osa-aikatyöhön kevyellä tuella.');
        await tabTo(page, page.getByLabel(S.conclusion.teamRating));
        await page.keyboard.type('7');
        await tabTo(page, page.getByLabel(S.conclusion.servicePath));
        await page.keyboard.press('ArrowDown');
        await tabTo(page, page.getByRole('radio', { name: S.agreements.agrees, exact: true }));
        await page.keyboard.press('Space');
        await allSaved(page, S.field.saving);
        await expect(page.getByText(S.conclusion.nothingMissing)).toBeVisible();
      }
      await allSaved(page, S.field.saving);
      await expectAccessible(page, `${lang} session: ${step}`);
      await expectAccessible(audience, `${lang} audience: ${step}`);
      await audience.screenshot({ path: `${dir}/audience-${nn(step)}-${step}.png` });
      await checkAudience();
      if (step !== 'sign') await page.keyboard.press('Alt+ArrowRight');
    }
    expect(await audienceText()).not.toContain(note);

    // Presentation mode, back through every step: projector theme, no name, no notes; screenshots.
    await page.keyboard.press('Alt+P');
    await expect(page.getByRole('button', { name: S.presentation })).toHaveAttribute('aria-pressed', 'true');
    for (const step of [...SESSION_STEPS].reverse()) {
      await expect(stepHeading(page, step)).toBeFocused();
      const text = await page.locator('body').innerText();
      for (const n of others) expect(text, `no other client's name in presentation mode (${step})`).not.toContain(n);
      await expect(page.getByRole('heading', { level: 1 })).not.toContainText(names[0]!);
      expect(text).not.toContain(note);
      expect(text).not.toContain(RESTRICTED);
      await expect(page.getByRole('heading', { name: S.notes.title })).toHaveCount(0);
      await expectAccessible(page, `${lang} presentation: ${step}`);
      await page.screenshot({ path: `${dir}/${nn(step)}-${step}.png` });
      if (step === 'sign') {
        // The projector layer covers the workbench: Tab never reaches a control hidden behind it.
        for (let i = 0; i < 25; i++) {
          await page.keyboard.press('Tab');
          // (Past the last control focus leaves the page for the browser's own UI: the body.)
          const inLayer = await page.evaluate(() => document.activeElement === document.body || (document.querySelector('[data-presentation]')?.contains(document.activeElement) ?? false));
          expect(inLayer, 'focus stays on the projector layer').toBe(true);
        }
      }
      if (step !== 'opening') await page.keyboard.press('Alt+ArrowLeft');
    }
    await page.keyboard.press('Alt+P');
    await expect(page.getByText('Liisa Laine').first()).toBeVisible();

    // The help overlay (? outside fields, F1 anywhere) lists every shortcut; Escape closes it.
    await page.keyboard.press('Shift+Slash');
    const help = page.getByRole('dialog', { name: S.help.title });
    await expect(help).toContainText(S.help.actions.lock);
    await expectAccessible(page, `${lang} help`);
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    // Complete case 1 from the conclusion; focus lands on "Next case".
    for (let i = 0; i < SESSION_STEPS.indexOf('conclusion'); i++) await page.keyboard.press('PageDown');
    await expect(stepHeading(page, 'conclusion')).toBeFocused();
    await tabTo(page, page.getByRole('button', { name: S.conclusion.complete }));
    await page.keyboard.press('Enter');
    await expect(page.getByText(S.conclusion.completed)).toBeVisible();
    await expect(page.getByRole('button', { name: S.nextCase }).last()).toBeFocused();
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(fill(S.caseOf, { n: 2, total: 3 })) })).toBeVisible();
    await expect(audience.getByRole('heading', { level: 1, name: new RegExp(`${fill(S.caseOf, { n: 2, total: 3 })} · M\\. M\\.`) })).toBeVisible();
    await checkAudience();
    for (const n of others) expect(await audienceText()).not.toContain(n);

    // A reload mid-step comes back to the same step with what was typed.
    await page.keyboard.press('Alt+ArrowRight');
    await expect(stepHeading(page, 'situation')).toBeFocused();
    await page.keyboard.press('Alt+F');
    await page.keyboard.type('Kirjoitettu ennen uudelleenlatausta.');
    await allSaved(page, S.field.saving);
    await page.reload();
    await openSession(page, L, L.meetings.session.continue);
    await expect(stepHeading(page, 'situation')).toBeVisible();
    await expect(page.getByLabel(S.textFields.situation.note)).toHaveValue('Kirjoitettu ennen uudelleenlatausta.');
    await expect(stepHeading(audience, 'situation')).toBeVisible();

    // A second audience page for the same meeting stands down; the chair's button says one is open.
    const token = await page.evaluate(() => sessionStorage.getItem('tiimipoyta.token'));
    const second = await context.newPage();
    await second.goto(`${audience.url().split('#')[0]}#token=${token}`);
    await expect(second.getByRole('heading', { name: S.audience.duplicateTitle })).toBeVisible();
    await second.close();
    const pages = context.pages().length;
    await tabTo(page, page.getByRole('button', { name: S.audience.open }));
    await page.keyboard.press('Enter');
    await expect(page.getByText(S.audience.alreadyOpen)).toBeVisible();
    expect(context.pages().length).toBe(pages);

    // The meeting ends with case 3 not reached (and case 2 begun): both move to a new meeting,
    // whose agenda then lists them; the finished meeting is its record.
    await page.getByRole('button', { name: S.exit }).click();
    await page.getByRole('button', { name: L.meetings.finish.button }).click();
    const finish = page.getByRole('dialog', { name: L.meetings.finish.title });
    await expect(finish.getByRole('listitem')).toHaveCount(2);
    await finish.getByRole('radio', { name: L.meetings.finish.newMeeting }).check();
    await finish.getByLabel(L.meetings.form.date).fill(dayFromToday(14));
    await finish.getByLabel(L.meetings.form.time).fill('10:00');
    await expectAccessible(page, `${lang} finish meeting`);
    await finish.getByRole('button', { name: L.meetings.finish.confirm }).click();
    await expect(finish).toBeHidden();
    await expect(page.getByRole('row', { name: new RegExp(cases[0]!.caseNumber) })).toContainText(L.meetings.outcomes.assessed);
    await page.getByRole('button', { name: L.meetings.record.openNext }).click();
    await expect(page.getByRole('row', { name: new RegExp(cases[2]!.caseNumber) })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(cases[1]!.caseNumber) })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(cases[0]!.caseNumber) })).toHaveCount(0);

    // Locking empties the shared screen.
    await page.keyboard.press('Control+Shift+L');
    await expect(audience.getByRole('heading', { name: S.audience.locked })).toBeVisible();
    expect(await audienceText()).not.toMatch(/Asia|Ärende|M\. M\./);
  });
}

test('fi: two windows on one case see each other\'s changes; a field someone is in is not changed under them', async ({ page, app, context }) => {
  test.setTimeout(120_000);
  const L = catalogues.fi;
  const S = L.session;
  await createStoreViaUi(page, app.url);
  await seedMeeting(page);
  await openSession(page, L, L.meetings.session.open);
  await page.keyboard.press('Alt+ArrowRight');
  const note = (p: Page) => p.getByLabel(S.textFields.situation.note);
  await expect(note(page)).toBeVisible();

  const other = await context.newPage();
  await other.goto(app.url);
  await openSession(other, L, L.meetings.session.continue);
  await expect(note(other)).toBeVisible();

  // A field nobody is in follows the other window, with its last editor.
  await page.keyboard.press('Alt+F');
  await page.keyboard.type('Ensimmäinen');
  await allSaved(page, S.field.saving);
  await expect(note(other)).toHaveValue('Ensimmäinen');
  await expect(other.getByText(/viimeksi muokannut Aino Ahonen/).first()).toBeVisible();

  // In the field, the other window's change waits; on leaving it, it arrives.
  await other.keyboard.press('Alt+F');
  await expect(note(other)).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Toinen');
  await allSaved(page, S.field.saving);
  await other.waitForTimeout(1500);
  await expect(note(other)).toHaveValue('Ensimmäinen');
  await other.keyboard.press('Tab');
  await expect(note(other)).toHaveValue('Toinen');

  // The last write wins: the other window adds to it, and this one takes it when it leaves the field.
  await other.keyboard.press('Alt+F');
  await other.keyboard.press('End');
  await other.keyboard.type(' ja lisäys');
  await allSaved(other, S.field.saving);
  await expect(note(page)).toHaveValue('Toinen');
  await page.keyboard.press('Tab');
  await expect(note(page)).toHaveValue('Toinen ja lisäys');
});

test('fi: consent that no longer covers the table: a reason to proceed is required, or the case leaves the agenda', async ({ page, app }) => {
  test.setTimeout(120_000);
  const L = catalogues.fi;
  const S = L.session;
  await createStoreViaUi(page, app.url);
  await seedMeeting(page, { withdrawConsent: [0, 1] });
  await openSession(page, L, L.meetings.session.open);
  await expect(page.getByText(S.opening.consentWarningTitle, { exact: true })).toBeVisible();
  await expect(page.getByText(`${L.prep.consent.orgs.kela}: ${S.opening.notCovered}`).or(page.getByText(`${L.prep.consent.orgs.county_social_care}: ${S.opening.notCovered}`)).first()).toBeVisible();
  await expectAccessible(page, 'opening with a consent warning');

  // The reason is on the checklist until it is written.
  await page.keyboard.press('Alt+F');
  await expect(page.getByLabel(S.textFields.opening.consentReason)).toBeFocused();
  await page.keyboard.type('Asiakas antoi suullisen suostumuksen kokouksessa; kirjallinen haetaan.');
  await allSaved(page, S.field.saving);
  for (let i = 0; i < SESSION_STEPS.indexOf('conclusion'); i++) await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByRole('listitem').filter({ hasText: S.missing.consentReason })).toHaveCount(0);
  await expect(page.getByRole('listitem').filter({ hasText: S.textFields.conclusion.statement })).toBeVisible();

  // Case 2: taken off the agenda with a reason; the session goes on to case 3.
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(fill(S.caseOf, { n: 2, total: 3 })) })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: S.opening.drop }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: S.opening.dropTitle });
  await expect(dialog.getByLabel(S.opening.dropReason)).toBeFocused();
  await page.keyboard.type('Suostumus peruttu.');
  await expectAccessible(page, 'remove from agenda');
  await tabTo(page, dialog.getByRole('button', { name: S.opening.dropConfirm }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(fill(S.caseOf, { n: 3, total: 3 })) })).toBeVisible();
  await expect(page.getByText(S.opening.consentWarningTitle, { exact: true })).toHaveCount(0);
});
