/**
 * The built add-on for tests that load it as Apps Script would: dist/ is rebuilt when it is
 * missing or older than src/. Test files run in parallel, and a build empties dist/ first, so a
 * test that must not see the bundle vanish mid-run works on a private copy.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const distDir = join(repoRoot, 'dist');
export const distCodeFile = join(distDir, 'Code.js');

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Runs `step` once dist/ is up to date, retrying while another test file's build is writing it. */
function whenBuilt<T>(step: () => T): T {
  for (let attempt = 0; ; attempt++) {
    try {
      const stale =
        !existsSync(distCodeFile) || statSync(distCodeFile).mtimeMs < newestSourceTime(join(repoRoot, 'src'));
      if (stale)
        execFileSync(process.execPath, [join(repoRoot, 'scripts/build.mjs')], {
          cwd: repoRoot,
          stdio: 'pipe',
        });
      return step();
    } catch (error) {
      if (attempt >= 20) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
}

/** Builds dist/ when missing or older than src/. */
export function ensureBuilt(): void {
  whenBuilt(() => undefined);
}

/** Path of a private copy of the up-to-date dist/Code.js. */
export function privateBundleCopy(): string {
  return whenBuilt(() => {
    const copy = join(mkdtempSync(join(tmpdir(), 'tts-bundle-')), 'Code.js');
    copyFileSync(distCodeFile, copy);
    return copy;
  });
}
