/** Parses one export file's bytes with the core, turning anything thrown into a per-file error. */
import { parseExportFile, parseExportFileAsync } from '../../core/read/parse-export';
import type { LedgerRow } from '../../core/types';
import type { ParseOutcome } from './parse-protocol';

function failure(fileName: string, error: unknown): ParseOutcome {
  const message = error instanceof Error ? error.message : String(error);
  return { files: [], errors: [{ fileName, message }] };
}

export function parseBytes(bytes: Uint8Array, fileName: string): ParseOutcome {
  try {
    return parseExportFile(bytes, fileName);
  } catch (error) {
    return failure(fileName, error);
  }
}

/**
 * `parseBytes` with workbooks inflated by the browser's native decompressor, streamed into the
 * reader: what the parse worker and the in-page fallback use.
 */
export async function parseBytesAsync(bytes: Uint8Array, fileName: string): Promise<ParseOutcome> {
  try {
    return await parseExportFileAsync(bytes, fileName);
  } catch (error) {
    return failure(fileName, error);
  }
}

/** Imported rows sent to the page at a time: small enough to unpack between the worker's reads. */
const ROW_BATCH_SIZE = 2_000;

/**
 * `parseBytesAsync` that hands imported rows to `onRows` in batches, in order, as they are parsed,
 * and returns the outcome with every file's `rows` left empty (the worker keeps no copy).
 */
export async function parseBytesStreamingRows(
  bytes: Uint8Array,
  fileName: string,
  onRows: (sheet: string | undefined, rows: LedgerRow[]) => void,
): Promise<ParseOutcome> {
  let batch: LedgerRow[] = [];
  let batchSheet: string | undefined;
  const flush = (): void => {
    if (batch.length > 0) onRows(batchSheet, batch);
    batch = [];
  };
  try {
    const outcome = await parseExportFileAsync(bytes, fileName, {
      keepRows: false,
      onRow: (row, sheet) => {
        if (sheet !== batchSheet || batch.length >= ROW_BATCH_SIZE) flush();
        batchSheet = sheet;
        batch.push(row);
      },
    });
    flush();
    return outcome;
  } catch (error) {
    return failure(fileName, error);
  }
}
