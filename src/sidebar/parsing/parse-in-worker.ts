/**
 * Reads files and parses them in a Web Worker (see blob-worker.ts): the worker is handed the File
 * and reads it a piece at a time, so the page never holds its bytes. If the page may not start
 * workers, files are read and parsed in the page, one per task, so the UI still repaints and
 * Cancel still answers between files.
 */
import { fitsAnySpreadsheet, tooManyRowsMessage } from '../../core/ledger/cell-budget';
import { amountIdsOf, ledgerHeader, unknownColumnsOf } from '../../core/ledger/ledger-format';
import { parseBytesAsync } from './parse-file';
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads a file with progress events; `abort()` stops it. */
function readBytes(
  file: File,
  onFraction: (f: number) => void,
): { promise: Promise<ArrayBuffer>; abort: () => void } {
  const reader = new FileReader();
  const promise = new Promise<ArrayBuffer>((resolve, reject) => {
    reader.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onFraction(e.loaded / e.total);
    };
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () =>
      reject(
        new Error(
          `${file.name}: the browser could not read this file (${reader.error?.message ?? 'unknown error'}).`,
        ),
      );
    reader.onabort = () => reject(new ParseCancelled());
    reader.readAsArrayBuffer(file);
  });
  return { promise, abort: () => reader.abort() };
}

function isOutcome(value: ArrayBuffer | ParseOutcome): value is ParseOutcome {
  return 'errors' in value;
}

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

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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

  async function parseInPage(
    bytes: ArrayBuffer,
    fileName: string,
    onStage?: StageListener,
  ): Promise<ParseOutcome> {
    let cancelled = false;
    cancelCurrent = () => {
      cancelled = true;
    };
    onStage?.('parsing');
    await nextTask(); // let the bar repaint before the parse
    if (cancelled) throw new ParseCancelled();
    const parsed = await parseBytesAsync(new Uint8Array(bytes), fileName);
    // The same limit as the worker's rows: a file no spreadsheet can hold is refused here too.
    const rows = new StreamedRows();
    for (const file of parsed.files) rows.add(file.sheet, file.rows);
    const outcome = rows.fill(parsed, fileName);
    await nextTask();
    cancelCurrent = null;
    if (cancelled) throw new ParseCancelled();
    return outcome;
  }

  /** The file's bytes (with progress), or the per-file error saying why it could not be read. */
  async function readFile(file: File, onStage?: StageListener): Promise<ArrayBuffer | ParseOutcome> {
    onStage?.('reading', 0);
    const read = readBytes(file, (f) => onStage?.('reading', f));
    cancelCurrent = read.abort;
    try {
      const bytes = await read.promise;
      onStage?.('reading', 1);
      return bytes;
    } catch (error) {
      if (error instanceof ParseCancelled) throw error;
      return { files: [], errors: [{ fileName: file.name, message: messageOf(error) }] };
    } finally {
      cancelCurrent = null;
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
      const bytes = await readFile(file, onStage);
      if (isOutcome(bytes)) return bytes;
      return parseInPage(bytes, file.name, onStage);
    },
    cancel() {
      cancelCurrent?.();
    },
  };
}
