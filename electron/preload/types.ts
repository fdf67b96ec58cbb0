/**
 * The shape of `window.workbench`, the only thing the preload exposes. Deliberately not a global
 * augmentation: the renderer's typed client (renderer/api/) decides how it refers to it.
 */
export interface WorkbenchBridge {
  /** Resolves to the backend's `Result`; an unknown channel resolves to a `not_found` failure. */
  invoke(channel: string, input: unknown): Promise<unknown>;
  /** Subscribes to one contract event; returns the unsubscribe function. Throws on an unknown event. */
  on(event: string, cb: (payload: unknown) => void): () => void;
}

/** The property of `window` the bridge is exposed as. */
export const WORKBENCH_GLOBAL = 'workbench';
