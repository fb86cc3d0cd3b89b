import { beforeAll, describe, expect, it } from 'vitest';
import { allChartSpecs, jsonRoundTrip, loadBundleInVm, Workbook, type ChartSpec } from '../../emulator/index';
import type { DashboardResult, ForecastStatus, Settings } from '../../src/core/contract';
import { ensureBuilt } from './import-harness';
import {
  COGS_TAB,
  dashboardWorkbook,
  eightMonthsAndTenDays,
  fourMonthsAndTenDays,
  sale,
  seedCogs,
  seedLedger,
  COGS_HEADER,
} from './dashboard-workbook';

beforeAll(ensureBuilt);

const DASHBOARD = 'TTS Dashboard';

/** One execution, as a menu click or google.script.run makes it. */
function run<T>(workbook: Workbook, name: string, arg: unknown = null): T {
  const rt = loadBundleInVm({ workbook });
  return jsonRoundTrip(rt.call(name, jsonRoundTrip(arg, 'argument')), 'result') as T;
}

function dashboardCharts(workbook: Workbook): ChartSpec[] {
  return allChartSpecs(workbook).filter((c) => c.sheet === DASHBOARD);
}

describe('Refresh dashboard', () => {
  it('writes the monthly table with sales, target, forecast, net profit and fees, in dollars', () => {
    const workbook = dashboardWorkbook();
    const result = run<DashboardResult>(workbook, 'refreshDashboard');
    expect(result).toMatchObject({ months: 5, charts: 5 });
    expect(result.message).toBe(
      'TTS Dashboard refreshed: 5 months of sales, 5 charts. $20,000 of the $65,000 target in May 2026, through May 10.',
    );

    const values = workbook.valuesOf(DASHBOARD);
    expect(values[0].slice(0, 8)).toEqual([
      'Month',
      'Sales',
      'Monthly target',
      'Forecast',
      'Low (80%)',
      'High (80%)',
      'Net profit',
      'Fees paid',
    ]);
    const table = values.slice(1, 13).map((r) => r.slice(0, 8));
    expect(table.map((r) => r[0])).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    // January by hand: 50,000 gross; settled 50,000 − 3,000 referral − 2,000 affiliate = 45,000; COGS 1,000 × $10.
    expect(table[0]).toEqual(['2026-01', 50000, 65000, '', '', '', 35000, 5000]);
    // April: 70,000 − 4,200 − 3,000 = 62,800 settled; 1,400 × 10 = 14,000.
    expect(table[3]).toEqual(['2026-04', 70000, 65000, '', '', '', 48800, 7200]);
    // May to date: 10 × 2,000; settled 10 × 1,880; 400 units × 10. The forecast covers the whole month.
    expect(table[4].slice(0, 3)).toEqual(['2026-05', 20000, 65000]);
    expect(table[4].slice(6)).toEqual([14800, 1200]);
    // Three full months: a forecast, but no 80% band (TTS_FORECAST gives none under 7 months either).
    for (const row of table.slice(4)) {
      expect(typeof row[3]).toBe('number');
      expect(row.slice(4, 6)).toEqual(['', '']);
    }
    expect(values.map((r) => r.slice(9, 11))).toContainEqual([
      'Forecast',
      expect.stringContaining('with no 80% range or chance of a target (7 months are needed)'),
    ]);
    expect(table[5].slice(0, 3)).toEqual(['2026-06', '', 65000]);
    expect(table[5].slice(6)).toEqual(['', '']);

    const sheet = workbook.sheet(DASHBOARD)!;
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.numberFormat(2, 2)).toBe('$#,##0.00;-$#,##0.00');
    expect(sheet.numberFormat(2, 7)).toBe('$#,##0.00;-$#,##0.00');
    expect(sheet.numberFormat(2, 1)).toBe('@');
  });

  it('counts a later statement that holds only adjustments in its own month, though sales stop at the last order', () => {
    // A June 5 statement with a chargeback of $29.58 and nothing else, after the last order (May 10).
    const chargeback = {
      ...sale('2026-06-05', 0, { qty: 0 }),
      type: 'Chargeback',
      orderDate: '',
      skuId: '',
      amounts: { total_settlement_amount: -2958, adjustment_amount: -2958 },
    };
    const workbook = dashboardWorkbook([...fourMonthsAndTenDays(), chargeback]);
    run<DashboardResult>(workbook, 'refreshDashboard');
    const values = workbook.valuesOf(DASHBOARD);
    const june = values.find((r) => r[0] === '2026-06')!;
    expect(june.slice(1, 3)).toEqual(['', 65000]);
    expect(june.slice(6, 8)).toEqual([-29.58, 0]);
    const profit = values.findIndex((r) => r[0] === 'Month' && r[1] === 'Settlement');
    expect(values[profit + 6].slice(0, 2)).toEqual(['2026-06', -29.58]);
    const facts = values.map((r) => r.slice(9, 11));
    expect(facts).toContainEqual(['As of', '2026-05-10 (latest order date in the TTS Ledger tab)']);
  });

  it('writes the calendar year against the annual target and fees by category beside the table', () => {
    const workbook = dashboardWorkbook();
    run(workbook, 'refreshDashboard');
    const values = workbook.valuesOf(DASHBOARD);
    const year = values.slice(0, 13).map((r) => r.slice(9, 13));
    expect(year[0]).toEqual(['Month', 'Sales this year', 'Expected', 'Annual target']);
    expect(year.slice(1, 6).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['2026-01', 50000, 1000000],
      ['2026-02', 105000, 1000000],
      ['2026-03', 165000, 1000000],
      ['2026-04', 235000, 1000000],
      ['2026-05', 255000, 1000000],
    ]);
    expect(year[3][2]).toBe(''); // the expected line starts at the last full month
    expect(year[4][2]).toBe(235000);
    expect(year[6][1]).toBe('');
    expect(year[12][2]).toBeGreaterThan(year[5][2] as number);

    // Referral 3,000 + 3,300 + 3,600 + 4,200 + 1,200; affiliate 2,000 + 3,000.
    expect(values.slice(0, 3).map((r) => r.slice(14, 16))).toEqual([
      ['Fee category', 'Fees paid'],
      ['TikTok fees', 15300],
      ['Affiliate', 5000],
    ]);
    const facts = values
      .slice(15, 23)
      .map((r) => r.slice(9, 11))
      .filter((r) => r[0] !== '');
    expect(facts[0]).toEqual(['About these numbers', '']);
    expect(facts).toContainEqual(['As of', '2026-05-10 (latest order date in the TTS Ledger tab)']);
    expect(facts).toContainEqual(['Targets', '$65,000 a month, $1,000,000 a year']);
    expect(facts).toContainEqual(['Unit costs', 'Every sold SKU has a unit cost.']);
  });

  it(
    'draws five charts over the data blocks: sales vs target with the ' +
      'forecast band, the year, fees, net profit and margin, where the money went',
    () => {
      const workbook = dashboardWorkbook();
      run(workbook, 'refreshDashboard');
      const [monthly, year, fees, profit, flow] = dashboardCharts(workbook);
      expect(monthly.type).toBe('COMBO');
      // Month … Low (80%), then the range's width (column I): Sheets shades the band as the width
      // stacked on a transparent low bound, with the forecast line over it.
      expect(monthly.ranges.map((r) => r.a1)).toEqual(["'TTS Dashboard'!A1:E13", "'TTS Dashboard'!I1:I13"]);
      expect(monthly.options.title).toBe('Monthly sales vs the $65,000 target, with forecast');
      expect(monthly.options.seriesType).toBe('bars');
      expect(monthly.options.isStacked).toBe(true);
      const series = monthly.options.series as Record<string, Record<string, unknown>>;
      expect([0, 1, 2, 3, 4].map((i) => series[i].type)).toEqual(['bars', 'line', 'line', 'area', 'area']);
      expect(series[3]).toEqual({
        type: 'area',
        color: '#0f9d58',
        areaOpacity: 0,
        lineWidth: 0,
        visibleInLegend: false,
      });
      expect(series[4]).toEqual({
        type: 'area',
        color: '#0f9d58',
        areaOpacity: 0.2,
        lineWidth: 0,
        labelInLegend: '80% range',
      });
      expect(series[2]).toMatchObject({ type: 'line', color: '#0f9d58', labelInLegend: 'Forecast' });
      // Three full months give no band: no width to shade, never a band of width 0.
      expect(monthly.ranges[1].values.slice(1).every((r) => r[0] === '')).toBe(true);

      expect(year.type).toBe('LINE');
      expect(year.ranges.map((r) => r.a1)).toEqual(["'TTS Dashboard'!J1:M13"]);
      expect(year.options.title).toBe('Sales in 2026 vs the $1,000,000 annual target');

      expect(fees.type).toBe('BAR');
      expect(fees.ranges[0].values).toEqual([
        ['Fee category', 'Fees paid'],
        ['TikTok fees', 15300],
        ['Affiliate', 5000],
      ]);

      // Below the monthly table (13 rows) and the facts (rows 16–24): the profit block's title on row 26, its header on 27.
      expect(profit.type).toBe('COMBO');
      expect(profit.options.title).toBe('Net profit and margin by month');
      expect(profit.ranges.map((r) => r.a1)).toEqual(["'TTS Dashboard'!A28:A33", "'TTS Dashboard'!H28:I33"]);
      expect(profit.ranges[1].values.map((r) => r[0])).toEqual([
        'Net profit',
        35000,
        40700,
        44400,
        48800,
        14800,
      ]);
      // Margin = net profit ÷ net sales: January 35,000 / 50,000.
      expect(profit.ranges[1].values[1][1]).toBe(0.7);
      expect(flow.type).toBe('COLUMN');
      expect(flow.options.isStacked).toBe(true);
      expect(flow.ranges[0].values[0]).toEqual([
        'Month',
        'Discounts and refunds',
        'TikTok fees',
        'Shipping',
        'Product cost',
        'Samples',
        'Running costs',
        'Ads',
        'Adjustments and other',
        'Net profit',
      ]);
      // January: 50,000 gross = 5,000 fees + 10,000 product cost + 35,000 net profit.
      expect(flow.ranges[0].values[1]).toEqual(['2026-01', 0, 5000, 0, 10000, 0, 0, 0, 0, 35000]);
      // Charts sit to the right of every block (column R on), not over the numbers.
      expect(dashboardCharts(workbook).every((c) => c.position.column >= 18)).toBe(true);
    },
  );

  it('replaces its own charts on every refresh and leaves the seller’s chart alone', () => {
    const workbook = dashboardWorkbook();
    run(workbook, 'refreshDashboard');
    const first = dashboardCharts(workbook).map((c) => c.chartId);

    // The seller adds a chart of their own to the dashboard tab.
    const rt = loadBundleInVm({ workbook });
    const sheet = rt.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(DASHBOARD);
    sheet.insertChart(
      sheet
        .newChart()
        .asPieChart()
        .addRange(sheet.getRange('O1:P3'))
        .setOption('title', 'My fee split')
        .setPosition(40, 1, 0, 0)
        .build(),
    );
    const mine = dashboardCharts(workbook).find((c) => c.options.title === 'My fee split')!;

    run(workbook, 'refreshDashboard');
    run(workbook, 'menuRefreshDashboard');
    const charts = dashboardCharts(workbook);
    expect(charts).toHaveLength(6);
    expect(charts.filter((c) => c.options.title !== 'My fee split')).toHaveLength(5);
    expect(charts.some((c) => first.includes(c.chartId))).toBe(false);
    expect(charts.find((c) => c.chartId === mine.chartId)).toEqual(mine);
    expect(workbook.toasts.at(-1)).toMatchObject({
      title: 'TTS Profit',
      message: expect.stringContaining('5 charts'),
    });
  });

  it('writes each block with one setValues and reads the ledger with one getValues', () => {
    const workbook = dashboardWorkbook();
    run(workbook, 'refreshDashboard');
    const writes = workbook.calls.count('Range.setValues');
    const reads = workbook.calls.count('Range.getValues');
    run(workbook, 'refreshDashboard');
    expect(workbook.calls.count('Range.setValues') - writes).toBe(6); // table, year, fees, facts, profit, where the money went
    // ledger, COGS, and the dashboard's own columns A–P before (a seller's edit refuses) and after (remembered).
    expect(workbook.calls.count('Range.getValues') - reads).toBe(4);
    expect(workbook.calls.count('Range.setValue')).toBe(0);
  });

  it('takes the targets and the sales metric from the settings', () => {
    const workbook = dashboardWorkbook();
    const settings: Settings = { monthlyTarget: 50_000, annualTarget: 200_000, metric: 'settlement' };
    run(workbook, 'saveSettings', settings);
    run(workbook, 'refreshDashboard');
    const values = workbook.valuesOf(DASHBOARD);
    // Settlement metric: January 45,000 settled; target 50,000.
    expect(values[1].slice(0, 3)).toEqual(['2026-01', 45000, 50000]);
    expect(values[1][12]).toBe(200000);
    const [monthly, year] = dashboardCharts(workbook);
    expect(monthly.options.title).toBe('Monthly sales vs the $50,000 target, with forecast');
    expect(year.options.title).toBe('Sales in 2026 vs the $200,000 annual target');
    const status = run<ForecastStatus>(workbook, 'getForecastStatus');
    expect(status).toMatchObject({
      metric: 'settlement',
      monthlyTargetCents: 5_000_000,
      annualTargetCents: 20_000_000,
      monthToDateCents: 1_880_000,
    });
    // 45,000 + 51,700 + 56,400 + 62,800 = 215,900 by the end of April: past 200,000.
    expect(status.annualCrossingMonth).toBe('2026-04');
  });

  it('uses saved targets everywhere at once: saving redraws an existing dashboard (titles, target lines, facts)', () => {
    const workbook = dashboardWorkbook();
    run(workbook, 'refreshDashboard');
    expect(dashboardCharts(workbook)[0].options.title).toBe(
      'Monthly sales vs the $65,000 target, with forecast',
    );
    run(workbook, 'saveSettings', {
      monthlyTarget: 10_000,
      annualTarget: 300_000,
      metric: 'gross',
    } satisfies Settings);
    const [monthly, year] = dashboardCharts(workbook);
    expect(dashboardCharts(workbook)).toHaveLength(5);
    expect(monthly.options.title).toBe('Monthly sales vs the $10,000 target, with forecast');
    expect(year.options.title).toBe('Sales in 2026 vs the $300,000 annual target');
    const values = workbook.valuesOf(DASHBOARD);
    expect(values.slice(1, 13).map((r) => r[2])).toEqual(new Array(12).fill(10000));
    expect(values.slice(1, 13).map((r) => r[12])).toEqual(new Array(12).fill(300000));
    expect(values.map((r) => r.slice(9, 11))).toContainEqual(['Targets', '$10,000 a month, $300,000 a year']);
    const text = JSON.stringify(values) + JSON.stringify(dashboardCharts(workbook).map((c) => c.options));
    expect(text).not.toContain('65,000');
    expect(text).not.toContain('1,000,000');
  });

  it('scales a small shop’s charts to its sales and says the targets are above them', () => {
    const workbook = dashboardWorkbook();
    run(workbook, 'saveSettings', {
      monthlyTarget: 500_000,
      annualTarget: 50_000_000,
      metric: 'gross',
    } satisfies Settings);
    run(workbook, 'refreshDashboard');
    const [monthly, year] = dashboardCharts(workbook);
    expect(monthly.options.title).toBe('Monthly sales with forecast; the $500,000 target is above the chart');
    expect(year.options.title).toBe('Sales in 2026; the $50,000,000 annual target is above the chart');
    const top = (monthly.options.vAxis as { viewWindow: { max: number } }).viewWindow.max;
    const values = workbook.valuesOf(DASHBOARD).slice(1, 13);
    const peak = Math.max(
      ...values.flatMap((r) => [r[1], r[3], r[5]]).filter((v): v is number => typeof v === 'number'),
    );
    expect(top).toBeGreaterThanOrEqual(peak);
    expect(top).toBeLessThan(1.5 * peak);
    expect((year.options.vAxis as { viewWindow: { min: number } }).viewWindow.min).toBe(0);
  });

  it('saving targets before any dashboard exists creates no tab', () => {
    const workbook = dashboardWorkbook();
    run(workbook, 'saveSettings', {
      monthlyTarget: 10_000,
      annualTarget: 300_000,
      metric: 'gross',
    } satisfies Settings);
    expect(workbook.sheet(DASHBOARD)).toBeUndefined();
  });

  it('still draws the dashboard with too little history, and says why there is no forecast', () => {
    const workbook = dashboardWorkbook([
      sale('2026-04-10', 30_000, { qty: 300 }),
      sale('2026-05-05', 10_000, { qty: 100 }),
    ]);
    const result = run<DashboardResult>(workbook, 'refreshDashboard');
    expect(result).toMatchObject({ months: 2, charts: 5 });
    const values = workbook.valuesOf(DASHBOARD);
    expect(values.slice(1, 3).map((r) => r.slice(0, 8))).toEqual([
      ['2026-04', 30000, 65000, '', '', '', 25200, 1800],
      ['2026-05', 10000, 65000, '', '', '', 8400, 600],
    ]);
    expect(values[3][0]).toBe(''); // no forecast months
    const status = run<ForecastStatus>(workbook, 'getForecastStatus');
    expect(status).toMatchObject({
      hasData: true,
      chanceThisMonth: null,
      chanceBasis: 'too-little-history',
      method: '',
    });
    expect(status.forecastMessage).toBe(
      // April from the 10th is not a full month.
      'No full months of sales: at least 3 are needed to forecast. The month under way (May 2026) counts once it is over.',
    );
    expect(values.map((r) => r.slice(9, 11))).toContainEqual(['Forecast', status.forecastMessage]);
  });

  it('reports the Forecast card from the ledger', () => {
    const status = run<ForecastStatus>(dashboardWorkbook(), 'getForecastStatus');
    expect(status).toMatchObject({
      hasData: true,
      asOf: '2026-05-10',
      month: '2026-05',
      metric: 'gross',
      monthToDateCents: 2_000_000,
      daysElapsed: 10,
      daysLeft: 21,
      neededPerDayCents: 214_286,
      // January from the 15th is not a full month: three full months give no range, so no chance.
      chanceThisMonth: null,
      chanceBasis: 'too-little-history',
      yearToDateCents: 25_500_000,
    });
  });

  it('lists sold SKUs without a unit cost and names a unit cost it cannot read', () => {
    const rows = [sale('2026-04-10', 100, { sku: '1729000000000000002', qty: 2 }), sale('2026-04-11', 100)];
    const workbook = new Workbook();
    seedLedger(workbook, rows);
    seedCogs(workbook, [
      ['1729000000000000001', 10],
      ['1729000000000000002', ''],
    ]);
    const result = run<DashboardResult>(workbook, 'refreshDashboard');
    expect(result.message).toContain(
      'Net profit is before product cost for 1 sold SKU with no unit cost in TTS COGS.',
    );
    const values = workbook.valuesOf(DASHBOARD);
    expect(values.map((r) => r.slice(9, 11))).toContainEqual([
      'Unit costs',
      'Net profit is before product cost for 1 sold SKU with no unit cost in TTS COGS: 1729000000000000002',
    ]);
    expect(values.map((r) => r[0])).toContain(
      'Net profit and margin by month, before product cost for 1 SKU',
    );
    expect(dashboardCharts(workbook)[3].options.title).toBe(
      'Net profit and margin by month, before product cost for 1 SKU',
    );

    workbook.seed(COGS_TAB, [COGS_HEADER, ["'1729000000000000001", '', '', '', 'ten dollars', '']]);
    expect(() => run(workbook, 'refreshDashboard')).toThrow(
      'TTS COGS row 2, column E (Unit cost): expected a unit cost such as 6.50 or 0.125, found `ten dollars`.',
    );
  });

  it('says there is nothing to chart without a ledger, and creates no tab', () => {
    const workbook = new Workbook();
    expect(run<DashboardResult>(workbook, 'refreshDashboard')).toEqual({
      message: 'Nothing to chart yet: import a statement export first.',
      months: 0,
      charts: 0,
    });
    expect(workbook.sheet(DASHBOARD)).toBeUndefined();
    expect(run<ForecastStatus>(workbook, 'getForecastStatus')).toMatchObject({
      hasData: false,
      message: 'No dated sales in the TTS Ledger tab yet: import a statement export first.',
    });
  });
});

describe('the forecast band on the dashboard', () => {
  it('eight full months: each forecast month has its 80% band, and the chart shades high − low to the cent', () => {
    const workbook = dashboardWorkbook(eightMonthsAndTenDays());
    run(workbook, 'refreshDashboard');
    const table = workbook.valuesOf(DASHBOARD).slice(0, 17);
    const [forecast, low, high] = ['Forecast', 'Low (80%)', 'High (80%)'].map((h) => table[0].indexOf(h));
    const ahead = table.slice(1).filter((row) => row[forecast] !== '');
    expect(ahead.map((row) => row[0])).toEqual([
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    for (const row of ahead) {
      expect(row[low]).toBeLessThan(row[forecast] as number);
      expect(row[high]).toBeGreaterThan(row[forecast] as number);
    }
    const [monthly] = dashboardCharts(workbook);
    const widths = monthly.ranges[1].values.slice(1).map((r) => r[0]);
    table.slice(1, widths.length + 1).forEach((row, i) => {
      expect(widths[i]).toBe(
        row[low] === '' ? '' : Math.round((Number(row[high]) - Number(row[low])) * 100) / 100,
      );
    });
    expect(widths.filter((w) => w !== '')).toHaveLength(8);
  });
});
