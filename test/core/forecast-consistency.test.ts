import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dashboardModel, salesOutlook, type OutlookOptions } from '../../src/core/analysis/dashboard-model';
import { buildCogsTable } from '../../src/core/analysis/pnl';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import type { LedgerRow } from '../../src/core/types';

const root = new URL('../../', import.meta.url).pathname;
const TARGETS: OutlookOptions = {
  monthlyTargetCents: 6_500_000,
  annualTargetCents: 100_000_000,
  metric: 'gross',
};

let serial = 0;
function sale(date: string, grossDollars: number): LedgerRow {
  const gross = Math.round(grossDollars * 100);
  serial++;
  return {
    key: `k${serial}`,
    layout: 'statement',
    type: 'Order',
    statementId: 'S1',
    orderId: String(577000000000000000n + BigInt(serial)),
    relatedOrderId: '',
    skuId: 'SKU1',
    sellerSku: '',
    productName: 'Tank top',
    skuName: 'Black',
    quantity: 1,
    orderDate: date,
    statementDate: date,
    currency: 'USD',
    amounts: { gross_sales: gross, total_settlement_amount: gross },
    unknown: {},
    source: { file: 'statement.csv', row: serial + 1 },
  };
}

/**
 * September 2025 – April 2026 full months (selling from 1 September: seven months at least, so the
 * forecast measures a range and a chance), then `days` days of May at `perDay` dollars a day.
 */
function shop(perDay: number, days: number): LedgerRow[] {
  const rows = [
    sale('2025-09-01', 0),
    sale('2025-09-15', 40_000),
    sale('2025-10-15', 42_000),
    sale('2025-11-15', 45_000),
    sale('2025-12-15', 48_000),
    sale('2026-01-15', 50_000),
    sale('2026-02-15', 55_000),
    sale('2026-03-15', 60_000),
    sale('2026-04-15', 70_000),
  ];
  for (let d = 1; d <= days; d++) rows.push(sale(`2026-05-${String(d).padStart(2, '0')}`, perDay));
  return rows;
}

function samples(...files: string[]): LedgerRow[] {
  // As the import does: a row whose key is already in the ledger is not written again.
  const seen = new Set<string>();
  return files
    .flatMap((file) => parseExportFile(new Uint8Array(readFileSync(root + file)), file).files[0].rows)
    .filter((row) => !seen.has(row.key) && seen.add(row.key) !== undefined);
}

const WHOLE_DOLLARS = /^-?\$\d{1,3}(,\d{3})*$/;
function amounts(text: string): string[] {
  return text.match(/-?\$[\d,]+(\.\d+)?/g) ?? [];
}

describe('the Forecast card never contradicts itself about the month under way', () => {
  const cases: { perDay: number; days: number; target: number }[] = [];
  for (const days of [1, 10, 20, 28]) {
    for (const perDay of [500, 1_500, 2_100, 2_300, 3_000, 6_000]) {
      for (const target of [4_000_000, 6_500_000, 9_000_000]) cases.push({ perDay, days, target });
    }
  }

  it.each(cases)('$perDay a day for $days days, target $target cents', ({ perDay, days, target }) => {
    const { status } = salesOutlook(shop(perDay, days), { ...TARGETS, monthlyTargetCents: target });
    expect(status.chanceBasis === 'forecast' || status.chanceBasis === 'target-met').toBe(true);
    const reachesThisMonth = status.expectedMonthCents >= target;
    // "First month at target", the chance and the line about this month judge by the same expected total.
    expect(status.firstMonthAtTarget === '2026-05').toBe(reachesThisMonth);
    expect(status.chanceThisMonth! >= 0.5).toBe(reachesThisMonth);
    expect(/^(On course|Target met)/.test(status.paceLine)).toBe(reachesThisMonth);
    expect(status.paceLine.startsWith('Behind')).toBe(!reachesThisMonth);
    if (!reachesThisMonth && status.firstMonthAtTarget !== null)
      expect(status.firstMonthAtTarget > '2026-05').toBe(true);
  });
});

describe('the card and the dashboard give one figure for one thing', () => {
  it('the card’s expected year is the dashboard’s expected December, and this month’s expected total is the table’s forecast for it', () => {
    const model = dashboardModel(
      shop(2_000, 10),
      buildCogsTable([
        ['SKU', 'Unit cost'],
        ['SKU1', '10.00'],
      ]),
      TARGETS,
    );
    expect(model.status.projectedYearCents).toBe(model.year[11].expected);
    const may = model.months.find((m) => m.month === '2026-05')!;
    expect(may.forecast).toBe(model.status.expectedMonthCents);
    expect(model.year[4].expected! - model.year[3].expected!).toBe(model.status.expectedMonthCents);
  });

  it('writes every amount in whole dollars with a dollar sign', () => {
    for (const rows of [shop(2_000, 10), shop(9_000, 10), samples('samples/statement-history.csv')]) {
      const { status } = salesOutlook(rows, TARGETS);
      for (const text of [status.message, status.paceLine, status.forecastMessage]) {
        expect(amounts(text).length).toBeGreaterThan(0);
        for (const amount of amounts(text)) expect(amount).toMatch(WHOLE_DOLLARS);
        expect(text).not.toMatch(/ETS|\d{4}-\d{2}\b/);
      }
    }
  });
});

describe('the bundled samples on the dashboard (the growing shop)', () => {
  for (const files of [
    ['samples/statement-history.csv'],
    ['samples/statement-history.csv', 'samples/statement-2026-05.csv'],
  ]) {
    it(`${files.join(' + ')}: a rising forecast that beat “same as last month”, never below $0`, () => {
      const outlook = salesOutlook(samples(...files), TARGETS);
      const { status, points } = outlook;
      expect(status.month).toBe('2026-05');
      expect(points.map((p) => p.month)).toEqual([
        '2026-05',
        '2026-06',
        '2026-07',
        '2026-08',
        '2026-09',
        '2026-10',
        '2026-11',
        '2026-12',
      ]);
      expect(status.beatsNaive).toBe(true);
      expect(status.backtest.modelMape!).toBeLessThan(status.backtest.naiveMape!);
      for (const p of points) expect(p.low80).toBeGreaterThanOrEqual(0);
      expect(points[7].mean).toBeGreaterThan(points[1].mean);
      expect(status.forecastMessage).toMatch(
        /^Based on your last 16 months \([a-z ,-]+\); on past months this method was off by \d+% on average\. June 2026: about \$/,
      );
      expect(status.projectedYearCents).toBe(outlook.year[11].expected);
    });
  }
});
