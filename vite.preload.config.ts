/**
 * Builds the Electron preload into one self-contained CommonJS file. A sandboxed preload runs with
 * a tiny `require` that knows only 'electron' (and a few polyfills), so shared/ code must be
 * bundled in and nothing else may be required.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist/preload',
    emptyOutDir: false,
    copyPublicDir: false,
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    // Electron 45 ships Chromium 142 and Node 22; node20 keeps the output readable by the oldest supported tooling.
    target: ['node20', 'chrome142'],
    lib: {
      entry: fileURLToPath(new URL('electron/preload/index.ts', import.meta.url)),
      formats: ['cjs'],
      fileName: () => 'index.cjs',
    },
    rolldownOptions: {
      external: ['electron'],
      output: { exports: 'none' },
    },
  },
});
