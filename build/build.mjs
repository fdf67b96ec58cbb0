#!/usr/bin/env node
// Builds what the app runs: the Node side (tsc → dist/node), the Electron preload (Vite → dist/preload)
// and the renderer (Vite → dist/renderer). `--node-only` builds just dist/node (for the CLI).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const quiet = args.has('--quiet');
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function run(label, cmd, cmdArgs) {
  const started = Date.now();
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    if (quiet) process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    process.stderr.write(`build: ${label} failed\n`);
    process.exit(r.status ?? 1);
  }
  if (!quiet) process.stdout.write(`build: ${label} (${Date.now() - started} ms)\n`);
}

run('node (tsc)', bin('tsc'), ['-p', 'tsconfig.node.json']);
if (!args.has('--node-only')) {
  run('preload (vite)', bin('vite'), ['build', '--logLevel', 'warn', '-c', 'vite.preload.config.ts']);
  run('renderer (vite)', bin('vite'), ['build', '--logLevel', 'warn']);
}
