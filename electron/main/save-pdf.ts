/**
 * "Export PDF" in Electron (issue 7, item 6): the plan version from the backend, a native Save
 * dialog, and the file written atomically where the user chose. Electron itself (the dialog, the
 * Downloads folder) and the backend are injected: electron/main/index.ts wires them, and the unit
 * tests run this without an Electron binary (so no import of 'electron' here, types aside).
 *
 * The order is export, dialog, write. Exporting first means a refusal of the backend (locked,
 * not_found, forbidden, an unknown version) is shown at once, without first asking where to save a
 * file that will not come; a Save dialog followed by a failure would be wrong. The cost: the PDF is
 * made (and the access log records the export) even when the user then closes the dialog, exactly
 * as in browser mode, where the download the backend answered with may be discarded too; and the
 * dialog opens after the export's few hundred milliseconds, which the renderer covers with its
 * progress indicator.
 */
import { existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { writeFileAtomic } from '../../db/fsutil.js';
import { contract, type Output } from '../../shared/api/contract.js';
import type { AppStatus } from '../../shared/api/schemas.js';
import type { ErrorCode, Result } from '../../shared/api/errors.js';
import type { SavePlanPdfResult } from '../preload/types.js';

/** The subset of Electron's SaveDialogOptions used here. */
export interface PdfSaveDialogOptions {
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
  properties: Array<'createDirectory' | 'showOverwriteConfirmation'>;
}

export interface SavePdfDeps {
  /** The backend instance the IPC bridge uses, so the session, roles and access log apply as to any call. */
  invokeBackend(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Electron's dialog.showSaveDialog, modal to the asking window. */
  showSaveDialog(options: PdfSaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  /** The folder the dialog starts in (Electron: the user's Downloads folder). */
  defaultFolder(): string;
  /** Defaults to writeFileAtomic: temp file in the target folder, fsync, rename, fsync the folder. */
  writeFile?(path: string, bytes: Uint8Array): void | Promise<void>;
  /** Defaults to fs.existsSync. */
  exists?(path: string): boolean;
  /** Where unexpected errors are reported (never shown to the user verbatim). */
  log?(message: string): void;
}

const exportInput = contract['plans.exportPdf'].input;
const PDF_FILTERS = [{ name: 'PDF', extensions: ['pdf'] }];
/** A user who keeps typing names without `.pdf` whose `.pdf` twin exists is asked this many times at most. */
const MAX_ASKS = 5;

function failure(code: ErrorCode, message: string): SavePlanPdfResult {
  return { status: 'error', code, message };
}

/**
 * The path to write, or null when the user cancelled. A name typed without `.pdf` gets it (the
 * filter does not add it on every platform). The dialog's "replace?" question was then about the
 * name as typed, not the one written: if a file of the `.pdf` name exists, the dialog asks again
 * with that name, so that no file is replaced without the user having confirmed it.
 */
async function choosePath(deps: SavePdfDeps, fileName: string): Promise<string | null> {
  const exists = deps.exists ?? existsSync;
  // The backend's name (`plan-2026-0001-v1-fi.pdf`); basename keeps it a name in any case.
  let defaultPath = join(deps.defaultFolder(), basename(fileName));
  for (let ask = 0; ask < MAX_ASKS; ask++) {
    const chosen = await deps.showSaveDialog({ defaultPath, filters: PDF_FILTERS, properties: ['createDirectory', 'showOverwriteConfirmation'] });
    if (chosen.canceled || !chosen.filePath) return null;
    if (extname(chosen.filePath).toLowerCase() === '.pdf') return chosen.filePath;
    const withPdf = `${chosen.filePath}.pdf`;
    if (!exists(withPdf)) return withPdf;
    defaultPath = withPdf;
  }
  return null;
}

/** The same mapping as the CLI's writeOutput (electron/cli-support.ts); null for anything else. */
export function writeErrorCode(err: unknown): ErrorCode | null {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'disk_full';
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'read_only';
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'not_found';
  if (code === 'EISDIR') return 'invalid_input';
  return null;
}

/** Never throws: every outcome, the unexpected included, is a result the renderer can show. */
export async function savePlanPdf(input: unknown, deps: SavePdfDeps): Promise<SavePlanPdfResult> {
  const parsed = exportInput.safeParse(input);
  if (!parsed.success) return failure('invalid_input', 'The input is not valid.');
  try {
    const exported = await deps.invokeBackend('plans.exportPdf', parsed.data);
    if (!exported.ok) return { status: 'error', code: exported.error.code, message: exported.error.message };
    const file = exported.value as Output<'plans.exportPdf'>;

    const target = await choosePath(deps, file.fileName);
    if (target === null) return { status: 'cancelled' };

    // The dialog may have stood open past the idle lock (or the screen locked meanwhile): client
    // data is not written on behalf of whoever clicked Save in front of a locked workbench.
    const status = await deps.invokeBackend('app.status', {});
    if (!status.ok || (status.value as AppStatus).store !== 'unlocked') return failure('locked', 'The workbench locked while the Save dialog was open: nothing was written.');

    const bytes = Buffer.from(file.pdfBase64, 'base64');
    try {
      await (deps.writeFile ?? writeFileAtomic)(target, bytes);
    } catch (err) {
      const code = writeErrorCode(err);
      if (code === null) throw err;
      return failure(code, `${target} was not written (${(err as NodeJS.ErrnoException).code}); nothing was left behind.`);
    }
    return { status: 'saved', fileName: basename(target), path: target, pages: file.pages, sealed: file.sealed, draft: file.draft };
  } catch (err) {
    (deps.log ?? ((m: string) => process.stderr.write(`${m}\n`)))(`[save-pdf] ${(err as Error)?.stack ?? String(err)}`);
    return failure('internal', 'Unexpected error; nothing was written.');
  }
}
