/**
 * The streaming row normalizer: header → per-column handlers computed once, then each row is
 * one tight loop over its cells producing a LedgerRow (or a Problem). Nothing is kept per row
 * except what duplicate-key detection needs, so a million-row file streams in bounded memory.
 */
import { COLUMNS, lookupColumn, type ColumnDef, type RowField } from './catalog';
import { parseDateOrNull } from '../dates';
import { detachedText } from './detached-text';
import { MAX_DETAIL_CHARS, MAX_ID_CHARS, MAX_QUANTITY, maxCharsOf } from './field-limits';
import { dayKey, dayKeyText } from './day-key';
import { CellNeed, Parsed, SHORT_TEXT_BYTES, type ParsedCells } from './files/csv-bytes';
import { CHECK_BATCH, findKeyRepeats, type KeyLog } from '../ledger/key-log';
import { hashTextInto } from '../ledger/key-hash';
import { KeyTable } from '../ledger/key-table';
import { layoutSpec } from './layouts';
import { moneyProblem, parseCentsOrNaN } from '../money';
import { amountsOf, createRowView, sourceOf, type RowFields, type RowView } from './row-view';
import type { CellValue, LayoutId, LedgerRow, Problem } from '../types';

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
  /**
   * Log keys here instead of counting them as rows are read (a pass that keeps no row): repeats
   * are found at the end (see KeyLog), and `keyOf` gives base keys without a `#n` suffix.
   */
  keyLog?: KeyLog;
  /** The rows are a later part of a file already started (no field-description row to look for). */
  continuesFile?: boolean;
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
  read(cells: readonly CellValue[], rowNumber: number, inPlace?: ParsedCells): RowView | null;
  /**
   * What a pass that sums a file reads each column's cells for (see createCsvByteReader):
   * amounts, IDs, days, text, text only checked for length, or only whether they are blank. A
   * reader that reads cells in place passes what it read to `read`.
   */
  readonly columnNeeds: Uint8Array;
  /** The LedgerRow of the view last read (what `push` returns for that row). */
  ledgerRow(view: RowView): LedgerRow;
  /** The ledger key of the view last read, `#n`-suffixed for the n-th row with the same key. */
  keyOf(view: RowView): string;
  /** Rejected-row messages (at most {@link MAX_PROBLEMS} kept; `rejectedRows` counts all). */
  readonly problems: Problem[];
  readonly rejectedRows: number;
  readonly rowsAccepted: number;
  /** Headers not in the catalog, as written. */
  readonly unknownColumns: string[];
  /** Catalog ids of the amount columns (money and informational) present in the header. */
  readonly amountIds: string[];
  /** Base keys that repeat inside the file with identical content. */
  duplicateKeys(): string[];
  /** Unknown columns whose values look like amounts (`12.34`). */
  unclassifiedColumns(): string[];
  /** What `unclassifiedColumns` is decided from, to add up the parts of a file read in parts. */
  unknownColumnCounts(): UnknownColumnCounts[];
}

/** Unknown columns whose values all looked like amounts (from counts added up over a file). */
export function unclassifiedOf(counts: readonly UnknownColumnCounts[]): string[] {
  return counts.filter((c) => c.moneyLike > 0 && c.notMoney === 0).map((c) => c.name);
}

export const MAX_PROBLEMS = 1000;
const DATE_CACHE_SIZE = 4096;

const enum Kind {
  Skip,
  Id,
  Date,
  Money,
  Quantity,
  Text,
  Unknown,
}

interface Handler {
  kind: Kind;
  /** Header as written (trimmed), for messages. */
  name: string;
  def: ColumnDef | undefined;
  field: RowField | undefined;
  detail: boolean;
  /** Money columns: position of the column's id in `amountIds`. */
  slot: number;
  /** The column's field is the key's part at this position (−1: not part of the key). */
  keyPart: number;
  /** Most characters a text cell of the column may hold. */
  maxChars: number;
  /** Date cache: raw text → ISO and its hash (a few hundred distinct days repeat down a column). */
  dates: Map<string, CachedDate>;
  /** The same for `YYYY/MM/DD` and `YYYY-MM-DD` text, by {@link dayKey}: no string hashing. */
  days: DayCache;
  /** Unknown columns: values that parsed as 2-decimal amounts / values that did not. */
  moneyLike: number;
  notMoney: number;
}

interface CachedDate {
  iso: string;
  /** `textHash(iso)`, for the row's content fingerprint. */
  hash: number;
}

const LAYOUT_IDS: ReadonlySet<string> = new Set(['statement', 'income', 'onhold', 'pnl-orders', 'pnl-adjustments', 'order-export', 'ledger']);

/** Text fields a pass that sums a file never reads: their cells are only checked for length. */
const FIELDS_SUMMARIES_SKIP: ReadonlySet<RowField> = new Set<RowField>(['productName', 'skuName', 'currency']);

/** What a pass that sums a file reads a column's cells for (see {@link Normalizer.columnNeeds}). */
function summaryNeed(h: Handler): CellNeed {
  switch (h.kind) {
    case Kind.Money:
      return CellNeed.Amount;
    case Kind.Skip:
      return CellNeed.Presence;
    case Kind.Id:
      return CellNeed.Id;
    case Kind.Date:
      return CellNeed.Date;
    case Kind.Text: {
      // Details and the fields above only reach LedgerRows, which a summing pass never builds.
      const unread = h.field === undefined ? h.detail : FIELDS_SUMMARIES_SKIP.has(h.field);
      return unread && h.maxChars >= SHORT_TEXT_BYTES ? CellNeed.LongText : CellNeed.Text;
    }
    default:
      return CellNeed.Text;
  }
}

function isBlank(v: CellValue): boolean {
  return v === '' || v === null || v === undefined;
}

/** Full-width parentheses → ASCII, trimmed, inner runs of spaces collapsed. */
export function normalizeType(text: string): string {
  let t = text.trim();
  if (t.indexOf('\uff08') >= 0 || t.indexOf('\uff09') >= 0) t = t.replace(/\uff08/g, '(').replace(/\uff09/g, ')');
  if (t.indexOf('  ') >= 0) t = t.replace(/\s+/g, ' ');
  return t;
}

/** A cell as a message quotes it: trimmed, line breaks shown as ↵, long text cut short. */
function shownValue(value: CellValue): string {
  const text = String(value).trim().replace(/\r\n|\r|\n/g, '↵');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function tooLong(rowNumber: number, column: string, text: string, max: number): string {
  return `Row ${rowNumber}, column *${column}*: expected at most ${max} characters, found ${text.length} ` +
    `(\`${shownValue(text)}\`); shorten the cell and import the file again.`;
}

function isDateObject(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
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

export function createNormalizer(options: NormalizerOptions): Normalizer {
  const spec = layoutSpec(options.layout);
  const file = options.fileName;
  const sheet = options.sheet;
  const isLedger = options.layout === 'ledger';
  const dateText = options.dateText;
  const buildKeys = options.keys !== false;
  const problems: Problem[] = [];
  const unknownColumns: string[] = [];
  const amountIds: string[] = [];

  // The column that fills each field: the present column that comes first in the catalog.
  const fieldOwner = new Map<RowField, { index: number; order: number }>();
  const taken = new Set<string>();
  const handlers: Handler[] = options.header.map((raw, index) => {
    const name = (raw ?? '').trim();
    // Every field set here, even when unused, so that all handlers share one shape: the row loop
    // reads them at every cell, and one shape keeps those reads monomorphic.
    const handler: Handler = { kind: Kind.Skip, name, def: undefined, field: undefined, detail: false, slot: -1, keyPart: -1, maxChars: MAX_DETAIL_CHARS, dates: NO_DATES, days: NO_DAYS, moneyLike: 0, notMoney: 0 };
    if (name === '') return handler;
    const def = lookupColumn(name);
    if (!def || taken.has(def.id)) {
      handler.kind = Kind.Unknown;
      unknownColumns.push(name);
      return handler;
    }
    taken.add(def.id);
    handler.def = def;
    handler.detail = def.detail === true;
    switch (def.kind) {
      case 'id':
        handler.kind = Kind.Id;
        break;
      case 'date':
        handler.kind = Kind.Date;
        handler.dates = new Map();
        handler.days = new DayCache();
        break;
      case 'money':
      case 'info-money':
        handler.kind = Kind.Money;
        handler.slot = amountIds.length;
        amountIds.push(def.id);
        break;
      case 'quantity':
        handler.kind = Kind.Quantity;
        break;
      case 'text':
        handler.kind = Kind.Text;
        break;
      default:
        handler.kind = Kind.Skip;
    }
    if (def.field) {
      const order = COLUMNS.indexOf(def);
      const owner = fieldOwner.get(def.field);
      if (!owner || order < owner.order) fieldOwner.set(def.field, { index, order });
    }
    return handler;
  });
  for (const [field, owner] of fieldOwner) handlers[owner.index].field = field;
  const keyFields = spec.keyFields;
  for (const h of handlers) {
    h.keyPart = h.field === undefined ? -1 : keyFields.indexOf(h.field);
    h.maxChars = maxCharsOf(h.field, false);
  }
  // Field-less known columns of no use to the ledger are skipped outright.
  for (const h of handlers) {
    if (!h.field && !h.detail && (h.kind === Kind.Text || h.kind === Kind.Id || h.kind === Kind.Date)) h.kind = Kind.Skip;
  }
  const orderIdIndex = fieldOwner.has('orderId') ? fieldOwner.get('orderId')!.index : -1;
  const orderIdHandler = orderIdIndex >= 0 ? handlers[orderIdIndex] : undefined;
  // Sheet ranges like A:CZ pad the header with blanks: stop at the last named column.
  let width = handlers.length;
  while (width > 0 && handlers[width - 1].name === '') width--;
  // The columns a row's cells are read from: skipped columns are only looked at for blank rows.
  const readColumns: number[] = [];
  for (let i = 0; i < width; i++) if (handlers[i].kind !== Kind.Skip) readColumns.push(i);
  const columnNeeds = new Uint8Array(width);
  for (let i = 0; i < width; i++) columnNeeds[i] = summaryNeed(handlers[i]);
  // A record read in place (by a summing pass) has its length-only columns checked apart: their
  // cells are rarely long, and a branch first taken late in a file sends the row loop back to
  // unoptimized code.
  const summaryColumns = readColumns.filter((i) => columnNeeds[i] !== CellNeed.LongText);
  // When the reader lists every amount of a record (ParsedCells), the loop over columns skips them.
  const summaryColumnsButAmounts = summaryColumns.filter((i) => columnNeeds[i] !== CellNeed.Amount);
  const lengthOnlyColumns = readColumns.filter((i) => columnNeeds[i] === CellNeed.LongText);

  const repeats = new Map<string, number>();
  const exactDuplicates = new Set<string>();
  let rejectedRows = 0;
  let rowsAccepted = 0;
  let sawData = options.continuesFile === true;
  const keyLog = options.keyLog;

  function report(rowNumber: number, column: string | undefined, message: string): void {
    if (problems.length >= MAX_PROBLEMS) return;
    const problem: Problem = { file, row: rowNumber, message: detachedText(message) };
    if (sheet !== undefined) problem.sheet = sheet;
    if (column !== undefined) problem.column = column;
    problems.push(problem);
  }

  // One view for the whole file, refilled row by row (see RowView).
  const view = createRowView(amountIds);
  const defaultType = spec.defaultType ?? '';
  // Detail and unknown cells of the current row: handler index and text, for `ledgerRow`.
  const extraColumns: number[] = [];
  const extraTexts: string[] = [];
  let extraCount = 0;
  /** Occurrence of the current row's key in the file: 1, or n for the n-th row with that key. */
  let keyCount = 1;
  // Hashes of the current row's dates (the date cache keeps them), for its content fingerprint.
  let orderDateHash = EMPTY_TEXT_HASH;
  let statementDateHash = EMPTY_TEXT_HASH;

  function resetView(rowNumber: number): void {
    view.key = '';
    view.layout = options.layout;
    view.type = defaultType;
    view.statementId = '';
    view.orderId = '';
    view.relatedOrderId = '';
    view.skuId = '';
    view.sellerSku = '';
    view.productName = '';
    view.skuName = '';
    view.quantity = 0;
    view.orderDate = '';
    view.statementDate = '';
    view.currency = '';
    view.importId = undefined;
    view.filledCount = 0;
    view.rowNumber = rowNumber;
    view.sourceFile = file;
    view.sourceSheet = sheet;
    view.sourceRow = rowNumber;
    extraCount = 0;
    keyCount = 1;
    orderDateHash = EMPTY_TEXT_HASH;
    statementDateHash = EMPTY_TEXT_HASH;
  }

  function keepExtra(handlerIndex: number, text: string): void {
    extraColumns[extraCount] = handlerIndex;
    extraTexts[extraCount] = text;
    extraCount++;
  }

  function read(cells: readonly CellValue[], rowNumber: number, inPlace?: ParsedCells): RowView | null {
    const n = cells.length < width ? cells.length : width;
    let first = 0;
    while (first < n && isBlank(cells[first])) first++;
    if (first === n) return null;
    if (!sawData) {
      sawData = true;
      // Order exports may carry TikTok's field descriptions on the row under the header.
      if (spec.descriptionRow && orderIdIndex >= 0 && isDescription(cells[orderIdIndex])) return null;
    }

    resetView(rowNumber);
    readSerial++;
    const row = view;
    const cents = view.cents;
    const filled = view.filled;
    let bad = false;
    let hash = 2166136261;
    let layoutText = '';
    // Ledger rows carry the file and row they were first imported from.
    let ledgerSourceFile = '';
    let ledgerSourceRow = 0;

    const amountsListed = inPlace !== undefined && !inPlace.textAmounts;
    const columns = inPlace === undefined ? readColumns : amountsListed ? summaryColumnsButAmounts : summaryColumns;
    for (let c = 0; c < columns.length; c++) {
      const i = columns[c];
      if (i >= n) break;
      const value = cells[i];
      if (value === '' || value === null || value === undefined) continue;
      const h = handlers[i];
      switch (h.kind) {
        case Kind.Money: {
          const amount = inPlace !== undefined && inPlace.parsed[i] === Parsed.Amount ? inPlace.cents[i] : parseCentsOrNaN(value);
          if (amount !== amount) {
            report(rowNumber, h.name, `Row ${rowNumber}, column *${h.name}*: ${moneyProblem(value)}`);
            bad = true;
          } else if (amount !== 0) {
            cents[h.slot] = amount;
            filled[row.filledCount++] = h.slot;
            hash = mixAmount(hash, i, amount);
          }
          break;
        }
        case Kind.Id: {
          let text: string;
          if (inPlace !== undefined && inPlace.parsed[i] === Parsed.DigitsId) {
            // Plain digits: nothing to trim or check but the length, and the key hashes are read.
            text = value as string;
            if (h.keyPart >= 0) {
              partHash1[h.keyPart] = inPlace.hash1[i];
              partHash2[h.keyPart] = inPlace.hash2[i];
              partHashedFor[h.keyPart] = readSerial;
            }
          } else if (typeof value === 'number') {
            if (!Number.isSafeInteger(value) || value < 0) {
              report(rowNumber, h.name, lostDigits(rowNumber, h.name, value.toExponential().toUpperCase().replace('E+', 'E+')));
              bad = true;
              break;
            }
            text = String(value);
          } else {
            text = typeof value === 'string' ? value.trim() : String(value);
            if (text.charCodeAt(0) === 39) text = text.slice(1);
            if (text === '/') text = '';
            else if (isScientific(text)) {
              report(rowNumber, h.name, lostDigits(rowNumber, h.name, text));
              bad = true;
              break;
            }
          }
          if (text.length > MAX_ID_CHARS) {
            report(rowNumber, h.name, tooLong(rowNumber, h.name, text, MAX_ID_CHARS));
            bad = true;
            break;
          }
          if (h.field) setField(row, h.field, text);
          else if (h.detail && text) keepExtra(i, text);
          break;
        }
        case Kind.Date: {
          let iso: string | null;
          let isoHash = EMPTY_TEXT_HASH;
          // A day read in place comes as its day key (the cell's text is then not cut).
          const dayInPlace = inPlace !== undefined && inPlace.parsed[i] === Parsed.Day ? inPlace.cents[i] : -1;
          let raw = dayInPlace >= 0 ? '' : typeof value === 'object' && dateText !== undefined && isDateObject(value) ? dateText(value) : value;
          if (typeof raw === 'string') {
            const day = dayInPlace >= 0 ? dayInPlace : dayKey(raw);
            const cached = day >= 0 ? h.days.get(day) : h.dates.get(raw);
            if (cached !== undefined) {
              iso = cached.iso;
              isoHash = cached.hash;
            } else {
              if (dayInPlace >= 0) raw = dayKeyText(dayInPlace);
              iso = parseDateOrNull(raw, options.timeZone);
              if (iso !== null) {
                isoHash = textHash(iso);
                if (day >= 0) h.days.set(day, { iso, hash: isoHash });
                else {
                  if (h.dates.size >= DATE_CACHE_SIZE) h.dates.clear();
                  h.dates.set(detachedText(raw), { iso, hash: isoHash });
                }
              }
            }
          } else {
            iso = parseDateOrNull(value, options.timeZone);
            if (iso !== null) isoHash = textHash(iso);
          }
          if (iso === null) {
            report(rowNumber, h.name, `Row ${rowNumber}, column *${h.name}*: expected a date such as 2026-06-12 or 2026/06/12, found \`${shownValue(dayInPlace >= 0 ? raw : value)}\``);
            bad = true;
          } else if (h.field) {
            setField(row, h.field, iso);
            if (h.field === 'orderDate') orderDateHash = isoHash;
            else if (h.field === 'statementDate') statementDateHash = isoHash;
          } else if (h.detail && iso) keepExtra(i, iso);
          break;
        }
        case Kind.Quantity: {
          const q = typeof value === 'number' ? value : typeof value === 'string' ? (value.trim() === '/' ? 0 : Number(value.trim())) : NaN;
          if (!Number.isFinite(q) || q < 0 || Math.floor(q) !== q || q > MAX_QUANTITY) {
            report(rowNumber, h.name, `Row ${rowNumber}, column *${h.name}*: expected a whole number${q > MAX_QUANTITY ? ' of at most 1,000,000,000' : ''}, found \`${shownValue(value)}\``);
            bad = true;
          } else if (h.field === 'quantity') row.quantity = q;
          else if (h.field === 'sourceRow') ledgerSourceRow = q;
          break;
        }
        case Kind.Text: {
          const text = typeof value === 'string' ? value.trim() : String(value);
          if (text === '' || text === '/') break;
          if (text.length > h.maxChars) {
            report(rowNumber, h.name, tooLong(rowNumber, h.name, text, h.maxChars));
            bad = true;
            break;
          }
          if (h.field === 'sourceFile') ledgerSourceFile = text;
          else if (h.field === 'layout') layoutText = text;
          else if (h.field) setField(row, h.field, h.field === 'type' ? normalizeType(text) : text);
          else keepExtra(i, text);
          break;
        }
        case Kind.Unknown: {
          const text = typeof value === 'string' ? value.trim() : String(value);
          if (text === '') break;
          if (text.length > MAX_DETAIL_CHARS) {
            report(rowNumber, h.name, tooLong(rowNumber, h.name, text, MAX_DETAIL_CHARS));
            bad = true;
            break;
          }
          keepExtra(i, text);
          if (looksLikeAmount(value, text)) h.moneyLike++;
          else h.notMoney++;
          break;
        }
        default:
          break;
      }
    }
    if (amountsListed) {
      // The record's non-zero amounts, in column order (as the loop above would have met them).
      for (let k = 0; k < inPlace.amountCount; k++) {
        const i = inPlace.amountColumns[k];
        const amount = inPlace.amountCents[k];
        const slot = handlers[i].slot;
        cents[slot] = amount;
        filled[row.filledCount++] = slot;
        hash = mixAmount(hash, i, amount);
      }
    }
    if (inPlace !== undefined && lengthOnlyColumns.length > 0 && tooLongCell(cells, n, rowNumber)) bad = true;
    if (bad) {
      rejectedRows++;
      return null;
    }
    if (row.orderId === '' && !isLedger) {
      rejectedRows++;
      report(rowNumber, orderIdHandler?.name, `Row ${rowNumber}: no *${orderIdHandler?.name ?? 'Order/adjustment ID'}*; the row was skipped.`);
      return null;
    }
    if (isLedger) {
      if (row.key === '') {
        rejectedRows++;
        report(rowNumber, 'Key', `Row ${rowNumber}: no *Key*; the row was skipped.`);
        return null;
      }
      // A ledger row keeps the layout and source it was imported from.
      if (LAYOUT_IDS.has(layoutText)) row.layout = layoutText as LayoutId;
      if (ledgerSourceFile) {
        row.sourceFile = ledgerSourceFile;
        row.sourceSheet = undefined;
        row.sourceRow = ledgerSourceRow;
      }
      rowsAccepted++;
      return row;
    }
    if (keyLog !== undefined) logKey(row, hash, rowNumber);
    else if (buildKeys) countKey(row, hash);
    rowsAccepted++;
    return row;
  }

  /** Whether a length-only cell of the row is longer than its column allows (reported). */
  function tooLongCell(cells: readonly CellValue[], n: number, rowNumber: number): boolean {
    let found = false;
    for (let c = 0; c < lengthOnlyColumns.length; c++) {
      const i = lengthOnlyColumns[c];
      if (i >= n) break;
      const value = cells[i];
      const h = handlers[i];
      // A short cell comes as UNREAD_CELL; a longer one as its text, checked as the Text case does.
      if (typeof value !== 'string' || value.length <= h.maxChars) continue;
      const text = value.trim();
      if (text.length <= h.maxChars) continue;
      report(rowNumber, h.name, tooLong(rowNumber, h.name, text, h.maxChars));
      found = true;
    }
    return found;
  }

  function push(cells: readonly CellValue[], rowNumber: number): LedgerRow | null {
    const read_ = read(cells, rowNumber);
    return read_ === null ? null : ledgerRow(read_);
  }

  function ledgerRow(from: RowView): LedgerRow {
    const row: LedgerRow = {
      key: keyOf(from),
      layout: from.layout,
      type: from.type,
      statementId: from.statementId,
      orderId: from.orderId,
      relatedOrderId: from.relatedOrderId,
      skuId: from.skuId,
      sellerSku: from.sellerSku,
      productName: from.productName,
      skuName: from.skuName,
      quantity: from.quantity,
      orderDate: from.orderDate,
      statementDate: from.statementDate,
      currency: from.currency,
      amounts: amountsOf(from),
      unknown: {},
      source: sourceOf(from),
    };
    for (let k = 0; k < extraCount; k++) {
      const h = handlers[extraColumns[k]];
      if (h.kind === Kind.Unknown) row.unknown[h.name] = extraTexts[k];
      else (row.details ??= {})[h.def!.id] = extraTexts[k];
    }
    if (from.importId !== undefined) row.importId = from.importId;
    return row;
  }

  function keyOf(from: RowView): string {
    if (isLedger || !buildKeys) return from.key;
    const key = joinKey(from);
    return keyCount === 1 ? key : key + '#' + keyCount;
  }

  // Duplicate detection without keeping key strings alive (see KeyTable).
  const keyTable = new KeyTable();

  /** The key's parts: the layout's key fields, prefixed and joined with `|`. */
  function joinKey(from: RowView): string {
    return joinedKey((f) => keyPartOf(from, keyFields[f]));
  }

  function joinedKey(partOf: (field: number) => string): string {
    let key = spec.keyPrefix;
    for (let f = 0; f < keyFields.length; f++) {
      const part = partOf(f);
      key = key === '' && f === 0 && spec.keyPrefix === '' ? part : key + '|' + part;
    }
    return key;
  }

  // The two hashes of the row's key, set by keyHashes.
  let hashFirst = 0;
  let hashSecond = 0;

  // The key parts' hashes (see key-hash.ts); a part's are the current row's when its
  // `partHashedFor` is `readSerial` (the byte reader hashed a plain ID), else made from its text.
  const partHash1 = new Int32Array(keyFields.length);
  const partHash2 = new Int32Array(keyFields.length);
  const partHashedFor = new Int32Array(keyFields.length);
  let readSerial = 0;

  /** Mixes the row's key parts' hashes (no key string is built) into `hashFirst` and `hashSecond`. */
  function keyHashes(from: RowView): void {
    let h1 = 2166136261;
    let h2 = 0x9747b28c;
    for (let f = 0; f < keyFields.length; f++) {
      if (partHashedFor[f] !== readSerial) hashTextInto(keyPartOf(from, keyFields[f]), partHash1, partHash2, f);
      h1 = Math.imul(((h1 << 13) | (h1 >>> 19)) ^ partHash1[f], 16777619);
      h2 = Math.imul((h2 << 5) ^ (h2 >>> 27) ^ partHash2[f], 0x5bd1e995);
    }
    hashFirst = h1;
    hashSecond = h2;
  }

  /**
   * Hashes the row's key from its cells (no key string is built unless the key repeats) and
   * records its occurrence in `keyCount`.
   */
  function countKey(from: RowView, amountsHash: number): void {
    keyHashes(from);
    const content = hashRow(from, amountsHash, orderDateHash, statementDateHash) | 0;
    const firstContent = keyTable.add(hashFirst & 0x3fffffff, hashSecond & 0x3fffffff, content);
    if (firstContent === undefined) return;
    const key = joinKey(from);
    const count = (repeats.get(key) ?? 1) + 1;
    // Kept for the whole import: detached, or each key would pin the piece of file text it came from.
    const kept = detachedText(key);
    repeats.set(kept, count);
    if (firstContent === content) exactDuplicates.add(kept);
    keyCount = count;
  }

  /** The key hashes {@link countKey} makes, logged instead of counted (see KeyLog). */
  function logKey(from: RowView, amountsHash: number, rowNumber: number): void {
    keyHashes(from);
    const content = hashRow(from, amountsHash, orderDateHash, statementDateHash) | 0;
    // The key's parts are kept until the log looks its bit up, a batch of rows later.
    const pending = keyLog!.pending;
    for (let f = 0; f < keyFields.length; f++) pendingParts[f][pending] = keyPartOf(from, keyFields[f]);
    keyLog!.add(hashFirst & 0x3fffffff, hashSecond & 0x3fffffff, content, rowNumber, pendingKeyText);
  }

  const pendingParts: string[][] = keyLog === undefined ? [] : keyFields.map(() => new Array<string>(CHECK_BATCH).fill(''));

  // Kept past the row: detached, or the key would pin the piece of file text it came from.
  const pendingKeyText = (pending: number): string => detachedText(joinedKey((f) => pendingParts[f][pending]));

  function unknownColumnCounts(): UnknownColumnCounts[] {
    return handlers.filter((h) => h.kind === Kind.Unknown).map((h) => ({ name: h.name, moneyLike: h.moneyLike, notMoney: h.notMoney }));
  }

  return {
    push,
    read,
    ledgerRow,
    keyOf,
    problems,
    get rejectedRows() {
      return rejectedRows;
    },
    get rowsAccepted() {
      return rowsAccepted;
    },
    unknownColumns,
    amountIds,
    columnNeeds,
    duplicateKeys: () => (keyLog === undefined ? [...exactDuplicates] : findKeyRepeats([keyLog.snapshot()]).exactDuplicates),
    unclassifiedColumns: () => unclassifiedOf(unknownColumnCounts()),
    unknownColumnCounts,
  };
}

/**
 * Dates by {@link dayKey}, one entry per slot (a later day may take an earlier one's slot): a file
 * holds a few hundred days, and a lookup is an array read rather than a Map's hashing.
 */
class DayCache {
  private readonly keys = new Int32Array(DAY_SLOTS).fill(-1);
  private readonly dates = new Array<CachedDate | undefined>(DAY_SLOTS).fill(undefined);

  get(day: number): CachedDate | undefined {
    const slot = daySlot(day);
    return this.keys[slot] === day ? this.dates[slot] : undefined;
  }

  set(day: number, date: CachedDate): void {
    const slot = daySlot(day);
    this.keys[slot] = day;
    this.dates[slot] = date;
  }
}

const DAY_SLOTS = 4096;

/** The date caches of the columns that hold no dates (never read: only date columns get caches of their own). */
const NO_DATES = new Map<string, CachedDate>();
const NO_DAYS = new DayCache();

function daySlot(day: number): number {
  return Math.imul(day, 0x9e3779b1) >>> 20;
}


/** Text where an ID should be, e.g. "Platform unique order ID.": a field-description row. */
function isDescription(value: CellValue): boolean {
  if (typeof value !== 'string') return false;
  const text = value.trim();
  return text !== '' && !/^\d+$/.test(text) && !isScientific(text);
}

/** A text field of the row that a key is built from (named reads: a computed one is slow on this hot path). */
function keyPartOf(row: RowView, field: RowField): string {
  switch (field) {
    case 'statementId':
      return row.statementId;
    case 'orderId':
      return row.orderId;
    case 'skuId':
      // Adjustment rows have no SKU: the adjustment ID stands in.
      return row.skuId === '' ? row.orderId : row.skuId;
    case 'type':
      return row.type;
    case 'statementDate':
    case 'orderDate':
      // The calendar date only: a time's seconds (dropped by Excel) or zone (from the file name) never change a key.
      return row[field].slice(0, 10);
    default:
      return (row as unknown as Record<string, string>)[field];
  }
}

function setField(row: RowFields & { key: string }, field: RowField, text: string): void {
  switch (field) {
    case 'key':
      row.key = text;
      break;
    case 'importId':
      if (text) row.importId = text;
      break;
    case 'layout':
    case 'quantity':
    case 'sourceRow':
    case 'sourceFile':
      break;
    // Named writes: a computed one is slow on this hot path.
    case 'type':
      row.type = text;
      break;
    case 'statementId':
      row.statementId = text;
      break;
    case 'orderId':
      row.orderId = text;
      break;
    case 'relatedOrderId':
      row.relatedOrderId = text;
      break;
    case 'skuId':
      row.skuId = text;
      break;
    case 'sellerSku':
      row.sellerSku = text;
      break;
    case 'productName':
      row.productName = text;
      break;
    case 'skuName':
      row.skuName = text;
      break;
    case 'orderDate':
      row.orderDate = text;
      break;
    case 'statementDate':
      row.statementDate = text;
      break;
    case 'currency':
      row.currency = text;
      break;
    default:
      (row as unknown as Record<string, string>)[field] = text;
  }
}

function lostDigits(rowNumber: number, column: string, shown: string): string {
  return `Row ${rowNumber}, column *${column}*: the ID ${shown} lost its last digits (the sheet turned it into a number). Format the column as Plain text and import the file again.`;
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
function hashRow(row: RowView, amountsHash: number, orderDateHash: number, statementDateHash: number): number {
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
