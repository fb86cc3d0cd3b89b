import { describe, expect, it } from 'vitest';
import { monthRange } from '../../src/core/analysis/calendar';
import { meanAbsolutePercentageError, rollingOriginBacktest } from '../../src/core/forecast/backtest';
import { forecastMonthly } from '../../src/core/forecast/index';
import { AIR_PASSENGERS, RIDGE_ROAD_BAKERY } from './forecast-reference-series';

const REF = 'forecast-reference-values.md';
const BAKERY_MONTHS = monthRange('2022-01', '2025-12');

describe('forecastMonthly: too little history', () => {
  it('says so instead of inventing a trend from fewer than 3 months', () => {
    const two = forecastMonthly(['2025-10', '2025-11'], [41_000, 52_000], { target: 65_000 });
    expect(two.status).toBe('too-little-history');
    expect(two.message).toBe('Only 2 months of sales: at least 3 are needed to forecast.');
    expect(two.model).toBe('');
    expect(two.points).toEqual([]);
    expect(two.firstMonthReachingTarget).toBeNull();
    expect(two.backtest).toEqual({ origins: 0, modelMape: null, naiveMape: null, seasonalNaiveMape: null });
    expect(forecastMonthly(['2025-11'], [52_000], {}).message).toBe(
      'Only 1 month of sales: at least 3 are needed to forecast.',
    );
    expect(forecastMonthly([], [], {}).message).toBe('No months of sales: at least 3 are needed to forecast.');
  });
});

describe('forecastMonthly: input checks', () => {
  it('names the gap when months are not consecutive', () => {
    expect(() => forecastMonthly(['2025-01', '2025-02', '2025-04'], [1, 2, 3], {})).toThrow(
      'Expected consecutive months: 2025-02 is followed by 2025-04 (position 3); include missing months with 0.',
    );
  });

  it('wants one value per month, each a number', () => {
    expect(() => forecastMonthly(['2025-01', '2025-02'], [1], {})).toThrow(
      'Expected one value per month: found 2 months and 1 values.',
    );
    expect(() => forecastMonthly(['2025-01', '2025-02', '2025-03'], [1, NaN, 3], {})).toThrow(
      'Expected a number of sales for 2025-02, found NaN.',
    );
  });
});

describe(`forecastMonthly on the Ridge Road Bakery series (${REF} §1.10, §4.8)`, () => {
  const result = forecastMonthly(BAKERY_MONTHS, [...RIDGE_ROAD_BAKERY], { horizon: 12, target: 600 });

  it('selects ETS(M,A,M) and forecasts 2026 as R prints it (rounded: 514 494 539 … 871)', () => {
    expect(result.status).toBe('ok');
    expect(result.model).toBe('ETS(M,A,M)');
    expect(result.points.map((p) => p.month)).toEqual(monthRange('2026-01', '2026-12'));
    const published = [514, 494, 539, 570, 595, 567, 511, 513, 605, 629, 707, 871];
    result.points.forEach((point, i) => expect(Math.abs(point.mean - published[i])).toBeLessThanOrEqual(0.5 + 5e-3 * published[i]));
    expect(result.points[11].mean).toBeCloseTo(871.46, 1);
  });

  it('finds September 2026 as the first month at or above 600 (May is 594.8)', () => {
    expect(result.firstMonthReachingTarget).toBe('2026-09');
    expect(result.message).toBe(
      'ETS(M,A,M) on 48 months: 2026-01 about 514 (80 % range 498 to 530). First month expected at or above 600: 2026-09.',
    );
  });

  it('nests the intervals and reads P(month ≥ target) off the same normal distribution', () => {
    for (const point of result.points) {
      expect(point.lo95).toBeLessThan(point.lo80);
      expect(point.lo80).toBeLessThan(point.mean);
      expect(point.mean).toBeLessThan(point.hi80);
      expect(point.hi80).toBeLessThan(point.hi95);
    }
    const may = result.points[4];
    const atLower80 = forecastMonthly(BAKERY_MONTHS, [...RIDGE_ROAD_BAKERY], { horizon: 12, target: may.lo80 });
    expect(atLower80.points[4].pTarget).toBeCloseTo(0.9, 9);
    const atUpper95 = forecastMonthly(BAKERY_MONTHS, [...RIDGE_ROAD_BAKERY], { horizon: 12, target: may.hi95 });
    expect(atUpper95.points[4].pTarget).toBeCloseTo(0.025, 9);
    expect(result.points[11].pTarget).toBeGreaterThan(0.999);
  });

  it('backtests the last 6 months one step ahead against naive and seasonal naive', () => {
    // Naive by hand: |489−530|/489, |500−489|/500, |574−500|/574, |597−574|/597, |672−597|/672, |848−672|/848 → 9.874 %.
    // Seasonal naive: against 462, 454, 541, 563, 626, 770 a year earlier → 7.035 %.
    expect(result.backtest.origins).toBe(6);
    expect(result.backtest.naiveMape).toBeCloseTo(9.874078620363603, 9);
    expect(result.backtest.seasonalNaiveMape).toBeCloseTo(7.034849165640566, 9);
    expect(result.backtest.modelMape as number).toBeLessThan(result.backtest.seasonalNaiveMape as number);
  });
});

describe(`forecastMonthly on AirPassengers (${REF} §3.1)`, () => {
  it('selects ETS(M,Ad,M) and gives R’s January 1961 forecast 441.8018 [419.6256, 463.9780] (±0.5 %)', () => {
    const result = forecastMonthly(monthRange('1949-01', '1960-12'), [...AIR_PASSENGERS], { horizon: 12 });
    expect(result.model).toBe('ETS(M,Ad,M)');
    const january = result.points[0];
    expect(january.month).toBe('1961-01');
    expect(Math.abs(january.mean / 441.8018 - 1)).toBeLessThan(5e-3);
    expect(Math.abs(january.lo80 / 419.6256 - 1)).toBeLessThan(5e-3);
    expect(Math.abs(january.hi80 / 463.978 - 1)).toBeLessThan(5e-3);
    expect(Math.abs(result.points[11].hi95 / 551.6756 - 1)).toBeLessThan(5e-3);
    expect(january.pTarget).toBeNull();
    expect(result.firstMonthReachingTarget).toBeNull();
  });
});

describe('forecastMonthly: shapes of seller history', () => {
  it('forecasts 6 months by default, labelled across the year end', () => {
    const result = forecastMonthly(monthRange('2025-04', '2025-12'), [30, 32, 35, 33, 38, 40, 41, 45, 44].map((v) => v * 1000), {
      target: 65_000,
    });
    expect(result.status).toBe('ok');
    expect(result.points.map((p) => p.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
  });

  it('fits a non-seasonal model before two full years of history', () => {
    const result = forecastMonthly(BAKERY_MONTHS.slice(0, 23), RIDGE_ROAD_BAKERY.slice(0, 23), {});
    expect(result.model).toMatch(/^ETS\([AM],(N|A|Ad),N\)$/);
  });

  it('keeps to additive errors when a month had no sales', () => {
    const values = [...RIDGE_ROAD_BAKERY.slice(0, 14)];
    values[5] = 0;
    const result = forecastMonthly(BAKERY_MONTHS.slice(0, 14), values, { target: 600 });
    expect(result.model.startsWith('ETS(A,')).toBe(true);
    expect(result.points.every((p) => Number.isFinite(p.mean) && p.pTarget !== null)).toBe(true);
  });

  it('handles 3 to 6 months with a smoothing fit and no optimised start values (R’s small-sample path)', () => {
    const result = forecastMonthly(['2025-09', '2025-10', '2025-11'], [40_000, 44_000, 48_000], { target: 65_000 });
    expect(result.status).toBe('ok');
    expect(['ETS(A,N,N)', 'ETS(A,A,N)']).toContain(result.model);
    expect(result.points).toHaveLength(6);
  });

  it('forecasts a flat series as flat, with certainty about reaching or missing the target', () => {
    const result = forecastMonthly(monthRange('2025-01', '2025-06'), [50_000, 50_000, 50_000, 50_000, 50_000, 50_000], {
      target: 65_000,
    });
    expect(result.points.every((p) => p.mean === 50_000 && p.pTarget === 0)).toBe(true);
    expect(result.firstMonthReachingTarget).toBeNull();
    expect(result.message).toContain('No month in the next 6 is expected to reach 65,000.');
  });
});

describe('backtest arithmetic', () => {
  it('MAPE leaves out months with no sales (no percentage error exists)', () => {
    expect(meanAbsolutePercentageError([100, 0, 200], [110, 5, 150])).toBeCloseTo((10 + 25) / 2, 12);
    expect(meanAbsolutePercentageError([0, 0], [1, 2])).toBeNull();
  });

  it('rolls the origin over the last months and withholds seasonal naive without a year of history', () => {
    const values = [10, 20, 30, 40, 50];
    const summary = rollingOriginBacktest(values, (history) => history[history.length - 1] + 10, {
      maxOrigins: 3,
      minTraining: 2,
      period: 12,
    });
    expect(summary.origins).toBe(3);
    expect(summary.modelMape).toBe(0);
    expect(summary.naiveMape).toBeCloseTo((100 * (10 / 30 + 10 / 40 + 10 / 50)) / 3, 12);
    expect(summary.seasonalNaiveMape).toBeNull();
  });
});
