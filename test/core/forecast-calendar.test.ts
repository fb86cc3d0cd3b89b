/**
 * The calendar adjustment of a seller's monthly sales (FPP, "calendar adjustments"): forecast per
 * day, times each month's days. Hand figures in the comments.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addDays, daysInMonth, monthRange } from '../../src/core/analysis/calendar';
import { outlookOfDaily } from '../../src/core/analysis/dashboard-model';
import { monthlySales } from '../../src/core/analysis/pnl';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { forecastSalesPerDay } from '../../src/core/forecast/index';

/** $2,000 every day from `first` through `last`, in cents. */
function flatDays(first: string, last: string): { date: string; amount: number }[] {
  const days = [];
  for (let date = first; date <= last; date = addDays(date, 1)) days.push({ date, amount: 200_000 });
  return days;
}

describe('forecastSalesPerDay: $2,000 a day, every day, January 2024 – December 2025', () => {
  const months = monthRange('2024-01', '2025-12');
  const result = forecastSalesPerDay(
    months,
    months.map((m) => 2000 * daysInMonth(m)),
    { horizon: 12, target: 65_000 },
  );

  it('forecasts each month at 2,000 × its days: February 56,000, March 62,000, April 60,000', () => {
    expect(result.points.slice(0, 4).map((p) => [p.month, p.mean])).toEqual([
      ['2026-01', 62_000],
      ['2026-02', 56_000],
      ['2026-03', 62_000],
      ['2026-04', 60_000],
    ]);
    // 2026 has 365 days: 730,000, not the 733,333 of a 28-day February forecast like a 31-day month.
    expect(result.points.reduce((sum, p) => sum + p.mean, 0)).toBe(730_000);
  });

  it('sales a day that never varied leave no range and no chance of the target', () => {
    expect(result.spread).toBe(false);
    expect(result.points[1]).toMatchObject({ lo80: 56_000, hi80: 56_000, pTarget: null });
  });
});

describe('forecastSalesPerDay on the growing shop of samples/statement-history.csv', () => {
  const root = new URL('../../', import.meta.url).pathname;
  const file = 'samples/statement-history.csv';
  const rows = parseExportFile(new Uint8Array(readFileSync(root + file)), file).files[0].rows;
  const history = monthlySales(rows, 'gross').slice(0, -1); // May 2026 is under way
  const values = history.map((m) => m.amount / 100);
  const result = forecastSalesPerDay(
    history.map((m) => m.month),
    values,
    { horizon: 8, target: 10_000 },
  );
  const perDay = result.points.map((p) => p.mean / daysInMonth(p.month));

  it('keeps the trend in sales a day, above April 2026’s, and beats “same as last month”', () => {
    expect(result.beatsNaive).toBe(true);
    for (let i = 1; i < perDay.length; i++) expect(perDay[i]).toBeGreaterThan(perDay[i - 1]);
    expect(perDay[0]).toBeGreaterThan(values[15] / 30);
  });

  it('scales the band with each month’s days: the band holds the mean, never below $0', () => {
    for (const p of result.points) {
      expect(p.lo95).toBeGreaterThan(0);
      expect(p.lo80).toBeLessThan(p.mean);
      expect(p.mean).toBeLessThan(p.hi80);
      expect(p.pTarget!).toBeGreaterThan(0);
    }
  });
});

describe('the dashboard’s outlook with $2,000 a day over 24 full months', () => {
  const target = { monthlyTargetCents: 6_500_000, annualTargetCents: 100_000_000, metric: 'gross' as const };

  it('on 15 January 2026: January 62,000, February 56,000, March 62,000, the year 730,000', () => {
    // January 2024 – December 2025 are the full months; January 2026 is 30,000 so far + 2,000 × 16.
    // Forecast from monthly totals it was 61,517, 61,065 and 61,065, and the year 733,243.
    const outlook = outlookOfDaily(flatDays('2024-01-01', '2026-01-15'), { ...target, asOf: '2026-01-15' });
    expect(outlook.points.slice(0, 3).map((p) => [p.month, p.mean])).toEqual([
      ['2026-01', 6_200_000],
      ['2026-02', 5_600_000],
      ['2026-03', 6_200_000],
    ]);
    // 2,000 × 365 days.
    expect(outlook.status.projectedYearCents).toBe(73_000_000);
    expect(outlook.status.firstMonthAtTarget).toBeNull();
  });

  it('on 14 February 2026: 28,000 so far plus 2,000 × the 14 days left, and the year at 730,000', () => {
    // February 2024 – January 2026 are the full months. From monthly totals: 58,580 and 732,389.
    const outlook = outlookOfDaily(flatDays('2024-02-01', '2026-02-14'), { ...target, asOf: '2026-02-14' });
    expect(outlook.status.expectedMonthCents).toBe(5_600_000);
    expect(outlook.status.projectedYearCents).toBe(73_000_000);
    expect(outlook.status.paceLine).toBe(
      'Behind: expected $56,000 this month, $9,000 short of the $65,000 target; $2,643 a day needed for the last 14 days ($37,000 to go).',
    );
  });
});
