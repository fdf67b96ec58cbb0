/**
 * The shape of `window.workbench`, the only thing the preload exposes. Deliberately not a global
 * augmentation: the renderer's typed client (renderer/api/) decides how it refers to it.
 */
import type { AudienceWindowResult, SavePlanPdfInput, SavePlanPdfResult } from '../../shared/api/bridge.js';

export type { AudienceWindowResult, SavePlanPdfInput, SavePlanPdfResult };

export interface WorkbenchBridge {
  /** Resolves to the backend's `Result`; an unknown channel resolves to a `not_found` failure. */
  invoke(channel: string, input: unknown): Promise<unknown>;
  /** Subscribes to one contract event; returns the unsubscribe function. Throws on an unknown event. */
  on(event: string, cb: (payload: unknown) => void): () => void;
  /**
   * Opens the audience (shared-screen) window for a meeting, or for the meeting in progress when
   * null. Resolves to 'opened', 'already_open' (it was brought forward) or 'invalid'.
   */
  openAudienceWindow(meetingId: string | null): Promise<AudienceWindowResult>;
  /**
   * Exports a plan version as a PDF (the backend's `plans.exportPdf`) and saves it where the user
   * chooses in a native Save dialog, written atomically. Never rejects: a refusal of the backend
   * or of the disk resolves to `error` with a contract error code; closing the dialog to `cancelled`.
   */
  savePlanPdf(input: SavePlanPdfInput): Promise<SavePlanPdfResult>;
}

/** The property of `window` the bridge is exposed as. */
export const WORKBENCH_GLOBAL = 'workbench';

/** IPC channels of the window layer (not backend use cases): only the workbench window may use them. */
export const WINDOW_CHANNELS = { openAudience: 'window:openAudience', savePlanPdf: 'window:savePlanPdf' } as const;
