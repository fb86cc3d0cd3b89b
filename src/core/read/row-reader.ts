/**
 * Reading one data row by its file's column plan (column-plan.ts): each cell read as its column's
 * kind says, into the file's one row view (row-view.ts), or the row rejected with a message
 * naming its row and column. Nothing is kept per row but what duplicate keys need (row-keys.ts).
 */
import { parseDateOrNull, type DayOrder } from '../dates';
import { isDateCell } from '../date-cell';
import { idText } from '../cell-text';
import { DateOrderWatch } from './date-order';
import { detachedText } from './detached-text';
import { dayKey } from './day-key';
import { onSellersClock } from './date-zone';
import { moneyProblem, parseCentsOrNaN } from '../money';
import { MAX_DETAIL_CHARS, MAX_QUANTITY, type RowField } from './row-fields';
import { createRowView, type RowView } from './row-view';
import { RowKeys } from './row-keys';
import type { RepeatedRows } from './repeated-rows';
import { isIdField, lostDigitsText, type IdField } from './rounded-ids';
import { lostKeyText } from '../ledger/lost-key';
import { layoutSpec, type LayoutSpec } from './layouts';
import type { CachedDate, ColumnPlan, PlannedColumn } from './column-plan';
import { LAYOUT_IDS, type CellValue, type LayoutId, type Problem } from '../types';

export interface RowReaderOptions {
  fileName: string;
  sheet?: string;
  layout: LayoutId;
  /** From the file name, e.g. `UTC-7`: the offset written on date-times. */
  timeZone?: string;
  /** Date cells → ISO text, when the caller knows their zone (a sheet range: the spreadsheet's). */
  dateText?: (date: Date) => string;
  /** Build ledger keys and find duplicates (default true; a one-off sum of a range needs neither). */
  keys?: boolean;
  /**
   * Keep an ID a spreadsheet rounded (`5.77E+17`) as its text and tell this callback, instead of
   * rejecting the row: for sums, which IDs do not change (see rounded-ids.ts). Told of the ID
   * fields only: other ID-like columns (the Key, Import ID) keep such text as it is.
   */
  onRoundedId?: (field: IdField, shown: string, rowNumber: number) => void;
  /** The ID fields `onRoundedId` is told of (default all): the caller looks at no other's. */
  roundedIdFields?: readonly IdField[];
  /**
   * A totals label (`Total`, `Grand total`) in a date column marks a totals row the seller added
   * (files: ready-to-import.ts checks and drops it) instead of rejecting it as a bad date.
   */
  totalsRows?: boolean;
  /** The order of slash dates per date column (by header), settled by a first read of the file. */
  dayOrders?: Readonly<Record<string, DayOrder>>;
  /** Told of rows whose key repeats, keys built whatever `keys` says (a range: see repeated-rows.ts). */
  repeats?: RepeatedRows;
}

/** A totals row's label: `Total`, `Grand total`, `Subtotal`, `Totals`, `Sum`. */
export const TOTALS_LABEL = /^(grand\s*)?(sub)?totals?\b|^sum\b/i;

/** How a reported row ends when it is the seller's (no ID, or a totals row), not the export's. */
const SKIPPED_ROW = '; the row was skipped.';

/** Whether a reported problem is a row skipped as the seller's (see RowReader's notAnOrder). */
export function isSkippedRow(problem: Problem): boolean {
  return problem.message.endsWith(SKIPPED_ROW);
}

function startsWithDigit(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** Rejected-row messages kept per file (all are counted). */
export const MAX_PROBLEMS = 1000;
const DATE_CACHE_SIZE = 4096;

const KNOWN_LAYOUTS: ReadonlySet<string> = new Set(LAYOUT_IDS);

export class RowReader {
  readonly problems: Problem[] = [];
  rejectedRows = 0;
  rowsAccepted = 0;
  /** Detail and unknown cells of the current row: column index and text (for the LedgerRow). */
  readonly extraColumns: number[] = [];
  readonly extraTexts: string[] = [];
  extraCount = 0;
  /** The row view, refilled for every row. */
  readonly view: RowView;
  /** Null when keys are not built (ledger rows carry their own; one-off sums need none). */
  readonly keys: RowKeys | null;
  /** Each date column's slash-date order (date-order.ts), by column index. */
  readonly dateOrders: (DateOrderWatch | undefined)[];
  /** By column index: the column fills an ID field (rounded-ids.ts). */
  private readonly idFields: boolean[];

  private readonly spec: LayoutSpec;
  private readonly isLedger: boolean;
  private readonly columns: PlannedColumn[];
  private readonly defaultType: string;
  private sawData = false;
  // The current row's state, set by `begin` (first in the constructor).
  private bad!: boolean;
  private rowNumber!: number;
  private amountsHash!: number;
  private orderDateHash!: number;
  private statementDateHash!: number;
  private layoutText!: string;
  // Ledger rows carry the file and row they were first imported from.
  private ledgerSourceFile!: string;
  private ledgerSourceRow!: number;
  private lastTypeText = '';
  private lastType = '';

  constructor(
    private readonly plan: ColumnPlan,
    private readonly options: RowReaderOptions,
  ) {
    this.spec = layoutSpec(options.layout);
    this.isLedger = options.layout === 'ledger';
    this.columns = plan.columns;
    this.defaultType = this.spec.defaultType || '';
    this.view = createRowView(plan.amountIds, options.layout);
    this.keys =
      !options.repeats && (this.isLedger || options.keys === false)
        ? null
        : new RowKeys(this.spec.keyPrefix, this.spec.keyFields, options.repeats);
    const told = options.roundedIdFields;
    this.idFields = plan.columns.map(
      (c) => isIdField(c.field) && (told === undefined || told.includes(c.field)),
    );
    this.dateOrders = plan.columns.map((c) =>
      c.read === 'date' ? new DateOrderWatch(c.name, options.dayOrders?.[c.name]) : undefined,
    );
    this.begin(0);
  }

  /** The rows are a later part of a file already started: no field-description row to look for. */
  continueFile(): void {
    this.sawData = true;
  }

  /** One data row into the view; null when the row is blank, a description row or rejected. */
  read(cells: readonly CellValue[], rowNumber: number): RowView | null {
    const plan = this.plan;
    const n = cells.length < plan.width ? cells.length : plan.width;
    let first = 0;
    while (first < n && isBlank(cells[first])) first++;
    if (first === n) return null;
    if (!this.sawData) {
      this.sawData = true;
      // Order exports may carry TikTok's field descriptions on the row under the header.
      if (this.spec.descriptionRow && plan.orderIdColumn >= 0 && isDescription(cells[plan.orderIdColumn]))
        return null;
    }
    this.begin(rowNumber);
    // Amounts first, in a loop of their own. A cell that is not an amount rejects the row: it is
    // read again column by column, so that its problems are reported in column order.
    if (this.readAmounts(cells, n)) this.readColumns(cells, n, plan.otherColumns);
    else {
      this.begin(rowNumber);
      this.readColumns(cells, n, plan.readColumns);
    }
    return this.finish(cells);
  }

  /**
   * Whether the add-on wrote a ledger row: a Layout it writes and an Import ID (a Layout alone may be
   * dragged down into the seller's rows). Without its Key such a row lost it, and skipping it would
   * drop an imported row from every figure.
   */
  private wroteRow(cells: readonly CellValue[]): boolean {
    const at = (field: RowField) => cells[this.columns.findIndex((column) => column.def?.field === field)];
    return KNOWN_LAYOUTS.has(String(at('layout')).trim()) && String(at('importId') ?? '').trim() !== '';
  }

  /** The row's amount cells into the view; false (nothing reported) at the first cell that is not an amount. */
  private readAmounts(cells: readonly CellValue[], n: number): boolean {
    const columns = this.plan.amountColumns;
    const view = this.view;
    let count = 0;
    let hash = this.amountsHash;
    for (let k = 0; k < columns.length; k++) {
      const i = columns[k];
      if (i >= n) break;
      const value = cells[i];
      if (value === '' || value === null || value === undefined) continue;
      const amount = parseCentsOrNaN(value);
      if (amount !== amount) return false;
      if (amount === 0) continue;
      const slot = this.columns[i].slot;
      view.cents[slot] = amount;
      view.filled[count++] = slot;
      hash = mixAmount(hash, i, amount);
    }
    view.filledCount = count;
    this.amountsHash = hash;
    return true;
  }

  /** The cells of `columns` (in order), each read as its column's kind says. */
  private readColumns(cells: readonly CellValue[], n: number, columns: readonly number[]): void {
    for (let c = 0; c < columns.length; c++) {
      const i = columns[c];
      if (i >= n) break;
      const value = cells[i];
      if (value === '' || value === null || value === undefined) continue;
      const column = this.columns[i];
      switch (column.read) {
        case 'money':
        case 'info-money':
          this.checkMoney(column, value);
          break;
        case 'id':
          this.readId(column, i, value);
          break;
        case 'date':
          this.readDate(column, i, value);
          break;
        case 'quantity':
          this.readQuantity(column, value);
          break;
        case 'text':
          this.readText(column, i, value);
          break;
        case 'unknown':
          this.readUnknown(column, i, value);
      }
    }
  }

  private begin(rowNumber: number): void {
    const view = this.view;
    const fields = this.plan.filledFields;
    for (let f = 0; f < fields.length; f++) clearField(view, fields[f]);
    view.type = this.defaultType;
    view.layout = this.options.layout;
    view.filledCount = 0;
    view.rowNumber = rowNumber;
    view.serial++;
    view.sourceFile = this.options.fileName;
    view.sourceSheet = this.options.sheet;
    view.sourceRow = rowNumber;
    view.totalsLabel = '';
    this.extraCount = 0;
    this.bad = false;
    this.rowNumber = rowNumber;
    this.amountsHash = 2166136261;
    this.orderDateHash = EMPTY_TEXT_HASH;
    this.statementDateHash = EMPTY_TEXT_HASH;
    this.layoutText = '';
    this.ledgerSourceFile = '';
    this.ledgerSourceRow = 0;
  }

  /** The row read: accepted (its key counted) or rejected. */
  private finish(cells: readonly CellValue[]): RowView | null {
    const row = this.view;
    if (this.bad) {
      this.rejectedRows++;
      return null;
    }
    const rowNumber = this.rowNumber;
    if (row.totalsLabel !== '' && row.orderId !== '') {
      // `Total` where an order's date belongs is a bad date, never a reason to drop the order as a totals row.
      const [column, text] = row.totalsLabel.split('\u0000');
      this.rejectedRows++;
      this.report(column, notADate(rowNumber, column, text));
      return null;
    }
    if (this.isLedger) {
      // Every key the add-on writes joins its parts with `|`: a word such as `Total` is the seller's.
      if (row.key === '' || !row.key.includes('|')) {
        this.rejectedRows++;
        const says = row.key === '' ? '' : ` (it says \`${shownValue(row.key)}\`)`;
        this.report(
          'Key',
          `Row ${rowNumber}: ${this.wroteRow(cells) ? lostKeyText(says, 'file') : `no *Key*${says && ` written by TTS Profit${says}`}; the row was skipped.`}`,
        );
        return null;
      }
      // A ledger row keeps the layout and source it was imported from.
      if (KNOWN_LAYOUTS.has(this.layoutText)) row.layout = this.layoutText as LayoutId;
      if (this.ledgerSourceFile) {
        row.sourceFile = this.ledgerSourceFile;
        row.sourceSheet = undefined;
        row.sourceRow = this.ledgerSourceRow;
      }
    } else if ((row.orderId === '' || !startsWithDigit(row.orderId)) && this.notAnOrder(row, cells))
      return null;
    // A ledger row's Key is its own: a second row with it is a copy, whatever it holds.
    if (this.keys !== null) {
      this.keys.count(
        row,
        this.isLedger
          ? 0
          : contentHash(row, this.amountsHash, this.orderDateHash, this.statementDateHash) | 0,
      );
    }
    this.rowsAccepted++;
    return row;
  }

  /**
   * A row without an order ID, or (in a range a function reads) with text in its ID cell: rejected
   * when it is not an order. In a range, a totals row (`Total` in its ID cell, or in a date cell of
   * a row without ID) is the seller's and skipped ({@link isSkippedRow}); an order row whose ID was
   * cleared, or other text there, is refused. A file's rows go to ready-to-import.ts, which checks
   * totals rows against the rows above and refuses the rest.
   */
  private notAnOrder(row: RowView, cells: readonly CellValue[]): boolean {
    const id = row.orderId;
    const range = this.options.totalsRows !== true;
    // A file's ID text, and its totals row (no ID of its own), go to ready-to-import.ts.
    if (range ? id !== '' && /\d/.test(id) : id !== '' || row.totalsLabel !== '') return false;
    this.rejectedRows++;
    const column = this.plan.orderIdColumn >= 0 ? this.columns[this.plan.orderIdColumn].name : undefined;
    const name = column ?? 'Order/adjustment ID';
    const at = `Row ${this.rowNumber}`;
    // A totals row's label: in its ID cell, else in any cell of a row without ID (its date, its type…).
    const [labelColumn, label] =
      id !== '' ? [name, TOTALS_LABEL.test(id) ? id : ''] : this.labelIn(cells, name);
    if (!range) this.report(column, `${at}: no *${name}*${SKIPPED_ROW}`);
    else if (label)
      this.report(
        labelColumn,
        `${at}: *${labelColumn}* says \`${shownValue(label)}\`, a totals row${SKIPPED_ROW}`,
      );
    else if (id === '')
      this.report(column, `${at}: no *${name}*. Type the row's ID back, or leave the row out of the range.`);
    else
      this.report(column, `${at}, column *${name}*: expected an ID (digits), found \`${shownValue(id)}\`.`);
    return true;
  }

  /** The first cell of `cells` holding a totals label, as [its column (else `fallback`), the label], or ['', '']. */
  private labelIn(cells: readonly CellValue[], fallback: string): string[] {
    const at = cells.findIndex((c) => typeof c === 'string' && TOTALS_LABEL.test(c.trim()));
    return at < 0 ? ['', ''] : [this.columns[at]?.name ?? fallback, String(cells[at]).trim()];
  }

  private report(column: string | undefined, message: string): void {
    if (this.problems.length >= MAX_PROBLEMS) return;
    const problem: Problem = {
      file: this.options.fileName,
      row: this.rowNumber,
      message: detachedText(message),
    };
    if (this.options.sheet !== undefined) problem.sheet = this.options.sheet;
    if (column !== undefined) problem.column = column;
    this.problems.push(problem);
  }

  private reject(column: PlannedColumn, message: string): void {
    this.report(column.name, message);
    this.bad = true;
  }

  private keepExtra(column: number, text: string): void {
    this.extraColumns[this.extraCount] = column;
    this.extraTexts[this.extraCount] = text;
    this.extraCount++;
  }

  /** An amount cell of a row that has a cell which is not an amount (see `read`): only its problem counts. */
  private checkMoney(column: PlannedColumn, value: CellValue): void {
    const problem = moneyProblem(value);
    if (problem) this.reject(column, cellAt(this.rowNumber, column.name) + problem);
  }

  private readId(column: PlannedColumn, i: number, value: CellValue): void {
    let text: string;
    const onRoundedId = this.options.onRoundedId;
    const idField = this.idFields[i];
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value) || value < 0) {
        const shown = value.toExponential().toUpperCase();
        if (onRoundedId === undefined || !(value > 0) || !Number.isFinite(value)) {
          this.reject(column, lostDigits(this.rowNumber, column.name, shown));
          return;
        }
        if (idField) onRoundedId(column.field as IdField, shown, this.rowNumber);
        text = shown;
      } else text = String(value);
    } else {
      text = idText(typeof value === 'string' ? trimmed(value) : String(value));
      if (text === '/') text = '';
      // Where rounded IDs are kept, only the ID fields the caller looks at need the look for an exponent.
      else if ((onRoundedId === undefined || idField) && isScientific(text)) {
        if (onRoundedId === undefined) {
          this.reject(column, lostDigits(this.rowNumber, column.name, text));
          return;
        }
        onRoundedId(column.field as IdField, text, this.rowNumber);
      }
    }
    if (text.length > column.maxChars)
      this.reject(column, tooLong(this.rowNumber, column.name, text, column.maxChars));
    else if (column.field) setField(this.view, column.field, text);
    else if (column.detail && text) this.keepExtra(i, text);
  }

  private readDate(column: PlannedColumn, i: number, value: CellValue): void {
    const date = this.dateOf(column, i, value);
    if (date === null && typeof value === 'string' && TOTALS_LABEL.test(value.trim())) {
      this.view.totalsLabel = `${column.name}\u0000${value.trim()}`;
    } else if (date === null) {
      this.reject(column, notADate(this.rowNumber, column.name, value));
    } else if (column.field) {
      setField(this.view, column.field, date.iso);
      if (column.field === 'orderDate') this.orderDateHash = date.hash;
      else if (column.field === 'statementDate') this.statementDateHash = date.hash;
    } else if (column.detail && date.iso) this.keepExtra(i, date.iso);
  }

  /**
   * A date cell as ISO text (and its hash), or null when it holds no date. Remembered per column:
   * a few hundred days repeat down a column, as Date cells (by instant) or as text.
   */
  private dateOf(column: PlannedColumn, i: number, value: CellValue): CachedDate | null {
    const dateText = this.options.dateText;
    // `instanceof` answers the script's own dates at once; a Date made in another realm still is one.
    if (typeof value === 'object' && dateText !== undefined && (value instanceof Date || isDateCell(value))) {
      const time = value.getTime();
      const known = column.times.get(time);
      if (known !== undefined) return known;
      const date = this.dateOfText(column, i, dateText(value));
      if (date !== null) column.times.set(time, date);
      return date;
    }
    if (typeof value === 'string') return this.dateOfText(column, i, value);
    const iso = parseDateOrNull(value, this.options.timeZone);
    return iso === null ? null : this.dated(column, iso, value);
  }

  /** A parsed date-time on the seller's clock (date-zone.ts), with its hash. */
  private dated(column: PlannedColumn, iso: string, raw: CellValue): CachedDate {
    const shown = onSellersClock(iso, raw, column.name, this.options.timeZone, this.options.dateText);
    return { iso: shown, hash: textHash(shown) };
  }

  private dateOfText(column: PlannedColumn, i: number, raw: string): CachedDate | null {
    const day = dayKey(raw);
    const cached = day >= 0 ? column.days.get(day) : column.dates.get(raw);
    if (cached !== undefined) return cached;
    const iso = parseDateOrNull(
      raw,
      this.options.timeZone,
      this.dateOrders[i]?.orderFor(raw, this.rowNumber),
    );
    if (iso === null) return null;
    const date = this.dated(column, iso, raw);
    if (day >= 0) column.days.set(day, date);
    else {
      if (column.dates.size >= DATE_CACHE_SIZE) column.dates.clear();
      column.dates.set(detachedText(raw), date);
    }
    return date;
  }

  private readQuantity(column: PlannedColumn, value: CellValue): void {
    const q =
      typeof value === 'number'
        ? value
        : typeof value === 'string'
          ? value.trim() === '/'
            ? 0
            : Number(value.trim())
          : NaN;
    if (!Number.isFinite(q) || q < 0 || Math.floor(q) !== q || q > MAX_QUANTITY) {
      const most = q > MAX_QUANTITY ? ' of at most 1,000,000,000' : '';
      this.reject(
        column,
        `${cellAt(this.rowNumber, column.name)}expected a whole number${most}, found \`${shownValue(value)}\``,
      );
    } else if (column.field === 'quantity') this.view.quantity = q;
    else if (column.field === 'sourceRow') this.ledgerSourceRow = q;
  }

  private readText(column: PlannedColumn, i: number, value: CellValue): void {
    const text = typeof value === 'string' ? trimmed(value) : String(value);
    if (text === '' || text === '/') return;
    if (text.length > column.maxChars) {
      this.reject(column, tooLong(this.rowNumber, column.name, text, column.maxChars));
      return;
    }
    const field = column.field;
    if (field === 'sourceFile') this.ledgerSourceFile = text;
    else if (field === 'layout') this.layoutText = text;
    else if (field === 'type') this.view.type = this.typeOf(text);
    else if (field) setField(this.view, field, text);
    else this.keepExtra(i, text);
  }

  /** A Type cell normalized; rows repeat a few types, so the last one is remembered. */
  private typeOf(text: string): string {
    if (text !== this.lastTypeText) {
      this.lastTypeText = text;
      this.lastType = normalizeType(text);
    }
    return this.lastType;
  }

  private readUnknown(column: PlannedColumn, i: number, value: CellValue): void {
    const text = typeof value === 'string' ? value.trim() : String(value);
    if (text === '') return;
    if (text.length > MAX_DETAIL_CHARS) {
      this.reject(column, tooLong(this.rowNumber, column.name, text, MAX_DETAIL_CHARS));
      return;
    }
    this.keepExtra(i, text);
    if (looksLikeAmount(value, text)) column.moneyLike++;
    else column.notMoney++;
  }
}

/** `text.trim()`: most cells start and end with a printable ASCII character, and need no trimming. */
function trimmed(text: string): string {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? text : text.trim();
}

/** Full-width parentheses → ASCII, trimmed, inner runs of spaces collapsed. */
export function normalizeType(text: string): string {
  let t = text.trim();
  if (t.indexOf('\uff08') >= 0 || t.indexOf('\uff09') >= 0)
    t = t.replace(/\uff08/g, '(').replace(/\uff09/g, ')');
  if (t.indexOf('  ') >= 0) t = t.replace(/\s+/g, ' ');
  return t;
}

/** A field's value before any cell fills it. */
function clearField(view: RowView, field: RowField): void {
  if (field === 'quantity') view.quantity = 0;
  else if (field === 'importId') view.importId = undefined;
  else setField(view, field, '');
}

/**
 * A cell's text into its field (the ledger's own Import ID only when it is not blank). A store
 * per field, not `view[field]`: a store by a varying name is a dictionary lookup on every cell.
 */
function setField(view: RowView, field: RowField, text: string): void {
  switch (field) {
    case 'key':
      view.key = text;
      return;
    case 'importId':
      if (text) view.importId = text;
      return;
    case 'type':
      view.type = text;
      return;
    case 'statementId':
      view.statementId = text;
      return;
    case 'orderId':
      view.orderId = text;
      return;
    case 'relatedOrderId':
      view.relatedOrderId = text;
      return;
    case 'skuId':
      view.skuId = text;
      return;
    case 'sellerSku':
      view.sellerSku = text;
      return;
    case 'productName':
      view.productName = text;
      return;
    case 'skuName':
      view.skuName = text;
      return;
    case 'orderDate':
      view.orderDate = text;
      return;
    case 'statementDate':
      view.statementDate = text;
      return;
    case 'currency':
      view.currency = text;
      return;
    case 'sampleType':
      view.sampleType = text;
      return;
    // Not text a cell sets directly: the ledger's layout and source, and the quantity.
    case 'layout':
    case 'sourceFile':
    case 'sourceRow':
    case 'quantity':
      return;
    default:
      field satisfies never;
  }
}

function isBlank(v: CellValue): boolean {
  return v === '' || v === null || v === undefined;
}

/** A cell as a message quotes it: trimmed, line breaks shown as ↵, long text cut short. */
function shownValue(value: CellValue): string {
  const text = String(value)
    .trim()
    .replace(/\r\n|\r|\n/g, '↵');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function tooLong(rowNumber: number, column: string, text: string, max: number): string {
  return (
    `${cellAt(rowNumber, column)}expected at most ${max} characters, found ${text.length} ` +
    `(\`${shownValue(text)}\`); shorten the cell and import the file again.`
  );
}

/** Where a message about one cell starts: `Row 12, column *Quantity*: `. */
function cellAt(rowNumber: number, column: string): string {
  return `Row ${rowNumber}, column *${column}*: `;
}

function notADate(rowNumber: number, column: string, value: CellValue): string {
  return `${cellAt(rowNumber, column)}expected a date such as 2026-06-12 or 2026/06/12, found \`${shownValue(value)}\``;
}

function lostDigits(rowNumber: number, column: string, shown: string): string {
  return cellAt(rowNumber, column) + lostDigitsText('ID', shown, 'import the file again.');
}

/** `5.77E+17`-style text: a number that a spreadsheet already rounded. */
function isScientific(text: string): boolean {
  // The exponent mark: the first `E`, else the first `e` (native searches: most IDs have neither).
  let e = text.indexOf('E');
  if (e < 0) e = text.indexOf('e');
  if (e <= 0) return false;
  for (let i = 0; i < e; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 46)) return false;
  }
  return true;
}

/** Text where an ID should be, e.g. "Platform unique order ID.": a field-description row. */
function isDescription(value: CellValue): boolean {
  if (typeof value !== 'string') return false;
  const text = value.trim();
  return text !== '' && !/^\d+$/.test(text) && !isScientific(text);
}

/** A value with 1–2 decimals (`12.34`, `-0.5`): what an amount column holds, unlike IDs or names. */
function looksLikeAmount(value: CellValue, text: string): boolean {
  if (typeof value === 'number') return !Number.isInteger(value);
  const dot = text.lastIndexOf('.');
  if (dot < 0 || text.length - dot - 1 > 2 || text.length - dot - 1 === 0) return false;
  return !Number.isNaN(parseCentsOrNaN(text));
}

/**
 * Content fingerprint for duplicate detection: the amounts' hash mixed with type, dates (hashed
 * by `textHash`, kept with the date cache) and quantity.
 */
function contentHash(
  row: RowView,
  amountsHash: number,
  orderDateHash: number,
  statementDateHash: number,
): number {
  let h = amountsHash;
  h = mixText(h, row.type);
  h = Math.imul(h ^ orderDateHash, 16777619);
  h = Math.imul(h ^ statementDateHash, 16777619);
  h = Math.imul(h ^ row.quantity, 16777619);
  return h >>> 0;
}

/** The amounts' part of the content fingerprint: each non-zero amount with its column, in column order. */
function mixAmount(h: number, column: number, cents: number): number {
  return Math.imul(h ^ (column * 40503 + (cents | 0)), 16777619);
}

function mixText(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h;
}

function textHash(text: string): number {
  return mixText(2166136261, text);
}

const EMPTY_TEXT_HASH = textHash('');
