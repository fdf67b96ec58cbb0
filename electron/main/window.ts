import { app, BrowserWindow, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import { APP_INDEX_URL } from './sender.js';

/**
 * The windows this process created. IPC answers only their web contents and events go only to
 * them, so a web contents that appears some other way (devtools, a future helper) gets nothing.
 */
export class WindowRegistry {
  private readonly windows = new Map<number, BrowserWindow>();

  track(win: BrowserWindow): void {
    const id = win.webContents.id;
    this.windows.set(id, win);
    win.on('closed', () => this.windows.delete(id));
  }

  isOurs(contents: WebContents): boolean {
    const win = this.windows.get(contents.id);
    return win !== undefined && !win.isDestroyed() && win.webContents === contents;
  }

  send(channel: string, payload: unknown): void {
    for (const win of this.windows.values()) {
      if (!win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(channel, payload);
    }
  }

  focusFirst(): void {
    const win = [...this.windows.values()].find((w) => !w.isDestroyed());
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  }
}

/**
 * Every window of the app (the workbench and the audience window) is made here, with one set of
 * hardened preferences written out where the static checks (electronegativity) can read them.
 */
export function hardenedWindow(preloadPath: string, options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      // Reviewed: the preload exposes only invoke/on for contract names (electron/preload/index.ts).
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click would otherwise try to open a link in a new window; the open handler denies it, this stops it earlier.
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // An installed copy has no use for devtools; without them nobody at the desk can run script against the bridge.
      devTools: !app.isPackaged,
    },
  });
}

export function createWorkbenchWindow(preloadPath: string): BrowserWindow {
  const win = hardenedWindow(preloadPath, {
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_INDEX_URL);
  return win;
}
