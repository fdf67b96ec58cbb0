/**
 * The shape of `window.workbench`, the only thing the preload exposes. Deliberately not a global
 * augmentation: the renderer's typed client (renderer/api/) decides how it refers to it.
 */
export interface WorkbenchBridge {
  /** Resolves to the backend's `Result`; an unknown channel resolves to a `not_found` failure. */
  invoke(channel: string, input: unknown): Promise<unknown>;
  /** Subscribes to one contract event; returns the unsubscribe function. Throws on an unknown event. */
  on(event: string, cb: (payload: unknown) => void): () => void;
  /**
   * Opens the audience (shared-screen) window for a meeting, or for the meeting in progress when
   * null. Resolves to 'opened', 'already_open' (it was brought forward) or 'invalid'.
   */
  openAudienceWindow(meetingId: string | null): Promise<'opened' | 'already_open' | 'invalid'>;
}

/** The property of `window` the bridge is exposed as. */
export const WORKBENCH_GLOBAL = 'workbench';

/** IPC channels of the window layer (not backend use cases): only the workbench window may use them. */
export const WINDOW_CHANNELS = { openAudience: 'window:openAudience' } as const;
