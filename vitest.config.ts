import { readFileSync } from 'node:fs';
import { configDefaults, defineConfig } from 'vitest/config';

// Tests run with local time in the manifest's zone, as the script does in Apps Script; the
// emulator switches to it for every call into the bundle, and this pins the rest of the test run.
process.env.TZ = (
  JSON.parse(readFileSync(new URL('./appsscript.json', import.meta.url), 'utf8')) as { timeZone: string }
).timeZone;

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
