/**
 * The Chromium that the browser tests and the benchmark drive, found the same way everywhere:
 *  1. `CHROME_BIN`, when set (a missing file there is an error, never a silent fallback);
 *  2. `/usr/bin/chromium`, when the machine has one;
 *  3. the headless Chromium shipped inside the `@sparticuz/chromium` dev dependency, so that
 *     `npm ci && npm test` needs nothing but Node and npm. It is unpacked into the temp folder on
 *     first use (a few seconds) and reused afterwards.
 * No browser at all is an error: a browser test must fail, not skip, where it cannot run.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium as playwright, type Browser } from 'playwright-core';

export interface ChromiumChoice {
  executablePath: string;
  /** Command-line flags this binary needs to run headless in a container. */
  args: string[];
  /** Where it came from, for the log line. */
  source: string;
}

/** Flags for a distribution's full Chromium (Debian's, a developer's own). */
const SYSTEM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumChoice> {
  const named = env.CHROME_BIN;
  if (named) {
    if (!existsSync(named)) throw new Error(`CHROME_BIN is ${named}, but no file is there. Unset it to use the bundled Chromium.`);
    return { executablePath: named, args: SYSTEM_FLAGS, source: 'CHROME_BIN' };
  }
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, args: SYSTEM_FLAGS, source: SYSTEM_CHROMIUM };
  return bundledChromium();
}

/** Launches the Chromium `findChromium` picks, with its flags plus `extraArgs`. */
export async function launchChromium(extraArgs: string[] = []): Promise<{ browser: Browser; choice: ChromiumChoice }> {
  const choice = await findChromium();
  const browser = await playwright.launch({ executablePath: choice.executablePath, headless: true, args: [...choice.args, ...extraArgs] });
  return { browser, choice };
}

async function bundledChromium(): Promise<ChromiumChoice> {
  let sparticuz: typeof import('@sparticuz/chromium').default;
  try {
    sparticuz = (await import('@sparticuz/chromium')).default;
  } catch (error) {
    throw new Error(
      `No Chromium found: CHROME_BIN is unset, ${SYSTEM_CHROMIUM} does not exist, and the @sparticuz/chromium ` +
        `dev dependency cannot be loaded (${String(error)}). Run npm ci.`,
    );
  }
  const executablePath = await withUnpackLock(() => unpack(sparticuz));
  const args = sparticuz.args.filter((flag) => !UNWANTED_BUNDLED_FLAGS.has(flag));
  return { executablePath, args, source: `@sparticuz/chromium ${installedVersion()}` };
}

/**
 * The package's flags suit a serverless function, not a test: in one process, closing a page ends
 * the browser (the benchmark opens a page per measurement), and a test must meet the same-origin
 * rules a seller's browser enforces.
 */
const UNWANTED_BUNDLED_FLAGS = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content']);

/**
 * The package unpacks to fixed names in the temp folder and reuses whatever file is there, so a
 * second process starting mid-unpack, an unpack cut short, or a binary left by another version
 * would launch a broken browser. A marker written after a complete unpack names the version; without
 * it the binary is unpacked again.
 */
async function unpack(sparticuz: typeof import('@sparticuz/chromium').default): Promise<string> {
  const version = installedVersion();
  const marker = join(tmpdir(), 'chromium.tts-profit-unpacked');
  const binary = join(tmpdir(), 'chromium');
  const marked = existsSync(marker) && readFileSync(marker, 'utf8') === version;
  if (!marked) rmSync(binary, { force: true });
  const executablePath = await sparticuz.executablePath();
  if (!marked) writeFileSync(marker, version);
  return executablePath;
}

function installedVersion(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@sparticuz/chromium');
  const pkg = join(entry.slice(0, entry.lastIndexOf('@sparticuz/chromium') + '@sparticuz/chromium'.length), 'package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

/** One unpacking process at a time; a lock older than two minutes was left by a killed process. */
async function withUnpackLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = join(tmpdir(), 'chromium.tts-profit-lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() - lockedSince(lock) > 120_000) rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function lockedSince(lock: string): number {
  try {
    return statSync(lock).mtimeMs;
  } catch {
    return Date.now();
  }
}
