/**
 * Import into the workbook as the add-on does it: the file parsed by the worker's code, the
 * sidebar's import loop (src/sidebar/import/import-runner.ts) calling the real import handlers of
 * the built dist/Code.js, each call a fresh execution over the same in-memory workbook, with
 * google.script.run's JSON semantics. Counted: rows per second, `Range.setValues` calls and the
 * cells the add-on's tabs hold after the import, per 1,000 rows imported.
 */
import { jsonRoundTrip, loadBundleInVm, Workbook } from '../emulator/index';
import { runImports, type ServerCaller } from '../src/sidebar/import/import-runner';
import { distCodeFile, ensureBuilt } from '../test/helpers/built-bundle';
import { parsedBySidebar } from '../test/helpers/sidebar-reader';
import type { ParsedExport } from '../src/core/types';

export interface ImportMeasure {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  setValuesPer1000Rows: number;
  cellsPer1000Rows: number;
  workbook: Workbook;
}

/** The file's ParsedExport as the page holds it once the worker has sent its rows. */
export async function parsedAsInThePage(bytes: Uint8Array, fileName: string): Promise<ParsedExport> {
  const outcome = await parsedBySidebar(bytes, fileName);
  if (outcome.errors.length > 0) throw new Error(outcome.errors[0].message);
  return outcome.files[0];
}

/** Cells of the used blocks of every tab: what imports wrote (a new tab counts its used block only). */
function cellsHeld(workbook: Workbook): number {
  let cells = 0;
  for (const sheet of workbook.sheets) cells += sheet.lastRow() * sheet.lastColumn();
  return cells;
}

export async function measureImport(parsed: ParsedExport): Promise<ImportMeasure> {
  ensureBuilt();
  const workbook = new Workbook();
  const call = (async (name: string, arg: unknown) => {
    const rt = loadBundleInVm({ file: distCodeFile, workbook });
    return jsonRoundTrip(rt.call(name, jsonRoundTrip(arg, 'argument')), 'result');
  }) as ServerCaller;
  const cellsBefore = cellsHeld(workbook);
  workbook.calls.reset();
  const started = performance.now();
  const [outcome] = await runImports([parsed], { call });
  const seconds = (performance.now() - started) / 1000;
  if (outcome.status !== 'complete' || outcome.written !== parsed.rows.length) {
    throw new Error(
      `import of ${parsed.fileName}: ${outcome.status}, ${outcome.written} of ${parsed.rows.length} rows written (${outcome.message ?? ''})`,
    );
  }
  const per1000 = 1000 / parsed.rows.length;
  return {
    rows: parsed.rows.length,
    seconds,
    rowsPerSecond: parsed.rows.length / seconds,
    setValuesPer1000Rows: workbook.calls.count('Range.setValues') * per1000,
    cellsPer1000Rows: (cellsHeld(workbook) - cellsBefore) * per1000,
    workbook,
  };
}
