import { parseCentsOrNaN, moneyProblem } from '../../core/money';
import { buildCogsTable, groupKey, netProfit, PnlAccumulator, unitCostOn, unitsSold, type CogsTable, type PnlGroupBy } from '../../core/pnl';
import type { CellValue, LedgerRow } from '../../core/types';
import { asGrid, centsToCell, describe, isOmitted, scalarOf } from './arguments';
import { readStatement } from './statement-input';

type Arg = unknown;

/**
 * Net profit: total settlement minus cost of goods sold minus your other costs.
 *
 * @param {Array<Array<string|number|Date>>} statement The export as it sits in a sheet, header included (e.g. Statement!A:CZ).
 * @param {Array<Array<string|number|Date>>} [cogs] Unit costs: columns SKU (SKU ID or seller SKU), unit cost, optional effective-from date; a header row is skipped.
 * @param {number[][]} [other_costs] Any range of other costs in dollars (ad spend, samples, software), counted as costs.
 * @return {number} Net profit in dollars.
 * @customfunction
 */
export function TTS_NET_PROFIT(statement: Arg, cogs?: Arg, other_costs?: Arg): number {
  const rows = readStatement(statement).rows;
  const table = isOmitted(cogs) ? { bySku: new Map() } : cogsTableOf(cogs);
  const costs = isOmitted(other_costs) ? 0 : otherCostsCents(other_costs);
  if (isOmitted(cogs)) return centsToCell(netProfit(rows, table, costs).settlement - costs);
  return centsToCell(netProfit(rows, table, costs).netProfit);
}

const GROUP_LABELS: Record<PnlGroupBy, string> = { month: 'Month', sku: 'SKU', statement: 'Statement', type: 'Type' };

/**
 * Profit and loss table grouped by month, SKU, statement or type.
 *
 * @param {Array<Array<string|number|Date>>} statement The export as it sits in a sheet, header included (e.g. Statement!A:CZ).
 * @param {Array<Array<string|number|Date>>} [cogs] Unit costs: SKU, unit cost, optional effective-from date. Without it COGS is blank and Net profit equals Settlement.
 * @param {string} [group_by] "month" (default), "sku", "statement" or "type".
 * @return {Array<Array<string|number>>} Columns: group, Gross sales, Seller discounts, Refunds, Net sales, Shipping, Fees, Adjustments, Settlement, COGS, Net profit, Margin; last row Total.
 * @customfunction
 */
export function TTS_PNL(statement: Arg, cogs?: Arg, group_by?: Arg): (string | number)[][] {
  const groupBy = groupByOf(group_by);
  const rows = readStatement(statement).rows;
  const table = isOmitted(cogs) ? undefined : cogsTableOf(cogs);
  if (table) netProfit(rows, table); // throws naming the sold SKUs that have no unit cost
  const groups = new PnlAccumulator(groupBy);
  const total = new PnlAccumulator('type');
  const cogsByGroup = new Map<string, number>();
  let cogsTotal = 0;
  for (const row of rows) {
    groups.add(row);
    total.add({ ...row, type: 'Total' });
    if (table) {
      const cost = rowCogs(table, row);
      const key = groupKey(row, groupBy);
      cogsByGroup.set(key, (cogsByGroup.get(key) ?? 0) + cost);
      cogsTotal += cost;
    }
  }
  const line = (label: string, lines: ReturnType<PnlAccumulator['result']>[number]['lines'], cogsCents: number | undefined) => {
    const profit = lines.settlement - (cogsCents ?? 0);
    return [
      label || '(no date)', centsToCell(lines.grossSales), centsToCell(lines.sellerDiscounts), centsToCell(lines.refunds),
      centsToCell(lines.netSales), centsToCell(lines.shipping), centsToCell(lines.fees), centsToCell(lines.adjustments),
      centsToCell(lines.settlement), cogsCents === undefined ? '' : centsToCell(cogsCents), centsToCell(profit),
      lines.netSales === 0 ? '' : Math.round((profit / lines.netSales) * 10_000) / 10_000,
    ];
  };
  const header = [GROUP_LABELS[groupBy], 'Gross sales', 'Seller discounts', 'Refunds', 'Net sales', 'Shipping', 'Fees', 'Adjustments', 'Settlement', 'COGS', 'Net profit', 'Margin'];
  const body = groups.result().map((g) => line(g.group, g.lines, table ? cogsByGroup.get(g.group) ?? 0 : undefined));
  const totals = total.result()[0];
  return [header, ...body, line('Total', totals ? totals.lines : emptyTotals(), table ? cogsTotal : undefined)];
}

function emptyTotals() {
  return { grossSales: 0, sellerDiscounts: 0, refunds: 0, netSales: 0, shipping: 0, fees: 0, adjustments: 0, settlement: 0, taxPassthrough: 0 };
}

function rowCogs(table: CogsTable, row: LedgerRow): number {
  const units = unitsSold(row);
  if (units === 0) return 0;
  return units * (unitCostOn(table, row) ?? 0);
}

function groupByOf(value: Arg): PnlGroupBy {
  if (isOmitted(value)) return 'month';
  const text = String(scalarOf(value, 'group_by')).trim().toLowerCase();
  if (text === 'month' || text === 'sku' || text === 'statement' || text === 'type') return text;
  throw new Error(`group_by must be "month", "sku", "statement" or "type", found ${describe(scalarOf(value, 'group_by'))}.`);
}

function cogsTableOf(cogs: Arg): CogsTable {
  const grid = asGrid(cogs, 'cogs');
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

