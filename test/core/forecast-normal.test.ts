import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, probabilityAtLeast } from '../../src/core/forecast/normal';

describe('standard normal distribution (values as R prints qnorm/pnorm with digits = 16)', () => {
  it('gives the quantiles behind 80 % and 95 % intervals', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 14);
    expect(normalQuantile(0.1)).toBeCloseTo(-1.2815515655446004, 14);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('gives cdf values, far tails included', () => {
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 15);
    expect(normalCdf(-8) / 6.22096057427178e-16).toBeCloseTo(1, 9);
  });

  it('inverts itself across the range', () => {
    for (const p of [1e-12, 1e-6, 0.01, 0.2, 0.5, 0.73, 0.99, 1 - 1e-9]) {
      expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 9);
    }
  });

  it('inverts itself from p = 1e-300 to 1 − 1e-15, each tail measured on its own side', () => {
    for (let i = 1; i < 1000; i++) {
      const p = i / 1000;
      const x = normalQuantile(p);
      // Below the median P(Z ≤ x) is exact to the last digits; above it, P(Z > x) against 1 − p.
      if (p <= 0.5) expect(normalCdf(x) / p).toBeCloseTo(1, 9);
      else expect(normalCdf(-x) / (1 - p)).toBeCloseTo(1, 9);
    }
    for (let e = 1; e <= 300; e++) expect(normalCdf(normalQuantile(10 ** -e)) / 10 ** -e).toBeCloseTo(1, 9);
    for (let e = 1; e <= 15; e++) {
      const p = 1 - 10 ** -e;
      expect(normalCdf(-normalQuantile(p)) / (1 - p)).toBeCloseTo(1, 9);
    }
  });

  it('gives the chance of reaching a target, and a step when there is no uncertainty', () => {
    expect(probabilityAtLeast(100, 100, 25)).toBeCloseTo(0.5, 14);
    expect(probabilityAtLeast(100 - 1.2815515655446004 * 5, 100, 25)).toBeCloseTo(0.9, 12);
    expect(probabilityAtLeast(100, 100, 0)).toBe(1);
    expect(probabilityAtLeast(100.01, 100, 0)).toBe(0);
  });
});
