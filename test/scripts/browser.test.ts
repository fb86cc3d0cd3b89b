import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../scripts/browser';

const root = join(__dirname, '..', '..');

describe('the Chromium the browser tests use', () => {
  it('is the one CHROME_BIN names, with the flags a full Chromium needs', async () => {
    const choice = await findChromium({ CHROME_BIN: process.execPath });
    expect(choice.executablePath).toBe(process.execPath);
    expect(choice.source).toBe('CHROME_BIN');
    expect(choice.args).toContain('--headless');
  });

  it('is an error, not a fallback, when CHROME_BIN names a missing file', async () => {
    await expect(findChromium({ CHROME_BIN: '/nowhere/chromium' })).rejects.toThrow(
      'CHROME_BIN is /nowhere/chromium, but no file is there. Unset it to use the bundled Chromium.',
    );
  });

  it('makes the e2e run fail, never pass as skipped, when the browser cannot start', () => {
    for (const CHROME_BIN of ['/nowhere/chromium', '/bin/false']) {
      const run = spawnSync(process.execPath, [join(root, 'test', 'e2e', 'run.mjs')], {
        cwd: root,
        env: { ...process.env, CHROME_BIN },
        encoding: 'utf8',
      });
      expect(run.status, `${CHROME_BIN}: ${run.stdout}${run.stderr}`).toBe(1);
      expect(run.stdout + run.stderr).toMatch(/e2e: failed: /);
      expect(run.stdout).not.toMatch(/passed|skipped/);
    }
  });
});
