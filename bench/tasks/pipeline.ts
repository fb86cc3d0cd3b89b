/**
 * The add-on's own pipeline, streaming: the file's bytes are read in pieces, CSV records → normalize →
 * reconcile → P&L by month and by SKU, duplicate keys logged, visiting each row once and keeping
 * none of them (rows are read as the normalizer's reusable row view: no LedgerRow is built).
 *
 * `pipelinePnl` reads the file in one thread. `pipelinePnlInTwoThreads` reads its two halves at
 * the same time, this thread the first and a worker thread the second, and merges the two
 * summaries into exactly what one pass gives (see src/core/read/export-summary.ts).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createPartReader, mergePartSummaries, planSummary, type ExportSummary, type PartSummary, type SummaryPlan } from '../../src/core/read/export-summary';
import { createCsvChunkReader } from '../../src/core/read/files/csv';
import { CellNeed, createCsvByteReader } from '../../src/core/read/files/csv-bytes';
import { createSeenBits } from '../../src/core/ledger/key-log';
import { PieceReader, PIECE_BYTES, readTextInPieces } from '../read-in-pieces';
import { BYTES_PER_ROW, type PartRequest } from './pipeline-part';

const GROUP_BYS = ['month', 'sku'] as const;

/**
 * This thread's share of the file. The worker starts later (a new thread loads and compiles its
 * own code) and, on two cores, shares one with the compiler and the collector: measured at 1M
 * rows, it takes ~0.6 s longer than this thread over half the file, and about as long at 45 %.
 */
const FIRST_PART_SHARE = 0.55;

/**
 * From this file size the pipeline reads in two threads. A worker costs ~0.1 s before it reads its
 * first row (a thread, its own copy of the code, compiled again) and two cores then share the
 * compiler too: measured here, two threads take 0.48 s on a 31 MB file that one reads in 0.38 s,
 * and 1.9 s on a 311 MB file that one reads in 2.8 s; the two lines cross near 60 MB.
 */
export const TWO_THREADS_FROM_BYTES = 64 * 2 ** 20;

export function pipelinePnl(file: string) {
  const fd = openSync(file, 'r');
  try {
    const plan = planOf(fd, file);
    const part = createPartReader(plan, { first: true, expectedRows: fstatSync(fd).size / BYTES_PER_ROW });
    const pieces = new PieceReader(fd);
    pieces.readBytes(0, Infinity, (bytes) => part.pushBytes(bytes));
    return described(mergePartSummaries(plan, [part.end()]), 1);
  } finally {
    closeSync(fd);
  }
}

/**
 * The two halves at once. The cut is the first line break after the middle. Whether it is outside
 * quotes (a quoted field may hold line breaks) is known only from the start of the file: rather
 * than scan half the file for quotes before starting, the first half's reader tells when it gets
 * there, and when the cut was inside a quoted field this thread reads on to the end and the
 * worker's half is dropped. The worker numbers its rows from 1; the merge makes them file rows.
 */
export async function pipelinePnlInTwoThreads(file: string, workerScript: string) {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const plan = planOf(fd, file);
    const cut = lineStartAfter(fd, Math.floor(size * FIRST_PART_SHARE), size);
    if (cut >= size) return pipelinePnl(file);
    const seenBits = createSeenBits(true, size / BYTES_PER_ROW);
    const request: PartRequest = { plan, file, start: cut, end: size, seenBits };
    // A plain worker: the script is compiled JavaScript, so it needs none of this process's loader flags.
    const worker = new Worker(workerScript, { workerData: request, execArgv: [] });
    const second = new Promise<PartSummary>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    const part = createPartReader(plan, { first: true, seenBits, expectedRows: cut / BYTES_PER_ROW });
    const pieces = new PieceReader(fd);
    pieces.readBytes(0, cut, (bytes) => part.pushBytes(bytes));
    if (!part.atRecordBoundary()) {
      // The cut fell inside a quoted field: this thread reads the rest, the worker's half is dropped.
      await worker.terminate();
      pieces.readBytes(cut, Infinity, (bytes) => part.pushBytes(bytes));
      return described(mergePartSummaries(plan, [part.end()]), 1);
    }
    const first = part.end();
    const summary = mergePartSummaries(plan, [first, await second]);
    await worker.terminate();
    return described(summary, 2);
  } finally {
    closeSync(fd);
  }
}

/** The plan (layout, header, delimiter) from the first piece of the file. */
function planOf(fd: number, file: string): SummaryPlan {
  const start = Buffer.allocUnsafe(PIECE_BYTES);
  const read = readSync(fd, start, 0, PIECE_BYTES, 0);
  const text = new TextDecoder('utf-8').decode(start.subarray(0, read), { stream: true });
  return planSummary(text, basename(file), [...GROUP_BYS]);
}

/** Byte just after the first LF at or after `from` (the file size when there is none). */
function lineStartAfter(fd: number, from: number, size: number): number {
  const buffer = Buffer.allocUnsafe(PIECE_BYTES);
  for (let position = from; position < size; position += PIECE_BYTES) {
    const read = readSync(fd, buffer, 0, PIECE_BYTES, position);
    const lf = buffer.subarray(0, read).indexOf(10);
    if (lf >= 0) return position + lf + 1;
  }
  return size;
}

function described(summary: ExportSummary, threads: number) {
  const months = summary.groupings.result('month');
  return {
    threads,
    rows: summary.rowsAccepted,
    rejected: summary.rejectedRows,
    groups: months.length + summary.groupings.result('sku').length,
    settlement: (months.reduce((s, g) => s + g.lines.settlement, 0) / 100).toFixed(2),
    mismatches: summary.reconciliation.mismatches.length,
    repeatedKeys: summary.repeatedKeys.size,
    duplicateKeys: summary.duplicateKeys.length,
  };
}

/**
 * The raw parser alone, fed the same pieces: the byte reader the pipeline reads with, every cell
 * of every record cut as text and counted, nothing done with it.
 */
export function rawParse(file: string): { rows: number; cells: number } {
  let rows = 0;
  let cells = 0;
  const everyCellAsText = new Uint8Array(256).fill(CellNeed.Text);
  const reader = createCsvByteReader(
    (record) => {
      rows++;
      cells += record.length;
    },
    ','.charCodeAt(0),
    everyCellAsText,
  );
  const fd = openSync(file, 'r');
  try {
    new PieceReader(fd).readBytes(0, Infinity, (bytes) => reader.push(bytes));
  } finally {
    closeSync(fd);
  }
  reader.end();
  return { rows, cells };
}

/** The text reader alone (what imports read with), fed the same file decoded in pieces. */
export function rawParseText(file: string): { rows: number; cells: number } {
  let rows = 0;
  let cells = 0;
  const reader = createCsvChunkReader((record) => {
    rows++;
    cells += record.length;
  });
  readTextInPieces(file, (text) => reader.push(text));
  reader.end();
  return { rows, cells };
}
