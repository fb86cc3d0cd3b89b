/**
 * Rolling-origin backtest: for each of the seller's recent months, forecast it from the months
 * before it only (the method refitted on that shorter history) and measure how far off the
 * forecast was, in % of what was actually sold. This is the measure shown to the seller ("off by
 * 17% on average") and the one the forecast's method is chosen by.
 */

/**
 * Mean absolute percentage error in percent over pairs whose actual is not zero (a month without
 * sales has no percentage error); null when no pair qualifies.
 */
export function meanAbsolutePercentageError(
  actual: readonly number[],
  forecast: readonly number[],
): number | null {
  let total = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] === 0 || !Number.isFinite(forecast[i])) continue;
    total += Math.abs((actual[i] - forecast[i]) / actual[i]);
    count++;
  }
  return count === 0 ? null : (100 * total) / count;
}

export interface BacktestWindow {
  /** History lengths the forecasts start from (origin t forecasts months t, t+1, … of the series). */
  origins: number[];
  /** Months ahead scored from each origin (fewer near the end of the series). */
  horizon: number;
}

/**
 * The last `maxOrigins` origins that leave at least `minHistory` months before them; empty when
 * the series is that short.
 */
export function backtestWindow(
  n: number,
  minHistory: number,
  maxOrigins: number,
  horizon: number,
): BacktestWindow {
  const first = Math.max(minHistory, n - maxOrigins);
  const origins: number[] = [];
  for (let t = first; t < n; t++) origins.push(t);
  return { origins, horizon };
}

/**
 * MAPE of `forecast(history, h)` over the window: each origin's forecasts are compared with the
 * months that followed, up to `horizon` ahead. Null when the method could not forecast from some
 * origin (every method is scored on the same months) or no month had sales.
 */
export function backtestMape(
  values: readonly number[],
  forecast: (history: readonly number[], horizon: number) => readonly number[] | null,
  window: BacktestWindow,
): number | null {
  const actual: number[] = [];
  const predicted: number[] = [];
  for (const t of window.origins) {
    const steps = Math.min(window.horizon, values.length - t);
    const means = forecast(values.slice(0, t), steps);
    if (!means) return null;
    for (let h = 0; h < steps; h++) {
      actual.push(values[t + h]);
      predicted.push(means[h]);
    }
  }
  return meanAbsolutePercentageError(actual, predicted);
}
