#!/usr/bin/env node
/**
 * Offline check of electron-builder.yml: packs the already built app (`npm run build`) with
 * `--linux dir` around a stub Electron, then inspects the result. The real Electron binary and
 * the installer tools cannot be downloaded here; everything else (file selection, asar, asarUnpack,
 * extraMetadata, fuses) is exercised for real.
 *
 * Prints `PASS name` / `FAIL name: reason` per check and exits 1 if any failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));
const TIME_LIMIT_MS = 110_000;
const NATIVE_MODULE = 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node';
const EXPECTED_MAIN = 'dist/node/electron/main/index.js';

// @electron/fuses looks for this marker followed by the wire version (1), its length, and one byte
// per fuse ('0' off, '1' on). Electron's defaults: runAsNode, nodeOptions, nodeCliInspect and
// grantFileProtocolExtraPrivileges on; the rest off.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_NAMES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];
const STUB_FUSES = '10110001';
const EXPECTED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

let failed = 0;
function pass(name) {
  console.log(`PASS ${name}`);
}
function fail(name, reason) {
  failed += 1;
  console.log(`FAIL ${name}: ${reason}`);
}
function check(name, ok, reason) {
  if (ok) pass(name);
  else fail(name, reason);
}

/** The smallest "Electron" electron-builder accepts for --linux dir: one executable named electron, with a fuse wire. */
function writeStubElectron(dir) {
  const body = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stub Electron for build/check-packaging.mjs" >&2\nexit 1\n'),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, STUB_FUSES.length]),
    Buffer.from(STUB_FUSES),
  ]);
  writeFileSync(join(dir, 'electron'), body, { mode: 0o755 });
}

function readFuses(binary) {
  const bytes = readFileSync(binary);
  const at = bytes.indexOf(FUSE_SENTINEL);
  if (at < 0) return null;
  const start = at + FUSE_SENTINEL.length + 2;
  const wire = bytes.subarray(start, start + bytes[at + FUSE_SENTINEL.length + 1]).toString('latin1');
  return Object.fromEntries(FUSE_NAMES.map((name, i) => [name, wire[i] === '1']));
}

function checkPrerequisites() {
  const built = [EXPECTED_MAIN, 'dist/preload/index.cjs', 'dist/renderer/index.html', NATIVE_MODULE];
  const missing = built.filter((p) => !existsSync(join(ROOT, p)));
  check('prerequisites', missing.length === 0, `missing ${missing.join(', ')} (run \`npm run build\` first)`);
  return missing.length === 0;
}

function runElectronBuilder(stubDir, outDir) {
  const cli = require.resolve('electron-builder/cli.js');
  const args = [
    cli,
    '--linux',
    'dir',
    '--config',
    'electron-builder.yml',
    `-c.electronDist=${stubDir}`,
    // The offline check packs the node_modules as they are; a real package rebuilds for Electron's ABI (npm run package).
    '-c.npmRebuild=false',
    `-c.directories.output=${outDir}`,
  ];
  const started = Date.now();
  const res = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', CI: 'true' },
    encoding: 'utf8',
    timeout: TIME_LIMIT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (res.error || res.status !== 0) {
    const output = `${res.stdout ?? ''}${res.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    const why = res.error ? res.error.message : `exit ${res.status}`;
    fail('electron-builder --linux dir', `${why} after ${seconds}s\n${output}`);
    return false;
  }
  pass(`electron-builder --linux dir (${seconds}s)`);
  return true;
}

async function inspect(outDir) {
  const appDir = join(outDir, 'linux-unpacked');
  const asarPath = join(appDir, 'resources', 'app.asar');
  if (!existsSync(asarPath)) {
    fail('app.asar exists', `${asarPath} not found`);
    return;
  }
  pass('app.asar exists');

  const asar = await import('@electron/asar');
  const entries = asar.listPackage(asarPath, { isPack: false });
  const listed = new Set(entries);
  for (const p of [`/${EXPECTED_MAIN}`, '/dist/preload/index.cjs', '/dist/renderer/index.html', '/package.json']) {
    check(`asar lists ${p}`, listed.has(p), 'not in app.asar');
  }

  // The PDF export's fonts, sRGB profile (PDF/A output intent) and font parser, and none of the unused fonts.
  const pdfFiles = [
    '/node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
    '/node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
    '/node_modules/pdfkit/js/pdfkit.node.mjs',
    '/node_modules/pdfkit/js/pdfkit.js',
    '/node_modules/pdfkit/js/data/sRGB_IEC61966_2_1.icc',
    '/node_modules/fontkit/dist/main.cjs',
    '/node_modules/fontkit/dist/module.mjs',
  ];
  for (const p of pdfFiles) check(`asar lists ${p}`, listed.has(p), 'not in app.asar (the PDF export needs it)');
  const unusedFonts = entries.filter((p) => p.startsWith('/node_modules/dejavu-fonts-ttf/') && p.endsWith('.ttf') && !pdfFiles.includes(p));
  check('no unused DejaVu fonts in asar', unusedFonts.length === 0, unusedFonts.slice(0, 5).join(', '));

  checkPdfFromPackage(asar, asarPath);

  const pkg = JSON.parse(asar.extractFile(asarPath, 'package.json').toString('utf8'));
  check('packaged package.json main', pkg.main === EXPECTED_MAIN, `main is ${JSON.stringify(pkg.main)}`);

  const unpacked = join(appDir, 'resources', 'app.asar.unpacked', NATIVE_MODULE);
  check('native module unpacked', existsSync(unpacked), `${unpacked} not found`);

  // node_modules may ship their own sources; the rule is about ours.
  const own = entries.filter((p) => !p.startsWith('/node_modules/'));
  const sources = own.filter((p) => /\.(ts|tsx|mts|cts)$/.test(p));
  check('no TypeScript sources in asar', sources.length === 0, sources.slice(0, 5).join(', '));
  const testFiles = own.filter((p) => /(^|\/)(tests?|__tests__|bench)(\/|$)/.test(p) || /\.(test|spec)\.[cm]?js$/.test(p));
  check('no tests or benchmarks in asar', testFiles.length === 0, testFiles.slice(0, 5).join(', '));
  const stray = own.filter((p) => /^\/(electron|shared|db|renderer|build|src|\.ci)(\/|$)/.test(p) || p.endsWith('.map'));
  check('only built output in asar', stray.length === 0, stray.slice(0, 5).join(', '));

  const fuses = readFuses(join(appDir, 'tiimipoyta'));
  if (fuses === null) {
    fail('electron fuses', 'no fuse wire in the packaged executable');
  } else {
    const wrong = Object.entries(EXPECTED_FUSES).filter(([name, want]) => fuses[name] !== want);
    check('electron fuses', wrong.length === 0, wrong.map(([n, want]) => `${n} should be ${want}`).join(', '));
  }
}

/**
 * Renders a small plan PDF from the packaged files alone (app.asar extracted): the fonts resolve,
 * and nothing pdfkit needs at run time was left out by the exclusions above. Then seals it with a
 * new seal (node-forge, @signpdf from the package) and has pdfsig check the signature.
 */
function checkPdfFromPackage(asar, asarPath) {
  const dest = mkdtempSync(join(tmpdir(), 'tiimipoyta-asar-'));
  try {
    asar.extractAll(asarPath, dest);
    const url = (p) => JSON.stringify(pathToFileURL(join(dest, p)).href);
    const script = `
      const { planDocument } = await import(${url('dist/node/electron/backend/pdf/plan-document.js')});
      const { renderPlanPdf } = await import(${url('dist/node/electron/backend/pdf/render-pdf.js')});
      const { fontPaths } = await import(${url('dist/node/electron/backend/pdf/fonts.js')});
      const { generateSeal, sealPdf } = await import(${url('dist/node/electron/backend/pdf/seal.js')});
      const { writeFileSync } = await import('node:fs');
      const doc = planDocument({
        planId: 'p', caseNumber: '2026-0001', organisation: 'Kainuu', fullIdentityCode: false, clientRating: 5, payload: null, signatures: [],
        version: { version: 1, state: 'draft', frozenAt: null, lockedAt: null, supersededAt: null },
        content: { client: { id: 'c', name: 'Åsa Öhman', identityCode: null }, goals: [{ id: 'g', text: 'Työkokeilu', targetDate: null, progressMeasure: '', acceptance: 'agrees', clientWords: '' }],
          actions: [], reviewDate: '2027-01-01', statutoryPlans: [], coordinator: null, attendance: [], meeting: null, teamName: 'Tiimi', conclusion: null, quorum: null },
      });
      const r = await renderPlanPdf(doc, 'sv');
      const fonts = Object.values(fontPaths()).every((p) => p.startsWith(${JSON.stringify(dest)}));
      const sealed = await sealPdf(r.bytes, await generateSeal('Kainuun hyvinvointialue'), { reason: 'Tiimipöytä: check', name: 'Kainuu', location: 'Suomi' });
      writeFileSync(${JSON.stringify(join(dest, 'sealed.pdf'))}, sealed);
      process.stdout.write(JSON.stringify({ head: r.bytes.subarray(0, 8).toString('latin1'), pages: r.pages, fonts }));
    `;
    const res = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dest, encoding: 'utf8', timeout: 60_000 });
    let out = null;
    try {
      out = JSON.parse(res.stdout);
    } catch {
      /* reported below */
    }
    check(
      'a plan PDF renders from the packaged files',
      res.status === 0 && out?.head === '%PDF-1.7' && out.pages >= 1 && out.fonts,
      `exit ${res.status}: ${(res.stderr || res.stdout || '').trim().split('\n').slice(-5).join(' | ')}`,
    );
    // pdfsig exits 0 even on a digest mismatch: its output says whether the signature holds.
    const sig = spawnSync('pdfsig', [join(dest, 'sealed.pdf')], { encoding: 'utf8' });
    if (sig.error) console.log('SKIP the packaged seal: pdfsig (poppler-utils) is not installed');
    else {
      const ok = /Signature is Valid/.test(sig.stdout) && /- Total document signed/.test(sig.stdout);
      check('the PDF seals from the packaged files (pdfsig: valid, whole document)', ok, (sig.stdout + sig.stderr).trim().split('\n').slice(-4).join(' | '));
    }
  } finally {
    rmSync(dest, { recursive: true, force: true });
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'tiimipoyta-pack-'));
try {
  if (checkPrerequisites()) {
    const stubDir = join(tmp, 'electron-dist');
    const outDir = join(tmp, 'out');
    mkdirSync(stubDir);
    writeStubElectron(stubDir);
    if (runElectronBuilder(stubDir, outDir)) await inspect(outDir);
  }
} catch (err) {
  fail('check-packaging', err instanceof Error ? err.message : String(err));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exitCode = failed > 0 ? 1 : 0;
