import { SalesTally } from '../../core/analysis/sales-tally';
import { outlookOfDaily } from '../../core/analysis/dashboard-model';
import { DEFAULT_SETTINGS } from '../../core/contract';
import { asNumber, centsToCell, dayArg, isOmitted } from './arguments';
import { readStatement, ROW_DATES, ROW_KIND, tableOf } from './statement-input';
import { metricOf, salesNeeds } from './totals';

type Arg = unknown;

/**
 * Sales against the monthly and annual targets: month to date, pace, expected month, needed per day, year to date.
 * Not with NOW(), TODAY() or RAND().
 *
 * @param {Array<Array<string|number|Date>>} statement The export or the TTS Ledger tab, header included (e.g. Statement!A:BL).
 * @param {number} [monthly_target] Monthly sales target in dollars (default 65000).
 * @param {number} [annual_target] Annual sales target in dollars (default 1000000).
 * @param {Date|string} [as_of] The day to measure on (default: the latest order date).
 * @param {string} [metric] "gross" (default), "net" or "settlement".
 * @return {Array<Array<string|number>>} Two columns, label and value, ending with a one-line status.
 * @customfunction
 */
export function TTS_THRESHOLD(
  statement: Arg,
  monthly_target?: Arg,
  annual_target?: Arg,
  as_of?: Arg,
  metric?: Arg,
): (string | number)[][] {
  const monthly = isOmitted(monthly_target)
    ? DEFAULT_SETTINGS.monthlyTarget
    : asNumber(monthly_target, 'monthly_target');
  const annual = isOmitted(annual_target)
    ? DEFAULT_SETTINGS.annualTarget
    : asNumber(annual_target, 'annual_target');
  if (monthly <= 0 || annual <= 0)
    throw new Error(
      'monthly_target and annual_target must be positive dollar amounts, e.g. 65000 and 1000000.',
    );
  const chosenMetric = metricOf(metric);
  const sales = new SalesTally(chosenMetric);
  const parsed = readStatement(statement, {
    keepRows: false,
    fields: [...ROW_KIND, ...ROW_DATES],
    onView: (view) => sales.addView(view),
    settlementFor: chosenMetric === 'settlement' ? 'TTS_THRESHOLD with metric "settlement"' : undefined,
    needs: salesNeeds(chosenMetric, true),
  });
  const asOf = isOmitted(as_of) ? sales.asOf() : dayArg(as_of, 'as_of');
  // One rule with the sidebar: its outlook, projected year included, from the same sales by day.
  const { report, status } = outlookOfDaily(sales.daily(), {
    monthlyTargetCents: Math.round(monthly * 100),
    annualTargetCents: Math.round(annual * 100),
    metric: chosenMetric,
    asOf: asOf || '',
    dataThrough: sales.asOf(),
  });
  if (!report) throw new Error(`No dated sales up to ${asOf || 'as_of'} in the range.`);
  // No day of this month in the range: no pace, no projection (the status line says why).
  const none = report.projectedMonth === null;
  const money = (cents: number | null) => (none ? '' : centsToCell(cents as number));
  const last = report.lastFullMonth;
  const method =
    report.paceMethod === 'day-of-week' ? 'Weighted by your day-of-week pattern' : 'Flat daily pace';
  return tableOf(parsed, [
    ['As of', report.asOf],
    ['Month', report.month],
    // No row of this month: its sales so far are not known to be $0.
    ['Month to date', money(report.monthToDate)],
    ['Monthly target', centsToCell(report.monthlyTarget)],
    ['Days left', report.daysLeft],
    ['Needed per day', money(report.neededPerDay)],
    ['Projected month', money(report.projectedMonth)],
    ['Pace method', none ? '' : `${method} over ${report.paceDays} days from ${report.paceFrom}`],
    // The month to date plus the forecast for the days left: the sidebar's figure, which the
    // projected year and the status judge by.
    ['Expected month', money(status.expectedMonthCents)],
    ['Last full month', last ? last.month : ''],
    ['Last full month sales', last ? centsToCell(last.amount) : ''],
    [
      'Full months at target (last 12 full months)',
      `${report.monthsAtTargetLast12} of ${report.fullMonthsCounted}`,
    ],
    ['Sales, last 12 full months', centsToCell(report.trailing12)],
    ['Sales, last 12 months to as-of', centsToCell(report.rolling12)],
    ['Year to date', centsToCell(report.yearToDate)],
    ['Annual target', centsToCell(report.annualTarget)],
    ['Projected year', money(status.projectedYearCents)],
    ['Annual gap', money(report.annualTarget - status.projectedYearCents)],
    ['Status', status.paceLine],
  ]);
}
