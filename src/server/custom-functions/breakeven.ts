import { roasOf } from '../../core/analysis/breakeven';
import { SkuBreakevenTally, type SkuBreakeven } from '../../core/analysis/breakeven-by-sku';
import { firstDayOfMonth, lastDayOfMonth } from '../../core/analysis/calendar';
import { unitCostToDollars } from '../../core/analysis/unit-cost';
import { parseCentsOrNaN } from '../../core/money';
import { asNumber, asRate, dayRange, isOmitted, PASS_UNIT_COSTS } from './arguments';
import { cogsTableOf } from './profit';
import { readStatement, refuseRoundedIds, requireSettlement } from './statement-input';
import { NEEDS } from '../../core/read/needed-columns';

type Arg = unknown;

/** The table by SKU's columns. */
export const BREAKEVEN_SKU_COLUMNS = [
  'SKU',
  'Product',
  'Units sold',
  'Average price',
  'Fee rate',
  'Fees per unit',
  'Shipping per unit',
  'Unit cost',
  'Contribution per unit',
  'Break-even ROAS',
] as const;

/**
 * The ROAS below which an ad-driven sale loses money: price ÷ (price × (1 − fee_rate − affiliate_rate) − unit_cost − other_cost).
 * Given a statement and the TTS COGS tab, a table by SKU from your own settlements.
 * Not with NOW(), TODAY() or RAND().
 *
 * @param {number|number[][]} price Price per unit in dollars (a cell or a column); or a statement, for the table by SKU.
 * @param {number|number[][]} unit_cost Cost per unit in dollars; with a statement, the TTS COGS tab.
 * @param {number|number[][]} fee_rate Fee rate, 0.06 or 6%; with a statement, the first day counted.
 * @param {number|number[][]} [affiliate_rate] Creator commission rate (default 0); with a statement, the last day counted.
 * @param {number|number[][]} [other_cost] Other cost per sale in dollars (default 0); not used with a statement.
 * @return {number|Array<Array<string|number>>} Break-even ROAS (2.5: each ad dollar must bring $2.50 of
 * sales), one per row for ranges (blank for a blank row; why, for a row that loses money before ads or
 * has a cell it cannot read);
 * with a statement, the table by SKU.
 * @customfunction
 */
export function TTS_BREAKEVEN_ROAS(
  price: Arg,
  unit_cost: Arg,
  fee_rate: Arg,
  affiliate_rate?: Arg,
  other_cost?: Arg,
): number | (string | number)[][] {
  if (isStatementRange(price)) return breakevenBySku(price, unit_cost, fee_rate, affiliate_rate, other_cost);
  const args = [price, unit_cost, fee_rate, affiliate_rate, other_cost];
  const rangeArgs = args.filter(
    (a) => Array.isArray(a) && (a.length > 1 || (Array.isArray(a[0]) && a[0].length > 1)),
  ) as unknown[][][];
  if (rangeArgs.length === 0) {
    const [p, u, f, a, o] = args.map((cell, i) => READERS[i](cell));
    return roasOf(p, u, f, a, o);
  }
  const rows = rangeArgs[0].length;
  const cols = Array.isArray(rangeArgs[0][0]) ? rangeArgs[0][0].length : 1;
  for (const range of rangeArgs) {
    const rangeCols = Array.isArray(range[0]) ? range[0].length : 1;
    if (range.length !== rows || rangeCols !== cols) {
      throw new Error(
        `Ranges must have the same shape: found ${rows}×${cols} and ${range.length}×${rangeCols}. Pass single cells or ranges of equal size.`,
      );
    }
  }
  const ranges = args.map((a) => (rangeArgs.includes(a as unknown[][]) ? (a as unknown[][]) : null));
  return roasByRow(ranges, readSingles(args, ranges), rows, cols);
}

/** The five arguments' readers, in order: each turns a cell into the number the formula uses, or throws why not. */
const READERS: readonly ((cell: unknown) => number)[] = [
  (cell) => asNumber(cell, 'price'),
  (cell) => asNumber(cell, 'unit_cost'),
  (cell) => asRate(cell, 'fee_rate'),
  (cell) => (isOmitted(cell) ? 0 : asRate(cell, 'affiliate_rate')),
  (cell) => (isOmitted(cell) ? 0 : asNumber(cell, 'other_cost')),
];
const RATE_ARGUMENTS = 0b01100;

/** The single-value arguments, each read once: its number, or why it cannot be read. */
interface Singles {
  values: number[];
  errors: (Error | null)[];
}

function readSingles(args: readonly unknown[], ranges: readonly (unknown[][] | null)[]): Singles {
  const singles: Singles = { values: [0, 0, 0, 0, 0], errors: [null, null, null, null, null] };
  for (let i = 0; i < 5; i++) {
    if (ranges[i] !== null) continue;
    try {
      singles.values[i] = READERS[i](args[i]);
    } catch (error) {
      singles.errors[i] = error as Error;
    }
  }
  return singles;
}

/**
 * One ROAS per cell of the ranges (`ranges[i]` null where argument i is a single value). Single
 * values are read once; one that cannot be read fails each row, as it would if read there.
 * Numbers go from cell to answer unboxed: nothing is made per row but the row's array.
 */
function roasByRow(
  ranges: readonly (unknown[][] | null)[],
  singles: Singles,
  rows: number,
  cols: number,
): (number | string)[][] {
  // The answer grows by push and a column's rows are literals: an answer array made at its full size
  // is too big for the young generation, and every young row stored in it is then remembered by the
  // collector, which made a column of 50,000 answers several times slower.
  const result: (number | string)[][] = [];
  for (let r = 0; r < rows; r++) {
    if (cols === 1) {
      result.push([roasAt(ranges, singles, r, 0)]);
      continue;
    }
    const out: (number | string)[] = [];
    for (let c = 0; c < cols; c++) out.push(roasAt(ranges, singles, r, c));
    result.push(out);
  }
  return result;
}

function roasAt(
  ranges: readonly (unknown[][] | null)[],
  singles: Singles,
  r: number,
  c: number,
): number | string {
  try {
    return roasOf(
      argumentAt(0, ranges, singles, r, c),
      argumentAt(1, ranges, singles, r, c),
      argumentAt(2, ranges, singles, r, c),
      argumentAt(3, ranges, singles, r, c),
      argumentAt(4, ranges, singles, r, c),
    );
  } catch (error) {
    // A column formula answers row by row: a blank row stays blank; a row that cannot break even, or
    // has a cell that cannot be read (a price still "TBD"), says why on its own row, and the others answer.
    if (ranges.every((range) => range === null || isOmitted(range[r][c]))) return '';
    return (error as Error).message;
  }
}

/** Argument i at row r, column c: a finite number cell as it stands (below 1 for a rate), else what its reader makes of it. */
function argumentAt(
  i: number,
  ranges: readonly (unknown[][] | null)[],
  singles: Singles,
  r: number,
  c: number,
): number {
  const range = ranges[i];
  if (range === null) {
    const error = singles.errors[i];
    if (error !== null) throw error;
    return singles.values[i];
  }
  const cell = range[r][c];
  if (typeof cell === 'number' && Number.isFinite(cell) && (cell < 1 || ((RATE_ARGUMENTS >> i) & 1) === 0))
    return cell;
  return READERS[i](cell);
}

/** A range with a header row of text (three columns or more) is a statement, not a column of prices. */
function isStatementRange(value: Arg): boolean {
  if (!Array.isArray(value) || value.length < 2) return false;
  const rows = Math.min(value.length, 30);
  for (let r = 0; r < rows; r++) {
    const row = value[r] as unknown[];
    if (!Array.isArray(row) || row.length < 3) return false;
    for (const cell of row)
      if (
        typeof cell === 'string' &&
        cell.trim() !== '' &&
        Number.isNaN(parseCentsOrNaN(cell)) &&
        !/%\s*$/.test(cell)
      )
        return true;
  }
  return false;
}

function breakevenBySku(statement: Arg, cogs: Arg, start: Arg, end: Arg, extra: Arg): (string | number)[][] {
  if (isOmitted(cogs)) throw new Error(`unit_cost is missing: with a statement, ${PASS_UNIT_COSTS}`);
  if (!isOmitted(extra))
    throw new Error(
      'With a statement the arguments are statement, cogs, start and end: other_cost is not used (fees and shipping come from your settlements).',
    );
  const [from, to] = dayRange(start, end, firstDayOfMonth, lastDayOfMonth);
  const table = cogsTableOf(cogs);
  const tally = new SkuBreakevenTally(from, to);
  const parsed = readStatement(statement, {
    keepRows: false,
    onView: (view) => tally.addView(view),
    needs: `${NEEDS.pnl} ${NEEDS.costed}`,
  });
  requireSettlement(parsed, 'TTS_BREAKEVEN_ROAS');
  refuseRoundedIds(parsed, ['skuId'], 'TTS_BREAKEVEN_ROAS by SKU');
  const lines = tally.result(table);
  if (lines.length === 0)
    throw new Error(
      `No SKU sold ${from || to ? `between ${from || 'the first day'} and ${to || 'the last day'}` : 'in the statement range'}` +
        `: nothing to work a break-even ROAS ` +
        `from.`,
    );
  return [[...BREAKEVEN_SKU_COLUMNS], ...lines.map(skuRow)];
}

function skuRow(line: SkuBreakeven): (string | number)[] {
  const money = (tenThousandths: number | null) =>
    tenThousandths === null ? '' : unitCostToDollars(tenThousandths);
  return [
    line.sku,
    line.product,
    line.units,
    money(line.price),
    line.feeRate ?? '',
    money(line.feesPerUnit),
    money(line.shippingPerUnit),
    line.unitCost === null ? 'No unit cost' : unitCostToDollars(line.unitCost),
    money(line.contribution),
    line.roas ?? line.note,
  ];
}
