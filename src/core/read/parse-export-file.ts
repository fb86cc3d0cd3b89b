/**
 * Export files (CSV or XLSX bytes, or a file read a piece at a time) → one ParsedExport per data
 * sheet, each sheet read by parse-export.ts's parser. A statement workbook's `Reports` sheet feeds
 * the totals check; reserve and other sheets are noted, not imported. Only the sidebar reads files.
 */
import { downloadTimeOf, withDownloadTime } from './download-time';
import { timeZoneFromFileName } from '../dates';
import { roundedIdsRefusal } from './rounded-ids';
import { FileReadError, forEachSheetRow, forEachSheetRowAsync, type ByteSource } from './files/read-file';
import { endsWithoutLineBreak } from './files/final-line-break';
import { reconcileReports, withTotalChecks } from '../analysis/reconcile';
import { readSummarySheet, type SummarySheet } from './reports-sheet';
import { SheetParser, type DayOrdersBySheet, type ParseOptions } from './parse-export';
import { withDateNotes } from './date-notes';
import { noRowsMessage } from './no-rows';
import { BrokenRowWatch } from './broken-row';
import { MIXED_DATES_IN_FILE } from './date-order';
import type { RowView } from './row-view';
import type { CellValue, FileError, ParsedExport } from '../types';

export interface ParseFileResult {
  files: ParsedExport[];
  errors: FileError[];
  /** Sheets read but not imported, in words (reserve sheet, unknown sheets). */
  notes: string[];
}

/**
 * An export file (CSV or XLSX bytes) → one ParsedExport per data sheet. File-level problems
 * (unreadable, no header anywhere) come back as `errors`, never thrown.
 */
export function parseExportFile(
  bytes: Uint8Array,
  fileName: string,
  options: Omit<ParseOptions, 'fileName' | 'sheet'> = {},
): ParseFileResult {
  let dayOrders: DayOrdersBySheet | undefined;
  for (;;) {
    const file = new FileParse(fileName, options, dayOrders);
    file.noteEnding(bytes);
    try {
      const read = forEachSheetRow(bytes, fileName, file.visit, {
        onRestart: file.restart,
        onSheet: file.sheet,
      });
      file.noteRead(read);
    } catch (error) {
      return file.failed(error);
    }
    const again = dayOrders === undefined ? file.dayOrdersToReread() : null;
    if (again === null) return file.result();
    // A date column turned out to be day first after rows were read month first: read it all again.
    options.onRestart?.();
    dayOrders = again;
  }
}

/**
 * `parseExportFile` for the sidebar's worker, from a file read a piece at a time: neither a CSV
 * file nor a workbook is ever held whole (see `forEachSheetRowAsync`). Same result, same messages.
 */
export async function parseExportFileAsync(
  source: ByteSource | Uint8Array,
  fileName: string,
  options: Omit<ParseOptions, 'fileName' | 'sheet'> = {},
): Promise<ParseFileResult> {
  let dayOrders: DayOrdersBySheet | undefined;
  for (;;) {
    const file = new FileParse(fileName, options, dayOrders);
    try {
      const size = source instanceof Uint8Array ? source.length : source.size;
      const tail =
        source instanceof Uint8Array
          ? source.subarray(Math.max(0, size - 16))
          : await source.read(Math.max(0, size - 16), size);
      file.noteEnding(tail);
      const read = await forEachSheetRowAsync(source, fileName, file.visit, {
        onRestart: file.restart,
        onSheet: file.sheet,
        onProgress: options.onProgress,
      });
      file.noteRead(read);
    } catch (error) {
      return file.failed(error);
    }
    const again = dayOrders === undefined ? file.dayOrdersToReread() : null;
    if (again === null) return file.result();
    options.onRestart?.();
    dayOrders = again;
  }
}

/** Column sums of a workbook sheet's rows: every row's (an Income workbook's Reports sheet totals all of them) and the Order rows'. */
class ColumnTotals {
  readonly all = new Map<string, number>();
  readonly order = new Map<string, number>();

  add(view: RowView): void {
    const order = view.type === 'Order';
    for (let k = 0; k < view.filledCount; k++) {
      const slot = view.filled[k];
      const id = view.amountIds[slot];
      this.all.set(id, (this.all.get(id) || 0) + view.cents[slot]);
      if (order) this.order.set(id, (this.order.get(id) || 0) + view.cents[slot]);
    }
  }
}

/** A sheet of a file as read: its parser and, in a workbook, its rows' column sums. */
interface SheetRead {
  sheet: string;
  parser: SheetParser;
  totals?: ColumnTotals;
  /** Its first rows while no export header is found (a workbook's `Reports` sheet), from `firstRow`, bounded. */
  kept: CellValue[][];
  firstRow: number;
  /** The last row with a cell filled: rows came under the header when it is below it. */
  lastFilled: number;
  /** Rows the parser accepted (handed to `onView`). */
  accepted: number;
}

/** One file's rows, sheet by sheet, into SheetParsers; then the file's ParseFileResult. */
class FileParse {
  private readonly timeZone: string | undefined;
  private isWorkbook = false;
  /** The file's last bytes have no line break after the last record (a text file perhaps cut short). */
  private unterminated = false;
  private parsers: SheetRead[] = [];
  /** A text file's rows cut by a line break (a workbook's cells hold theirs). */
  private broken = new BrokenRowWatch();
  private current: SheetParser | undefined;
  private currentSheet = '';

  constructor(
    private readonly fileName: string,
    private readonly options: Omit<ParseOptions, 'fileName' | 'sheet'>,
    /** Slash-date orders a first read settled (the file is being read again). */
    private readonly dayOrders?: DayOrdersBySheet,
  ) {
    this.timeZone = options.timeZone ?? timeZoneFromFileName(fileName);
  }

  /** Date columns of any sheet to read again day first, or null (see SheetParser.dayOrdersToReread). */
  dayOrdersToReread(): DayOrdersBySheet | null {
    this.current?.finish();
    let orders: DayOrdersBySheet | null = null;
    for (const { sheet, parser } of this.parsers) {
      const again = parser.dayOrdersToReread;
      if (again !== null) (orders ??= {})[this.isWorkbook ? sheet : ''] = again;
    }
    return orders;
  }

  /** Rows of a UTF-8 file read as Windows-1252. */
  private windows1252Rows: number[] = [];
  /** The On-hold export's download time, from its banner (download-time.ts). */
  private downloaded: string | undefined;

  /** Hears how the file was read: the rows that were not UTF-8 are named in the preview. */
  noteRead(read: { windows1252Rows?: number[] }): void {
    this.windows1252Rows = read.windows1252Rows || [];
  }

  /** Hears the file's last bytes (a workbook's are ignored: only a text file can be cut mid-record). */
  noteEnding(tail: Uint8Array): void {
    this.unterminated = endsWithoutLineBreak(tail);
  }

  /** Hears the file's sheets before their rows: a CSV file has one, named after the file. */
  readonly sheet = (_name: string, kind: 'csv' | 'xlsx'): void => {
    this.isWorkbook = kind === 'xlsx';
  };

  /** The file is read again from its first row: what was read of it is dropped. */
  readonly restart = (): void => {
    this.parsers = [];
    this.broken = new BrokenRowWatch();
    this.current = undefined;
    this.currentSheet = '';
    this.options.onRestart?.();
  };

  readonly visit = (sheet: string, cells: string[], rowNumber: number): void => {
    const { fileName, options, timeZone, isWorkbook } = this;
    let current = this.current;
    if (!current || sheet !== this.currentSheet) {
      current?.finish();
      this.currentSheet = sheet;
      const totals = isWorkbook ? new ColumnTotals() : undefined;
      current = this.current = new SheetParser({
        ...options,
        fileName,
        sheet: isWorkbook ? sheet : undefined,
        timeZone,
        where: isWorkbook ? `${fileName}, sheet ${sheet}` : fileName,
        onView: (view, name) => {
          // Counted here, not asked of the parser: the server never needs the count.
          read.accepted++;
          totals?.add(view);
          options.onView?.(view, name);
        },
        dayOrders: this.dayOrders?.[isWorkbook ? sheet : ''],
        // Rows streamed out carry the banner's download time too.
        onRow: options.onRow && ((row, at) => options.onRow!(withDownloadTime(row, this.downloaded), at)),
      });
      const read: SheetRead = {
        sheet,
        parser: current,
        totals,
        kept: [],
        firstRow: rowNumber,
        lastFilled: 0,
        accepted: 0,
      };
      this.parsers.push(read);
    }
    if (!isWorkbook) this.broken.see(cells, rowNumber);
    if (!current.detected)
      this.downloaded = downloadTimeOf(cells, this.fileName, rowNumber) ?? this.downloaded;
    current.push(cells, rowNumber);
    const read = this.parsers[this.parsers.length - 1];
    if (cells.some((cell) => cell !== '')) read.lastFilled = rowNumber;
    if (!current.detected && read.kept.length < 530) {
      // Row numbers can skip (XLSX rows with no record): positions kept, so rows count right.
      while (read.firstRow + read.kept.length < rowNumber) read.kept.push([]);
      read.kept.push(cells);
    }
  };

  /** A file the reader refused: its message as the file's error; other errors are thrown on. */
  failed(error: unknown): ParseFileResult {
    if (error instanceof FileReadError)
      return { files: [], errors: [{ fileName: this.fileName, message: error.message }], notes: [] };
    throw error;
  }

  result(): ParseFileResult {
    this.current?.finish();
    const result = fileResult(this.fileName, this.parsers);
    const broken = result.files.length > 0 && this.broken.refusal(this.fileName, result.files[0].headerRow);
    if (broken) return { files: [], errors: [{ fileName: this.fileName, message: broken }], notes: [] };
    // A workbook's statement in the 2024 columns is no CSV file.
    if (this.isWorkbook)
      for (const file of result.files)
        file.layoutLabel = file.layoutLabel.replace('2024 CSV', '2024 columns, XLSX');
    for (const file of result.files) for (const row of file.rows) withDownloadTime(row, this.downloaded);
    if (this.unterminated && !this.isWorkbook)
      for (const file of result.files) file.endsWithoutLineBreak = true;
    const note = windows1252Note(this.fileName, this.windows1252Rows);
    if (note) for (const file of result.files) file.readNotes = [...(file.readNotes || []), note];
    return result;
  }
}

/** `a.csv: row 17 was not UTF-8 and was read as Windows-1252: …`, or '' when every row was UTF-8. */
export function windows1252Note(fileName: string, rows: readonly number[]): string {
  if (rows.length === 0) return '';
  const shown = rows.slice(0, 5).join(', ');
  const more = rows.length > 5 ? ` and ${rows.length - 5} more` : '';
  const one = rows.length === 1;
  const was = one ? 'was' : 'were';
  return (
    `${fileName}: ${one ? 'row' : 'rows'} ${shown}${more} ${was} not UTF-8 like the rest of the file ` +
    `and ${was} read as Windows-1252: check ${one ? 'its' : 'their'} product and SKU names ` +
    '(an accented letter may show as another character).'
  );
}

/** The sheets' parsers → data files, file error, and notes on the sheets that are not data. */
function fileResult(fileName: string, parsers: SheetRead[]): ParseFileResult {
  const data = parsers.filter((p) => p.parser.detected);
  if (data.length === 0) {
    const message =
      parsers.length > 0 ? parsers[0].parser.failureMessage : `${fileName}: the file holds no rows.`;
    return { files: [], errors: [{ fileName, message }], notes: [] };
  }
  // One currency per file: a sheet in another currency refuses the whole file.
  const refusal = data.find((p) => p.parser.currencyRefusal);
  if (refusal)
    return { files: [], errors: [{ fileName, message: refusal.parser.currencyRefusal }], notes: [] };
  // A date column written both ways cannot be read: no date of the file can be trusted.
  const mixedDates = data.find((p) => p.parser.dateRefusal);
  if (mixedDates)
    return {
      files: [],
      errors: [{ fileName, message: mixedDates.parser.dateRefusal + MIXED_DATES_IN_FILE }],
      notes: [],
    };
  const summaries = parsers
    .filter((p) => !p.parser.detected)
    .map((p) => ({ sheet: p.sheet, rows: p.kept, summary: readSummarySheet(p.kept) }));
  const foreign = summaries.find((s) => s.summary.foreignCurrency);
  if (foreign) {
    const { code, row } = foreign.summary.foreignCurrency!;
    const message =
      `${fileName}: sheet ${foreign.sheet} gives the currency as ${code} (row ${row}), not US dollars. ` +
      `TTS Profit reads TikTok Shop US exports in US dollars only and never adds up ${code} as dollars: nothing in it was imported or summed.`;
    return { files: [], errors: [{ fileName, message }], notes: [] };
  }
  const files = data.map((p) => {
    const parsed = p.parser.result();
    const where = parsed.sheet !== undefined ? `${fileName}, sheet ${parsed.sheet}` : fileName;
    return withDateNotes(parsed, p.parser.dateOrders(), where);
  });
  // A file saved with every ID rounded has no row left: its digits are gone from the file itself.
  // (An ad report keeps its rows in `ads`: its `rows` are always empty.)
  // Counted by the parser: a file streamed out row by row keeps none in `rows`.
  const lostIds = files.find(
    (f, i) => !f.ads && data[i].accepted === 0 && f.rejects.some((p) => LOST_DIGITS.test(p.message)),
  );
  if (lostIds) return { files: [], errors: [{ fileName, message: lostIdsRefusal(lostIds) }], notes: [] };
  // Rounded IDs cannot key ledger rows (exponent-rounded ones were rejected row by row already).
  const rounded = files.find((f) => f.roundedIds);
  if (rounded) {
    const where = rounded.sheet !== undefined ? `${fileName}, sheet ${rounded.sheet}` : fileName;
    return {
      files: [],
      errors: [{ fileName, message: roundedIdsRefusal(where, rounded.roundedIds!) }],
      notes: [],
    };
  }
  // An ad report keeps its rows apart (`ads`), so only an export without them can be empty here.
  const empty =
    files.every((f) => !f.ads && f.rows.length === 0 && f.rejects.length === 0) &&
    data.every((p, i) => p.lastFilled <= files[i].headerRow);
  if (empty) {
    const first = files[0];
    const where = first.sheet !== undefined ? `${fileName}, sheet ${first.sheet}` : fileName;
    return { files: [], errors: [{ fileName, message: noRowsMessage(where, first) }], notes: [] };
  }
  const notes: string[] = [];
  for (const { sheet, rows, summary } of summaries) {
    if (summary.kind === 'totals') notes.push(totalsNote(sheet, rows, summary, files, data));
    else if (summary.kind === 'reserve')
      notes.push(
        `Sheet ${sheet}: reserve amounts (payout = settlement + reserve); not imported into the ledger.`,
      );
    else if (summary.kind === 'glossary')
      notes.push(
        `Sheet ${sheet}: TikTok's explanation of the columns; not data, nothing to import or check.`,
      );
    else if (summary.kind === 'other') notes.push(`Sheet ${sheet}: no TikTok Shop export header; skipped.`);
  }
  return { files, errors: [], notes };
}

const LOST_DIGITS = /the ID (\S+) lost its last digits/;

/** The refusal of a file none of whose rows could be read because a spreadsheet rounded their IDs. */
function lostIdsRefusal(file: ParsedExport): string {
  const where = file.sheet !== undefined ? `${file.fileName}, sheet ${file.sheet}` : file.fileName;
  const first = file.rejects.find((p) => LOST_DIGITS.test(p.message))!;
  const id = LOST_DIGITS.exec(first.message)![1];
  const rows = new Set(file.rejects.map((p) => p.row)).size;
  return (
    `${where}: none of its ${rows} rows can be imported: a spreadsheet rounded its IDs when the file was saved ` +
    `(row ${first.row}, column *${first.column ?? 'ID'}*: \`${id}\`), so their last digits are gone from the file and ` +
    'formatting the column cannot bring them back. Download the export again from Seller Center and import it as ' +
    'downloaded (to open it in a spreadsheet first, import it keeping IDs as text). Nothing was imported.'
  );
}

/**
 * Checks a totals sheet against the data sheets it sums (statement: the Order rows; Income: every
 * row) and says what was checked, or that nothing could be.
 */
function totalsNote(
  sheet: string,
  rows: CellValue[][],
  summary: SummarySheet,
  files: ParsedExport[],
  data: SheetRead[],
): string {
  let checked = 0;
  let differ = 0;
  for (let i = 0; i < files.length; i++) {
    const layout = files[i].layout;
    if (layout !== 'statement' && layout !== 'income') continue;
    const parser = data[i].parser;
    const totals = data[i].totals ?? new ColumnTotals();
    const sums = layout === 'statement' ? totals.order : totals.all;
    const checks = reconcileReports(rows, sums, parser.amountIds);
    files[i] = { ...files[i], reconciliation: withTotalChecks(files[i].reconciliation, checks) };
    checked += checks.length;
    differ += checks.filter((c) => c.difference !== 0).length;
  }
  if (checked === 0)
    return `Sheet ${sheet}: ${summary.totals.length} totals, none of them of a column the data sheet has; nothing was checked.`;
  const outcome = differ === 0 ? 'all agree' : `${differ} differ (listed under reconciliation)`;
  return `Sheet ${sheet}: ${checked} total${checked === 1 ? '' : 's'} checked against the rows: ${outcome}.`;
}
