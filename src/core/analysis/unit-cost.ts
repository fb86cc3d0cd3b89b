/**
 * Unit costs keep up to four decimals of a dollar (bulk goods cost $0.125 a piece), so they are
 * held as integer ten-thousandths of a dollar, never as cents: rounding a $0.125 cost to $0.13
 * first would make 1,000 units $5 dearer. Costs are added up in ten-thousandths too (exact integers
 * up to 2^53, some $900 billion) and each figure shown is rounded to cents once, half up: 1,000
 * one-unit orders at $0.125 cost $125.00, not 1,000 × $0.13.
 */
import { divide, exact, roundTo, significant, times, toFixed, toNumber, type Exact } from '../exact-decimal';
import type { CellValue } from '../types';

/** Ten-thousandths of a dollar in one cent. */
export const UNIT_COST_PER_CENT = 100;
/** Decimals a unit cost keeps. */
export const UNIT_COST_DECIMALS = 4;

/** Significant digits of unit-cost arithmetic: a cell's 17 and a seller's longest typed amount. */
const DIGITS = 40;

/** Amount text as a seller types it: `6.50`, `$0.125`, `1,234.5678`, ` 2 `, `(0.50)`. */
const AMOUNT = /^(-)?\$?(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?$/;

/**
 * A unit cost cell → ten-thousandths of a dollar (rounded half up past the fourth decimal, as a
 * cell computed by =1/3 would need), or NaN when the cell holds no amount. Blank → NaN too: the
 * caller decides whether a blank means "waiting for a cost".
 */
export function parseUnitCost(value: CellValue): number {
  let decimal: Exact;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return NaN;
    decimal = exact(value);
  } else if (typeof value === 'string') {
    let text = value.trim().replace(/\s+/g, '');
    let negative = false;
    const parens = /^\((.*)\)$/.exec(text);
    if (parens) {
      negative = true;
      text = parens[1];
    }
    const m = AMOUNT.exec(text);
    if (!m || (m[2] === '' && m[3] === undefined)) return NaN;
    decimal = exact(`${m[1] || ''}${m[2].replace(/,/g, '') || '0'}${m[3] || ''}`);
    if (negative) decimal = { c: -decimal.c, e: decimal.e };
  } else {
    return NaN;
  }
  const scaled = roundTo(significant({ c: decimal.c, e: decimal.e + UNIT_COST_DECIMALS }, DIGITS), 0);
  const result = toNumber(scaled);
  return Number.isSafeInteger(result) ? result : NaN;
}

/** Units × unit cost (ten-thousandths of a dollar) in cents, rounded once, half up; `lineCostCents(1, cost)` rounds a sum of costs. */
export function lineCostCents(units: number, unitCost: number): number {
  const product = units * unitCost;
  if (Number.isSafeInteger(product)) {
    // The rest has the product's sign: half a cent or more of it rounds away from zero.
    const rest = product % UNIT_COST_PER_CENT;
    const half = 2 * rest >= UNIT_COST_PER_CENT ? 1 : 2 * rest <= -UNIT_COST_PER_CENT ? -1 : 0;
    return (product - rest) / UNIT_COST_PER_CENT + half;
  }
  if (!Number.isFinite(units) || !Number.isFinite(unitCost)) return product;
  const cost = significant(times(exact(units), exact(unitCost)), DIGITS);
  return toNumber(roundTo(divide(cost, exact(UNIT_COST_PER_CENT), DIGITS), 0));
}

/** Cents as a unit cost (ten-thousandths of a dollar). */
export function unitCostFromCents(cents: number): number {
  return cents * UNIT_COST_PER_CENT;
}

/** `$0.125`, `$6.50`: a unit cost with its decimals past the cent only when it has them. */
export function formatUnitCost(unitCost: number): string {
  const text = toFixed(divide(exact(unitCost), exact(10 ** UNIT_COST_DECIMALS), DIGITS), UNIT_COST_DECIMALS)
    .replace(/(\.\d\d\d?)0+$/, '$1')
    .replace(/(\.\d\d)0$/, '$1');
  return text.startsWith('-') ? `-$${text.slice(1)}` : `$${text}`;
}

/** A unit cost in dollars, for a cell. */
export function unitCostToDollars(unitCost: number): number {
  return unitCost / 10 ** UNIT_COST_DECIMALS;
}
