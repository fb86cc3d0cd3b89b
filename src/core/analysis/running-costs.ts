/**
 * Running costs (the TTS Costs tab): fixed amounts per month, week or year, one-time payments, and
 * percentages of a sales figure, over a start and an end date. A fixed cost is spread to days so
 * any month or date range gets its exact share: the first n days of a period cost the period's
 * amount × n ÷ its days, rounded to the cent, so the days of a period add up to its amount and any
 * run of them is within a cent of its exact share (a run from the period's start is that share). A percentage is worked out on the
 * range's sales, rounded once, and is never a credit: a share of a loss is 0.
 */
import {
  compare,
  divide,
  exact,
  roundTo,
  significant,
  times,
  toNumber,
  toText,
  type Exact,
} from '../exact-decimal';
import { parseCentsOrNaN } from '../money';
import { cellText } from '../cell-text';
import { parseDateOrNull } from '../dates';
import { addDays, dateOfDayNumber, dayNumber, daysInMonth, formatDate, parseDate } from './calendar';
import { headerKey } from './cogs';
import { columnLetters } from '../formula-builder';
import { showCents } from './pnl';
import type { CellValue } from '../types';

export type CostEvery = 'month' | 'week' | 'year' | 'once';
/** The sales figure a percentage is taken of. */
export type CostMetric = 'netSales' | 'grossSales' | 'settlement';

export interface RunningCost {
  name: string;
  /** `TTS Costs row 3`, for messages and details. */
  where: string;
  /** Fixed: cents per period (or once). */
  cents: number;
  every: CostEvery;
  /** Percentage: the fraction as decimal text (`0.02`), '' for a fixed cost. */
  rate: string;
  metric: CostMetric;
  /** First and last day counted, `YYYY-MM-DD`; '' = open. */
  start: string;
  end: string;
}

/** The TTS Costs tab's columns, in order (read by header, so the seller may move them). */
export const COSTS_HEADER = ['Cost', 'Amount', 'Every', 'Percent', 'Of', 'Starts', 'Ends'] as const;

export const METRIC_LABELS: Record<CostMetric, string> = {
  netSales: 'net sales',
  grossSales: 'gross sales',
  settlement: 'settlement',
};
const EVERY_WORDS: Record<string, CostEvery> = {
  month: 'month',
  monthly: 'month',
  permonth: 'month',
  mo: 'month',
  week: 'week',
  weekly: 'week',
  perweek: 'week',
  wk: 'week',
  year: 'year',
  yearly: 'year',
  annual: 'year',
  annually: 'year',
  peryear: 'year',
  yr: 'year',
  once: 'once',
  onetime: 'once',
  oneoff: 'once',
};
const METRIC_WORDS: Record<string, CostMetric> = {
  netsales: 'netSales',
  net: 'netSales',
  sales: 'netSales',
  grosssales: 'grossSales',
  gross: 'grossSales',
  settlement: 'settlement',
  totalsettlementamount: 'settlement',
  payout: 'settlement',
};
const HEADER_NAMES: Record<(typeof COSTS_HEADER)[number], string[]> = {
  Cost: ['cost', 'name', 'item', 'description'],
  Amount: ['amount', 'fixedamount'],
  Every: ['every', 'per', 'frequency', 'period'],
  Percent: ['percent', 'ofsales', 'rate', 'percentage'],
  Of: ['of', 'metric', 'percentof'],
  Starts: ['starts', 'start', 'startdate', 'from'],
  Ends: ['ends', 'end', 'enddate', 'to', 'until'],
};

/** A totals word anywhere in a cost's name: `Total`, `Grand total`, `Subtotals`, a leading `Sum`. */
const TOTAL_WORD = /\b(grand\s*|sub)?totals?\b|^sum\b/i;
/** What else a totals row's name says (`Monthly total`, `Total running costs:`): no cost of its own. */
const TOTAL_ONLY =
  /^(\W|monthly|month|weekly|week|yearly|year|annual|per|a|of|all|the|running|fixed|costs?)*$/i;

/**
 * Running costs from the TTS Costs tab (or any range with its header). Rows with neither amount
 * nor percent are notes and skipped; totals rows are skipped and their row numbers put in `totals`
 * (to be said: {@link totalsSkippedText}); anything else that cannot be read throws naming the cell.
 */
export function readRunningCosts(
  rows: readonly (readonly CellValue[])[],
  where = 'TTS Costs',
  totals: number[] = [],
): RunningCost[] {
  // The header names Amount or Percent; rows above it (a title the seller typed) are not costs.
  const names = [...HEADER_NAMES.Amount, ...HEADER_NAMES.Percent];
  const named = rows.slice(0, 30).findIndex((row) => row.some((cell) => names.includes(headerKey(cell))));
  const headerAt = named >= 0 ? named : rows.findIndex((row) => row.some((cell) => cellText(cell) !== ''));
  if (headerAt < 0) return [];
  const keys = rows[headerAt].map(headerKey);
  const col = {} as Record<(typeof COSTS_HEADER)[number], number>;
  for (const name of COSTS_HEADER) col[name] = keys.findIndex((k) => HEADER_NAMES[name].includes(k));
  if (col.Amount < 0 && col.Percent < 0) {
    throw new Error(
      `${where}: no Amount or Percent column in the header row (expected ${COSTS_HEADER.join(', ')}).`,
    );
  }
  const labels = rows[headerAt].map(cellText);
  const costs: RunningCost[] = [];
  // The fixed amounts since the header or the last totals row, which a bare sum row repeats.
  let above = 0;
  for (let r = headerAt + 1; r < rows.length; r++) {
    const row = rows[r];
    const cell = (name: (typeof COSTS_HEADER)[number]): CellValue => (col[name] >= 0 ? row[col[name]] : '');
    const at = (name: (typeof COSTS_HEADER)[number]) =>
      `${where} row ${r + 1}, column ${columnLetters(col[name] + 1)} (${labels[col[name]]})`;
    const amountText = cellText(cell('Amount'));
    const percentText = cellText(cell('Percent'));
    if (amountText === '' && percentText === '') continue;
    const typed = cellText(cell('Cost'));
    const every = cellText(cell('Every'));
    const sum = parseCentsOrNaN(cell('Amount')) === above;
    // A totals row the seller added, as the ledger, TTS COGS and TTS Ads allow: an amount named
    // `Total` (`Grand total`, `Sum:`, `Monthly total`, `Total running costs`), or naming a total
    // and something else with no Every or the sum of the amounts above it, or unnamed with that sum.
    // An Every filled down onto it makes no cost; a cost says how often it recurs: `Total Wireless`
    // every month, or `Sum Up fees` at 2.6 %, is one.
    if (
      !percentText &&
      (TOTAL_WORD.test(typed)
        ? !every || sum || TOTAL_ONLY.test(typed.replace(TOTAL_WORD, ''))
        : !typed && sum)
    ) {
      totals.push(r + 1);
      above = 0;
      continue;
    }
    const name = typed || `Cost on row ${r + 1}`;
    if (amountText !== '' && percentText !== '')
      throw new Error(
        `${where} row ${r + 1}: ${name} has both an amount and a percent; keep one (a fixed cost and a percentage go on two rows).`,
      );
    const date = (which: 'Starts' | 'Ends'): string => {
      const found = parseDateOrNull(cell(which));
      if (found === null)
        throw new Error(
          `${at(which)}: expected a date such as 2026-01-31, found \`${cellText(cell(which))}\`.`,
        );
      return found.slice(0, 10);
    };
    const cost: RunningCost = {
      name,
      where: `${where} row ${r + 1}`,
      cents: 0,
      every: 'month',
      rate: '',
      metric: 'netSales',
      start: date('Starts'),
      end: date('Ends'),
    };
    if (cost.start && cost.end && cost.end < cost.start)
      throw new Error(`${at('Ends')}: ${name} ends on ${cost.end}, before it starts on ${cost.start}.`);
    if (amountText !== '') {
      const cents = parseCentsOrNaN(cell('Amount'));
      if (Number.isNaN(cents) || cents < 0)
        throw new Error(
          `${at('Amount')}: expected an amount of 0 or more such as 49.99, found \`${amountText}\`.`,
        );
      const period = EVERY_WORDS[headerKey(every)];
      if (period === undefined)
        throw new Error(`${at('Every')}: expected month, week, year or once, found \`${every}\`.`);
      if (period === 'once' && !cost.start)
        throw new Error(`${at('Starts')}: a one-time cost needs the date it was paid.`);
      cost.cents = cents;
      cost.every = period;
      above += cents;
    } else {
      cost.rate = rateOf(cell('Percent'), at('Percent'));
      const metricText = headerKey(cell('Of'));
      const metric = metricText === '' ? 'netSales' : METRIC_WORDS[metricText];
      if (metric === undefined)
        throw new Error(
          `${at('Of')}: expected net sales, gross sales or settlement, found \`${cellText(cell('Of'))}\`.`,
        );
      cost.metric = metric;
    }
    costs.push(cost);
  }
  return costs;
}

/** `Skipped as a total: TTS Costs row 4.`, or '' when no totals row was skipped. */
export const totalsSkippedText = (rows: readonly number[], where: string): string =>
  rows.length ? `Skipped as a total: ${where} row ${rows.join(', ')}.` : '';

const ONE = exact(1);
const HUNDRED = exact(100);

/** A percent cell: 0.02 (a cell formatted as 2 %), `2%` or `0.02` typed; 2 alone is ambiguous. */
function rateOf(value: CellValue, at: string): string {
  const raw = cellText(value);
  const percent = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(raw);
  let rate: Exact;
  // -0 counts as negative, as it always has (`-0%` is refused).
  let negative: boolean;
  if (percent) {
    rate = divide(exact(percent[1]), HUNDRED);
    negative = percent[1].startsWith('-');
  } else if (typeof value === 'number' && Number.isFinite(value)) {
    rate = exact(value);
    negative = value < 0 || Object.is(value, -0);
  } else if (/^-?\d+(?:\.\d+)?$/.test(raw)) {
    rate = exact(raw);
    negative = raw.startsWith('-');
  } else throw new Error(`${at}: expected a percentage such as 2%, found \`${raw}\`.`);
  if (negative) throw new Error(`${at}: expected a percentage of 0 or more, found \`${raw}\`.`);
  if (compare(rate, ONE) >= 0)
    throw new Error(
      `${at}: ${raw} looks like a percent: type it as ${raw}% or as the fraction ${toText(divide(rate, HUNDRED))}.`,
    );
  return toText(rate);
}

// ── Spreading a fixed cost over days ─────────────────────────────────────────────────────────

/** Cents of days `from…to` (0-based, inclusive) of a period of `days` days that costs `cents`. */
export function periodShare(cents: number, days: number, from: number, to: number): number {
  if (to < from) return 0;
  return upTo(cents, days, to + 1) - upTo(cents, days, from);
}

/** Whole cents of the first `count` days of a period: their exact share, rounded half up (integers only). */
function upTo(cents: number, days: number, count: number): number {
  return Math.floor((2 * cents * count + days) / (2 * days));
}

/** The same day `count` months or years on, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
function shiftDate(date: string, months: number): string {
  const { year, month, day } = parseDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatDate(y, m, Math.min(day, daysInMonth(formatDate(y, m, 1))));
}

/** Start of the period containing `date`, and of the next one, as day numbers. */
function periodAround(cost: RunningCost, date: number): [number, number] {
  if (cost.every === 'week') {
    // Weeks run from the start date, or from Mondays without one (1970-01-05 was a Monday).
    const anchor = cost.start ? dayNumber(cost.start) : 4;
    const k = Math.floor((date - anchor) / 7);
    return [anchor + 7 * k, anchor + 7 * k + 7];
  }
  const step = cost.every === 'year' ? 12 : 1;
  const anchorDate = cost.start || '1970-01-01';
  const target = parseDate(dateOfDayNumber(date));
  const anchor = parseDate(anchorDate);
  let k = Math.floor(((target.year - anchor.year) * 12 + (target.month - anchor.month)) / step);
  let start = dayNumber(shiftDate(anchorDate, k * step));
  if (start > date) {
    k--;
    start = dayNumber(shiftDate(anchorDate, k * step));
  }
  return [start, dayNumber(shiftDate(anchorDate, (k + 1) * step))];
}

/** Cents of a fixed cost that fall on the days `from…to` (ISO dates, inclusive). */
export function fixedCostBetween(cost: RunningCost, from: string, to: string): number {
  const lo = Math.max(dayNumber(from), cost.start ? dayNumber(cost.start) : -Infinity);
  const hi = Math.min(dayNumber(to), cost.end ? dayNumber(cost.end) : Infinity);
  if (lo > hi) return 0;
  // A one-time cost falls on the day it was paid, not on every day after it.
  if (cost.every === 'once') return lo === dayNumber(cost.start) ? cost.cents : 0;
  let total = 0;
  for (let day = lo; day <= hi;) {
    const [start, next] = periodAround(cost, day);
    const last = Math.min(hi, next - 1);
    total += periodShare(cost.cents, next - start, day - start, last - start);
    day = last + 1;
  }
  return total;
}

// ── What a range's running costs come to ────────────────────────────────────────────────────

/** Sales figures of some days, in cents. */
export interface MetricSums {
  netSales: number;
  grossSales: number;
  settlement: number;
}

/** Sales figures by day (`YYYY-MM-DD`), for percentages. */
export type DailyMetrics = ReadonlyMap<string, MetricSums>;

export interface RunningCostLine {
  cost: RunningCost;
  cents: number;
  /** How it was worked out, in words: `$1,200.00 a year, 31 days` or `2% of net sales $10,000.00`. */
  basis: string;
}

/**
 * Each running cost's share of the days `from…to`, in the tab's order (costs of 0 included). A cost
 * with a blank *Starts* counts from `opens` (the first day of the books' data, book-months.ts).
 */
export function runningCostLines(
  costs: readonly RunningCost[],
  from: string,
  to: string,
  metrics: DailyMetrics,
  opens = '',
): RunningCostLine[] {
  return costs.map((cost) => {
    const start = cost.start || opens;
    const lo = start > from ? start : from;
    const hi = cost.end && cost.end < to ? cost.end : to;
    if (!cost.rate) {
      const cents = fixedCostBetween(cost, lo, to);
      const per = cost.every === 'once' ? `once on ${cost.start}` : `a ${cost.every}`;
      const days = cost.every === 'once' || hi < lo ? '' : `, ${dayNumber(hi) - dayNumber(lo) + 1} days`;
      return { cost, cents, basis: `${showCents(cost.cents)} ${per}${days}` };
    }
    let base = 0;
    for (const [date, sums] of metrics) if (date >= lo && date <= hi) base += sums[cost.metric];
    const cents = base > 0 ? toNumber(roundTo(significant(times(exact(base), exact(cost.rate))), 0)) : 0;
    const percent = toText(significant(times(exact(cost.rate), HUNDRED)));
    const loss = base < 0 ? ': none of a loss' : '';
    return {
      cost,
      cents: cents + 0,
      basis: `${percent}% of ${METRIC_LABELS[cost.metric]} ${showCents(base)}${loss}`,
    };
  });
}

/** Total running costs of the days `from…to`. */
export function runningCostsBetween(
  costs: readonly RunningCost[],
  from: string,
  to: string,
  metrics: DailyMetrics,
): number {
  return runningCostLines(costs, from, to, metrics).reduce((sum, line) => sum + line.cents, 0);
}

/** The last day of the month `YYYY-MM`. */
export function monthEnd(month: string): string {
  return addDays(`${month}-01`, daysInMonth(month) - 1);
}
