/**
 * The numbers behind the TTS Dashboard tab and the sidebar's Forecast card, from ledger rows:
 * monthly sales against the target with the forecast and its 80 % band, net profit and fees by
 * month, the calendar year's cumulative sales against the annual target, and fees by category.
 * Money is integer cents throughout; the forecast runs in dollars and comes back rounded to cents.
 */
import { addMonths, dayOfMonth, daysInMonth, monthOf, monthRange, monthsBetween, yearOf } from './calendar';
import { findColumnById } from '../read/catalog';
import { IMPORT_FIRST } from '../ledger/ledger-format';
import type { ChanceBasis, ForecastStatus, SalesMetric } from '../contract';
import {
  forecastSalesPerDay,
  monthLabel,
  type BacktestSummary,
  type ForecastResult,
} from '../forecast/index';
import { normalQuantile, probabilityAtLeast } from '../forecast/normal';
import { addRowLines, dailySales, emptyLines, rowDate, rowMonth, type CogsTable } from './pnl';
import { profitByMonth, type MonthProfit } from './dashboard-profit';
import { CostTally } from './profit';
import { bookMonths } from './book-months';
import { NO_AD_SPEND, type AdSpendByMonth } from './ad-spend';
import type { RunningCost } from './running-costs';
import {
  defaultAsOf,
  formatDollars,
  latestDates,
  monthStatus,
  thresholdReport,
  type DailySales,
  type ThresholdReport,
} from './threshold';
import type { LedgerRow } from '../types';
import type { UnitlessRows } from './unitless-rows';
import { MONTH_NAMES } from '../dates';

export interface OutlookOptions {
  monthlyTargetCents: number;
  annualTargetCents: number;
  metric: SalesMetric;
  /** Last day counted, `YYYY-MM-DD`; default the latest dated row. */
  asOf?: string;
  /** Forecast at least this many months ahead (default 6); the forecast always reaches December of `asOf`'s year. */
  minHorizon?: number;
}

/** One month of the calendar year: cumulative sales so far, and where they are expected to go. */
export interface YearLine {
  month: string;
  /** Cumulative sales from 1 January through this month (through `asOf` in its month); null after it. */
  actual: number | null;
  /** Cumulative expected sales from the last full month on; null before it. */
  expected: number | null;
}

/** A month of the forecast in cents; for the month under way, its month to date plus the days left. */
export interface OutlookPoint {
  month: string;
  mean: number;
  low80: number;
  high80: number;
}

/** Sales outlook: pace, forecast and the calendar year. Needs no costs. */
export interface SalesOutlook {
  status: ForecastStatus;
  /** Null when the ledger has no dated sales. */
  report: ThresholdReport | null;
  forecast: ForecastResult;
  /** Consecutive months from the first sale through `asOf`'s month, sales in cents (0 for a month without sales). */
  history: { month: string; sales: number }[];
  /**
   * Forecast months in cents, from the month under way (or the month after a closed one). The month
   * under way is its month to date plus the forecast for the days left: the expected total that the
   * chance, the first month at target and the year line all use.
   */
  points: OutlookPoint[];
  year: YearLine[];
}

export interface MonthLine {
  month: string;
  /** Sales of the chosen metric (month to date for the month under way); null for months still to come. */
  sales: number | null;
  forecast: number | null;
  low80: number | null;
  high80: number | null;
  /** Net profit with every cost (see profit.ts); null for months still to come. */
  netProfit: number | null;
  /** Fees paid (the fee columns' total with the sign turned: a cost is positive); null for months still to come. */
  feesPaid: number | null;
}

export interface FeeCategoryLine {
  category: string;
  /** Fees paid in the category over the calendar year (credits make it smaller). */
  paid: number;
}

export interface DashboardModel extends SalesOutlook {
  /** History months, then forecast months. */
  months: MonthLine[];
  /** Fees by category over the calendar year of `asOf`, largest first. */
  feesByCategory: FeeCategoryLine[];
  /** SKUs sold without a unit cost: their COGS counts as 0 in net profit. */
  missingCostSkus: string[];
  /** Rows sold without units (a legacy Income export's, a cleared Quantity): their COGS counts as 0 too. */
  unitlessRows: UnitlessRows;
  /** The history months' profit with every cost, and where their gross sales went. */
  profit: MonthProfit[];
  /** Rows with neither an order date nor a statement date: not in any month. */
  undatedRows: number;
}

const DEFAULT_HORIZON = 6;

const toCents = (dollars: number) => Math.round(dollars * 100);
const toDollars = (cents: number) => cents / 100;

/** The forecast's checks on past months as the status gives them: without each method's score. */
const statusBacktest = ({ origins, horizon, modelMape, naiveMape, seasonalNaiveMape }: BacktestSummary) => ({
  origins,
  horizon,
  modelMape,
  naiveMape,
  seasonalNaiveMape,
});

function emptyStatus(opts: OutlookOptions, message: string, forecast: ForecastResult): ForecastStatus {
  return {
    hasData: false,
    asOf: '',
    month: '',
    metric: opts.metric,
    monthlyTargetCents: opts.monthlyTargetCents,
    annualTargetCents: opts.annualTargetCents,
    monthToDateCents: 0,
    daysElapsed: 0,
    daysLeft: 0,
    paceCents: 0,
    expectedMonthCents: 0,
    neededPerDayCents: 0,
    chanceThisMonth: null,
    chanceBasis: 'too-little-history',
    firstMonthAtTarget: null,
    annualCrossingMonth: null,
    yearToDateCents: 0,
    projectedYearCents: 0,
    method: '',
    beatsNaive: false,
    backtest: statusBacktest(forecast.backtest),
    paceLine: '',
    forecastMessage: forecast.message,
    message,
  };
}

/** Sales per month from daily sales up to `asOf`, consecutive, 0 for months without sales. */
function monthlyHistory(
  daily: readonly { date: string; amount: number }[],
  asOf: string,
): { month: string; sales: number }[] {
  const byMonth = new Map<string, number>();
  let first = '';
  for (const { date, amount } of daily) {
    if (date > asOf) continue;
    const month = monthOf(date);
    if (first === '' || month < first) first = month;
    byMonth.set(month, (byMonth.get(month) || 0) + amount);
  }
  if (first === '') return [];
  return monthRange(first, monthOf(asOf)).map((month) => ({ month, sales: byMonth.get(month) || 0 }));
}

/**
 * The month under way: the month to date plus the days left, taken as the share f = days left /
 * days of the forecast month, mean and variance alike (sales of different days add up, and so do
 * their variances; a sum of many days is close to normal). The expected total is the month to date
 * plus f × the forecast mean, so the chance of the target is at least 50 % exactly when the
 * expected total reaches the target.
 */
function monthUnderWay(
  report: ThresholdReport,
  full: { mean: number; variance: number },
  unknownDays: number,
): { point: OutlookPoint; chance: number } {
  const share = unknownDays / daysInMonth(report.month);
  const rest = Math.max(0, Math.round(full.mean * share));
  const sd = Math.sqrt(full.variance * share);
  const at = (p: number) => report.monthToDate + Math.max(0, Math.round(rest + sd * normalQuantile(p)));
  return {
    point: { month: report.month, mean: report.monthToDate + rest, low80: at(0.1), high80: at(0.9) },
    chance: probabilityAtLeast(report.monthlyTarget - report.monthToDate, rest, sd * sd),
  };
}

/** The forecast in words: which method and how it did, then the first month after this one. */
function forecastLine(
  forecast: ForecastResult,
  points: readonly OutlookPoint[],
  month: string,
  monthClosed: boolean,
): string {
  if (forecast.status !== 'ok') {
    return monthClosed
      ? forecast.message
      : `${forecast.message} The month under way (${monthLabel(month)}) counts once it is over.`;
  }
  const next = points.find((p) => p.month > month);
  if (!next) return forecast.summary;
  const band = forecast.spread
    ? ` (8 in 10 chance between ${formatDollars(next.low80)} and ${formatDollars(next.high80)})`
    : '';
  return `${forecast.summary} ${monthLabel(next.month)}: about ${formatDollars(next.mean)}${band}.`;
}

/** Pace, forecast, chance of this month's target and the calendar year against the annual target. */
export function salesOutlook(rows: readonly LedgerRow[], opts: OutlookOptions): SalesOutlook {
  const dataThrough = defaultAsOf(rows);
  return outlookOfDaily(dailySales(rows, opts.metric), {
    ...opts,
    asOf: opts.asOf || dataThrough || '',
    dataThrough,
  });
}

/** The outlook from sales by day (TTS_THRESHOLD's projected year is this one's). */
export function outlookOfDaily(
  daily: readonly DailySales[],
  opts: OutlookOptions & { asOf: string; dataThrough?: string },
): SalesOutlook {
  const asOf = opts.asOf;
  const history = asOf ? monthlyHistory(daily, asOf) : [];
  if (history.length === 0) {
    const forecast = forecastSalesPerDay([], []);
    const message = `No dated sales in the TTS Ledger tab yet: ${IMPORT_FIRST}`;
    return {
      status: emptyStatus(opts, message, forecast),
      report: null,
      forecast,
      history,
      points: [],
      year: [],
    };
  }
  const report = thresholdReport(
    daily.filter((d) => d.date <= asOf),
    {
      monthlyTarget: opts.monthlyTargetCents,
      annualTarget: opts.annualTargetCents,
      asOf,
      dataThrough: opts.dataThrough,
    },
  );
  const month = report.month;
  // Days after the data's last day (as-of later in the month) are not known to be $0: the forecast
  // fills them in as it does the days left, and the month is closed only once the data covers it.
  const through = report.dataThrough < asOf ? report.dataThrough : asOf;
  const unknownDays = daysInMonth(month) - (monthOf(through) === month ? dayOfMonth(through) : 0);
  const monthClosed = unknownDays === 0;
  // The month under way is not a month of history yet: it would drag the forecast down.
  // Nor is a first month the shop started after its 1st.
  const full = (monthClosed ? history : history.slice(0, -1)).filter((m) => m.month >= report.firstFullMonth);
  const lastFull = full.length > 0 ? full[full.length - 1].month : addMonths(month, -1);
  const year = yearOf(asOf);
  const horizon = Math.max(opts.minHorizon ?? DEFAULT_HORIZON, monthsBetween(lastFull, `${year}-12`));
  // Per day, times each month's days: a 28-day February is not forecast like a 31-day month.
  const forecast = forecastSalesPerDay(
    full.map((m) => m.month),
    full.map((m) => toDollars(m.sales)),
    {
      horizon,
      target: toDollars(opts.monthlyTargetCents),
    },
  );
  const points: OutlookPoint[] = forecast.points.map((p) => ({
    month: p.month,
    mean: toCents(p.mean),
    low80: toCents(p.lo80),
    high80: toCents(p.hi80),
  }));

  let chance: number | null = null;
  let basis: ChanceBasis = 'too-little-history';
  const pace = report.projectedMonth ?? report.monthToDate;
  let expectedMonth = monthClosed ? report.monthToDate : pace;
  const current = monthClosed ? undefined : forecast.points.find((p) => p.month === month);
  if (current) {
    // Variance in dollars² → cents².
    const underWay = monthUnderWay(
      report,
      { mean: toCents(current.mean), variance: current.variance * 10_000 },
      unknownDays,
    );
    points[0] = underWay.point;
    expectedMonth = underWay.point.mean;
    // Without a measured spread (too few months) there is no chance to give.
    if (forecast.spread) [chance, basis] = [underWay.chance, 'forecast'];
  }
  if (report.monthToDate >= report.monthlyTarget) {
    chance = 1;
    basis = 'target-met';
  } else if (monthClosed) {
    chance = 0;
    basis = 'month-closed';
  }
  const firstMonthAtTarget =
    expectedMonth >= opts.monthlyTargetCents
      ? month
      : (points.find((p) => p.month > month && p.mean >= opts.monthlyTargetCents)?.month ?? null);

  // Expected sales of each month from the month under way on; without a forecast, the pace.
  const dailyPace = report.dailyPace;
  const expectedOf = (m: string): number => {
    if (m === month) return expectedMonth;
    const point = points.find((p) => p.month === m);
    return Math.max(0, point ? point.mean : Math.round(dailyPace * daysInMonth(m)));
  };
  const salesOf = new Map(history.map((h) => [h.month, h.sales]));
  const yearLines: YearLine[] = [];
  let actual = 0;
  let expected: number | null = null;
  let crossing: string | null = null;
  for (let i = 1; i <= 12; i++) {
    const m = `${year}-${String(i).padStart(2, '0')}`;
    const line: YearLine = { month: m, actual: null, expected: null };
    if (m <= month) {
      actual += salesOf.get(m) || 0;
      line.actual = actual;
      if (crossing === null && actual >= opts.annualTargetCents) crossing = m;
    }
    // The expected line starts at the last full month (or at 0 before January) so it joins the actual one.
    if (m === lastFull) expected = actual;
    else if (m > lastFull) expected = (expected || 0) + expectedOf(m);
    line.expected = expected;
    if (crossing === null && expected !== null && expected >= opts.annualTargetCents) crossing = m;
    yearLines.push(line);
  }

  const monthName = MONTH_NAMES[Number(month.slice(5, 7)) - 1];
  const december = yearLines[11];
  const status: ForecastStatus = {
    hasData: true,
    asOf,
    month,
    metric: opts.metric,
    monthlyTargetCents: opts.monthlyTargetCents,
    annualTargetCents: opts.annualTargetCents,
    monthToDateCents: report.monthToDate,
    daysElapsed: report.daysElapsed,
    daysLeft: report.daysLeft,
    paceCents: pace,
    expectedMonthCents: expectedMonth,
    neededPerDayCents: report.neededPerDay,
    chanceThisMonth: chance,
    chanceBasis: basis,
    firstMonthAtTarget,
    annualCrossingMonth: crossing,
    yearToDateCents: report.yearToDate,
    projectedYearCents: december.expected ?? december.actual ?? 0,
    method: forecast.method,
    beatsNaive: forecast.beatsNaive,
    backtest: statusBacktest(forecast.backtest),
    paceLine: monthStatus(report, current ? expectedMonth : undefined),
    forecastMessage: forecastLine(forecast, points, month, monthClosed),
    message:
      `${formatDollars(report.monthToDate)} of the ${formatDollars(opts.monthlyTargetCents)} target in ` +
      `${monthName} ${asOf.slice(0, 4)}, through ${monthName} ${Number(asOf.slice(8, 10))}.`,
  };
  return { status, report, forecast, history, points, year: yearLines };
}

/** Costs beside the ledger: running costs (TTS Costs) and ad spend by month (from the ads module). */
export interface DashboardCosts {
  costs?: readonly RunningCost[];
  adSpend?: AdSpendByMonth;
}

/** Everything the dashboard tab shows. COGS missing for a sold SKU, or a row without units, counts as 0 and is listed. */
export function dashboardModel(
  rows: readonly LedgerRow[],
  cogs: CogsTable,
  opts: OutlookOptions,
  extra: DashboardCosts = {},
): DashboardModel {
  const outlook = salesOutlook(rows, opts);
  // Sales run to the last order (asOf); money runs to the last row: a later statement of
  // adjustments only (a chargeback, a reimbursement) is settled money all the same.
  const asOf = opts.asOf ?? (latestDates(rows).any || outlook.status.asOf);
  const perMonth = new Map<string, { lines: ReturnType<typeof emptyLines>; fees: Map<string, number> }>();
  let undatedRows = 0;
  const tally = new CostTally(cogs, 'month');
  for (const row of rows) {
    const month = rowMonth(row);
    if (!month) {
      undatedRows++;
      continue;
    }
    if (rowDate(row) > asOf) continue;
    let entry = perMonth.get(month);
    if (!entry) {
      entry = { lines: emptyLines(), fees: new Map() };
      perMonth.set(month, entry);
    }
    addRowLines(row, entry.lines, entry.fees);
    tally.addRow(row);
  }
  const adSpend = extra.adSpend ?? NO_AD_SPEND;
  const costs = extra.costs || [];
  const profit = profitByMonth(perMonth, tally, bookMonths(tally.months, adSpend, costs), costs, adSpend);
  const profitOf = new Map(profit.map((p) => [p.month, p]));
  // Without a measured spread (under 7 months, or months that never varied) no band, as in
  // TTS_FORECAST: a band of width 0 would read as certainty. The Forecast line says why.
  const band = (p: OutlookPoint | undefined) =>
    p && outlook.forecast.spread ? { low80: p.low80, high80: p.high80 } : { low80: null, high80: null };

  const months: MonthLine[] = outlook.history.map(({ month, sales }) => {
    const entry = perMonth.get(month);
    const point = outlook.points.find((p) => p.month === month);
    return {
      month,
      sales,
      forecast: point ? point.mean : null,
      ...band(point),
      netProfit: profitOf.get(month)?.netProfit || 0,
      feesPaid: entry ? 0 - entry.lines.fees : 0, // 0 − x, not −x: a month without fees is 0, not −0
    };
  });
  const lastMonth = months.length > 0 ? months[months.length - 1].month : '';
  for (const p of outlook.points) {
    if (p.month <= lastMonth) continue;
    // A month after the last order may still hold settled money (adjustments) or ad spend: its profit and fees.
    const entry = perMonth.get(p.month);
    const profit = profitOf.get(p.month);
    months.push({
      month: p.month,
      sales: null,
      forecast: p.mean,
      ...band(p),
      netProfit: profit ? profit.netProfit : null,
      feesPaid: entry ? 0 - entry.lines.fees : null,
    });
  }

  const byCategory = new Map<string, number>();
  const year = outlook.status.asOf ? String(yearOf(outlook.status.asOf)) : '';
  for (const [month, entry] of perMonth) {
    if (month.slice(0, 4) !== year) continue;
    for (const [id, cents] of entry.fees) {
      const category = findColumnById(id)?.feeCategory ?? 'Other fees';
      byCategory.set(category, (byCategory.get(category) || 0) - cents);
    }
  }
  const feesByCategory = [...byCategory]
    .filter(([, paid]) => paid !== 0)
    .map(([category, paid]) => ({ category, paid }))
    .sort((a, b) => b.paid - a.paid || a.category.localeCompare(b.category));

  return {
    ...outlook,
    months,
    feesByCategory,
    missingCostSkus: [...tally.missing].sort(),
    unitlessRows: tally.unitless,
    profit,
    undatedRows,
  };
}
