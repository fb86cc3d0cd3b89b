/**
 * P&L from normalized rows, in integer cents. Each row's lines come from its leaf amounts (a
 * subtotal counts only when none of its component columns has a value in that row), so Fees and
 * Referral fee are never both added. Works the same for every layout because the catalog says
 * which P&L line each column feeds.
 */
import { ancestorsOf, COLUMNS, findColumnById, isComponent, type ColumnDef } from '../read/catalog';
import { SELLER_SHIPPING_FEE_LABEL, shippingInsideFees, shippingInsideFeesView } from './income-fees';
import { detachedText } from '../read/detached-text';
import { formatCents } from '../money';
import type { SalesMetric } from '../contract';
import { unitCostOn, type CogsTable } from './cogs';
import { lineCostCents } from './unit-cost';
import type { RowView } from '../read/row-view';
import { rowDate, rowMonth, type GroupedFields } from './row-dates';
import { DateMemo } from './date-memo';
import type { LedgerRow } from '../types';

export interface PnlLines {
  grossSales: number;
  sellerDiscounts: number;
  refunds: number;
  /** Gross sales + seller discounts + refunds (or the file's Net sales when it has no parts). */
  netSales: number;
  shipping: number;
  fees: number;
  adjustments: number;
  /** The rows' own settlement column (Total settlement amount, estimated, or Order Income). */
  settlement: number;
  /** Sales tax and retail delivery fee collected and remitted by TikTok: never revenue. */
  taxPassthrough: number;
}

export function emptyLines(): PnlLines {
  return {
    grossSales: 0,
    sellerDiscounts: 0,
    refunds: 0,
    netSales: 0,
    shipping: 0,
    fees: 0,
    adjustments: 0,
    settlement: 0,
    taxPassthrough: 0,
  };
}

interface ColumnInfo {
  def: ColumnDef;
  pnl: ColumnDef['pnl'];
  component: boolean;
  grossSales: boolean;
  /** A refund of goods the buyer kept: out of units sold, not out of the units that carry COGS. */
  goodsKept: boolean;
  ancestors: ColumnInfo[];
  /** Position among the fee columns (FEE_IDS), or −1. */
  feeOrdinal: number;
  /** Generation stamp: "a component below me has a value in the current row". */
  mark: number;
}
/** Fee columns numbered 0…n−1: a group sums its fee leaves in a small array indexed by these. */
const FEE_IDS: string[] = COLUMNS.filter((def) => def.pnl === 'fees').map((def) => def.id);
const INFO = new Map<string, ColumnInfo>();
for (const def of COLUMNS) {
  INFO.set(def.id, {
    def,
    pnl: def.pnl,
    component: isComponent(def),
    grossSales: def.grossSales === true,
    goodsKept: def.goodsKept === true,
    ancestors: [],
    feeOrdinal: FEE_IDS.indexOf(def.id),
    mark: 0,
  });
}
for (const info of INFO.values()) info.ancestors = ancestorsOf(info.def.id).map((id) => INFO.get(id)!);

let generation = 0;

/**
 * One row's P&L contribution, computed once however many groupings it is added to: its lines, its
 * fee leaves (column id and cents, in the row's column order) and its gross sales sold/refunded.
 * Owned by the {@link RowCollector} that filled it and valid until its next row (rows are summed
 * one after another, and a fresh object per row would be garbage on every one of them).
 */
export interface CollectedRow {
  readonly lines: PnlLines;
  readonly feeIds: readonly string[];
  readonly feeOrdinals: readonly number[];
  readonly feeCents: readonly number[];
  readonly feeCount: number;
  /** Gross sales and gross sales refunds of the row (saves a second pass for units sold). */
  readonly grossSold: number;
  readonly grossRefunded: number;
  /** Units sold and units that carry COGS ({@link unitsSold}, {@link unitsCosted}). */
  readonly unitsSold: number;
  readonly unitsCosted: number;
}

/**
 * Collects rows into a {@link CollectedRow}. One lookup per amount: the first pass finds each
 * column and stamps the ancestors of the row's components (a column is a leaf of this row when its
 * stamp is not the current generation; informational and settlement columns are never parents),
 * the second adds.
 */
class RowCollector implements CollectedRow {
  readonly lines: PnlLines = emptyLines();
  readonly feeIds: string[] = [];
  readonly feeOrdinals: number[] = [];
  readonly feeCents: number[] = [];
  feeCount = 0;
  grossSold = 0;
  grossRefunded = 0;
  unitsSold = 0;
  unitsCosted = 0;
  private readonly cells: ColumnInfo[] = [];
  private readonly cellCents: number[] = [];
  // The view and read of the row collected last: the tallies of one row share one collection.
  private lastView: RowView | undefined;
  private lastSerial = 0;

  row(row: LedgerRow): CollectedRow {
    this.lastView = undefined;
    const amounts = row.amounts;
    const g = ++generation;
    let n = 0;
    for (const id in amounts) {
      const info = INFO.get(id);
      if (info === undefined) continue;
      this.cells[n] = info;
      this.cellCents[n] = amounts[id];
      n++;
      if (!info.component) continue;
      const up = info.ancestors;
      for (let i = 0; i < up.length; i++) up[i].mark = g;
    }
    return this.sum(n, g, row.quantity);
  }

  /** {@link row} for a row view. */
  view(view: RowView): CollectedRow {
    if (view === this.lastView && view.serial === this.lastSerial) return this;
    const infos = slotInfos(view.amountIds);
    this.lastView = view;
    this.lastSerial = view.serial;
    const cents = view.cents;
    const filled = view.filled;
    const g = ++generation;
    const n = view.filledCount;
    for (let k = 0; k < n; k++) {
      const slot = filled[k];
      const info = infos[slot];
      this.cells[k] = info;
      this.cellCents[k] = cents[slot];
      if (!info.component) continue;
      const up = info.ancestors;
      for (let i = 0; i < up.length; i++) up[i].mark = g;
    }
    return this.sum(n, g, view.quantity);
  }

  /** The second pass: the `n` gathered cells (generation `g`) of a row of `quantity` units into its sums. */
  private sum(n: number, g: number, quantity: number): CollectedRow {
    const into = this.lines;
    into.grossSales = 0;
    into.sellerDiscounts = 0;
    into.refunds = 0;
    into.netSales = 0;
    into.shipping = 0;
    into.fees = 0;
    into.adjustments = 0;
    into.settlement = 0;
    into.taxPassthrough = 0;
    let feeCount = 0;
    let grossSold = 0;
    let grossRefunded = 0;
    // The gross sales of goods the buyer kept: out of units sold, not out of units costed.
    let keptSold = 0;
    let keptRefunded = 0;
    for (let k = 0; k < n; k++) {
      const info = this.cells[k];
      const cents = this.cellCents[k];
      if (info.grossSales) {
        if (info.pnl === 'refunds') {
          grossRefunded += cents;
          if (info.goodsKept) keptRefunded += cents;
        } else {
          grossSold += cents;
          if (info.goodsKept) keptSold += cents;
        }
      }
      if (info.component && info.mark === g) continue;
      switch (info.pnl) {
        case 'gross_sales':
          into.grossSales += cents;
          into.netSales += cents;
          break;
        case 'seller_discounts':
          into.sellerDiscounts += cents;
          into.netSales += cents;
          break;
        case 'refunds':
          into.refunds += cents;
          into.netSales += cents;
          break;
        case 'net_sales':
          into.netSales += cents;
          break;
        case 'shipping':
          into.shipping += cents;
          break;
        case 'fees':
          into.fees += cents;
          this.feeIds[feeCount] = info.def.id;
          this.feeOrdinals[feeCount] = info.feeOrdinal;
          this.feeCents[feeCount] = cents;
          feeCount++;
          break;
        case 'adjustments':
          into.adjustments += cents;
          break;
        case 'settlement':
          into.settlement += cents;
          break;
        case 'tax_passthrough':
          into.taxPassthrough += cents;
          break;
        default:
          break;
      }
    }
    this.feeCount = feeCount;
    this.grossSold = grossSold;
    this.grossRefunded = grossRefunded;
    this.unitsSold = unitsFrom(quantity, grossSold, grossRefunded);
    this.unitsCosted = unitsFrom(quantity, grossSold - keptSold, grossRefunded - keptRefunded);
    return this;
  }
}

/** The collector of the functions below; each uses what it returns before collecting another row. */
const collector = new RowCollector();

/** The columns of each file's amount slots, worked out once per file (the key is the normalizer's `amountIds`). */
const SLOT_INFOS = new WeakMap<readonly string[], ColumnInfo[]>();
// The last file's: every row of a file asks with the same list, so most calls need no lookup.
let lastSlotIds: readonly string[] | undefined;
let lastSlotInfos: ColumnInfo[] = [];

/** The columns of a file's amount slots (all catalog ids: the normalizer only makes slots for those). */
function slotInfos(amountIds: readonly string[]): ColumnInfo[] {
  if (amountIds === lastSlotIds) return lastSlotInfos;
  let infos = SLOT_INFOS.get(amountIds);
  if (infos === undefined) {
    infos = amountIds.map((id) => INFO.get(id)!);
    SLOT_INFOS.set(amountIds, infos);
  }
  lastSlotIds = amountIds;
  lastSlotInfos = infos;
  return infos;
}

/** Adds every line of `from` into `into`. */
export function addLines(into: PnlLines, from: PnlLines): void {
  into.grossSales += from.grossSales;
  into.sellerDiscounts += from.sellerDiscounts;
  into.refunds += from.refunds;
  into.netSales += from.netSales;
  into.shipping += from.shipping;
  into.fees += from.fees;
  into.adjustments += from.adjustments;
  into.settlement += from.settlement;
  into.taxPassthrough += from.taxPassthrough;
}

/** Adds a collected row into `into` (and its fee leaves into `fees` by column id). */
function addCollected(row: CollectedRow, into: PnlLines, fees?: Map<string, number>): void {
  addLines(into, row.lines);
  if (fees) {
    for (let k = 0; k < row.feeCount; k++) {
      const id = row.feeIds[k];
      fees.set(id, (fees.get(id) || 0) + row.feeCents[k]);
    }
  }
}

/** Adds one row's P&L lines into `into` (and its fee leaves into `fees` by column id). */
export function addRowLines(row: LedgerRow, into: PnlLines, fees?: Map<string, number>): void {
  addCollected(collector.row(row), into, fees);
}

/**
 * The P&L of the row a view holds, worked out once per row however many tallies ask for it (the
 * view's `serial` tells a new row). Shared: valid until the next row is collected, never changed.
 */
export function viewPnl(view: RowView): CollectedRow {
  return collector.view(view);
}

/** {@link viewPnl} for a LedgerRow. */
export function ledgerRowPnl(row: LedgerRow): CollectedRow {
  return collector.row(row);
}

/** {@link addRowLines} for a row view. */
export function addViewLines(view: RowView, into: PnlLines, fees?: Map<string, number>): void {
  addCollected(viewPnl(view), into, fees);
}

/** P&L lines of one row. */
export function rowPnl(row: LedgerRow): PnlLines {
  const lines = emptyLines();
  addRowLines(row, lines);
  return lines;
}

export type PnlGroupBy = 'month' | 'sku' | 'statement' | 'type';

export { rowDate, rowMonth, type GroupedFields } from './row-dates';

export const NO_SKU = '(no SKU)';

export function groupKey(row: GroupedFields, groupBy: PnlGroupBy): string {
  switch (groupBy) {
    case 'month':
      return rowMonth(row);
    case 'sku':
      return row.skuId || row.sellerSku || NO_SKU;
    case 'statement':
      return row.statementId;
    case 'type':
      return row.type;
  }
}

export interface PnlGroup {
  group: string;
  rows: number;
  units: number;
  lines: PnlLines;
  /** Fee leaves by catalog column id, cents. */
  feesByColumn: Record<string, number>;
}

interface GroupSums {
  rows: number;
  units: number;
  lines: PnlLines;
  /** Fee leaf totals by fee ordinal (FEE_IDS), and the ordinals in the order first seen. */
  fees: Float64Array;
  feeOrder: number[];
}

function emptyGroup(): GroupSums {
  return { rows: 0, units: 0, lines: emptyLines(), fees: new Float64Array(FEE_IDS.length), feeOrder: [] };
}

/** Adds a collected row into a group: its lines and its fee leaves. */
function addCollectedToGroup(group: GroupSums, row: CollectedRow, units: number): void {
  group.rows++;
  addLines(group.lines, row.lines);
  group.units += units;
  const fees = group.fees;
  for (let k = 0; k < row.feeCount; k++) {
    const ordinal = row.feeOrdinals[k];
    // Zero cells never reach the scratch, so an untouched total means a fee seen for the first time.
    if (fees[ordinal] === 0 && !group.feeOrder.includes(ordinal)) group.feeOrder.push(ordinal);
    fees[ordinal] += row.feeCents[k];
  }
}

/** Slots of each grouping's recent keys (see PnlGroupings). */
const RECENT_SLOTS = 256;
/** An empty slot's key (its group is undefined). */
const NO_RECENT_KEY = '\u0000';

/** A slot for `key` from its length and three of its characters (IDs differ most at their end). */
function recentSlot(key: string): number {
  const n = key.length;
  if (n < 2) return n;
  return (
    (Math.imul(n, 31) +
      Math.imul(key.charCodeAt(n - 1), 7) +
      Math.imul(key.charCodeAt(n - 2), 131) +
      key.charCodeAt(n >> 1)) &
    (RECENT_SLOTS - 1)
  );
}

/**
 * Several P&L groupings (say by month and by SKU) filled together: each row's lines are worked
 * out once and added to its group in every grouping, so a second grouping costs a lookup, not a
 * second pass over the row's amounts.
 */
export class PnlGroupings {
  private readonly groups: Map<string, GroupSums>[];
  /**
   * Month groupings: the group of each row date, so a row's month is not cut out of its date
   * and hashed again for every row.
   */
  private readonly groupOfDate: (DateMemo<GroupSums> | undefined)[];
  /**
   * The other groupings: the groups of keys met lately, by a slot from a few of the key's
   * characters. A key cut from a file (a SKU ID) is a new string each row, and a Map would hash
   * all of it every time; comparing it with the key kept in its slot is cheaper.
   */
  private readonly recentKeys: string[][];
  private readonly recentGroups: (GroupSums | undefined)[][];

  constructor(readonly groupBys: readonly PnlGroupBy[]) {
    this.groups = groupBys.map(() => new Map());
    this.groupOfDate = groupBys.map((by, i) =>
      by === 'month'
        ? new DateMemo((date) => this.group(i, rowMonth({ orderDate: date, statementDate: '' })))
        : undefined,
    );
    this.recentKeys = groupBys.map(() => new Array<string>(RECENT_SLOTS).fill(NO_RECENT_KEY));
    this.recentGroups = groupBys.map(() => new Array<GroupSums | undefined>(RECENT_SLOTS).fill(undefined));
  }

  add(row: LedgerRow): void {
    this.addCollected(collector.row(row), row);
  }

  /**
   * {@link add} for a row view: the same groups and sums, with no LedgerRow built. `total`: the
   * row's lines are added there too (a file's totals), from the same pass over its amounts.
   */
  addView(view: RowView, total?: PnlLines): void {
    const collected = viewPnl(view);
    if (total) addCollected(collected, total);
    this.addCollected(collected, view);
  }

  private addCollected(collected: CollectedRow, row: GroupedFields): void {
    const units = collected.unitsSold;
    for (let i = 0; i < this.groupBys.length; i++) {
      const byDate = this.groupOfDate[i];
      const group = byDate
        ? byDate.get(row.orderDate || row.statementDate)
        : this.recentGroup(i, groupKey(row, this.groupBys[i]));
      addCollectedToGroup(group, collected, units);
    }
  }

  /** {@link group}, looked up first among the keys met lately. */
  private recentGroup(i: number, key: string): GroupSums {
    const slot = recentSlot(key);
    const keys = this.recentKeys[i];
    if (keys[slot] === key) {
      const recent = this.recentGroups[i][slot];
      if (recent !== undefined) return recent;
    }
    const group = this.group(i, key);
    // Kept detached, as the Map's keys are: the key cut from the file would pin its text.
    keys[slot] = detachedText(key);
    this.recentGroups[i][slot] = group;
    return group;
  }

  /** The group `key` of grouping `i`, made on first use. */
  private group(i: number, key: string): GroupSums {
    const groups = this.groups[i];
    let group = groups.get(key);
    if (!group) {
      group = emptyGroup();
      // Kept past the row: detached, or the key would pin the piece of file text it came from.
      groups.set(detachedText(key), group);
    }
    return group;
  }

  /** The groups of one of the groupings, sorted by group key. */
  result(groupBy: PnlGroupBy = this.groupBys[0]): PnlGroup[] {
    const at = this.groupBys.indexOf(groupBy);
    if (at < 0)
      throw new Error(`P&L groupings: not grouped by ${groupBy} (only ${this.groupBys.join(', ')})`);
    return [...this.groups[at]]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([group, g]) => ({
        group,
        rows: g.rows,
        units: g.units,
        lines: g.lines,
        feesByColumn: feesByColumn(g),
      }));
  }
}

function feesByColumn(group: GroupSums): Record<string, number> {
  const byColumn: Record<string, number> = {};
  for (const ordinal of group.feeOrder) byColumn[FEE_IDS[ordinal]] = group.fees[ordinal];
  return byColumn;
}

/** Incremental P&L: add rows one at a time (streaming imports), read the groups at the end. */
export class PnlAccumulator {
  private readonly groupings: PnlGroupings;

  constructor(readonly groupBy: PnlGroupBy) {
    this.groupings = new PnlGroupings([groupBy]);
  }

  add(row: LedgerRow): void {
    this.groupings.add(row);
  }

  result(): PnlGroup[] {
    return this.groupings.result();
  }
}

export function aggregatePnl(rows: readonly LedgerRow[], groupBy: PnlGroupBy): PnlGroup[] {
  const groupings = new PnlGroupings([groupBy]);
  for (const row of rows) groupings.add(row);
  return groupings.result();
}

/** Total P&L lines over rows. */
export function totalPnl(rows: readonly LedgerRow[]): PnlLines {
  const lines = emptyLines();
  for (const row of rows) addRowLines(row, lines);
  return lines;
}

/** The sales figure of a row for a threshold metric (DESIGN §4), cents. */
export function salesAmount(row: LedgerRow, metric: SalesMetric): number {
  return salesOf(collector.row(row), metric);
}

/** {@link salesAmount} for a row view. */
export function salesAmountView(view: RowView, metric: SalesMetric): number {
  return salesOf(viewPnl(view), metric);
}

function salesOf(row: CollectedRow, metric: SalesMetric): number {
  if (metric === 'gross') return row.grossSold + row.grossRefunded;
  return metric === 'net' ? row.lines.netSales : row.lines.settlement;
}

/** Sales per calendar day (rows without a date are left out), oldest first. */
export function dailySales(
  rows: readonly LedgerRow[],
  metric: SalesMetric,
): { date: string; amount: number }[] {
  return bucketSales(rows, metric, rowDate).map(([date, amount]) => ({ date, amount }));
}

/** Sales per month (`YYYY-MM`), oldest first. */
export function monthlySales(
  rows: readonly LedgerRow[],
  metric: SalesMetric,
): { month: string; amount: number }[] {
  return bucketSales(rows, metric, rowMonth).map(([month, amount]) => ({ month, amount }));
}

function bucketSales(
  rows: readonly LedgerRow[],
  metric: SalesMetric,
  keyOf: (row: LedgerRow) => string,
): [string, number][] {
  const buckets = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row);
    if (!key) continue;
    buckets.set(key, (buckets.get(key) || 0) + salesAmount(row, metric));
  }
  return [...buckets].sort(([a], [b]) => (a < b ? -1 : 1));
}

export const TOTAL_FEES_LABEL = 'Total fees';

/**
 * One entry per fee column with a non-zero total, labelled with TikTok's column name, most
 * negative first, then `Total fees`.
 */
export function feeTable(rows: readonly LedgerRow[]): { label: string; cents: number }[] {
  const tally = new FeeTally();
  for (const row of rows) tally.addRow(row);
  return tally.table();
}

/** {@link feeTable} as rows or row views stream past. */
export class FeeTally {
  private readonly fees = new Map<string, number>();
  private readonly lines = emptyLines();
  private shipping = 0;

  addRow(row: LedgerRow): void {
    addRowLines(row, this.lines, this.fees);
    this.shipping += shippingInsideFees(row);
  }

  addView(view: RowView): void {
    addViewLines(view, this.lines, this.fees);
    this.shipping += shippingInsideFeesView(view);
  }

  table(): { label: string; cents: number }[] {
    const entries = [...this.fees]
      .filter(([, cents]) => cents !== 0)
      .map(([id, cents]) => ({ label: findColumnById(id)!.label, cents }));
    // Income exports: Total fees includes the seller shipping fee (see income-fees.ts).
    if (this.shipping !== 0) entries.push({ label: SELLER_SHIPPING_FEE_LABEL, cents: this.shipping });
    entries.sort((a, b) => a.cents - b.cents || a.label.localeCompare(b.label));
    entries.push({ label: TOTAL_FEES_LABEL, cents: this.lines.fees + this.shipping });
    return entries;
  }
}

export function feeTotal(rows: readonly LedgerRow[]): number {
  return totalPnl(rows).fees;
}

export function settlementTotal(rows: readonly LedgerRow[]): number {
  return totalPnl(rows).settlement;
}

/**
 * Units sold: the row's quantity, less each unit whose whole price was refunded (a fully refunded
 * row counts none; see {@link unitsFrom}). A refund row of its own (a refund, no gross sales)
 * takes its units back out of units sold. Read alone: the tallies pair a row without gross sales
 * with its line's sale elsewhere in the range first (order-lines.ts).
 */
export function unitsSold(row: LedgerRow): number {
  return collector.row(row).unitsSold;
}

/**
 * Units that carry COGS: the units that left and did not come back. A refund of goods the buyer
 * kept (only an order export tells one) takes a sale out of units sold but not out of these;
 * any other refund is read as its goods coming back, since statements count no returned units.
 */
export function unitsCosted(row: LedgerRow): number {
  return collector.row(row).unitsCosted;
}

/** {@link unitsSold} for a row view. */
export function unitsSoldView(view: RowView): number {
  return viewPnl(view).unitsSold;
}

/** The units of `q` sold for `sold` cents that `refunded` cents (≤ 0) leave sold. */
export function unitsFrom(q: number, sold: number, refunded: number): number {
  if (q <= 0) return 0;
  // No sale on the row: a refund row gives its units back; anything else (a free line) counts them.
  if (sold <= 0) return refunded < 0 ? -q : q;
  const kept = sold + refunded;
  if (kept <= 0) return 0;
  if (kept >= sold) return q;
  // A unit came back only if its whole price was refunded (to a cent, as odd cents split unevenly):
  // a smaller refund is a price cut the buyer kept the goods for. Rounding the refunded share to
  // units instead gave a one-unit line more profit for a $16 refund of $30 than for a $15 one.
  return q - Math.floor((q * (1 - refunded)) / sold);
}

// ── COGS ────────────────────────────────────────────────────────────────────────────────────

export { buildCogsTable, costEntryOn, unitCostOn, type CogsEntry, type CogsTable } from './cogs';

export interface NetProfit {
  settlement: number;
  cogs: number;
  otherCosts: number;
  /** settlement − cogs − otherCosts, cents. */
  netProfit: number;
  units: number;
}

/**
 * Net profit = total settlement − COGS (units costed × unit cost on the order date, added up in
 * ten-thousandths of a dollar and rounded to the cent once; see {@link unitsCosted}) − other costs.
 * Throws naming up to five sold SKUs that have no unit cost.
 */
export function netProfit(rows: readonly LedgerRow[], cogs: CogsTable, otherCostsCents = 0): NetProfit {
  let settlement = 0;
  let cogsTotal = 0;
  let units = 0;
  const missing = new Set<string>();
  const lines = emptyLines();
  for (const row of rows) {
    lines.settlement = 0;
    addRowLines(row, lines);
    settlement += lines.settlement;
    const costed = unitsCosted(row);
    units += unitsSold(row);
    if (costed === 0) continue;
    const cost = unitCostOn(cogs, row);
    if (cost === undefined) missing.add(row.skuId || row.sellerSku || NO_SKU);
    else cogsTotal += costed * cost;
  }
  if (missing.size > 0) throw missingUnitCostError(missing);
  const cogsCents = lineCostCents(1, cogsTotal);
  return {
    settlement,
    cogs: cogsCents,
    otherCosts: otherCostsCents,
    netProfit: settlement - cogsCents - otherCostsCents,
    units,
  };
}

/** The error for sold SKUs without a unit cost (SKU ID, else seller SKU, else `(no SKU)`), naming up to five. */
export function missingUnitCostError(skus: ReadonlySet<string>): Error {
  const list = [...skus];
  const shown = list.slice(0, 5).join(', ') + (list.length > 5 ? ` and ${list.length - 5} more` : '');
  return new Error(
    `No unit cost for ${list.length} sold SKU${list.length === 1 ? '' : 's'}: ${shown}. Add each SKU ID (or seller SKU) with its unit cost to the COGS ` +
      `table, effective by the day it sold.`,
  );
}

/** "$1,234.50"-style text of a P&L figure, for messages. */
export function showCents(cents: number): string {
  return formatCents(cents, { dollarSign: true });
}
