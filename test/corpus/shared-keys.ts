/**
 * Statements built from the corpus base file for the rows that share a key: the first order with
 * two lines of one SKU (the same statement, order, SKU and type; the second with a $1.00 seller
 * discount), and that statement split into two files between those lines, as a seller splits a
 * big file or a 90-day limit does. Also a one-row statement settling an order still on hold.
 */
import { BASE, BASE_ROWS, centsOfText, columnIndex, csv, utf8 } from './generate';
import { pendingLines } from './same-orders';
import type { StateFile } from './workbook-states';

const money = (cents: bigint) =>
  (cents < 0n ? '-' : '') + (Number(cents < 0n ? -cents : cents) / 100).toFixed(2);

/** `row` with `cents` added to each of `columns`. */
function plus(row: readonly string[], columns: readonly string[], cents: bigint): string[] {
  const out = row.slice();
  for (const column of columns)
    out[columnIndex(column)] = money(centsOfText(out[columnIndex(column)]) + cents);
  return out;
}

const [HEADER, FIRST, ...REST] = BASE_ROWS;
/** The first line's twin: $1.00 of seller discount, so $1.00 less net sales and settlement; it still reconciles. */
const TWIN = plus(FIRST, ['Seller discount', 'Net sales', 'Total settlement amount'], -100n);
const file = (name: string, rows: string[][]): StateFile => ({
  name,
  bytes: () => utf8(csv([HEADER, ...rows])),
});

export const TWIN_WHOLE = file('statement-2026-03-twins.csv', [FIRST, TWIN, ...REST]);
export const TWIN_PART_1 = file('statement-2026-03-part1.csv', [FIRST]);
export const TWIN_PART_2 = file('statement-2026-03-part2.csv', [TWIN, ...REST]);
export const TWIN_CENTS =
  BASE.totals.settlement + Number(centsOfText(TWIN[columnIndex('Total settlement amount')]));

/** The Statement that settles the first order still on hold (same-orders.ts). */
const pending = pendingLines(1)[0];
const settling = FIRST.slice();
settling[columnIndex('Order/adjustment ID')] = pending.orderId;
settling[columnIndex('SKU ID')] = pending.skuId;
export const PENDING_STATEMENT = file('statement-2026-03-28.csv', [settling]);
export const PENDING_STATEMENT_CENTS = Number(centsOfText(settling[columnIndex('Total settlement amount')]));
