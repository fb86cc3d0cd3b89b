/**
 * The `TTS Ledger` tab: fixed leading columns, then one column per amount column present
 * (labelled with the catalog label, so the tab is read back by the same layout detection as an
 * export), then any unknown columns kept from the files. Dates are ISO text and amounts dollars;
 * the server turns them into sheet values.
 */
import { COLUMNS, findColumnById, headerKey, lookupColumn } from '../read/catalog';
import { centsToDollars } from '../money';
import type { LedgerRow } from '../types';

export const LEDGER_TAB = 'TTS Ledger';
/** What to do while the add-on's tabs are missing or empty. */
export const IMPORT_FIRST = 'import a statement export first.';

type CellWriter = (row: LedgerRow, importId: string) => string | number;
/** Fields of a row that are one cell as they are. */
type CellField = {
  [K in keyof LedgerRow]-?: LedgerRow[K] extends string | number ? K : never;
}[keyof LedgerRow];

/** Fixed columns: header label → the row's field that fills it, or how the row fills it. */
const FIXED: readonly (readonly [string, CellField | CellWriter])[] = [
  ['Key', 'key'],
  ['Import ID', (_r, importId) => importId],
  ['Source file', (r) => r.source.file],
  ['Source row', (r) => r.source.row],
  ['Layout', 'layout'],
  ['Type', 'type'],
  ['Statement ID', 'statementId'],
  ['Order/adjustment ID', 'orderId'],
  ['Related order ID', 'relatedOrderId'],
  ['SKU ID', 'skuId'],
  ['Seller SKU', 'sellerSku'],
  ['Product name', 'productName'],
  ['SKU name', 'skuName'],
  ['Quantity', 'quantity'],
  ['Order date', 'orderDate'],
  ['Statement date', 'statementDate'],
  ['Currency', 'currency'],
];

export const LEDGER_FIXED_HEADER: readonly string[] = FIXED.map(([label]) => label);

/** The labels that make a header row the ledger's (a seller may have renamed one of them). */
export const LEDGER_SIGNATURE = ['Key', 'Import ID', 'Layout'];

/** Known text columns the ledger keeps when a file has them (not every file does, so not fixed). */
const OPTIONAL_TEXT: readonly { label: string; value: (row: LedgerRow) => string }[] = [
  { label: 'Sample order type', value: (r) => r.sampleType || '' },
];

/** Labels of the optional text columns: text cells, written only where a row has the value. */
export const LEDGER_OPTIONAL_TEXT_HEADER: readonly string[] = OPTIONAL_TEXT.map((o) => o.label);

/**
 * The ledger header for these amount columns (catalog ids) and other columns: unknown ones as
 * written, and the optional text columns of {@link OPTIONAL_TEXT} that some row fills.
 */
export function ledgerHeader(amountIds: readonly string[], unknownColumns: readonly string[] = []): string[] {
  // The handlers refuse an unknown id before anything asks for a header.
  const labels = amountIds.map((id) => findColumnById(id)!.label);
  const optional = OPTIONAL_TEXT.filter((o) => unknownColumns.includes(o.label)).map((o) => o.label);
  return [...LEDGER_FIXED_HEADER, ...labels, ...optional, ...unknownColumns.filter((h) => !lookupColumn(h))];
}

/** Amount columns non-zero in at least one row, in catalog order (zero-everywhere columns are not written). */
export function amountIdsOf(rows: readonly LedgerRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const id in row.amounts) if (row.amounts[id] !== 0) seen.add(id);
  return COLUMNS.filter((c) => seen.has(c.id)).map((c) => c.id);
}

/** Unknown column headers used by any row, first seen first, then the optional text columns some row fills. */
export function unknownColumnsOf(rows: readonly LedgerRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const header in row.unknown) seen.add(header);
  for (const o of OPTIONAL_TEXT) if (rows.some((row) => o.value(row) !== '')) seen.add(o.label);
  return [...seen];
}

const FIXED_BY_KEY = new Map<string, CellWriter>([
  ...FIXED.map(([label, fill]): [string, CellWriter] => [
    headerKey(label),
    typeof fill === 'string' ? (row) => row[fill] : fill,
  ]),
  ...OPTIONAL_TEXT.map((o): [string, CellWriter] => [headerKey(o.label), o.value]),
]);
const blank: CellWriter = () => '';

const writers = new WeakMap<readonly string[], CellWriter[]>();

/**
 * Each column's writer, found by its header (case and spacing aside), never by its position: the
 * seller may insert, move or delete columns. A column the add-on did not write (a blank header, the
 * seller's own column) gets '' in new rows.
 */
function writersFor(header: readonly string[]): CellWriter[] {
  let list = writers.get(header);
  if (list) return list;
  const taken = new Set<string>();
  list = header.map((label): CellWriter => {
    const key = headerKey(String(label));
    // A copied column: only the first with a label is the add-on's.
    if (key === '' || taken.has(key)) return blank;
    taken.add(key);
    const fixed = FIXED_BY_KEY.get(key);
    if (fixed) return fixed;
    const def = lookupColumn(label);
    if (def && (def.kind === 'money' || def.kind === 'info-money')) {
      const id = def.id;
      return (row) => {
        const cents = row.amounts[id];
        return cents ? centsToDollars(cents) : '';
      };
    }
    if (def) return blank;
    return (row) => row.unknown[label] ?? row.unknown[label.trim()] ?? '';
  });
  writers.set(header, list);
  return list;
}

/** One ledger row as cells under `header` (from {@link ledgerHeader}). */
export function ledgerRowToCells(
  row: LedgerRow,
  header: readonly string[],
  importId = row.importId || '',
): (string | number)[] {
  const list = writersFor(header);
  const cells = new Array<string | number>(list.length);
  for (let i = 0; i < list.length; i++) cells[i] = list[i](row, importId);
  return cells;
}
