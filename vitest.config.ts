import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration tests open real encrypted stores and run scrypt; two cores, so keep it to two forks.
    pool: 'forks',
    maxWorkers: 2,
  },
});
