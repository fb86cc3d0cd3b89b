/**
 * The worker thread of `pipelinePnlInTwoThreads`: reads its byte range of the file into a part
 * summary and posts it back (the key log's arrays are transferred, not copied).
 */
import { closeSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { createPartReader, type SummaryPlan } from '../../src/core/read/export-summary';
import { PieceReader } from '../read-in-pieces';

/** About what a statement row takes in a CSV export: sizes each part's key log up front. */
export const BYTES_PER_ROW = 256;

export interface PartRequest {
  plan: SummaryPlan;
  file: string;
  start: number;
  end: number;
  seenBits: Int32Array;
}

if (parentPort) {
  const { plan, file, start, end, seenBits } = workerData as PartRequest;
  const fd = openSync(file, 'r');
  try {
    const part = createPartReader(plan, { first: false, seenBits, expectedRows: (end - start) / BYTES_PER_ROW });
    const pieces = new PieceReader(fd);
    pieces.readBytes(start, end, (bytes) => part.pushBytes(bytes));
    const summary = part.end();
    const { first, second, content, rows } = summary.keys;
    parentPort.postMessage(summary, [first.buffer, second.buffer, content.buffer, rows.buffer]);
  } finally {
    closeSync(fd);
  }
}
