/**
 * Runs the sidebar's import loop against the built dist/Code.js in the emulator: every call is a
 * fresh execution (new global scope) over the same workbook, with HtmlService's JSON semantics.
 */
import { readFileSync } from 'node:fs';
import { privateBundleCopy } from '../helpers/built-bundle';
import { jsonRoundTrip, loadBundleInVm, Workbook, type GasRuntime } from '../../emulator/index';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import type { ParsedExport } from '../../src/core/types';
import { runImports, type ImportOutcome, type ServerCaller } from '../../src/sidebar/import/import-runner';

export const LEDGER = 'TTS Ledger';
export const IMPORTS = 'TTS Imports';
export const COGS = 'TTS COGS';

let bundleFile = '';

/** Builds dist/ when needed and works on a private copy of dist/Code.js for the rest of the file's tests. */
export function ensureBuilt(): void {
  bundleFile = privateBundleCopy();
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
  importFiles(
    files: ParsedExport[],
    opts?: { maxRows?: number; isCancelled?: () => boolean },
  ): Promise<ImportOutcome[]>;
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
      runImports(files, {
        call,
        limits: { maxRows: opts.maxRows ?? 2000, maxBytes: 1_000_000 },
        isCancelled: opts.isCancelled,
      }),
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
