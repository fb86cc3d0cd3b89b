/**
 * Monthly sales forecast for the threshold panel, the dashboard and TTS_FORECAST. Every method in
 * methods.ts is tried on the seller's own past months (rolling-origin backtest); the one that was
 * off by the least is shown, provided it beat the forecasts a seller makes by hand ("same as last
 * month", "same month last year") — otherwise the best of those is shown, and the message says
 * so. The band around each month comes from sales-distribution.ts and never goes below $0.
 */
import { addMonths, monthsBetween, parseMonth } from '../analysis/calendar';
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
  /** What the seller reads: method, history, error on past months, next month, target. */
  message: string;
  /** The first sentence of `message`: which method, on how many months, how far off on past months. */
  summary: string;
  /** The method shown, in plain words ('' without a forecast). */
  method: string;
  methodId: MethodId | null;
  /** The model in R's notation (e.g. `ETS(M,Ad,N)`), for developers; never shown to sellers. */
  form: string;
  /** True when a forecasting method beat the by-hand forecasts on the seller's past months. */
  beatsNaive: boolean;
  distribution: SalesDistributionKind | null;
  points: ForecastPoint[];
  /** First forecast month whose expected sales reach the target. */
  firstMonthReachingTarget: string | null;
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
    if (i > 0 && monthsBetween(months[i - 1], month) !== 1) {
      throw new Error(
        `Expected consecutive months: ${months[i - 1]} is followed by ${month} (position ${i + 1}); include missing months with 0.`,
      );
    }
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

function describeChoice(n: number, choice: Choice): string {
  const months = `your last ${n} months`;
  const { backtest, method } = choice;
  if (backtest.origins === 0) {
    return `Based on ${months}: too few to check a forecasting method on past months, so this is last month's sales carried forward.`;
  }
  if (backtest.modelMape === null) {
    return `Based on ${months}: no past month had sales to check a forecasting method against, so this is last month's sales carried forward.`;
  }
  const error = percentText(backtest.modelMape as number);
  if (choice.beatsNaive) {
    return `Based on ${months} (${method.label}); on past months this method was off by ${error} on average.`;
  }
  return (
    `Based on ${months}: no forecasting method beat “${method.label}” on past months, so this shows ${method.label}` +
    ` (off by ${error} on average).`
  );
}

export function forecastMonthly(
  months: string[],
  values: number[],
  opts: ForecastOptions = {},
): ForecastResult {
  checkInput(months, values);
  const n = values.length;
  if (n < MINIMUM_MONTHS) {
    const found = n === 0 ? 'No months' : n === 1 ? 'Only 1 month' : `Only ${n} months`;
    return {
      status: 'too-little-history',
      message: `${found} of sales: at least ${MINIMUM_MONTHS} are needed to forecast.`,
      summary: '',
      method: '',
      methodId: null,
      form: '',
      beatsNaive: false,
      distribution: null,
      points: [],
      firstMonthReachingTarget: null,
      backtest: NO_BACKTEST,
    };
  }
  const horizon = Math.max(1, Math.floor(opts.horizon ?? 6));
  const target = opts.target;
  const choice = chooseMethod(values);
  const forecast = choice.method.forecast(values, horizon);
  if (!forecast) throw new Error(`The ${choice.method.label} forecast could not be made from ${n} months.`);
  const positive = values.every((v) => v > 0);
  const lastMonth = months[n - 1];
  let kind: SalesDistributionKind = 'lognormal';
  const points: ForecastPoint[] = forecast.mean.map((mean, i) => {
    const distribution = salesDistribution(mean, forecast.variance[i], positive);
    if (distribution.kind === 'floored-normal') kind = 'floored-normal';
    const band80 = salesBand(distribution, 0.8);
    const band95 = salesBand(distribution, 0.95);
    return {
      month: addMonths(lastMonth, i + 1),
      mean: distribution.mean,
      variance: distribution.variance,
      lo80: band80.lower,
      hi80: band80.upper,
      lo95: band95.lower,
      hi95: band95.upper,
      pTarget: target === undefined ? null : distribution.chanceAtLeast(target),
    };
  });
  const reaching = target === undefined ? undefined : points.find((point) => point.mean >= target);
  const next = points[0];
  const summary = describeChoice(n, choice);
  let message =
    `${summary} ${monthLabel(next.month)}: about ${wholeDollars(next.mean)} ` +
    `(8 in 10 chance between ${wholeDollars(next.lo80)} and ${wholeDollars(next.hi80)}).`;
  if (target !== undefined) {
    message += reaching
      ? ` First month expected at ${wholeDollars(target)} or more: ${monthLabel(reaching.month)}.`
      : ` No month in the next ${horizon} is expected to reach ${wholeDollars(target)}.`;
  }
  return {
    status: 'ok',
    message,
    summary,
    method: choice.method.label,
    methodId: choice.method.id,
    form: forecast.form,
    beatsNaive: choice.beatsNaive,
    distribution: kind,
    points,
    firstMonthReachingTarget: reaching ? reaching.month : null,
    backtest: choice.backtest,
  };
}
