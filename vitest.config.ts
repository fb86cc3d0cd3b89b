import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Run by `npm run test:reliability` (vitest.reliability.config.ts), so `npm test` runs them once.
    exclude: [...configDefaults.exclude, 'test/reliability/**'],
    environment: 'node',
    unstubGlobals: true,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser tests share one Chromium; run files in parallel only across the 2 cores.
    maxWorkers: 2,
  },
});
