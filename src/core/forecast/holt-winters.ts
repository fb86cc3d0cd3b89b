/**
 * R's stats::HoltWinters (src/library/stats/R/HoltWinters.R and its C filter): start values from
 * `decompose()` of the first periods, the SSE-scored filter, estimation of the smoothing weights
 * by least squares, and `predict.HoltWinters` prediction intervals.
 *
 * HoltWinters weights are the textbook ones (trend β*, season updated with the new level); they
 * are not ETS parameters (see ets.ts).
 */
import { decompose, simpleRegression } from './decompose';
import { nelderMead } from './nelder-mead';
import { normalQuantile } from './normal';

export type HoltWintersSeasonal = 'additive' | 'multiplicative';

export interface HoltWintersOptions {
  /** Observations per cycle (12 for monthly data); ignored without a season. */
  period: number;
  seasonal?: HoltWintersSeasonal;
  /** Fixed weights; omit to estimate. `false` leaves the trend (beta) or the season (gamma) out. */
  alpha?: number;
  beta?: number | false;
  gamma?: number | false;
  /** Whole cycles decomposed for the seasonal start values (R default 2). */
  startPeriods?: number;
}

export interface HoltWintersStart {
  level: number;
  trend: number;
  seasons: number[];
  /** 1-based index of the first observation scored, as R's `start.time`. */
  startTime: number;
}

export interface HoltWintersFilterResult {
  sse: number;
  /** One-step forecasts of observations startTime…n. */
  fitted: number[];
  level: number[];
  trend: number[];
  season: number[];
}

export interface HoltWintersFit {
  alpha: number;
  beta: number | false;
  gamma: number | false;
  seasonal: HoltWintersSeasonal;
  period: number;
  start: HoltWintersStart;
  /** a (final level), b (final trend, when present), s1…sm (season for the next m periods). */
  coefficients: { a: number; b: number | null; s: number[] };
  sse: number;
  fitted: number[];
  residuals: number[];
}

/** R's start values: decomposition of the first cycles, or y2 and y2 − y1 without a season. */
export function holtWintersStart(x: readonly number[], options: HoltWintersOptions): HoltWintersStart {
  const seasonal = options.seasonal ?? 'additive';
  if (options.gamma === false) {
    const expsmooth = options.beta === false;
    return {
      level: expsmooth ? x[0] : x[1],
      trend: expsmooth ? 0 : x[1] - x[0],
      seasons: [],
      startTime: expsmooth ? 2 : 3,
    };
  }
  const f = options.period;
  const window = (options.startPeriods ?? 2) * f;
  if (x.length < window) {
    throw new Error(`Holt-Winters needs at least ${window} values to start the season; found ${x.length}.`);
  }
  const parts = decompose(x.slice(0, window), f, seasonal);
  const trendValues = parts.trend.filter((v) => !Number.isNaN(v));
  const line = simpleRegression(
    trendValues.map((_, i) => i + 1),
    trendValues,
  );
  return { level: line.intercept, trend: line.slope, seasons: parts.figure, startTime: f + 1 };
}

/** The C filter of stats::HoltWinters at fixed weights. */
export function holtWintersFilter(
  x: readonly number[],
  weights: { alpha: number; beta: number | false; gamma: number | false },
  start: HoltWintersStart,
  period: number,
  seasonal: HoltWintersSeasonal,
): HoltWintersFilterResult {
  const clamp = (v: number): number => Math.max(Math.min(v, 1), 0);
  const alpha = clamp(weights.alpha);
  const dotrend = weights.beta !== false;
  const doseasonal = weights.gamma !== false;
  const beta = dotrend ? clamp(weights.beta as number) : 0;
  const gamma = doseasonal ? clamp(weights.gamma as number) : 0;
  const additive = seasonal === 'additive';
  const xl = x.length;
  const len = xl - start.startTime + 1;
  const level = new Array<number>(len + 1).fill(0);
  const trend = new Array<number>(len + 1).fill(0);
  const season = new Array<number>(len + period).fill(0);
  level[0] = start.level;
  if (dotrend) trend[0] = start.trend;
  if (doseasonal) for (let i = 0; i < period; i++) season[i] = start.seasons[i];
  const fitted: number[] = [];
  let sse = 0;
  for (let i = start.startTime - 1; i < xl; i++) {
    const i0 = i - start.startTime + 2;
    const s0 = i0 + period - 1;
    let xhat = level[i0 - 1] + (dotrend ? trend[i0 - 1] : 0);
    const stmp = doseasonal ? season[s0 - period] : additive ? 0 : 1;
    if (additive) xhat += stmp;
    else xhat *= stmp;
    fitted.push(xhat);
    const res = x[i] - xhat;
    sse += res * res;
    if (additive) level[i0] = alpha * (x[i] - stmp) + (1 - alpha) * (level[i0 - 1] + trend[i0 - 1]);
    else level[i0] = alpha * (x[i] / stmp) + (1 - alpha) * (level[i0 - 1] + trend[i0 - 1]);
    if (dotrend) trend[i0] = beta * (level[i0] - level[i0 - 1]) + (1 - beta) * trend[i0 - 1];
    if (doseasonal) {
      if (additive) season[s0] = gamma * (x[i] - level[i0]) + (1 - gamma) * stmp;
      else season[s0] = gamma * (x[i] / level[i0]) + (1 - gamma) * stmp;
    }
  }
  return { sse, fitted, level, trend, season };
}

/** Golden-section search on [0, 1] (R uses optimize() when a single weight is free). */
function minimiseOnUnitInterval(fn: (v: number) => number): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = 0;
  let b = 1;
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = fn(c);
  let fd = fn(d);
  while (b - a > 1e-10) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - ratio * (b - a);
      fc = fn(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + ratio * (b - a);
      fd = fn(d);
    }
  }
  return (a + b) / 2;
}

/**
 * stats::HoltWinters. Free weights minimise the SSE within [0, 1]; R uses L-BFGS-B from
 * (0.3, 0.1, 0.1), here a restarted simplex on the same box, so estimates agree with R's to
 * optimiser precision rather than bit for bit.
 */
export function holtWinters(x: readonly number[], options: HoltWintersOptions): HoltWintersFit {
  const seasonal = options.seasonal ?? 'additive';
  const period = options.gamma === false ? 1 : options.period;
  if (seasonal === 'multiplicative' && options.gamma !== false && x.some((v) => v === 0)) {
    throw new Error('Multiplicative Holt-Winters needs every value to be non-zero.');
  }
  const start = holtWintersStart(x, options);
  const free: ('alpha' | 'beta' | 'gamma')[] = [];
  if (options.alpha === undefined) free.push('alpha');
  if (options.beta === undefined) free.push('beta');
  if (options.gamma === undefined) free.push('gamma');
  const initial: Record<string, number> = { alpha: 0.3, beta: 0.1, gamma: 0.1 };
  const weightsOf = (v: readonly number[]) => {
    const pick = (name: 'alpha' | 'beta' | 'gamma', given: number | false | undefined): number | false => {
      const at = free.indexOf(name);
      if (at >= 0) return Math.max(Math.min(v[at], 1), 0);
      return given as number | false;
    };
    return {
      alpha: pick('alpha', options.alpha) as number,
      beta: pick('beta', options.beta),
      gamma: pick('gamma', options.gamma),
    };
  };
  const sse = (v: readonly number[]): number => holtWintersFilter(x, weightsOf(v), start, period, seasonal).sse;
  let best: number[] = [];
  if (free.length === 1) {
    best = [minimiseOnUnitInterval((v) => sse([v]))];
  } else if (free.length > 1) {
    best = free.map((name) => initial[name]);
    let bestValue = sse(best);
    for (let round = 0; round < 6; round++) {
      const result = nelderMead((v) => sse(v.map((w) => Math.max(Math.min(w, 1), 0))), best, {
        maxEvaluations: 4000,
        relativeTolerance: 1e-12,
      });
      const candidate = result.x.map((w) => Math.max(Math.min(w, 1), 0));
      const value = sse(candidate);
      if (value >= bestValue - 1e-12 * Math.abs(bestValue) && round > 0) break;
      if (value <= bestValue) {
        best = candidate;
        bestValue = value;
      }
    }
  }
  const weights = weightsOf(best);
  const final = holtWintersFilter(x, weights, start, period, seasonal);
  const len = x.length - start.startTime + 1;
  const scored = x.slice(start.startTime - 1);
  return {
    alpha: weights.alpha,
    beta: weights.beta,
    gamma: weights.gamma,
    seasonal,
    period: options.period,
    start,
    coefficients: {
      a: final.level[len],
      b: weights.beta !== false ? final.trend[len] : null,
      s: weights.gamma !== false ? final.season.slice(len, len + period) : [],
    },
    sse: final.sse,
    fitted: final.fitted,
    residuals: scored.map((v, i) => v - final.fitted[i]),
  };
}

export interface HoltWintersPrediction {
  fit: number[];
  lower: number[];
  upper: number[];
}

/** predict.HoltWinters(fit, h, prediction.interval = TRUE, level), R's variance formulas included. */
export function predictHoltWinters(model: HoltWintersFit, horizon: number, level = 0.95): HoltWintersPrediction {
  const f = model.period;
  const { a, b, s } = model.coefficients;
  const additive = model.seasonal === 'additive';
  const beta = model.beta === false ? 0 : model.beta;
  const gamma = model.gamma === false ? 0 : model.gamma;
  // R's coefficient vector c(a, b, s1…sf), read with R's 1-based indices below.
  const coefficients = [a, ...(b !== null ? [b] : []), ...s];
  const coef = (index1: number): number => coefficients[index1 - 1];
  const residuals = model.residuals;
  const meanResidual = residuals.reduce((t, v) => t + v, 0) / residuals.length;
  const residualVariance =
    residuals.reduce((t, v) => t + (v - meanResidual) * (v - meanResidual), 0) / (residuals.length - 1);
  const psi = (j: number): number => model.alpha * (1 + j * beta) + (j % f === 0 ? 1 : 0) * gamma * (1 - model.alpha);
  const variance = (h: number): number => {
    if (additive) {
      let sum = 1;
      for (let j = 1; j <= h - 1; j++) sum += psi(j) * psi(j);
      return residualVariance * sum;
    }
    const rel = 1 + ((h - 1) % f);
    let sum = 0;
    for (let j = 0; j <= h - 1; j++) {
      const ratio = (psi(j) * coef(2 + rel)) / coef(2 + ((((rel - j) % f) + f) % f));
      sum += ratio * ratio;
    }
    return residualVariance * sum;
  };
  const z = normalQuantile((1 + level) / 2);
  const fit: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    let value = a + (b !== null ? h * b : 0);
    if (s.length > 0) value = additive ? value + s[(h - 1) % s.length] : value * s[(h - 1) % s.length];
    const margin = z * Math.sqrt(variance(h));
    fit.push(value);
    lower.push(value - margin);
    upper.push(value + margin);
  }
  return { fit, lower, upper };
}
