#!/usr/bin/env node
// `npm start`: build, then launch Electron; where the Electron binary is not available (it cannot
// be downloaded on an offline machine), say so in one line and start browser mode instead.
// Options: --browser (browser mode even where Electron exists), --data DIR (another store folder).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser');
const passThrough = args.filter((a) => a !== '--browser');

const build = spawnSync(process.execPath, [join(root, 'build', 'build.mjs'), '--quiet'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

/** The Electron binary's path if it is installed, without triggering electron's own lazy download. */
function electronBinary() {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : undefined;
}

function tryDownloadElectron() {
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer) || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return;
  spawnSync(process.execPath, [installer], { cwd: root, stdio: 'ignore', timeout: 180_000 });
}


let electron = forceBrowser ? undefined : electronBinary();
if (!electron && !forceBrowser) {
  tryDownloadElectron();
  electron = electronBinary();
}
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

let child;
if (electron && !headless && !forceBrowser) {
  child = spawn(electron, [root, ...passThrough], { cwd: root, stdio: 'inherit' });
} else {
  const why = forceBrowser ? 'browser mode was asked for' : !electron ? 'its binary is not installed and could not be downloaded' : 'there is no display';
  process.stdout.write(`Electron is not available (${why}); starting Tiimipöytä in browser mode instead.\n`);
  child = spawn(process.execPath, [join(root, 'dist', 'node', 'electron', 'cli.js'), 'serve', '--open', ...passThrough], { cwd: root, stdio: 'inherit' });
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
