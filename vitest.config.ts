import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // A hang guard, not a performance check: e2e tests start child processes, slow on a loaded two-core runner.
    testTimeout: 90_000,
    hookTimeout: 30_000,
  },
});
