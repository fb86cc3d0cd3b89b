/** Messages between the sidebar and its parse worker. Everything is structured-clone safe. */
import type { FileError, ParsedExport } from '../core/types';

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

export type WorkerMessage =
  | { id: number; type: 'progress'; stage: ParseStage }
  | { id: number; type: 'done'; outcome: ParseOutcome }
  | { id: number; type: 'error'; message: string };

/** Thrown (rejected) when the seller cancels while a file is being read or parsed. */
export class ParseCancelled extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'ParseCancelled';
  }
}
