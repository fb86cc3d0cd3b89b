/**
 * Estimating ETS models as forecast::ets does (robjhyndman/forecast, R/ets.R): R's start values
 * (`initstate`, `initparam`), joint Nelder–Mead over smoothing parameters and initial states on
 * R's likelihood within the "both" bounds, information criteria, and automatic selection by AICc.
 */
import { decompose, leastSquares, simpleRegression } from './decompose';
import {
  etsName,
  etsLik,
  etsRecursion,
  isAdmissible,
  logLikelihood,
  stateLength,
  type EtsForm,
  type EtsParameters,
  type SeasonType,
  type TrendType,
} from './ets';
import { nelderMead } from './nelder-mead';

/** R's default bounds for (alpha, beta, gamma, phi). */
export const DEFAULT_LOWER: readonly number[] = [1e-4, 1e-4, 1e-4, 0.8];
export const DEFAULT_UPPER: readonly number[] = [0.9999, 0.9999, 0.9999, 0.98];

export interface FixedParameters {
  alpha?: number;
  beta?: number;
  gamma?: number;
  phi?: number;
}

export interface EtsFit {
  form: EtsForm;
  /** Seasonal period used by the model (1 when there is no season). */
  m: number;
  n: number;
  method: string;
  params: EtsParameters;
  /** Names of the smoothing parameters that were estimated (fixed ones excluded). */
  estimated: string[];
  /** Full initial state: level, trend, s1…sm (R's `initstate`, last seasonal included). */
  initialState: number[];
  /** State after the last observation: the origin of the forecasts. */
  lastState: number[];
  /** R's convention (§6 of the reference notes): −0.5·lik, Gaussian constants left out. */
  loglik: number;
  aic: number;
  aicc: number;
  bic: number;
  /** Σe² / (n − number of parameters), as ets() reports it. */
  sigma2: number;
  /** Free parameters + 1 (for σ), as in R's information criteria. */
  np: number;
  fitted: number[];
  residuals: number[];
  /** 'ets' for a likelihood fit; 'small-sample' for R's non-optimised fallback on tiny series. */
  source: 'ets' | 'small-sample';
}

/** forecast::ets `initstate()`: heuristic start values for level, trend and seasonal states. */
export function initialStates(
  y: readonly number[],
  trend: TrendType,
  season: SeasonType,
  m: number,
): number[] {
  const n = y.length;
  let adjusted: number[];
  let seasons: number[] = [];
  let period = 1;
  if (season !== 'N') {
    period = m;
    if (n < 4) throw new Error('At least 4 values are needed to start a seasonal model.');
    let seasonal: number[];
    if (n < 3 * m) {
      // Too short for a decomposition: regress on a trend and one pair of Fourier terms.
      const columns: number[][] = [];
      const sinColumn: number[] = [];
      const cosColumn: number[] = [];
      for (let t = 1; t <= n; t++) {
        sinColumn.push(Math.sin((2 * Math.PI * t) / m));
        cosColumn.push(Math.cos((2 * Math.PI * t) / m));
      }
      const keepSin = sinColumn.some((v) => Math.abs(v) > 1e-10);
      for (let t = 1; t <= n; t++) {
        const row = [1, t];
        if (keepSin) row.push(sinColumn[t - 1]);
        row.push(cosColumn[t - 1]);
        columns.push(row);
      }
      const coef = leastSquares(columns, y);
      seasonal = y.map((v, i) =>
        season === 'A' ? v - coef[0] - coef[1] * (i + 1) : v / (coef[0] + coef[1] * (i + 1)),
      );
    } else {
      seasonal = decompose(y, m, season === 'A' ? 'additive' : 'multiplicative').seasonal;
    }
    for (let k = m - 1; k >= 1; k--) seasons.push(seasonal[k]);
    if (season === 'A') {
      adjusted = y.map((v, i) => v - seasonal[i]);
    } else {
      seasons = seasons.map((s) => Math.max(s, 1e-2));
      const total = seasons.reduce((a, b) => a + b, 0);
      if (total > m) {
        const divisor = seasons.reduce((a, b) => a + b + 1e-2, 0);
        seasons = seasons.map((s) => s / divisor);
      }
      adjusted = y.map((v, i) => v / Math.max(seasonal[i], 1e-2));
    }
  } else {
    adjusted = y.slice();
  }
  const maxn = Math.min(Math.max(10, 2 * period), adjusted.length);
  const head = adjusted.slice(0, maxn);
  if (trend === 'N') {
    const l0 = head.reduce((a, b) => a + b, 0) / maxn;
    return [l0, ...seasons];
  }
  const fit = simpleRegression(
    head.map((_, i) => i + 1),
    head,
  );
  let l0 = fit.intercept;
  let b0 = fit.slope;
  if (Math.abs(l0 + b0) < 1e-8) {
    l0 *= 1 + 1e-3;
    b0 *= 1 - 1e-3;
  }
  return [l0, b0, ...seasons];
}

interface ParameterLayout {
  names: string[];
  start: number[];
}

/** forecast::ets `initparam()`: start values for the smoothing parameters being estimated. */
function initialParameters(
  fixed: FixedParameters,
  form: EtsForm,
  lower: number[],
  upper: number[],
  m: number,
): ParameterLayout {
  const names: string[] = [];
  const start: number[] = [];
  let alpha = fixed.alpha;
  if (alpha === undefined) {
    alpha = lower[0] + (0.2 * (upper[0] - lower[0])) / m;
    if (alpha > 1 || alpha < 0) alpha = lower[0] + 2e-3;
    names.push('alpha');
    start.push(alpha);
  }
  if (form.trend !== 'N' && fixed.beta === undefined) {
    const upperBeta = Math.min(upper[1], alpha);
    let beta = lower[1] + 0.1 * (upperBeta - lower[1]);
    if (beta < 0 || beta > alpha) beta = alpha - 1e-3;
    names.push('beta');
    start.push(beta);
  }
  if (form.season !== 'N' && fixed.gamma === undefined) {
    const upperGamma = Math.min(upper[2], 1 - alpha);
    let gamma = lower[2] + 0.05 * (upperGamma - lower[2]);
    if (gamma < 0 || gamma > 1 - alpha) gamma = 1 - alpha - 1e-3;
    names.push('gamma');
    start.push(gamma);
  }
  if (form.damped && fixed.phi === undefined) {
    let phi = lower[3] + 0.99 * (upper[3] - lower[3]);
    if (phi < 0 || phi > 1) phi = upper[3] - 1e-3;
    names.push('phi');
    start.push(phi);
  }
  return { names, start };
}

function withinUsualBounds(
  params: EtsParameters,
  estimated: ReadonlySet<string>,
  lower: number[],
  upper: number[],
): boolean {
  const { alpha, beta, gamma, phi } = params;
  if (estimated.has('alpha') && (alpha < lower[0] || alpha > upper[0])) return false;
  if (estimated.has('beta') && (beta < lower[1] || beta > alpha || beta > upper[1])) return false;
  if (estimated.has('phi') && (phi < lower[3] || phi > upper[3])) return false;
  if (estimated.has('gamma') && (gamma < lower[2] || gamma > 1 - alpha || gamma > upper[2])) return false;
  return true;
}

/** Copies the free initial states (from `vector[skip]` on) and appends the implied last season. */
function completeState(
  vector: ArrayLike<number>,
  skip: number,
  form: EtsForm,
  m: number,
  target: Float64Array,
): void {
  const offset = form.trend !== 'N' ? 2 : 1;
  const count = vector.length - skip;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const value = vector[skip + i];
    target[i] = value;
    if (i >= offset) sum += value;
  }
  if (form.season !== 'N') target[count] = (form.season === 'M' ? m : 0) - sum;
}

export interface FitFormOptions {
  fixed?: FixedParameters;
  lower?: readonly number[];
  upper?: readonly number[];
  /** Nelder–Mead evaluation limit (R: 2000). */
  maxEvaluations?: number;
}

/**
 * forecast::ets `etsmodel()`: fits one form by maximum likelihood. Returns null where R's fit
 * would fail or be skipped (too many parameters for the data, start outside the bounds).
 */
export function fitEtsForm(
  y: readonly number[],
  form: EtsForm,
  period: number,
  options: FitFormOptions = {},
): EtsFit | null {
  const fixed = options.fixed ?? {};
  const m = form.season !== 'N' ? period : 1;
  const lower = (options.lower ?? DEFAULT_LOWER).slice();
  const upper = (options.upper ?? DEFAULT_UPPER).slice();
  if (fixed.alpha !== undefined) {
    upper[1] = Math.min(fixed.alpha, upper[1]);
    upper[2] = Math.min(1 - fixed.alpha, upper[2]);
  }
  if (fixed.beta !== undefined) lower[0] = Math.max(fixed.beta, lower[0]);
  if (fixed.gamma !== undefined) upper[0] = Math.min(1 - fixed.gamma, upper[0]);
  const layout = initialParameters(fixed, form, lower, upper, m);
  const estimated = new Set(layout.names);
  const value = (name: keyof FixedParameters, vector: ArrayLike<number>, fallback: number): number => {
    const at = layout.names.indexOf(name);
    if (at >= 0) return vector[at];
    return fixed[name] ?? fallback;
  };
  const parametersOf = (vector: ArrayLike<number>): EtsParameters => ({
    alpha: value('alpha', vector, NaN),
    beta: form.trend !== 'N' ? value('beta', vector, NaN) : 0,
    gamma: form.season !== 'N' ? value('gamma', vector, NaN) : 0,
    phi: form.damped ? value('phi', vector, NaN) : 1,
  });
  const startParams = parametersOf(layout.start);
  if (!withinUsualBounds(startParams, estimated, lower, upper) || !isAdmissible(startParams, form, m)) {
    return null;
  }
  let start: number[];
  try {
    start = initialStates(y, form.trend, form.season, m);
  } catch {
    return null;
  }
  // initstate() already leaves out the last seasonal state, which is implied by the others.
  const vector0 = [...layout.start, ...start];
  const nParams = layout.names.length;
  if (vector0.length >= y.length - 1) return null;
  const p = stateLength(form, m);
  const state = new Float64Array(p);
  const seasonScratch = new Float64Array(Math.max(m, 1));
  const objective = (vector: number[]): number => {
    const params = parametersOf(vector);
    if (!withinUsualBounds(params, estimated, lower, upper)) return Infinity;
    if (!isAdmissible(params, form, m)) return Infinity;
    completeState(vector, nParams, form, m, state);
    if (form.season === 'M') {
      const offset = form.trend !== 'N' ? 2 : 1;
      for (let j = offset; j < p; j++) if (state[j] < 0) return Infinity;
    }
    const lik = etsLik(y, form, m, params, state, seasonScratch);
    if (Number.isNaN(lik)) return Infinity;
    if (lik < -1e10) return -1e10; // R: avoid perfect fits
    return lik;
  };
  let best: number[];
  try {
    best = nelderMead(objective, vector0, { maxEvaluations: options.maxEvaluations ?? 2000 }).x;
  } catch {
    return null;
  }
  const params = parametersOf(best);
  const initialState = new Float64Array(p);
  completeState(best, nParams, form, m, initialState);
  return assembleFit(
    y,
    form,
    m,
    params,
    Array.from(initialState),
    layout.names,
    Object.keys(fixed).length,
    'ets',
  );
}

/** Scores a model at given parameters and initial state, with R's information criteria. */
export function assembleFit(
  y: readonly number[],
  form: EtsForm,
  m: number,
  params: EtsParameters,
  initialState: number[],
  estimatedNames: string[],
  fixedCount: number,
  source: EtsFit['source'],
): EtsFit {
  const n = y.length;
  const run = etsRecursion(y, form, m, params, initialState, true);
  const p = initialState.length;
  const freeStates = form.season !== 'N' ? p - 1 : p;
  const parCount = estimatedNames.length + freeStates;
  const np = parCount + 1;
  const lik = run.lik;
  const aic = lik + 2 * np;
  const bic = lik + Math.log(n) * np;
  const aicc = aic + (2 * np * (np + 1)) / (n - np - 1);
  let sumSquares = 0;
  for (let i = 0; i < n; i++) sumSquares += run.errors[i] * run.errors[i];
  const states = run.states as Float64Array;
  const fitted = Array.from(run.fitted);
  return {
    form,
    m,
    n,
    method: etsName(form),
    params,
    estimated: estimatedNames,
    initialState,
    lastState: Array.from(states.subarray(n * p, (n + 1) * p)),
    loglik: logLikelihood(lik),
    aic,
    aicc,
    bic,
    // ets() divides by n minus every entry of `par`, fixed smoothing parameters included.
    sigma2: sumSquares / (n - parCount - fixedCount),
    np,
    fitted,
    residuals: Array.from(run.errors),
    source,
  };
}

export interface EtsOptions extends FitFormOptions {
  /** Seasonal period (12 for monthly data). */
  m?: number;
  /** Three letters as R's `model` (error A/M/Z, trend N/A/Z, season N/A/M/Z); default 'ZZZ'. */
  model?: string;
  /** true / false forces damping; null (default) tries both. */
  damped?: boolean | null;
  /** false leaves seasonal forms out of the search whatever the data length. */
  allowSeasonal?: boolean;
}

/** forecast::ets(): fits the requested form, or searches all admissible forms by AICc. */
export function ets(y: readonly number[], options: EtsOptions = {}): EtsFit {
  const n = y.length;
  const period = options.m ?? 1;
  const model = options.model ?? 'ZZZ';
  if (!/^[AMZ][NAZ][NAMZ]$/.test(model)) {
    throw new Error(`Expected a model such as "ZZZ", "ANN" or "MAM", found "${model}".`);
  }
  if (n === 0 || y.some((v) => !Number.isFinite(v))) {
    throw new Error('Expected a series of finite numbers.');
  }
  if (options.model === undefined && y.every((v) => v === y[0])) return constantFit(y);
  const errorLetter = model[0];
  const trendLetter = model[1];
  let seasonLetter = model[2];
  if (period <= 1 || n <= period || options.allowSeasonal === false) {
    if (seasonLetter === 'A' || seasonLetter === 'M') {
      throw new Error(`A seasonal model needs more than ${period} values with a period above 1.`);
    }
    seasonLetter = 'N';
  }
  const dataPositive = Math.min(...y) > 0;
  if (errorLetter === 'M' && !dataPositive) {
    throw new Error('A multiplicative-error model needs every value above zero.');
  }
  let npars = 2;
  if (trendLetter === 'A') npars += 2;
  if (seasonLetter === 'A' || seasonLetter === 'M') npars += period;
  if (options.damped) npars += 1;
  if (n <= npars + 4) return smallSampleFit(y, trendLetter === 'A' ? 'A' : trendLetter === 'N' ? 'N' : 'Z');

  const errors: ('A' | 'M')[] = errorLetter === 'Z' ? ['A', 'M'] : [errorLetter as 'A' | 'M'];
  const trends: TrendType[] = trendLetter === 'Z' ? ['N', 'A'] : [trendLetter as TrendType];
  const seasons: SeasonType[] = seasonLetter === 'Z' ? ['N', 'A', 'M'] : [seasonLetter as SeasonType];
  const dampings = options.damped === undefined || options.damped === null ? [true, false] : [options.damped];
  let best: EtsFit | null = null;
  for (const error of errors) {
    for (const trend of trends) {
      for (const season of seasons) {
        for (const damped of dampings) {
          if (trend === 'N' && damped) continue;
          if (error === 'A' && season === 'M') continue; // restrict = TRUE: infinite variance
          if (!dataPositive && error === 'M') continue;
          const fit = fitEtsForm(y, { error, trend, damped, season }, period, options);
          if (fit && Number.isFinite(fit.aicc) && (best === null || fit.aicc < best.aicc)) best = fit;
        }
      }
    }
  }
  if (!best) throw new Error('No exponential smoothing model could be fitted to this series.');
  return best;
}

/** ets() on a constant series: R returns ses(y, alpha = 0.99999, initial = "simple"). */
function constantFit(y: readonly number[]): EtsFit {
  const form: EtsForm = { error: 'A', trend: 'N', damped: false, season: 'N' };
  const params: EtsParameters = { alpha: 0.99999, beta: 0, gamma: 0, phi: 1 };
  const fit = assembleFit(y, form, 1, params, [y[0]], [], 1, 'small-sample');
  return { ...fit, sigma2: 0 };
}

/**
 * R's fallback when the series is too short to estimate (n ≤ parameters + 4): forecast's
 * HoltWintersZZ, i.e. simple or Holt smoothing started at l0 = y1 (and b0 = y2 − y1), filtered
 * from the first observation, smoothing weights chosen by least squares, start values not
 * optimised, σ² = mean squared residual. With the trend left open ('Z'), R keeps whichever of the
 * two has the smaller σ²; so does this. (R hands HoltWintersZZ's textbook β* to the interval
 * formula as if it were ETS β; here it is converted, β = α·β*, so the variance matches the states.)
 */
export function smallSampleFit(y: readonly number[], trend: 'N' | 'A' | 'Z'): EtsFit {
  const candidates: EtsFit[] = [];
  if (trend !== 'A' || y.length < 2) candidates.push(leastSquaresSmoothing(y, false));
  if (trend !== 'N' && y.length >= 2) candidates.push(leastSquaresSmoothing(y, true));
  return candidates.reduce((a, b) => (b.sigma2 < a.sigma2 ? b : a));
}

function clampUnit(value: number): number {
  return Math.min(0.9999, Math.max(1e-4, value));
}

function leastSquaresSmoothing(y: readonly number[], withTrend: boolean): EtsFit {
  const form: EtsForm = { error: 'A', trend: withTrend ? 'A' : 'N', damped: false, season: 'N' };
  const start = withTrend ? [y[0], y[1] - y[0]] : [y[0]];
  const toParams = (v: number[]): EtsParameters => {
    const alpha = clampUnit(v[0]);
    // HoltWinters' trend weight β* becomes ETS beta = α·β*.
    return { alpha, beta: withTrend ? alpha * clampUnit(v[1]) : 0, gamma: 0, phi: 1 };
  };
  const sse = (v: number[]): number => {
    const run = etsRecursion(y, form, 1, toParams(v), start);
    let total = 0;
    for (const e of run.errors) total += e * e;
    return total;
  };
  // R's initparam() start for HoltWintersZZ (bounds 0..1, m = 1): α 0.2, β* 0.1·α.
  const best = nelderMead(sse, withTrend ? [0.2, 0.02] : [0.2], { maxEvaluations: 500 }).x;
  const params = toParams(best);
  const fit = assembleFit(
    y,
    form,
    1,
    params,
    start,
    withTrend ? ['alpha', 'beta'] : ['alpha'],
    0,
    'small-sample',
  );
  const sumSquares = fit.residuals.reduce((a, e) => a + e * e, 0);
  return { ...fit, sigma2: sumSquares / y.length };
}
