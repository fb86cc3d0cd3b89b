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

/** Fixed columns: header label → how a row fills it. */
const FIXED: readonly { label: string; value: (row: LedgerRow, importId: string) => string | number }[] = [
  { label: 'Key', value: (r) => r.key },
  { label: 'Import ID', value: (_r, importId) => importId },
  { label: 'Source file', value: (r) => r.source.file },
  { label: 'Source row', value: (r) => r.source.row },
  { label: 'Layout', value: (r) => r.layout },
  { label: 'Type', value: (r) => r.type },
  { label: 'Statement ID', value: (r) => r.statementId },
  { label: 'Order/adjustment ID', value: (r) => r.orderId },
  { label: 'Related order ID', value: (r) => r.relatedOrderId },
  { label: 'SKU ID', value: (r) => r.skuId },
  { label: 'Seller SKU', value: (r) => r.sellerSku },
  { label: 'Product name', value: (r) => r.productName },
  { label: 'SKU name', value: (r) => r.skuName },
  { label: 'Quantity', value: (r) => r.quantity },
  { label: 'Order date', value: (r) => r.orderDate },
  { label: 'Statement date', value: (r) => r.statementDate },
  { label: 'Currency', value: (r) => r.currency },
];

export const LEDGER_FIXED_HEADER: readonly string[] = FIXED.map((f) => f.label);

/** The ledger header for these amount columns (catalog ids) and unknown columns (as written). */
export function ledgerHeader(amountIds: readonly string[], unknownColumns: readonly string[] = []): string[] {
  const labels = amountIds.map((id) => {
    const def = findColumnById(id);
    if (!def) throw new Error(`ledgerHeader: unknown column id ${id}`);
    return def.label;
  });
  return [...LEDGER_FIXED_HEADER, ...labels, ...unknownColumns.filter((h) => !lookupColumn(h))];
}

/** Amount columns non-zero in at least one row, in catalog order (zero-everywhere columns are not written). */
export function amountIdsOf(rows: readonly LedgerRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const id in row.amounts) if (row.amounts[id] !== 0) seen.add(id);
  return COLUMNS.filter((c) => seen.has(c.id)).map((c) => c.id);
}

/** Unknown column headers used by any row, first seen first. */
export function unknownColumnsOf(rows: readonly LedgerRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const header in row.unknown) seen.add(header);
  return [...seen];
}

type CellWriter = (row: LedgerRow, importId: string) => string | number;

const FIXED_BY_KEY = new Map(FIXED.map((f) => [headerKey(f.label), f.value]));
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
export function ledgerRowToCells(row: LedgerRow, header: readonly string[], importId = row.importId ?? ''): (string | number)[] {
  const list = writersFor(header);
  const cells = new Array<string | number>(list.length);
  for (let i = 0; i < list.length; i++) cells[i] = list[i](row, importId);
  return cells;
}
