/**
 * Every cost a seller carries, entered once on the right date, on top of TikTok's settlement:
 *
 *   Gross profit = settlement of the orders sold − COGS (units that left and did not come back ×
 *                  unit cost on the order date: pnl.ts `unitsCosted`)
 *   Samples      = sample units × unit cost + what the sample orders cost in the settlement
 *   Net profit   = gross profit − samples − running costs − ad spend
 *
 * The settlement of a sample order (its seller-paid shipping) moves from gross profit to Samples,
 * so it is counted once. Running costs and ad spend belong to months, not to SKUs: they appear in
 * month lines and in totals. {@link CostTally} reads rows as they stream past (a custom function's
 * range) or from the ledger (the dashboard); nothing here knows which.
 */
import { costEntryOn, type CogsEntry, type CogsTable } from './cogs';
import {
  emptyLines,
  ledgerRowPnl,
  type CollectedRow,
  groupKey,
  missingUnitCostError,
  NO_SKU,
  viewPnl,
  type PnlGroupBy,
  type PnlLines,
} from './pnl';
import { calendarDate, rowMonth, type GroupedFields } from './row-dates';
import { bookMonths, dataStart } from './book-months';
import { isSampleOrder } from './samples';
import { OrderLines } from './order-lines';
import { lineCostCents } from './unit-cost';
import {
  monthEnd,
  runningCostLines,
  type MetricSums,
  type RunningCost,
  type RunningCostLine,
} from './running-costs';
import { adSpendOf, NO_AD_SPEND, type AdSpendByMonth } from './ad-spend';
import { detachedText } from '../read/detached-text';
import { DateMemo } from './date-memo';
import type { RowView } from '../read/row-view';
import type { LayoutId, LedgerRow } from '../types';
import { unitlessText, type UnitlessRows } from './unitless-rows';

/** Costs of some rows, cents (costs positive). */
export interface CostSums {
  /** Units sold, samples left out. */
  units: number;
  /** Units × unit cost, in ten-thousandths of a dollar: rounded to the cent once, where shown (see unit-cost.ts). */
  cogs: number;
  sampleUnits: number;
  sampleOrders: number;
  /** Sample units × unit cost, in ten-thousandths of a dollar as `cogs` is. */
  sampleProduct: number;
  /** The sample rows' own settlement (usually their seller-paid shipping, negative). */
  sampleSettlement: number;
}

export function emptyCostSums(): CostSums {
  return { units: 0, cogs: 0, sampleUnits: 0, sampleOrders: 0, sampleProduct: 0, sampleSettlement: 0 };
}

/** One line of a month's cost detail: what it is, how many units at what cost, and the cents. */
export interface CostDetailLine {
  kind: 'COGS' | 'Samples' | 'Sample shipping' | 'Running cost' | 'Ad spend';
  item: string;
  units: number | null;
  /** Ten-thousandths of a dollar, or null. */
  unitCost: number | null;
  cents: number;
  /** Where the cost comes from: `TTS COGS row 4`, `$1,200.00 a year, 31 days`. */
  basis: string;
}

type Dated = GroupedFields & { orderId: string; quantity: number; sampleType?: string; layout: LayoutId };

/** The rows of one date: its calendar day (`YYYY-MM-DD` or '') and that day's sales, its month, its month's costs. */
interface DatedRows {
  date: string;
  day: MetricSums | undefined;
  month: string;
  /** Grouped by month: the month's sums, once a row of the date has costs. */
  group: CostSums | undefined;
}

/**
 * Adds up costs row by row: COGS and samples per group (when grouped) and in total, the sold SKUs
 * without a unit cost, and each day's sales figures for percentage costs. With `detailMonth`,
 * also what made up that month's COGS and samples, by SKU and unit cost, and only that month's
 * rows are checked for a unit cost and a quantity (see {@link check}). A row without gross sales
 * is costed after the last row, once its order line's sale is known (see order-lines.ts): the
 * figures below are read after the rows.
 */
export class CostTally {
  private readonly sums = emptyCostSums();
  private readonly groups = new Map<string, CostSums>();
  private readonly skusWithoutCost = new Set<string>();
  readonly daily = new Map<string, MetricSums>();
  /** Months (`YYYY-MM`) of the dated rows. */
  readonly months = new Set<string>();
  private readonly details = new Map<string, CostDetailLine>();
  /** What a row's date (order date, else statement date) gives the tally. */
  private readonly dated = new DateMemo((raw) => this.datedOf(raw));
  private readonly lines = new OrderLines();
  /** Sold rows without units: their product cost is unknown. */
  readonly unitless: UnitlessRows = { income: { count: 0, first: '' }, cleared: { count: 0, first: '' } };

  constructor(
    private readonly cogs: CogsTable | undefined,
    /** The grouping of {@link byGroup}, if any. */
    readonly groupBy?: PnlGroupBy,
    private readonly detailMonth?: string,
  ) {}

  get total(): CostSums {
    this.lines.settle();
    return this.sums;
  }

  get byGroup(): ReadonlyMap<string, CostSums> {
    this.lines.settle();
    return this.groups;
  }

  get missing(): ReadonlySet<string> {
    this.lines.settle();
    return this.skusWithoutCost;
  }

  addView(view: RowView): void {
    this.add(view, viewPnl(view), view.rowNumber);
  }

  /** A ledger row, named in messages by the file and row it was imported from. */
  addRow(row: LedgerRow): void {
    this.add(row, ledgerRowPnl(row), row.source.row, row.source.file);
  }

  /**
   * Throws the core's message naming (up to five of) the sold SKUs that have no unit cost, or the
   * rows that sold goods without a quantity: their COGS would silently be $0.
   */
  check(): void {
    if (this.missing.size > 0) throw missingUnitCostError(this.missing);
    const unitless = unitlessText(this.unitless);
    if (unitless) throw new Error(`No product cost for ${unitless}.`);
  }

  /** COGS and samples of the detail month, largest first: each line's units × unit cost rounded to the cent once. */
  detailLines(): CostDetailLine[] {
    this.lines.settle();
    const lines = [...this.details.values()];
    for (const d of lines) if (d.unitCost !== null) d.cents = lineCostCents(d.units!, d.unitCost);
    return lines.sort(
      (a, b) => a.kind.localeCompare(b.kind) || b.cents - a.cents || a.item.localeCompare(b.item),
    );
  }

  private add(row: Dated, collected: CollectedRow, rowNumber: number, file?: string): void {
    const lines = collected.lines;
    const dated = this.dated.get(row.orderDate || row.statementDate);
    const day = dated.day;
    if (day !== undefined) {
      day.netSales += lines.netSales;
      day.grossSales += lines.grossSales;
      day.settlement += lines.settlement;
    }
    const sample = isSampleOrder(row.quantity, lines, row.sampleType);
    const { unitsSold: units, unitsCosted: costed } = collected;
    if (this.lines.read(row, collected, dated.date)) {
      const group = this.groupFor(row, dated);
      const sku = { skuId: detachedText(row.skuId), sellerSku: detachedText(row.sellerSku) };
      const { quantity } = row;
      const settlement = lines.settlement;
      // Paired with its line, the row adds only the units its refund gave back: on a sample's line, none.
      this.lines.wait(
        row,
        collected,
        (paired) =>
          paired
            ? this.cost(
                sku,
                dated,
                group,
                !!paired.sample,
                0,
                settlement,
                paired.units,
                paired.units,
                paired.date,
              )
            : this.cost(sku, dated, group, sample, quantity, settlement, units, costed, dated.date),
        sample,
      );
      return;
    }
    if (!sample && units === 0 && costed === 0) {
      if (this.cogs && row.quantity === 0 && lines.grossSales > 0 && this.checks(dated)) {
        const seen = this.unitless[row.layout === 'income' ? 'income' : 'cleared'];
        if (seen.count++ === 0) seen.first = `row ${rowNumber}${file ? ` of ${file}` : ''}`;
      }
      return;
    }
    this.cost(
      row,
      dated,
      this.groupFor(row, dated),
      sample,
      row.quantity,
      lines.settlement,
      units,
      costed,
      dated.date,
    );
  }

  /** The group a row's costs go to (when grouped). */
  private groupFor(row: Dated, dated: DatedRows): CostSums | undefined {
    const groupBy = this.groupBy;
    return groupBy === 'month'
      ? (dated.group ||= this.groupOf(dated.month))
      : groupBy
        ? this.groupOf(groupKey(row, groupBy))
        : undefined;
  }

  /**
   * Adds a row's costs: a sample's `quantity` (and its `settlement`; a later row on its line has
   * quantity 0), or the `units` sold and the `costed` units at the unit cost of `costDate`; nothing
   * for a row that sold no units.
   */
  private cost(
    row: Pick<GroupedFields, 'skuId' | 'sellerSku'>,
    dated: DatedRows,
    group: CostSums | undefined,
    sample: boolean,
    quantity: number,
    settlement: number,
    units: number,
    costed: number,
    costDate: string,
  ): void {
    if (!sample && units === 0 && costed === 0) return;
    const entry = this.cogs ? costEntryOn(this.cogs, row, costDate) : undefined;
    const sku = row.skuId || row.sellerSku || NO_SKU;
    if (this.cogs && entry === undefined && this.checks(dated)) this.skusWithoutCost.add(detachedText(sku));
    // Ten-thousandths of a dollar, exact: rounded once per figure shown, never per row.
    const cost = entry ? (sample ? quantity : costed) * entry.unitCost : 0;
    addCosts(this.sums, sample, quantity, settlement, units, cost);
    if (group) addCosts(group, sample, quantity, settlement, units, cost);
    if (dated.month === this.detailMonth) {
      if (sample) {
        if (quantity) this.detail('Samples', sku, entry, quantity);
        this.detail('Sample shipping', sku, undefined, null, 0 - settlement);
      } else this.detail('COGS', sku, entry, costed);
    }
  }

  private detail(
    kind: CostDetailLine['kind'],
    sku: string,
    entry: CogsEntry | undefined,
    units: number | null,
    cents = 0,
  ): void {
    // The row a unit cost was read from names it: a line is one SKU at one unit cost.
    const { unitCost = null, where = 'the sample orders’ settlement' } = entry || {};
    const key = `${kind}|${sku}|${where}`;
    let line = this.details.get(key);
    if (!line) {
      line = {
        kind,
        item: detachedText(sku),
        units: units === null ? null : 0,
        unitCost,
        cents: 0,
        basis: where,
      };
      this.details.set(detachedText(key), line);
    }
    if (units !== null && line.units !== null) line.units += units;
    line.cents += cents;
  }

  /**
   * Whether a row's cost must be known: one month's detail needs its month's only (a unit cost,
   * a quantity), as another month's unknown cost changes none of its figures.
   */
  private checks(dated: DatedRows): boolean {
    return !this.detailMonth || dated.month === this.detailMonth;
  }

  /** What a row date gives the tally: its day and month, cut once per date. */
  private datedOf(raw: string): DatedRows {
    const date = calendarDate(raw);
    let day: MetricSums | undefined;
    if (date) {
      day = this.daily.get(date);
      if (!day) this.daily.set(detachedText(date), (day = { netSales: 0, grossSales: 0, settlement: 0 }));
      const month = date.slice(0, 7);
      if (!this.months.has(month)) this.months.add(detachedText(month));
    }
    return { date, day, month: rowMonth({ orderDate: raw, statementDate: '' }), group: undefined };
  }

  private groupOf(key: string): CostSums {
    let sums = this.groups.get(key);
    if (!sums) this.groups.set(detachedText(key), (sums = emptyCostSums()));
    return sums;
  }
}

/** Adds a row's costs: a sample's units, cost and settlement, or a sale's units and COGS. */
function addCosts(
  sums: CostSums,
  sample: boolean,
  quantity: number,
  settlement: number,
  units: number,
  cost: number,
): void {
  if (sample) {
    if (quantity) sums.sampleOrders++;
    sums.sampleUnits += quantity;
    sums.sampleProduct += cost;
    sums.sampleSettlement += settlement;
  } else {
    sums.units += units;
    sums.cogs += cost;
  }
}

/** One line of the P&L with every cost: TikTok's lines, then the seller's costs, in cents. */
export interface ProfitLine {
  lines: PnlLines;
  /** Null when no unit costs were given. */
  cogs: number | null;
  grossProfit: number;
  samples: number;
  /**
   * What the sample orders cost in the settlement (their seller-paid shipping, negative cents): in
   * the Settlement column and in Samples, so Gross profit leaves it out of the settlement.
   */
  sampleSettlement: number;
  /** Null where running costs do not apply (a SKU's line) or none were given. */
  runningCosts: number | null;
  /** Null where ad spend does not apply (a SKU's line). */
  adSpend: number | null;
  netProfit: number;
  /** Net profit ÷ net sales, or null without net sales. */
  netMargin: number | null;
  units: number;
  /** (Gross profit) ÷ units sold, cents per unit: what a unit leaves after fees, shipping and its cost. */
  contributionPerUnit: number | null;
}

/** Combines TikTok's lines of a group with its costs. */
export function profitLine(
  lines: PnlLines,
  sums: CostSums,
  hasCogs: boolean,
  runningCosts: number | null,
  adSpend: number | null,
): ProfitLine {
  const cogsCents = lineCostCents(1, sums.cogs);
  const cogs = hasCogs ? cogsCents : null;
  const grossProfit = lines.settlement - sums.sampleSettlement - cogsCents;
  const samples = lineCostCents(1, sums.sampleProduct) - sums.sampleSettlement;
  const netProfit = grossProfit - samples - (runningCosts || 0) - (adSpend || 0);
  return {
    lines,
    cogs,
    grossProfit,
    samples,
    sampleSettlement: sums.sampleSettlement,
    runningCosts,
    adSpend,
    netProfit,
    netMargin: lines.netSales === 0 ? null : netProfit / lines.netSales,
    units: sums.units,
    contributionPerUnit: hasCogs && sums.units > 0 ? Math.round(grossProfit / sums.units) : null,
  };
}

/** The running costs and ad spend of whole months. */
export interface MonthCosts {
  running: number;
  ads: number;
  lines: RunningCostLine[];
}

/**
 * Running costs (whole months, each its exact share of days) and ad spend of the given months of
 * the `tally`'s rows; a cost with a blank *Starts* from their first month of data (book-months.ts).
 */
export function monthCosts(
  months: readonly string[],
  costs: readonly RunningCost[],
  tally: Pick<CostTally, 'daily' | 'months'>,
  adSpend: AdSpendByMonth,
): MonthCosts {
  const lines: RunningCostLine[] = [];
  let running = 0;
  const opens = dataStart(tally.months, adSpend);
  for (const month of months) {
    for (const line of runningCostLines(costs, `${month}-01`, monthEnd(month), tally.daily, opens)) {
      running += line.cents;
      lines.push(line);
    }
  }
  return { running, ads: adSpendOf(adSpend, months), lines };
}

/** What a P&L table adds to TikTok's lines. */
export interface ProfitOptions {
  groupBy: PnlGroupBy;
  /** Unit costs given: COGS is a number (else blank, and gross profit is the settlement). */
  hasCogs: boolean;
  /** Running costs given (else the column is blank). */
  costs: readonly RunningCost[] | null;
  adSpend: AdSpendByMonth;
  /** The rows are the books (the TTS Ledger tab), not an export's range: see {@link profitMonths}. */
  books: boolean;
}

export interface ProfitGroup {
  group: string;
  line: ProfitLine;
}

/**
 * The months of the P&L's running costs and ad spend: the books' months on the TTS Ledger tab, as
 * on the dashboard (book-months.ts); on an export's range the months of its rows only, as a tab
 * holding May's statement is May's profit, not the year's software.
 */
export function profitMonths(
  tally: CostTally,
  options: Pick<ProfitOptions, 'costs' | 'adSpend' | 'books'>,
): string[] {
  return options.books
    ? bookMonths(tally.months, options.adSpend, options.costs)
    : bookMonths(tally.months, NO_AD_SPEND, null);
}

/**
 * The P&L's groups with every cost, and its total. Running costs and ad spend cover the books'
 * whole months ({@link profitMonths}): by month, each month carries its own (months without rows
 * included, so a month of software fees and no sales is not lost); grouped otherwise, they appear
 * in the total only, as a cost of a month without sales has no sales to share it by.
 */
export function profitGroups(
  groups: readonly { group: string; lines: PnlLines }[],
  tally: CostTally,
  options: ProfitOptions,
): { groups: ProfitGroup[]; total: ProfitLine } {
  const months = profitMonths(tally, options);
  const byMonth = options.groupBy === 'month';
  const listed = new Map(groups.map((g) => [g.group, g.lines]));
  if (byMonth) for (const month of months) if (!listed.has(month)) listed.set(month, emptyLines());
  const keys = [...listed.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const sumsOf = (key: string): CostSums =>
    (options.groupBy === tally.groupBy && tally.byGroup.get(key)) || emptyCostSums();
  const result = keys.map((group): ProfitGroup => {
    const isMonth = byMonth && group !== '';
    return {
      group,
      line: profitLine(
        listed.get(group)!,
        sumsOf(group),
        options.hasCogs,
        isMonth ? runningCents([group], tally, options) : null,
        isMonth ? adSpendOf(options.adSpend, [group]) : null,
      ),
    };
  });
  const totalLines = emptyLines();
  for (const lines of listed.values())
    for (const key of Object.keys(totalLines) as (keyof PnlLines)[]) totalLines[key] += lines[key];
  const total = profitTotal(totalLines, tally, options);
  // By SKU the Total's contribution per unit is the SKUs' own, as in their rows: the rows without
  // a SKU (a GMV Pay transfer, a shop adjustment) are no unit's and stay in the Total's profit only.
  if (options.groupBy === 'sku' && total.contributionPerUnit !== null) {
    let cents = 0;
    for (const g of result) if (g.group !== NO_SKU) cents += g.line.grossProfit;
    total.contributionPerUnit = Math.round(cents / total.units);
  }
  return { groups: result, total };
}

/** The line of all rows: their P&L `lines` with every cost, running costs and ad spend over all their months. */
export function profitTotal(
  lines: PnlLines,
  tally: CostTally,
  options: Omit<ProfitOptions, 'groupBy'>,
): ProfitLine {
  const months = profitMonths(tally, options);
  return profitLine(
    lines,
    tally.total,
    options.hasCogs,
    runningCents(months, tally, options),
    adSpendOf(options.adSpend, months),
  );
}

/** The running costs of whole months, or null when none were given. */
function runningCents(
  months: readonly string[],
  tally: CostTally,
  options: Pick<ProfitOptions, 'costs' | 'adSpend'>,
): number | null {
  return options.costs === null ? null : monthCosts(months, options.costs, tally, options.adSpend).running;
}
