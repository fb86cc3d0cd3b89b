/**
 * Exponential smoothing in the innovations state-space form of Hyndman et al. (2008), as
 * forecast::ets implements it (robjhyndman/forecast, src/etscalc.c and R/ets.R): the one-step
 * recursion, R's likelihood, and the admissible parameter region.
 *
 * State vector order is R's: level, trend (if any), then seasonal states s1…sm with s1 the most
 * recent; the one-step forecast uses sm. R's ETS `beta` is α·β* (β* the textbook trend weight).
 */

export type ErrorType = 'A' | 'M';
export type TrendType = 'N' | 'A';
export type SeasonType = 'N' | 'A' | 'M';

export interface EtsForm {
  error: ErrorType;
  trend: TrendType;
  damped: boolean;
  season: SeasonType;
}

export interface EtsParameters {
  alpha: number;
  /** 0 when there is no trend. */
  beta: number;
  /** 0 when there is no season. */
  gamma: number;
  /** 1 when the trend is not damped. */
  phi: number;
}

/** `ETS(M,Ad,M)` style name. */
export function etsName(form: EtsForm): string {
  return `ETS(${form.error},${form.trend}${form.damped ? 'd' : ''},${form.season})`;
}

/** Reads `'MAM'`, `'AAdN'`, `'ANN'`…; throws on anything else. */
export function parseEtsForm(code: string): EtsForm {
  const match = /^([AM])([NA])(d?)([NAM])$/.exec(code);
  if (!match || (match[2] === 'N' && match[3] === 'd')) {
    throw new Error(`Expected an ETS form such as "ANN", "AAdN" or "MAM", found "${code}".`);
  }
  return {
    error: match[1] as ErrorType,
    trend: match[2] as TrendType,
    damped: match[3] === 'd',
    season: match[4] as SeasonType,
  };
}

export function stateLength(form: EtsForm, m: number): number {
  return 1 + (form.trend !== 'N' ? 1 : 0) + (form.season !== 'N' ? m : 0);
}

export interface EtsRecursion {
  /** R's `lik`: n·log(Σe²) (+ 2·Σlog|ŷ| for multiplicative error); NaN when the recursion broke down. */
  lik: number;
  /** Innovations: y − ŷ (additive error) or (y − ŷ)/ŷ (multiplicative error). */
  errors: Float64Array;
  /** One-step fitted values ŷ. */
  fitted: Float64Array;
  /** (n+1) × p states, row 0 the initial state; only when asked for. */
  states: Float64Array | null;
}

/** Seasonal ratios below this count as zero in a division, as etscalc.c's TOL. */
const TOL = 1e-10;
const HUGE = 1e10;

/**
 * Runs the ETS recursion (etscalc) from `initialState` (full vector, last seasonal included)
 * over `y` with fixed parameters.
 */
export function etsRecursion(
  y: ArrayLike<number>,
  form: EtsForm,
  m: number,
  params: EtsParameters,
  initialState: ArrayLike<number>,
  keepStates = false,
): EtsRecursion {
  const n = y.length;
  const hasTrend = form.trend !== 'N';
  const seasonal = form.season !== 'N';
  const period = seasonal ? m : 0;
  const p = 1 + (hasTrend ? 1 : 0) + period;
  const { alpha, gamma } = params;
  const beta = hasTrend ? params.beta : 0;
  const phi = hasTrend && form.damped ? params.phi : 1;
  const errors = new Float64Array(n);
  const fitted = new Float64Array(n);
  const states = keepStates ? new Float64Array((n + 1) * p) : null;
  let level = initialState[0];
  let trend = hasTrend ? initialState[1] : 0;
  const seasons = new Float64Array(period);
  const offset = hasTrend ? 2 : 1;
  for (let j = 0; j < period; j++) seasons[j] = initialState[offset + j];
  if (states) for (let j = 0; j < p; j++) states[j] = initialState[j];
  let sumSquares = 0;
  let sumLogForecast = 0;
  const multiplicativeError = form.error === 'M';
  for (let i = 0; i < n; i++) {
    const phib = hasTrend ? phi * trend : 0;
    const q = level + phib;
    const lastSeason = seasonal ? seasons[period - 1] : 0;
    let forecast = q;
    if (form.season === 'A') forecast += lastSeason;
    else if (form.season === 'M') forecast *= lastSeason;
    fitted[i] = forecast;
    const yi = y[i];
    const e = multiplicativeError ? (yi - forecast) / forecast : yi - forecast;
    errors[i] = e;
    let p0: number;
    if (form.season === 'N') p0 = yi;
    else if (form.season === 'A') p0 = yi - lastSeason;
    else p0 = Math.abs(lastSeason) < TOL ? HUGE : yi / lastSeason;
    const oldLevel = level;
    level = q + alpha * (p0 - q);
    if (hasTrend) trend = phib + (beta / alpha) * (level - oldLevel - phib);
    if (seasonal) {
      let t: number;
      if (form.season === 'A') t = yi - q;
      else t = Math.abs(q) < TOL ? HUGE : yi / q;
      const newSeason = lastSeason + gamma * (t - lastSeason);
      for (let j = period - 1; j > 0; j--) seasons[j] = seasons[j - 1];
      seasons[0] = newSeason;
    }
    if (states) {
      const row = (i + 1) * p;
      states[row] = level;
      if (hasTrend) states[row + 1] = trend;
      for (let j = 0; j < period; j++) states[row + offset + j] = seasons[j];
    }
    sumSquares += e * e;
    if (multiplicativeError) sumLogForecast += Math.log(Math.abs(forecast));
  }
  let lik = n * Math.log(sumSquares);
  if (multiplicativeError) lik += 2 * sumLogForecast;
  return { lik, errors, fitted, states };
}

/** R's log-likelihood convention: −lik/2 (Gaussian constants left out). */
export function logLikelihood(lik: number): number {
  return -0.5 * lik;
}

/**
 * forecast::ets `admissible()`: is the model forecastable (its discount matrix stable)?
 * Non-seasonal forms use closed-form bounds; seasonal forms also need every root of the
 * characteristic polynomial inside the unit circle, checked here by the Schur–Cohn recursion.
 */
export function isAdmissible(params: EtsParameters, form: EtsForm, m: number): boolean {
  const phi = form.trend !== 'N' && form.damped ? params.phi : 1;
  const { alpha } = params;
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (form.season === 'N') {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    if (form.trend !== 'N') {
      const beta = params.beta;
      if (beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha)) return false;
    }
    return true;
  }
  if (m <= 1) return true;
  const beta = form.trend !== 'N' ? params.beta : 0;
  const gamma = params.gamma;
  if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
  if (beta < -(1 - phi) * (gamma / m + alpha)) return false;
  // Coefficients in increasing degree, as R's polyroot(P).
  const coefficients = new Array<number>(m + 2);
  coefficients[0] = phi * (1 - alpha - gamma);
  coefficients[1] = alpha + beta - alpha * phi + gamma - 1;
  for (let j = 0; j < m - 2; j++) coefficients[2 + j] = alpha + beta - alpha * phi;
  coefficients[m] = alpha + beta - phi;
  coefficients[m + 1] = 1;
  return rootsWithinRadius(coefficients, 1 + 1e-10);
}

/**
 * True when every root of Σ c_k z^k lies strictly inside |z| < radius (Schur–Cohn: reduce the
 * degree while |constant| < |leading|, which holds exactly when all roots are inside).
 */
export function rootsWithinRadius(coefficients: readonly number[], radius: number): boolean {
  let a = new Array<number>(coefficients.length);
  let b = new Array<number>(coefficients.length);
  let power = 1;
  for (let k = 0; k < coefficients.length; k++) {
    a[k] = coefficients[k] * power;
    power *= radius;
  }
  let degree = a.length - 1;
  while (degree > 0 && a[degree] === 0) degree--;
  while (degree > 0) {
    const lead = a[degree];
    const constant = a[0];
    if (Math.abs(constant) >= Math.abs(lead)) return false;
    for (let j = 0; j < degree; j++) b[j] = (lead * a[j + 1] - constant * a[degree - 1 - j]) / lead;
    const swap = a;
    a = b;
    b = swap;
    degree--;
  }
  return true;
}

/**
 * R's `lik` only, for the optimiser: the same recursion as `etsRecursion` without storing
 * anything, seasons kept in a ring (`seasons` is scratch space of at least m entries).
 */
export function etsLik(
  y: ArrayLike<number>,
  form: EtsForm,
  m: number,
  params: EtsParameters,
  initialState: ArrayLike<number>,
  seasons: Float64Array,
): number {
  const n = y.length;
  const hasTrend = form.trend !== 'N';
  const seasonKind = form.season;
  const period = seasonKind !== 'N' ? m : 0;
  const alpha = params.alpha;
  const gamma = params.gamma;
  const betaOverAlpha = hasTrend ? params.beta / alpha : 0;
  const phi = hasTrend && form.damped ? params.phi : 1;
  const multiplicativeError = form.error === 'M';
  let level = initialState[0];
  let trend = hasTrend ? initialState[1] : 0;
  const offset = hasTrend ? 2 : 1;
  for (let j = 0; j < period; j++) seasons[j] = initialState[offset + j];
  let head = 0;
  let sumSquares = 0;
  let sumLogForecast = 0;
  for (let i = 0; i < n; i++) {
    const phib = phi * trend;
    const q = level + phib;
    let forecast = q;
    let slot = 0;
    let lastSeason = 0;
    if (period > 0) {
      slot = head === 0 ? period - 1 : head - 1;
      lastSeason = seasons[slot];
      forecast = seasonKind === 'A' ? q + lastSeason : q * lastSeason;
    }
    const yi = y[i];
    const e = multiplicativeError ? (yi - forecast) / forecast : yi - forecast;
    let p0 = yi;
    if (seasonKind === 'A') p0 = yi - lastSeason;
    else if (seasonKind === 'M') p0 = Math.abs(lastSeason) < TOL ? HUGE : yi / lastSeason;
    const oldLevel = level;
    level = q + alpha * (p0 - q);
    if (hasTrend) trend = phib + betaOverAlpha * (level - oldLevel - phib);
    if (period > 0) {
      const t = seasonKind === 'A' ? yi - q : Math.abs(q) < TOL ? HUGE : yi / q;
      seasons[slot] = lastSeason + gamma * (t - lastSeason);
      head = slot;
    }
    sumSquares += e * e;
    if (multiplicativeError) sumLogForecast += Math.log(Math.abs(forecast));
  }
  let lik = n * Math.log(sumSquares);
  if (multiplicativeError) lik += 2 * sumLogForecast;
  return lik;
}
