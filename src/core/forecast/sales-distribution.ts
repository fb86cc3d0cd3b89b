/**
 * The spread of a month's sales around a forecast, kept at or above $0. R's forecast.ets draws a
 * normal band around the mean (mean ± z·√variance), which runs below zero when the variance is
 * large; sales cannot. So the same mean and variance are read through a distribution that cannot
 * go negative:
 * - `lognormal` when every month of the history had sales: the lognormal with exactly the model's
 *   mean and variance (its log has variance s² = log(1 + v/μ²) and mean log μ − s²/2). A
 *   multiplicative-error model's spread is proportional to the level, which is what this shape says.
 * - `floored-normal` when some month had no sales (a lognormal cannot put weight on $0), or when
 *   the model expects next to nothing with a wide spread (standard deviation above MAX_LOGNORMAL_CV
 *   times the mean, where a lognormal's mean would sit above most of its band): the model's normal
 *   with everything below $0 counted as $0, so its quantiles are max(0, q) and the expected figure
 *   is max(0, mean).
 */
import { normalCdf, normalQuantile } from './normal';

/** Beyond this ratio of standard deviation to mean the lognormal's mean lies above its 78th percentile. */
const MAX_LOGNORMAL_CV = 3;

export type SalesDistributionKind = 'lognormal' | 'floored-normal';

export interface SalesDistribution {
  kind: SalesDistributionKind;
  /** Expected sales: the model's mean (never below $0). */
  mean: number;
  /** The model's forecast variance. */
  variance: number;
  /** Sales at probability p (0 < p < 1): P(sales ≤ quantile) = p. */
  quantile(p: number): number;
  /** P(sales ≥ threshold). */
  chanceAtLeast(threshold: number): number;
}

/** A point mass: no spread to speak of. */
function certain(kind: SalesDistributionKind, value: number): SalesDistribution {
  const at = Math.max(0, value);
  return { kind, mean: at, variance: 0, quantile: () => at, chanceAtLeast: (t) => (at >= t ? 1 : 0) };
}

function lognormal(mean: number, variance: number): SalesDistribution {
  const s2 = Math.log1p(variance / (mean * mean));
  const s = Math.sqrt(s2);
  const mu = Math.log(mean) - s2 / 2;
  return {
    kind: 'lognormal',
    mean,
    variance,
    quantile: (p) => Math.exp(mu + s * normalQuantile(p)),
    chanceAtLeast: (t) => (t <= 0 ? 1 : 1 - normalCdf((Math.log(t) - mu) / s)),
  };
}

function flooredNormal(mean: number, variance: number): SalesDistribution {
  const sd = Math.sqrt(variance);
  return {
    kind: 'floored-normal',
    mean: Math.max(0, mean),
    variance,
    quantile: (p) => Math.max(0, mean + sd * normalQuantile(p)),
    chanceAtLeast: (t) => (t <= 0 ? 1 : 1 - normalCdf((t - mean) / sd)),
  };
}

/**
 * Sales distribution with the model's `mean` and `variance`. `positiveHistory` says whether every
 * month of the history had sales; a lognormal also needs a positive mean.
 */
export function salesDistribution(
  mean: number,
  variance: number,
  positiveHistory: boolean,
): SalesDistribution {
  const lognormalFits = positiveHistory && mean > 0 && variance <= (MAX_LOGNORMAL_CV * mean) ** 2;
  const kind: SalesDistributionKind = lognormalFits ? 'lognormal' : 'floored-normal';
  if (!(variance > 0) || !Number.isFinite(variance)) return certain(kind, mean);
  return kind === 'lognormal' ? lognormal(mean, variance) : flooredNormal(mean, variance);
}

/** The central band holding `level` of the probability (e.g. 0.8 → the 10 % and 90 % points). */
export function salesBand(distribution: SalesDistribution, level: number): { lower: number; upper: number } {
  return { lower: distribution.quantile((1 - level) / 2), upper: distribution.quantile((1 + level) / 2) };
}
