import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    unstubGlobals: true,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser tests share one Chromium; run files in parallel only across the 2 cores.
    maxWorkers: 2,
  },
});
