/**
 * TTS_THRESHOLD, TTS_FORECAST and TTS_BREAKEVEN_ROAS through the built dist/Code.js, with values
 * worked out by hand in the comments.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, type GasRuntime } from '../../emulator/sandbox';
import { STATEMENT_HEADER_2024 } from '../../bench/synthetic-export';
import {
  codeFile,
  ensureBuilt,
  exportRows,
  inSandbox,
  sheetDate,
  sheetRange,
  errorOf,
} from './custom-functions-sheet';

let rt: GasRuntime;
beforeAll(() => {
  ensureBuilt();
  rt = loadBundleInVm({ file: codeFile });
});

const order = (id: string, created: string, gross: string) => ({
  'Statement date (UTC)': '2026/06/20',
  'Statement ID': '7503000000000000001',
  Type: 'Order',
  'Order/adjustment ID': id,
  'SKU ID': '1732440158393635811',
  Quantity: '1',
  'Order created date': created,
  'Total settlement amount': gross,
  'Net sales': gross,
  'Gross sales': gross,
});

// Sales: 700.00 on 2026-05-10, 300.00 on 2026-06-03, 200.00 on 2026-06-10.
const SALES = exportRows(STATEMENT_HEADER_2024, [
  order('577700000000000001', '2026/05/10', '700.00'),
  order('577700000000000002', '2026/06/03', '300.00'),
  order('577700000000000003', '2026/06/10', '200.00'),
]);

describe('TTS_THRESHOLD', () => {
  it('as of the latest order date, flat pace (less than eight weeks of history)', () => {
    // June: 10 days elapsed, 20 left; month to date 500.00; (1,000 − 500) / 20 = 25.00 a day;
    // projection 500 × 30 / 10 = 1,500.00. Year: 1,200 − 500 + 1,500 + 1,500 × 184 / 30 (July–December)
    // = 2,200 + 9,200 = 11,400.00; gap 10,000 − 11,400 = −1,400.00. May, from its 10th, is no full month.
    expect(rt.call('TTS_THRESHOLD', sheetRange(rt, SALES), 1000, 10000)).toEqual([
      ['As of', '2026-06-10'],
      ['Month', '2026-06'],
      ['Month to date', 500],
      ['Monthly target', 1000],
      ['Days left', 20],
      ['Needed per day', 25],
      ['Projected month', 1500],
      ['Pace method', 'Flat daily pace over 10 days from 2026-06-01'],
      // No full month to forecast from: the expected month is the pace's.
      ['Expected month', 1500],
      ['Last full month', ''],
      ['Last full month sales', ''],
      ['Full months at target (last 12 full months)', '0 of 0'],
      ['Sales, last 12 full months', 0],
      // Rolling: 2025-06-11 through 2026-06-10, this month to date included.
      ['Sales, last 12 months to as-of', 1200],
      ['Year to date', 1200],
      ['Annual target', 10000],
      ['Projected year', 11400],
      ['Annual gap', -1400],
      ['Status', 'On course: expected $1,500 this month, above the $1,000 target.'],
    ]);
  });

  it('a chargeback settled after the last order does not move "this month" to a month with no orders', () => {
    const rows = exportRows(STATEMENT_HEADER_2024, [
      order('577700000000000001', '2026/05/10', '700.00'),
      order('577700000000000002', '2026/06/03', '300.00'),
      order('577700000000000003', '2026/06/10', '200.00'),
      {
        'Statement date (UTC)': '2026/07/02',
        'Statement ID': '7503000000000000002',
        Type: 'Chargeback',
        'Order/adjustment ID': '777700000000000009',
        'Total settlement amount': '-20.00',
        'Adjustment amount': '-20.00',
      },
    ]);
    const table = rt.call('TTS_THRESHOLD', sheetRange(rt, rows), 1000, 10000) as [string, unknown][];
    const value = (label: string) => table.find(([l]) => l === label)?.[1];
    expect(value('As of')).toBe('2026-06-10');
    expect(value('Month to date')).toBe(500);
    expect(value('Status')).toBe('On course: expected $1,500 this month, above the $1,000 target.');
  });

  it('the rolling twelve months end on as-of; full-month figures stop at the month before', () => {
    const rows = exportRows(STATEMENT_HEADER_2024, [
      order('577700000000000011', '2025/06/10', '100.00'), // 12 months and a day before 2026-06-11: outside
      order('577700000000000012', '2025/06/12', '40.00'), // inside the rolling year
      order('577700000000000013', '2026/05/31', '60.00'),
      order('577700000000000014', '2026/06/11', '5.00'),
    ]);
    const table = rt.call('TTS_THRESHOLD', sheetRange(rt, rows), 1000, 10000) as [string, unknown][];
    const value = (label: string) => table.find(([l]) => l === label)?.[1];
    expect(value('As of')).toBe('2026-06-11');
    expect(value('Sales, last 12 months to as-of')).toBe(105);
    // Full months 2025-07 … 2026-05 (June 2025, from its 10th, is not one): 60.
    expect(value('Sales, last 12 full months')).toBe(60);
    expect(value('Full months at target (last 12 full months)')).toBe('0 of 11');
  });

  it('as_of as a Date cell or text; defaults 65,000 and 1,000,000', () => {
    const range = sheetRange(rt, SALES);
    const asOf = inSandbox(rt, sheetDate('2026/06/05', rt.workbook.timeZone));
    const table = rt.call('TTS_THRESHOLD', range, '', '', asOf) as [string, unknown][];
    const value = (label: string) => table.find(([l]) => l === label)?.[1];
    // 300.00 so far, 25 days left: (65,000 − 300) / 25 = 2,588.00 a day; flat projection 300 × 30 / 5 = 1,800.00
    expect(value('Month to date')).toBe(300);
    expect(value('Monthly target')).toBe(65000);
    expect(value('Annual target')).toBe(1000000);
    expect(value('Needed per day')).toBe(2588);
    expect(value('Projected month')).toBe(1800);
    // Five days are no pace to judge by, and the line says so.
    expect(value('Status')).toBe(
      'Too early to tell: projected $1,800 this month from 5 days of sales, $63,200 short of the $65,000 target; ' +
        '$2,588 a day needed for the last 25 days ($64,700 to go).',
    );
    expect(rt.call('TTS_THRESHOLD', range, '', '', '2026-06-05')).toEqual(table);
  });

  it('metric "settlement" counts settlement instead of gross sales', () => {
    const rows = SALES.map((row) => [...row]);
    rows[3][STATEMENT_HEADER_2024.indexOf('Total settlement amount')] = '150.00';
    rows[3][STATEMENT_HEADER_2024.indexOf('Adjustment amount')] = '-50.00';
    const table = rt.call('TTS_THRESHOLD', sheetRange(rt, rows), 1000, 10000, '', 'settlement') as [
      string,
      unknown,
    ][];
    expect(table.find(([l]) => l === 'Month to date')?.[1]).toBe(450);
  });

  it('rejects targets and dates it cannot read', () => {
    const range = sheetRange(rt, SALES);
    expect(errorOf(() => rt.call('TTS_THRESHOLD', range, 'lots'))).toBe(
      'monthly_target must be a number, found "lots".',
    );
    expect(errorOf(() => rt.call('TTS_THRESHOLD', range, -5))).toBe(
      'monthly_target and annual_target must be positive dollar amounts, e.g. 65000 and 1000000.',
    );
    expect(errorOf(() => rt.call('TTS_THRESHOLD', range, '', '', 'June 5'))).toBe(
      'as_of must be a date cell or a date written year first, such as 2026-05-01, found "June 5".',
    );
    // A day that does not exist is no day, however it is written.
    expect(errorOf(() => rt.call('TTS_THRESHOLD', range, '', '', '2026-02-30'))).toBe(
      'as_of must be a date cell or a date written year first, such as 2026-05-01, found "2026-02-30".',
    );
  });

  it('$2,000 every day for 24 full months: February is expected at 56,000 and the year at 730,000', () => {
    // 2024-02-01 through 2026-02-14, as the forecast sees it: 2,000 a day, times each month's days
    // (a 28-day February is not forecast like a 31-day month: it was 58,580). February: 28,000 so far
    // + 2,000 × 14 days left = 56,000. The year: 2,000 × 365 = 730,000 (it was 732,389).
    const days: ReturnType<typeof order>[] = [];
    for (let t = Date.UTC(2024, 1, 1); t <= Date.UTC(2026, 1, 14); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10).replace(/-/g, '/');
      days.push(order(`5777${String(days.length + 1).padStart(14, '0')}`, date, '2000.00'));
    }
    const table = rt.call('TTS_THRESHOLD', sheetRange(rt, exportRows(STATEMENT_HEADER_2024, days)));
    expect(table).toEqual(
      expect.arrayContaining([
        ['Month to date', 28000],
        ['Expected month', 56000],
        ['Year to date', 90000],
        ['Projected year', 730000],
        ['Annual gap', 270000],
      ]),
    );
  });
});

/** Days in a `YYYY-MM` month. */
const daysOf = (month: string) => new Date(Date.UTC(+month.slice(0, 4), +month.slice(5, 7), 0)).getUTCDate();

const MONTHS = Array.from({ length: 24 }, (_, i) => [
  `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
]);

describe('TTS_FORECAST', () => {
  it('one row per future month after the last one given (horizon 6 by default), then the method', () => {
    // Flat sales of 100 a day forecast 100 × each month's days; months that never varied give no range
    // to measure. (Was 1,000 every month forecast 1,000: a 28-day February sold as much as a 31-day
    // month is more a day, which the forecast, per day since month length counts, no longer reads as flat.)
    expect(
      rt.call(
        'TTS_FORECAST',
        inSandbox(rt, MONTHS),
        inSandbox(
          rt,
          MONTHS.map(([m]) => [100 * daysOf(m)]),
        ),
      ),
    ).toEqual([
      ['Month', 'Forecast', 'Low 80%', 'High 80%', 'Chance of target'],
      ['2026-01', 3100, '', '', ''],
      ['2026-02', 2800, '', '', ''],
      ['2026-03', 3100, '', '', ''],
      ['2026-04', 3000, '', '', ''],
      ['2026-05', 3100, '', '', ''],
      ['2026-06', 3000, '', '', ''],
      [
        'Method',
        'Based on your last 24 months: no forecasting method beat “same as last month” on past months, so this shows ' +
          'same as last month (off by 0% on average). The method fits your months exactly: no range to measure. ' +
          '2025-12 counts as a whole month (leave out one still under way).',
        '',
        '',
        '',
      ],
    ]);
  });

  it('a rising series: forecasts keep rising inside their band, the chance of the target grows', () => {
    // 1,000, 1,130, 1,200, 1,330 … 3,330: the next months continue near +100 a month. (A line with no
    // month off it would leave no spread to measure: see the flat series above.)
    const values = inSandbox(
      rt,
      MONTHS.map((_, i) => [1000 + 100 * i + (i % 2) * 30]),
    );
    const table = rt.call('TTS_FORECAST', inSandbox(rt, MONTHS), values, 3, 3500) as (string | number)[][];
    expect(table.map((r) => r[0])).toEqual(['Month', '2026-01', '2026-02', '2026-03', 'Method']);
    for (const [month, mean, low, high, p] of table.slice(1, -1) as [
      string,
      number,
      number,
      number,
      number,
    ][]) {
      expect(low).toBeLessThanOrEqual(mean);
      expect(mean).toBeLessThanOrEqual(high);
      // Above December's 3,330 a month in sales a day (3,330 / 31): February's 28 days forecast less
      // than 3,300 (was: every month above 3,300, a 28-day month counted as a 31-day one).
      expect(mean / daysOf(month)).toBeGreaterThan(3330 / 31);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
    // The chance grows from January to March, both 31 days; 28-day February's is the smallest.
    const p = table.slice(1, -1).map((r) => r[4] as number);
    expect(p[0]).toBeLessThan(p[2]);
    expect(Math.min(...p)).toBe(p[1]);
    // Months as Date cells (the first of each month) give the same forecast.
    const dates = inSandbox(
      rt,
      MONTHS.map(([m]) => [sheetDate(`${m}-01`, rt.workbook.timeZone)]),
    );
    expect(rt.call('TTS_FORECAST', dates, values, 3, 3500)).toEqual(table);
  });

  it('reads months and values side by side: a blank value is an error, never a shift onto the wrong month', () => {
    const values = MONTHS.map((_, i) => [1000 + 10 * i]);
    const table = rt.call('TTS_FORECAST', inSandbox(rt, MONTHS), inSandbox(rt, values), 3);
    // Ranges longer than the data (blank below both) read the same.
    const longer = [...MONTHS, [''], ['']];
    expect(rt.call('TTS_FORECAST', inSandbox(rt, longer), inSandbox(rt, [...values, [''], ['']]), 3)).toEqual(
      table,
    );
    // Month 6 left blank with a value typed under the last month: the counts match, the pairs do not.
    const shifted = [...values.map((v, i) => (i === 5 ? [''] : v)), [2000]];
    expect(
      errorOf(() => rt.call('TTS_FORECAST', inSandbox(rt, [...MONTHS, ['']]), inSandbox(rt, shifted), 3)),
    ).toBe(
      'cell 6 of values is empty beside "2024-06", with values after it: type its sales, or end both ranges at the last month with sales.',
    );
  });

  it('a missing month is an error naming it; so are order, count and horizon problems', () => {
    const values3 = inSandbox(rt, [[1], [2], [3]]);
    expect(
      errorOf(() => rt.call('TTS_FORECAST', inSandbox(rt, [['2026-01'], ['2026-02'], ['2026-04']]), values3)),
    ).toBe('Month 2026-03 is missing between 2026-02 and 2026-04: add it with its sales (0 if none).');
    expect(
      errorOf(() =>
        rt.call('TTS_FORECAST', inSandbox(rt, [['2026-02'], ['2026-01']]), inSandbox(rt, [[1], [2]])),
      ),
    ).toBe('months must be in order, oldest first: 2026-01 comes after 2026-02.');
    // A month with no value after the last one is a month to come, not a missing one.
    expect(
      errorOf(() => rt.call('TTS_FORECAST', inSandbox(rt, MONTHS.slice(0, 3)), inSandbox(rt, [[1], [2]]))),
    ).toBe('Only 2 full months of sales: at least 3 are needed to forecast.');
    expect(
      errorOf(() =>
        rt.call(
          'TTS_FORECAST',
          inSandbox(rt, MONTHS),
          inSandbox(
            rt,
            MONTHS.map(() => [1]),
          ),
          30,
        ),
      ),
    ).toBe('horizon must be a whole number of months from 1 to 24, found 30.');
    expect(errorOf(() => rt.call('TTS_FORECAST', inSandbox(rt, [['March']]), inSandbox(rt, [[1]])))).toBe(
      'months (cell 1) must be a month such as "2026-05", "May 2026" or a date in it, found "March".',
    );
  });
});

describe("TTS_FORECAST from few months, and from the dashboard's month columns", () => {
  const months = (n: number) => inSandbox(rt, MONTHS.slice(0, n));
  const values = (v: (number | string)[]) =>
    inSandbox(
      rt,
      v.map((x) => [x]),
    );
  const CARRIED =
    "Based on your last 3 months: too few to check a forecasting method on past months, so this is last month's sales " +
    'carried forward, with no 80% range or chance of a target (7 months are needed). ';

  it('three equal months: the forecast is last month carried forward, with no range and no 0 % or 100 % chance', () => {
    // March's sales a day carried forward, times each month's days: 30-day April and June get
    // 30/31 of March (was: v every month, a 30-day month forecast like a 31-day one).
    for (const [v, april, target] of [
      [10000, 9677.42, 12000],
      [12000, 11612.9, 12000],
      [0, 0, 12000],
    ]) {
      expect(rt.call('TTS_FORECAST', months(3), values([v, v, v]), 3, target)).toEqual([
        ['Month', 'Forecast', 'Low 80%', 'High 80%', 'Chance of target'],
        ['2024-04', april, '', '', ''],
        ['2024-05', v, '', '', ''],
        ['2024-06', april, '', '', ''],
        ['Method', `${CARRIED}2024-03 counts as a whole month (leave out one still under way).`, '', '', ''],
      ]);
    }
  });

  it('1,000, 5,000, 20,000: 20,000 carried forward, not a High 80% of $1.29M from two changes', () => {
    const table = rt.call('TTS_FORECAST', months(3), values([1000, 5000, 20000]), 3, 12000) as unknown[][];
    // 20,000 in 31-day March carried forward a day: 20,000 × 30 / 31 = 19,354.84 in April and June.
    expect(table.slice(1, 4)).toEqual([
      ['2024-04', 19354.84, '', '', ''],
      ['2024-05', 20000, '', '', ''],
      ['2024-06', 19354.84, '', '', ''],
    ]);
  });

  it('seven months that vary give a range and a chance strictly between 0 and 1', () => {
    const table = rt.call(
      'TTS_FORECAST',
      months(7),
      values([9000, 10500, 9800, 11000, 10200, 11500, 10800]),
      3,
      12000,
    ) as unknown[][];
    for (const [, mean, low, high, chance] of table.slice(1, -1) as number[][]) {
      expect(low).toBeLessThan(mean);
      expect(high).toBeGreaterThan(mean);
      expect(chance).toBeGreaterThan(0);
      expect(chance).toBeLessThan(1);
    }
  });

  it("the dashboard's columns, blank from June to December: the blank months are the months to come, not zeros to type", () => {
    // As the TTS Dashboard lays them out: a month column running to December, sales only through May.
    const dashMonths = MONTHS.slice(12).map(([m]) => [m]);
    const sales = [6249.68, 6327.56, 6208.67, 6628.09, 5984.19];
    const dashValues = dashMonths.map((_, i) => [i < sales.length ? sales[i] : '']);
    const trimmed = rt.call('TTS_FORECAST', inSandbox(rt, dashMonths.slice(0, 5)), values(sales), 3);
    expect(rt.call('TTS_FORECAST', inSandbox(rt, dashMonths), inSandbox(rt, dashValues), 3)).toEqual(trimmed);
    // The last month given is said to count as whole: a month still under way is the seller's to leave out.
    expect((trimmed as unknown[][]).at(-1)![1]).toMatch(
      / 2025-05 counts as a whole month \(leave out one still under way\)\.$/,
    );
    // A range that runs on past the blank months into other rows is stopped, with what to do instead of typing 0s.
    const runsOn = [...dashValues, [''], ['Settlement'], [1724.6]];
    const runsOnMonths = [...dashMonths, [''], ['Month'], ['2025-01']];
    expect(
      errorOf(() => rt.call('TTS_FORECAST', inSandbox(rt, runsOnMonths), inSandbox(rt, runsOn), 3)),
    ).toBe(
      'cell 6 of values is empty beside "2025-06", with values after it: type its sales, or end both ranges at the last month with sales.',
    );
  });
});

describe('TTS_BREAKEVEN_ROAS', () => {
  it('price ÷ (price × (1 − fee rate − affiliate rate) − unit cost − other cost)', () => {
    // 20 ÷ (20 × 0.94 − 5) = 20 ÷ 13.80 = 1.449… → 1.45
    expect(rt.call('TTS_BREAKEVEN_ROAS', 20, 5, 0.06)).toBe(1.45);
    // Percent text and an affiliate rate: 20 ÷ (20 × 0.84 − 5 − 1) = 20 ÷ 10.80 = 1.85
    expect(rt.call('TTS_BREAKEVEN_ROAS', 20, 5, '6%', '10%', 1)).toBe(1.85);
    expect(rt.call('TTS_BREAKEVEN_ROAS', 20, 5, 0.06, '', '')).toBe(1.45);
  });

  it('ranges of the same shape spill one result per row', () => {
    // 30 ÷ (30 × 0.94 − 10) = 30 ÷ 18.20 = 1.648… → 1.65
    expect(
      rt.call('TTS_BREAKEVEN_ROAS', inSandbox(rt, [[20], [30]]), inSandbox(rt, [[5], [10]]), 0.06),
    ).toEqual([[1.45], [1.65]]);
    expect(
      errorOf(() =>
        rt.call('TTS_BREAKEVEN_ROAS', inSandbox(rt, [[20], [30]]), inSandbox(rt, [[5], [10], [2]]), 0.06),
      ),
    ).toBe('Ranges must have the same shape: found 2×1 and 3×1. Pass single cells or ranges of equal size.');
  });

  it('a product that loses money before ads, or a rate typed as a whole percent, is an error (in a column, the row says why)', () => {
    // 10 × 0.8 − 9 = −1.00 per sale
    expect(errorOf(() => rt.call('TTS_BREAKEVEN_ROAS', 10, 9, 0.2))).toBe(
      'This product loses money before any ad spend: after fees, commission ' +
        'and costs each sale is $1.00 short. No ROAS can break even; raise the ' +
        'price or lower costs.',
    );
    const column = rt.call('TTS_BREAKEVEN_ROAS', inSandbox(rt, [[20], [10]]), inSandbox(rt, [[5], [9]]), 0.2);
    expect(column).toEqual([[1.82], [expect.stringMatching(/^This product loses money .* \$1\.00 short/)]]);
    expect(errorOf(() => rt.call('TTS_BREAKEVEN_ROAS', 20, 5, 6))).toBe(
      'fee_rate 6 looks like a percent: type it as 6% or as the fraction 0.06.',
    );
  });
});
