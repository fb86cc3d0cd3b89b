import { parseCentsOrNaN, moneyProblem } from '../../core/money';
import { detachedText } from '../../core/read/detached-text';
import { buildCogsTable, emptyLines, groupKey, missingUnitCostError, NO_SKU, PnlGroupings, unitCostOn, unitsSoldView, type CogsTable, type PnlGroupBy, type PnlLines } from '../../core/analysis/pnl';
import type { RowView } from '../../core/read/row-view';
import type { CellValue } from '../../core/types';
import { lineCostCents } from '../../core/analysis/unit-cost';
import { asGrid, centsToCell, describe, isDateValue, isOmitted, scalarOf } from './arguments';
import { dateTextConverter } from '../sheets/sheet-dates';
import { readStatement } from './statement-input';

type Arg = unknown;

/**
 * Net profit: total settlement minus cost of goods sold minus your other costs.
 * Not with NOW(), TODAY() or RAND() in an argument: Sheets leaves such a cell Loading… forever.
 *
 * @param {Array<Array<string|number|Date>>} statement The export as it sits in a sheet, header included (e.g. Statement!A:CZ).
 * @param {Array<Array<string|number|Date>>} [cogs] Unit costs: columns SKU (SKU ID or seller SKU), unit cost, optional effective-from date; a header row is skipped.
 * @param {number[][]} [other_costs] Any range of other costs in dollars (ad spend, samples, software), counted as costs.
 * @return {number} Net profit in dollars.
 * @customfunction
 */
export function TTS_NET_PROFIT(statement: Arg, cogs?: Arg, other_costs?: Arg): number {
  const costs = isOmitted(other_costs) ? 0 : otherCostsCents(other_costs);
  if (isOmitted(cogs)) return centsToCell(readStatement(statement, { keepRows: false }).totals.settlement - costs);
  const tally = new CogsTally(cogsTableOf(cogs));
  const { totals } = readStatement(statement, { keepRows: false, onView: (view) => tally.add(view) });
  tally.check();
  return centsToCell(totals.settlement - tally.total - costs);
}

const GROUP_LABELS: Record<PnlGroupBy, string> = { month: 'Month', sku: 'SKU', statement: 'Statement', type: 'Type' };
/** Label of the group of rows that have no value to group by. */
const BLANK_GROUP_LABELS: Record<PnlGroupBy, string> = { month: '(no date)', sku: '(no SKU)', statement: '(no statement)', type: '(no type)' };

/**
 * Profit and loss table grouped by month, SKU, statement or type.
 * Not with NOW(), TODAY() or RAND() in an argument: Sheets leaves such a cell Loading… forever.
 *
 * @param {Array<Array<string|number|Date>>} statement The export as it sits in a sheet, header included (e.g. Statement!A:CZ).
 * @param {Array<Array<string|number|Date>>} [cogs] Unit costs: SKU, unit cost, optional effective-from date. Without it COGS is blank and Net profit equals Settlement.
 * @param {string} [group_by] "month" (default), "sku", "statement" or "type".
 * @return {Array<Array<string|number>>} Columns: group, Gross sales, Seller discounts, Refunds, Net sales, Shipping, Fees, Adjustments, Settlement, COGS, Net profit, Margin; last row Total.
 * @customfunction
 */
export function TTS_PNL(statement: Arg, cogs?: Arg, group_by?: Arg): (string | number)[][] {
  const groupBy = groupByOf(group_by);
  const tally = isOmitted(cogs) ? undefined : new CogsTally(cogsTableOf(cogs), groupBy);
  // P&L lines per group, added as rows stream past: no row object is built or kept.
  const groupings = new PnlGroupings([groupBy]);
  readStatement(statement, { keepRows: false, groupings, onView: tally && ((view) => tally.add(view)) });
  tally?.check();
  const line = (label: string, lines: PnlLines, cogsCents: number | undefined) => {
    const profit = lines.settlement - (cogsCents ?? 0);
    return [
      label || BLANK_GROUP_LABELS[groupBy], centsToCell(lines.grossSales), centsToCell(lines.sellerDiscounts), centsToCell(lines.refunds),
      centsToCell(lines.netSales), centsToCell(lines.shipping), centsToCell(lines.fees), centsToCell(lines.adjustments),
      centsToCell(lines.settlement), cogsCents === undefined ? '' : centsToCell(cogsCents), centsToCell(profit),
      lines.netSales === 0 ? '' : Math.round((profit / lines.netSales) * 10_000) / 10_000,
    ];
  };
  const header = [GROUP_LABELS[groupBy], 'Gross sales', 'Seller discounts', 'Refunds', 'Net sales', 'Shipping', 'Fees', 'Adjustments', 'Settlement', 'COGS', 'Net profit', 'Margin'];
  const result = groupings.result();
  const totals = emptyLines();
  for (const g of result) for (const k of Object.keys(totals) as (keyof PnlLines)[]) totals[k] += g.lines[k];
  const body = result.map((g) => line(g.group, g.lines, tally ? tally.byGroup.get(g.group) ?? 0 : undefined));
  return [header, ...body, line('Total', totals, tally?.total)];
}

/**
 * COGS of rows as they stream past (no row is kept): units sold × the unit cost on the order
 * date, in total and per group. The SKUs of sold rows that have no cost are noted for the error.
 */
class CogsTally {
  total = 0;
  readonly byGroup = new Map<string, number>();
  private readonly missing = new Set<string>();

  constructor(private readonly table: CogsTable, private readonly groupBy?: PnlGroupBy) {}

  add(view: RowView): void {
    const units = unitsSoldView(view);
    if (units === 0) return;
    const unitCost = unitCostOn(this.table, view);
    if (unitCost === undefined) {
      // Kept past the row: detached, or the text would pin the piece of the range it came from.
      this.missing.add(detachedText(view.skuId || view.sellerSku || NO_SKU));
      return;
    }
    const cost = lineCostCents(units, unitCost);
    this.total += cost;
    if (this.groupBy) {
      const key = groupKey(view, this.groupBy);
      const sum = this.byGroup.get(key);
      if (sum === undefined) this.byGroup.set(detachedText(key), cost);
      else this.byGroup.set(key, sum + cost);
    }
  }

  /** Throws the core's message naming (up to five of) the sold SKUs that have no unit cost. */
  check(): void {
    if (this.missing.size > 0) throw missingUnitCostError(this.missing);
  }
}

function groupByOf(value: Arg): PnlGroupBy {
  if (isOmitted(value)) return 'month';
  const text = String(scalarOf(value, 'group_by')).trim().toLowerCase();
  if (text === 'month' || text === 'sku' || text === 'statement' || text === 'type') return text;
  throw new Error(`group_by must be "month", "sku", "statement" or "type", found ${describe(scalarOf(value, 'group_by'))}.`);
}

function cogsTableOf(cogs: Arg): CogsTable {
  // Effective-from dates as the cells show them, in the spreadsheet's zone.
  const dateText = dateTextConverter();
  const grid = asGrid(cogs, 'cogs').map((row) => row.map((cell) => (isDateValue(cell) ? dateText(cell) : cell)));
  if (grid[0] && grid[0].length < 2) {
    throw new Error('cogs must have at least two columns: SKU and unit cost (and optionally an effective-from date), e.g. COGS!A:C.');
  }
  return buildCogsTable(grid, 'cogs');
}

/** Other costs as positive cents: a seller may type ad spend as 500 or as -500. */
function otherCostsCents(value: Arg): number {
  const grid = Array.isArray(value) ? (value as CellValue[][]) : [[value as CellValue]];
  let cents = 0;
  grid.forEach((row, r) =>
    (Array.isArray(row) ? row : [row]).forEach((cell, c) => {
      if (cell === '' || cell === null || cell === undefined) return;
      const parsed = parseCentsOrNaN(cell);
      if (Number.isNaN(parsed)) throw new Error(`other_costs, row ${r + 1}, column ${c + 1}: ${moneyProblem(cell)}`);
      cents += Math.abs(parsed);
    }),
  );
  return cents;
}

