import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { monthRange } from '../../src/core/analysis/calendar';
import { monthlySales } from '../../src/core/analysis/pnl';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { meanAbsolutePercentageError } from '../../src/core/forecast/backtest';
import { forecastMonthly, type ForecastResult } from '../../src/core/forecast/index';
import { normalQuantile } from '../../src/core/forecast/normal';
import { AIR_PASSENGERS, RIDGE_ROAD_BAKERY } from './forecast-reference-series';

const REF = 'forecast-reference-values.md';
const BAKERY_MONTHS = monthRange('2022-01', '2025-12');
const root = new URL('../../', import.meta.url).pathname;

/** Gross sales of the full months of a bundled sample, in dollars. */
function sampleMonths(...files: string[]): { months: string[]; values: number[] } {
  // As the import does: a row whose key is already in the ledger is not written again.
  const seen = new Set<string>();
  const rows = files
    .flatMap((file) => parseExportFile(new Uint8Array(readFileSync(root + file)), file).files[0].rows)
    .filter((row) => !seen.has(row.key) && seen.add(row.key) !== undefined);
  const months = monthlySales(rows, 'gross').slice(0, -1); // May 2026 is under way (last day: May 28)
  return { months: months.map((m) => m.month), values: months.map((m) => m.amount / 100) };
}

/** Everything a seller must be able to believe about any forecast. */
function expectSaneBands(result: ForecastResult): void {
  for (const p of result.points) {
    expect(p.lo95).toBeGreaterThanOrEqual(0);
    expect(p.lo95).toBeLessThanOrEqual(p.lo80);
    expect(p.lo80).toBeLessThanOrEqual(p.mean);
    expect(p.mean).toBeLessThanOrEqual(p.hi80);
    expect(p.hi80).toBeLessThanOrEqual(p.hi95);
  }
}

/** Plain words: no model notation, no bare numbers without a dollar sign. */
function expectPlainWords(message: string): void {
  expect(message).not.toMatch(/ETS|\(\w,\w+,\w\)|AICc|MAPE/);
  for (const amount of message.match(/\$[\d,]+(\.\d+)?/g) ?? [])
    expect(amount).toMatch(/^\$\d{1,3}(,\d{3})*$/);
}

describe('forecastMonthly: too little history', () => {
  it('says so instead of inventing a trend from fewer than 3 months', () => {
    const two = forecastMonthly(['2025-10', '2025-11'], [41_000, 52_000], { target: 65_000 });
    expect(two.status).toBe('too-little-history');
    expect(two.message).toBe('Only 2 full months of sales: at least 3 are needed to forecast.');
    expect(two.method).toBe('');
    expect(two.points).toEqual([]);
    expect(two.backtest.origins).toBe(0);
    expect(forecastMonthly(['2025-11'], [52_000], {}).message).toBe(
      'Only 1 full month of sales: at least 3 are needed to forecast.',
    );
    expect(forecastMonthly([], [], {}).message).toBe(
      'No full months of sales: at least 3 are needed to forecast.',
    );
  });

  it('with 3 to 6 months, nothing can be checked on past months: last month carried forward, and it says so', () => {
    const result = forecastMonthly(['2025-09', '2025-10', '2025-11'], [40_000, 44_000, 48_000], {
      target: 65_000,
    });
    expect(result.status).toBe('ok');
    expect(result).toMatchObject({ methodId: 'naive', method: 'same as last month', beatsNaive: false });
    expect(result.points.map((p) => p.mean)).toEqual([48_000, 48_000, 48_000, 48_000, 48_000, 48_000]);
    // Two month-to-month changes are no spread to trust: no band (it is the forecast itself) and no chance.
    expect(result.message).toBe(
      "Based on your last 3 months: too few to check a forecasting method on past months, so this is last month's sales carried forward, " +
        'with no 80% range or chance of a target (7 months are needed).',
    );
    expect(result.spread).toBe(false);
    expect(result.points.every((p) => p.lo80 === 48_000 && p.hi80 === 48_000 && p.pTarget === null)).toBe(
      true,
    );
    expectSaneBands(result);
  });
});

describe('forecastMonthly: input checks', () => {
  it('names the gap when months are not consecutive', () => {
    expect(() => forecastMonthly(['2025-01', '2025-02', '2025-04'], [1, 2, 3], {})).toThrow(
      'Month 2025-03 is missing between 2025-02 and 2025-04: add it with its sales (0 if none).',
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

describe('forecastMonthly on the growing shop of samples/statement-history.csv (January 2025 – April 2026)', () => {
  const { months, values } = sampleMonths('samples/statement-history.csv');
  const result = forecastMonthly(months, values, { horizon: 8, target: 10_000 });

  it('reads 16 full months that roughly tripled', () => {
    expect(months).toEqual(monthRange('2025-01', '2026-04'));
    expect(values[15] / values[0]).toBeGreaterThan(2.8);
  });

  it('chooses a method that beat “same as last month” on the shop’s own past months', () => {
    expect(result.beatsNaive).toBe(true);
    expect(['naive', 'seasonal-naive']).not.toContain(result.methodId);
    expect(result.backtest.origins).toBe(12);
    expect(result.backtest.horizon).toBe(3);
    expect(result.backtest.modelMape!).toBeLessThan(result.backtest.naiveMape! - 0.5);
    // The score shown is the chosen method's own.
    expect(result.backtest.scores.find((s) => s.id === result.methodId)!.mape).toBe(
      result.backtest.modelMape,
    );
  });

  it('keeps the trend: every month ahead is expected higher than the one before', () => {
    for (let i = 1; i < result.points.length; i++)
      expect(result.points[i].mean).toBeGreaterThan(result.points[i - 1].mean);
    expect(result.points[7].mean).toBeGreaterThan(values[15]);
  });

  it('never lets the band fall below $0', () => {
    expectSaneBands(result);
    expect(Math.min(...result.points.map((p) => p.lo95))).toBeGreaterThan(0);
  });

  it('says what it is based on and how far off it was, in plain words and whole dollars', () => {
    expect(result.message).toMatch(
      /^Based on your last 16 months \([a-z ,-]+\); on past months this method was off by \d+% on average\.$/,
    );
    expect(result.message).toContain(`off by ${Math.round(result.backtest.modelMape!)}% on average`);
    expectPlainWords(result.message);
  });
});

describe('forecastMonthly with both bundled samples imported (the history holds the sample statement’s rows: nothing counted twice)', () => {
  const { months, values } = sampleMonths('samples/statement-history.csv', 'samples/statement-2026-05.csv');
  const result = forecastMonthly(months, values, { horizon: 8, target: 65_000 });

  it('reads the same months as the history alone, April 2026 at $6,628.09 (not $10,730.86 with April twice)', () => {
    expect(values).toEqual(sampleMonths('samples/statement-history.csv').values);
    expect(values[15]).toBeCloseTo(6_628.09, 2);
    expectSaneBands(result);
    expect(result.points[7].lo80).toBeGreaterThan(0);
    expect(result.beatsNaive).toBe(true);
    expect(result.points[7].mean).toBeGreaterThan(result.points[0].mean);
  });
});

describe('forecastMonthly when nothing beats the by-hand forecasts', () => {
  // A random walk: by construction nothing forecasts it better than its last value.
  const walk: number[] = [];
  let level = 20_000;
  let seed = 7;
  for (let i = 0; i < 20; i++) {
    seed = (seed * 16807) % 2147483647;
    level *= 1 + (seed / 2147483647 - 0.5) * 0.5;
    walk.push(Math.round(level));
  }
  const result = forecastMonthly(monthRange('2024-01', '2025-08'), walk, { horizon: 4 });

  it('shows “same as last month” and says no method beat it', () => {
    expect(result.beatsNaive).toBe(false);
    expect(result.methodId).toBe('naive');
    expect(result.points.every((p) => p.mean === walk[19])).toBe(true);
    expect(result.summary).toBe(
      `Based on your last 20 months: no forecasting method beat “same as last ` +
        `month” on past months, so this shows same as last month (off by ${Math.round(result.backtest.naiveMape!)}% on average).`,
    );
    expectSaneBands(result);
  });
});

describe(`forecastMonthly on the Ridge Road Bakery series (${REF} §1.10, §4.8)`, () => {
  const result = forecastMonthly(BAKERY_MONTHS, [...RIDGE_ROAD_BAKERY], { horizon: 12, target: 600 });

  it('picks the seasonal method by backtest, which is R’s ETS(M,A,M), and forecasts 2026 as R prints it (514 494 539 … 871)', () => {
    expect(result.status).toBe('ok');
    expect(result).toMatchObject({
      methodId: 'seasonal',
      method: 'trend and seasons',
      form: 'ETS(M,A,M)',
      beatsNaive: true,
    });
    expect(result.points.map((p) => p.month)).toEqual(monthRange('2026-01', '2026-12'));
    const published = [514, 494, 539, 570, 595, 567, 511, 513, 605, 629, 707, 871];
    result.points.forEach((point, i) =>
      expect(Math.abs(point.mean - published[i])).toBeLessThanOrEqual(0.5 + 5e-3 * published[i]),
    );
    expect(result.points[11].mean).toBeCloseTo(871.46, 1);
  });

  it('finds September 2026 as the first month at or above 600 (May is 594.8)', () => {
    expect(result.points.find((p) => p.mean >= 600)?.month).toBe('2026-09');
    expect(result.message).toMatch(
      /^Based on your last 48 months \(trend and seasons\); on past months this method was off by \d+% on average\.$/,
    );
  });

  it('reads P(month ≥ target) off the same distribution as the band', () => {
    const may = result.points[4];
    const atLower80 = forecastMonthly(BAKERY_MONTHS, [...RIDGE_ROAD_BAKERY], {
      horizon: 12,
      target: may.lo80,
    });
    expect(atLower80.points[4].pTarget).toBeCloseTo(0.9, 9);
    const atUpper95 = forecastMonthly(BAKERY_MONTHS, [...RIDGE_ROAD_BAKERY], {
      horizon: 12,
      target: may.hi95,
    });
    expect(atUpper95.points[4].pTarget).toBeCloseTo(0.025, 9);
    expect(result.points[11].pTarget).toBeGreaterThan(0.999);
    expectSaneBands(result);
  });

  it('scores “same as last month” by hand: each of the last 12 months forecast 1 to 3 months ahead', () => {
    const actual: number[] = [];
    const naive: number[] = [];
    for (let t = 36; t < 48; t++) {
      for (let h = 0; h < 3 && t + h < 48; h++) {
        actual.push(RIDGE_ROAD_BAKERY[t + h]);
        naive.push(RIDGE_ROAD_BAKERY[t - 1]);
      }
    }
    expect(actual).toHaveLength(33);
    expect(result.backtest.naiveMape).toBeCloseTo(meanAbsolutePercentageError(actual, naive)!, 9);
    expect(result.backtest.modelMape!).toBeLessThan(result.backtest.seasonalNaiveMape!);
  });
});

describe(`forecastMonthly on AirPassengers (${REF} §3.1)`, () => {
  const result = forecastMonthly(monthRange('1949-01', '1960-12'), [...AIR_PASSENGERS], { horizon: 12 });

  it('picks the seasonal method, R’s ETS(M,Ad,M), with R’s January 1961 mean 441.8018 and fable’s variances (±0.5 %)', () => {
    expect(result).toMatchObject({ methodId: 'seasonal', form: 'ETS(M,Ad,M)' });
    const january = result.points[0];
    expect(january.month).toBe('1961-01');
    expect(Math.abs(january.mean / 441.8018 - 1)).toBeLessThan(5e-3);
    const fable = [299, 442, 789, 956, 1177, 1821, 2636, 2994, 2577, 2205];
    fable.forEach((v, i) => expect(Math.abs(result.points[i].variance / v - 1)).toBeLessThan(1e-2));
    expect(january.pTarget).toBeNull();
  });

  it('draws the band from the lognormal with R’s mean and variance: within 0.5 % of R’s normal band a month ahead, never below 0', () => {
    const january = result.points[0];
    expect(Math.abs(january.lo80 / 419.6256 - 1)).toBeLessThan(5e-3);
    expect(Math.abs(january.hi80 / 463.978 - 1)).toBeLessThan(5e-3);
    // A year ahead the skew shows: the lognormal's 97.5 % point lies above R's normal 551.6756.
    const december = result.points[11];
    expect(december.hi95).toBeGreaterThan(551.6756);
    expect(december.lo95).toBeGreaterThan(352.2631);
    const s2 = Math.log1p(december.variance / december.mean ** 2);
    expect(december.hi95).toBeCloseTo(
      Math.exp(Math.log(december.mean) - s2 / 2 + Math.sqrt(s2) * normalQuantile(0.975)),
      9,
    );
    expectSaneBands(result);
  });
});

describe('forecastMonthly: shapes of seller history', () => {
  it('forecasts 6 months by default, labelled across the year end', () => {
    const result = forecastMonthly(
      monthRange('2025-04', '2025-12'),
      [30, 32, 35, 33, 38, 40, 41, 45, 44].map((v) => v * 1000),
      { target: 65_000 },
    );
    expect(result.status).toBe('ok');
    expect(result.points.map((p) => p.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    expectSaneBands(result);
  });

  it('keeps the band at or above $0 when a month had no sales (floored normal)', () => {
    const values = [...RIDGE_ROAD_BAKERY.slice(0, 14)].map((v) => v / 10);
    values[5] = 0;
    values[12] = 0;
    const result = forecastMonthly(BAKERY_MONTHS.slice(0, 14), values, { target: 60, horizon: 12 });
    expect(result.distribution).toBe('floored-normal');
    expectSaneBands(result);
    expect(result.points.every((p) => Number.isFinite(p.mean) && p.pTarget !== null)).toBe(true);
  });

  it('keeps the band at or above $0 for a shop in decline', () => {
    const falling = [9000, 8200, 7900, 7000, 6100, 5800, 5000, 4100, 3900, 3000, 2300, 1900, 1200, 800];
    const result = forecastMonthly(monthRange('2025-01', '2026-02'), falling, { horizon: 12 });
    expectSaneBands(result);
    expect(result.points.every((p) => p.mean >= 0)).toBe(true);
  });

  it('with no sales at all, says there was nothing to check a method against (no “off by 0 %”)', () => {
    const result = forecastMonthly(monthRange('2025-01', '2025-08'), new Array(8).fill(0), { target: 100 });
    expect(result.summary).toBe(
      "Based on your last 8 months: no past month had sales to check a forecasting method against, so this is last month's sales carried forward." +
        ' The method fits your months exactly: no range to measure.',
    );
    // No spread was measured: no chance of the target rather than a certain 0.
    expect(result.points.every((p) => p.mean === 0 && p.hi95 === 0 && p.pTarget === null)).toBe(true);
  });

  it('forecasts a flat series as flat, and gives no chance rather than a certain miss', () => {
    const result = forecastMonthly(monthRange('2025-01', '2025-08'), new Array(8).fill(50_000), {
      target: 65_000,
    });
    expect(result.points.every((p) => p.mean === 50_000 && p.pTarget === null && p.lo95 === 50_000)).toBe(
      true,
    );
    expect(result.spread).toBe(false);
    expect(result.message).toContain('The method fits your months exactly: no range to measure.');
  });
});

describe('backtest arithmetic', () => {
  it('MAPE leaves out months with no sales (no percentage error exists)', () => {
    expect(meanAbsolutePercentageError([100, 0, 200], [110, 5, 150])).toBeCloseTo((10 + 25) / 2, 12);
    expect(meanAbsolutePercentageError([0, 0], [1, 2])).toBeNull();
  });
});
