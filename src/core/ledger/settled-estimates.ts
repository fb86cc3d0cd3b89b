/**
 * One order line, one count. An order can reach the ledger from several files: as an estimate
 * (On-hold export) before it settles, then settled in a Statement, and again in a profit-and-loss
 * report. The ledger keeps every row; the readers count, for each order line (order or adjustment
 * ID and SKU ID), only the rows of the layout that ranks highest below. An estimate is superseded
 * once its settled row is in the ledger; of two settled layouts' rows of one payout (two views of
 * one statement) the Statement's wins, while rows of two payouts (a sale, then its refund settled
 * later) both count. An estimate of a sale gives way only to a row that carries the sale: a refund
 * or fee settled in a later payout, its sale's payout not imported, counts beside the estimate.
 * Of two estimates of a line (On-hold, or order export) the later download counts. A row without
 * a SKU ID (a legacy Income row, an adjustment) stands for its whole order.
 */
import { isDateCell } from '../date-cell';
import { headerKey } from '../read/catalog';
import { cellText } from '../cell-text';
import { plural } from '../words';
import { findHeaderRow, lostColumnsMessage, lostHeaderMessage } from './ledger-columns';
import { LEDGER_SIGNATURE, LEDGER_TAB } from './ledger-format';
import type { CellValue, LayoutId } from '../types';

/** Higher wins for every figure of the line: settlement, fees, sales, quantity. */
export const LAYOUT_PRECEDENCE = {
  statement: 5,
  income: 4,
  'pnl-orders': 3,
  'pnl-adjustments': 3,
  onhold: 1,
  'order-export': 0,
  ledger: -1,
  // Ad reports land in TTS Ads, never in the ledger: they describe no order line.
  'ads-manager': -1,
  'gmv-max': -1,
} as const satisfies Record<LayoutId, number>;

export interface LineFields {
  layout: LayoutId;
  orderId: string;
  skuId: string;
  /** The import that wrote the row (Import IDs sort by time): of two estimates of a line, the later counts. */
  importId?: string;
  /** Its {@link DOWNLOAD_TIME}, when its file gave one: it decides before the import does. */
  unknown?: Readonly<Record<string, string>>;
  /** Which payout the row was settled in: two settled rows of an order line in two payouts both count. */
  statementId?: string;
  /** Its *Gross sales*: an estimate with a sale gives way only to a row with one. */
  grossSales?: CellValue;
  /** ISO text, or the sheet's date cell (read with the `dateText` given to {@link supersedersOf}). */
  statementDate?: CellValue;
}

/**
 * The On-hold export's *Download time* (its banner), which the sidebar keeps on each of its rows as
 * a column of the ledger: of two estimates of a line, the later download counts, whichever was
 * imported last.
 */
export const DOWNLOAD_TIME = 'Download time';

/** The ledger's columns that tell which of an order's rows count, in this order. */
export const LINE_COLUMNS = [
  'Layout',
  'Order/adjustment ID',
  'SKU ID',
  'Key',
  'Import ID',
  DOWNLOAD_TIME,
  'Statement ID',
  'Statement date',
  'Gross sales',
] as const;

/** When an estimate was made, as sortable text: its file's download time, else its import's; then the import. */
const estimateTime = (downloaded: string | undefined, importId = '') =>
  (downloaded || importId).replace(/\D/g, '').slice(0, 14) + '|' + importId;

/** Why the Layout and order ID cells of the ledger matter. */
const ROWS_COUNTED = "It tells which of an order's rows count.";

const rank = (layout: string) => (LAYOUT_PRECEDENCE as Record<string, number>)[layout] ?? -1;

/** Ranks from here up are settled layouts; below, estimates (On-hold, Order export). */
const SETTLED = LAYOUT_PRECEDENCE['pnl-orders'];

/** On-hold and order export: rows a later download of the same export replaces. */
const estimated = (rank: number) => rank >= 0 && rank < SETTLED;

/**
 * The ranks with each estimate's raised by how late it was made ({@link estimateTime}), still
 * below the next layout: a later download's row of a line supersedes the earlier one (an order
 * export downloaded after a cancellation or a return, an On-hold export's changed estimate).
 */
function byTime(ranks: number[], times: readonly string[]): number[] {
  const later = [...new Set(times.filter((_, i) => estimated(ranks[i])))].sort();
  const at = new Map(later.map((id, n) => [id, (n + 1) / (later.length + 1)]));
  return ranks.map((r, i) => r + (at.get(times[i]) || 0));
}

/**
 * For each row, the row that supersedes it, or -1: the first of the highest-ranked rows above its
 * rank that describe its order line. A row without a SKU ID describes its whole order (the legacy
 * Income export has no SKU column), so it meets every line of that order, in either direction.
 * An estimate gives way to any of them, an estimate of a sale (`sold`) only to a row with a sale;
 * a settled row only to one of its own payout (`payouts`:
 * its statement ID and its statement date, '' when unknown): the same statement where both rows
 * name one, else the same date. Rows of two payouts are two sums of money, a sale and its later
 * refund: both count.
 */
export function supersedingRows(
  orderIds: readonly string[],
  skuIds: readonly string[],
  ranks: ArrayLike<number>,
  payouts: readonly (readonly [string, string])[],
  sold: readonly boolean[] = [],
): Int32Array {
  const orders = new Map<string, number[]>();
  orderIds.forEach((order, i) => {
    if (order !== '') (orders.get(order) || orders.set(order, []).get(order)!).push(i);
  });
  const samePayout = (i: number, j: number) => {
    const [[idI, dayI], [idJ, dayJ]] = [payouts[i], payouts[j]];
    return idI && idJ ? idI === idJ : !dayI || !dayJ || dayI === dayJ;
  };
  const out = new Int32Array(orderIds.length).fill(-1);
  // An order has a handful of rows: each meets each.
  for (const rows of orders.values())
    for (const i of rows)
      for (const j of rows)
        if (
          ranks[j] > ranks[i] &&
          (out[i] < 0 || ranks[j] > ranks[out[i]]) &&
          (!skuIds[i] || !skuIds[j] || skuIds[i] === skuIds[j]) &&
          (ranks[i] < SETTLED ? !sold[i] || sold[j] : samePayout(i, j))
        )
          out[i] = j;
  return out;
}

/** {@link supersedingRows} of rows (order and SKU IDs trimmed; `dateText`: a date cell's day in the sheet's zone). */
export function supersedersOf(rows: readonly LineFields[], dateText?: DateText): Int32Array {
  return supersedingRows(
    rows.map((r) => r.orderId.trim()),
    rows.map((r) => r.skuId.trim()),
    byTime(
      rows.map((r) => rank(r.layout)),
      rows.map((r) => estimateTime(r.unknown?.[DOWNLOAD_TIME], r.importId)),
    ),
    rows.map((r) => [cellText(r.statementId), dayOf(r.statementDate, dateText)]),
    rows.map((r) => isSale(r.grossSales)),
  );
}

/** For each row, true when a row of a higher-ranked layout describes the same order line. */
export function supersededFlags(rows: readonly LineFields[], dateText?: DateText): boolean[] {
  return Array.from(supersedersOf(rows, dateText), (by) => by >= 0);
}

/** The rows that count, and how many were set aside as superseded. */
export function countedRows<T extends LineFields>(rows: readonly T[]): { rows: T[]; superseded: number } {
  const by = supersedersOf(rows);
  const kept = rows.filter((_, i) => by[i] < 0);
  return { rows: kept, superseded: rows.length - kept.length };
}

/**
 * A range holding the TTS Ledger tab with its superseded rows blanked (row numbers unchanged), so
 * a function that streams the range counts each order line once. Any other range is returned as is.
 * `dateText`: a date cell as ISO text in the sheet's zone (the day a payout's rows share).
 */
export function withoutSupersededRows(
  grid: readonly (readonly CellValue[])[],
  dateText?: DateText,
): {
  grid: readonly (readonly CellValue[])[];
  superseded: number;
} {
  // Two of the tab's own three columns make it the ledger: one may have been deleted.
  const headerRow = findHeaderRow(grid, LEDGER_SIGNATURE, 2);
  if (
    rowsAboveHeader(grid, headerRow) &&
    (headerRow || grid.some((r) => findHeaderRow([r], LEDGER_SIGNATURE)))
  )
    throw new Error(lostHeaderMessage(LEDGER_TAB, LEDGER_SIGNATURE, 'Nothing was counted.'));
  if (!headerRow) return { grid, superseded: 0 };
  const header = grid[headerRow - 1].map((v) => headerKey(String(v ?? '')));
  const col = (label: string) => header.indexOf(headerKey(label));
  const columns = LINE_COLUMNS.map(col);
  const [layout, order] = columns;
  const missing = layout < 0 ? LINE_COLUMNS[0] : order < 0 ? LINE_COLUMNS[1] : '';
  // Without them an On-hold estimate and the settled row that replaced it would both count.
  if (missing) throw new Error(lostColumnsMessage(LEDGER_TAB, [missing], ROWS_COUNTED));
  // Most ledgers hold one kind of file: a Layout column of one known value ranks no row above another
  // (estimates aside: a later download's supersedes an earlier one's).
  let same = headerRow + 1;
  while (same < grid.length && grid[same][layout] === grid[headerRow][layout]) same++;
  // A header alone has no first row (a range of the header row only, before any import).
  const only = layoutRank((grid[headerRow] || [])[layout]);
  if (same >= grid.length && (same === headerRow + 1 || (only ?? 0) >= SETTLED))
    return { grid, superseded: 0 };
  const body = grid.slice(headerRow);
  const flags = supersededInGrid(body, columns, headerRow, dateText);
  const superseded = flags.filter((by) => by >= 0).length;
  if (superseded === 0) return { grid, superseded: 0 };
  const out = grid.slice(0, headerRow).concat(body.map((r, i) => (flags[i] >= 0 ? r.map(() => '') : r)));
  return { grid: out, superseded };
}

/**
 * Whether the rows above the ledger's header row (0: none found; then the first row) are the tab's
 * own, a Layout value in them: a sort without "Data has header row" took the header down among them.
 */
export const rowsAboveHeader = (grid: readonly (readonly CellValue[])[], headerRow: number): boolean =>
  // Never more than the rows above the header: with none found (0) only the first row, not the range.
  grid.slice(0, Math.max(1, headerRow - 1)).some((r) => r.some((c) => layoutRank(c) !== undefined));

type DateText = (date: Date) => string;

/**
 * A date cell's day, its time dropped: `2026-06-12T16:55:33`, and a Date read in the sheet's zone
 * (else in the script's: `Fri Jun 12 2026 16:55:33 GMT…`). A time late in the day is the next day
 * in UTC, where the script runs: read in the script's zone, an Income row settled that evening
 * would miss the Statement of its payout.
 */
const dayOf = (v: CellValue, dateText?: DateText) =>
  (dateText && isDateCell(v) ? dateText(v) : cellText(v)).replace(/[T ]\d\d:\d\d.*/, '');

/** Whether a *Gross sales* cell holds a sale: an amount other than 0. */
const isSale = (cell: CellValue | undefined) => !!Number(cellText(cell));

/** A Layout cell's rank, whatever its case; undefined for a value the add-on never writes. */
const layoutRank = (cell: CellValue): number | undefined =>
  (LAYOUT_PRECEDENCE as Record<string, number>)[cellText(cell).toLowerCase()];

/** {@link supersedersOf} read straight from the tab's cells (`columns`: of {@link LINE_COLUMNS}; one not there reads as blank). */
function supersededInGrid(
  body: readonly (readonly CellValue[])[],
  [layout, order, sku, key, importId, downloaded, statement, date, gross]: readonly number[],
  headerRow: number,
  dateText?: DateText,
): Int32Array {
  const ranks: number[] = new Array<number>(body.length).fill(-1);
  const [orders, skus, imports]: string[][] = [[], [], []];
  const payouts: [string, string][] = [];
  const sold: boolean[] = [];
  for (let i = 0; i < body.length; i++) {
    orders[i] = cellText(body[i][order]);
    imports[i] = estimateTime(cellText(body[i][downloaded]), cellText(body[i][importId]));
    skus[i] = cellText(body[i][sku]);
    payouts[i] = [cellText(body[i][statement]), dayOf(body[i][date], dateText)];
    sold[i] = isSale(body[i][gross]);
    if (orders[i] === '') continue;
    const ranked = layoutRank(body[i][layout]);
    // A row without a Key is the seller's (a total, a note), skipped by every reader: its Layout is theirs too.
    if (ranked === undefined && (key < 0 || cellText(body[i][key]) !== ''))
      throw new Error(
        `TTS Ledger row ${headerRow + i + 1}: *Layout* says \`${cellText(body[i][layout])}\`, not a layout TTS ` +
          `Profit writes (statement, onhold…): type it back. ${ROWS_COUNTED}`,
      );
    ranks[i] = ranked ?? -1;
  }
  return supersedingRows(orders, skus, byTime(ranks, imports), payouts, sold);
}

/** `3 rows superseded by a settled row or a later download of the same order line are not counted.`, or '' when none. */
export function supersededText(superseded: number): string {
  if (superseded === 0) return '';
  return (
    `${plural(superseded, 'row')} superseded by a settled row or a later download of the same order line ` +
    `${superseded === 1 ? 'is' : 'are'} not counted.`
  );
}
