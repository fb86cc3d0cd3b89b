import { forecastSalesPerDay } from '../../core/forecast/index';
import { asNumber, describe, isOmitted, monthArg } from './arguments';
import type { CellValue } from '../../core/types';

type Arg = unknown;

/**
 * Forecasts monthly sales by the method that did best on your past months; from 7 months on, an 80% band
 * (never below 0) and the chance of a target.
 * Not with NOW(), TODAY() or RAND().
 *
 * @param {string[][]|Date[][]} months Consecutive months, oldest first, such as "2026-03" or "Mar 2026".
 * @param {number[][]} values Sales of each month, in dollars.
 * @param {number} [horizon] How many months ahead to forecast (default 6, at most 24).
 * @param {number} [target] Monthly target in dollars; fills the Chance of target column (e.g. 65000).
 * @return {Array<Array<string|number>>} Table: Month, Forecast, Low 80%, High 80%, Chance of target, one row per future month, then the method.
 * @customfunction
 */
export function TTS_FORECAST(months: Arg, values: Arg, horizon?: Arg, target?: Arg): (string | number)[][] {
  const [monthCells, valueCells] = pairedCells(months, values);
  // forecastSalesPerDay checks that they are consecutive and in order.
  const monthKeys = monthCells.map((cell, i) => monthArg(cell, `months (cell ${i + 1})`));
  const numbers = valueCells.map((v, i) => asNumber(v, `values (cell ${i + 1})`));
  const steps = isOmitted(horizon) ? 6 : asNumber(horizon, 'horizon');
  if (!Number.isInteger(steps) || steps < 1 || steps > 24)
    throw new Error(`horizon must be a whole number of months from 1 to 24, found ${steps}.`);
  const goal = isOmitted(target) ? undefined : asNumber(target, 'target');
  // A seller's sales by month, forecast per day as the dashboard and TTS_THRESHOLD do, so the three
  // agree on a month (R's reference checks run the methods themselves, in forecastMonthly).
  const result = forecastSalesPerDay(monthKeys, numbers, { horizon: steps, target: goal });
  if (result.status !== 'ok') throw new Error(result.message);
  const round = (x: number) => Math.round(x * 100) / 100;
  // Too few months, or months that never varied: no range, rather than a band of width 0.
  const band = (x: number) => (result.spread ? round(x) : '');
  const last = monthKeys[monthKeys.length - 1];
  return [
    ['Month', 'Forecast', 'Low 80%', 'High 80%', 'Chance of target'],
    ...result.points.map((p) => [
      p.month,
      round(p.mean),
      band(p.lo80),
      band(p.hi80),
      p.pTarget === null ? '' : Math.round(p.pTarget * 1000) / 1000,
    ]),
    [
      'Method',
      `${result.summary} ${last} counts as a whole month (leave out one still under way).`,
      '',
      '',
      '',
    ],
  ];
}

/**
 * The month and value cells side by side, in order: pairs blank in both are left out (a range
 * longer than the data); a month without its value, or a value without its month, is an error,
 * never a shift of every later value onto the wrong month.
 */
function pairedCells(months: Arg, values: Arg): [CellValue[], CellValue[]] {
  const [m, v] = [months, values].map((a) => (Array.isArray(a) ? a.flat() : isOmitted(a) ? [] : [a]));
  const paired: [CellValue[], CellValue[]] = [[], []];
  const cell = (c: unknown) => (c === null || c === undefined ? '' : c) as CellValue;
  // Months after the last value are still to come (a dashboard's month column runs to December).
  let end = Math.max(m.length, v.length);
  while (end > 0 && cell(v[end - 1]) === '') end--;
  for (let i = 0; i < end; i++) {
    const [month, value] = [cell(m[i]), cell(v[i])];
    if (month === '' && value === '') continue;
    if (month === '' || value === '')
      throw new Error(
        `cell ${i + 1} of ${month === '' ? 'months' : 'values'} is empty beside ${describe(month === '' ? value : month)}` +
          (month === ''
            ? ': give every value its month.'
            : ', with values after it: type its sales, or end both ranges at the last month with sales.'),
      );
    paired[0].push(month);
    paired[1].push(value);
  }
  return paired;
}
