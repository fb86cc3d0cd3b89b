/**
 * Where a month's gross sales went (the dashboard's stacked chart): each part once, adding up to
 * gross sales. A sample order's seller-paid shipping is in the settlement's shipping and in Samples;
 * the chart shows it under Samples only.
 */
import { describe, expect, it } from 'vitest';
import { moneyFlow, MONEY_FLOW_PARTS } from '../../src/core/analysis/dashboard-profit';
import { emptyLines } from '../../src/core/analysis/pnl';
import { emptyCostSums, profitLine } from '../../src/core/analysis/profit';

describe('moneyFlow with samples and a GMV Pay transfer, no ad report', () => {
  // April: one $20 sale (fees 1.20, its shipping 0 to the seller), two samples with labels of $4.58
  // and $3.00 (unit costs $5 and $3), and a −$100 GMV Pay transfer among the adjustments. COGS of
  // the sale $10.
  const lines = {
    ...emptyLines(),
    grossSales: 2000,
    netSales: 2000,
    fees: -120,
    shipping: -758,
    adjustments: -10000,
    settlement: 2000 - 120 - 758 - 10000,
  };
  // Unit costs in ten-thousandths of a dollar (unit-cost.ts): $10 of COGS, $8 of sample goods.
  const sums = { ...emptyCostSums(), units: 1, cogs: 100_000, sampleOrders: 2, sampleUnits: 2 };
  const line = profitLine(lines, { ...sums, sampleProduct: 80_000, sampleSettlement: -758 }, true, 0, 0);
  const flow = moneyFlow(lines, line);

  it('shows the labels under Samples (8.00 + 7.58) and not again under Shipping; the transfer is the other $100', () => {
    expect(line.netProfit).toBe(2000 - 120 - 758 - 10000 - 1000 - 800);
    expect(flow).toMatchObject({
      discountsAndRefunds: 0,
      tiktokFees: 120,
      shipping: 0,
      productCost: 1000,
      samples: 1558,
      other: 10000,
      netProfit: line.netProfit,
    });
  });

  it('adds up to gross sales', () => {
    expect(MONEY_FLOW_PARTS.reduce((n, [part]) => n + flow[part], 0)).toBe(lines.grossSales);
  });
});
