import { defineConfig } from '@playwright/test';

/**
 * Tests of the packaged-shape Electron app (dist/node/electron/main/index.js). Separate from the
 * browser-mode config because they need no browser, run one app at a time (single-instance lock),
 * and skip on machines without the Electron binary.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.PW_JSON_OUTPUT ? [['list'], ['json', { outputFile: process.env.PW_JSON_OUTPUT }]] : [['list']],
  outputDir: '../../test-results/electron',
});
