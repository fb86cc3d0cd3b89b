/**
 * Reads files and parses them in a Web Worker (see blob-worker.ts): the worker is handed the File
 * and reads it a piece at a time, so the page never holds its bytes. If the page may not start
 * workers, the page runs the worker's own code on the File: read a piece at a time, the UI
 * repainting and Cancel answering between pieces.
 */
import { fitsAnySpreadsheet, tooManyRowsMessage } from '../../core/ledger/cell-budget';
import { amountIdsOf, ledgerHeader, unknownColumnsOf } from '../../core/ledger/ledger-format';
import type { ByteSource } from '../../core/read/files/byte-source';
import { PIECE_BYTES } from '../../core/read/files/read-file';
import { fileSource } from './file-source';
import { parseStreamingRows } from './parse-file';
import type { LedgerRow } from '../../core/types';
import {
  ParseCancelled,
  type ParseOutcome,
  type ParseRequest,
  type ParseStage,
  type WorkerMessage,
} from './parse-protocol';

/** `fraction` is 0–1 of the file read so far, when known. */
export type StageListener = (stage: ParseStage, fraction?: number) => void;

export interface FileParser {
  parse(file: File, onStage?: StageListener): Promise<ParseOutcome>;
  /** Stops the file being read or parsed now; its promise rejects with ParseCancelled. */
  cancel(): void;
  /** True when parsing runs in a worker (false after falling back to the page). */
  readonly usesWorker: boolean;
}

/** Starts the parse worker; throws when the page may not start one. */
export type WorkerFactory = () => Worker;

/** Cells a ledger row of these rows takes: the ledger's columns for their amounts and other columns. */
function ledgerWidth(rows: readonly LedgerRow[]): number {
  return ledgerHeader(amountIdsOf(rows), unknownColumnsOf(rows)).length;
}

/**
 * Rows the worker sent in batches, put back into the files they belong to. Rows past what any
 * spreadsheet can hold (Google Sheets' 10,000,000 cells) are counted and not kept: such a file
 * cannot be imported, and a million rows would take the page a gigabyte to hold.
 */
class StreamedRows {
  private readonly bySheet = new Map<string | undefined, LedgerRow[]>();
  private kept = 0;
  private dropped = 0;
  /** Cells a row takes in TTS Ledger, from the first batch (a file's rows all have its columns). */
  private width = 0;

  add(sheet: string | undefined, rows: LedgerRow[]): void {
    if (this.width === 0 && rows.length > 0) this.width = ledgerWidth(rows);
    if (this.dropped > 0 || !fitsAnySpreadsheet(this.kept + rows.length, this.width)) {
      this.dropped += rows.length;
      return;
    }
    this.kept += rows.length;
    const kept = this.bySheet.get(sheet);
    if (kept === undefined) this.bySheet.set(sheet, rows);
    else for (let i = 0; i < rows.length; i++) kept.push(rows[i]);
  }

  /** The worker reads the file again from its start: what it sent is dropped. */
  clear(): void {
    this.bySheet.clear();
    this.kept = 0;
    this.dropped = 0;
    this.width = 0;
  }

  fill(outcome: ParseOutcome, fileName: string): ParseOutcome {
    if (this.dropped > 0) return this.refusal(outcome, fileName);
    return {
      ...outcome,
      files: outcome.files.map((file) => ({ ...file, rows: this.bySheet.get(file.sheet) ?? [] })),
    };
  }

  /** The file refused for its rows, with how many there are and the cells they need. */
  private refusal(outcome: ParseOutcome, fileName: string): ParseOutcome {
    let width = this.width;
    for (const rows of this.bySheet.values()) width = Math.max(width, ledgerWidth(rows));
    const firsts = outcome.files.map((f) => f.period.first).filter((d) => d !== '');
    const lasts = outcome.files.map((f) => f.period.last).filter((d) => d !== '');
    const period = { first: firsts.sort()[0] ?? '', last: lasts.sort().pop() ?? '' };
    const message = tooManyRowsMessage(fileName, this.kept + this.dropped, width, period);
    this.clear();
    return { files: [], errors: [...outcome.errors, { fileName, message }] };
  }
}

/**
 * The file's bytes, refused once `cancelled()` says so: the next piece asked for throws, and the
 * parse ends there instead of reading on to the end of the file. Run in the page, so the page
 * paints and answers clicks between pieces: a byte stream with its next bytes already in hand
 * answers at once, and would keep the page busy from the first piece to the last.
 */
function cancellable(source: ByteSource, cancelled: () => boolean): ByteSource {
  const check = (): void => {
    if (cancelled()) throw new ParseCancelled();
  };
  return {
    size: source.size,
    read: (start, end) => {
      check();
      return source.read(start, end);
    },
    pieces: (start, end) => {
      const pieces = source.pieces?.(start, end);
      if (!pieces) return null;
      let sinceBreak = 0;
      return {
        next: async (buffer) => {
          if (sinceBreak >= PIECE_BYTES) {
            sinceBreak = 0;
            await pageBreak();
          }
          check();
          const piece = await pieces.next(buffer);
          sinceBreak += piece?.length ?? 0;
          return piece;
        },
        cancel: () => pieces.cancel(),
      };
    },
  };
}

/** Lets the page paint and handle input before the parse goes on. */
function pageBreak(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function createFileParser(makeWorker: WorkerFactory): FileParser {
  let worker: Worker | null = null;
  let workerFailed = false;
  let nextId = 1;
  let cancelCurrent: (() => void) | null = null;

  function getWorker(): Worker | null {
    if (worker || workerFailed) return worker;
    try {
      worker = makeWorker();
    } catch {
      workerFailed = true;
    }
    return worker;
  }

  /** Resolves null when the worker dies before answering at all (e.g. a policy forbids Blob workers). */
  function parseInWorker(w: Worker, file: File, onStage?: StageListener): Promise<ParseOutcome | null> {
    const fileName = file.name;
    const id = nextId++;
    let answered = false;
    return new Promise<ParseOutcome | null>((resolve, reject) => {
      const finish = () => {
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
        cancelCurrent = null;
      };
      const streamed = new StreamedRows();
      const onMessage = (event: MessageEvent<WorkerMessage>) => {
        const msg = event.data;
        if (msg.id !== id) return;
        answered = true;
        if (msg.type === 'progress') onStage?.(msg.stage, msg.fraction);
        else if (msg.type === 'rows') streamed.add(msg.sheet, msg.rows);
        else if (msg.type === 'restart') streamed.clear();
        else if (msg.type === 'done') {
          finish();
          resolve(msg.rowsStreamed ? streamed.fill(msg.outcome, fileName) : msg.outcome);
        } else {
          finish();
          resolve({ files: [], errors: [{ fileName, message: msg.message }] });
        }
      };
      const onError = (event: ErrorEvent) => {
        finish();
        event.preventDefault();
        if (!answered) {
          w.terminate();
          worker = null;
          workerFailed = true;
          resolve(null);
          return;
        }
        resolve({
          files: [],
          errors: [
            {
              fileName,
              message: `${fileName}: the file could not be parsed (${event.message || 'worker error'}).`,
            },
          ],
        });
      };
      cancelCurrent = () => {
        finish();
        // A worker busy in a long parse is stopped at once by ending it.
        w.terminate();
        if (worker === w) worker = null;
        reject(new ParseCancelled());
      };
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onError);
      const request: ParseRequest = { id, fileName, file };
      w.postMessage(request);
    });
  }

  /** The worker's code run in the page: the same pieces, the same rows in batches, the same limit. */
  async function parseInPage(file: File, onStage?: StageListener): Promise<ParseOutcome> {
    let cancelled = false;
    const cancelThis = (): void => {
      cancelled = true;
    };
    cancelCurrent = cancelThis;
    const streamed = new StreamedRows();
    try {
      onStage?.('parsing', 0);
      const outcome = await parseStreamingRows(
        cancellable(fileSource(file, file.name), () => cancelled),
        file.name,
        {
          onRows: (sheet, rows) => streamed.add(sheet, rows),
          onRestart: () => streamed.clear(),
          onProgress: (fraction) => onStage?.('parsing', fraction),
        },
      );
      if (cancelled) throw new ParseCancelled();
      onStage?.('checking');
      if (cancelled) throw new ParseCancelled();
      return streamed.fill(outcome, file.name);
    } finally {
      // A file parsed after this one was cancelled has its own Cancel by now: it stays.
      if (cancelCurrent === cancelThis) cancelCurrent = null;
    }
  }

  return {
    get usesWorker() {
      return !workerFailed;
    },
    async parse(file, onStage) {
      const w = getWorker();
      if (w) {
        onStage?.('reading', 0);
        const outcome = await parseInWorker(w, file, onStage);
        if (outcome) return outcome;
      }
      // No worker, or it died before answering: the page reads and parses the file itself.
      return parseInPage(file, onStage);
    },
    cancel() {
      cancelCurrent?.();
    },
  };
}
