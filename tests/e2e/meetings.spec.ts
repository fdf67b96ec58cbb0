import type { Locator, Page } from '@playwright/test';
import { dayFromToday, invokeInPage, seedReadyCase } from './api.js';
import { createStoreViaUi, expect, expectAccessible, test } from './fixtures.js';

/** The agenda's case numbers, top to bottom. */
async function agendaOrder(page: Page): Promise<string[]> {
  return page.locator('[data-testid^="agenda-row-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!.replace('agenda-row-', '')));
}

async function pickOption(page: Page, field: Locator, option: string | RegExp): Promise<void> {
  await field.click();
  await page.getByRole('option', { name: option }).click();
}

async function setAttendance(dialog: Locator, name: string, status: string): Promise<void> {
  await dialog.getByRole('radiogroup', { name: `Läsnäolo: ${name}` }).getByText(status, { exact: true }).click();
}

async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
}

test('a team meeting: team, schedule, agenda ordered by keyboard, buttons and drag, attendance, finish with a case carried over', async ({ page, app }) => {
  test.setTimeout(180_000);
  await createStoreViaUi(page, app.url);
  const cases = [await seedReadyCase(page, 'Liisa Laine'), await seedReadyCase(page, 'Matti Mäki'), await seedReadyCase(page, 'Sanna Salo')];
  const [n1, n2, n3] = cases.map((c) => c.caseNumber) as [string, string, string];

  // No team yet: the administrator is told where to make one.
  await nav(page, 'Kokoukset');
  await expect(page.getByRole('heading', { name: 'Kokoukset', level: 1 })).toBeVisible();
  await expect(page.getByText('Luo tiimi kohdassa Ylläpito → Tiimit.')).toBeVisible();
  await expectAccessible(page, 'meetings: no team');

  // Administration → Teams: the administrator and two external regulars.
  await nav(page, 'Ylläpito');
  await page.getByRole('tab', { name: 'Tiimit' }).click();
  await page.getByRole('button', { name: 'Uusi tiimi' }).click();
  const teamDialog = page.getByRole('dialog', { name: 'Uusi tiimi' });
  await teamDialog.getByLabel('Tiimin nimi').fill('Jyväskylän työkykytiimi');
  await pickOption(page, teamDialog.getByRole('textbox', { name: 'Jäsenet' }).or(teamDialog.getByRole('combobox', { name: 'Jäsenet' })).first(), /Aino Ahonen/);
  await teamDialog.getByRole('heading', { name: 'Uusi tiimi' }).click(); // closes the dropdown
  await teamDialog.getByRole('button', { name: 'Lisää ulkopuolinen' }).click();
  await teamDialog.getByRole('button', { name: 'Lisää ulkopuolinen' }).click();
  const ext1 = teamDialog.getByRole('group', { name: 'Ulkopuolinen 1' });
  await ext1.getByLabel('Nimi').fill('Kaisa Kettunen');
  await ext1.getByLabel('Organisaatio').fill('Kela');
  const ext2 = teamDialog.getByRole('group', { name: 'Ulkopuolinen 2' });
  await ext2.getByLabel('Nimi').fill('Hanna Hoitaja');
  await ext2.getByLabel('Organisaatio').fill('Terveysasema');
  await pickOption(page, ext2.getByRole('textbox', { name: 'Ammatti' }).or(ext2.getByRole('combobox', { name: 'Ammatti' })).first(), 'Sairaanhoitaja tai terveydenhoitaja');
  await expect(teamDialog.getByRole('checkbox', { name: 'Sosiaalihuolto' })).toBeChecked();
  await expect(teamDialog.getByRole('checkbox', { name: 'Työllisyyspalvelut' })).toBeChecked();
  await expect(teamDialog.getByLabel('Aikaraja, uusi asia (min)')).toHaveValue('20');
  await expectAccessible(page, 'new team');
  await teamDialog.getByRole('button', { name: 'Tallenna tiimi' }).click();
  await expect(teamDialog).toBeHidden();
  const teamRow = page.getByRole('row', { name: /Jyväskylän työkykytiimi/ });
  await expect(teamRow).toContainText('Kaisa Kettunen · Kelan työkykyneuvoja · Kela');
  await expect(teamRow).toContainText('Aino Ahonen · Sosiaalityöntekijä');
  await expectAccessible(page, 'administration: teams');

  // Schedule a meeting.
  await nav(page, 'Kokoukset');
  await expect(page.getByText('Tulevia kokouksia ei ole.')).toBeVisible();
  await page.getByRole('button', { name: 'Uusi kokous' }).click();
  const newMeeting = page.getByRole('dialog', { name: 'Uusi kokous' });
  await newMeeting.getByLabel('Päivä').fill(dayFromToday(1));
  await newMeeting.getByLabel('Kellonaika').fill('09:30');
  await newMeeting.getByLabel('Paikka tai etäyhteys').fill('Neuvotteluhuone Kuusi');
  await expect(newMeeting.getByRole('textbox', { name: 'Puheenjohtaja' }).or(newMeeting.getByRole('combobox', { name: 'Puheenjohtaja' })).first()).toHaveValue(/Aino Ahonen/);
  await expectAccessible(page, 'new meeting');
  await newMeeting.getByRole('button', { name: 'Luo kokous' }).click();
  await expect(page.getByRole('heading', { name: /^Kokous \d{1,2}\.\d{1,2}\.\d{4} 09\.30$/, level: 1 })).toBeVisible();

  // The agenda: three ready cases, in the order added.
  for (const c of cases) await page.getByRole('button', { name: `Lisää asia ${c.caseNumber} (${c.name}) asialistalle` }).click();
  await expect(page.getByText('Lisättäviä asioita ei ole.')).toBeVisible();
  await expect.poll(() => agendaOrder(page)).toEqual([n1, n2, n3]);
  await expectAccessible(page, 'meeting: scheduled');

  // By keyboard: Alt+ArrowDown on a focused row.
  await page.getByTestId(`agenda-row-${n1}`).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => agendaOrder(page)).toEqual([n2, n1, n3]);
  await expect(page.getByRole('status').filter({ hasText: `Asia ${n1} on nyt kohdassa 2/3.` })).toBeAttached();
  await expect(page.getByTestId(`agenda-row-${n1}`)).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => agendaOrder(page)).toEqual([n2, n3, n1]);
  // By the move buttons, named for their case.
  await page.getByRole('button', { name: `Siirrä asia ${n1} ylös` }).click();
  await page.getByRole('button', { name: `Siirrä asia ${n1} ylös` }).click();
  await expect.poll(() => agendaOrder(page)).toEqual([n1, n2, n3]);
  await expect(page.getByRole('button', { name: `Siirrä asia ${n1} ylös` })).toBeDisabled();
  await page.getByRole('button', { name: `Siirrä asia ${n3} ylös` }).click();
  await expect.poll(() => agendaOrder(page)).toEqual([n1, n3, n2]);
  // By dragging the handle (native drag and drop).
  await page.getByTestId(`drag-${n2}`).dragTo(page.getByTestId(`agenda-row-${n3}`), { targetPosition: { x: 40, y: 4 } });
  await expect.poll(() => agendaOrder(page)).toEqual([n1, n2, n3]);

  // A time box.
  const timeBox = page.getByRole('textbox', { name: `Aikaraja minuutteina, asia ${n1}` });
  await timeBox.fill('25');
  await timeBox.press('Enter');
  await expect(page.getByText('Aikaa yhteensä 65 min')).toBeVisible();

  // The order and the time box are stored: leave and come back.
  await page.getByRole('button', { name: 'Takaisin kokouksiin' }).click();
  const meetingLink = page.getByRole('button', { name: /^Avaa kokous .*09\.30, Jyväskylän työkykytiimi$/ });
  await expect(page.getByRole('row', { name: /Jyväskylän työkykytiimi/ })).toContainText('Suunniteltu');
  await expectAccessible(page, 'meetings list');
  await meetingLink.click();
  await expect.poll(() => agendaOrder(page)).toEqual([n1, n2, n3]);
  await expect(page.getByRole('textbox', { name: `Aikaraja minuutteina, asia ${n1}` })).toHaveValue('25');

  // Start: nobody present is refused; then the attendance is recorded.
  await page.getByRole('button', { name: 'Aloita kokous' }).click();
  const start = page.getByRole('dialog', { name: 'Aloita kokous: läsnäolo' });
  await expect(start.getByRole('row', { name: /Kaisa Kettunen/ })).toContainText('Kelan työkykyneuvoja');
  await expect(start.getByRole('row', { name: /Hanna Hoitaja/ })).toContainText('Terveysasema');
  await expectAccessible(page, 'start: attendance');
  for (const name of ['Aino Ahonen', 'Kaisa Kettunen', 'Hanna Hoitaja']) await setAttendance(start, name, 'Poissa');
  await start.getByRole('button', { name: 'Aloita kokous' }).click();
  await expect(start.getByRole('alert')).toHaveText('Kukaan ei ole paikalla. Merkitse ainakin yksi läsnä oleva tai etänä osallistuva.');
  await expectAccessible(page, 'start: no one present');
  await setAttendance(start, 'Aino Ahonen', 'Paikalla');
  await setAttendance(start, 'Kaisa Kettunen', 'Etänä');
  await setAttendance(start, 'Hanna Hoitaja', 'Paikalla');
  await start.getByRole('button', { name: 'Aloita kokous' }).click();
  await expect(start).toBeHidden();
  await expect(page.getByText('Käynnissä', { exact: true })).toBeVisible();
  await expect(page.getByText('2 paikalla, 1 etänä, 0 poissa')).toBeVisible();
  // Nobody from employment services: the team is warned; a guest from there fixes it.
  await expect(page.getByText(/Paikalla tai etänä ei ole ketään näistä: Työllisyyspalvelut\./)).toBeVisible();
  await expectAccessible(page, 'meeting: in progress');
  await page.getByRole('button', { name: 'Muokkaa läsnäoloa' }).click();
  const edit = page.getByRole('dialog', { name: 'Muokkaa läsnäoloa' });
  await edit.getByRole('button', { name: 'Lisää vieras' }).click();
  await edit.getByLabel('Vieras 1: nimi').fill('Olli Ohjaaja');
  await edit.getByLabel('Vieras 1: organisaatio').fill('Työllisyyspalvelut');
  await pickOption(page, edit.getByRole('textbox', { name: 'Vieras 1: ammatti' }).or(edit.getByRole('combobox', { name: 'Vieras 1: ammatti' })).first(), 'Työllisyyspalvelujen asiantuntija');
  await expectAccessible(page, 'attendance: guest');
  await edit.getByRole('button', { name: 'Tallenna läsnäolo' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByText('3 paikalla, 1 etänä, 0 poissa')).toBeVisible();
  await expect(page.getByText(/Paikalla tai etänä ei ole ketään näistä/)).toHaveCount(0);

  // The session replaces the meeting page, across the whole width, and comes back.
  await page.getByRole('button', { name: 'Avaa arviointi' }).click();
  await expect(page.getByRole('navigation', { name: 'Päävalikko' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Poistu istunnosta' }).click();
  await expect(page.getByRole('navigation', { name: 'Päävalikko' })).toBeVisible();

  // Case 1 is assessed (through the backend, as the session would), case 2 is taken off with a reason.
  const [meeting] = await invokeInPage<{ id: string }[]>(page, 'meetings.list', { when: 'upcoming' });
  const detail = await invokeInPage<{ items: { id: string; caseNumber: string }[] }>(page, 'meetings.get', { meetingId: meeting!.id });
  const item1 = detail.items.find((i) => i.caseNumber === n1)!.id;
  await invokeInPage(page, 'assessment.get', { itemId: item1 });
  for (const change of [
    { kind: 'text', field: 'conclusion.statement', value: 'Osatyökykyinen, tuettu työllistyminen sopii.' },
    { kind: 'teamRating', value: 6 },
    { kind: 'servicePath', value: 'supported_employment' },
    { kind: 'clientAgreement', value: 'agrees' },
  ]) {
    await invokeInPage(page, 'assessment.change', { itemId: item1, change });
  }
  await invokeInPage(page, 'meetings.completeItem', { itemId: item1 });
  // (A case taken off can join again: it is offered below the agenda, so look in the agenda itself.)
  const agenda = page.getByRole('table', { name: 'Asialista', exact: true });
  await expect(agenda.getByRole('row', { name: new RegExp(n1) })).toContainText('Arvioitu');
  await page.getByRole('button', { name: `Poista asia ${n2} asialistalta` }).click();
  const drop = page.getByRole('dialog', { name: `Poistetaanko asia ${n2} asialistalta?` });
  await drop.getByLabel('Syy').fill('Asiakas perui osallistumisensa.');
  await drop.getByRole('button', { name: 'Poista asialistalta' }).click();
  await expect(drop).toBeHidden();
  await expect(agenda.getByRole('row', { name: new RegExp(n2) })).toContainText('Poistettu asialistalta');
  await expect(page.getByRole('button', { name: new RegExp(`^Lisää asia ${n2}`) })).toBeVisible();

  // Finish: case 3 was not reached and goes to a new meeting.
  await page.getByRole('button', { name: 'Päätä kokous' }).click();
  const finish = page.getByRole('dialog', { name: 'Päätä kokous' });
  await expect(finish).toContainText('1 asia jäi käsittelemättä:');
  await expect(finish.getByRole('listitem')).toHaveText([`${n3} Sanna Salo`]);
  await expect(finish.getByRole('radio', { name: 'Tiimin seuraavaan suunniteltuun kokoukseen' })).toBeDisabled();
  await finish.getByRole('radio', { name: 'Uuteen kokoukseen' }).check();
  const nextDay = dayFromToday(8);
  await finish.getByLabel('Päivä').fill(nextDay);
  await finish.getByLabel('Kellonaika').fill('10:00');
  await expectAccessible(page, 'finish');
  await finish.getByRole('button', { name: 'Päätä kokous' }).click();
  await expect(finish).toBeHidden();

  // The record.
  await expect(page.getByRole('heading', { name: /^Pöytäkirja: kokous .* 09\.30$/, level: 1 })).toBeVisible();
  const [y, m, d] = nextDay.split('-').map(Number);
  await expect(page.getByRole('row', { name: new RegExp(n3) })).toContainText(`Siirretty kokoukseen ${d}.${m}.${y}`);
  await expect(page.getByRole('row', { name: new RegExp(n1) })).toContainText('Arvioitu');
  await expect(page.getByRole('row', { name: new RegExp(n2) })).toContainText('Syy: Asiakas perui osallistumisensa.');
  await expect(page.getByRole('row', { name: /Olli Ohjaaja/ })).toContainText('Työllisyyspalvelujen asiantuntija');
  await expect(page.getByRole('row', { name: /Kaisa Kettunen/ })).toContainText('Etänä');
  await expectAccessible(page, 'meeting record');

  // The next meeting has case 3 on its agenda.
  await page.getByRole('button', { name: 'Avaa seuraava kokous' }).click();
  await expect(page.getByRole('heading', { name: /^Kokous .* 10\.00$/, level: 1 })).toBeVisible();
  await expect.poll(() => agendaOrder(page)).toEqual([n3]);

  // The list: the new meeting upcoming, the old one past and shown as its record.
  await page.getByRole('button', { name: 'Takaisin kokouksiin' }).click();
  const past = page.getByRole('table', { name: 'Menneet kokoukset' });
  await expect(past.getByRole('row', { name: /Jyväskylän työkykytiimi/ })).toContainText('Päättynyt');
  await expect(page.getByRole('table', { name: 'Tulevat kokoukset' }).getByRole('row', { name: /Jyväskylän työkykytiimi/ })).toContainText('Suunniteltu');
  await past.getByRole('button', { name: /^Avaa kokous/ }).click();
  await expect(page.getByRole('heading', { name: /^Pöytäkirja: kokous/, level: 1 })).toBeVisible();
});

test('på svenska: team, möte, närvaro och protokoll', async ({ page, app }) => {
  test.setTimeout(120_000);
  await createStoreViaUi(page, app.url);
  const cases = [await seedReadyCase(page, 'Åsa Öhman'), await seedReadyCase(page, 'Björn Berg')];
  const [n1, n2] = cases.map((c) => c.caseNumber) as [string, string];
  await page.getByText('Svenska', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Klienter', level: 1 })).toBeVisible();

  await nav(page, 'Möten');
  await expect(page.getByText('Skapa ett team under Administration → Team.')).toBeVisible();
  await nav(page, 'Administration');
  await page.getByRole('tab', { name: 'Team' }).click();
  await page.getByRole('button', { name: 'Nytt team' }).click();
  const teamDialog = page.getByRole('dialog', { name: 'Nytt team' });
  await teamDialog.getByLabel('Teamets namn').fill('Vasa arbetsförmågeteam');
  await pickOption(page, teamDialog.getByRole('textbox', { name: 'Medlemmar' }).or(teamDialog.getByRole('combobox', { name: 'Medlemmar' })).first(), /Aino Ahonen/);
  await teamDialog.getByRole('heading', { name: 'Nytt team' }).click();
  await teamDialog.getByRole('button', { name: 'Lägg till extern deltagare' }).click();
  const ext = teamDialog.getByRole('group', { name: 'Extern deltagare 1' });
  await ext.getByLabel('Namn').fill('Karin Kela');
  await ext.getByLabel('Organisation').fill('FPA');
  await expectAccessible(page, 'new team (sv)');
  await teamDialog.getByRole('button', { name: 'Spara teamet' }).click();
  await expect(teamDialog).toBeHidden();

  await nav(page, 'Möten');
  await page.getByRole('button', { name: 'Nytt möte' }).click();
  const newMeeting = page.getByRole('dialog', { name: 'Nytt möte' });
  await newMeeting.getByLabel('Datum').fill(dayFromToday(2));
  await newMeeting.getByLabel('Klockslag').fill('13:15');
  await newMeeting.getByLabel('Plats eller distansförbindelse').fill('Rum 3');
  await newMeeting.getByRole('button', { name: 'Skapa mötet' }).click();
  await expect(page.getByRole('heading', { name: /^Möte .* 13\.15$/, level: 1 })).toBeVisible();
  for (const c of cases) await page.getByRole('button', { name: `Lägg till ärende ${c.caseNumber} (${c.name}) på föredragningslistan` }).click();
  await expect.poll(() => agendaOrder(page)).toEqual([n1, n2]);
  await page.getByRole('button', { name: `Flytta ärende ${n1} nedåt` }).click();
  await expect.poll(() => agendaOrder(page)).toEqual([n2, n1]);
  await expect(page.getByRole('status').filter({ hasText: `Ärende ${n1} är nu på plats 2/2.` })).toBeAttached();
  await expectAccessible(page, 'meeting: scheduled (sv)');

  await page.getByRole('button', { name: 'Inled mötet' }).click();
  const start = page.getByRole('dialog', { name: 'Inled mötet: närvaro' });
  await start.getByRole('radiogroup', { name: 'Närvaro: Karin Kela' }).getByText('På distans', { exact: true }).click();
  await expectAccessible(page, 'start: attendance (sv)');
  await start.getByRole('button', { name: 'Inled mötet' }).click();
  await expect(start).toBeHidden();
  await expect(page.getByText('1 närvarande, 1 på distans, 0 frånvarande')).toBeVisible();
  await expect(page.getByText(/Ingen från följande är närvarande eller på distans: Hälso- och sjukvård, Sysselsättningstjänster\./)).toBeVisible();
  await expectAccessible(page, 'meeting: in progress (sv)');

  // The team's next meeting is already scheduled (made here through the backend): it is offered first.
  const [team] = await invokeInPage<{ id: string; members: { userId: string }[] }[]>(page, 'teams.list', {});
  const nextDay = dayFromToday(9);
  await invokeInPage(page, 'meetings.create', { teamId: team!.id, date: nextDay, time: '14:00', place: 'Rum 4', chairId: team!.members[0]!.userId });
  await page.getByRole('button', { name: 'Avsluta mötet' }).click();
  const finish = page.getByRole('dialog', { name: 'Avsluta mötet' });
  await expect(finish).toContainText('2 ärenden hann inte behandlas:');
  await expect(finish.getByRole('radio', { name: 'Till teamets nästa planerade möte' })).toBeChecked();
  const [y, m, d] = nextDay.split('-').map(Number);
  await expect(finish.getByRole('textbox', { name: 'Möte' }).or(finish.getByRole('combobox', { name: 'Möte' })).first()).toHaveValue(`${d}.${m}.${y} 14.00 · Rum 4`);
  await expectAccessible(page, 'finish (sv)');
  await finish.getByRole('button', { name: 'Avsluta mötet' }).click();
  await expect(page.getByRole('heading', { name: /^Protokoll: möte .* 13\.15$/, level: 1 })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(n1) })).toContainText(`Flyttat till mötet ${d}.${m}.${y}`);
  await expect(page.getByRole('row', { name: /Karin Kela/ })).toContainText('På distans');
  await expectAccessible(page, 'meeting record (sv)');
  await page.getByRole('button', { name: 'Öppna nästa möte' }).click();
  await expect(page.getByRole('heading', { name: /^Möte .* 14\.00$/, level: 1 })).toBeVisible();
  await expect.poll(() => agendaOrder(page)).toEqual([n2, n1]);
});
