/**
 * Forecast means and variances of a fitted ETS model, as forecast::forecast.ets computes them
 * analytically (R/etsforecast.R): `class1` (additive error, no multiplicative part),
 * `class2` (multiplicative error, no multiplicative season) and `class3` (multiplicative error
 * and season). R's intervals are then mean ± z·√variance.
 */
import type { EtsForm, EtsParameters } from './ets';
import { normalQuantile } from './normal';

type Matrix = number[][];

function zeros(rows: number, cols: number): Matrix {
  const out: Matrix = [];
  for (let i = 0; i < rows; i++) out.push(new Array<number>(cols).fill(0));
  return out;
}

function multiply(a: Matrix, b: Matrix): Matrix {
  const rows = a.length;
  const inner = b.length;
  const cols = b[0].length;
  const out = zeros(rows, cols);
  for (let i = 0; i < rows; i++) {
    const ai = a[i];
    const oi = out[i];
    for (let k = 0; k < inner; k++) {
      const aik = ai[k];
      if (aik === 0) continue;
      const bk = b[k];
      for (let j = 0; j < cols; j++) oi[j] += aik * bk[j];
    }
  }
  return out;
}

function transpose(a: Matrix): Matrix {
  const out = zeros(a[0].length, a.length);
  for (let i = 0; i < a.length; i++) for (let j = 0; j < a[0].length; j++) out[j][i] = a[i][j];
  return out;
}

function add(...terms: Matrix[]): Matrix {
  const out = zeros(terms[0].length, terms[0][0].length);
  for (const t of terms)
    for (let i = 0; i < t.length; i++) for (let j = 0; j < t[0].length; j++) out[i][j] += t[i][j];
  return out;
}

function scale(a: Matrix, factor: number): Matrix {
  return a.map((row) => row.map((v) => v * factor));
}

/** Kronecker product a ⊗ b, as R's %x%. */
function kronecker(a: Matrix, b: Matrix): Matrix {
  const out = zeros(a.length * b.length, a[0].length * b[0].length);
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < a[0].length; j++)
      for (let k = 0; k < b.length; k++)
        for (let l = 0; l < b[0].length; l++) out[i * b.length + k][j * b[0].length + l] = a[i][j] * b[k][l];
  return out;
}

export interface ForecastMoments {
  mean: number[];
  variance: number[];
}

/** Additive-error linear models: mean = H·F^(h−1)·x, variance = σ²(1 + Σ c_j²), c_j = H·F^(j−1)·G. */
export function class1Moments(
  h: number,
  lastState: readonly number[],
  form: EtsForm,
  m: number,
  params: EtsParameters,
  sigma2: number,
): ForecastMoments & { c: number[] } {
  const p = lastState.length;
  const hasTrend = form.trend !== 'N';
  const phi = form.damped ? params.phi : 1;
  const H = new Array<number>(p).fill(0);
  H[0] = 1;
  if (form.season === 'A') H[p - 1] = 1;
  if (hasTrend) H[1] = phi;
  const F = zeros(p, p);
  F[0][0] = 1;
  if (hasTrend) F[0][1] = F[1][1] = phi;
  if (form.season === 'A') {
    F[p - m][p - 1] = 1;
    for (let k = 0; k < m - 1; k++) F[p - m + 1 + k][p - m + k] = 1;
  }
  const G = new Array<number>(p).fill(0);
  G[0] = params.alpha;
  if (hasTrend) G[1] = params.beta;
  // The seasonal smoothing weight acts on s1, the first seasonal state (R indexes it as row 3,
  // which is s1 only when a trend is present).
  if (form.season === 'A') G[p - m] = params.gamma;
  const mean: number[] = [];
  const c: number[] = [];
  // row = H·F^j, advanced one power at a time.
  let row = H.slice();
  for (let i = 0; i < h; i++) {
    let mu = 0;
    let cj = 0;
    for (let k = 0; k < p; k++) {
      mu += row[k] * lastState[k];
      cj += row[k] * G[k];
    }
    mean.push(mu);
    if (i < h - 1) c.push(cj);
    const next = new Array<number>(p).fill(0);
    for (let k = 0; k < p; k++) {
      const rk = row[k];
      if (rk === 0) continue;
      for (let j = 0; j < p; j++) next[j] += rk * F[k][j];
    }
    row = next;
  }
  const variance: number[] = [sigma2];
  let cumulative = 0;
  for (let i = 0; i < h - 1; i++) {
    cumulative += c[i] * c[i];
    variance.push(sigma2 * (1 + cumulative));
  }
  return { mean, variance, c };
}

/** Multiplicative error, additive or no season. */
export function class2Moments(
  h: number,
  lastState: readonly number[],
  form: EtsForm,
  m: number,
  params: EtsParameters,
  sigma2: number,
): ForecastMoments {
  const base = class1Moments(h, lastState, form, m, params, sigma2);
  const theta: number[] = [base.mean[0] * base.mean[0]];
  for (let j = 1; j < h; j++) {
    let sum = 0;
    for (let k = 0; k < j; k++) sum += base.c[k] * base.c[k] * theta[j - 1 - k];
    theta.push(base.mean[j] * base.mean[j] + sigma2 * sum);
  }
  const variance = theta.map((t, j) => (1 + sigma2) * t - base.mean[j] * base.mean[j]);
  return { mean: base.mean, variance };
}

/** Multiplicative error and multiplicative season (R's `class3`, a Kronecker-product recursion). */
export function class3Moments(
  h: number,
  lastState: readonly number[],
  form: EtsForm,
  m: number,
  params: EtsParameters,
  sigma2: number,
): ForecastMoments {
  const p = lastState.length;
  const hasTrend = form.trend !== 'N';
  const H1: Matrix = [hasTrend ? [1, 1] : [1]];
  const H2: Matrix = [[...new Array<number>(m - 1).fill(0), 1]];
  const F1: Matrix = hasTrend
    ? [
        [1, 1],
        [0, form.damped ? params.phi : 1],
      ]
    : [[1]];
  const G1: Matrix = hasTrend
    ? [
        [params.alpha, params.alpha],
        [params.beta, params.beta],
      ]
    : [[params.alpha]];
  const F2 = zeros(m, m);
  F2[0][m - 1] = 1;
  for (let k = 1; k < m; k++) F2[k][k - 1] = 1;
  const G2 = zeros(m, m);
  G2[0][m - 1] = params.gamma;
  const levelPart = lastState.slice(0, p - m);
  const seasonPart = lastState.slice(p - m);
  let Mh: Matrix = levelPart.map((v) => seasonPart.map((s) => v * s));
  const size = levelPart.length * m;
  let Vh = zeros(size, size);
  const H21 = kronecker(H2, H1);
  const F21 = kronecker(F2, F1);
  const G21 = kronecker(G2, G1);
  const K = add(kronecker(G2, F1), kronecker(F2, G1));
  const H21t = transpose(H21);
  const F21t = transpose(F21);
  const G21t = transpose(G21);
  const Kt = transpose(K);
  const F2t = transpose(F2);
  const G2t = transpose(G2);
  const mean: number[] = [];
  const variance: number[] = [];
  for (let i = 0; i < h; i++) {
    const mu = multiply(multiply(H1, Mh), transpose(H2))[0][0];
    mean.push(mu);
    variance.push((1 + sigma2) * multiply(multiply(H21, Vh), H21t)[0][0] + sigma2 * mu * mu);
    // vec(Mh), column-major as R's c(Mh)
    const vec: number[] = [];
    for (let j = 0; j < Mh[0].length; j++) for (let k = 0; k < Mh.length; k++) vec.push(Mh[k][j]);
    const outer: Matrix = vec.map((a) => vec.map((b) => a * b));
    Vh = add(
      multiply(multiply(F21, Vh), F21t),
      scale(
        add(
          multiply(multiply(F21, Vh), G21t),
          multiply(multiply(G21, Vh), F21t),
          multiply(multiply(K, add(Vh, outer)), Kt),
          scale(multiply(multiply(G21, add(scale(Vh, 3), scale(outer, 2))), G21t), sigma2),
        ),
        sigma2,
      ),
    );
    Mh = add(multiply(multiply(F1, Mh), F2t), scale(multiply(multiply(G1, Mh), G2t), sigma2));
  }
  return { mean, variance };
}

/** The moments forecast.ets would use for this form. */
export function forecastMoments(
  h: number,
  lastState: readonly number[],
  form: EtsForm,
  m: number,
  params: EtsParameters,
  sigma2: number,
): ForecastMoments {
  if (form.error === 'A') return class1Moments(h, lastState, form, m, params, sigma2);
  if (form.season !== 'M') return class2Moments(h, lastState, form, m, params, sigma2);
  return class3Moments(h, lastState, form, m, params, sigma2);
}

export interface Interval {
  lower: number;
  upper: number;
}

/** Central normal interval at `level` (e.g. 0.8) around `mean`. */
export function normalInterval(mean: number, variance: number, level: number): Interval {
  const z = normalQuantile(0.5 + level / 2);
  const margin = z * Math.sqrt(Math.max(variance, 0));
  return { lower: mean - margin, upper: mean + margin };
}
