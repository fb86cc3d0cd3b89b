/**
 * Planning a file's header, once per file: for each column, how its cells are read (its catalog
 * kind), which row field it fills, its amount slot and its key part. The row reader
 * (row-reader.ts) then reads every row by this plan without looking anything up.
 */
import { COLUMNS, lookupColumn, type ColumnDef, type ColumnKind } from './catalog';
import { layoutSpec } from './layouts';
import { maxCharsOf, type RowField } from './row-fields';
import type { LayoutId } from '../types';

/**
 * How a column's cells are read: as its catalog kind says, `unknown` for a column the catalog
 * does not know (kept as text), `skip` for one of no use to the ledger (looked at only for blank rows).
 */
export type ColumnRead = ColumnKind | 'unknown' | 'skip';

/** Catalog kinds whose cells the ledger never reads. */
const UNREAD_KINDS: ReadonlySet<ColumnKind> = new Set<ColumnKind>(['weight', 'rate']);

export interface PlannedColumn {
  read: ColumnRead;
  /** Header as written (trimmed), for messages. */
  name: string;
  def: ColumnDef | undefined;
  field: RowField | undefined;
  /** Known text kept in the row's details. */
  detail: boolean;
  /** Amount columns: position of the column's id in `amountIds`. */
  slot: number;
  /** The column's field is the key's part at this position (−1: not part of the key). */
  keyPart: number;
  /** Most characters a text or ID cell of the column may hold. */
  maxChars: number;
  /** Date cache: raw text → ISO and its hash (a few hundred distinct days repeat down a column). */
  dates: Map<string, CachedDate>;
  /** The same for `YYYY/MM/DD` and `YYYY-MM-DD` text, by `dayKey`: no string hashing. */
  days: NumberCache;
  /** The same for Date cells (a sheet range), by instant (ms). */
  times: NumberCache;
  /** Unknown columns: values that parsed as 2-decimal amounts / values that did not. */
  moneyLike: number;
  notMoney: number;
}

export interface CachedDate {
  iso: string;
  /** `textHash(iso)`, for the row's content fingerprint. */
  hash: number;
}

export interface ColumnPlan {
  columns: PlannedColumn[];
  /** Columns up to the last named one (sheet ranges like A:CZ pad the header with blanks). */
  width: number;
  /** The columns a row's cells are read from, in order: every column but the skipped ones. */
  readColumns: number[];
  /** The amount columns among them, in order (read in a loop of their own). */
  amountColumns: number[];
  /** The other columns read, in order. */
  otherColumns: number[];
  /** Catalog ids of the amount columns (money and informational) present, in column order. */
  amountIds: string[];
  /** Headers not in the catalog, as written. */
  unknownColumns: string[];
  /** The fields some column fills: all a row has to clear before it is read. */
  filledFields: RowField[];
  /** The column that fills `orderId`, or −1. */
  orderIdColumn: number;
}

/**
 * Fields whose columns are read whatever a caller asks for: a row is accepted or refused by them
 * (no order ID, no Key on the TTS Ledger tab). So are the key's: they tell a repeated row (repeated-rows.ts).
 */
const ACCEPTANCE_FIELDS: readonly RowField[] = ['orderId', 'key'];

/**
 * `fields`: the row fields the caller reads (default: every field, kept text and unknown columns,
 * as a LedgerRow holds them). Given, a column that fills none of them, holds no amount and no
 * field of {@link ACCEPTANCE_FIELDS} is skipped: its cells are neither checked nor kept.
 */
export function planColumns(
  header: readonly string[],
  layout: LayoutId,
  fields?: ReadonlySet<RowField>,
): ColumnPlan {
  const unknownColumns: string[] = [];
  const amountIds: string[] = [];
  // The column that fills each field: the present column that comes first in the catalog.
  const fieldOwner = new Map<RowField, { index: number; order: number }>();
  const taken = new Set<string>();
  const columns = header.map((raw, index) => {
    const column = blankColumn((raw || '').trim());
    if (column.name === '') return column;
    const def = lookupColumn(column.name);
    // A known column written twice (On-hold exports repeat `Related order ID`) is not new data;
    // a repeated amount column is kept as unknown, so its values are never lost.
    if (def && taken.has(def.id) && def.kind !== 'money' && def.kind !== 'info-money') return column;
    if (!def || taken.has(def.id)) {
      column.read = 'unknown';
      unknownColumns.push(column.name);
      return column;
    }
    taken.add(def.id);
    column.def = def;
    column.detail = def.detail === true;
    column.read = UNREAD_KINDS.has(def.kind) ? 'skip' : def.kind;
    if (def.kind === 'date') {
      column.dates = new Map();
      column.days = new NumberCache(1);
      column.times = new NumberCache(1000);
    } else if (def.kind === 'money' || def.kind === 'info-money') {
      column.slot = amountIds.length;
      amountIds.push(def.id);
    }
    if (def.field) {
      const order = COLUMNS.indexOf(def);
      const owner = fieldOwner.get(def.field);
      if (!owner || order < owner.order) fieldOwner.set(def.field, { index, order });
    }
    return column;
  });
  for (const [field, owner] of fieldOwner) columns[owner.index].field = field;
  const keyFields = layoutSpec(layout).keyFields;
  for (const column of columns) {
    column.keyPart = column.field === undefined ? -1 : keyFields.indexOf(column.field);
    column.maxChars = maxCharsOf(column.field, column.read === 'id');
    if (!isKept(column, fields)) column.read = 'skip';
  }
  let width = columns.length;
  while (width > 0 && columns[width - 1].name === '') width--;
  const readColumns: number[] = [];
  for (let i = 0; i < width; i++) if (columns[i].read !== 'skip') readColumns.push(i);
  return {
    columns,
    width,
    readColumns,
    amountColumns: readColumns.filter((i) => columns[i].slot >= 0),
    otherColumns: readColumns.filter((i) => columns[i].slot < 0),
    amountIds,
    unknownColumns,
    filledFields: [...fieldOwner.keys()].filter(
      (field) => columns[fieldOwner.get(field)!.index].read !== 'skip',
    ),
    orderIdColumn: fieldOwner.get('orderId')?.index ?? -1,
  };
}

/** Whether a planned column's cells are read: amounts always, other columns when their field (or kept text) is wanted. */
function isKept(column: PlannedColumn, fields: ReadonlySet<RowField> | undefined): boolean {
  if (column.read === 'money' || column.read === 'info-money' || column.read === 'skip') return true;
  const field = column.field;
  if (fields === undefined) {
    // Field-less known columns of no use to the ledger are skipped outright.
    return field !== undefined || column.detail || column.read === 'unknown' || column.read === 'quantity';
  }
  return (
    field !== undefined && (fields.has(field) || column.keyPart >= 0 || ACCEPTANCE_FIELDS.includes(field))
  );
}

/** A column before planning: skipped. Every field set, so that all columns share one shape (the row loop reads them at every cell). */
function blankColumn(name: string): PlannedColumn {
  return {
    read: 'skip',
    name,
    def: undefined,
    field: undefined,
    detail: false,
    slot: -1,
    keyPart: -1,
    maxChars: 0,
    dates: NO_DATES,
    days: NO_DATES_BY_NUMBER,
    times: NO_DATES_BY_NUMBER,
    moneyLike: 0,
    notMoney: 0,
  };
}

/**
 * Dates by a number (a day key, an instant), one entry per slot (a later number may take an
 * earlier one's slot): a file holds a few hundred days, and a lookup is an array read rather than
 * a Map's hashing. `unit`: numbers closer than this share a slot's hash (instants: seconds).
 */
export class NumberCache {
  private readonly keys = new Float64Array(SLOTS).fill(NaN);
  private readonly dates = new Array<CachedDate | undefined>(SLOTS).fill(undefined);

  constructor(private readonly unit: number) {}

  get(key: number): CachedDate | undefined {
    const slot = this.slot(key);
    return this.keys[slot] === key ? this.dates[slot] : undefined;
  }

  set(key: number, date: CachedDate): void {
    const slot = this.slot(key);
    this.keys[slot] = key;
    this.dates[slot] = date;
  }

  private slot(key: number): number {
    return Math.imul((key / this.unit) | 0, 0x9e3779b1) >>> 20;
  }
}

const SLOTS = 4096;

/** The date caches of the columns that hold no dates (never read: only date columns get caches of their own). */
const NO_DATES = new Map<string, CachedDate>();
const NO_DATES_BY_NUMBER = new NumberCache(1);
