/**
 * The forecasting methods tried on a seller's monthly sales, one function per family as R's
 * forecast package offers them (naive, snaive, ses, holt, holt(damped = TRUE), hw). Each takes the
 * history (oldest first) and a horizon and returns the mean and variance of each month ahead, or
 * null when the history is too short for it. Choices that differ from R's defaults are named:
 * - Multiplicative errors whenever every month had sales (R's ses/holt/hw default to additive):
 *   the spread then grows with the level, as sales do, and the band stays above $0 (see
 *   sales-distribution.ts). With a month of no sales, additive errors, as R would have to use.
 * - Smoothing models are estimated by likelihood (ets()), not by mean squared error (ses/holt/hw,
 *   §3.3 of the reference notes): the same optimum for additive errors, the proper one otherwise.
 * - Series too short to estimate fall back to R's own small-sample path (`smallSampleFit`).
 */
import { simpleRegression } from './decompose';
import { fitEtsForm, smallSampleFit, type EtsFit } from './ets-fit';
import type { EtsForm, SeasonType, TrendType } from './ets';
import { forecastMoments, type ForecastMoments } from './intervals';

export const MONTHS_PER_YEAR = 12;

export type MethodId =
  'naive' | 'seasonal-naive' | 'drift' | 'straight-line' | 'level' | 'trend' | 'damped-trend' | 'seasonal';

export interface MethodForecast extends ForecastMoments {
  /** The model in R's notation, e.g. `ETS(M,Ad,N)`, for tests and developers; sellers see `label`. */
  form: string;
}

export interface Method {
  id: MethodId;
  /** What the seller reads: plain words, no notation. */
  label: string;
  /** The by-hand forecasts every other method must beat to be shown. */
  benchmark: boolean;
  /** Months of history the method needs before it can forecast. */
  minHistory: number;
  forecast(history: readonly number[], horizon: number): MethodForecast | null;
  /**
   * The forecaster the backtest refits on each shorter history, given every month: by default
   * `forecast` itself; the seasonal method keeps the form it chose on every month (refitting all
   * six forms at each of twelve origins would cost six times as much, too slow for a custom function).
   */
  backtestForecaster?(
    values: readonly number[],
  ): (history: readonly number[], horizon: number) => MethodForecast | null;
}

const allPositive = (values: readonly number[]) => values.every((v) => v > 0);

function momentsOf(fit: EtsFit, horizon: number): MethodForecast {
  const moments = forecastMoments(horizon, fit.lastState, fit.form, fit.m, fit.params, fit.sigma2);
  return { ...moments, form: fit.method };
}

/**
 * naive(): next months = last month. With sales in every month the steps are relative (a
 * multiplicative random walk, ETS(M,N,N) with α = 1: variance y²((1 + σ²)^h − 1), σ² the mean
 * squared month-on-month change in %); otherwise R's additive random walk (variance h·σ²).
 */
export function sameAsLastMonth(history: readonly number[], horizon: number): MethodForecast | null {
  return carriedForward(history, horizon, 1);
}

/**
 * snaive(): each coming month = the same month a year earlier; the spread as for naive, with the
 * year-on-year changes and k = the number of years reached back (⌈h/12⌉).
 */
export function sameMonthLastYear(history: readonly number[], horizon: number): MethodForecast | null {
  return carriedForward(history, horizon, MONTHS_PER_YEAR);
}

function carriedForward(history: readonly number[], horizon: number, lag: number): MethodForecast | null {
  const n = history.length;
  if (n < lag + 1) return null;
  const relative = allPositive(history);
  let sumSquares = 0;
  for (let t = lag; t < n; t++) {
    const change = relative ? history[t] / history[t - lag] - 1 : history[t] - history[t - lag];
    sumSquares += change * change;
  }
  const sigma2 = sumSquares / (n - lag);
  const mean: number[] = [];
  const variance: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    const k = Math.ceil(h / lag);
    const value = history[n - lag + ((h - 1) % lag)];
    mean.push(value);
    variance.push(relative ? value * value * ((1 + sigma2) ** k - 1) : k * sigma2);
  }
  return { mean, variance, form: lag === 1 ? 'naive' : 'seasonal naive' };
}

/**
 * rwf(drift = TRUE): last month plus the average month-on-month change so far, h times. Variance
 * as R's: h·σ² + h²·σ²/(n − 1), σ² the variance of the monthly changes around their average.
 */
export function lastMonthPlusAverageChange(
  history: readonly number[],
  horizon: number,
): MethodForecast | null {
  const n = history.length;
  if (n < 3) return null;
  const drift = (history[n - 1] - history[0]) / (n - 1);
  let sumSquares = 0;
  for (let t = 1; t < n; t++) sumSquares += (history[t] - history[t - 1] - drift) ** 2;
  const sigma2 = sumSquares / (n - 2);
  const mean: number[] = [];
  const variance: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    mean.push(history[n - 1] + h * drift);
    variance.push(h * sigma2 + (h * h * sigma2) / (n - 1));
  }
  return { mean, variance, form: 'random walk with drift' };
}

/**
 * tslm(y ~ trend): the least-squares straight line through every month, extended. Variance of a
 * new observation at month x: σ²(1 + 1/n + (x − x̄)²/Σ(t − x̄)²), σ² = residual sum of squares / (n − 2).
 */
export function straightLineTrend(history: readonly number[], horizon: number): MethodForecast | null {
  const n = history.length;
  if (n < 3) return null;
  const xs = history.map((_, i) => i + 1);
  const line = simpleRegression(xs, history);
  const meanX = (n + 1) / 2;
  let sxx = 0;
  let rss = 0;
  history.forEach((y, i) => {
    sxx += (xs[i] - meanX) ** 2;
    rss += (y - line.intercept - line.slope * xs[i]) ** 2;
  });
  const sigma2 = rss / (n - 2);
  const mean: number[] = [];
  const variance: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    const x = n + h;
    mean.push(line.intercept + line.slope * x);
    variance.push(sigma2 * (1 + 1 / n + (x - meanX) ** 2 / sxx));
  }
  return { mean, variance, form: 'linear trend' };
}

/** ets() rule: fewer than parameters + 5 values and R does not estimate (n ≤ npars + 4). */
function tooShortToEstimate(n: number, form: EtsForm): boolean {
  let npars = 2;
  if (form.trend !== 'N') npars += 2;
  if (form.season !== 'N') npars += MONTHS_PER_YEAR;
  if (form.damped) npars += 1;
  return n <= npars + 4;
}

function nonSeasonal(
  history: readonly number[],
  horizon: number,
  trend: TrendType,
  damped: boolean,
): MethodForecast | null {
  if (history.length < 3) return null;
  const form: EtsForm = { error: allPositive(history) ? 'M' : 'A', trend, damped, season: 'N' };
  if (tooShortToEstimate(history.length, form)) {
    // A damped trend needs more months than R estimates on; it would only repeat the trend method.
    return damped ? null : momentsOf(smallSampleFit(history, trend), horizon);
  }
  const fit = fitEtsForm(history, form, 1);
  return fit ? momentsOf(fit, horizon) : null;
}

/** ses(): a smoothed level, no trend: ETS(M,N,N) (ETS(A,N,N) with a month of no sales). */
export function smoothedLevel(history: readonly number[], horizon: number): MethodForecast | null {
  return nonSeasonal(history, horizon, 'N', false);
}

/** holt(): a smoothed level and trend carried on at full strength: ETS(M,A,N) (or A,A,N). */
export function smoothedTrend(history: readonly number[], horizon: number): MethodForecast | null {
  return nonSeasonal(history, horizon, 'A', false);
}

/** holt(damped = TRUE): a trend that flattens out (φ ≤ 0.98 each month): ETS(M,Ad,N) (or A,Ad,N). */
export function dampedTrend(history: readonly number[], horizon: number): MethodForecast | null {
  return nonSeasonal(history, horizon, 'A', true);
}

/** Two full years, so every month of the year has been seen twice before seasons are read. */
export const SEASONAL_MIN_HISTORY = 2 * MONTHS_PER_YEAR;

/**
 * hw() widened as ets() would search it: every seasonal form (season additive or multiplicative;
 * no trend, trend or damped trend; multiplicative errors when every month had sales, R's
 * restriction of multiplicative seasons to multiplicative errors otherwise), the one with the
 * lowest AICc kept. From two years of history.
 */
export function seasonalSmoothing(history: readonly number[], horizon: number): MethodForecast | null {
  const best = bestSeasonalFit(history);
  return best ? momentsOf(best, horizon) : null;
}

function bestSeasonalFit(history: readonly number[]): EtsFit | null {
  if (history.length < SEASONAL_MIN_HISTORY) return null;
  const positive = allPositive(history);
  const seasons: SeasonType[] = positive ? ['A', 'M'] : ['A'];
  let best: EtsFit | null = null;
  for (const season of seasons) {
    for (const [trend, damped] of [
      ['N', false],
      ['A', false],
      ['A', true],
    ] as const) {
      const form: EtsForm = { error: positive ? 'M' : 'A', trend, damped, season };
      const fit = fitEtsForm(history, form, MONTHS_PER_YEAR);
      if (fit && Number.isFinite(fit.aicc) && (best === null || fit.aicc < best.aicc)) best = fit;
    }
  }
  return best;
}

/** The seasonal form chosen on every month, refitted on a shorter history (null where it cannot be). */
function seasonalBacktest(
  values: readonly number[],
): (history: readonly number[], horizon: number) => MethodForecast | null {
  const chosen = bestSeasonalFit(values);
  return (history, horizon) => {
    if (!chosen || history.length < SEASONAL_MIN_HISTORY) return null;
    const fit = fitEtsForm(history, chosen.form, MONTHS_PER_YEAR);
    return fit ? momentsOf(fit, horizon) : null;
  };
}

/** Every method, benchmarks first; the order breaks ties in the choice (simpler first). */
export const METHODS: readonly Method[] = [
  { id: 'naive', label: 'same as last month', benchmark: true, minHistory: 1, forecast: sameAsLastMonth },
  {
    id: 'seasonal-naive',
    label: 'same month last year',
    benchmark: true,
    minHistory: MONTHS_PER_YEAR,
    forecast: sameMonthLastYear,
  },
  {
    id: 'drift',
    label: 'last month plus the average monthly change',
    benchmark: false,
    minHistory: 3,
    forecast: lastMonthPlusAverageChange,
  },
  {
    id: 'straight-line',
    label: 'straight-line trend',
    benchmark: false,
    minHistory: 3,
    forecast: straightLineTrend,
  },
  { id: 'level', label: 'recent average', benchmark: false, minHistory: 3, forecast: smoothedLevel },
  {
    id: 'damped-trend',
    label: 'recent trend, flattening out',
    benchmark: false,
    minHistory: 10,
    forecast: dampedTrend,
  },
  { id: 'trend', label: 'recent trend', benchmark: false, minHistory: 3, forecast: smoothedTrend },
  {
    id: 'seasonal',
    label: 'trend and seasons',
    benchmark: false,
    minHistory: SEASONAL_MIN_HISTORY,
    forecast: seasonalSmoothing,
    backtestForecaster: seasonalBacktest,
  },
];
