/**
 * How long the sidebar takes to read a big Statement XLSX, and how much JS heap it needs, measured
 * in headless Chromium with the same reader code the sidebar bundles.
 *
 * Three reads of the same file in one fresh page:
 *  1. `readExportFile` (every row kept), cold, timed: `seconds`.
 *  2. the same read through `forEachSheetRow`, keeping every row the way `readExportFile` does,
 *     with the used heap sampled every 1,000 rows: `heapMB` is the peak.
 *  3. `forEachSheetRow` keeping nothing (the streaming import path): `streamSeconds`, `streamHeapMB`.
 * Every order ID is compared with the one written, so a reader that rounds IDs fails the bench.
 */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { benchOrderId, buildStatementWorkbook } from './xlsx-statement-workbook';

export interface XlsxBrowserBenchResult {
  /** Data rows read (header excluded). */
  rows: number;
  /** `readExportFile`, first (cold) read in the page. */
  seconds: number;
  /** Peak used JS heap while reading and keeping every row, MB. */
  heapMB: number;
  /** Size of the XLSX file, bytes. */
  bytes: number;
  /** Used JS heap before reading (page, bundle and the file's bytes), MB. */
  baselineHeapMB: number;
  /** Streaming read that keeps no rows. */
  streamSeconds: number;
  streamHeapMB: number;
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
];

const ORIGIN = 'http://tts-profit-bench.local';

/** Runs in the page: the bundle exposes it as `window.ttsXlsxBench`. */
const PAGE_ENTRY = `
import { forEachSheetRow, readExportFile } from './src/core/files/read-file';

function usedHeapMB() {
  return performance.memory.usedJSHeapSize / (1024 * 1024);
}

function orderId(row) {
  return '577' + String(row).padStart(15, '0');
}

window.ttsXlsxBench = async function () {
  const bytes = new Uint8Array(await (await fetch('${ORIGIN}/statement.xlsx')).arrayBuffer());
  const ID_COLUMN = 6;
  let badIds = 0;

  gc();
  const baselineHeapMB = usedHeapMB();
  let started = performance.now();
  const file = readExportFile(bytes, 'statement.xlsx');
  const seconds = (performance.now() - started) / 1000;
  const rows = file.sheets[0].rows;
  for (let r = 1; r < rows.length; r++) if (rows[r][ID_COLUMN] !== orderId(r)) badIds++;
  const dataRows = rows.length - 1;

  file.sheets.length = 0;
  gc();
  let peak = usedHeapMB();
  const kept = [];
  forEachSheetRow(bytes, 'statement.xlsx', (sheet, cells, rowNumber) => {
    while (kept.length < rowNumber - 1) kept.push([]);
    kept.push(cells);
    if (rowNumber % 1000 === 0) peak = Math.max(peak, usedHeapMB());
  });
  peak = Math.max(peak, usedHeapMB());
  kept.length = 0;

  gc();
  let streamPeak = usedHeapMB();
  let streamRows = 0;
  started = performance.now();
  forEachSheetRow(bytes, 'statement.xlsx', (sheet, cells, rowNumber) => {
    if (rowNumber === 1) return;
    streamRows++;
    if (cells[ID_COLUMN] !== orderId(rowNumber - 1)) badIds++;
    if (rowNumber % 1000 === 0) streamPeak = Math.max(streamPeak, usedHeapMB());
  });
  const streamSeconds = (performance.now() - started) / 1000;
  if (streamRows !== dataRows) badIds += Math.abs(streamRows - dataRows);

  return { rows: dataRows, seconds, heapMB: peak, baselineHeapMB, streamSeconds, streamHeapMB: streamPeak, badIds };
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

export async function benchXlsxInBrowser(opts: { rows: number; cols: number }): Promise<XlsxBrowserBenchResult> {
  const xlsx = buildStatementWorkbook(opts);
  const script = await bundlePageScript();
  // Sanity check that the page's ID formula matches the generator's.
  if (benchOrderId(1) !== '577000000000000001') throw new Error('bench order IDs changed');

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/statement.xlsx') {
        return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from(xlsx) });
      }
      return route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: `<!doctype html><meta charset="utf-8"><title>XLSX read bench</title><script>${script.replace(/<\/script/gi, '<\\/script')}</script>`,
      });
    });
    await page.goto(`${ORIGIN}/`);
    const result = await page.evaluate(() =>
      (window as unknown as { ttsXlsxBench: () => Promise<Omit<XlsxBrowserBenchResult, 'bytes'> & { badIds: number }> }).ttsXlsxBench(),
    );
    if (result.badIds > 0) throw new Error(`${result.badIds} order IDs did not come back exactly as written`);
    if (result.rows !== opts.rows) throw new Error(`read ${result.rows} data rows, expected ${opts.rows}`);
    const round = (n: number, places: number): number => Number(n.toFixed(places));
    return {
      rows: result.rows,
      seconds: round(result.seconds, 2),
      heapMB: round(result.heapMB, 1),
      bytes: xlsx.length,
      baselineHeapMB: round(result.baselineHeapMB, 1),
      streamSeconds: round(result.streamSeconds, 2),
      streamHeapMB: round(result.streamHeapMB, 1),
    };
  } finally {
    await browser.close();
  }
}
