/**
 * The sidebar worker's path on a file, as the worker runs it: the file's bytes → records → ledger
 * rows in batches ready to post to the page, with the preview's totals and reconciliation.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseBytesStreamingRows } from '../../src/sidebar/parsing/parse-file';
import { readTextInPieces } from '../read-in-pieces';
import { createCsvChunkReader } from '../../src/core/read/files/csv';

export async function workerPath(file: string): Promise<{ rows: number; rejected: number; settlement: string; mismatches: number }> {
  let rows = 0;
  const outcome = await parseBytesStreamingRows(new Uint8Array(readFileSync(file)), basename(file), (_sheet, batch) => {
    rows += batch.length;
  });
  if (outcome.errors.length > 0) throw new Error(outcome.errors[0].message);
  const parsed = outcome.files[0];
  return { rows, rejected: parsed.rejects.length, settlement: (parsed.totals.settlement / 100).toFixed(2), mismatches: parsed.reconciliation.mismatches.length };
}

/** The text reader alone (what the worker reads with), fed the same file decoded in pieces. */
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
