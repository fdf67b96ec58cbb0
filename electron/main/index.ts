/**
 * The Electron main process: single-instance lock, app:// protocol, one hardened window, and the
 * IPC transport to the host-agnostic backend. Everything that decides anything lives in the
 * backend or in the pure helpers beside this file.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, powerMonitor, session, type WebContents } from 'electron';
import { createBackend, type Backend } from '../backend/index.js';
import { APP_ROOT, APP_VERSION, RENDERER_DIR } from '../backend/appinfo.js';
import { defaultDataDir } from '../backend/paths.js';
import { fail } from '../../shared/api/errors.js';
import { dataDirFromArgv } from './args.js';
import { AudienceWindow } from './audience.js';
import { applicationMenu } from './menu.js';
import { registerIpc, registerWindowIpc } from './ipc.js';
import { startupError } from './messages.js';
import { registerAppSchemePrivileges, serveRenderer } from './protocol.js';
import { savePlanPdf, type PdfSaveDialogOptions } from './save-pdf.js';
import { hardenAllWebContents, hardenSession } from './security.js';
import { createWorkbenchWindow, WindowRegistry } from './window.js';

const PRELOAD_PATH = join(APP_ROOT, 'dist', 'preload', 'index.cjs');

function errorCode(err: unknown): unknown {
  return typeof err === 'object' && err !== null && 'code' in err ? (err as { code: unknown }).code : undefined;
}

function fatal(err: unknown): void {
  const { title, reason } = startupError(app.getPreferredSystemLanguages(), errorCode(err));
  process.stderr.write(`[main] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  dialog.showErrorBox(title, reason);
  app.quit();
}

async function run(): Promise<void> {
  const windows = new WindowRegistry();
  let backend: Backend | null = null;
  let unregister: (() => void) | null = null;
  let unregisterWindowIpc: (() => void) | null = null;
  let chair: BrowserWindow | null = null;
  const audience = new AudienceWindow(PRELOAD_PATH, windows);

  // The key lives in this process: closing the last window must lock the store, on macOS too.
  const shutdown = (): void => {
    unregister?.();
    unregister = null;
    unregisterWindowIpc?.();
    unregisterWindowIpc = null;
    audience.close();
    backend?.close();
    backend = null;
  };
  app.on('second-instance', () => windows.focusFirst());
  app.on('window-all-closed', () => {
    shutdown();
    app.quit();
  });
  app.on('before-quit', shutdown);
  hardenAllWebContents();

  await app.whenReady();
  hardenSession(session.defaultSession);
  serveRenderer(RENDERER_DIR);

  try {
    backend = createBackend({ dataDir: dataDirFromArgv(process.argv) ?? defaultDataDir(), version: APP_VERSION });
  } catch (err) {
    fatal(err);
    return;
  }
  unregister = registerIpc(backend, windows);
  // The laptop closes or the screen locks: the key goes, as if the idle timer had run out.
  powerMonitor.on('suspend', () => backend?.lock('system'));
  powerMonitor.on('lock-screen', () => backend?.lock('system'));
  const openAudience = (meetingId: string | null) => audience.open(meetingId, chair && !chair.isDestroyed() ? chair : null);
  // The Save dialog is modal to the asking window; `dialog.showSaveDialog` is looked up at each call (the Electron suite stubs it).
  const showSaveDialog = (contents: WebContents, options: PdfSaveDialogOptions) => {
    const win = BrowserWindow.fromWebContents(contents);
    return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
  };
  const savePdf = (contents: WebContents, input: unknown) =>
    savePlanPdf(input, {
      // The same backend instance as the IPC bridge: its session, roles and access log apply.
      invokeBackend: (channel, i) => (backend ? backend.invoke(channel, i) : Promise.resolve(fail({ code: 'unreachable', message: 'The backend is closed.' }))),
      showSaveDialog: (options) => showSaveDialog(contents, options),
      defaultFolder: () => app.getPath('downloads'),
    });
  unregisterWindowIpc = registerWindowIpc(windows, (contents) => chair !== null && !chair.isDestroyed() && chair.webContents === contents, openAudience, savePdf);
  // A translated View menu (open the audience window, full screen) instead of the default one, which would only add reload and devtools.
  Menu.setApplicationMenu(applicationMenu(app.getPreferredSystemLanguages(), process.platform, { openAudience: () => void openAudience(null) }));
  chair = createWorkbenchWindow(PRELOAD_PATH);
  // Closing the chair's window ends the meeting view: the audience window goes with it.
  chair.on('closed', () => audience.close());
  windows.track(chair);
}

// Before ready, as Chromium requires; sandboxing every renderer also covers any contents we did not configure ourselves.
registerAppSchemePrivileges();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  run().catch(fatal);
}
