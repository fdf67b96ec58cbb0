import type { SavePlanPdfInput, SavePlanPdfResult } from '../shared/api/bridge';

/** Saves a file through the browser's download (browser mode). */
function download(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(filename: string, text: string, type: string): void {
  download(filename, new Blob([text], { type }));
}

/** Bytes carried as base64 (a case file) are saved as they are, not re-encoded as text. */
export function downloadBase64(filename: string, base64: string, type = 'application/octet-stream'): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  download(filename, new Blob([bytes], { type }));
}

/**
 * In Electron, the bridge's native save (export, Save dialog, atomic write in the main process):
 * the page cannot download there (the session refuses downloads). Null in browser mode, which
 * downloads the bytes instead.
 */
export function nativePlanPdfSaver(): ((request: SavePlanPdfInput) => Promise<SavePlanPdfResult>) | null {
  const bridge = (window as unknown as { workbench?: { savePlanPdf?: (request: SavePlanPdfInput) => Promise<SavePlanPdfResult> } }).workbench;
  if (!bridge || typeof bridge.savePlanPdf !== 'function') return null;
  return (request) => bridge.savePlanPdf!(request);
}
