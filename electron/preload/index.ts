/**
 * The sandboxed preload: exposes exactly `window.workbench = { invoke, on, openAudienceWindow,
 * savePlanPdf }`: invoke/on only for contract channels and events, and the two window-layer calls
 * (the main process answers those to the workbench window only). Bundled into
 * one CommonJS file (vite.preload.config.ts) because a sandboxed preload can require nothing but
 * 'electron'.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES, EVENT_NAMES, EVENT_PREFIX } from '../../shared/api/channels.js';
import type { Result } from '../../shared/api/errors.js';
import { WINDOW_CHANNELS, WORKBENCH_GLOBAL, type AudienceWindowResult, type SavePlanPdfInput, type SavePlanPdfResult, type WorkbenchBridge } from './types.js';

const channels: ReadonlySet<string> = new Set(CHANNEL_NAMES);
const events: ReadonlySet<string> = new Set(EVENT_NAMES);

const bridge: WorkbenchBridge = Object.freeze({
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (typeof channel !== 'string' || !channels.has(channel)) {
      const notFound: Result<never> = {
        ok: false,
        error: { code: 'not_found', message: `No such channel: ${String(channel).slice(0, 80)}` },
      };
      return Promise.resolve(notFound);
    }
    return ipcRenderer.invoke(channel, input);
  },

  on(event: string, cb: (payload: unknown) => void): () => void {
    if (typeof event !== 'string' || !events.has(event)) throw new TypeError(`No such event: ${String(event).slice(0, 80)}`);
    if (typeof cb !== 'function') throw new TypeError('The listener must be a function.');
    // The IpcRendererEvent carries `sender` (ipcRenderer itself); handing it over would leak IPC to the page.
    const listener = (_event: IpcRendererEvent, payload: unknown): void => cb(payload);
    const name = EVENT_PREFIX + event;
    ipcRenderer.on(name, listener);
    return () => {
      ipcRenderer.removeListener(name, listener);
    };
  },

  openAudienceWindow(meetingId: string | null): Promise<AudienceWindowResult> {
    if (meetingId !== null && typeof meetingId !== 'string') return Promise.resolve('invalid');
    return ipcRenderer.invoke(WINDOW_CHANNELS.openAudience, meetingId) as Promise<AudienceWindowResult>;
  },

  savePlanPdf(input: SavePlanPdfInput): Promise<SavePlanPdfResult> {
    // The main process checks every field (electron/main/save-pdf.ts); this only keeps non-objects off IPC.
    if (typeof input !== 'object' || input === null) return Promise.resolve({ status: 'error', code: 'invalid_input', message: 'The input is not valid.' });
    return ipcRenderer.invoke(WINDOW_CHANNELS.savePlanPdf, input) as Promise<SavePlanPdfResult>;
  },
});

contextBridge.exposeInMainWorld(WORKBENCH_GLOBAL, bridge);
