import { describe, expect, it } from 'vitest';
import {
  holtWinters,
  holtWintersStart,
  predictHoltWinters,
} from '../../src/core/forecast/holt-winters';
import { AIR_PASSENGERS } from './forecast-reference-series';

const REF = 'forecast-reference-values.md';

function expectAllClose(actual: readonly number[], expected: readonly number[], tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((value, i) => {
    if (Math.abs(value - expected[i]) > tolerance) {
      throw new Error(`index ${i}: expected ${expected[i]} ± ${tolerance}, found ${value}`);
    }
  });
}

describe(`HoltWinters start values (${REF} §2.1, derived from decompose + regression)`, () => {
  it('reproduces l.start, b.start and the additive s.start', () => {
    const start = holtWintersStart(AIR_PASSENGERS, { period: 12 });
    expect(start.level).toBeCloseTo(124.31691919191921, 9);
    expect(start.trend).toBeCloseTo(1.1456876456876484, 9);
    expectAllClose(
      start.seasons,
      [-14.819444, -5.652778, 7.513889, 0.013889, -10.986111, 11.680556, 22.638889, 22.180556, 9.472222, -8.152778, -23.569444, -10.319444],
      5e-7,
    );
    expect(start.startTime).toBe(13);
  });

  it('reproduces the multiplicative s.start (§2.2, derived)', () => {
    const start = holtWintersStart(AIR_PASSENGERS, { period: 12, seasonal: 'multiplicative' });
    expectAllClose(
      start.seasons,
      [0.885378, 0.956703, 1.056048, 0.999992, 0.91918, 1.085134, 1.179509, 1.17526, 1.073991, 0.935174, 0.814655, 0.918977],
      5e-7,
    );
  });
});

describe(`HoltWinters recursion at fixed weights (${REF} §2.3, R SSE, level 1: 1e-6 relative)`, () => {
  const cases: [string, Parameters<typeof holtWinters>[1], number][] = [
    ['additive α 0.3 β 0.05 γ 0.2', { period: 12, alpha: 0.3, beta: 0.05, gamma: 0.2 }, 92402.9671029133],
    [
      'multiplicative α 0.3 β 0.05 γ 0.2',
      { period: 12, alpha: 0.3, beta: 0.05, gamma: 0.2, seasonal: 'multiplicative' },
      32523.7616164221,
    ],
    ['seasonal without trend α 0.3 γ 0.2', { period: 12, alpha: 0.3, beta: false, gamma: 0.2 }, 96618.0625182468],
    ['Holt α 0.3 β 0.05', { period: 12, alpha: 0.3, beta: 0.05, gamma: false }, 315258.4643612918],
    ['simple smoothing α 0.3', { period: 12, alpha: 0.3, beta: false, gamma: false }, 301000.9448609633],
  ];
  for (const [label, options, sse] of cases) {
    it(`${label}: SSE ${sse}`, () => {
      const fit = holtWinters(AIR_PASSENGERS, options);
      expect(Math.abs(fit.sse / sse - 1)).toBeLessThan(1e-6);
    });
  }
});

describe(`HoltWinters(AirPassengers) additive at R's weights (${REF} §2.1)`, () => {
  const fit = holtWinters(AIR_PASSENGERS, { period: 12, alpha: 0.2479595, beta: 0.03453373, gamma: 1 });

  it('reproduces the printed coefficients a, b, s1…s12 (6 dp, weights printed to 7 s.f.)', () => {
    expect(fit.coefficients.a).toBeCloseTo(477.827781, 3);
    expect(fit.coefficients.b as number).toBeCloseTo(3.127627, 4);
    expectAllClose(
      fit.coefficients.s,
      [-27.457685, -54.692464, -20.174608, 12.91912, 18.873607, 75.294426, 152.888368, 134.613464, 33.778349, -18.37906, -87.772408, -45.827781],
      1e-3,
    );
  });

  it('reproduces SSE 21860.18 over 132 one-step errors and the in-sample RMSE 12.86886 / MAPE 3.400129', () => {
    expect(fit.residuals.length).toBe(132);
    expect(fit.sse).toBeCloseTo(21860.18, 1);
    expect(Math.sqrt(fit.sse / 132)).toBeCloseTo(12.86886, 4);
    const mape = (100 * fit.residuals.reduce((t, e, i) => t + Math.abs(e / AIR_PASSENGERS[12 + i]), 0)) / 132;
    expect(mape).toBeCloseTo(3.400129, 5);
  });

  it('reproduces the Jan–Dec 1961 forecasts (4 dp) and the derived 80 % / 95 % intervals', () => {
    const p80 = predictHoltWinters(fit, 12, 0.8);
    const p95 = predictHoltWinters(fit, 12, 0.95);
    expectAllClose(
      p80.fit,
      [453.4977, 429.3906, 467.0361, 503.2574, 512.3395, 571.888, 652.6095, 637.4623, 539.7548, 490.725, 424.4593, 469.5315],
      1e-3,
    );
    expectAllClose(p80.lower, [437.0972, 412.459, 449.5553, 485.2097, 493.7078, 552.6556, 632.7605, 616.9809, 518.626, 468.9342, 401.9922, 446.3742], 1e-3);
    expectAllClose(p80.upper, [469.8983, 446.3221, 484.5169, 521.3051, 530.9713, 591.1204, 672.4586, 657.9436, 560.8835, 512.5158, 446.9264, 492.6888], 1e-3);
    expectAllClose(p95.lower, [428.4153, 403.496, 440.3015, 475.6558, 483.8447, 542.4746, 622.253, 606.1387, 507.4412, 457.3988, 390.0988, 434.1155], 1e-3);
    expectAllClose(p95.upper, [478.5802, 455.2851, 493.7706, 530.859, 540.8343, 601.3014, 682.9661, 668.7858, 572.0684, 524.0511, 458.8197, 504.9475], 1e-3);
  });
});

describe(`HoltWinters(AirPassengers, "multiplicative") at R's weights (${REF} §2.2, published forecast table)`, () => {
  const fit = holtWinters(AIR_PASSENGERS, {
    period: 12,
    seasonal: 'multiplicative',
    alpha: 0.2755925,
    beta: 0.03269295,
    gamma: 0.8707292,
  });

  it('reproduces a, b and s1…s12 (7 dp printed)', () => {
    expect(fit.coefficients.a).toBeCloseTo(469.3232206, 4);
    expect(fit.coefficients.b as number).toBeCloseTo(3.0215391, 5);
    expectAllClose(
      fit.coefficients.s,
      [0.9464611, 0.8829239, 0.9717369, 1.0304825, 1.0476884, 1.1805272, 1.3590778, 1.3331706, 1.1083381, 0.9868813, 0.8361333, 0.9209877],
      5e-6,
    );
  });

  it('reproduces forecast(h = 12) means and 80 % / 95 % intervals to 1e-4 of the printed values', () => {
    const p80 = predictHoltWinters(fit, 12, 0.8);
    const p95 = predictHoltWinters(fit, 12, 0.95);
    const tolerance = 2e-4;
    expectAllClose(p80.fit, [447.0559, 419.7123, 464.8671, 496.0839, 507.5326, 575.4509, 666.5923, 657.9137, 550.3088, 492.9853, 420.2073, 465.6345], tolerance);
    expectAllClose(p80.lower, [434.1422, 406.2559, 450.5448, 480.8809, 491.5815, 557.9648, 647.0002, 637.8194, 531.5631, 474.6967, 402.7239, 451.031], tolerance);
    expectAllClose(p80.upper, [459.9696, 433.1686, 479.1895, 511.287, 523.4838, 592.937, 686.1843, 678.0081, 569.0544, 511.2739, 437.6906, 480.238], tolerance);
    expectAllClose(p95.lower, [427.3061, 399.1326, 442.963, 472.8329, 483.1375, 548.7083, 636.6288, 627.1821, 521.6398, 465.0153, 393.4688, 443.3004], tolerance);
    expectAllClose(p95.upper, [466.8057, 440.292, 486.7712, 519.335, 531.9278, 602.1935, 696.5558, 688.6454, 578.9777, 520.9553, 446.9458, 487.9686], tolerance);
  });
});

describe(`HoltWinters estimation (${REF} §2.1–2.2, level 3: weights ±1e-2, SSE not worse than R's)`, () => {
  it('additive: α ≈ 0.2479595, β ≈ 0.03453373, γ ≈ 1, SSE ≤ 21860.18 + 0.1', () => {
    const fit = holtWinters(AIR_PASSENGERS, { period: 12 });
    expect(Math.abs(fit.alpha - 0.2479595)).toBeLessThan(1e-2);
    expect(Math.abs((fit.beta as number) - 0.03453373)).toBeLessThan(1e-2);
    expect(Math.abs((fit.gamma as number) - 1)).toBeLessThan(1e-2);
    expect(fit.sse).toBeLessThanOrEqual(21860.18 + 0.1);
  });

  it('multiplicative: α ≈ 0.2755925, β ≈ 0.03269295, γ ≈ 0.8707292, SSE rounds to 16571', () => {
    const fit = holtWinters(AIR_PASSENGERS, { period: 12, seasonal: 'multiplicative' });
    expect(Math.abs(fit.alpha - 0.2755925)).toBeLessThan(1e-2);
    expect(Math.abs((fit.beta as number) - 0.03269295)).toBeLessThan(1e-2);
    expect(Math.abs((fit.gamma as number) - 0.8707292)).toBeLessThan(1e-2);
    expect(fit.sse).toBeLessThanOrEqual(16571.5);
    expect(Math.round(fit.sse)).toBe(16571);
  });

  it('refuses a multiplicative season on a series with a zero', () => {
    expect(() => holtWinters([0, ...AIR_PASSENGERS.slice(1)], { period: 12, seasonal: 'multiplicative' })).toThrow(
      'Multiplicative Holt-Winters needs every value to be non-zero.',
    );
  });
});
