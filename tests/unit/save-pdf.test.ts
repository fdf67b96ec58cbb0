// Electron's "Export PDF" (export, native Save dialog, atomic write) with the dialog and the backend
// faked and the write real, in temp folders. Only the pure module is imported: importing 'electron'
// would try to download it.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { savePlanPdf, writeErrorCode, type PdfSaveDialogOptions, type SavePdfDeps } from '../../electron/main/save-pdf.js';
import { fail, ok, type Result } from '../../shared/api/errors.js';
import { testBackend } from '../fixtures/backend.js';
import { chmodSkipReason, skipSaying, tmpfsForTests } from '../fixtures/mounts.js';
import { assessedWorld } from '../fixtures/plan-setup.js';

const DOWNLOADS = join(tmpdir(), 'no-such-downloads-folder');
const FILE_NAME = 'plan-2026-0001-v1-fi.pdf';
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), Buffer.alloc(64 * 1024, 0x41), Buffer.from('\n%%EOF\n', 'latin1')]);
const INPUT = { caseId: 'case-1', version: 1, language: 'fi', fullIdentityCode: false } as const;

type DialogAnswer = { canceled: boolean; filePath?: string };

interface Fake {
  deps: SavePdfDeps;
  calls: { channel: string; input: unknown }[];
  dialogs: PdfSaveDialogOptions[];
  logged: string[];
}

/** A backend that exports PDF and answers app.status with `store`; a dialog that answers in turn. */
function fake(answers: DialogAnswer[], opts: { exportResult?: Result<unknown>; store?: string; writeFile?: SavePdfDeps['writeFile'] } = {}): Fake {
  const calls: Fake['calls'] = [];
  const dialogs: PdfSaveDialogOptions[] = [];
  const logged: string[] = [];
  const queue = [...answers];
  const exported = opts.exportResult ?? ok({ fileName: FILE_NAME, pdfBase64: PDF.toString('base64'), pages: 3, draft: false, sealed: true });
  const deps: SavePdfDeps = {
    async invokeBackend(channel, input) {
      calls.push({ channel, input });
      if (channel === 'plans.exportPdf') return exported;
      if (channel === 'app.status') return ok({ version: '0.1.0', dataDir: '/x', store: opts.store ?? 'unlocked' });
      return fail({ code: 'not_found', message: channel });
    },
    async showSaveDialog(options) {
      dialogs.push(options);
      const next = queue.shift();
      if (!next) throw new Error('the dialog was asked more often than the test expected');
      return next;
    },
    defaultFolder: () => DOWNLOADS,
    log: (m) => logged.push(m),
    ...(opts.writeFile ? { writeFile: opts.writeFile } : {}),
  };
  return { deps, calls, dialogs, logged };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tiimipoyta-save-pdf-'));
});
afterEach(() => {
  if (existsSync(dir)) chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

describe('savePlanPdf', () => {
  it('exports, asks where with the export’s name in Downloads, and writes the bytes whole', async () => {
    const target = join(dir, 'asiakkaan-suunnitelma.pdf');
    const f = fake([{ canceled: false, filePath: target }]);
    const result = await savePlanPdf(INPUT, f.deps);
    expect(result).toEqual({ status: 'saved', fileName: 'asiakkaan-suunnitelma.pdf', path: target, pages: 3, sealed: true, draft: false });
    expect(readFileSync(target).equals(PDF)).toBe(true);
    // No temp file beside it.
    expect(readdirSync(dir)).toEqual(['asiakkaan-suunnitelma.pdf']);
    expect(f.dialogs).toEqual([{ defaultPath: join(DOWNLOADS, FILE_NAME), filters: [{ name: 'PDF', extensions: ['pdf'] }], properties: ['createDirectory', 'showOverwriteConfirmation'] }]);
    // The backend got the input as the bridge would pass it; the session was checked again after the dialog.
    expect(f.calls).toEqual([
      { channel: 'plans.exportPdf', input: INPUT },
      { channel: 'app.status', input: {} },
    ]);
  });

  it('replaces an existing file the dialog confirmed, whole', async () => {
    const target = join(dir, 'plan.pdf');
    writeFileSync(target, 'old content');
    const result = await savePlanPdf(INPUT, fake([{ canceled: false, filePath: target }]).deps);
    expect(result.status).toBe('saved');
    expect(readFileSync(target).equals(PDF)).toBe(true);
    expect(readdirSync(dir)).toEqual(['plan.pdf']);
  });

  it('a closed dialog writes nothing and is no error', async () => {
    const writes: string[] = [];
    for (const answer of [{ canceled: true, filePath: '' }, { canceled: false, filePath: '' }, { canceled: false }]) {
      const f = fake([answer], { writeFile: (p) => void writes.push(p) });
      expect(await savePlanPdf(INPUT, f.deps)).toEqual({ status: 'cancelled' });
      // Exported first (see the module's comment), so the export was made; the session is not asked again.
      expect(f.calls.map((c) => c.channel)).toEqual(['plans.exportPdf']);
    }
    expect(writes).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('adds .pdf to a name typed without it, and keeps any case of .pdf', async () => {
    const plain = await savePlanPdf(INPUT, fake([{ canceled: false, filePath: join(dir, 'suunnitelma') }]).deps);
    expect(plain).toMatchObject({ status: 'saved', fileName: 'suunnitelma.pdf', path: join(dir, 'suunnitelma.pdf') });
    const upper = await savePlanPdf(INPUT, fake([{ canceled: false, filePath: join(dir, 'KOPIO.PDF') }]).deps);
    expect(upper).toMatchObject({ status: 'saved', path: join(dir, 'KOPIO.PDF') });
    const dotted = await savePlanPdf(INPUT, fake([{ canceled: false, filePath: join(dir, 'plan.v2') }]).deps);
    expect(dotted).toMatchObject({ status: 'saved', path: join(dir, 'plan.v2.pdf') });
    expect(readdirSync(dir).sort()).toEqual(['KOPIO.PDF', 'plan.v2.pdf', 'suunnitelma.pdf']);
  });

  it('asks again rather than replace a .pdf file the user never confirmed replacing', async () => {
    writeFileSync(join(dir, 'plan.pdf'), 'keep me');
    const f = fake([
      { canceled: false, filePath: join(dir, 'plan') },
      { canceled: false, filePath: join(dir, 'plan-2.pdf') },
    ]);
    expect(await savePlanPdf(INPUT, f.deps)).toMatchObject({ status: 'saved', path: join(dir, 'plan-2.pdf') });
    expect(f.dialogs.map((d) => d.defaultPath)).toEqual([join(DOWNLOADS, FILE_NAME), join(dir, 'plan.pdf')]);
    expect(readFileSync(join(dir, 'plan.pdf'), 'utf8')).toBe('keep me');

    // Asked again, the user may still cancel: nothing is replaced.
    const cancelled = fake([{ canceled: false, filePath: join(dir, 'plan') }, { canceled: true, filePath: '' }]);
    expect(await savePlanPdf(INPUT, cancelled.deps)).toEqual({ status: 'cancelled' });
    expect(readFileSync(join(dir, 'plan.pdf'), 'utf8')).toBe('keep me');
  });

  it('passes a refusal of the backend through without showing the dialog', async () => {
    for (const code of ['locked', 'not_found', 'forbidden'] as const) {
      const f = fake([], { exportResult: fail({ code, message: `refused: ${code}` }) });
      expect(await savePlanPdf(INPUT, f.deps)).toEqual({ status: 'error', code, message: `refused: ${code}` });
      expect(f.dialogs).toEqual([]);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes nothing when the workbench locked while the dialog was open', async () => {
    const f = fake([{ canceled: false, filePath: join(dir, 'plan.pdf') }], { store: 'locked' });
    expect(await savePlanPdf(INPUT, f.deps)).toMatchObject({ status: 'error', code: 'locked' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'case-1'],
    ['an empty object', {}],
    ['no case', { ...INPUT, caseId: '' }],
    ['version 0', { ...INPUT, version: 0 }],
    ['a fractional version', { ...INPUT, version: 1.5 }],
    ['a version as text', { ...INPUT, version: '1' }],
    ['another language', { ...INPUT, language: 'de' }],
    ['the full code as text', { ...INPUT, fullIdentityCode: 'yes' }],
    ['an extra key', { ...INPUT, path: '/etc/passwd' }],
  ])('refuses %s as input before the backend or the dialog', async (_label, input) => {
    const f = fake([]);
    expect(await savePlanPdf(input, f.deps)).toMatchObject({ status: 'error', code: 'invalid_input' });
    expect(f.calls).toEqual([]);
    expect(f.dialogs).toEqual([]);
  });

  it('a folder that does not exist is not_found, and nothing is created', async () => {
    const result = await savePlanPdf(INPUT, fake([{ canceled: false, filePath: join(dir, 'gone', 'plan.pdf') }]).deps);
    expect(result).toMatchObject({ status: 'error', code: 'not_found' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a folder chosen as the file is invalid_input', async () => {
    mkdirSync(join(dir, 'folder.pdf'));
    const result = await savePlanPdf(INPUT, fake([{ canceled: false, filePath: join(dir, 'folder.pdf') }]).deps);
    expect(result).toMatchObject({ status: 'error', code: 'invalid_input' });
    expect(readdirSync(dir)).toEqual(['folder.pdf']);
  });

  it('a folder without write permission is read_only and holds no partial or temp file', async (ctx) => {
    const reason = chmodSkipReason();
    if (reason) skipSaying(reason, ctx.skip);
    const out = join(dir, 'out');
    mkdirSync(out);
    chmodSync(out, 0o555);
    try {
      const result = await savePlanPdf(INPUT, fake([{ canceled: false, filePath: join(out, 'plan.pdf') }]).deps);
      expect(result).toMatchObject({ status: 'error', code: 'read_only' });
      expect(readdirSync(out)).toEqual([]);
    } finally {
      chmodSync(out, 0o700);
    }
  });

  it('an unexpected failure is internal, logged, and never thrown', async () => {
    const f = fake([{ canceled: false, filePath: join(dir, 'plan.pdf') }], {
      writeFile: () => {
        throw new Error('the disk caught fire');
      },
    });
    expect(await savePlanPdf(INPUT, f.deps)).toMatchObject({ status: 'error', code: 'internal' });
    expect(f.logged.join('\n')).toContain('the disk caught fire');

    const throwingDialog = fake([]);
    throwingDialog.deps.showSaveDialog = () => Promise.reject(new Error('no window'));
    expect(await savePlanPdf(INPUT, throwingDialog.deps)).toMatchObject({ status: 'error', code: 'internal' });
  });
});

describe('savePlanPdf with the real backend', () => {
  it('saves a plan draft as a PDF; a locked workbench is refused before and after the dialog', async () => {
    const b = testBackend(join(dir, 'store'));
    try {
      const w = await assessedWorld(b);
      const { version } = await b.value<{ version: number }>('plans.start', { caseId: w.caseId });
      const input = { caseId: w.caseId, version, language: 'sv', fullIdentityCode: false };
      const out = join(dir, 'out');
      mkdirSync(out);
      const dialogs: PdfSaveDialogOptions[] = [];
      let onDialog = () => {};
      const deps: SavePdfDeps = {
        invokeBackend: (channel, i) => b.backend.invoke(channel, i),
        showSaveDialog: async (options) => {
          dialogs.push(options);
          onDialog();
          return { canceled: false, filePath: join(out, 'plan.pdf') };
        },
        defaultFolder: () => DOWNLOADS,
      };

      const saved = await savePlanPdf(input, deps);
      expect(saved).toMatchObject({ status: 'saved', path: join(out, 'plan.pdf'), draft: true, sealed: false });
      expect(readFileSync(join(out, 'plan.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(dialogs[0]!.defaultPath).toBe(join(DOWNLOADS, `plan-${w.caseNumber}-v${version}-draft-sv.pdf`));
      rmSync(join(out, 'plan.pdf'));

      // The workbench locks while the dialog stands open: nothing is written.
      onDialog = () => b.backend.lock('idle');
      expect(await savePlanPdf(input, deps)).toMatchObject({ status: 'error', code: 'locked' });
      expect(readdirSync(out)).toEqual([]);

      // Locked before: the backend's refusal, and no dialog.
      dialogs.length = 0;
      expect(await savePlanPdf(input, deps)).toMatchObject({ status: 'error', code: 'locked' });
      expect(dialogs).toEqual([]);
    } finally {
      b.backend.close();
    }
  }, 60_000);
});

describe('savePlanPdf on a small file system (Linux, root)', () => {
  const { mountOrSkip } = tmpfsForTests();

  it('a read-only file system is read_only, and nothing is written', async (ctx) => {
    const mnt = mountOrSkip('1m', ctx.skip);
    execFileSync('mount', ['-o', 'remount,ro', mnt], { stdio: 'pipe' });
    const result = await savePlanPdf(INPUT, fake([{ canceled: false, filePath: join(mnt, 'plan.pdf') }]).deps);
    expect(result).toMatchObject({ status: 'error', code: 'read_only' });
    expect(readdirSync(mnt)).toEqual([]);
  });

  it('a full disk is disk_full, and the temp file is gone', async (ctx) => {
    // Smaller than the PDF: the write fails part way.
    const mnt = mountOrSkip('16k', ctx.skip);
    const result = await savePlanPdf(INPUT, fake([{ canceled: false, filePath: join(mnt, 'plan.pdf') }]).deps);
    expect(result).toMatchObject({ status: 'error', code: 'disk_full' });
    expect(readdirSync(mnt)).toEqual([]);
  });
});

describe('writeErrorCode', () => {
  it.each([
    ['ENOSPC', 'disk_full'],
    ['EDQUOT', 'disk_full'],
    ['EROFS', 'read_only'],
    ['EACCES', 'read_only'],
    ['EPERM', 'read_only'],
    ['ENOENT', 'not_found'],
    ['ENOTDIR', 'not_found'],
    ['EISDIR', 'invalid_input'],
    ['EIO', null],
  ])('%s is %s', (code, expected) => {
    expect(writeErrorCode(Object.assign(new Error(code), { code }))).toBe(expected);
  });
  it('is null for what is not an fs error', () => {
    expect(writeErrorCode(new Error('x'))).toBeNull();
    expect(writeErrorCode(null)).toBeNull();
    expect(writeErrorCode('EROFS')).toBeNull();
  });
});
