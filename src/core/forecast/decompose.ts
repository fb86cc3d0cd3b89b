/**
 * Classical decomposition and the small regressions that R's start-value heuristics use
 * (`stats::decompose`, `lsfit`, `.lm.fit`, `forecast::tslm(y ~ trend + fourier(y, 1))`).
 */

export type SeasonalKind = 'additive' | 'multiplicative';

export interface Decomposition {
  /** Centred moving average; NaN where the window does not fit (R's NA). */
  trend: number[];
  /** One seasonal figure per position in the cycle (position 1 = the series' first value). */
  figure: number[];
  /** The figure repeated along the series. */
  seasonal: number[];
}

/** `stats::decompose(x, type)` with R's default filter (2×m moving average for even m). */
export function decompose(x: readonly number[], period: number, kind: SeasonalKind): Decomposition {
  const n = x.length;
  const weights: number[] =
    period % 2 === 0
      ? [0.5 / period, ...new Array<number>(period - 1).fill(1 / period), 0.5 / period]
      : new Array<number>(period).fill(1 / period);
  const half = Math.floor(weights.length / 2);
  const trend = new Array<number>(n).fill(NaN);
  for (let i = half; i + weights.length - half - 1 < n; i++) {
    let sum = 0;
    for (let k = 0; k < weights.length; k++) sum += weights[k] * x[i - half + k];
    trend[i] = sum;
  }
  const figure: number[] = [];
  for (let position = 0; position < period; position++) {
    let sum = 0;
    let count = 0;
    for (let i = position; i < n; i += period) {
      const detrended = kind === 'additive' ? x[i] - trend[i] : x[i] / trend[i];
      if (!Number.isNaN(detrended)) {
        sum += detrended;
        count++;
      }
    }
    figure.push(sum / count);
  }
  const centre = figure.reduce((a, b) => a + b, 0) / period;
  const centred = figure.map((value) => (kind === 'additive' ? value - centre : value / centre));
  const seasonal = x.map((_, i) => centred[i % period]);
  return { trend, figure: centred, seasonal };
}

/** Intercept and slope of y on x by ordinary least squares. */
export function simpleRegression(
  x: readonly number[],
  y: readonly number[],
): { intercept: number; slope: number } {
  const n = x.length;
  const meanX = x.reduce((a, b) => a + b, 0) / n;
  const meanY = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - meanX) * (y[i] - meanY);
    sxx += (x[i] - meanX) * (x[i] - meanX);
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { intercept: meanY - slope * meanX, slope };
}

/** Least-squares coefficients of y on the columns of `design` (Householder QR, as R's lm). */
export function leastSquares(design: readonly (readonly number[])[], y: readonly number[]): number[] {
  const n = y.length;
  const p = design[0].length;
  const a = design.map((row) => row.slice());
  const b = y.slice();
  for (let k = 0; k < p; k++) {
    let norm = 0;
    for (let i = k; i < n; i++) norm += a[i][k] * a[i][k];
    norm = Math.sqrt(norm);
    if (norm === 0) continue;
    const alpha = a[k][k] > 0 ? -norm : norm;
    const v = new Array<number>(n).fill(0);
    for (let i = k; i < n; i++) v[i] = a[i][k];
    v[k] -= alpha;
    let vv = 0;
    for (let i = k; i < n; i++) vv += v[i] * v[i];
    if (vv === 0) continue;
    for (let j = k; j < p; j++) {
      let dot = 0;
      for (let i = k; i < n; i++) dot += v[i] * a[i][j];
      const scale = (2 * dot) / vv;
      for (let i = k; i < n; i++) a[i][j] -= scale * v[i];
    }
    let dot = 0;
    for (let i = k; i < n; i++) dot += v[i] * b[i];
    const scale = (2 * dot) / vv;
    for (let i = k; i < n; i++) b[i] -= scale * v[i];
  }
  const coef = new Array<number>(p).fill(0);
  for (let k = p - 1; k >= 0; k--) {
    let sum = b[k];
    for (let j = k + 1; j < p; j++) sum -= a[k][j] * coef[j];
    coef[k] = a[k][k] === 0 ? 0 : sum / a[k][k];
  }
  return coef;
}
