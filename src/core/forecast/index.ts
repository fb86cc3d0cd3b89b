/**
 * Monthly sales forecast for the threshold panel: automatic ETS selection by AICc (as
 * forecast::ets), 80 % and 95 % prediction intervals, the chance each month reaches the target,
 * and a rolling-origin backtest against naive and seasonal-naive forecasts.
 */
import { addMonths, monthsBetween, parseMonth } from '../analysis/calendar';
import { rollingOriginBacktest, type BacktestSummary } from './backtest';
import { ets, fitEtsForm, smallSampleFit, type EtsFit } from './ets-fit';
import { forecastMoments, normalInterval } from './intervals';
import { probabilityAtLeast } from './normal';

export interface ForecastPoint {
  month: string; // 'YYYY-MM'
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
  /** P(month ≥ target) under the model's predictive normal distribution; null without a target. */
  pTarget: number | null;
}

export interface ForecastResult {
  status: 'ok' | 'too-little-history';
  message: string;
  model: string;
  points: ForecastPoint[];
  firstMonthReachingTarget: string | null;
  backtest: BacktestSummary;
}

export interface ForecastOptions {
  /** Months ahead (default 6). */
  horizon?: number;
  /** Monthly target in the same units as the values. */
  target?: number;
}

const MONTHS_PER_YEAR = 12;
/** Fewer months than this and there is no trend to speak of. */
const MINIMUM_MONTHS = 3;
/** Seasonal forms need two full years, so each month of the year has been seen twice. */
const SEASONAL_MINIMUM_MONTHS = 24;
const BACKTEST_ORIGINS = 6;

const NO_BACKTEST: BacktestSummary = { origins: 0, modelMape: null, naiveMape: null, seasonalNaiveMape: null };

function checkInput(months: readonly string[], values: readonly number[]): void {
  if (months.length !== values.length) {
    throw new Error(`Expected one value per month: found ${months.length} months and ${values.length} values.`);
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

/** Automatic model for monthly sales: seasonal forms only from two years of history. */
export function fitMonthlyModel(values: readonly number[]): EtsFit {
  return ets(values, { m: MONTHS_PER_YEAR, allowSeasonal: values.length >= SEASONAL_MINIMUM_MONTHS });
}

/** Refit the chosen form on a shorter history (the form may not fit there; then choose again). */
function refitOnHistory(chosen: EtsFit, history: readonly number[]): EtsFit {
  if (chosen.source === 'small-sample') {
    return smallSampleFit(history, 'Z');
  }
  const seasonalAllowed = history.length >= SEASONAL_MINIMUM_MONTHS;
  if (chosen.form.season === 'N' || seasonalAllowed) {
    const positive = history.every((v) => v > 0);
    if (chosen.form.error === 'A' || positive) {
      const refit = fitEtsForm(history, chosen.form, MONTHS_PER_YEAR);
      if (refit) return refit;
    }
  }
  return fitMonthlyModel(history);
}

function formatAmount(value: number): string {
  const rounded = Math.round(value);
  const digits = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rounded < 0 ? `-${digits}` : digits;
}

export function forecastMonthly(months: string[], values: number[], opts: ForecastOptions = {}): ForecastResult {
  checkInput(months, values);
  const n = values.length;
  if (n < MINIMUM_MONTHS) {
    const found = n === 0 ? 'No months' : n === 1 ? 'Only 1 month' : `Only ${n} months`;
    return {
      status: 'too-little-history',
      message: `${found} of sales: at least ${MINIMUM_MONTHS} are needed to forecast.`,
      model: '',
      points: [],
      firstMonthReachingTarget: null,
      backtest: NO_BACKTEST,
    };
  }
  const horizon = Math.max(1, Math.floor(opts.horizon ?? 6));
  const target = opts.target;
  const fit = fitMonthlyModel(values);
  const moments = forecastMoments(horizon, fit.lastState, fit.form, fit.m, fit.params, fit.sigma2);
  const lastMonth = months[n - 1];
  const points: ForecastPoint[] = moments.mean.map((mean, i) => {
    const variance = moments.variance[i];
    const band80 = normalInterval(mean, variance, 0.8);
    const band95 = normalInterval(mean, variance, 0.95);
    return {
      month: addMonths(lastMonth, i + 1),
      mean,
      lo80: band80.lower,
      hi80: band80.upper,
      lo95: band95.lower,
      hi95: band95.upper,
      // forecast::ets intervals are normal with these moments (class-2/3 variances for
      // multiplicative error), so the same normal gives the chance of reaching the target.
      pTarget: target === undefined ? null : probabilityAtLeast(target, mean, variance),
    };
  });
  const reaching = target === undefined ? undefined : points.find((point) => point.mean >= target);
  const backtest = rollingOriginBacktest(
    values,
    (history) => {
      const model = refitOnHistory(fit, history);
      return forecastMoments(1, model.lastState, model.form, model.m, model.params, model.sigma2).mean[0];
    },
    { maxOrigins: BACKTEST_ORIGINS, minTraining: MINIMUM_MONTHS, period: MONTHS_PER_YEAR },
  );
  const next = points[0];
  let message =
    `${fit.method} on ${n} months: ${next.month} about ${formatAmount(next.mean)} ` +
    `(80 % range ${formatAmount(next.lo80)} to ${formatAmount(next.hi80)}).`;
  if (target !== undefined) {
    message += reaching
      ? ` First month expected at or above ${formatAmount(target)}: ${reaching.month}.`
      : ` No month in the next ${horizon} is expected to reach ${formatAmount(target)}.`;
  }
  return {
    status: 'ok',
    message,
    model: fit.method,
    points,
    firstMonthReachingTarget: reaching ? reaching.month : null,
    backtest,
  };
}
