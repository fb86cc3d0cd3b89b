/**
 * The one entry point for turning a dropped export file into sheets of text cells. Whether a file
 * is a workbook is decided by its first bytes (ZIP magic), never by its name, because sellers
 * rename files and some tools save CSV text under `.xlsx`.
 */
import { arraySource, type BytePieces, type ByteSource } from './byte-source';
import { CsvFileReader } from './csv-file';
import { FileReadError } from './file-errors';
import { NotUtf8Error } from './text-pieces';
import type { TextEncodingName } from './decode';
import { openXlsx, openXlsxFrom, XlsxFormatError, type SheetRowVisitor, type XlsxWorkbook } from './xlsx';
import { DamagedZipError, looksLikeZip } from './zip-archive';

export interface SheetText {
  name: string;
  /** rows[i] is row i + 1 as a spreadsheet shows it; rows Excel has no record of are empty. */
  rows: string[][];
}

export interface FileText {
  fileName: string;
  kind: 'csv' | 'xlsx';
  /** How a CSV file's text was encoded (absent for XLSX, which is always UTF-8 inside). */
  encoding?: TextEncodingName;
  /** Rows of a UTF-8 CSV file that were not UTF-8 and were read as Windows-1252 (absent when none). */
  windows1252Rows?: number[];
  sheets: SheetText[];
}

export { FileReadError } from './file-errors';

export { arraySource, type ByteSource } from './byte-source';

/** Bytes read from a file at a time: a piece of text costs little to cut, and the file is never held twice. */
export const PIECE_BYTES = 1 << 20;

export interface SheetRowOptions {
  /** Hears each sheet name, in order, before any of its rows is visited (a CSV file's one sheet is named after the file). */
  onSheet?: (name: string, kind: 'csv' | 'xlsx') => void;
  /**
   * The file is read again from its first row: its bytes turned out not to be UTF-8 past the
   * rows already visited, and it is read as Windows-1252. A visitor that keeps rows forgets them;
   * the sheet is announced again.
   */
  onRestart?: () => void;
  /** Share of the file's bytes read so far, 0–1. */
  onProgress?: (fraction: number) => void;
}

/**
 * The largest workbook read. A workbook is read a piece at a time (in the worker, or in the page
 * when a browser blocks workers), but every cell of its shared strings is kept while its sheets
 * are read, and a workbook this size already holds more rows than a spreadsheet can take. A CSV
 * file keeps nothing of the kind, so its size has no limit of its own: what limits it is the rows
 * a spreadsheet can hold (see core/ledger/cell-budget.ts).
 */
export const MAX_WORKBOOK_BYTES = 100 * 1024 * 1024;

/** Refuses a workbook over MAX_WORKBOOK_BYTES before it is read whole (only its first bytes, which say it is one). */
export function checkWorkbookSize(fileName: string, size: number): void {
  if (size > MAX_WORKBOOK_BYTES) {
    throw new FileReadError(
      `${fileName} is ${Math.ceil(size / (1024 * 1024))} MB; the largest Excel workbook TTS Profit reads is ` +
        `${MAX_WORKBOOK_BYTES / (1024 * 1024)} MB (a CSV export has no such limit). Export a shorter date range, or export it as CSV.`,
    );
  }
}

/** The sheet name a CSV file's rows are reported under: its file name without the extension. */
export function csvSheetName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** Reads a whole export file: every sheet, every row. */
export function readExportFile(bytes: Uint8Array, fileName: string): FileText {
  const collector = new SheetTextCollector();
  const result = visitExportFile(bytes, fileName, collector.visit, {
    onSheet: collector.announce,
    onRestart: collector.restart,
  });
  return { ...result, sheets: collector.finish() };
}

/** `readExportFile` reading workbooks with `forEachSheetRowAsync`. */
export async function readExportFileAsync(bytes: Uint8Array, fileName: string): Promise<FileText> {
  const collector = new SheetTextCollector();
  const {
    fileName: name,
    kind,
    encoding,
  } = await forEachSheetRowAsync(bytes, fileName, collector.visit, {
    onSheet: collector.announce,
    onRestart: collector.restart,
  });
  return {
    fileName: name,
    kind,
    ...(encoding === undefined ? {} : { encoding }),
    sheets: collector.finish(),
  };
}

/** Keeps every visited row, by sheet and row number, the way `readExportFile` returns them. */
class SheetTextCollector {
  private sheets: SheetText[] = [];
  private current: SheetText | null = null;

  readonly restart = (): void => {
    this.sheets = [];
    this.current = null;
  };

  readonly announce = (sheetName: string): void => {
    this.sheets.push({ name: sheetName, rows: [] });
  };

  readonly visit: SheetRowVisitor = (sheet, cells, rowNumber) => {
    let current = this.current;
    if (current === null || current.name !== sheet) {
      current = this.current = this.sheets.find((s) => s.name === sheet) ?? null;
      if (current === null) throw new Error(`sheet ${sheet} was not announced`);
    }
    const rows = current.rows;
    while (rows.length < rowNumber - 1) rows.push([]);
    if (rows.length === rowNumber - 1) rows.push(cells);
    else rows[rowNumber - 1] = cells; // a writer that repeats a row number: the later row wins
  };

  finish(): SheetText[] {
    for (const sheet of this.sheets) {
      // Formatting often leaves empty rows below the data; they are not part of the export.
      while (sheet.rows.length > 0 && sheet.rows[sheet.rows.length - 1].length === 0) sheet.rows.pop();
    }
    return this.sheets;
  }
}

/**
 * Streams an export file's rows to `visit` without keeping them: sheet name (for CSV the file
 * name without extension), the row's cells, and its 1-based row number. Return false to stop.
 */
export function forEachSheetRow(
  bytes: Uint8Array,
  fileName: string,
  visit: SheetRowVisitor,
  options: SheetRowOptions = {},
): Omit<FileText, 'sheets'> & { sheetNames: string[] } {
  const sheetNames: string[] = [];
  const onSheet = (name: string, kind: 'csv' | 'xlsx'): void => {
    if (!sheetNames.includes(name)) sheetNames.push(name);
    options.onSheet?.(name, kind);
  };
  const result = visitExportFile(bytes, fileName, visit, { ...options, onSheet });
  return { ...result, sheetNames };
}

/**
 * `forEachSheetRow` for the sidebar, from a source read a piece at a time: a CSV file is decoded
 * and cut into rows piece by piece, never held whole; a workbook's directory is read from its
 * end, then its shared strings and sheets are read and inflated piece by piece, never held whole,
 * compressed or inflated.
 */
export async function forEachSheetRowAsync(
  source: ByteSource | Uint8Array,
  fileName: string,
  visit: SheetRowVisitor,
  options: SheetRowOptions = {},
): Promise<Omit<FileText, 'sheets'> & { sheetNames: string[] }> {
  const bytes = source instanceof Uint8Array ? arraySource(source) : source;
  const sheetNames: string[] = [];
  const onSheet = (name: string, kind: 'csv' | 'xlsx'): void => {
    if (!sheetNames.includes(name)) sheetNames.push(name);
    options.onSheet?.(name, kind);
  };
  // The first bytes tell a workbook, which is read from its end, from a text file, read from its start.
  if (!looksLikeZip(await bytes.read(0, Math.min(bytes.size, 4)))) {
    const read = await readCsvPieces(bytes, fileName, visit, onSheet, options);
    return { fileName, kind: 'csv', ...read, sheetNames };
  }
  checkWorkbookSize(fileName, bytes.size);
  try {
    const workbook = await openXlsxFrom(bytes);
    workbook.sheetNames.forEach((name) => onSheet(name, 'xlsx'));
    await workbook.forEachRow(visit, options.onProgress);
  } catch (error) {
    throw describeXlsxError(fileName, error);
  }
  return { fileName, kind: 'xlsx', sheetNames };
}

/** A CSV file's pieces through the reader, read again as Windows-1252 when they are not UTF-8. */
async function readCsvPieces(
  source: ByteSource,
  fileName: string,
  visit: SheetRowVisitor,
  onSheet: (name: string, kind: 'csv') => void,
  options: SheetRowOptions,
): Promise<{ encoding: TextEncodingName; windows1252Rows?: number[] }> {
  const sheetName = csvSheetName(fileName);
  for (let notUtf8 = false; ; notUtf8 = true) {
    onSheet(sheetName, 'csv');
    const reader = new CsvFileReader(fileName, sheetName, visit, notUtf8);
    const onProgress = options.onProgress;
    try {
      const pieces = source.pieces?.(0, source.size) ?? null;
      if (pieces === null) await pushRanges(source, reader, onProgress);
      else await pushStream(pieces, source.size, fileName, reader, onProgress);
      return reader.end();
    } catch (error) {
      if (!(error instanceof NotUtf8Error) || notUtf8) throw error;
      options.onRestart?.();
    }
  }
}

/**
 * The file as one stream of bytes, read into two buffers in turn: the next bytes are asked for
 * before those in hand are parsed, so the platform reads on meanwhile, where a read per range
 * would start (and wait for) a new read each time. Each piece is what the platform had ready,
 * at most PIECE_BYTES.
 */
async function pushStream(
  pieces: BytePieces,
  size: number,
  fileName: string,
  reader: CsvFileReader,
  onProgress: ((fraction: number) => void) | undefined,
): Promise<void> {
  const capacity = Math.max(1, Math.min(size, PIECE_BYTES));
  // Never asked past the file's end: a read that ends the stream gives its buffer back to no one.
  const readInto = (buffer: Uint8Array, at: number): Promise<Uint8Array | null> | null =>
    at < size ? pieces.next(buffer.subarray(0, Math.min(buffer.length, size - at))) : null;
  let free: Uint8Array = new Uint8Array(capacity);
  let next = readInto(new Uint8Array(capacity), 0);
  let position = 0;
  let told = 0;
  try {
    while (next !== null) {
      const piece = await next;
      if (piece === null || piece.length === 0) throw new FileReadError(cutShort(fileName, position, size));
      position += piece.length;
      next = readInto(free, position);
      // A turn of the microtask queue before the parse: a stream may start the read just asked
      // for in a microtask of its own (Node's blob stream does), which would otherwise wait for
      // the whole piece to be parsed.
      await undefined;
      reader.push(piece);
      // The buffer passed was detached: its memory came back as the piece's, free once parsed.
      free = new Uint8Array(piece.buffer);
      // Told about once a PIECE_BYTES, however small the pieces the platform hands over.
      if (position < size && position - told >= PIECE_BYTES) {
        told = position;
        onProgress?.(position / size);
      }
    }
  } finally {
    if (next !== null) {
      next.catch(() => undefined);
      pieces.cancel();
    }
  }
}

function cutShort(fileName: string, read: number, size: number): string {
  return `${fileName} could not be read to its end: the browser gave ${read} of its ${size} bytes. Choose the file again.`;
}

/** The file a range at a time, the next range asked for before this one is parsed (one piece ahead, never more). */
async function pushRanges(
  source: ByteSource,
  reader: CsvFileReader,
  onProgress: ((fraction: number) => void) | undefined,
): Promise<void> {
  const readFrom = (position: number) =>
    position < source.size ? source.read(position, Math.min(source.size, position + PIECE_BYTES)) : null;
  let next = readFrom(0);
  try {
    for (let position = 0; next !== null;) {
      if (position > 0) onProgress?.(position / source.size);
      const piece = await next;
      if (piece.length === 0) break;
      position += piece.length;
      next = readFrom(position);
      reader.push(piece);
    }
  } finally {
    // A piece asked for and no longer wanted: its failure is not this file's.
    if (next instanceof Promise) next.catch(() => {});
  }
}

function visitExportFile(
  bytes: Uint8Array,
  fileName: string,
  visit: SheetRowVisitor,
  options: SheetRowOptions,
): Omit<FileText, 'sheets'> {
  if (looksLikeZip(bytes)) {
    checkWorkbookSize(fileName, bytes.length);
    const workbook = openWorkbook(bytes, fileName);
    workbook.sheetNames.forEach((name) => options.onSheet?.(name, 'xlsx'));
    guardXlsx(fileName, () => workbook.forEachRow(visit));
    return { fileName, kind: 'xlsx' };
  }
  const sheetName = csvSheetName(fileName);
  for (let notUtf8 = false; ; notUtf8 = true) {
    options.onSheet?.(sheetName, 'csv');
    const reader = new CsvFileReader(fileName, sheetName, visit, notUtf8);
    try {
      for (let position = 0; position < bytes.length; position += PIECE_BYTES)
        reader.push(bytes.subarray(position, position + PIECE_BYTES));
      return { fileName, kind: 'csv', ...reader.end() };
    } catch (error) {
      if (!(error instanceof NotUtf8Error) || notUtf8) throw error;
      options.onRestart?.();
    }
  }
}

function openWorkbook(bytes: Uint8Array, fileName: string): XlsxWorkbook {
  return guardXlsx(fileName, () => openXlsx(bytes));
}

/** Turns the reader's structural errors into messages about the file; other errors pass through. */
function guardXlsx<T>(fileName: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw describeXlsxError(fileName, error);
  }
}

/** The FileReadError a seller sees for the reader's structural errors; any other error as it was. */
function describeXlsxError(fileName: string, error: unknown): unknown {
  if (error instanceof DamagedZipError) {
    return new FileReadError(
      `${fileName} could not be opened as an Excel file: it looks damaged or incomplete. Download it again. (Found: ${error.message}.)`,
    );
  }
  if (error instanceof XlsxFormatError) {
    return new FileReadError(
      error.reason === 'no-sheets'
        ? `${fileName} is an Excel workbook with no worksheets: expected at least one sheet of rows.`
        : `${fileName} is a ZIP archive but not an Excel workbook (it has no xl/workbook.xml): expected a CSV or .xlsx export from Seller Center.`,
    );
  }
  return error;
}
