import type { SalesMetric } from '../../core/contract';
import { salesAmountView } from '../../core/analysis/pnl';
import { rowMonth } from '../../core/analysis/row-dates';
import { centsToCell, describe, isOmitted, scalarOf } from './arguments';
import { isDateCell } from '../../core/date-cell';
import { spreadsheetTimeZone } from '../sheets/sheet-dates';
import { readStatement, ROW_DATES, ROW_KIND } from './statement-input';

type Arg = unknown;

/**
 * Total settlement amount of a Seller Center finance export (On-hold export: total estimated settlement).
 * Not with NOW(), TODAY() or RAND() in an argument: the cell would stay Loading…
 *
 * @param {Array<Array<string|number|Date>>} statement The export as it sits in a sheet, header included, to its last column (e.g. Statement!A:BL).
 * @return {number} Sum of Total settlement amount over all rows, in dollars. TTS Ledger rows without a Key are skipped: TTS_RECONCILE lists them.
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
 * Not with NOW(), TODAY() or RAND() in an argument: the cell would stay Loading…
 *
 * @param {Array<Array<string|number|Date>>} statement The export as it sits in a sheet, header included, to its last column (e.g. Statement!A:BL).
 * @param {Date|string} [month] A date inside the month, or text such as "2026-03"; omitted = all rows.
 * @param {string} [metric] "gross" (default: gross sales + gross sales refund), "net" (net sales) or "settlement".
 * @return {number} Sales in dollars. Rows count in the month of their order creation date, else their
 * statement date. TTS Ledger rows without a Key are skipped: TTS_RECONCILE lists them.
 * @customfunction
 */
export function TTS_SALES(statement: Arg, month?: Arg, metric?: Arg): number {
  const chosenMetric = metricOf(metric);
  const monthKey = isOmitted(month) ? undefined : monthKeyOf(month);
  let cents = 0;
  readStatement(statement, {
    keepRows: false,
    fields: [...ROW_KIND, ...ROW_DATES],
    onView: (view) => {
      if (monthKey === undefined || rowMonth(view) === monthKey) cents += salesAmountView(view, chosenMetric);
    },
    settlementFor: chosenMetric === 'settlement' ? 'TTS_SALES with metric "settlement"' : undefined,
  });
  return centsToCell(cents);
}

export function metricOf(metric: Arg): SalesMetric {
  if (isOmitted(metric)) return 'gross';
  const text = String(scalarOf(metric, 'metric')).trim().toLowerCase();
  if (text === 'gross' || text === 'net' || text === 'settlement') return text;
  throw new Error(
    `metric must be "gross", "net" or "settlement", found ${describe(scalarOf(metric, 'metric'))}.`,
  );
}

/** `YYYY-MM` from a date cell or text such as "2026-03", "2026/03" or "2026-03-15". */
export function monthKeyOf(month: Arg): string {
  const value = scalarOf(month, 'month');
  if (isDateCell(value)) return Utilities.formatDate(value, spreadsheetTimeZone(), 'yyyy-MM');
  const match = /^\s*(\d{4})[-/](\d{1,2})(?:[-/]\d{1,2})?\s*$/.exec(String(value));
  const monthNumber = match ? Number(match[2]) : 0;
  if (!match || monthNumber < 1 || monthNumber > 12) {
    throw new Error(`month must be a date or text such as "2026-03", found ${describe(value)}.`);
  }
  return `${match[1]}-${match[2].padStart(2, '0')}`;
}
