import { formatCents, parseCentsOrNaN, moneyProblem } from '../../core/money';
import {
  buildCogsTable,
  emptyLines,
  PnlGroupings,
  type CogsTable,
  type PnlGroupBy,
} from '../../core/analysis/pnl';
import {
  CostTally,
  emptyCostSums,
  monthCosts,
  profitLine,
  profitMonths,
  profitGroups,
  profitTotal,
  type ProfitGroup,
  type ProfitLine,
} from '../../core/analysis/profit';
import { adRatios, adSumsByMonth, adSumsOf, type AdMonthSums } from '../../core/analysis/ads-pnl';
import type { AdRow, ParsedAds } from '../../core/read/ad-rows';
import { skippedRowsText, withLine } from '../../core/ledger/keyless-rows';
import { ADS_TAB } from '../../core/ledger/ads-format';
import { readRunningCosts, totalsSkippedText, type RunningCost } from '../../core/analysis/running-costs';
import { NO_AD_SPEND, NO_ADS_NOTE, type AdSpendByMonth } from '../../core/analysis/ad-spend';
import { adSpendByMonth, StatementAdTally } from '../../core/analysis/ads-profit';
import { readAds } from './ads';
import { COGS_COLUMNS } from '../../core/analysis/cogs';
import { unitCostToDollars } from '../../core/analysis/unit-cost';
import { dateTextConverter } from '../sheets/sheet-dates';
import type { CellValue, ParsedExport } from '../../core/types';
import {
  asGrid,
  centsToCell,
  describe,
  isOmitted,
  monthArg,
  PASS_UNIT_COSTS,
  scalarOf,
  type Grid,
} from './arguments';
import { isDateCell } from '../../core/date-cell';
import {
  readStatement,
  refuseRoundedIds,
  requireMonthInRange,
  ROW_DATES,
  ROW_KIND,
  tableOf,
} from './statement-input';
import type { RowField } from '../../core/read/row-fields';
import { NEEDS } from '../../core/read/needed-columns';

type Arg = unknown;

/** What costs a row: its dates, its SKU (matched with unit costs) and whether it is a sample. */
const COST_FIELDS: readonly RowField[] = [
  ...ROW_KIND,
  ...ROW_DATES,
  'skuId',
  'sellerSku',
  'sampleType',
  'layout',
];

/**
 * Net profit: total settlement minus cost of goods sold, samples, running costs and your other costs.
 * Not with NOW(), TODAY() or RAND().
 *
 * @param {Array<Array<string|number|Date>>} statement The export or the TTS Ledger tab, header included (e.g. Statement!A:BL).
 * @param {Array<Array<string|number|Date>>} [cogs] Unit costs: the TTS COGS tab, or SKU, unit cost, optional effective-from date.
 * @param {number[][]} [other_costs] Any range of other costs in dollars, all typed with one sign.
 * @param {Array<Array<string|number|Date>>} [costs] Running costs: the TTS Costs tab.
 * @param {Array<Array<string|number|Date>>} [ads] Ad spend: the TTS Ads tab or an Ads Manager / GMV Max report.
 * @return {number} Net profit in dollars.
 * @customfunction
 */
export function TTS_NET_PROFIT(
  statement: Arg,
  cogs?: Arg,
  other_costs?: Arg,
  costs?: Arg,
  ads?: Arg,
): number {
  const other = isOmitted(other_costs) ? 0 : otherCostsCents(other_costs);
  const { total } = profitOf(statement, cogs, null, costs, ads, 'TTS_NET_PROFIT');
  return centsToCell(total.netProfit - other);
}

const GROUP_LABELS: Record<PnlGroupBy, string> = {
  month: 'Month',
  sku: 'SKU',
  statement: 'Statement',
  type: 'Type',
};
/** Label of the group of rows that have no value to group by. */
const BLANK_GROUP_LABELS: Record<PnlGroupBy, string> = {
  month: '(no date)',
  sku: '(no SKU)',
  statement: '(no statement)',
  type: '(no type)',
};

/** TTS_PNL's columns after the group's. */
export const PNL_COLUMNS = [
  'Gross sales',
  'Seller discounts',
  'Refunds',
  'Net sales',
  'Shipping',
  'Fees',
  'Adjustments',
  'Settlement',
  'COGS',
  'Gross profit',
  'Samples',
  'Running costs',
  'Ad spend',
  'Net profit',
  'Net margin',
] as const;
/** Added when grouped by SKU. */
const SKU_COLUMNS = ['Units sold', 'Contribution per unit'] as const;
/** Added (last) when ad reports are given; Net profit is then labelled as after ads. */
const AD_COLUMNS = [
  'Ad spend (ad reports)',
  'Attributed revenue',
  'TACoS',
  'Blended ROAS',
  'Attributed ROAS',
] as const;
/** A ratio with nothing to divide by (no ad spend, no sales). */
const NO_RATIO = '—';

/**
 * Profit and loss table grouped by month, SKU, statement or type, with every cost.
 * Not with NOW(), TODAY() or RAND().
 *
 * @param {Array<Array<string|number|Date>>} statement The export or the TTS Ledger tab, header included (e.g. Statement!A:BL).
 * @param {Array<Array<string|number|Date>>} [cogs] Unit costs: the TTS COGS tab, or SKU, unit cost,
 * optional effective-from date. Without it COGS is blank.
 * @param {string} [group_by] "month" (default), "sku", "statement" or "type".
 * @param {Array<Array<string|number|Date>>} [costs] Running costs: the TTS Costs tab (by month, else in Total).
 * @param {Array<Array<string|number|Date>>} [ads] Ad spend: the TTS Ads tab or an Ads Manager / GMV Max report;
 * adds spend, revenue, TACoS and ROAS.
 * @return {Array<Array<string|number>>} One row per group, then Total: Gross sales … Settlement, COGS, Gross
 * profit, Samples, Running costs, Ad spend, Net profit, Net margin (by SKU also units and contribution per
 * unit; with ads also the reports' spend, revenue, TACoS and ROAS).
 * @customfunction
 */
export function TTS_PNL(
  statement: Arg,
  cogs?: Arg,
  group_by?: Arg,
  costs?: Arg,
  ads?: Arg,
): (string | number)[][] {
  const groupBy = groupByOf(group_by);
  const { groups, total, layout, parsed, adRows, skipped, months } = profitOf(
    statement,
    cogs,
    groupBy,
    costs,
    ads,
  );
  const adMonths = adRows && adSumsByMonth(adRows);
  const money = (cents: number | null) => (cents === null ? '' : centsToCell(cents));
  // An order export holds sales only: the cells after Net sales stay blank, never 0.
  const salesOnly = layout === 'order-export';
  const line = (label: string, p: ProfitLine, adMonthsOf: readonly string[]): (string | number)[] => {
    const l = p.lines;
    const cells: (string | number)[] = [
      label,
      money(l.grossSales),
      money(l.sellerDiscounts),
      money(l.refunds),
      money(l.netSales),
      money(l.shipping),
      money(l.fees),
      money(l.adjustments),
      money(l.settlement),
      money(p.cogs),
      money(p.grossProfit),
      money(p.samples),
      money(p.runningCosts),
      money(p.adSpend),
      money(p.netProfit),
      p.netMargin === null ? '' : Math.round(p.netMargin * 10_000) / 10_000,
    ];
    if (groupBy === 'sku') cells.push(p.units, money(p.contributionPerUnit));
    if (adMonths) cells.push(...adCells(adMonths, adMonthsOf, l.grossSales));
    return salesOnly ? cells.map((cell, i) => (i > PNL_COLUMNS.indexOf('Net sales') + 1 ? '' : cell)) : cells;
  };
  const columns = adMonths
    ? PNL_COLUMNS.map((c) => (c === 'Net profit' ? 'Net profit (after ads)' : c))
    : PNL_COLUMNS;
  const header = [
    GROUP_LABELS[groupBy],
    ...columns,
    ...(groupBy === 'sku' ? SKU_COLUMNS : []),
    ...(adMonths ? AD_COLUMNS : []),
  ];
  // Ad figures belong to months: by month each month's, otherwise the Total row's only.
  const monthOf = (group: string) => (groupBy === 'month' && group !== '' ? [group] : []);
  const body = groups.map((g) => line(g.group || BLANK_GROUP_LABELS[groupBy], g.line, monthOf(g.group)));
  // Rows of the TTS Ads tab without a Key, and totals rows of the costs, are said under the table.
  const table = withLine(tableOf(parsed, [header, ...body, line('Total', total, months)]), skipped);
  const shipped = total.sampleSettlement;
  return withLine(
    table,
    shipped && !salesOnly
      ? `Samples include ${formatCents(-shipped, { dollarSign: true })} the sample orders cost in the settlement (their shipping), ` +
          'which Settlement holds too: Gross profit is Settlement − COGS without it, so net profit counts it once.'
      : '',
  );
}

/** The ad cells of a P&L line: blank for a group that is not a month, `—` for a ratio with nothing to divide by. */
function adCells(
  byMonth: ReadonlyMap<string, AdMonthSums>,
  months: readonly string[],
  grossSales: number,
): (string | number)[] {
  if (months.length === 0) return AD_COLUMNS.map(() => '');
  const r = adRatios(adSumsOf(byMonth, months), grossSales);
  const ratio = (value: number | null) => (value === null ? NO_RATIO : value);
  return [
    centsToCell(r.spend),
    centsToCell(r.revenue),
    ratio(r.tacos),
    ratio(r.blendedRoas),
    ratio(r.attributedRoas),
  ];
}

/**
 * What made up one month's costs: COGS and samples by SKU, running costs, ad spend, and the total.
 * Not with NOW(), TODAY() or RAND().
 *
 * @param {Array<Array<string|number|Date>>} statement The export or the TTS Ledger tab, header included (e.g. Statement!A:BL).
 * @param {Array<Array<string|number|Date>>} cogs Unit costs: the TTS COGS tab, or SKU, unit cost, optional effective-from date.
 * @param {string|Date} month The month, as "2026-05", "May 2026" or any date in it.
 * @param {Array<Array<string|number|Date>>} [costs] Running costs: the TTS Costs tab.
 * @param {Array<Array<string|number|Date>>} [ads] Ad spend: the TTS Ads tab or an Ads Manager / GMV Max report.
 * @return {Array<Array<string|number>>} Columns: Cost, Item, Units, Unit cost, Amount, Basis; then Total
 *.
 * @customfunction
 */
export function TTS_COST_DETAIL(
  statement: Arg,
  cogs: Arg,
  month: Arg,
  costs?: Arg,
  ads?: Arg,
): (string | number)[][] {
  if (isOmitted(cogs)) throw new Error(`cogs is missing: ${PASS_UNIT_COSTS}`);
  const wanted = monthArg(month, 'month');
  const tally = new CostTally(cogsTableOf(cogs), 'month', wanted);
  const adTally = new StatementAdTally();
  const parsed = readStatement(statement, {
    keepRows: false,
    fields: COST_FIELDS,
    onView: (view) => {
      tally.addView(view);
      adTally.addView(view);
    },
    needs: `${NEEDS.costed} ${NEEDS.month} ${isOmitted(costs) ? '' : `${NEEDS.net} ${NEEDS.gross}`}`,
  });
  refuseRoundedIds(parsed, ['skuId'], 'TTS_COST_DETAIL (unit costs are matched by SKU ID)');
  tally.check();
  const totals: number[] = [];
  const running = isOmitted(costs) ? [] : runningCostsOf(costs, totals);
  const adReport = isOmitted(ads) ? null : readAds(ads);
  const adSpend = adReport ? adSpendByMonth(adReport.rows, adTally.months) : NO_AD_SPEND;
  // A month outside the P&L's months has no running costs, as in TTS_PNL (and with nothing else, is refused below).
  const inBooks = profitMonths(tally, {
    costs: running,
    adSpend,
    books: parsed.layout === 'ledger',
  }).includes(wanted);
  const spent = monthCosts(inBooks ? [wanted] : [], running, tally, adSpend);
  const rows: (string | number)[][] = [['Cost', 'Item', 'Units', 'Unit cost', 'Amount', 'Basis']];
  // The month's COGS and samples as TTS_PNL shows them: each rounded to the cent once, not line by line.
  const goods = profitLine(emptyLines(), tally.byGroup.get(wanted) || emptyCostSums(), true, null, null);
  let total = goods.cogs! + goods.samples;
  for (const d of tally.detailLines()) {
    rows.push([
      d.kind,
      d.item,
      d.units ?? '',
      d.unitCost === null ? '' : unitCostToDollars(d.unitCost),
      centsToCell(d.cents),
      d.basis,
    ]);
  }
  for (const r of spent.lines) {
    rows.push(['Running cost', r.cost.name, '', '', centsToCell(r.cents), `${r.basis} (${r.cost.where})`]);
    total += r.cents;
  }
  rows.push(['Ad spend', '', '', '', centsToCell(spent.ads), isOmitted(ads) ? NO_ADS_NOTE : AD_SPEND_BASIS]);
  total += spent.ads;
  // Nothing in a month the rows do not reach: the month, not the costs, is wrong.
  if (total === 0) requireMonthInRange(parsed, wanted);
  rows.push(['Total', wanted, '', '', centsToCell(total), '']);
  return withLine(tableOf(parsed, rows), skippedText(adReport, totals));
}

const AD_SPEND_BASIS =
  'Ad reports: spend not already in the settlement (GMV Max ad fees), less GMV Pay transfers of the months they cover (moved to the ad balance, not spend)';

/**
 * Reads the statement once with every cost: TikTok's lines per group and the costs beside them
 * (`groupBy` null: the total line only, no group kept).
 */
function profitOf(
  statement: Arg,
  cogs: Arg,
  groupBy: PnlGroupBy | null,
  costs: Arg,
  ads: Arg,
  settlementFor?: string,
): {
  groups: ProfitGroup[];
  total: ProfitLine;
  layout: string;
  parsed: ParsedExport;
  adRows: AdRow[] | null;
  /** The line saying which rows of the TTS Ads and TTS Costs ranges were skipped, or ''. */
  skipped: string;
  months: string[];
} {
  const table = isOmitted(cogs) ? undefined : cogsTableOf(cogs);
  const totals: number[] = [];
  const running = isOmitted(costs) ? null : runningCostsOf(costs, totals);
  const tally = new CostTally(table, groupBy ?? undefined);
  const adTally = new StatementAdTally();
  // P&L lines per group, added as rows stream past: no row object is built or kept.
  const groupings = groupBy === null ? undefined : new PnlGroupings([groupBy]);
  const parsed = readStatement(statement, {
    keepRows: false,
    fields: groupBy === 'statement' ? [...COST_FIELDS, 'statementId'] : COST_FIELDS,
    groupings,
    // Running costs take a share of the sales of the months the rows are in.
    needs: `${groupBy === null ? '' : NEEDS.pnl} ${table ? NEEDS.costed : ''} ${running ? `${NEEDS.net} ${NEEDS.gross} ${NEEDS.month}` : ''}`,
    onView: (view) => {
      tally.addView(view);
      adTally.addView(view);
    },
    settlementFor,
  });
  // Rounded SKU IDs do not change a sum, but they would group and cost the wrong SKUs.
  const fn = settlementFor ?? 'TTS_PNL';
  if (groupBy === 'sku' && settlementFor === undefined)
    refuseRoundedIds(parsed, ['skuId'], 'TTS_PNL by "sku"');
  if (table !== undefined)
    refuseRoundedIds(parsed, ['skuId'], `${fn} with cogs (unit costs are matched by SKU ID)`);
  tally.check();
  const adReport = isOmitted(ads) ? null : readAds(ads);
  const adRows = adReport && adReport.rows;
  const adSpend: AdSpendByMonth = adRows ? adSpendByMonth(adRows, adTally.months) : NO_AD_SPEND;
  const options = {
    hasCogs: table !== undefined,
    costs: running,
    adSpend,
    books: parsed.layout === 'ledger',
  };
  const result = groupings
    ? profitGroups(groupings.result(), tally, { ...options, groupBy: groupings.groupBys[0] })
    : { groups: [], total: profitTotal({ ...emptyLines(), ...parsed.totals }, tally, options) };
  return {
    ...result,
    layout: parsed.layout,
    parsed,
    adRows,
    skipped: skippedText(adReport, totals),
    months: profitMonths(tally, options),
  };
}

/**
 * `2 rows of the TTS Ads tab without a Key … were skipped.` and `Skipped as a total: costs row 4.`,
 * or '' (none skipped).
 */
const skippedText = (report: ParsedAds | null, totals: readonly number[]) =>
  [report ? skippedRowsText(report.keylessRows, ADS_TAB) : '', totalsSkippedText(totals, 'costs')]
    .filter(Boolean)
    .join(' ');

/** Date cells as ISO text in the spreadsheet's zone (how Sheets meant them), before the core reads them. */
export function datesAsText(grid: Grid): Grid {
  const toText = dateTextConverter();
  return grid.map((row) => row.map((cell) => (isDateCell(cell) ? toText(cell) : cell)));
}

function runningCostsOf(costs: Arg, totals: number[]): RunningCost[] {
  return readRunningCosts(datesAsText(asGrid(costs, 'costs')), 'costs', totals);
}

function groupByOf(value: Arg): PnlGroupBy {
  if (isOmitted(value)) return 'month';
  const text = String(scalarOf(value, 'group_by')).trim().toLowerCase();
  if (text === 'month' || text === 'sku' || text === 'statement' || text === 'type') return text;
  throw new Error(
    `group_by must be "month", "sku", "statement" or "type", found ${describe(scalarOf(value, 'group_by'))}.`,
  );
}

/** The `cogs` argument's unit costs (see cogs.ts). */
export function cogsTableOf(cogs: Arg): CogsTable {
  const grid = asGrid(cogs, 'cogs');
  if (grid[0] && grid[0].length < 2) {
    throw new Error(`cogs must have at least two columns: ${COGS_COLUMNS}, e.g. COGS!A:C.`);
  }
  return buildCogsTable(datesAsText(grid), 'cogs');
}

/**
 * Other costs as positive cents: a seller may type ad spend as 500 or, as TikTok writes costs, as -500.
 * A range with both signs is refused: a credit among costs cannot be told from a cost.
 */
function otherCostsCents(value: Arg): number {
  const grid = Array.isArray(value) ? (value as CellValue[][]) : [[value as CellValue]];
  let cents = 0;
  grid.forEach((row, r) =>
    (Array.isArray(row) ? row : [row]).forEach((cell, c) => {
      if (cell === '' || cell === null || cell === undefined) return;
      const parsed = parseCentsOrNaN(cell);
      const where = `other_costs, row ${r + 1}, column ${c + 1}`;
      if (Number.isNaN(parsed)) throw new Error(`${where}: ${moneyProblem(cell)}`);
      if (parsed * cents < 0)
        throw new Error(
          `${where}: ${describe(cell)} has the other sign of the costs before it: type all costs ` +
            'with one sign, and take a credit off the cost it reduces.',
        );
      cents += parsed;
    }),
  );
  return Math.abs(cents);
}
