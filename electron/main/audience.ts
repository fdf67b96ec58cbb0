/**
 * The audience window: the current step of the meeting in presentation mode on a second display
 * (a projector), following the chair live, with no controls. At most one exists; asking again
 * brings it forward and says so.
 */
import { screen, type BrowserWindow } from 'electron';
import { audienceUrl, chooseAudienceDisplay, type AudienceOpenResult } from './audience-display.js';
import { hardenedWindow, type WindowRegistry } from './window.js';

export class AudienceWindow {
  private win: BrowserWindow | null = null;

  constructor(
    private readonly preloadPath: string,
    private readonly windows: WindowRegistry,
  ) {}

  open(meetingId: string | null, chair: BrowserWindow | null): AudienceOpenResult {
    const url = audienceUrl(meetingId);
    if (url === null) return 'invalid';
    if (this.win && !this.win.isDestroyed()) {
      if (this.win.isMinimized()) this.win.restore();
      this.win.show();
      return 'already_open';
    }
    const chairDisplay = chair ? screen.getDisplayMatching(chair.getBounds()).id : screen.getPrimaryDisplay().id;
    const target = chooseAudienceDisplay(screen.getAllDisplays(), chairDisplay);
    const bounds = target?.display.bounds ?? { x: 0, y: 0, width: 1280, height: 720 };
    const win = hardenedWindow(this.preloadPath, {
      x: bounds.x,
      y: bounds.y,
      width: target?.external ? bounds.width : Math.round(bounds.width * 0.6),
      height: target?.external ? bounds.height : Math.round(bounds.height * 0.6),
      fullscreen: target?.external ?? false,
      show: false,
      backgroundColor: '#000000',
      autoHideMenuBar: true,
      title: 'Tiimipöytä',
    });
    win.setMenu(null);
    win.once('ready-to-show', () => win.showInactive());
    win.on('closed', () => {
      if (this.win === win) this.win = null;
    });
    this.windows.track(win);
    this.win = win;
    void win.loadURL(url);
    return 'opened';
  }

  close(): void {
    if (this.win && !this.win.isDestroyed()) this.win.close();
    this.win = null;
  }
}
