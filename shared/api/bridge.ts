/**
 * The types of the Electron bridge's window calls (`window.workbench`, electron/preload), shared by
 * the preload, the main process and the renderer, which may not import electron/. Types only: the
 * preload stays a small bundle.
 */
import type { Input } from './contract.js';

/** Opening the audience window: 'opened', 'already_open' (brought forward) or 'invalid'. */
export type AudienceWindowResult = 'opened' | 'already_open' | 'invalid';

/** `savePlanPdf` takes what `plans.exportPdf` takes. */
export type SavePlanPdfInput = Input<'plans.exportPdf'>;

/** Never a rejection: a refusal of the backend or of the disk is `error` with a contract error code. */
export type SavePlanPdfResult =
  | { status: 'saved'; fileName: string; path: string; pages: number; sealed: boolean; draft: boolean }
  | { status: 'cancelled' }
  | { status: 'error'; code: string; message: string };
