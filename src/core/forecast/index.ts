/**
 * Monthly sales forecast for the threshold panel, the dashboard and TTS_FORECAST. Every method in
 * methods.ts is tried on the seller's own past months (rolling-origin backtest); the one that was
 * off by the least is shown, provided it beat the forecasts a seller makes by hand ("same as last
 * month", "same month last year") — otherwise the best of those is shown, and the message says
 * so. The band around each month comes from sales-distribution.ts and never goes below $0. A
 * seller's sales are forecast per day (forecastSalesPerDay), so month length is no signal.
 */
import { addMonths, daysInMonth, monthsBetween, parseMonth } from '../analysis/calendar';
import { backtestMape, backtestWindow } from './backtest';
import { METHODS, type Method, type MethodId } from './methods';
import { salesBand, salesDistribution, type SalesDistributionKind } from './sales-distribution';
import { MONTH_NAMES } from '../dates';

export interface ForecastPoint {
  month: string; // 'YYYY-MM'
  /** Expected sales. */
  mean: number;
  /** The method's forecast variance (for chances over part of a month). */
  variance: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
  /** P(month ≥ target); null without a target. */
  pTarget: number | null;
}

export interface MethodScore {
  id: MethodId;
  label: string;
  /** Mean absolute % error on the backtest months; null when the method could not be scored. */
  mape: number | null;
}

export interface BacktestSummary {
  /** Past months each method was checked on (0: too few months to check any). */
  origins: number;
  /** Months ahead forecast from each of them. */
  horizon: number;
  /** The method shown. */
  modelMape: number | null;
  naiveMape: number | null;
  seasonalNaiveMape: number | null;
  /** Every method tried, in METHODS order. */
  scores: MethodScore[];
}

export interface ForecastResult {
  status: 'ok' | 'too-little-history';
  /** Why there is no forecast; with one, `summary`. */
  message: string;
  /** Which method, on how many months, how far off on past months; why there is no range when there is none. */
  summary: string;
  /** The method shown, in plain words ('' without a forecast). */
  method: string;
  methodId: MethodId | null;
  /** The model in R's notation (e.g. `ETS(M,Ad,N)`), for developers; never shown to sellers. */
  form: string;
  /** True when a forecasting method beat the by-hand forecasts on the seller's past months. */
  beatsNaive: boolean;
  /**
   * False with too few months to check a method on (the spread of two or three month-to-month
   * changes is no range to trust) or months that never varied: the 80 % band is then the forecast
   * itself, no chance of a target is given, and the message says why.
   */
  spread: boolean;
  distribution: SalesDistributionKind | null;
  points: ForecastPoint[];
  backtest: BacktestSummary;
}

export interface ForecastOptions {
  /** Months ahead (default 6). */
  horizon?: number;
  /** Monthly target in the same units as the values. */
  target?: number;
}

/** Fewer months than this and there is nothing to forecast from. */
const MINIMUM_MONTHS = 3;
/** Every check forecasts from at least this many months. */
const MIN_TRAINING = 4;
/** Fewer past months to check than this and no method is trusted over "same as last month". */
const MIN_ORIGINS = 3;
/** At most this many past months are checked (the last year). */
const MAX_ORIGINS = 12;
/** A method must be off by this many percentage points less than the by-hand forecasts to count as better. */
const MARGIN = 0.5;
/** Each past month is forecast up to this many months ahead: a seller plans beyond next month. */
const BACKTEST_HORIZON = 3;

const NO_BACKTEST: BacktestSummary = {
  origins: 0,
  horizon: 0,
  modelMape: null,
  naiveMape: null,
  seasonalNaiveMape: null,
  scores: [],
};

function checkInput(months: readonly string[], values: readonly number[]): void {
  if (months.length !== values.length) {
    throw new Error(
      `Expected one value per month: found ${months.length} months and ${values.length} values.`,
    );
  }
  months.forEach((month, i) => {
    parseMonth(month);
    const step = i > 0 ? monthsBetween(months[i - 1], month) : 1;
    if (step > 1)
      throw new Error(
        `Month ${addMonths(months[i - 1], 1)} is missing between ${months[i - 1]} and ${month}: add it with its sales (0 if none).`,
      );
    if (step < 1)
      throw new Error(`months must be in order, oldest first: ${month} comes after ${months[i - 1]}.`);
  });
  values.forEach((value, i) => {
    if (!Number.isFinite(value)) {
      throw new Error(`Expected a number of sales for ${months[i]}, found ${String(value)}.`);
    }
  });
}

/** `2026-07` → `July 2026`. */
export function monthLabel(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** Whole dollars, `$10,389`: the one way amounts are written in the forecast's words. */
export function wholeDollars(value: number): string {
  const rounded = Math.round(Math.abs(value));
  const digits = String(rounded).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 && rounded !== 0 ? '-' : ''}$${digits}`;
}

const percentText = (mape: number) => `${Math.round(mape)}%`;

function forecasterOf(
  method: Method,
  values: readonly number[],
): (history: readonly number[], horizon: number) => number[] | null {
  const forecast = method.backtestForecaster ? method.backtestForecaster(values) : method.forecast;
  return (history, horizon) => forecast(history, horizon)?.mean ?? null;
}

interface Choice {
  method: Method;
  beatsNaive: boolean;
  backtest: BacktestSummary;
}

/**
 * Scores every method on the same past months (the last MAX_ORIGINS, each forecast from the months
 * before it, up to BACKTEST_HORIZON ahead); a method that could not have forecast one of them is
 * left out. The best forecasting method is picked if it beat the best by-hand one by MARGIN.
 */
export function chooseMethod(values: readonly number[]): Choice {
  const n = values.length;
  const naive = METHODS.find((m) => m.id === 'naive') as Method;
  const window = backtestWindow(n, MIN_TRAINING, MAX_ORIGINS, BACKTEST_HORIZON);
  if (window.origins.length < MIN_ORIGINS) return { method: naive, beatsNaive: false, backtest: NO_BACKTEST };
  const running = METHODS.filter((m) => m.minHistory <= window.origins[0]);
  const scores: MethodScore[] = running.map((method) => ({
    id: method.id,
    label: method.label,
    mape: backtestMape(values, forecasterOf(method, values), window),
  }));
  const best = (benchmark: boolean): { method: Method; mape: number } | null => {
    let found: { method: Method; mape: number } | null = null;
    for (const score of scores) {
      const method = running.find((m) => m.id === score.id) as Method;
      if (method.benchmark !== benchmark || score.mape === null) continue;
      if (found === null || score.mape < found.mape) found = { method, mape: score.mape };
    }
    return found;
  };
  const model = best(false);
  const benchmark = best(true) ?? { method: naive, mape: Infinity };
  const beatsNaive = model !== null && model.mape <= benchmark.mape - MARGIN;
  const chosen = beatsNaive ? (model as { method: Method; mape: number }) : benchmark;
  const mapeOf = (id: MethodId) => scores.find((s) => s.id === id)?.mape ?? null;
  return {
    method: chosen.method,
    beatsNaive,
    backtest: {
      origins: window.origins.length,
      horizon: BACKTEST_HORIZON,
      modelMape: Number.isFinite(chosen.mape) ? chosen.mape : null,
      naiveMape: mapeOf('naive'),
      seasonalNaiveMape: mapeOf('seasonal-naive'),
      scores,
    },
  };
}

function describeChoice(n: number, choice: Choice, spread: boolean): string {
  const { backtest, method } = choice;
  const error = percentText(backtest.modelMape || 0);
  const carried = ", so this is last month's sales carried forward";
  const how =
    backtest.origins === 0
      ? `: too few to check a forecasting method on past months${carried}, with no 80% range or chance of a target ` +
        `(${MIN_TRAINING + MIN_ORIGINS} months are needed)`
      : backtest.modelMape === null
        ? `: no past month had sales to check a forecasting method against${carried}`
        : choice.beatsNaive
          ? ` (${method.label}); on past months this method was off by ${error} on average`
          : `: no forecasting method beat “${method.label}” on past months, so this shows ${method.label} (off by ${error} on average)`;
  // Months that never varied leave no spread to measure: no band rather than a band of width 0.
  const still =
    spread || backtest.origins === 0 ? '' : ' The method fits your months exactly: no range to measure.';
  return `Based on your last ${n} months${how}.${still}`;
}

/**
 * A seller's sales by month, forecast with the calendar adjustment of Hyndman & Athanasopoulos
 * (FPP, "calendar adjustments"): each month's sales per day (÷ its days) are what the methods are
 * chosen, checked and fitted on, and each forecast month is that per-day forecast times its days
 * (mean × days, variance × days², so the band and the chance scale with it). Month length is then
 * no signal: $2,000 a day forecasts February at $56,000 and March at $62,000, where totals would
 * forecast a 28-day February like a 31-day month. The dashboard, TTS_THRESHOLD and TTS_FORECAST
 * forecast with this; forecastMonthly is the methods on the numbers as given (R's checks).
 */
export const forecastSalesPerDay = (months: string[], values: number[], opts?: ForecastOptions) =>
  forecastMonthly(months, values, opts, daysInMonth);

/** The forecast of `values`, or with `days`, of values ÷ days(month) scaled back by each month's days. */
export function forecastMonthly(
  months: string[],
  monthly: number[],
  opts: ForecastOptions = {},
  days = (_month: string) => 1,
): ForecastResult {
  checkInput(months, monthly);
  const values = monthly.map((v, i) => v / days(months[i]));
  const n = values.length;
  if (n < MINIMUM_MONTHS) {
    const found = n === 0 ? 'No full months' : n === 1 ? 'Only 1 full month' : `Only ${n} full months`;
    return {
      status: 'too-little-history',
      message: `${found} of sales: at least ${MINIMUM_MONTHS} are needed to forecast.`,
      summary: '',
      method: '',
      methodId: null,
      form: '',
      beatsNaive: false,
      spread: false,
      distribution: null,
      points: [],
      backtest: NO_BACKTEST,
    };
  }
  const horizon = Math.max(1, Math.floor(opts.horizon ?? 6));
  const target = opts.target;
  const choice = chooseMethod(values);
  const forecast = choice.method.forecast(values, horizon);
  if (!forecast) throw new Error(`The ${choice.method.label} forecast could not be made from ${n} months.`);
  const positive = values.every((v) => v > 0);
  const spread = choice.backtest.origins > 0 && forecast.variance.every((v) => v > 0);
  const lastMonth = months[n - 1];
  let kind: SalesDistributionKind = 'lognormal';
  const points: ForecastPoint[] = forecast.mean.map((mean, i) => {
    const month = addMonths(lastMonth, i + 1);
    const d = days(month);
    // d × sales a day: both distributions scale exactly (mean × d, variance × d², quantiles × d).
    const distribution = salesDistribution(mean * d, spread ? forecast.variance[i] * d * d : 0, positive);
    if (distribution.kind === 'floored-normal') kind = 'floored-normal';
    const band80 = salesBand(distribution, 0.8);
    const band95 = salesBand(distribution, 0.95);
    return {
      month,
      mean: distribution.mean,
      variance: distribution.variance,
      lo80: band80.lower,
      hi80: band80.upper,
      lo95: band95.lower,
      hi95: band95.upper,
      pTarget: target === undefined || !spread ? null : distribution.chanceAtLeast(target),
    };
  });
  const summary = describeChoice(n, choice, spread);
  return {
    status: 'ok',
    message: summary,
    summary,
    method: choice.method.label,
    methodId: choice.method.id,
    form: forecast.form,
    beatsNaive: choice.beatsNaive,
    spread,
    distribution: kind,
    points,
    backtest: choice.backtest,
  };
}
