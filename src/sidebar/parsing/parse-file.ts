/** Parses one export file with the core, a piece at a time, turning anything thrown into a per-file error. */
import { parseExportFileAsync } from '../../core/read/parse-export-file';
import type { ByteSource } from '../../core/read/files/read-file';
import type { LedgerRow } from '../../core/types';
import type { ParseOutcome } from './parse-protocol';

function failure(fileName: string, error: unknown): ParseOutcome {
  const message = error instanceof Error ? error.message : String(error);
  return { files: [], errors: [{ fileName, message }] };
}

/**
 * Imported rows sent to the page at a time: small enough to unpack between the worker's reads,
 * and posted before the garbage collector's young generation fills up: rows that outlive its
 * collections are copied out of it, which cost the worker about 15% of its time at 2,000 a batch.
 */
const ROW_BATCH_SIZE = 250;

export interface StreamingListeners {
  /** Imported rows, in order, in batches (`sheet`: the ParsedExport's sheet they belong to). */
  onRows: (sheet: string | undefined, rows: LedgerRow[]) => void;
  /** The file is read again from its start: the rows handed over so far are to be dropped. */
  onRestart?: () => void;
  /** Share of the file read so far, 0–1. */
  onProgress?: (fraction: number) => void;
}

/**
 * A file parsed as the worker parses it: read a piece at a time, imported rows handed to `onRows`
 * in batches as they are parsed, and the outcome returned with every file's `rows` left empty
 * (the worker keeps no copy).
 */
export async function parseStreamingRows(
  source: ByteSource | Uint8Array,
  fileName: string,
  listeners: StreamingListeners,
): Promise<ParseOutcome> {
  let batch: LedgerRow[] = [];
  let batchSheet: string | undefined;
  const flush = (): void => {
    if (batch.length > 0) listeners.onRows(batchSheet, batch);
    batch = [];
  };
  try {
    const outcome = await parseExportFileAsync(source, fileName, {
      keepRows: false,
      onRow: (row, sheet) => {
        if (sheet !== batchSheet || batch.length >= ROW_BATCH_SIZE) flush();
        batchSheet = sheet;
        batch.push(row);
      },
      onRestart: () => {
        batch = [];
        listeners.onRestart?.();
      },
      onProgress: listeners.onProgress,
    });
    flush();
    return outcome;
  } catch (error) {
    return failure(fileName, error);
  }
}
