import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer bundle: one build for Electron (app://) and browser mode (loopback http), so relative URLs. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
