/**
 * The sidebar worker's code on a file, as the worker runs it: the file (a Blob, read a piece at a
 * time) → records → ledger rows in batches ready to post to the page, with the preview's totals
 * and reconciliation. The raw parser is what that code reads the file with, every record cut
 * into cells and nothing done with them.
 */
import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { forEachSheetRowAsync } from '../../src/core/read/files/read-file';
import { fileSource } from '../../src/sidebar/parsing/file-source';
import { parseStreamingRows } from '../../src/sidebar/parsing/parse-file';

/** Heap the process holds now: JS objects and the buffers outside the JS heap (file pieces). */
function heapMB(): number {
  const stats = getHeapStatistics();
  return (stats.used_heap_size + stats.external_memory) / 2 ** 20;
}

export interface WorkerPathResult {
  rows: number;
  rejected: number;
  settlement: string;
  mismatches: number;
  /** Highest heap seen while rows were read (sampled at every batch and every piece), MB. */
  peakHeapMB: number;
  /** Heap before the file was opened, MB. */
  baseHeapMB: number;
}

export async function workerPath(file: string): Promise<WorkerPathResult> {
  const baseHeapMB = heapMB();
  let peakHeapMB = baseHeapMB;
  const sample = (): void => {
    const now = heapMB();
    if (now > peakHeapMB) peakHeapMB = now;
  };
  let rows = 0;
  const outcome = await parseStreamingRows(
    fileSource(await openAsBlob(file), basename(file)),
    basename(file),
    {
      onRows: (_sheet, batch) => {
        rows += batch.length;
        sample();
      },
      onProgress: sample,
      onRestart: () => {
        rows = 0;
      },
    },
  );
  if (outcome.errors.length > 0) throw new Error(outcome.errors[0].message);
  const parsed = outcome.files[0];
  return {
    rows,
    rejected: parsed.rejects.length,
    settlement: (parsed.totals.settlement / 100).toFixed(2),
    mismatches: parsed.reconciliation.mismatches.length,
    peakHeapMB,
    baseHeapMB,
  };
}

/** The reader alone: the same file read by the same code, every record's cells counted. */
export async function rawParse(file: string): Promise<{ rows: number; cells: number }> {
  let rows = 0;
  let cells = 0;
  await forEachSheetRowAsync(
    fileSource(await openAsBlob(file), basename(file)),
    basename(file),
    (_sheet, record) => {
      rows++;
      cells += record.length;
    },
  );
  return { rows, cells };
}
