/**
 * The streaming row normalizer: the header is planned once per file (column-plan.ts), then each
 * row is read by that plan into one reusable row view (row-reader.ts) and, where rows are kept,
 * turned into a LedgerRow. Nothing is kept per row but what duplicate-key detection needs, so a
 * million-row file streams in bounded memory.
 */
import { planColumns, type ColumnPlan } from './column-plan';
import { RowReader, type RowReaderOptions } from './row-reader';
import type { RowField } from './row-fields';
import { amountsOf, sourceOf, type RowView } from './row-view';
import type { DateOrderWatch } from './date-order';
import { sayHeaderAgain } from './header-again';
import type { CellValue, LayoutId, LedgerRow, Problem } from '../types';

export { normalizeType } from './row-reader';

export interface NormalizerOptions {
  fileName: string;
  sheet?: string;
  layout: LayoutId;
  header: readonly string[];
  /** 1-based row number of the header (data rows are numbered by the caller). */
  headerRow: number;
  /** From the file name, e.g. `UTC-7`: the offset written on date-times. */
  timeZone?: string;
  /** Date cells → ISO text, when the caller knows their zone (a sheet range: the spreadsheet's). */
  dateText?: (date: Date) => string;
  /** Build ledger keys and find duplicates (default true; a one-off sum of a range needs neither). */
  keys?: boolean;
  /** The rows are a later part of a file already started (no field-description row to look for). */
  continuesFile?: boolean;
  /** Keep IDs a spreadsheet rounded instead of rejecting their rows (see RowReaderOptions). */
  onRoundedId?: RowReaderOptions['onRoundedId'];
  roundedIdFields?: RowReaderOptions['roundedIdFields'];
  /** Slash-date order per date column, settled by a first read (see RowReaderOptions). */
  dayOrders?: RowReaderOptions['dayOrders'];
  /** A totals label in a date column marks a totals row (see RowReaderOptions). */
  totalsRows?: RowReaderOptions['totalsRows'];
  /** The row fields read (default: all, as a LedgerRow holds them); see `planColumns`. */
  fields?: ReadonlySet<RowField>;
  /** Told of rows whose key repeats (see RowReaderOptions). */
  repeats?: RowReaderOptions['repeats'];
}

/** How the values of one column the catalog does not know looked: amounts, or other text. */
export interface UnknownColumnCounts {
  name: string;
  moneyLike: number;
  notMoney: number;
}

export interface Normalizer {
  /** One data row → a LedgerRow, or null when the row is blank, rejected or a description row. */
  push(cells: readonly CellValue[], rowNumber: number): LedgerRow | null;
  /**
   * One data row → the normalizer's row view (the same object, refilled each time), or null as
   * for `push`. Streaming consumers read it without a LedgerRow being built.
   */
  read(cells: readonly CellValue[], rowNumber: number): RowView | null;
  /** The LedgerRow of the view last read (what `push` returns for that row). */
  ledgerRow(view: RowView): LedgerRow;
  /** The ledger key of the view last read, `#n`-suffixed for the n-th row with the same key. */
  keyOf(view: RowView): string;
  /** Rejected-row messages (the first 1,000 kept; `rejectedRows` counts all). */
  readonly problems: Problem[];
  readonly rejectedRows: number;
  readonly rowsAccepted: number;
  /** Headers not in the catalog, as written. */
  readonly unknownColumns: string[];
  /** Catalog ids of the amount columns (money and informational) present in the header. */
  readonly amountIds: string[];
  /** Unknown columns whose values look like amounts (`12.34`). */
  unclassifiedColumns(): string[];
  /** What `unclassifiedColumns` is decided from. */
  unknownColumnCounts(): UnknownColumnCounts[];
  /** The order each date column writes its slash dates in, as read so far. */
  dateOrders(): DateOrderWatch[];
}

/** Unknown columns whose values all looked like amounts. */
export function unclassifiedOf(counts: readonly UnknownColumnCounts[]): string[] {
  return counts.filter((c) => c.moneyLike > 0 && c.notMoney === 0).map((c) => c.name);
}

export function createNormalizer(options: NormalizerOptions): Normalizer {
  const plan = planColumns(options.header, options.layout, options.fields);
  const reader = new RowReader(plan, options);
  if (options.continuesFile === true) reader.continueFile();
  const keyOf = (view: RowView): string => (reader.keys === null ? view.key : reader.keys.keyOf(view));
  const ledgerRow = (view: RowView): LedgerRow => toLedgerRow(view, keyOf(view), reader, plan);
  const unknownColumnCounts = (): UnknownColumnCounts[] =>
    plan.columns
      .filter((c) => c.read === 'unknown')
      .map((c) => ({ name: c.name, moneyLike: c.moneyLike, notMoney: c.notMoney }));
  const read = (cells: readonly CellValue[], rowNumber: number): RowView | null => {
    const rejected = reader.rejectedRows;
    const view = reader.read(cells, rowNumber);
    if (reader.rejectedRows !== rejected) sayHeaderAgain(reader.problems, cells, options.header, rowNumber);
    return view;
  };
  return {
    push(cells, rowNumber) {
      const view = read(cells, rowNumber);
      return view === null ? null : ledgerRow(view);
    },
    read,
    ledgerRow,
    keyOf,
    problems: reader.problems,
    get rejectedRows() {
      return reader.rejectedRows;
    },
    get rowsAccepted() {
      return reader.rowsAccepted;
    },
    unknownColumns: plan.unknownColumns,
    amountIds: plan.amountIds,
    unclassifiedColumns: () => unclassifiedOf(unknownColumnCounts()),
    unknownColumnCounts,
    dateOrders: () => reader.dateOrders.filter((w): w is DateOrderWatch => w !== undefined),
  };
}

/** The view last read as a LedgerRow: its fields, amounts, kept cells and source. */
function toLedgerRow(view: RowView, key: string, reader: RowReader, plan: ColumnPlan): LedgerRow {
  // One literal (typed: a field LedgerRow requires cannot be missing), so every row has the same
  // shape; copying the fields by name in a loop cost a dictionary lookup per field and row.
  const row: LedgerRow = {
    key,
    layout: view.layout,
    type: view.type,
    statementId: view.statementId,
    orderId: view.orderId,
    relatedOrderId: view.relatedOrderId,
    skuId: view.skuId,
    sellerSku: view.sellerSku,
    productName: view.productName,
    skuName: view.skuName,
    orderDate: view.orderDate,
    statementDate: view.statementDate,
    currency: view.currency,
    quantity: view.quantity,
    amounts: amountsOf(view),
    unknown: {},
    source: sourceOf(view),
  };
  if (view.sampleType) row.sampleType = view.sampleType;
  if (view.totalsLabel !== '') {
    const [column, text] = view.totalsLabel.split('\u0000');
    row.totalsLabel = { column, text };
  }
  for (let k = 0; k < reader.extraCount; k++) {
    const column = plan.columns[reader.extraColumns[k]];
    if (column.read === 'unknown') row.unknown[column.name] = reader.extraTexts[k];
    else (row.details ??= {})[column.def!.id] = reader.extraTexts[k];
  }
  if (view.importId !== undefined) row.importId = view.importId;
  return row;
}
