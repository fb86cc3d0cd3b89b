/**
 * Runs the sidebar's import loop against the built dist/Code.js in the emulator: every call is a
 * fresh execution (new global scope) over the same workbook, with HtmlService's JSON semantics.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonRoundTrip, loadBundleInVm, Workbook, type GasRuntime } from '../../emulator/index';
import { parseExportFile } from '../../src/core/parse-export';
import type { ParsedExport } from '../../src/core/types';
import { runImports, type ImportOutcome, type ServerCaller } from '../../src/sidebar/import/import-runner';

export const LEDGER = 'TTS Ledger';
export const IMPORTS = 'TTS Imports';
export const COGS = 'TTS COGS';

let bundleFile = '';

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds dist/ when missing or older than src/, then works on a private copy of dist/Code.js, so
 * a rebuild started by another test file meanwhile (it empties dist/ first) cannot pull the
 * bundle away mid-test.
 */
export function ensureBuilt(): void {
  const dist = 'dist/Code.js';
  for (let attempt = 0; ; attempt++) {
    try {
      if (!existsSync(dist) || statSync(dist).mtimeMs < newestSourceTime('src')) execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'pipe' });
      const copy = join(mkdtempSync(join(tmpdir(), 'tts-import-test-')), 'Code.js');
      copyFileSync(dist, copy);
      bundleFile = copy;
      return;
    } catch (error) {
      if (attempt >= 20) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250); // another build is writing dist/
    }
  }
}

export function sampleStatement(): ParsedExport {
  const parsed = parseExportFile(readFileSync('samples/statement-2026-05.csv'), 'statement-2026-05.csv');
  if (parsed.errors.length > 0) throw new Error(parsed.errors[0].message);
  return parsed.files[0];
}

export interface Harness {
  workbook: Workbook;
  /** One execution of a top-level function, as google.script.run makes it. */
  run(name: string, arg: unknown, prepare?: (rt: GasRuntime) => void): unknown;
  call: ServerCaller;
  importFiles(files: ParsedExport[], opts?: { maxRows?: number; isCancelled?: () => boolean }): Promise<ImportOutcome[]>;
  /** Sheet values (row 1 = header), or [] when the tab does not exist. */
  values(sheet: string): unknown[][];
}

export function harness(workbook = new Workbook()): Harness {
  const run = (name: string, arg: unknown, prepare?: (rt: GasRuntime) => void) => {
    if (!bundleFile) ensureBuilt();
    const rt = loadBundleInVm({ file: bundleFile, workbook });
    prepare?.(rt);
    return jsonRoundTrip(rt.call(name, jsonRoundTrip(arg, 'argument')), 'result');
  };
  const call = (async (name: string, arg: unknown) => run(name, arg)) as ServerCaller;
  return {
    workbook,
    run,
    call,
    importFiles: (files, opts = {}) =>
      runImports(files, { call, limits: { maxRows: opts.maxRows ?? 2000, maxBytes: 1_000_000 }, isCancelled: opts.isCancelled }),
    values: (sheet) => (workbook.sheet(sheet) ? workbook.valuesOf(sheet) : []),
  };
}

/** Column values of a tab by header label (data rows only). */
export function column(values: unknown[][], label: string): unknown[] {
  const c = (values[0] ?? []).indexOf(label);
  if (c < 0) throw new Error(`no column ${label} in ${JSON.stringify(values[0])}`);
  return values.slice(1).map((row) => row[c]);
}

/** The parsed file restricted to some rows (overlapping imports, small corpora). */
export function withRows(parsed: ParsedExport, rows: ParsedExport['rows']): ParsedExport {
  return { ...parsed, rows };
}
