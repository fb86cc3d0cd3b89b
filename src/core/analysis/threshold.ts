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
  monthsBetween,
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
  projectedMonth: number;
  paceMethod: 'day-of-week' | 'flat';
  /** The calendar month before `asOf`'s month, when the sales history reaches it. */
  lastFullMonth: { month: string; amount: number } | null;
  monthsAtTargetLast12: number;
  /** Full months (ended before this month, from the month of the first sale on) among the last 12. */
  fullMonthsCounted: number;
  /** Sales of those full months. */
  trailing12: number;
  /** Sales of the twelve months ending on `asOf` (rolling: this month to date included). */
  rolling12: number;
  /** Calendar year of `asOf`, 1 January through `asOf`. */
  yearToDate: number;
  /** Year to date before this month + this month's projection + this month's daily pace for the rest of the year. */
  projectedYear: number;
  /** annualTarget − projectedYear: positive is the shortfall, negative the projected surplus. */
  annualGap: number;
  monthlyTarget: number;
  annualTarget: number;
  status: string;
}

export interface ThresholdOptions {
  monthlyTarget: number; // cents
  annualTarget: number; // cents
  asOf?: string; // default: latest date in daily
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

/** The first day of the twelve months that end on `asOf` (2026-05-17 → 2025-05-18). */
function rollingYearStart(asOf: string): string {
  const month = addMonths(monthOf(asOf), -12);
  const day = Math.min(dayOfMonth(asOf), daysInMonth(month));
  return addDays(`${month}-${String(day).padStart(2, '0')}`, 1);
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
    totals.set(entry.date, (totals.get(entry.date) ?? 0) + entry.amount);
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
    sums[weekday] += totals.get(date) ?? 0;
    counts[weekday] += 1;
  }
  return sums.map((sum, weekday) => sum / counts[weekday]);
}

/**
 * Projects the month from the pace so far. With a weekday pattern w, the month is worth
 * monthToDate × Σw(all days) / Σw(elapsed days): a month that has had its strong weekdays
 * already is not over-projected. Flat pace: monthToDate / daysElapsed × days in month.
 */
function projectMonth(
  monthToDate: number,
  month: string,
  daysElapsed: number,
  pattern: number[] | null,
): { projected: number; method: ThresholdReport['paceMethod'] } {
  const days = daysInMonth(month);
  if (pattern) {
    let elapsedWeight = 0;
    let monthWeight = 0;
    for (let day = 1; day <= days; day++) {
      const weight = pattern[dayOfWeek(`${month}-${String(day).padStart(2, '0')}`)];
      monthWeight += weight;
      if (day <= daysElapsed) elapsedWeight += weight;
    }
    if (elapsedWeight > 0) {
      return { projected: Math.round((monthToDate * monthWeight) / elapsedWeight), method: 'day-of-week' };
    }
  }
  return { projected: Math.round((monthToDate * days) / daysElapsed), method: 'flat' };
}

function statusLine(report: Omit<ThresholdReport, 'status'>): string {
  const target = formatDollars(report.monthlyTarget);
  if (report.monthToDate >= report.monthlyTarget) {
    const verb = report.daysLeft === 0 ? 'Month closed at' : 'Target met:';
    const tail = report.daysLeft === 0 ? '' : ' so far this month';
    const relation =
      report.monthToDate === report.monthlyTarget
        ? `exactly the ${target} target`
        : `above the ${target} target`;
    return `${verb} ${formatDollars(report.monthToDate)}${tail}, ${relation}.`;
  }
  const short = formatDollars(report.monthlyTarget - report.monthToDate);
  if (report.daysLeft === 0) {
    return `Month closed at ${formatDollars(report.monthToDate)}, ${short} short of the ${target} target.`;
  }
  const dayWord = report.daysLeft === 1 ? 'day' : 'days';
  if (report.projectedMonth >= report.monthlyTarget) {
    const relation =
      report.projectedMonth === report.monthlyTarget
        ? `exactly the ${target} target`
        : `above the ${target} target`;
    return `On pace: projected ${formatDollars(report.projectedMonth)} this month, ${relation}.`;
  }
  return (
    `Behind pace: projected ${formatDollars(report.projectedMonth)} this month, ` +
    `${formatDollars(report.monthlyTarget - report.projectedMonth)} short of the ${target} target; ` +
    `${formatDollars(report.neededPerDay)} a day needed for the last ${report.daysLeft} ${dayWord} (${short} to go).`
  );
}

export function thresholdReport(daily: DailySales[], opts: ThresholdOptions): ThresholdReport {
  checkCents(opts.monthlyTarget, 'the monthly target');
  checkCents(opts.annualTarget, 'the annual target');
  const totals = totalsByDate(daily);
  const dates = [...totals.keys()].sort();
  if (opts.asOf !== undefined && !isValidDate(opts.asOf)) {
    throw new Error(`Expected the as-of date as YYYY-MM-DD, found "${opts.asOf}".`);
  }
  const asOf = opts.asOf ?? dates[dates.length - 1];
  if (asOf === undefined) {
    throw new Error(
      'No daily sales were given and no as-of date: pass at least one day of sales or an asOf date.',
    );
  }
  const firstDate = dates.length > 0 && dates[0] <= asOf ? dates[0] : asOf;
  const month = monthOf(asOf);
  const days = daysInMonth(month);
  const daysElapsed = dayOfMonth(asOf);
  const daysLeft = days - daysElapsed;
  const monthToDate = sumBetween(totals, firstDayOfMonth(month), asOf);
  const remaining = Math.max(0, opts.monthlyTarget - monthToDate);
  const neededPerDay = daysLeft > 0 ? Math.ceil(remaining / daysLeft) : 0;
  const pace = projectMonth(monthToDate, month, daysElapsed, weekdayPattern(totals, firstDate, asOf));

  const firstMonth = monthOf(firstDate);
  const fullMonths: { month: string; amount: number }[] = [];
  for (let back = 1; back <= 12; back++) {
    const candidate = addMonths(month, -back);
    if (monthsBetween(firstMonth, candidate) < 0) break;
    fullMonths.push({
      month: candidate,
      amount: sumBetween(totals, firstDayOfMonth(candidate), lastDayOfMonth(candidate)),
    });
  }
  const year = yearOf(asOf);
  const yearToDate = sumBetween(totals, `${year}-01-01`, asOf);
  const daysAfterThisMonth = dayNumber(`${year}-12-31`) - dayNumber(lastDayOfMonth(month));
  const projectedYear =
    yearToDate - monthToDate + pace.projected + Math.round((pace.projected * daysAfterThisMonth) / days);
  const report: Omit<ThresholdReport, 'status'> = {
    asOf,
    month,
    monthToDate,
    daysElapsed,
    daysLeft,
    neededPerDay,
    projectedMonth: pace.projected,
    paceMethod: pace.method,
    lastFullMonth: fullMonths.length > 0 ? fullMonths[0] : null,
    monthsAtTargetLast12: fullMonths.filter((m) => m.amount >= opts.monthlyTarget).length,
    fullMonthsCounted: fullMonths.length,
    trailing12: fullMonths.reduce((sum, m) => sum + m.amount, 0),
    rolling12: sumBetween(totals, rollingYearStart(asOf), asOf),
    yearToDate,
    projectedYear,
    annualGap: opts.annualTarget - projectedYear,
    monthlyTarget: opts.monthlyTarget,
    annualTarget: opts.annualTarget,
  };
  return { ...report, status: statusLine(report) };
}
