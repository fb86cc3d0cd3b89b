import { defineConfig } from 'vitest/config';

/** `npm run test:reliability`: the corpus, fault injection and property tests (scripts/reliability.mjs). */
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
