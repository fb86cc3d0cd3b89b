import { addMonths, monthsBetween } from '../../core/analysis/calendar';
import { forecastMonthly } from '../../core/forecast/index';
import { asNumber, describe, isOmitted, monthArg } from './arguments';
import type { CellValue } from '../../core/types';

type Arg = unknown;

/**
 * Forecasts monthly sales with the method that would have forecast your own past months best, with an 80%
 * band that never goes below 0 and the chance of reaching a target.
 * Not with NOW(), TODAY() or RAND() in an argument.
 *
 * @param {string[][]|Date[][]} months Consecutive months, oldest first: dates inside each month or texts such as "2026-03" or "Mar 2026".
 * @param {number[][]} values Sales of each month, in dollars (same number of cells as months).
 * @param {number} [horizon] How many months ahead to forecast (default 6, at most 24).
 * @param {number} [target] Monthly target in dollars; fills the Chance of target column (e.g. 65000).
 * @return {Array<Array<string|number>>} Table: Month, Forecast, Low 80%, High 80%, Chance of target, one row per future month.
 * @customfunction
 */
export function TTS_FORECAST(months: Arg, values: Arg, horizon?: Arg, target?: Arg): (string | number)[][] {
  const [monthCells, valueCells] = pairedCells(months, values);
  const monthKeys = monthKeysOf(monthCells);
  const numbers = valueCells.map((v, i) => asNumber(v, `values (cell ${i + 1})`));
  const steps = isOmitted(horizon) ? 6 : asNumber(horizon, 'horizon');
  if (!Number.isInteger(steps) || steps < 1 || steps > 24)
    throw new Error(`horizon must be a whole number of months from 1 to 24, found ${steps}.`);
  const goal = isOmitted(target) ? undefined : asNumber(target, 'target');
  const result = forecastMonthly(monthKeys, numbers, { horizon: steps, target: goal });
  if (result.status !== 'ok') throw new Error(result.message);
  const round = (x: number) => Math.round(x * 100) / 100;
  return [
    ['Month', 'Forecast', 'Low 80%', 'High 80%', 'Chance of target'],
    ...result.points.map((p) => [
      p.month,
      round(p.mean),
      round(p.lo80),
      round(p.hi80),
      p.pTarget === null ? '' : Math.round(p.pTarget * 1000) / 1000,
    ]),
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
  for (let i = 0; i < Math.max(m.length, v.length); i++) {
    const [month, value] = [m[i], v[i]].map((c) => (c === null || c === undefined ? '' : c)) as CellValue[];
    if (month === '' && value === '') continue;
    if (month === '' || value === '')
      throw new Error(
        `cell ${i + 1} of ${month === '' ? 'months' : 'values'} is empty beside ${describe(month === '' ? value : month)}: ` +
          `give every month its sales (0 if none).`,
      );
    paired[0].push(month);
    paired[1].push(value);
  }
  return paired;
}

/** Months as `YYYY-MM`, checked to be consecutive; a gap names the missing month. */
function monthKeysOf(months: CellValue[]): string[] {
  const keys = months.map((cell, i) => monthArg(cell, `months (cell ${i + 1})`));
  for (let i = 1; i < keys.length; i++) {
    const step = monthsBetween(keys[i - 1], keys[i]);
    if (step === 1) continue;
    if (step > 1)
      throw new Error(
        `Month ${addMonths(keys[i - 1], 1)} is missing between ${keys[i - 1]} and ${keys[i]}: add it with its sales (0 if none).`,
      );
    throw new Error(`months must be in order, oldest first: ${keys[i]} comes after ${keys[i - 1]}.`);
  }
  return keys;
}
