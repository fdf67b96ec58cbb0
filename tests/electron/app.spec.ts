/**
 * The real Electron app: sandboxed window, the bridge and nothing else, denied windows and
 * navigation, the app:// protocol's headers, a plan PDF saved through the (stubbed) Save dialog. Needs the app built (`npm run build`) and an Electron
 * binary. Never import 'electron' here: its index downloads the binary when it is missing.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays, todayInFinland } from '../../shared/domain/dates.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = join(ROOT, 'dist', 'node', 'electron', 'main', 'index.js');

/** The binary electron's own index.js would launch, found without running that file. */
function electronBinary(): string | null {
  const pathFile = join(ROOT, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(ROOT, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const executablePath = electronBinary();
const hasElectron = executablePath !== null;
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

test.skip(
  !hasElectron,
  'Electron binary not installed: it cannot be downloaded on this offline machine (ELECTRON_SKIP_BINARY_DOWNLOAD); run on a machine with the binary',
);
test.skip(!hasDisplay, 'No display for the Electron window: run under xvfb-run (or with DISPLAY set)');

interface PlanPdfInput {
  caseId: string;
  version: number;
  language: 'fi' | 'sv' | 'en';
  fullIdentityCode: boolean;
}

interface WorkbenchWindow {
  workbench?: {
    invoke(channel: string, input: unknown): Promise<unknown>;
    on(event: string, cb: (payload: unknown) => void): () => void;
    savePlanPdf(input: PlanPdfInput): Promise<{ status: string; code?: string; path?: string }>;
  };
}

let app: ElectronApplication;
let page: Page;
let dataDir: string;

test.beforeAll(async () => {
  expect(existsSync(MAIN), 'run `npm run build` first').toBe(true);
  dataDir = mkdtempSync(join(tmpdir(), 'tiimipoyta-electron-'));
  app = await electron.launch({
    executablePath: executablePath ?? undefined,
    args: [MAIN, '--data', dataDir],
    cwd: ROOT,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } as Record<string, string>,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('loads the renderer from app://workbench with a title', async () => {
  expect(page.url()).toBe('app://workbench/index.html');
  await expect.poll(() => page.title()).not.toBe('');
});

test('exposes only window.workbench { invoke, on, openAudienceWindow, savePlanPdf } and no Node', async () => {
  const shape = await page.evaluate(() => {
    const w = window as unknown as WorkbenchWindow & Record<string, unknown>;
    return {
      keys: w.workbench ? Object.keys(w.workbench).sort() : null,
      frozen: w.workbench ? Object.isFrozen(w.workbench) : null,
      require: typeof w['require'],
      process: typeof w['process'],
      module: typeof w['module'],
    };
  });
  expect(shape).toEqual({ keys: ['invoke', 'on', 'openAudienceWindow', 'savePlanPdf'], frozen: true, require: 'undefined', process: 'undefined', module: 'undefined' });
});

test('invoke reaches the backend and refuses unknown channels', async () => {
  const results = await page.evaluate(async () => {
    const bridge = (window as unknown as WorkbenchWindow).workbench;
    if (!bridge) throw new Error('no bridge');
    return { status: await bridge.invoke('app.status', {}), unknown: await bridge.invoke('nope.nothing', {}) };
  });
  expect(results.status).toMatchObject({ ok: true, value: { store: 'none' } });
  expect(results.unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
});

test('on() accepts contract events only', async () => {
  const outcome = await page.evaluate(() => {
    const bridge = (window as unknown as WorkbenchWindow).workbench;
    if (!bridge) throw new Error('no bridge');
    const off = bridge.on('session.locked', () => undefined);
    off();
    try {
      bridge.on('not.an.event', () => undefined);
      return 'accepted';
    } catch {
      return 'refused';
    }
  });
  expect(outcome).toBe('refused');
});

test('denies new windows and navigation away from the app', async () => {
  expect(await page.evaluate(() => window.open('https://example.org'))).toBeNull();
  await page.evaluate(() => {
    window.location.href = 'https://example.org/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe('app://workbench/index.html');
  expect(app.windows()).toHaveLength(1);
});

test('opens one audience window, brings it forward when asked again, and refuses odd ids', async () => {
  const first = await page.evaluate(() => (window as unknown as { workbench: { openAudienceWindow(id: string | null): Promise<string> } }).workbench.openAudienceWindow(null));
  expect(first).toBe('opened');
  await expect.poll(() => app.windows().length).toBe(2);
  const audience = app.windows().find((w) => w !== page)!;
  await expect.poll(() => audience.url()).toBe('app://workbench/index.html?view=audience');
  const again = await page.evaluate(() => (window as unknown as { workbench: { openAudienceWindow(id: string | null): Promise<string> } }).workbench.openAudienceWindow(null));
  expect(again).toBe('already_open');
  expect(app.windows()).toHaveLength(2);
  const odd = await page.evaluate(() => (window as unknown as { workbench: { openAudienceWindow(id: string | null): Promise<string> } }).workbench.openAudienceWindow('../x'));
  expect(odd).toBe('invalid');
  // The audience window may not open windows itself.
  const fromAudience = await audience.evaluate(() => (window as unknown as { workbench: { openAudienceWindow(id: string | null): Promise<string> } }).workbench.openAudienceWindow(null));
  expect(fromAudience).toBe('invalid');
  await audience.close();
  await expect.poll(() => app.windows().length).toBe(1);
});

test('app:// sends the security headers and refuses paths outside the renderer', async () => {
  const res = await page.evaluate(async () => {
    const index = await fetch('app://workbench/index.html');
    const escape = await fetch('app://workbench/..%2f..%2fpackage.json');
    return { status: index.status, csp: index.headers.get('content-security-policy'), nosniff: index.headers.get('x-content-type-options'), escape: escape.status };
  });
  expect(res.status).toBe(200);
  expect(res.csp).toContain("default-src 'self'");
  expect(res.nosniff).toBe('nosniff');
  expect(res.escape).toBe(404);
});

/** A contract call through the bridge, as the renderer makes it; throws on a refusal. */
async function call<T = Record<string, unknown>>(channel: string, input: unknown = {}): Promise<T> {
  const result = (await page.evaluate(({ channel, input }) => (window as unknown as WorkbenchWindow).workbench!.invoke(channel, input), { channel, input })) as {
    ok: boolean;
    value?: unknown;
    error?: { code: string; message: string };
  };
  if (!result.ok) throw new Error(`${channel}: ${result.error?.code} ${result.error?.message}`);
  return result.value as T;
}

/**
 * A store with one case the team assessed in a running meeting and a plan draft for it, through the
 * bridge (the same steps as tests/e2e/api.ts seedReadyCase and writeConclusion, which call over HTTP).
 */
async function seedPlanDraft(): Promise<{ caseId: string; version: number }> {
  const today = todayInFinland();
  await call('store.create', { organisationName: 'Jyväskylän hyvinvointialue', adminDisplayName: 'Aino Ahonen', adminUsername: 'aino', adminProfession: 'social_worker', password: 'oikein pitkä salasana' });
  const userId = (await call<{ user: { id: string } }>('app.status')).user.id;
  const client = await call<{ id: string }>('clients.create', { name: 'Matti Mäki', language: 'fi' });
  const c = await call<{ id: string }>('cases.create', {
    clientId: client.id,
    referral: { source: 'employment_authority', referrerName: 'Outi Ohjaaja', referrerOrganisation: 'Työllisyyspalvelut', referralDate: today, reason: 'Pitkä työttömyys ja selkävaiva.', attachments: [] },
  });
  await call('cases.setStatus', { caseId: c.id, status: 'in_preparation' });
  await call('consents.create', {
    clientId: client.id,
    form: 'written',
    organisations: ['employment_authority', 'county_social_care', 'county_health_care', 'kela'],
    otherOrganisations: [],
    dataCategories: ['basic', 'employment', 'social', 'health', 'benefits', 'rehabilitation'],
    givenOn: today,
    validUntil: addDays(today, 180),
    note: '',
  });
  for (const section of [
    { section: 'education', data: { level: 'vocational', qualifications: 'Lähihoitaja' }, text: 'Ammatillinen tutkinto.' },
    { section: 'work_history', data: { entries: [{ id: 'w1', from: '2015-01', to: '2022-06', employer: 'Kauppa Oy', role: 'Myyjä', endReason: 'Irtisanominen' }] }, text: '' },
    { section: 'health', data: {}, text: 'Selkävaivoja, kipu rajoittaa seisomista.' },
    { section: 'social', data: { housing: 'Vuokra-asunto', finances: 'Tiukka', family: 'Yksin', debts: 'Ei' }, text: '' },
    { section: 'benefits', data: { items: [{ benefit: 'labour_market_subsidy', status: 'receives', note: '' }] }, text: '' },
  ]) {
    await call('cases.saveSection', { caseId: c.id, section });
  }
  await call('cases.saveClientView', { caseId: c.id, view: { goals: 'Haluan osa-aikatyön kaupan alalta.', helps: 'Säännöllinen arki', hinders: 'Selkäkipu', selfRating: 5, waiTotal: 30, kykyviisari: {} } });
  await call('cases.savePlanning', { caseId: c.id, bringNote: 'Toive osa-aikatyöstä.', proposedMeetingDate: addDays(today, 7) });
  await call('cases.setStatus', { caseId: c.id, status: 'ready_for_team' });
  const team = await call<{ id: string }>('teams.save', {
    name: 'Jyväskylän työkykytiimi',
    memberIds: [userId],
    externals: [],
    requiredSectors: ['social_care', 'health_care'],
    newCaseMinutes: 20,
    reviewMinutes: 10,
    reviewIntervalMonths: 6,
  });
  const meeting = await call<{ id: string }>('meetings.create', { teamId: team.id, date: today, time: '09:00', place: 'Neuvotteluhuone Kuusi', chairId: userId });
  const itemId = (await call<{ items: { id: string }[] }>('meetings.addItem', { meetingId: meeting.id, caseId: c.id })).items[0]!.id;
  await call('meetings.start', {
    meetingId: meeting.id,
    attendance: [
      { userId, externalId: null, name: 'Aino Ahonen', profession: 'social_worker', organisation: 'Hyvinvointialue', status: 'present' },
      { userId: null, externalId: null, name: 'Pekka Lääkäri', profession: 'physician', organisation: 'Terveysasema', status: 'present' },
    ],
  });
  await call('meetings.navigate', { meetingId: meeting.id, itemId, step: 'conclusion' });
  await call('assessment.get', { itemId });
  for (const change of [
    { kind: 'text', field: 'conclusion.statement', value: 'Työkyky riittää osa-aikatyöhön tuettuna.' },
    { kind: 'teamRating', value: 6 },
    { kind: 'servicePath', value: 'supported_employment' },
    { kind: 'clientAgreement', value: 'agrees' },
  ]) {
    await call('assessment.change', { itemId, change });
  }
  await call('meetings.completeItem', { itemId });
  const draft = await call<{ version: number }>('plans.start', { caseId: c.id });
  return { caseId: c.id, version: draft.version };
}

// Last: it creates a store, which the tests above expect not to exist.
test('saves a plan PDF where the Save dialog says, atomically, and nothing when the dialog is cancelled', async () => {
  const { caseId, version } = await seedPlanDraft();
  const input: PlanPdfInput = { caseId, version, language: 'fi', fullIdentityCode: false };
  const outDir = mkdtempSync(join(tmpdir(), 'tiimipoyta-electron-pdf-'));
  const save = () => page.evaluate((i) => (window as unknown as WorkbenchWindow).workbench!.savePlanPdf(i), input);
  try {
    // The name typed without .pdf: the main process adds it.
    const typed = join(outDir, 'suunnitelma');
    await app.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = async () => ({ canceled: false, filePath });
    }, typed);
    const saved = await save();
    expect(saved).toMatchObject({ status: 'saved', path: `${typed}.pdf`, fileName: 'suunnitelma.pdf', draft: true, sealed: false });
    expect(readFileSync(`${typed}.pdf`).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Whole or nothing: no temp file beside it.
    expect(readdirSync(outDir)).toEqual(['suunnitelma.pdf']);

    await app.evaluate(({ dialog }) => {
      dialog.showSaveDialog = async () => ({ canceled: true, filePath: '' });
    });
    expect(await save()).toEqual({ status: 'cancelled' });
    expect(readdirSync(outDir)).toEqual(['suunnitelma.pdf']);

    // The main process checks the input itself, whatever the page sends.
    const garbage = await page.evaluate(() => (window as unknown as WorkbenchWindow).workbench!.savePlanPdf({ caseId: 42 } as unknown as PlanPdfInput));
    expect(garbage).toMatchObject({ status: 'error', code: 'invalid_input' });

    // Only the workbench window may save: the audience window is refused.
    expect(await page.evaluate(() => (window as unknown as { workbench: { openAudienceWindow(id: string | null): Promise<string> } }).workbench.openAudienceWindow(null))).toBe('opened');
    await expect.poll(() => app.windows().length).toBe(2);
    const audience = app.windows().find((w) => w !== page)!;
    await audience.waitForLoadState('domcontentloaded');
    const fromAudience = await audience.evaluate((i) => (window as unknown as WorkbenchWindow).workbench!.savePlanPdf(i), input);
    expect(fromAudience).toMatchObject({ status: 'error', code: 'forbidden' });
    await audience.close();
    expect(readdirSync(outDir)).toEqual(['suunnitelma.pdf']);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});
