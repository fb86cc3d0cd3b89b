/**
 * Sold rows without units, whose product cost is therefore unknown: rows of a legacy Income export
 * (that export has no Quantity column) and rows whose Quantity was cleared. Their COGS is never a
 * silent $0: the functions refuse them, the dashboard says its net profit is before their cost.
 */
import { plural } from '../words';

/** How many of each, and where the first one is (`row 8`, `row 10 of statement.csv`). */
export type UnitlessRows = Record<'income' | 'cleared', { count: number; first: string }>;

/** What the rows are and what to do, to follow "no product cost for"; '' when there are none. */
export function unitlessText({ income, cleared }: UnitlessRows): string {
  return [
    income.count &&
      `${plural(income.count, 'row')} of a legacy Income export (the first: ${income.first}), which has no quantities: ` +
        'import the Statement export of those orders (Finance → Statements) to replace them',
    cleared.count &&
      `${plural(cleared.count, 'row')} with sales but no *Quantity* (the first: ${cleared.first}): fill it`,
  ]
    .filter(Boolean)
    .join('; and for ');
}
