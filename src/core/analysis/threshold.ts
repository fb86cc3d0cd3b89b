/**
 * Threshold tracking over daily sales: where this month stands against the monthly target, the
 * pace projection, the last twelve full months, and the calendar year against the annual target.
 * All money is integer cents; projections are rounded to the cent explicitly.
 */
import {
  addDays,
  addMonths,
  dayNumber,
  dayOfMonth,
  dayOfWeek,
  daysInMonth,
  firstDayOfMonth,
  isValidDate,
  lastDayOfMonth,
  monthOf,
  yearOf,
} from './calendar';

export interface DailySales {
  date: string; // YYYY-MM-DD
  amount: number; // cents
}

export interface ThresholdReport {
  asOf: string;
  month: string;
  monthToDate: number;
  /** Days of the month up to and including `asOf`. */
  daysElapsed: number;
  daysLeft: number;
  /** Cents a day still needed over the days left to reach the monthly target (rounded up; 0 once met). */
  neededPerDay: number;
  /** Null when the data has no day of this month: a month without rows is not a month of $0. */
  projectedMonth: number | null;
  paceMethod: 'day-of-week' | 'flat';
  /** The days the pace is measured over: from the first sale (or the 1st) to `asOf` or the last day of data. */
  paceFrom: string;
  paceDays: number;
  /** Sales a day at this pace over the days of the month the shop has been selling (cents, unrounded). */
  dailyPace: number;
  /** The last day the data covers (`dataThrough`, or the latest sale). */
  dataThrough: string;
  /** The month after a first month that started after its 1st: the first month the data covers whole. */
  firstFullMonth: string;
  /** The calendar month before `asOf`'s month, when the sales history reaches it. */
  lastFullMonth: { month: string; amount: number } | null;
  monthsAtTargetLast12: number;
  /** Full months (covered whole by the data, ended before this month) among the last 12. */
  fullMonthsCounted: number;
  /** Sales of those full months. */
  trailing12: number;
  /** Sales of the twelve months ending on `asOf` (rolling: this month to date included). */
  rolling12: number;
  /** Calendar year of `asOf`, 1 January through `asOf`. */
  yearToDate: number;
  monthlyTarget: number;
  annualTarget: number;
  status: string;
}

export interface ThresholdOptions {
  monthlyTarget: number; // cents
  annualTarget: number; // cents
  asOf?: string; // default: latest date in daily
  /** The last day the data covers, e.g. the latest order date (default: the latest date in daily). */
  dataThrough?: string;
}

type DatedRow = { orderDate: string; statementDate: string };

/**
 * The day a threshold is measured on when none is given: the latest order date. A chargeback or a
 * statement dated after the last order must not move "this month" into a month with no orders.
 * Rows without an order date (adjustments) count only when no row has one.
 */
export function defaultAsOf(rows: readonly DatedRow[]): string | undefined {
  const { order, any } = latestDates(rows);
  return order || any || undefined;
}

/** The latest order date, and the latest date of any row (its order date, else its statement date); '' for none. */
export function latestDates(rows: readonly DatedRow[]): { order: string; any: string } {
  let order = '';
  let any = '';
  for (const row of rows) {
    const date = row.orderDate.slice(0, 10);
    const dated = date || row.statementDate.slice(0, 10);
    if (date > order) order = date;
    if (dated > any) any = dated;
  }
  return { order, any };
}

/** `2026-05`, 7 → `2026-05-07`. */
const dayIn = (month: string, day: number) => `${month}-${String(day).padStart(2, '0')}`;

/** The first day of the twelve months that end on `asOf` (2026-05-17 → 2025-05-18). */
function rollingYearStart(asOf: string): string {
  const month = addMonths(monthOf(asOf), -12);
  return addDays(dayIn(month, Math.min(dayOfMonth(asOf), daysInMonth(month))), 1);
}

/** Eight weeks: enough for every weekday to appear eight times. */
const WEEKDAY_PATTERN_MIN_DAYS = 56;
/** The weekday pattern is read from at most the last 52 weeks. */
const WEEKDAY_PATTERN_MAX_DAYS = 364;

function checkCents(value: number, what: string): void {
  if (!Number.isInteger(value)) {
    throw new Error(`Expected ${what} as whole cents, found ${String(value)}.`);
  }
}

/** `$71,240` from cents, rounded to whole dollars. */
export function formatDollars(cents: number): string {
  const dollars = Math.round(Math.abs(cents) / 100);
  const digits = String(dollars).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${cents < 0 ? '-' : ''}$${digits}`;
}

function totalsByDate(daily: readonly DailySales[]): Map<string, number> {
  const totals = new Map<string, number>();
  daily.forEach((entry, index) => {
    if (!isValidDate(entry.date)) {
      throw new Error(
        `Daily sales, entry ${index + 1}: expected a date as YYYY-MM-DD, found "${entry.date}".`,
      );
    }
    checkCents(entry.amount, `daily sales, entry ${index + 1} (${entry.date}),`);
    totals.set(entry.date, (totals.get(entry.date) || 0) + entry.amount);
  });
  return totals;
}

function sumBetween(totals: Map<string, number>, from: string, to: string): number {
  const start = dayNumber(from);
  const end = dayNumber(to);
  let sum = 0;
  for (const [date, amount] of totals) {
    const day = dayNumber(date);
    if (day >= start && day <= end) sum += amount;
  }
  return sum;
}

/**
 * Average sales per weekday over the history window ending at `asOf` (days without sales count
 * as zero), or null with fewer than eight weeks of history.
 */
function weekdayPattern(totals: Map<string, number>, firstDate: string, asOf: string): number[] | null {
  const span = dayNumber(asOf) - dayNumber(firstDate) + 1;
  if (span < WEEKDAY_PATTERN_MIN_DAYS) return null;
  const days = Math.min(span, WEEKDAY_PATTERN_MAX_DAYS);
  const sums = new Array<number>(7).fill(0);
  const counts = new Array<number>(7).fill(0);
  for (let k = 0; k < days; k++) {
    const date = addDays(asOf, -k);
    const weekday = dayOfWeek(date);
    sums[weekday] += totals.get(date) || 0;
    counts[weekday] += 1;
  }
  return sums.map((sum, weekday) => sum / counts[weekday]);
}

/** Fewer days than a week (every weekday once) and a month's pace says little. */
const EARLY_DAYS = 7;

/**
 * Projects the month from the days measured (days `from`…`through` of the month) over the days the
 * shop sells in it (`from` to the month's end). With a weekday pattern w, the month is worth
 * monthToDate × Σw(selling days) / Σw(days measured): a month that has had its strong weekdays
 * already is not over-projected. Flat pace: monthToDate / days measured × selling days.
 */
type Pace = Pick<ThresholdReport, 'projectedMonth' | 'paceMethod' | 'paceFrom' | 'paceDays' | 'dailyPace'>;

/** No day of the month in the data: nothing to measure a pace on. */
const NO_PACE: Pace = { projectedMonth: null, paceMethod: 'flat', paceFrom: '', paceDays: 0, dailyPace: 0 };

function projectMonth(
  monthToDate: number,
  month: string,
  from: number,
  through: number,
  pattern: number[] | null,
): Pace {
  const selling = daysInMonth(month) - from + 1;
  const paceDays = through - from + 1;
  let [measured, open, paceMethod]: [number, number, ThresholdReport['paceMethod']] = [
    paceDays,
    selling,
    'flat',
  ];
  if (pattern) {
    let measuredWeight = 0;
    let openWeight = 0;
    for (let day = from; day < from + selling; day++) {
      const weight = pattern[dayOfWeek(dayIn(month, day))];
      openWeight += weight;
      if (day <= through) measuredWeight += weight;
    }
    if (measuredWeight > 0) [measured, open, paceMethod] = [measuredWeight, openWeight, 'day-of-week'];
  }
  const projectedMonth = Math.round((monthToDate * open) / measured);
  return {
    projectedMonth,
    paceMethod,
    paceFrom: dayIn(month, from),
    paceDays,
    dailyPace: projectedMonth / selling,
  };
}

/** `3 days`, `1 day`. */
const dayCount = (days: number) => `${days} day${days === 1 ? '' : 's'}`;

/** `above the $65,000 target`, `exactly the $65,000 target` or `$5,000 short of the $65,000 target`. */
function versusTarget(amount: number, target: number): string {
  const the = `the ${formatDollars(target)} target`;
  return amount > target
    ? `above ${the}`
    : amount === target
      ? `exactly ${the}`
      : `${formatDollars(target - amount)} short of ${the}`;
}

/** `$2,210 a day needed for the last 29 days ($64,102 to go).` */
function neededLine(
  report: Pick<ThresholdReport, 'neededPerDay' | 'daysLeft' | 'monthlyTarget' | 'monthToDate'>,
): string {
  const days = report.daysLeft === 1 ? 'day' : dayCount(report.daysLeft);
  const toGo = formatDollars(report.monthlyTarget - report.monthToDate);
  return `${formatDollars(report.neededPerDay)} a day needed for the last ${days} (${toGo} to go).`;
}

/**
 * This month against the target, judged by the forecast's expected month when one is given (the
 * sidebar's figure), else by the pace; a pace from under a week, or from no day at all, says so.
 * TTS_THRESHOLD and the sidebar share this line, so they never give two verdicts on one month.
 */
export function monthStatus(report: Omit<ThresholdReport, 'status'>, forecastMonth?: number): string {
  const {
    monthToDate: sold,
    monthlyTarget: target,
    projectedMonth: projected,
    paceDays,
    dataThrough,
  } = report;
  const noRows = `The range has no rows after ${dataThrough}`;
  if (projected === null) return `${noRows}: no pace for ${report.month} until its rows are added.`;
  const so = formatDollars(sold);
  const early = forecastMonth === undefined && paceDays < EARLY_DAYS;
  const expected = forecastMonth ?? projected;
  const verdict = early ? 'Too early to tell' : expected >= target ? 'On course' : 'Behind';
  const line =
    report.daysLeft === 0 && dataThrough >= report.asOf
      ? `Month closed at ${so}, ${versusTarget(sold, target)}.`
      : sold >= target
        ? `Target met: ${so} so far this month, ${versusTarget(sold, target)}.`
        : `${verdict}: ${early ? 'projected' : 'expected'} ${formatDollars(expected)} this month` +
          (early ? ` from ${dayCount(paceDays)} of sales` : '') +
          `, ${versusTarget(expected, target)}${expected >= target || report.daysLeft === 0 ? '.' : `; ${neededLine(report)}`}`;
  return dataThrough < report.asOf ? `${line} ${noRows}.` : line;
}

/** The latest full months, newest first (at most 12): ended before `month`, covered whole by the data. */
function fullMonthsBefore(
  totals: Map<string, number>,
  month: string,
  firstFullMonth: string,
  dataThrough: string,
): { month: string; amount: number }[] {
  let end = addMonths(month, -1);
  while (end >= firstFullMonth && lastDayOfMonth(end) > dataThrough) end = addMonths(end, -1);
  const months: { month: string; amount: number }[] = [];
  for (let m = end; months.length < 12 && m >= firstFullMonth; m = addMonths(m, -1)) {
    months.push({ month: m, amount: sumBetween(totals, firstDayOfMonth(m), lastDayOfMonth(m)) });
  }
  return months;
}

export function thresholdReport(daily: DailySales[], opts: ThresholdOptions): ThresholdReport {
  checkCents(opts.monthlyTarget, 'the monthly target');
  checkCents(opts.annualTarget, 'the annual target');
  const totals = totalsByDate(daily);
  const dates = [...totals.keys()].sort();
  // An as-of that is no date is refused by monthOf below, with the text it found.
  const asOf = opts.asOf || dates[dates.length - 1];
  if (asOf === undefined) {
    throw new Error(
      'No daily sales were given and no as-of date: pass at least one day of sales or an asOf date.',
    );
  }
  const firstDate = dates.length > 0 && dates[0] <= asOf ? dates[0] : asOf;
  const dataThrough = opts.dataThrough || dates[dates.length - 1] || asOf;
  const month = monthOf(asOf);
  const days = daysInMonth(month);
  const daysElapsed = dayOfMonth(asOf);
  const daysLeft = days - daysElapsed;
  const monthToDate = sumBetween(totals, firstDayOfMonth(month), asOf);
  const remaining = Math.max(0, opts.monthlyTarget - monthToDate);
  const neededPerDay = daysLeft > 0 ? Math.ceil(remaining / daysLeft) : 0;
  // The pace runs over the days the data covers: from the first sale (a shop that opened on the 15th
  // has sold for 14 days by the 28th) to as-of or the last day of data, whichever comes first.
  const from = monthOf(firstDate) === month ? dayOfMonth(firstDate) : 1;
  const measuredEnd = dataThrough < asOf ? dataThrough : asOf;
  // Data that ends before the month: no day of it measured.
  const through = monthOf(measuredEnd) === month ? dayOfMonth(measuredEnd) : 0;
  const pace =
    through >= from
      ? projectMonth(monthToDate, month, from, through, weekdayPattern(totals, firstDate, measuredEnd))
      : NO_PACE;
  const firstFullMonth = dayOfMonth(firstDate) === 1 ? monthOf(firstDate) : addMonths(monthOf(firstDate), 1);
  const fullMonths = fullMonthsBefore(totals, month, firstFullMonth, dataThrough);
  const report: Omit<ThresholdReport, 'status'> = {
    asOf,
    month,
    monthToDate,
    daysElapsed,
    daysLeft,
    neededPerDay,
    ...pace,
    dataThrough,
    firstFullMonth,
    lastFullMonth: fullMonths.length > 0 ? fullMonths[0] : null,
    monthsAtTargetLast12: fullMonths.filter((m) => m.amount >= opts.monthlyTarget).length,
    fullMonthsCounted: fullMonths.length,
    trailing12: fullMonths.reduce((sum, m) => sum + m.amount, 0),
    rolling12: sumBetween(totals, rollingYearStart(asOf), asOf),
    yearToDate: sumBetween(totals, `${yearOf(asOf)}-01-01`, asOf),
    monthlyTarget: opts.monthlyTarget,
    annualTarget: opts.annualTarget,
  };
  return { ...report, status: monthStatus(report) };
}
