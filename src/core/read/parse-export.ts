/**
 * Sheet rows → ParsedExport: find the header, normalize every row, reconcile, total. A range a
 * function reads goes through here alone; export files go through parse-export-file.ts, which
 * reads each sheet with the same parser (kept apart so the server never loads the file readers).
 */
import { isAdsLayout } from './ads-layouts';
import { planColumns } from './column-plan';
import { createAdsReader, type AdRowStream, type AdsReader } from './ads-reader';
import { timeZoneFromFileName } from '../dates';
import { detectLayout, HEADER_SCAN_ROWS, layoutSpec } from './layouts';
import { CurrencyCheck } from './currency';
import { ORDER_SALES_COLUMNS, OrderExportSales } from './order-export-sales';
import { RoundedIdWatch } from './rounded-ids';
import {
  UnrecognisedMoney,
  unrecognisedLineHeaders,
  unrecognisedUnderParents,
  type UnrecognisedUnder,
} from './unrecognised-money';
import { createNormalizer, type Normalizer } from './normalize';
import { sideBySideMessage } from './side-by-side';
import { RepeatedRows } from './repeated-rows';
import { addViewLines, emptyLines, type PnlGroupings } from '../analysis/pnl';
import { calendarDate } from '../analysis/row-dates';
import { createReconciler, type Reconciler } from '../analysis/reconcile';
import { detachedText } from './detached-text';
import type { DayOrder } from '../dates';
import { slashDateOrder, type DateOrderWatch } from './date-order';
import type { RowView } from './row-view';
import type { RowField } from './row-fields';
import type { CellValue, LayoutId, LedgerRow, ParsedExport } from '../types';

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
  /** An ad report's rows are handed here instead of kept in `ads.rows` (see AdRowStream). */
  adStream?: AdRowStream;
  /** Keep rows in `ParsedExport.rows` (default true; false for constant-memory passes). */
  keepRows?: boolean;
  /**
   * The row fields `onView` and `groupings` read, when no LedgerRow is built (`keepRows: false`,
   * no `onRow`): columns filling other fields are not read (see `planColumns`), and `roundedIds`
   * looks at the ID fields among them only. Default: all.
   */
  fields?: readonly RowField[];
  /**
   * Read an order export's sales as Gross sales, Seller discount and their refunds (see
   * order-export-sales.ts). Default true: sheet ranges for the functions' sales figures, files for
   * the ledger, where a settled row of the same order line supersedes them (settled-estimates.ts).
   */
  orderExportSales?: boolean;
  /**
   * Keep IDs a spreadsheet rounded (`5.77E+17`) and report them in `roundedIds`, instead of
   * rejecting their rows: sheet ranges (sums do not depend on IDs). Files: never, they are keyed.
   */
  keepRoundedIds?: boolean;
  /**
   * The file is read again from its first row (its bytes turned out not to be UTF-8 after some
   * rows were read): rows handed to `onRow` and `onView` so far are to be forgotten.
   */
  onRestart?: () => void;
  /** Share of the file's bytes read so far, 0–1. */
  onProgress?: (fraction: number) => void;
  /** Slash-date order per date column (by header), settled by a first read of the sheet (date-order.ts). */
  dayOrders?: Readonly<Record<string, DayOrder>>;
}

/** The fields to read: all of them where rows are built, else those the caller named. */
function fieldsRead({ fields, keepRows, onRow }: ParseOptions): ReadonlySet<RowField> | undefined {
  return fields === undefined || keepRows !== false || onRow !== undefined ? undefined : new Set(fields);
}

/** Slash-date orders to read a file again with, by sheet ('' for a CSV file's one sheet), then by column. */
export type DayOrdersBySheet = Record<string, Record<string, DayOrder>>;

/** Streams one sheet: buffers rows until the header is found, then normalizes each row. */
export class SheetParser {
  private readonly pending: CellValue[][] = [];
  private pendingFirstRow = 0;
  private normalizer?: Normalizer;
  /** An ad report's reader (its rows go to the TTS Ads tab, not through the ledger normalizer). */
  private ads?: AdsReader;
  private reconciler?: Reconciler;
  private currency?: CurrencyCheck;
  private orderSales?: OrderExportSales;
  private unrecognised?: UnrecognisedMoney;
  private unrecognisedUnder: UnrecognisedUnder[] = [];
  /** IDs a spreadsheet rounded, in every ID field read: a range's key fields are (see repeated-rows.ts). */
  private readonly roundedIds = new RoundedIdWatch();
  private layout?: LayoutId;
  private label = '';
  private headerRow = 0;
  private failure = '';
  private readonly rows: LedgerRow[] = [];
  private readonly lines = emptyLines();
  private first = '';
  private last = '';

  /** `range`: a sheet range passed to a function, not a file; `repeats`: told of its repeated rows. */
  constructor(
    private readonly options: ParseOptions & {
      where: string;
      range?: boolean;
      repeats?: RepeatedRows;
    },
  ) {}

  get detected(): boolean {
    return this.normalizer !== undefined || this.ads !== undefined;
  }

  get detectedLayout(): LayoutId | undefined {
    return this.layout;
  }

  /** The failure message once the first rows have been seen without a header. */
  get failureMessage(): string {
    return this.failure;
  }

  /** Why the sheet is refused for its currency ('' when it is in US dollars). */
  get currencyRefusal(): string {
    return this.currency?.message(this.options.where, layoutSpec(this.layout!).name) || '';
  }

  push(cells: readonly CellValue[], rowNumber: number): void {
    if (this.ads) {
      this.ads.push(cells, rowNumber);
      return;
    }
    if (this.normalizer) {
      this.readRow(cells, rowNumber);
      return;
    }
    if (this.failure) return;
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
        this.pending.length = 0;
      }
      return;
    }
    const headerRow = this.pendingFirstRow + result.headerRow - 1;
    if (isAdsLayout(result.layout)) {
      this.startAds(result.layout, result.label, result.header, headerRow, result.headerRow);
      return;
    }
    const twice = sideBySideMessage(this.pending, this.pendingFirstRow, headerRow, this.options.where);
    if (twice) {
      this.failure = twice;
      this.pending.length = 0;
      return;
    }
    this.layout = result.layout;
    this.label = result.label;
    this.headerRow = headerRow;
    const orderSales = result.layout === 'order-export' && this.options.orderExportSales !== false;
    // The add-on's own ledger tab has no unknown amounts of TikTok's: columns there are the seller's.
    const under = result.layout === 'ledger' ? [] : unrecognisedUnderParents(result.header);
    const extra = [...unrecognisedLineHeaders(under), ...(orderSales ? ORDER_SALES_COLUMNS : [])];
    this.normalizer = createNormalizer({
      fileName: this.options.fileName,
      sheet: this.options.sheet,
      layout: result.layout,
      header: extra.length > 0 ? [...result.header, ...extra] : result.header,
      headerRow,
      timeZone: this.options.timeZone,
      dateText: this.options.dateText,
      keys: this.options.keys,
      dayOrders: this.options.dayOrders,
      fields: fieldsRead(this.options),
      // A file's totals row is checked and dropped before import; a range passed to a function refuses it.
      totalsRows: this.options.range !== true,
      onRoundedId: this.options.keepRoundedIds
        ? (field, shown, row) => this.roundedIds.sawScientific(field, shown, row)
        : undefined,
      repeats: this.options.repeats,
    });
    this.reconciler = createReconciler(this.normalizer.amountIds);
    this.currency = new CurrencyCheck(result.header);
    if (orderSales) this.orderSales = new OrderExportSales(result.header, this.normalizer.amountIds);
    if (under.length > 0) {
      this.unrecognised = new UnrecognisedMoney(under, this.normalizer.amountIds);
      this.unrecognisedUnder = under.map(({ parent, line, columns }) => ({ parent, line, columns }));
    }
    const rest = this.pending.slice(result.headerRow);
    this.pending.length = 0;
    for (let i = 0; i < rest.length; i++) this.readRow(rest[i], headerRow + 1 + i);
  }

  /** A data row: normalized and accepted, unless the sheet is (or turns out) in another currency. */
  private readRow(cells: readonly CellValue[], rowNumber: number): void {
    const currency = this.currency!;
    if (currency.refused) {
      currency.check(cells, rowNumber, false);
      return;
    }
    const normalizer = this.normalizer!;
    const rejected = normalizer.rejectedRows;
    const view = normalizer.read(cells, rowNumber);
    if (currency.check(cells, rowNumber, normalizer.rejectedRows !== rejected)) return;
    if (view !== null) {
      this.unrecognised?.apply(view, cells);
      this.orderSales?.apply(view, cells);
    }
    this.accept(view);
  }

  /** An ad report: its header checked (a refusal is the sheet's failure), then its rows read. */
  private startAds(
    layout: 'ads-manager' | 'gmv-max',
    label: string,
    header: string[],
    headerRow: number,
    pendingHeader: number,
  ): void {
    const created = createAdsReader({
      fileName: this.options.fileName,
      sheet: this.options.sheet,
      where: this.options.where,
      report: layout,
      header,
      headerRow,
      dateText: this.options.dateText,
      stream: this.options.adStream,
      dayOrders: this.options.dayOrders,
    });
    const rest = this.pending.slice(pendingHeader);
    this.pending.length = 0;
    if (!created.ok) {
      this.failure = created.message;
      return;
    }
    this.ads = created.reader;
    this.layout = layout;
    this.label = label;
    this.headerRow = headerRow;
    for (let i = 0; i < rest.length; i++) this.ads.push(rest[i], headerRow + 1 + i);
  }

  /** One normalized row: totals and checks from the view; a LedgerRow only when rows are kept or streamed out. */
  private accept(view: RowView | null): void {
    if (view === null) return;
    this.roundedIds.see(view);
    if (this.options.reconcile !== false) this.reconciler!.checkView(view);
    if (this.options.groupings) this.options.groupings.addView(view, this.lines);
    else addViewLines(view, this.lines);
    // The period's ends as the rows' date text; cut to days once, at the end (the order is the same).
    const date = view.orderDate || view.statementDate;
    if (date.length >= 10) {
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

  private adsResult(reader: AdsReader): ParsedExport {
    return adsParsedExport(this.options, this.layout!, this.label, this.headerRow, reader);
  }

  /** Catalog ids of the amount columns the sheet has. */
  get amountIds(): readonly string[] {
    return this.normalizer!.amountIds;
  }

  /** How each date column writes slash dates: the normalizer's, or an ad report's day column. */
  dateOrders(): DateOrderWatch[] {
    return this.ads ? [this.ads.dayOrder] : this.normalizer?.dateOrders() || [];
  }

  /** Why the sheet is refused for a date column written both ways ('' when none is). */
  get dateRefusal(): string {
    for (const watch of this.dateOrders()) {
      const refusal = watch.refusal(this.options.where, this.options.range === true);
      if (refusal) return refusal;
    }
    return '';
  }

  /** Date columns to read again day first (values read month first before they were settled), or null. */
  get dayOrdersToReread(): Record<string, DayOrder> | null {
    let orders: Record<string, DayOrder> | null = null;
    for (const watch of this.dateOrders()) {
      if (watch.rereadAs !== undefined) (orders ??= {})[watch.column] = watch.rereadAs;
    }
    return orders;
  }

  result(): ParsedExport {
    if (this.ads) return this.adsResult(this.ads);
    const normalizer = this.normalizer!;
    const parsed: ParsedExport = {
      fileName: this.options.fileName,
      layout: this.layout!,
      layoutLabel: this.label,
      headerRow: this.headerRow,
      rows: this.rows,
      rejects: normalizer.problems,
      rejectedRows: normalizer.rejectedRows,
      unknownColumns: normalizer.unknownColumns,
      reconciliation: this.reconciler!.result(normalizer.unclassifiedColumns()),
      period: { first: calendarDate(this.first), last: calendarDate(this.last) },
      totals: {
        settlement: this.lines.settlement,
        netSales: this.lines.netSales,
        fees: this.lines.fees,
        grossSales: this.lines.grossSales,
      },
    };
    if (this.options.sheet !== undefined) parsed.sheet = this.options.sheet;
    if (this.options.timeZone) parsed.timeZone = this.options.timeZone;
    const rounded = this.roundedIds.result();
    if (rounded !== null) parsed.roundedIds = rounded;
    if (this.unrecognisedUnder.length > 0) parsed.unrecognisedMoney = this.unrecognisedUnder;
    if (this.orderSales) parsed.orderExport = this.orderSales.summary();
    return parsed;
  }
}

/** An ad report as a ParsedExport: no ledger rows, no settlement; its rows in `ads`. */
function adsParsedExport(
  options: ParseOptions,
  layout: LayoutId,
  label: string,
  headerRow: number,
  reader: AdsReader,
): ParsedExport {
  const parsed: ParsedExport = {
    fileName: options.fileName,
    layout,
    layoutLabel: label,
    headerRow,
    rows: [],
    rejects: reader.problems,
    rejectedRows: reader.rejectedRows,
    unknownColumns: reader.unknownColumns,
    reconciliation: { rowsChecked: 0, mismatches: [], totalChecks: [], unclassifiedColumns: [], ok: true },
    period: { first: reader.period.first, last: reader.period.last },
    totals: { settlement: 0, netSales: 0, fees: 0, grossSales: 0 },
    ads: reader.result(),
  };
  if (options.sheet !== undefined) parsed.sheet = options.sheet;
  return parsed;
}

/**
 * A sheet range (custom-function argument) → ParsedExport. Throws ExportFormatError with the
 * seller-facing message when the range holds no known header.
 */
export function parseSheetRows(rows: readonly (readonly CellValue[])[], options: ParseOptions): ParsedExport {
  const timeZone = options.timeZone ?? timeZoneFromFileName(options.fileName);
  const where = options.sheet ? `${options.fileName}, sheet ${options.sheet}` : options.fileName;
  const base = { keepRoundedIds: true, ...options, timeZone, where, range: true };
  // A date that reads either way (05/03/2026) may be settled day first by a later row: a first
  // pass that streams nothing decides each column's order, so no row reaches a caller twice.
  let dayOrders: Record<string, DayOrder> | undefined;
  const quiet = {
    ...base,
    onRow: undefined,
    onView: undefined,
    adStream: undefined,
    groupings: undefined,
    keepRows: false,
  };
  if (hasEitherWayDate(rows, where, fieldsRead(options))) {
    dayOrders = sheetParserOver(rows, quiet).dayOrdersToReread ?? undefined;
  }
  let repeats = new RepeatedRows(false, rows.length);
  const parser = sheetParserOver(rows, { ...base, dayOrders, repeats });
  if (!parser.detected) throw new ExportFormatError(parser.failureMessage);
  if (parser.currencyRefusal) throw new ExportFormatError(parser.currencyRefusal);
  if (parser.dateRefusal) throw new ExportFormatError(parser.dateRefusal);
  const parsed = parser.result();
  // With IDs the spreadsheet rounded, a second pass compares IDs as rounded: a copy pasted with its
  // IDs rounded is a repeat of its first copy.
  if (parsed.roundedIds && !repeats.found)
    sheetParserOver(rows, { ...quiet, dayOrders, repeats: (repeats = new RepeatedRows(true, rows.length)) });
  const repeated = repeats.refusal(where, parsed.layout === 'ledger');
  if (repeated) throw new ExportFormatError(repeated);
  return parsed;
}

/**
 * Whether a date column the range is read by holds a slash date that reads either way: only the
 * columns the header names as dates, and the caller's `fields` read, are looked at (cheap: `/` at
 * a text cell's 2nd or 3rd character first). A column not read has no order to settle.
 */
function hasEitherWayDate(
  rows: readonly (readonly CellValue[])[],
  where: string,
  fields: ReadonlySet<RowField> | undefined,
): boolean {
  const found = detectLayout(rows.slice(0, HEADER_SCAN_ROWS), where);
  if (!found.ok || isAdsLayout(found.layout)) return false;
  const dateColumns: number[] = [];
  planColumns(found.header, found.layout, fields).columns.forEach((column, c) => {
    if (column.read === 'date') dateColumns.push(c);
  });
  for (let r = found.headerRow; r < rows.length; r++) {
    const row = rows[r];
    for (let d = 0; d < dateColumns.length; d++) {
      const cell = row[dateColumns[d]];
      if (typeof cell !== 'string' || cell.length < 8) continue;
      if ((cell.charCodeAt(1) === 47 || cell.charCodeAt(2) === 47) && slashDateOrder(cell) === 'either')
        return true;
    }
  }
  return false;
}

function sheetParserOver(
  rows: readonly (readonly CellValue[])[],
  options: ParseOptions & { where: string; range: boolean; repeats?: RepeatedRows },
): SheetParser {
  const parser = new SheetParser(options);
  for (let i = 0; i < rows.length; i++) parser.push(rows[i], i + 1);
  parser.finish();
  return parser;
}
