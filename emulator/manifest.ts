/**
 * The script's manifest (appsscript.json), read the way Apps Script applies it: its `timeZone` is
 * the zone of `Session.getScriptTimeZone()` and of every local `Date` getter the script calls.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_MANIFEST = join(fileURLToPath(new URL('..', import.meta.url)), 'appsscript.json');

/** The manifest's `timeZone`: `<dir>/appsscript.json` (a built dist/) when given and present, else the repo's. */
export function manifestTimeZone(dir?: string): string {
  const file =
    dir !== undefined && existsSync(join(dir, 'appsscript.json'))
      ? join(dir, 'appsscript.json')
      : REPO_MANIFEST;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { timeZone?: unknown };
  if (typeof manifest.timeZone !== 'string' || manifest.timeZone === '')
    throw new Error(`${file} has no timeZone.`);
  return manifest.timeZone;
}

/**
 * Runs `fn` with this process's local time in `timeZone`, as a script runs with its manifest's
 * zone: `new Date(2026, 4, 3)` and `getHours()` inside the bundle then mean what they mean in
 * Apps Script. Node applies a change of `process.env.TZ` at once.
 */
export function inTimeZone<T>(timeZone: string, fn: () => T): T {
  const previous = process.env.TZ;
  if (previous === timeZone) return fn();
  process.env.TZ = timeZone;
  try {
    return fn();
  } finally {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  }
}
