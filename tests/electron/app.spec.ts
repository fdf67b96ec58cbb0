/**
 * The real Electron app: sandboxed window, the bridge and nothing else, denied windows and
 * navigation, the app:// protocol's headers. Needs the app built (`npm run build`) and an Electron
 * binary. Never import 'electron' here: its index downloads the binary when it is missing.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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

interface WorkbenchWindow {
  workbench?: { invoke(channel: string, input: unknown): Promise<unknown>; on(event: string, cb: (payload: unknown) => void): () => void };
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

test('exposes only window.workbench { invoke, on, openAudienceWindow } and no Node', async () => {
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
  expect(shape).toEqual({ keys: ['invoke', 'on', 'openAudienceWindow'], frozen: true, require: 'undefined', process: 'undefined', module: 'undefined' });
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
