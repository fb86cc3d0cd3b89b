import type { SalesMetric } from '../../core/contract';
import { salesAmountView } from '../../core/analysis/pnl';
import { rowMonth } from '../../core/analysis/row-dates';
import { centsToCell, describe, isOmitted, monthArg, scalarOf } from './arguments';
import { readStatement, requireMonthInRange, ROW_DATES, ROW_KIND } from './statement-input';
import { NEEDS } from '../../core/read/needed-columns';

type Arg = unknown;

/**
 * Total settlement amount of a Seller Center finance export (On-hold export: total estimated settlement).
 * Not with NOW(), TODAY() or RAND().
 *
 * @param {Array<Array<string|number|Date>>} statement The export or the TTS Ledger tab, header included (e.g. Statement!A:BL).
 * @return {number} Sum of Total settlement amount over all rows, in dollars.
 * @customfunction
 */
export function TTS_SETTLEMENT(statement: Arg): number {
  return centsToCell(
    readStatement(statement, { keepRows: false, fields: ROW_KIND, settlementFor: 'TTS_SETTLEMENT' }).totals
      .settlement,
  );
}

/**
 * Sales that count toward the threshold, for one month or for all rows.
 * Not with NOW(), TODAY() or RAND().
 *
 * @param {Array<Array<string|number|Date>>} statement The export or the TTS Ledger tab, header included (e.g. Statement!A:BL).
 * @param {Date|string} [month] The month, as "2026-03", "Mar 2026" or any date in it; omitted = all rows.
 * @param {string} [metric] "gross" (default: gross sales + gross sales refund), "net" (net sales) or "settlement".
 * @return {number} Sales in dollars. Rows count in the month of their order creation date, else their
 * statement date.
 * @customfunction
 */
export function TTS_SALES(statement: Arg, month?: Arg, metric?: Arg): number {
  const chosenMetric = metricOf(metric);
  const monthKey = isOmitted(month) ? undefined : monthArg(month, 'month');
  let cents = 0;
  const parsed = readStatement(statement, {
    keepRows: false,
    fields: [...ROW_KIND, ...ROW_DATES],
    onView: (view) => {
      if (monthKey === undefined || rowMonth(view) === monthKey) cents += salesAmountView(view, chosenMetric);
    },
    settlementFor: chosenMetric === 'settlement' ? 'TTS_SALES with metric "settlement"' : undefined,
    needs: salesNeeds(chosenMetric, monthKey !== undefined),
  });
  if (monthKey !== undefined) requireMonthInRange(parsed, monthKey);
  return centsToCell(cents);
}

/** The columns sales by `metric` are read from (and the order date, when counted by month). */
export function salesNeeds(metric: SalesMetric, byMonth: boolean): string {
  return `${metric === 'settlement' ? '' : NEEDS[metric]} ${byMonth ? NEEDS.month : ''}`;
}

export function metricOf(metric: Arg): SalesMetric {
  if (isOmitted(metric)) return 'gross';
  const text = String(scalarOf(metric, 'metric')).trim().toLowerCase();
  if (text === 'gross' || text === 'net' || text === 'settlement') return text;
  throw new Error(
    `metric must be "gross", "net" or "settlement", found ${describe(scalarOf(metric, 'metric'))}.`,
  );
}
