/**
 * The IPC transport: one `ipcMain.handle` per contract channel, each checking who is asking before
 * the backend sees the input (the backend parses the input itself).
 */
import { ipcMain, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import type { Backend } from '../backend/index.js';
import { CHANNEL_NAMES, EVENT_PREFIX } from '../../shared/api/channels.js';
import { fail, type Result } from '../../shared/api/errors.js';
import { isTrustedSenderUrl } from './sender.js';
import type { WindowRegistry } from './window.js';
import type { AudienceOpenResult } from './audience-display.js';
import { WINDOW_CHANNELS, type SavePlanPdfResult } from '../preload/types.js';

const FORBIDDEN: Result<never> = fail({ code: 'forbidden', message: 'Only the workbench window may call the backend.' });

/**
 * WebFrameMain wrappers are cached per frame, so identity is the expected match; the id pair is
 * the same frame described by value, in case a wrapper is ever recreated.
 */
function isMainFrame(frame: WebFrameMain, main: WebFrameMain): boolean {
  return frame === main || (frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId);
}

export function isTrustedSender(event: IpcMainInvokeEvent, windows: WindowRegistry): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.isDestroyed()) return false;
  return isMainFrame(frame, event.sender.mainFrame) && isTrustedSenderUrl(frame.url) && windows.isOurs(event.sender);
}

/** Returns a function that removes the handlers and the event subscription. */
export function registerIpc(backend: Backend, windows: WindowRegistry): () => void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, windows)) return FORBIDDEN;
      return await backend.invoke(channel, input);
    });
  }
  const unsubscribe = backend.subscribe((event, payload) => windows.send(EVENT_PREFIX + event, payload));
  return () => {
    unsubscribe();
    for (const channel of CHANNEL_NAMES) ipcMain.removeHandler(channel);
  };
}

/**
 * The window layer's calls: open the audience window, and save a plan PDF through a native Save
 * dialog. Only the chair's (first) workbench window may ask; the audience window itself, or
 * anything else, gets 'invalid' or a `forbidden` error.
 */
export function registerWindowIpc(
  windows: WindowRegistry,
  isChairWindow: (contents: Electron.WebContents) => boolean,
  openAudience: (meetingId: string | null) => AudienceOpenResult,
  savePlanPdf: (contents: Electron.WebContents, input: unknown) => Promise<SavePlanPdfResult>,
): () => void {
  ipcMain.handle(WINDOW_CHANNELS.openAudience, (event, meetingId: unknown): AudienceOpenResult => {
    if (!isTrustedSender(event, windows) || !isChairWindow(event.sender)) return 'invalid';
    if (meetingId !== null && typeof meetingId !== 'string') return 'invalid';
    return openAudience(meetingId);
  });
  ipcMain.handle(WINDOW_CHANNELS.savePlanPdf, async (event, input: unknown): Promise<SavePlanPdfResult> => {
    if (!isTrustedSender(event, windows) || !isChairWindow(event.sender)) return { status: 'error', code: 'forbidden', message: 'Only the workbench window may save files.' };
    return await savePlanPdf(event.sender, input);
  });
  return () => {
    ipcMain.removeHandler(WINDOW_CHANNELS.openAudience);
    ipcMain.removeHandler(WINDOW_CHANNELS.savePlanPdf);
  };
}
