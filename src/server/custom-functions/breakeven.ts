import { breakevenRoas } from '../../core/analysis/breakeven';
import { asNumber, asRate, isOmitted } from './arguments';

type Arg = unknown;

/**
 * The ROAS below which an ad-driven sale loses money: price ÷ (price × (1 − fee_rate − affiliate_rate) − unit_cost − other_cost).
 * Not with NOW(), TODAY() or RAND() in an argument: Sheets leaves such a cell Loading… forever.
 *
 * @param {number|number[][]} price Selling price per unit in dollars (a cell or a column of prices).
 * @param {number|number[][]} unit_cost Cost of goods per unit in dollars (same shape as price).
 * @param {number|number[][]} fee_rate TikTok fee rate as a fraction (0.06) or a percent cell (6%).
 * @param {number|number[][]} [affiliate_rate] Creator commission rate, fraction or percent (default 0).
 * @param {number|number[][]} [other_cost] Other cost per sale in dollars: packaging, shipping you pay (default 0).
 * @return {number|number[][]} Break-even ROAS (e.g. 2.5 means each ad dollar must bring $2.50 of sales), one per row for ranges.
 * @customfunction
 */
export function TTS_BREAKEVEN_ROAS(price: Arg, unit_cost: Arg, fee_rate: Arg, affiliate_rate?: Arg, other_cost?: Arg): number | number[][] {
  const args = [price, unit_cost, fee_rate, affiliate_rate, other_cost];
  const rangeArgs = args.filter((a) => Array.isArray(a) && (a.length > 1 || (Array.isArray(a[0]) && a[0].length > 1))) as unknown[][][];
  if (rangeArgs.length === 0) return roasOf(args);
  const rows = rangeArgs[0].length;
  const cols = Array.isArray(rangeArgs[0][0]) ? rangeArgs[0][0].length : 1;
  for (const range of rangeArgs) {
    const rangeCols = Array.isArray(range[0]) ? range[0].length : 1;
    if (range.length !== rows || rangeCols !== cols) {
      throw new Error(`Ranges must have the same shape: found ${rows}×${cols} and ${range.length}×${rangeCols}. Pass single cells or ranges of equal size.`);
    }
  }
  const isRange = args.map((a) => rangeArgs.includes(a as unknown[][]));
  const at: unknown[] = args.slice();
  const result: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const out: number[] = [];
    for (let c = 0; c < cols; c++) {
      for (let i = 0; i < args.length; i++) at[i] = isRange[i] ? (args[i] as unknown[][])[r][c] : args[i];
      out.push(roasOf(at, r + 1));
    }
    result.push(out);
  }
  return result;
}

function roasOf([price, unitCost, feeRate, affiliateRate, otherCost]: unknown[], row?: number): number {
  try {
    return breakevenRoas({
      price: asNumber(price, 'price'),
      unitCost: asNumber(unitCost, 'unit_cost'),
      feeRate: asRate(feeRate, 'fee_rate'),
      affiliateRate: isOmitted(affiliateRate) ? 0 : asRate(affiliateRate, 'affiliate_rate'),
      otherCost: isOmitted(otherCost) ? 0 : asNumber(otherCost, 'other_cost'),
    });
  } catch (error) {
    const message = (error as Error).message;
    throw new Error(row === undefined ? message : `Row ${row}: ${message}`);
  }
}
