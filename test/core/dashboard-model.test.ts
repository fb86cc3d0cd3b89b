import { describe, expect, it } from 'vitest';
import { dashboardModel, salesOutlook, type OutlookOptions } from '../../src/core/analysis/dashboard-model';
import { normalCdf } from '../../src/core/forecast/normal';
import { buildCogsTable } from '../../src/core/analysis/pnl';
import type { LedgerRow } from '../../src/core/types';

let serial = 0;

/** An order row: gross sales, a 6 % referral fee, an affiliate commission, settlement = the sum. */
function sale(
  date: string,
  grossDollars: number,
  opts: { sku?: string; qty?: number; affiliate?: number; discount?: number } = {},
): LedgerRow {
  const gross = Math.round(grossDollars * 100);
  const referral = -Math.round(gross * 0.06);
  const affiliate = -Math.round((opts.affiliate ?? 0) * 100);
  const discount = -Math.round((opts.discount ?? 0) * 100);
  const amounts: Record<string, number> = {
    gross_sales: gross,
    referral_fee: referral,
    total_settlement_amount: gross + referral + affiliate + discount,
  };
  if (affiliate) amounts.affiliate_commission = affiliate;
  if (discount) amounts.seller_discount = discount;
  serial++;
  return {
    key: `k${serial}`,
    layout: 'statement',
    type: 'Order',
    statementId: 'S1',
    orderId: String(577000000000000000n + BigInt(serial)),
    relatedOrderId: '',
    skuId: opts.sku ?? 'SKU1',
    sellerSku: '',
    productName: 'Tank top',
    skuName: 'Black',
    quantity: opts.qty ?? 1,
    orderDate: date,
    statementDate: date,
    currency: 'USD',
    amounts,
    unknown: {},
    source: { file: 'statement.csv', row: serial + 1 },
  };
}

const TARGETS: OutlookOptions = {
  monthlyTargetCents: 6_500_000,
  annualTargetCents: 100_000_000,
  metric: 'gross',
};
const COGS = buildCogsTable([
  ['SKU', 'Unit cost'],
  ['SKU1', '10.00'],
]);

/**
 * Jan (from the 15th: not a full month) – Apr 2026 (50k, 55k, 60k, 70k), May 1–10 at 2,000 a day:
 * three full months to forecast from, too few for a range or a chance.
 */
function fourMonthsAndTenDays(): LedgerRow[] {
  const rows = [
    sale('2026-01-15', 50_000, { qty: 1000, affiliate: 2_000 }),
    sale('2026-02-15', 55_000, { qty: 1100 }),
    sale('2026-03-15', 60_000, { qty: 1200 }),
    sale('2026-04-15', 70_000, { qty: 1400, affiliate: 3_000 }),
  ];
  for (let d = 1; d <= 10; d++) rows.push(sale(`2026-05-${String(d).padStart(2, '0')}`, 2_000, { qty: 40 }));
  return rows;
}

/** Selling from 1 September 2025: eight full months (enough for a range and a chance), then May 1–10. */
function eightMonthsAndTenDays(): LedgerRow[] {
  const autumn = [
    sale('2025-09-01', 0),
    sale('2025-09-15', 40_000),
    sale('2025-10-15', 42_000),
    sale('2025-11-15', 45_000),
    sale('2025-12-15', 48_000),
  ];
  return [...autumn, ...fourMonthsAndTenDays()];
}

describe('dashboard model: the monthly table', () => {
  const model = dashboardModel(fourMonthsAndTenDays(), COGS, TARGETS);

  it('has one row per month from the first sale, then forecast months through December', () => {
    expect(model.months.map((m) => m.month)).toEqual([
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
    expect(model.months.map((m) => m.sales)).toEqual([
      5_000_000,
      5_500_000,
      6_000_000,
      7_000_000,
      2_000_000,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('net profit = settlement − units × unit cost; fees paid are the fee columns with the sign turned', () => {
    // January: 50,000 − 3,000 referral − 2,000 affiliate = 45,000 settled; 1,000 units × $10 = 10,000 COGS.
    expect(model.months[0]).toMatchObject({ netProfit: 3_500_000, feesPaid: 500_000 });
    // February: 55,000 − 3,300 = 51,700; 1,100 × 10 = 11,000.
    expect(model.months[1]).toMatchObject({ netProfit: 4_070_000, feesPaid: 330_000 });
    // May to date: 10 × (2,000 − 120) = 18,800; 400 units × 10 = 4,000.
    expect(model.months[4]).toMatchObject({ netProfit: 1_480_000, feesPaid: 120_000 });
    expect(model.months[6]).toMatchObject({ netProfit: null, feesPaid: null });
  });

  it('forecasts from the full months only, starting with the month under way', () => {
    expect(model.forecast.status).toBe('ok');
    expect(model.points[0].month).toBe('2026-05');
    expect(model.months.slice(0, 4).every((m) => m.forecast === null)).toBe(true);
    for (const m of model.months.slice(4)) {
      expect(m.forecast).not.toBeNull();
      expect(Number.isInteger(m.forecast)).toBe(true);
    }
  });

  it('three full months give no 80% band, as TTS_FORECAST gives none, and the Forecast line says why', () => {
    for (const m of model.months) expect([m.low80, m.high80]).toEqual([null, null]);
    expect(model.status.forecastMessage).toContain(
      'with no 80% range or chance of a target (7 months are needed)',
    );
  });

  it('eight full months give a band around each forecast month', () => {
    const longer = dashboardModel(eightMonthsAndTenDays(), COGS, TARGETS);
    expect(longer.forecast.spread).toBe(true);
    const ahead = longer.months.filter((m) => m.forecast !== null);
    expect(ahead.map((m) => m.month)).toEqual(longer.points.map((p) => p.month));
    for (const m of ahead) {
      expect(m.low80!).toBeLessThan(m.forecast!);
      expect(m.high80!).toBeGreaterThan(m.forecast!);
    }
  });

  it('adds fees by category over the calendar year, largest first, matching the fee totals', () => {
    // Referral: 3,000 + 3,300 + 3,600 + 4,200 + 1,200 = 15,300; affiliate: 2,000 + 3,000 = 5,000.
    expect(model.feesByCategory).toEqual([
      { category: 'TikTok fees', paid: 1_530_000 },
      { category: 'Affiliate', paid: 500_000 },
    ]);
    const feesInTable = model.months.reduce((t, m) => t + (m.feesPaid ?? 0), 0);
    expect(model.feesByCategory.reduce((t, c) => t + c.paid, 0)).toBe(feesInTable);
  });

  it('shows a month without sales as zeros, so the forecast sees consecutive months', () => {
    const gap = dashboardModel(
      [sale('2026-01-10', 1_000, { qty: 10 }), sale('2026-03-10', 1_000, { qty: 10 })],
      COGS,
      TARGETS,
    );
    expect(gap.months.slice(0, 3).map((m) => [m.month, m.sales, m.netProfit, m.feesPaid])).toEqual([
      ['2026-01', 100_000, 84_000, 6_000],
      ['2026-02', 0, 0, 0],
      ['2026-03', 100_000, 84_000, 6_000],
    ]);
    expect(Object.is(gap.months[1].feesPaid, 0)).toBe(true);
  });

  it('lists SKUs sold without a unit cost and counts rows without a date', () => {
    const rows = [
      ...fourMonthsAndTenDays(),
      sale('2026-05-03', 100, { sku: 'SKU2', qty: 2 }),
      { ...sale('2026-05-04', 100), orderDate: '', statementDate: '' },
    ];
    const withGaps = dashboardModel(rows, COGS, TARGETS);
    expect(withGaps.missingCostSkus).toEqual(['SKU2']);
    expect(withGaps.undatedRows).toBe(1);
    // SKU2's 94 settled counts with no cost: 18,800 + 94 − 4,000 = 14,894.
    expect(withGaps.months[4].netProfit).toBe(1_489_400);
  });
});

describe('dashboard model: the calendar year against the annual target', () => {
  const model = dashboardModel(fourMonthsAndTenDays(), COGS, TARGETS);

  it('accumulates actual sales through the month to date', () => {
    expect(model.year.map((y) => y.actual)).toEqual([
      5_000_000,
      10_500_000,
      16_500_000,
      23_500_000,
      25_500_000,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('starts the expected line at the last full month and adds the month to date plus the forecast for the days left', () => {
    expect(model.year.slice(0, 3).map((y) => y.expected)).toEqual([null, null, null]);
    expect(model.year[3].expected).toBe(23_500_000);
    // May: 20,000 so far + 21/31 of the whole-month forecast.
    const mayForecastCents = Math.round(model.forecast.points[0].mean * 100);
    expect(model.points[0].mean).toBe(2_000_000 + Math.round((mayForecastCents * 21) / 31));
    expect(model.year[4].expected).toBe(23_500_000 + model.points[0].mean);
    expect(model.year[5].expected).toBe(model.year[4].expected! + model.points[1].mean);
    expect(model.status.projectedYearCents).toBe(model.year[11].expected);
  });

  it('names the month the year is expected to cross the annual target, or null', () => {
    const crossing = model.year.find(
      (y) => (y.actual ?? 0) >= 100_000_000 || (y.expected ?? 0) >= 100_000_000,
    );
    expect(model.status.annualCrossingMonth).toBe(crossing ? crossing.month : null);
    const low = salesOutlook(fourMonthsAndTenDays(), { ...TARGETS, annualTargetCents: 20_000_000 });
    expect(low.status.annualCrossingMonth).toBe('2026-04'); // 235,000 actual by the end of April
  });
});

describe('dashboard model: the Forecast card', () => {
  it('reports month to date, pace and what is needed per day', () => {
    const { status, report } = salesOutlook(fourMonthsAndTenDays(), TARGETS);
    expect(status).toMatchObject({
      hasData: true,
      asOf: '2026-05-10',
      month: '2026-05',
      metric: 'gross',
      monthToDateCents: 2_000_000,
      daysElapsed: 10,
      daysLeft: 21,
      // (65,000 − 20,000) / 21 days = 2,142.857… → rounded up to the cent.
      neededPerDayCents: 214_286,
      // Three full months: a forecast, but no range and so no chance.
      chanceThisMonth: null,
      chanceBasis: 'too-little-history',
      yearToDateCents: 25_500_000,
    });
    // Four months of history: the pace is weighted by weekday (the flat pace is tested below).
    expect(report!.paceMethod).toBe('day-of-week');
    expect(status.paceCents).toBe(report!.projectedMonth);
    expect(status.message).toBe('$20,000 of the $65,000 target in May 2026, through May 10.');
    expect(status.backtest.origins).toBeGreaterThanOrEqual(0);
    expect(status.method).not.toBe('');
  });

  it('the chance comes from the forecast for the days left, added to the month to date', () => {
    const outlook = salesOutlook(eightMonthsAndTenDays(), TARGETS);
    expect(outlook.status.chanceBasis).toBe('forecast');
    const may = outlook.forecast.points[0];
    const share = 21 / 31;
    const rest = Math.round(Math.round(may.mean * 100) * share);
    const sd = Math.sqrt(may.variance * 10_000 * share);
    const expected = 1 - normalCdf((6_500_000 - 2_000_000 - rest) / sd);
    expect(outlook.status.chanceThisMonth).toBeCloseTo(expected, 10);
    expect(outlook.status.expectedMonthCents).toBe(2_000_000 + rest);
    // More sold by the same day → a better chance.
    const strong = eightMonthsAndTenDays().map((r) =>
      r.orderDate.startsWith('2026-05') ? sale(r.orderDate, 5_000) : r,
    );
    expect(salesOutlook(strong, TARGETS).status.chanceThisMonth!).toBeGreaterThan(
      outlook.status.chanceThisMonth!,
    );
  });

  it('is certain once the target is met, and settled once the month is over', () => {
    const met = [...fourMonthsAndTenDays(), sale('2026-05-10', 50_000)];
    expect(salesOutlook(met, TARGETS).status).toMatchObject({
      chanceThisMonth: 1,
      chanceBasis: 'target-met',
      neededPerDayCents: 0,
    });
    const closed = salesOutlook(fourMonthsAndTenDays(), { ...TARGETS, asOf: '2026-04-30' });
    expect(closed.status).toMatchObject({
      month: '2026-04',
      monthToDateCents: 7_000_000,
      chanceThisMonth: 1,
      chanceBasis: 'target-met',
    });
    const short = salesOutlook(eightMonthsAndTenDays(), { ...TARGETS, asOf: '2026-03-31' });
    expect(short.status).toMatchObject({ month: '2026-03', chanceThisMonth: 0, chanceBasis: 'month-closed' });
    // A closed month is history: the forecast starts the month after.
    expect(short.points[0].month).toBe('2026-04');
  });

  it('says when there is too little history, and projects the year at the current pace', () => {
    const rows = [sale('2026-04-10', 30_000), sale('2026-05-05', 10_000)];
    const outlook = salesOutlook(rows, TARGETS);
    expect(outlook.status).toMatchObject({
      chanceThisMonth: null,
      chanceBasis: 'too-little-history',
      method: '',
      firstMonthAtTarget: null,
    });
    expect(outlook.status.forecastMessage).toBe(
      // April from the 10th is not a full month.
      'No full months of sales: at least 3 are needed to forecast. The month under way (May 2026) counts once it is over.',
    );
    expect(outlook.points).toEqual([]);
    // Pace: 10,000 in 5 days → 62,000 for May; June (30 days) at 2,000 a day → 60,000.
    expect(outlook.year[4].expected).toBe(3_000_000 + 6_200_000);
    expect(outlook.year[5].expected).toBe(3_000_000 + 6_200_000 + 6_000_000);
  });

  it('has nothing to say without dated sales', () => {
    const { status } = salesOutlook([], TARGETS);
    expect(status).toMatchObject({ hasData: false, chanceThisMonth: null, monthlyTargetCents: 6_500_000 });
    expect(status.message).toBe('No dated sales in the TTS Ledger tab yet: import a statement export first.');
  });

  it('counts sales by the chosen metric and targets from the options', () => {
    const rows = fourMonthsAndTenDays().map((r, i) =>
      i === 0 ? sale('2026-01-15', 50_000, { qty: 1000, discount: 5_000 }) : r,
    );
    const gross = dashboardModel(rows, COGS, TARGETS);
    const net = dashboardModel(rows, COGS, { ...TARGETS, metric: 'net' });
    const settled = dashboardModel(rows, COGS, { ...TARGETS, metric: 'settlement' });
    expect(gross.months[0].sales).toBe(5_000_000);
    expect(net.months[0].sales).toBe(4_500_000);
    expect(settled.months[0].sales).toBe(4_200_000); // 50,000 − 5,000 discount − 3,000 referral
    const lower = salesOutlook(fourMonthsAndTenDays(), { ...TARGETS, monthlyTargetCents: 1_000_000 });
    expect(lower.status).toMatchObject({
      monthlyTargetCents: 1_000_000,
      chanceThisMonth: 1,
      chanceBasis: 'target-met',
    });
    expect(lower.status.firstMonthAtTarget).toBe('2026-05');
  });
});
