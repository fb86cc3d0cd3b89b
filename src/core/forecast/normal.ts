/**
 * The standard normal distribution: cdf and quantile, accurate to about 1e-14, for prediction
 * intervals (mean ± z·sd) and the probability that a month reaches a target.
 */

const SQRT_PI = Math.sqrt(Math.PI);

/** Complementary error function: power series near 0, Lentz's continued fraction in the tail. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 2.5) {
    // erf(x) = 2/√π Σ (−1)^k x^(2k+1) / (k! (2k+1))
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let k = 1; k < 200; k++) {
      term *= -x2 / k;
      const add = term / (2 * k + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return 1 - (2 / SQRT_PI) * sum;
  }
  if (x > 27) return 0;
  // erfc(x) = exp(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …))))
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = x + a / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (SQRT_PI * f);
}

/** P(Z ≤ x) for a standard normal Z. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

export function normalDensity(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/**
 * The p-quantile of the standard normal: Newton's method on {@link normalCdf}, from Abramowitz &
 * Stegun 26.2.23 (within 4.5e-4). The upper half by symmetry: 1 − p is exact there, and the cdf is
 * accurate relative to p only in the lower tail.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p > 0.5) return -normalQuantile(1 - p);
  if (p === 0.5) return 0;
  const t = Math.sqrt(-2 * Math.log(p));
  let x =
    -t + (2.515517 + t * (0.802853 + t * 0.010328)) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308)));
  for (let i = 0; i < 10; i++) {
    const step = (normalCdf(x) - p) / normalDensity(x);
    x -= step;
    if (!(Math.abs(step) > 1e-15 * Math.abs(x))) break;
  }
  return x;
}

/** P(X ≥ threshold) for X ~ N(mean, variance); a step function when the variance is 0. */
export function probabilityAtLeast(threshold: number, mean: number, variance: number): number {
  if (!(variance > 0)) return mean >= threshold ? 1 : 0;
  return 1 - normalCdf((threshold - mean) / Math.sqrt(variance));
}
