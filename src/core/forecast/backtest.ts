/**
 * Rolling-origin backtest: refit on the months before each origin, forecast the origin month
 * one step ahead, and compare the mean absolute percentage error with the two forecasts a seller
 * would make by hand — "same as last month" (naive) and "same as that month last year"
 * (seasonal naive).
 */

export interface BacktestSummary {
  origins: number;
  modelMape: number | null;
  naiveMape: number | null;
  seasonalNaiveMape: number | null;
}

/**
 * MAPE in percent over pairs whose actual is not zero (a month without sales has no
 * percentage error); null when no pair qualifies.
 */
export function meanAbsolutePercentageError(actual: readonly number[], forecast: readonly number[]): number | null {
  let total = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] === 0 || !Number.isFinite(forecast[i])) continue;
    total += Math.abs((actual[i] - forecast[i]) / actual[i]);
    count++;
  }
  return count === 0 ? null : (100 * total) / count;
}

/**
 * Backtests `oneStepForecast(history)` on the last `maxOrigins` observations, each origin keeping
 * at least `minTraining` earlier values. Seasonal naive is reported only when every origin has a
 * value one full `period` earlier, so the three errors always cover the same months.
 */
export function rollingOriginBacktest(
  values: readonly number[],
  oneStepForecast: (history: readonly number[]) => number,
  options: { maxOrigins: number; minTraining: number; period: number },
): BacktestSummary {
  const n = values.length;
  const first = Math.max(options.minTraining, n - options.maxOrigins);
  if (first >= n) return { origins: 0, modelMape: null, naiveMape: null, seasonalNaiveMape: null };
  const actual: number[] = [];
  const model: number[] = [];
  const naive: number[] = [];
  const seasonalNaive: number[] = [];
  for (let t = first; t < n; t++) {
    actual.push(values[t]);
    model.push(oneStepForecast(values.slice(0, t)));
    naive.push(values[t - 1]);
    seasonalNaive.push(t - options.period >= 0 ? values[t - options.period] : NaN);
  }
  return {
    origins: actual.length,
    modelMape: meanAbsolutePercentageError(actual, model),
    naiveMape: meanAbsolutePercentageError(actual, naive),
    seasonalNaiveMape: seasonalNaive.every(Number.isFinite)
      ? meanAbsolutePercentageError(actual, seasonalNaive)
      : null,
  };
}
