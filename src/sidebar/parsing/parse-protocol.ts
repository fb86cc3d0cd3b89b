/** Messages between the sidebar and its parse worker. Everything is structured-clone safe. */
import type { FileError, LedgerRow, ParsedExport } from '../../core/types';

export interface ParseRequest {
  id: number;
  fileName: string;
  /** Transferred, not copied. */
  bytes: ArrayBuffer;
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
  | { id: number; type: 'progress'; stage: ParseStage }
  | RowBatch
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
