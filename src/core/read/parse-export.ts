/**
 * Export files and sheet ranges → ParsedExport: find the header, normalize every row, reconcile,
 * total. One ParsedExport per data sheet; a statement workbook's `Reports` sheet feeds the
 * totals check; reserve and other sheets are noted, not imported.
 */
import { lookupColumn } from './catalog';
import { timeZoneFromFileName } from '../dates';
import { endsWithoutLineBreak } from './files/final-line-break';
import { FileReadError, forEachSheetRow, forEachSheetRowAsync } from './files/read-file';
import { looksLikeZip } from './files/zip-archive';
import { detectLayout, HEADER_SCAN_ROWS } from './layouts';
import { createNormalizer, type Normalizer } from './normalize';
import { addViewLines, emptyLines, rowDate, type PnlGroupings } from '../analysis/pnl';
import { createReconciler, reconcileReports, withTotalChecks, type Reconciler } from '../analysis/reconcile';
import { detachedText } from './detached-text';
import type { RowView } from './row-view';
import type { CellValue, FileError, LayoutId, LedgerRow, ParsedExport } from '../types';

/** A sheet range or file that holds no recognisable export; the message is for the seller. */
export class ExportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportFormatError';
  }
}

export interface ParseOptions {
  fileName: string;
  sheet?: string;
  timeZone?: string;
  /** Date cells → ISO text, when the caller knows their zone (custom functions: the spreadsheet's). */
  dateText?: (date: Date) => string;
  /** Build ledger keys and find duplicate rows (default true; custom functions only sum). */
  keys?: boolean;
  /** Check each row against its Total settlement amount (default true; false leaves `reconciliation` empty). */
  reconcile?: boolean;
  /**
   * Called with each accepted row (streaming consumers, e.g. a P&L accumulator) and the sheet it
   * belongs to: the ParsedExport's `sheet` (a workbook's sheet name; undefined for CSV files).
   */
  onRow?: (row: LedgerRow, sheet?: string) => void;
  /**
   * Called with each accepted row as a row view (streaming sums that need no LedgerRow) and the
   * sheet it belongs to. The view is refilled for the next row: it is valid only during the call.
   */
  onView?: (view: RowView, sheet?: string) => void;
  /** P&L groupings each accepted row is added to, in the same pass that totals the file. */
  groupings?: PnlGroupings;
  /** Keep rows in `ParsedExport.rows` (default true; false for constant-memory passes). */
  keepRows?: boolean;
}

/** Streams one sheet: buffers rows until the header is found, then normalizes each row. */
class SheetParser {
  private readonly pending: CellValue[][] = [];
  private pendingFirstRow = 0;
  private normalizer?: Normalizer;
  private reconciler?: Reconciler;
  private layout?: LayoutId;
  private label = '';
  private headerRow = 0;
  private failure = '';
  private readonly rows: LedgerRow[] = [];
  private readonly lines = emptyLines();
  private readonly orderTotals = new Map<string, number>();
  private first = '';
  private last = '';
  private bannerRows: CellValue[][] = [];

  /** `orderTotals`: sum the Order rows' columns, for a workbook's `Reports` sheet check. */
  constructor(private readonly options: ParseOptions & { where: string; orderTotals?: boolean }) {}

  get detected(): boolean {
    return this.normalizer !== undefined;
  }

  get detectedLayout(): LayoutId | undefined {
    return this.layout;
  }

  /** The failure message once the first rows have been seen without a header. */
  get failureMessage(): string {
    return this.failure;
  }

  /** First rows kept for sheets that are not data (e.g. `Reports`), bounded. */
  get keptRows(): CellValue[][] {
    return this.bannerRows;
  }

  push(cells: readonly CellValue[], rowNumber: number): void {
    if (this.normalizer) {
      this.accept(this.normalizer.read(cells, rowNumber));
      return;
    }
    if (this.failure) {
      if (this.bannerRows.length < 500) this.bannerRows.push(cells as CellValue[]);
      return;
    }
    if (this.pending.length === 0) this.pendingFirstRow = rowNumber;
    // Row numbers can skip (XLSX rows with no record): keep positions so header rows count right.
    while (this.pendingFirstRow + this.pending.length < rowNumber) this.pending.push([]);
    this.pending.push(cells as CellValue[]);
    if (this.pending.length >= HEADER_SCAN_ROWS) this.detect(true);
  }

  /** Header detection over the buffered rows; `final` = no more rows will come before deciding. */
  private detect(final: boolean): void {
    const result = detectLayout(this.pending, this.options.where);
    if (!result.ok) {
      if (final) {
        this.failure = result.message;
        this.bannerRows = this.pending.slice();
        this.pending.length = 0;
      }
      return;
    }
    const headerRow = this.pendingFirstRow + result.headerRow - 1;
    this.layout = result.layout;
    this.label = result.label;
    this.headerRow = headerRow;
    this.normalizer = createNormalizer({
      fileName: this.options.fileName,
      sheet: this.options.sheet,
      layout: result.layout,
      header: result.header,
      headerRow,
      timeZone: this.options.timeZone,
      dateText: this.options.dateText,
      keys: this.options.keys,
    });
    this.reconciler = createReconciler(this.normalizer.amountIds);
    const rest = this.pending.slice(result.headerRow);
    this.pending.length = 0;
    for (let i = 0; i < rest.length; i++) this.accept(this.normalizer.read(rest[i], headerRow + 1 + i));
  }

  /** One normalized row: totals and checks from the view; a LedgerRow only when rows are kept or streamed out. */
  private accept(view: RowView | null): void {
    if (view === null) return;
    if (this.options.reconcile !== false) this.reconciler!.checkView(view);
    if (this.options.groupings) this.options.groupings.addView(view, this.lines);
    else addViewLines(view, this.lines);
    if (this.options.orderTotals && view.type === 'Order') {
      for (let k = 0; k < view.filledCount; k++) {
        const slot = view.filled[k];
        const id = view.amountIds[slot];
        this.orderTotals.set(id, (this.orderTotals.get(id) ?? 0) + view.cents[slot]);
      }
    }
    const date = rowDate(view);
    if (date) {
      // Kept for the whole file: detached, or the date would pin the piece of file text it came from.
      if (this.first === '' || date < this.first) this.first = detachedText(date);
      if (date > this.last) this.last = detachedText(date);
    }
    this.options.onView?.(view, this.options.sheet);
    const keep = this.options.keepRows !== false;
    if (!keep && this.options.onRow === undefined) return;
    const row = this.normalizer!.ledgerRow(view);
    if (keep) this.rows.push(row);
    this.options.onRow?.(row, this.options.sheet);
  }

  /** Ends the sheet: decides on a header if fewer than 30 rows came. */
  finish(): void {
    if (!this.normalizer && !this.failure) this.detect(true);
  }

  /** Column sums of the `Type = Order` rows, for the Reports check. */
  get orderColumnTotals(): Map<string, number> {
    return this.orderTotals;
  }

  result(): ParsedExport {
    const normalizer = this.normalizer!;
    const parsed: ParsedExport = {
      fileName: this.options.fileName,
      layout: this.layout!,
      layoutLabel: this.label,
      headerRow: this.headerRow,
      rows: this.rows,
      rejects: normalizer.problems,
      unknownColumns: normalizer.unknownColumns,
      duplicateKeys: normalizer.duplicateKeys(),
      reconciliation: this.reconciler!.result(normalizer.unclassifiedColumns()),
      period: { first: this.first, last: this.last },
      totals: {
        settlement: this.lines.settlement,
        netSales: this.lines.netSales,
        fees: this.lines.fees,
        grossSales: this.lines.grossSales,
      },
    };
    if (this.options.sheet !== undefined) parsed.sheet = this.options.sheet;
    if (this.options.timeZone) parsed.timeZone = this.options.timeZone;
    return parsed;
  }
}

/**
 * A sheet range (custom-function argument) → ParsedExport. Throws ExportFormatError with the
 * seller-facing message when the range holds no known header.
 */
export function parseSheetRows(rows: readonly (readonly CellValue[])[], options: ParseOptions): ParsedExport {
  const timeZone = options.timeZone ?? timeZoneFromFileName(options.fileName);
  const where = options.sheet ? `${options.fileName}, sheet ${options.sheet}` : options.fileName;
  const parser = new SheetParser({ ...options, timeZone, where });
  for (let i = 0; i < rows.length; i++) parser.push(rows[i], i + 1);
  parser.finish();
  if (!parser.detected) throw new ExportFormatError(parser.failureMessage);
  return parser.result();
}

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
export function parseExportFile(bytes: Uint8Array, fileName: string, options: Omit<ParseOptions, 'fileName' | 'sheet'> = {}): ParseFileResult {
  const file = new FileParse(bytes, fileName, options);
  try {
    forEachSheetRow(bytes, fileName, file.visit);
  } catch (error) {
    return file.failed(error);
  }
  return file.result();
}

/**
 * `parseExportFile` for the sidebar's worker: workbooks are inflated by the platform's native
 * decompressor where there is one (see `forEachSheetRowAsync`). Same result, same messages.
 */
export async function parseExportFileAsync(
  bytes: Uint8Array,
  fileName: string,
  options: Omit<ParseOptions, 'fileName' | 'sheet'> = {},
): Promise<ParseFileResult> {
  const file = new FileParse(bytes, fileName, options);
  try {
    await forEachSheetRowAsync(bytes, fileName, file.visit);
  } catch (error) {
    return file.failed(error);
  }
  return file.result();
}

/** One file's rows, sheet by sheet, into SheetParsers; then the file's ParseFileResult. */
class FileParse {
  private readonly timeZone: string | undefined;
  private readonly isWorkbook: boolean;
  /** A text file whose last record has no line break after it (perhaps cut short). */
  private readonly unterminated: boolean;
  private readonly parsers: { sheet: string; parser: SheetParser }[] = [];
  private current: SheetParser | undefined;
  private currentSheet = '';

  constructor(bytes: Uint8Array, private readonly fileName: string, private readonly options: Omit<ParseOptions, 'fileName' | 'sheet'>) {
    this.timeZone = options.timeZone ?? timeZoneFromFileName(fileName);
    this.isWorkbook = looksLikeZip(bytes);
    this.unterminated = !this.isWorkbook && endsWithoutLineBreak(bytes);
  }

  readonly visit = (sheet: string, cells: string[], rowNumber: number): void => {
    const { fileName, options, timeZone, isWorkbook } = this;
    let current = this.current;
    if (!current || sheet !== this.currentSheet) {
      current?.finish();
      this.currentSheet = sheet;
      current = this.current = new SheetParser({
        ...options,
        fileName,
        sheet: isWorkbook ? sheet : undefined,
        timeZone,
        where: isWorkbook ? `${fileName}, sheet ${sheet}` : fileName,
        orderTotals: isWorkbook,
      });
      this.parsers.push({ sheet, parser: current });
    }
    current.push(cells, rowNumber);
  };

  /** A file the reader refused: its message as the file's error; other errors are thrown on. */
  failed(error: unknown): ParseFileResult {
    if (error instanceof FileReadError) return { files: [], errors: [{ fileName: this.fileName, message: error.message }], notes: [] };
    throw error;
  }

  result(): ParseFileResult {
    this.current?.finish();
    const result = fileResult(this.fileName, this.parsers);
    if (this.unterminated) for (const file of result.files) file.endsWithoutLineBreak = true;
    return result;
  }
}

/** The sheets' parsers → data files, file error, and notes on the sheets that are not data. */
function fileResult(fileName: string, parsers: { sheet: string; parser: SheetParser }[]): ParseFileResult {
  const data = parsers.filter((p) => p.parser.detected);
  if (data.length === 0) {
    const message = parsers.length > 0 ? parsers[0].parser.failureMessage : `${fileName}: the file holds no rows.`;
    return { files: [], errors: [{ fileName, message }], notes: [] };
  }
  const notes: string[] = [];
  const files = data.map((p) => p.parser.result());
  for (const { sheet, parser } of parsers) {
    if (parser.detected) continue;
    const kind = sheetKind(parser.keptRows);
    if (kind === 'totals') {
      for (let i = 0; i < files.length; i++) {
        if (files[i].layout !== 'statement') continue;
        const checks = reconcileReports(parser.keptRows, data[i].parser.orderColumnTotals);
        files[i] = { ...files[i], reconciliation: withTotalChecks(files[i].reconciliation, checks) };
      }
      notes.push(`Sheet ${sheet}: statement totals, checked against the order rows.`);
    } else if (kind === 'reserve') {
      notes.push(`Sheet ${sheet}: reserve amounts (payout = settlement + reserve); not imported into the ledger.`);
    } else if (kind === 'blank') {
      continue;
    } else {
      notes.push(`Sheet ${sheet}: no TikTok Shop export header; skipped.`);
    }
  }
  return { files, errors: [], notes };
}

function sheetKind(rows: readonly (readonly CellValue[])[]): 'totals' | 'reserve' | 'blank' | 'other' {
  let amountLabels = 0;
  let any = false;
  for (const row of rows) {
    for (const cell of row) {
      if (typeof cell !== 'string' || cell.trim() === '') continue;
      any = true;
      const def = lookupColumn(cell);
      if (!def) continue;
      if (def.id === 'reserve_transaction_id' || def.id === 'reserve_amount') return 'reserve';
      if (def.kind === 'money') amountLabels++;
    }
  }
  if (!any) return 'blank';
  return amountLabels >= 2 ? 'totals' : 'other';
}
