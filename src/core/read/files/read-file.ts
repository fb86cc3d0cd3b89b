/**
 * The one entry point for turning a dropped export file into sheets of text cells. Whether a file
 * is a workbook is decided by its first bytes (ZIP magic), never by its name, because sellers
 * rename files and some tools save CSV text under `.xlsx`.
 */
import { CsvSyntaxError, forEachCsvRow } from './csv';
import { decodeText, type TextEncodingName } from './decode';
import { openXlsx, XlsxFormatError, type SheetRowVisitor, type XlsxWorkbook } from './xlsx';
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
  sheets: SheetText[];
}

/** A file that cannot be read, in words a seller can act on; the message names the file. */
export class FileReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileReadError';
  }
}

export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** Refuses files over MAX_FILE_BYTES before any of their bytes are read. */
export function checkFileSize(fileName: string, size: number): void {
  if (size > MAX_FILE_BYTES) {
    throw new FileReadError(
      `${fileName} is ${Math.ceil(size / (1024 * 1024))} MB; the largest file TTS Profit reads is ` +
        `${MAX_FILE_BYTES / (1024 * 1024)} MB. Export a shorter date range.`,
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
  const result = visitExportFile(bytes, fileName, collector.visit, collector.announce);
  return { ...result, sheets: collector.finish() };
}

/** `readExportFile` reading workbooks with `forEachSheetRowAsync`. */
export async function readExportFileAsync(bytes: Uint8Array, fileName: string): Promise<FileText> {
  const collector = new SheetTextCollector();
  const { fileName: name, kind, encoding } = await forEachSheetRowAsync(bytes, fileName, collector.visit, collector.announce);
  return { fileName: name, kind, ...(encoding === undefined ? {} : { encoding }), sheets: collector.finish() };
}

/** Keeps every visited row, by sheet and row number, the way `readExportFile` returns them. */
class SheetTextCollector {
  private readonly sheets: SheetText[] = [];
  private current: SheetText | null = null;

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
export function forEachSheetRow(bytes: Uint8Array, fileName: string, visit: SheetRowVisitor): Omit<FileText, 'sheets'> & { sheetNames: string[] } {
  const sheetNames: string[] = [];
  const result = visitExportFile(bytes, fileName, visit, (name) => sheetNames.push(name));
  return { ...result, sheetNames };
}

/**
 * `forEachSheetRow` for the sidebar: a workbook's shared strings and sheets are inflated by the
 * platform's native decompressor where there is one (fflate otherwise), piece by piece, so a
 * 100,000-row sheet is read in seconds without ever being held whole. CSV files are read as by
 * `forEachSheetRow`. `onSheet` hears each sheet name, in order, before any row is visited.
 */
export async function forEachSheetRowAsync(
  bytes: Uint8Array,
  fileName: string,
  visit: SheetRowVisitor,
  onSheet: (name: string) => void = () => undefined,
): Promise<Omit<FileText, 'sheets'> & { sheetNames: string[] }> {
  checkFileSize(fileName, bytes.length);
  if (!looksLikeZip(bytes)) {
    const sheetNames: string[] = [];
    const result = visitExportFile(bytes, fileName, visit, (name) => {
      sheetNames.push(name);
      onSheet(name);
    });
    return { ...result, sheetNames };
  }
  const workbook = openWorkbook(bytes, fileName);
  workbook.sheetNames.forEach((name) => onSheet(name));
  try {
    await workbook.forEachRowAsync(visit);
  } catch (error) {
    throw describeXlsxError(fileName, error);
  }
  return { fileName, kind: 'xlsx', sheetNames: workbook.sheetNames.slice() };
}

function visitExportFile(
  bytes: Uint8Array,
  fileName: string,
  visit: SheetRowVisitor,
  onSheet: (name: string) => void,
): Omit<FileText, 'sheets'> {
  checkFileSize(fileName, bytes.length);
  if (looksLikeZip(bytes)) {
    const workbook = openWorkbook(bytes, fileName);
    workbook.sheetNames.forEach(onSheet);
    guardXlsx(fileName, () => workbook.forEachRow(visit));
    return { fileName, kind: 'xlsx' };
  }
  if (bytes.length === 0) throw new FileReadError(`${fileName} is empty: expected a CSV or Excel export, found 0 bytes.`);
  const decoded = decodeText(bytes);
  if (decoded.text.trim() === '') {
    throw new FileReadError(
      decoded.bom
        ? `${fileName} holds only a byte-order mark and no rows: expected a CSV or Excel export with a header row.`
        : `${fileName} holds no rows, only blank space: expected a CSV or Excel export with a header row.`,
    );
  }
  if (separatesWithSemicolons(decoded.text)) {
    throw new FileReadError(
      `${fileName} is not a TikTok Shop US export as Seller Center writes it: it uses semicolons (;) between fields, ` +
        'as Excel saves CSV on a computer set to a European region (where amounts may also use decimal commas). ' +
        'Expected commas between fields and amounts like 1234.56. Download the file again from Seller Center and import it without saving it in Excel.',
    );
  }
  const sheetName = csvSheetName(fileName);
  onSheet(sheetName);
  // A download cut short ends inside a row: no final line break and fewer cells than the rows before.
  let widest = 0;
  let lastWidth = 0;
  let lastRow = 0;
  let stopped = false;
  try {
    forEachCsvRow(decoded.text, (cells, rowNumber) => {
      if (lastWidth > widest) widest = lastWidth;
      lastWidth = cells.length;
      lastRow = rowNumber;
      if (visit(sheetName, cells, rowNumber) === false) {
        stopped = true;
        return false;
      }
    });
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      throw new FileReadError(
        `${fileName}: ${error.message}. Expected every opening quote to be closed; ` +
          'the file may be cut short. Download it again.',
      );
    }
    throw error;
  }
  const lastChar = decoded.text.charCodeAt(decoded.text.length - 1);
  if (!stopped && lastWidth < widest && lastChar !== 10 && lastChar !== 13) {
    throw new FileReadError(
      `${fileName} ends in the middle of row ${lastRow}: expected ${widest} fields as in the rows above, found ${lastWidth} ` +
        'and no line break after them, so the file was cut short. Download it again.',
    );
  }
  return { fileName, kind: 'csv', encoding: decoded.encoding };
}

/** True when the first line has semicolons between fields and no comma or tab outside quotes. */
function separatesWithSemicolons(text: string): boolean {
  let semicolons = 0;
  let inQuotes = false;
  let sawText = false;
  const limit = Math.min(text.length, 1 << 16);
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    if (inQuotes) continue;
    if (c === 44 || c === 9) return false;
    if (c === 59) semicolons++;
    if (c === 10 || c === 13) {
      if (sawText) break;
    } else if (c !== 32 && c !== 0xfeff) sawText = true;
  }
  return semicolons >= 2;
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
