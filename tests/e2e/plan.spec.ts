/**
 * Steps 8–10 as a team runs them (issue 6): from the completed conclusion, two goals and four
 * actions from the catalogue, a coordinator chosen seeing everyone's caseload, the quorum check
 * (Kela is required and absent, so the chair records why the team decides anyway), three members
 * signing with their own passwords (one mistypes first) and the client drawing their signature;
 * the version locks, every signature verifies, and a revision makes version 2 a draft while
 * version 1 stays readable as superseded. axe on every screen.
 */
import type { Page } from '@playwright/test';
import { catalogues } from '../../shared/i18n/index.js';
import { dayFromToday, invokeInPage, seedReadyCase, writeConclusion } from './api.js';
import { createStoreViaUi, expect, expectAccessible, PASSWORD, test } from './fixtures.js';
import { chooseRadio, tabTo, typeDate } from './keyboard.js';
import { meetingToday } from './plan-seed.js';

const L = catalogues.fi;
const P = L.plans;
const G = L.signing;
const C = L.coordination;
const S = L.session;
const PEKKA_PASSWORD = 'lääkärin oma salasana';
const OUTI_PASSWORD = 'työllisyyden salasana 7';

const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(v[k]));

interface Seed {
  /** Outi follows the meeting remotely (the chair confirms her) or sits at the table. */
  outi: 'present' | 'remote';
  requiredSectors: string[];
  /** Where the shared screen is: the conclusion still to be marked done, or the plan step after it. */
  at: 'conclusion' | 'plan';
}

/** A team of three with accounts and a Kela adviser without one; a meeting today with the case, started. */
async function seedMeeting(page: Page, seed: Seed): Promise<{ meetingId: string; itemId: string; caseId: string; clientId: string }> {
  const c = await seedReadyCase(page, 'Liisa Laine', { identityCode: '131052-308T' });
  const aino = (await invokeInPage<{ user: { id: string } }>(page, 'app.status')).user.id;
  const user = (username: string, displayName: string, profession: string, organisation: string, password: string) =>
    invokeInPage<{ id: string }>(page, 'users.create', { username, displayName, profession, organisation, role: 'team_member', password });
  const pekka = await user('pekka', 'Pekka Lääkäri', 'physician', 'Terveysasema', PEKKA_PASSWORD);
  const outi = await user('outi', 'Outi Työnen', 'employment_expert', 'Työllisyyspalvelut', OUTI_PASSWORD);
  const { meetingId, itemId } = await meetingToday(page, {
    caseId: c.caseId,
    chairId: aino,
    requiredSectors: seed.requiredSectors,
    externals: [{ name: 'Kaisa Kelanen', organisation: 'Kela', profession: 'kela_adviser' }],
    seats: [
      { userId: aino, name: 'Aino Ahonen', profession: 'social_worker', organisation: 'Hyvinvointialue' },
      { userId: pekka.id, name: 'Pekka Lääkäri', profession: 'physician', organisation: 'Terveysasema' },
      { userId: outi.id, name: 'Outi Työnen', profession: 'employment_expert', organisation: 'Työllisyyspalvelut', status: seed.outi },
      { userId: null, externalIndex: 0, name: 'Kaisa Kelanen', profession: 'kela_adviser', organisation: 'Kela', status: 'absent' },
    ],
  });
  // Steps 1–7 are the session spec's subject: here the conclusion is already written.
  await writeConclusion(page, meetingId, itemId, 'Työkyky riittää osa-aikatyöhön tuettuna.', { complete: seed.at === 'plan' });
  return { meetingId, itemId, caseId: c.caseId, clientId: c.clientId };
}

const stepHeading = (page: Page, step: keyof typeof S.steps, n: number, session = S) => page.getByRole('heading', { level: 2, name: fill(session.stepOf, { n, total: 10, name: session.steps[step] }) });

async function allSaved(page: Page, saving = L.prep.saving): Promise<void> {
  await expect(page.getByText(saving, { exact: true })).toHaveCount(0, { timeout: 10_000 });
}

/** Adds an action from the catalogue: searched by `search`, serving the goals numbered in `goals`. */
async function addAction(page: Page, n: number, search: string, service: string, dates: { start: string; due: string }, goals: number[]): Promise<void> {
  const item = fill(P.actions.item, { n });
  await page.getByRole('button', { name: P.actions.add }).click();
  const serviceBox = page.getByRole('combobox', { name: `${item} ${P.actions.service}`, exact: true });
  await expect(serviceBox).toBeFocused();
  await page.keyboard.type(search);
  await page.getByRole('option', { name: service }).click();
  await expect(serviceBox).toHaveValue(service);
  await page.getByRole('textbox', { name: `${item} ${P.actions.responsible}`, exact: true }).fill(n % 2 ? 'Outi Työnen' : 'Pekka Lääkäri');
  await page.getByRole('textbox', { name: `${item} ${P.actions.startDate}`, exact: true }).fill(dates.start);
  await page.getByRole('textbox', { name: `${item} ${P.actions.dueDate}`, exact: true }).fill(dates.due);
  const goalPicker = page.getByRole('combobox', { name: `${item} ${P.actions.goals}` });
  await goalPicker.click();
  for (const g of goals) await page.getByRole('option', { name: new RegExp(`^${g}\\.`) }).click();
  await page.keyboard.press('Escape');
}

test('a team writes the plan, names the coordinator, signs it round the table, and revises it', async ({ page, app }) => {
  test.setTimeout(150_000);
  await createStoreViaUi(page, app.url);
  const { caseId, clientId } = await seedMeeting(page, { outi: 'present', requiredSectors: ['social_care', 'health_care', 'employment_services', 'kela'], at: 'conclusion' });

  // The session opens at the conclusion; the team marks the case discussed and moves to the plan.
  await page.getByRole('navigation').getByRole('button', { name: L.shell.nav.meetings, exact: true }).click();
  await page.getByRole('button', { name: new RegExp(`^${fill(L.meetings.open, { when: '.*', team: 'Jyväskylän työkykytiimi' })}$`) }).click();
  await page.getByRole('button', { name: L.meetings.session.continue }).click();
  await expect(stepHeading(page, 'conclusion', 7)).toBeFocused();
  await page.getByRole('button', { name: S.conclusion.complete }).click();
  await expect(page.getByText(S.conclusion.completedLast)).toBeVisible();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(stepHeading(page, 'plan', 8)).toBeFocused();

  // Step 8: the plan, started from the conclusion.
  await page.getByRole('button', { name: P.start }).click();
  await page.getByRole('button', { name: P.goals.add }).click();
  await expect(page.getByRole('textbox', { name: `${fill(P.goals.item, { n: 1 })} ${P.goals.text}`, exact: true })).toBeFocused();
  await page.keyboard.type('Liisa aloittaa osa-aikatyön kaupan alalla kevään aikana.');
  await page.getByRole('radiogroup', { name: `${fill(P.goals.item, { n: 1 })} ${P.goals.acceptance}` }).getByLabel(P.acceptances.agrees, { exact: true }).check();
  await page.getByRole('textbox', { name: `${fill(P.goals.item, { n: 1 })} ${P.goals.progressMeasure}`, exact: true }).fill('Työsopimus allekirjoitettu.');
  await page.getByRole('button', { name: P.goals.add }).click();
  await expect(page.getByRole('textbox', { name: `${fill(P.goals.item, { n: 2 })} ${P.goals.text}`, exact: true })).toBeFocused();
  await page.keyboard.type('Selkäkipu on hallinnassa niin, että seisominen onnistuu neljä tuntia.');
  await page.getByRole('radiogroup', { name: `${fill(P.goals.item, { n: 2 })} ${P.goals.acceptance}` }).getByLabel(P.acceptances.partly, { exact: true }).check();
  // Not fully agreeing: the client's own words are asked for.
  await page.getByRole('textbox', { name: `${fill(P.goals.item, { n: 2 })} ${P.goals.clientWords}`, exact: true }).fill('Kipu vaihtelee, neljä tuntia voi olla liikaa aluksi.');

  const start = dayFromToday(7);
  await addAction(page, 1, 'IPS', 'Tuetun työllistymisen työhönvalmennus (IPS)', { start, due: dayFromToday(120) }, [1]);
  await addAction(page, 2, 'Työkok', 'Työkokeilu', { start, due: dayFromToday(90) }, [1]);
  await addAction(page, 3, 'Lääkinnäll', 'Lääkinnällinen kuntoutus', { start, due: dayFromToday(60) }, [2]);
  // A due date before the start is caught at the field, and corrected.
  await addAction(page, 4, 'Talous', 'Talous- ja velkaneuvonta', { start, due: dayFromToday(3) }, [1, 2]);
  await expect(page.getByText(P.actions.dueBeforeStart).first()).toBeVisible();
  await page.getByRole('textbox', { name: `${fill(P.actions.item, { n: 4 })} ${P.actions.dueDate}`, exact: true }).fill(dayFromToday(45));
  await expect(page.getByText(P.actions.dueBeforeStart)).toHaveCount(0);
  await allSaved(page);
  // Only the coordinator is missing now (step 9).
  await expect(page.getByText(P.problems.codes.coordinator_missing)).toBeVisible();
  await expectAccessible(page, 'plan step with two goals and four actions');

  // Step 9: the coordinator, chosen seeing each candidate's caseload.
  await page.keyboard.press('Alt+ArrowRight');
  await expect(stepHeading(page, 'coordinator', 9)).toBeFocused();
  await expect(page.getByText(fill(C.caseload_other, { count: 0 })).first()).toBeVisible();
  await page.getByRole('radio', { name: 'Outi Työnen' }).check();
  await page.getByRole('radio', { name: C.types.work_ability_coordinator }).check();
  await page.getByRole('button', { name: C.save }).click();
  await expect(page.getByText(fill(C.saved, { name: 'Outi Työnen' }))).toBeVisible();
  await expectAccessible(page, 'coordinator step');

  // Step 10: the quorum check. Kela is required and nobody from Kela is here.
  await page.keyboard.press('Alt+ArrowRight');
  await expect(stepHeading(page, 'sign', 10)).toBeFocused();
  await expect(page.getByText(fill(G.quorum.missing, { sectors: L.meetings.sectors.kela }))).toBeVisible();
  await page.getByRole('button', { name: G.quorum.freeze }).click();
  await expect(page.getByText(G.quorum.reasonRequired)).toBeVisible();
  await page.getByLabel(G.quorum.reason).fill('Kelan asiantuntija kuultiin puhelimitse ennen kokousta; Kelan etuuksiin ei tehdä päätöksiä.');
  await page.getByRole('button', { name: G.quorum.freeze }).click();
  await expect(page.getByText(fill(G.round.progress_other, { given: 0, count: 4 }))).toBeVisible();
  await expect(page.getByText(G.round.absent)).toBeVisible();
  await expectAccessible(page, 'signing round, frozen');

  // Each member steps up and signs with their own password; a mistyped one is refused and counted.
  const dialog = page.getByRole('dialog');
  const sign = async (name: string, password: string) => {
    await page.getByRole('button', { name: fill(G.round.signAs, { name }) }).click();
    await expect(dialog.getByLabel(fill(G.dialog.password, { name }))).toBeFocused();
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
  };
  await sign('Pekka Lääkäri', 'väärä salasana');
  await expect(dialog.getByText(fill(G.wrongPassword, { attempt: 1, max: 5 }))).toBeVisible();
  await expect(dialog.getByLabel(fill(G.dialog.password, { name: 'Pekka Lääkäri' }))).toHaveValue('');
  await expectAccessible(page, 'signing dialog with a wrong password');
  await page.keyboard.type(PEKKA_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await sign('Aino Ahonen', PASSWORD);
  await expect(dialog).toHaveCount(0);
  await sign('Outi Työnen', OUTI_PASSWORD);
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(fill(G.round.progress_other, { given: 3, count: 4 }))).toBeVisible();
  await expect(page.getByRole('button', { name: fill(G.round.signAs, { name: 'Pekka Lääkäri' }) })).toHaveCount(0);

  // The client draws their signature; the chair's password binds it to this version.
  await page.getByRole('button', { name: G.round.clientSigns }).click();
  const pad = dialog.getByRole('img', { name: G.clientDialog.padLabel });
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 0; i < 30; i++) await page.mouse.move(box.x + 30 + i * 10, box.y + box.height / 2 + Math.sin(i / 3) * 30);
  await page.mouse.up();
  await expectAccessible(page, 'client signature dialog');
  await dialog.getByLabel(G.dialog.chairPassword, { exact: false }).fill(PASSWORD);
  await dialog.getByRole('button', { name: G.clientDialog.submit }).click();
  await expect(dialog).toHaveCount(0);

  // Locked: every signature recomputed and valid, the drawn image shown.
  await expect(page.getByText(new RegExp(fill(G.signed.lockedTitle, { version: 1, when: '.*' })))).toBeVisible();
  await expect(page.getByText(fill(G.list.summary_other, { valid: 4, count: 4 }))).toBeVisible();
  await expect(page.getByRole('img', { name: fill(G.list.drawnAlt, { name: 'Liisa Laine' }) })).toBeVisible();
  await expectAccessible(page, 'signed and locked');
  const plan = await invokeInPage<{ planId: string }>(page, 'plans.forCase', { caseId });
  const verified = await invokeInPage<{ versions: { version: number; valid: boolean | null; signatures: unknown[] }[] }>(page, 'plans.verify', { planId: plan.planId });
  expect(verified.versions).toEqual([expect.objectContaining({ version: 1, valid: true })]);
  expect(verified.versions[0]!.signatures).toHaveLength(4);
  const cases = await invokeInPage<{ id: string; status: string }[]>(page, 'cases.listForClient', { clientId });
  expect(cases.find((c) => c.id === caseId)?.status).toBe('plan_signed');

  // A change needs a new version: version 2 is a draft, version 1 readable and superseded.
  await page.getByRole('button', { name: G.signed.revise }).click();
  await page.keyboard.press('Alt+ArrowLeft');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(stepHeading(page, 'plan', 8)).toBeFocused();
  await expect(page.locator('[data-plan-version="2"][data-plan-state="draft"]')).toBeVisible();
  await expect(page.getByRole('textbox', { name: `${fill(P.goals.item, { n: 1 })} ${P.goals.text}`, exact: true })).toHaveValue('Liisa aloittaa osa-aikatyön kaupan alalla kevään aikana.');
  await page.getByLabel(P.versionPicker).selectOption({ label: fill(P.versionOption, { version: 1, state: P.states.superseded }) });
  await expect(page.locator('[data-plan-version="1"][data-plan-state="superseded"]')).toBeVisible();
  await expect(page.getByText(fill(P.stateNote.superseded, { next: 2 }))).toBeVisible();
  await expect(page.getByText('Selkäkipu on hallinnassa niin, että seisominen onnistuu neljä tuntia.')).toBeVisible();
  await expectAccessible(page, 'version 1 superseded, read only');
});

test('på svenska, med tangentbordet: planen, samordnaren, en distansdeltagare bekräftad av ordföranden och muntligt godkännande', async ({ page, app, context }) => {
  test.setTimeout(150_000);
  const V = catalogues.sv;
  await createStoreViaUi(page, app.url);
  const { caseId } = await seedMeeting(page, { outi: 'remote', requiredSectors: ['social_care', 'health_care', 'employment_services'], at: 'plan' });
  await page.getByText('Svenska', { exact: true }).click();
  await page.getByRole('navigation').getByRole('button', { name: V.shell.nav.meetings, exact: true }).click();
  await page.getByRole('button', { name: new RegExp(`^${fill(V.meetings.open, { when: '.*', team: 'Jyväskylän työkykytiimi' })}$`) }).click();
  await page.getByRole('button', { name: V.meetings.session.continue }).click();
  // From here on, the keyboard only.
  await expect(stepHeading(page, 'plan', 8, V.session)).toBeFocused();
  const key = (k: string) => page.keyboard.press(k);

  await tabTo(page, page.getByRole('button', { name: V.plans.start }));
  await key('Enter');
  await tabTo(page, page.getByRole('button', { name: V.plans.goals.add }));
  await key('Enter');
  await expect(page.getByRole('textbox', { name: `${fill(V.plans.goals.item, { n: 1 })} ${V.plans.goals.text}`, exact: true })).toBeFocused();
  await page.keyboard.type('Liisa börjar arbeta deltid inom handeln.');
  await chooseRadio(page, page.getByRole('radiogroup', { name: `${fill(V.plans.goals.item, { n: 1 })} ${V.plans.goals.acceptance}` }), V.plans.acceptances.agrees);
  await expect(page.getByRole('radio', { name: V.plans.acceptances.agrees, exact: true })).toBeChecked();
  // One goal: a new action serves it without being told.
  await tabTo(page, page.getByRole('button', { name: V.plans.actions.add }));
  await key('Enter');
  const action = fill(V.plans.actions.item, { n: 1 });
  await expect(page.getByRole('combobox', { name: `${action} ${V.plans.actions.service}`, exact: true })).toBeFocused();
  await page.keyboard.type('Arbetspröv');
  await key('ArrowDown');
  await key('Enter');
  await expect(page.getByRole('combobox', { name: `${action} ${V.plans.actions.service}`, exact: true })).toHaveValue('Arbetsprövning');
  await tabTo(page, page.getByRole('textbox', { name: `${action} ${V.plans.actions.responsible}`, exact: true }));
  await page.keyboard.type('Outi Työnen');
  for (const [field, days] of [[V.plans.actions.startDate, 7], [V.plans.actions.dueDate, 90]] as const) {
    await tabTo(page, page.getByRole('textbox', { name: `${action} ${field}`, exact: true }));
    await typeDate(page, dayFromToday(days));
  }
  await expect(page.getByRole('textbox', { name: `${action} ${V.plans.actions.dueDate}`, exact: true })).toHaveValue(dayFromToday(90));
  await allSaved(page, V.prep.saving);
  await expect(page.getByText(V.plans.problems.codes.coordinator_missing)).toBeVisible();

  // Step 9 by keyboard: a team member, the role, save.
  await key('Alt+ArrowRight');
  await expect(stepHeading(page, 'coordinator', 9, V.session)).toBeFocused();
  await chooseRadio(page, page.getByRole('radiogroup', { name: V.coordination.who }), 'Pekka Lääkäri');
  await chooseRadio(page, page.getByRole('radiogroup', { name: V.coordination.type }), V.coordination.types.own_worker);
  await tabTo(page, page.getByRole('button', { name: V.coordination.save }));
  await key('Enter');
  await expect(page.getByText(fill(V.coordination.saved, { name: 'Pekka Lääkäri' }))).toBeVisible();

  // Step 10: everyone required is here (Outi remotely); freeze and sign round the table.
  await key('Alt+ArrowRight');
  await expect(stepHeading(page, 'sign', 10, V.session)).toBeFocused();
  await expect(page.getByText(V.signing.quorum.allPresent)).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: V.signing.quorum.freeze }));
  await key('Enter');
  await expect(page.getByText(fill(V.signing.round.progress_other, { given: 0, count: 4 }))).toBeVisible();

  // The shared screen follows the round: ticks and names, no client name, no buttons.
  await tabTo(page, page.getByRole('button', { name: V.session.audience.open }), true);
  const [audience] = await Promise.all([context.waitForEvent('page'), key('Enter')]);
  await expect(stepHeading(audience, 'sign', 10, V.session)).toBeVisible({ timeout: 15_000 });
  await expect(audience.getByRole('button')).toHaveCount(0);

  const dialog = page.getByRole('dialog');
  for (const [name, password] of [['Pekka Lääkäri', PEKKA_PASSWORD], ['Aino Ahonen', PASSWORD]] as const) {
    await tabTo(page, page.getByRole('button', { name: fill(V.signing.round.signAs, { name }) }));
    await key('Enter');
    await expect(dialog.getByLabel(fill(V.signing.dialog.password, { name }))).toBeFocused();
    await page.keyboard.type(password);
    await key('Enter');
    await expect(dialog).toHaveCount(0);
  }
  // Outi is remote: the chair confirms her with the chair's own password.
  await tabTo(page, page.getByRole('button', { name: fill(V.signing.round.confirmFor, { name: 'Outi Työnen' }) }));
  await key('Enter');
  await page.keyboard.type(PASSWORD);
  await key('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(audience.getByText('Outi Työnen')).toBeVisible();

  // The client cannot draw here: oral agreement, witnessed, recorded by the chair.
  await tabTo(page, page.getByRole('button', { name: V.signing.round.clientSigns }));
  await key('Enter');
  await expect(dialog).toBeVisible();
  await chooseRadio(page, dialog.getByRole('radiogroup', { name: V.signing.clientDialog.method }), V.signing.clientDialog.oral);
  await tabTo(page, dialog.getByRole('combobox', { name: V.signing.clientDialog.witness }));
  await page.keyboard.type('Pekka Lääkäri');
  await tabTo(page, dialog.getByLabel(V.signing.dialog.chairPassword, { exact: false }));
  await page.keyboard.type(PASSWORD);
  await key('Enter');
  await expect(dialog).toHaveCount(0);

  await expect(page.getByText(new RegExp(fill(V.signing.signed.lockedTitle, { version: 1, when: '.*' })))).toBeVisible();
  await expect(page.getByText(fill(V.signing.list.summary_other, { valid: 4, count: 4 }))).toBeVisible();
  await expectAccessible(page, 'sv signed by keyboard');
  await expect(audience.getByText(V.signing.clientLabel).first()).toBeVisible();
  expect(await audience.locator('body').innerText()).not.toContain('Liisa');
  await expectAccessible(audience, 'sv audience after signing');
  const plan = await invokeInPage<{ planId: string }>(page, 'plans.forCase', { caseId });
  const verified = await invokeInPage<{ versions: { valid: boolean | null; signatures: { kind: string }[] }[] }>(page, 'plans.verify', { planId: plan.planId });
  expect(verified.versions[0]!.valid).toBe(true);
  expect(verified.versions[0]!.signatures.map((x) => x.kind).sort()).toEqual(['client_oral', 'confirmed', 'member', 'member']);
});
