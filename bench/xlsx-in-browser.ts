/**
 * How long the sidebar's worker takes to read a big Statement XLSX, and how much JS heap it holds,
 * measured in headless Chromium with the code the sidebar bundles.
 *
 * Each measurement runs in a fresh page, so each is a first (cold) run as in the sidebar; the
 * phases take turns, `repeats` rounds (default 3), and each reports its median time, so a busy
 * machine slows them alike instead of skewing one:
 *  - `read`: the raw reader, `forEachSheetRowAsync` (the file's bytes inflated piece by piece
 *    into the scanner), every row's cells cut and checked, none kept.
 *  - `parse`: the worker's code, `parseStreamingRows` on the File read a piece at a time: read +
 *    normalize + reconcile, rows handed over in batches ready to post to the page. Run in the
 *    page so that its heap can be read (a worker's is not visible to the page).
 *  - `worker`: the sidebar's file parser end to end: the File handed to the bundled worker,
 *    imported rows streamed back to the page.
 * Peak heap is the used JS heap sampled every 1,000 rows, the highest of the rounds. Every order
 * ID is compared with the one written, so a reader or parser that rounds IDs fails the bench.
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../scripts/browser';
import { buildStatementWorkbook, type StatementWorkbook } from './xlsx-statement-workbook';

export interface XlsxPhaseResult {
  /** Median of the rounds. */
  seconds: number;
  /** Every round's time, in order. */
  runs: number[];
  /** Peak used JS heap, MB. */
  heapMB: number;
  /** Used JS heap before reading (page, bundle and the file's bytes), MB. */
  baselineHeapMB: number;
}

export interface XlsxBrowserBenchResult {
  /** Data rows read (header excluded). */
  rows: number;
  /** Size of the XLSX file, bytes. */
  bytes: number;
  read: XlsxPhaseResult;
  parse: XlsxPhaseResult;
  /**
   * The sidebar's own path: `createFileParser` reads a File and parses it in the bundled parse
   * worker, rows streamed back to the page. The heap is the page's (it ends up holding the rows);
   * the worker's is not visible to the page.
   */
  worker: XlsxPhaseResult;
}

type Phase = 'read' | 'parse' | 'worker';
const PHASES: Phase[] = ['read', 'parse', 'worker'];

/** Added to the resolver's flags: `performance.memory` unrounded, and `gc()` between rounds. */
const MEASURE_ARGS = ['--enable-precise-memory-info', '--js-flags=--expose-gc'];

const ORIGIN = 'http://tts-profit-bench.local';

/** Runs in the page: the bundle exposes it as `window.ttsXlsxBench(phase)`. */
const PAGE_ENTRY = `
import { forEachSheetRowAsync } from './src/core/read/files/read-file';
import { fileSource } from './src/sidebar/parsing/file-source';
import { parseStreamingRows } from './src/sidebar/parsing/parse-file';
import { createFileParser } from './src/sidebar/parsing/parse-in-worker';

function usedHeapMB() {
  return performance.memory.usedJSHeapSize / (1024 * 1024);
}

const ID_COLUMN = 6;

window.ttsXlsxBench = async function (phase) {
  const bytes = new Uint8Array(await (await fetch('${ORIGIN}/statement.xlsx')).arrayBuffer());
  const orderIds = await (await fetch('${ORIGIN}/order-ids.json')).json();
  const orderId = (dataRow) => orderIds[dataRow - 1];
  gc();
  const baselineHeapMB = usedHeapMB();
  let peak = baselineHeapMB;
  let rows = 0;
  let badIds = 0;
  let rowsAccounted = -1;
  const started = performance.now();

  if (phase === 'worker') {
    const parser = createFileParser(() => new Worker('${ORIGIN}/parse-worker.js'));
    const outcome = await parser.parse(new File([bytes], 'statement.xlsx'));
    if (!parser.usesWorker) throw new Error('the parse worker did not start');
    if (outcome.errors.length > 0) throw new Error(outcome.errors[0].message);
    const parsed = outcome.files[0].rows;
    for (const row of parsed) if (row.orderId !== orderId(row.source.row - 1)) badIds++;
    rowsAccounted = parsed.length + outcome.files[0].rejects.length;
    rows = parsed.length;
  } else if (phase === 'read') {
    let last = 0;
    await forEachSheetRowAsync(bytes, 'statement.xlsx', (sheet, cells, rowNumber) => {
      if (rowNumber > 1 && cells[ID_COLUMN] !== orderId(rowNumber - 1)) badIds++;
      last = rowNumber;
      if (rowNumber % 1000 === 0) peak = Math.max(peak, usedHeapMB());
    });
    rows = last - 1;
  } else {
    let rejected = 0;
    const result = await parseStreamingRows(fileSource(new Blob([bytes]), 'statement.xlsx'), 'statement.xlsx', {
      onRows: (sheet, batch) => {
        for (const row of batch) if (row.orderId !== orderId(row.source.row - 1)) badIds++;
        rows += batch.length;
        peak = Math.max(peak, usedHeapMB());
      },
    });
    if (result.errors.length > 0) throw new Error(result.errors[0].message);
    rejected = result.files[0].rejects.length;
    rowsAccounted = rows + rejected;
  }
  const seconds = (performance.now() - started) / 1000;
  peak = Math.max(peak, usedHeapMB());
  return { rows, rowsAccounted, seconds, heapMB: peak, baselineHeapMB, badIds };
};
`;

async function bundlePageScript(): Promise<string> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const result = await build({
    stdin: { contents: PAGE_ENTRY, resolveDir: root, loader: 'ts', sourcefile: 'xlsx-bench-page.ts' },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2019',
    platform: 'browser',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** The parse worker bundled as scripts/build.mjs bundles it for the sidebar. */
async function bundleParseWorker(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../src/sidebar/parsing/parse-worker.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** The workbook, built once per size and kept in bench/.data (building it takes longer than reading it). */
function statementWorkbook(opts: { rows: number; cols: number }): StatementWorkbook {
  const dataDir = fileURLToPath(new URL('./.data', import.meta.url));
  const file = join(dataDir, `statement-reconciled-${opts.rows}x${opts.cols}.xlsx`);
  const idsFile = `${file}.order-ids.json`;
  if (existsSync(file) && existsSync(idsFile)) {
    return {
      xlsx: new Uint8Array(readFileSync(file)),
      orderIds: JSON.parse(readFileSync(idsFile, 'utf8')) as string[],
    };
  }
  const workbook = buildStatementWorkbook(opts);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, workbook.xlsx);
  writeFileSync(idsFile, JSON.stringify(workbook.orderIds));
  return workbook;
}

interface PageResult extends XlsxPhaseResult {
  rows: number;
  /** Rows the parser imported plus rows it rejected (-1 for read-only phases). */
  rowsAccounted: number;
  badIds: number;
}

interface BenchScripts {
  page: string;
  worker: string;
}

async function runPhase(
  browser: Browser,
  phase: Phase,
  workbook: StatementWorkbook,
  scripts: BenchScripts,
): Promise<PageResult> {
  const page = await browser.newPage();
  try {
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/statement.xlsx') {
        return route.fulfill({
          status: 200,
          contentType: 'application/octet-stream',
          body: Buffer.from(workbook.xlsx),
        });
      }
      if (path === '/parse-worker.js') {
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: scripts.worker });
      }
      if (path === '/order-ids.json') {
        return route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify(workbook.orderIds),
        });
      }
      return route.fulfill({
        status: 200,
        contentType: 'text/html',
        body:
          `<!doctype html><meta charset="utf-8"><title>XLSX read ` +
          `bench</title><script>${scripts.page.replace(/<\/script/gi, '<\\/script')}</script>`,
      });
    });
    await page.goto(`${ORIGIN}/`);
    return await page.evaluate(
      (name) =>
        (window as unknown as { ttsXlsxBench: (phase: string) => Promise<PageResult> }).ttsXlsxBench(name),
      phase,
    );
  } finally {
    await page.close();
  }
}

export async function benchXlsxInBrowser(opts: {
  rows: number;
  cols: number;
  repeats?: number;
}): Promise<XlsxBrowserBenchResult> {
  const workbook = statementWorkbook(opts);
  const scripts = { page: await bundlePageScript(), worker: await bundleParseWorker() };

  const { browser } = await launchChromium(MEASURE_ARGS);
  try {
    const phases = {} as Record<Phase, XlsxPhaseResult>;
    for (let round = 0; round < (opts.repeats ?? 3); round++) {
      for (const phase of PHASES) {
        const result = await runPhase(browser, phase, workbook, scripts);
        if (result.badIds > 0)
          throw new Error(`${phase}: ${result.badIds} order IDs did not come back exactly as written`);
        if (result.rows !== opts.rows)
          throw new Error(`${phase}: ${result.rows} data rows read or imported, expected ${opts.rows}`);
        if (result.rowsAccounted !== -1 && result.rowsAccounted !== opts.rows) {
          throw new Error(
            `${phase}: ${result.rowsAccounted} rows imported or rejected, expected ${opts.rows}`,
          );
        }
        const seen = phases[phase];
        const runs = [...(seen?.runs ?? []), roundTo(result.seconds, 2)];
        phases[phase] = {
          seconds: median(runs),
          runs,
          heapMB: Math.max(seen?.heapMB ?? 0, roundTo(result.heapMB, 1)),
          baselineHeapMB: roundTo(result.baselineHeapMB, 1),
        };
      }
    }
    return { rows: opts.rows, bytes: workbook.xlsx.length, ...phases };
  } finally {
    await browser.close();
  }
}

function roundTo(n: number, places: number): number {
  return Number(n.toFixed(places));
}

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : roundTo((sorted[middle - 1] + sorted[middle]) / 2, 2);
}
