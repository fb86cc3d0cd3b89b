import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/read/files/csv';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import {
  aggregatePnl,
  buildCogsTable,
  dailySales,
  feeTable,
  monthlySales,
  netProfit,
  PnlAccumulator,
  rowPnl,
  salesAmount,
  settlementTotal,
  totalPnl,
  unitsSold,
} from '../../src/core/analysis/pnl';
import type { LedgerRow } from '../../src/core/types';
import { fixtureDir } from './helpers';

const root = new URL('../../', import.meta.url).pathname;
const load = (path: string, name = path) =>
  parseExportFile(new Uint8Array(readFileSync(root + path)), name).files[0];
const onhold = load(
  'test/fixtures/onhold-306-rows.csv',
  'Onhold-unsettled-orders-2026_06_01-2026_06_12(UTC-7).csv',
);
const statement = load('samples/statement-2026-05.csv');

function row(amounts: Record<string, number>, extra: Partial<LedgerRow> = {}): LedgerRow {
  return {
    key: 'k',
    layout: 'statement',
    type: 'Order',
    statementId: 's',
    orderId: '577',
    relatedOrderId: '',
    skuId: 'SKU1',
    sellerSku: 'TANK',
    productName: '',
    skuName: '',
    quantity: 1,
    orderDate: '2026-04-28',
    statementDate: '2026-05-05',
    currency: 'USD',
    amounts,
    unknown: {},
    source: { file: 'f.csv', row: 2 },
    ...extra,
  };
}

describe('P&L on the 306-row on-hold export (real totals)', () => {
  it('has the real totals to the cent and every row reconciles', () => {
    expect(onhold.rows).toHaveLength(306);
    expect(onhold.headerRow).toBe(5);
    expect(onhold.timeZone).toBe('UTC-7');
    expect(onhold.reconciliation.ok).toBe(true);
    expect(totalPnl(onhold.rows)).toMatchObject({
      netSales: 1029200,
      grossSales: 1029200,
      fees: -73529,
      shipping: 0,
      adjustments: 0,
      settlement: 955671,
    });
    const sum = (id: string) => onhold.rows.reduce((t, r) => t + (r.amounts[id] ?? 0), 0);
    expect(sum('referral_fee')).toBe(-69207);
    expect(sum('sales_tax_on_referral_fees')).toBe(-4322);
    expect(sum('tiktok_shop_shipping_fee')).toBe(-124108);
    expect(sum('customer_paid_shipping_fee')).toBe(124108);
  });

  it('charges referral at about 6 % of customer payment less tax on every row', () => {
    for (const r of onhold.rows) {
      const base = r.amounts.customer_payment + r.amounts.sales_tax_payment;
      expect(Math.abs(-r.amounts.referral_fee - base * 0.06)).toBeLessThanOrEqual(2);
    }
  });

  it('lists fees by TikTok column name, most negative first, totalling the Fees column', () => {
    const fees = feeTable(onhold.rows);
    expect(fees).toEqual([
      { label: 'Referral fee', cents: -69207 },
      { label: 'Sales tax on referral fees', cents: -4322 },
      { label: 'Total fees', cents: -73529 },
    ]);
    expect(fees.at(-1)!.cents).toBe(onhold.rows.reduce((t, r) => t + (r.amounts.fees ?? 0), 0));
  });
});

describe('P&L on the sample statement export', () => {
  it('reconciles, totals fees like the Fees column and splits by month, SKU, statement and type', () => {
    expect(statement.layoutLabel).toBe('US Statement export (2024 CSV)');
    expect(statement.reconciliation.ok).toBe(true);
    const fees = feeTable(statement.rows);
    expect(fees.at(-1)!.cents).toBe(statement.rows.reduce((t, r) => t + (r.amounts.fees ?? 0), 0));
    expect(fees.map((f) => f.label)).toEqual([
      'Affiliate commission',
      'Referral fee',
      'Affiliate partner commission',
      'Refund administration fee',
      'Total fees',
    ]);
    const months = aggregatePnl(statement.rows, 'month');
    expect(months.map((m) => m.group)).toEqual(['2026-04', '2026-05']);
    expect(months.reduce((t, m) => t + m.lines.settlement, 0)).toBe(settlementTotal(statement.rows));
    expect(aggregatePnl(statement.rows, 'statement')).toHaveLength(3);
    expect(aggregatePnl(statement.rows, 'type').map((g) => g.group)).toEqual([
      'Chargeback',
      'Logistics reimbursement',
      'Order',
      'Violation fee (settlement fee)',
    ]);
    const skus = aggregatePnl(statement.rows, 'sku');
    expect(skus.reduce((t, g) => t + g.lines.settlement, 0)).toBe(settlementTotal(statement.rows));
    expect(skus[0].group).toBe('(no SKU)');
  });

  it('computes net profit with the cost in force on the order date', () => {
    const cogs = buildCogsTable(parseCsv(readFileSync(root + 'samples/cogs.csv', 'utf8')));
    const result = netProfit(statement.rows, cogs, 10000);
    expect(result.netProfit).toBe(result.settlement - result.cogs - 10000);
    const early = row({ gross_sales: 1999 }, { skuId: '1732440158393635811', orderDate: '2026-04-30' });
    const late = row({ gross_sales: 1999 }, { skuId: '1732440158393635811', orderDate: '2026-05-01' });
    expect(netProfit([early], cogs).cogs).toBe(650);
    expect(netProfit([late], cogs).cogs).toBe(700);
  });
});

describe('row P&L', () => {
  it('never adds a subtotal to its own parts', () => {
    expect(
      rowPnl(
        row({
          net_sales: 1500,
          gross_sales: 1500,
          fees: -124,
          referral_fee: -117,
          sales_tax_on_referral_fees: -7,
          total_settlement_amount: 1376,
        }),
      ),
    ).toMatchObject({ netSales: 1500, fees: -124, settlement: 1376 });
    expect(rowPnl(row({ net_sales: 1500, fees: -124 }))).toMatchObject({
      netSales: 1500,
      fees: -124,
      grossSales: 0,
    });
  });

  it('maps legacy Income columns to the same lines', () => {
    const legacy = row(
      {
        net_sales: 1800,
        subtotal_after_seller_discounts: 1800,
        gross_sales: 2000,
        seller_discount: -200,
        fees: -300,
        seller_shipping_fee: -200,
        actual_shipping_fee: -200,
        transaction_fee: -100,
      },
      { layout: 'income' },
    );
    expect(rowPnl(legacy)).toMatchObject({
      grossSales: 2000,
      sellerDiscounts: -200,
      netSales: 1800,
      shipping: -200,
      fees: -100,
    });
  });

  it('measures sales by the chosen metric', () => {
    const r = row({
      gross_sales: 3000,
      gross_sales_refund: -1000,
      seller_discount: -300,
      net_sales: 1700,
      total_settlement_amount: 1200,
    });
    expect(salesAmount(r, 'gross')).toBe(2000);
    expect(salesAmount(r, 'net')).toBe(1700);
    expect(salesAmount(r, 'settlement')).toBe(1200);
    const rows = [r, row({ gross_sales: 500 }, { orderDate: '2026-05-02' })];
    expect(dailySales(rows, 'gross')).toEqual([
      { date: '2026-04-28', amount: 2000 },
      { date: '2026-05-02', amount: 500 },
    ]);
    expect(monthlySales(rows, 'gross')).toEqual([
      { month: '2026-04', amount: 2000 },
      { month: '2026-05', amount: 500 },
    ]);
  });

  it('counts no units for a fully refunded row and scales partial refunds', () => {
    expect(unitsSold(row({ gross_sales: 3000, gross_sales_refund: -3000 }, { quantity: 1 }))).toBe(0);
    expect(unitsSold(row({ gross_sales: 4000, gross_sales_refund: -2000 }, { quantity: 2 }))).toBe(1);
    expect(unitsSold(row({ gross_sales: 4000 }, { quantity: 2 }))).toBe(2);
  });

  it('names up to five SKUs without a cost', () => {
    const cogs = buildCogsTable([
      ['SKU', 'Unit cost'],
      ['TANK', '$2.00'],
    ]);
    expect(
      netProfit([row({ gross_sales: 100 }, { skuId: '', sellerSku: 'TANK', quantity: 3 })], cogs).cogs,
    ).toBe(600);
    const missing = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((s) =>
      row({ gross_sales: 100 }, { skuId: s, sellerSku: '' }),
    );
    expect(() => netProfit(missing, cogs)).toThrow(
      'No unit cost for 7 sold SKUs: A, B, C, D, E and 2 more. Add each SKU ID (or seller SKU) with its unit cost to the COGS table, ' +
        'effective by the day it sold.',
    );
    expect(() =>
      buildCogsTable([
        ['SKU', 'Unit cost'],
        ['A', 'cheap'],
      ]),
    ).toThrow('COGS row 2, column B (Unit cost): expected a unit cost such as 6.50 or 0.125, found `cheap`');
  });

  it('accumulates incrementally like the batch form', () => {
    const acc = new PnlAccumulator('month');
    for (const r of statement.rows) acc.add(r);
    expect(acc.result()).toEqual(aggregatePnl(statement.rows, 'month'));
  });

  it('reads fixture headers from the repository', () => {
    expect(fixtureDir.endsWith('/test/fixtures/')).toBe(true);
  });
});
