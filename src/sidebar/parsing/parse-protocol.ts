/** Messages between the sidebar and its parse worker. Everything is structured-clone safe. */
import type { FileError, LedgerRow, ParsedExport } from '../../core/types';

export interface ParseRequest {
  id: number;
  fileName: string;
  /** The dropped file: the worker reads it a piece at a time (cloning a File copies no bytes). */
  file: Blob;
}

export interface ParseOutcome {
  files: ParsedExport[];
  errors: FileError[];
}

export type ParseStage = 'reading' | 'parsing' | 'checking';

/**
 * Imported rows are sent in batches while the file is parsed, so the page unpacks them while the
 * worker reads on instead of unpacking 100,000 rows at the end. `sheet` is the ParsedExport's
 * `sheet` the rows belong to (undefined for CSV files).
 */
export interface RowBatch {
  id: number;
  type: 'rows';
  sheet?: string;
  rows: LedgerRow[];
}

export type WorkerMessage =
  /** `fraction`: share of the file read so far, 0–1, when known. */
  | { id: number; type: 'progress'; stage: ParseStage; fraction?: number }
  | RowBatch
  /** The file is read again from its start (its bytes are not UTF-8): the rows sent so far are dropped. */
  | { id: number; type: 'restart' }
  /** `rowsStreamed`: the files' rows came in RowBatch messages and `outcome` holds none. */
  | { id: number; type: 'done'; outcome: ParseOutcome; rowsStreamed?: boolean }
  | { id: number; type: 'error'; message: string };

/** Thrown (rejected) when the seller cancels while a file is being read or parsed. */
export class ParseCancelled extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'ParseCancelled';
  }
}
