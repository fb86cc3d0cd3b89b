/**
 * The dashboard's profit by month, with every cost (see profit.ts), and where each month's gross
 * sales went: discounts and refunds, TikTok fees, shipping, product cost, samples, running costs,
 * ads and what is left. SKUs sold without a unit cost, and rows sold without units, are listed and
 * their cost counts as 0, so the dashboard can say its profit is before their product cost.
 */
import { emptyLines, type PnlLines } from './pnl';
import { emptyCostSums, monthCosts, profitLine, type CostTally, type ProfitLine } from './profit';
import type { RunningCost } from './running-costs';
import type { AdSpendByMonth } from './ad-spend';

/** Where a month's gross sales went, cents, each part positive when it is money out. They add up to gross sales. */
export interface MoneyFlow {
  discountsAndRefunds: number;
  tiktokFees: number;
  shipping: number;
  productCost: number;
  samples: number;
  runningCosts: number;
  ads: number;
  /** Adjustments and anything else in the settlement (a reimbursement makes it negative). */
  other: number;
  netProfit: number;
}

/** The flow's parts in the order money leaves, with their labels. */
export const MONEY_FLOW_PARTS: readonly [keyof MoneyFlow, string][] = [
  ['discountsAndRefunds', 'Discounts and refunds'],
  ['tiktokFees', 'TikTok fees'],
  ['shipping', 'Shipping'],
  ['productCost', 'Product cost'],
  ['samples', 'Samples'],
  ['runningCosts', 'Running costs'],
  ['ads', 'Ads'],
  ['other', 'Adjustments and other'],
  ['netProfit', 'Net profit'],
];

export interface MonthProfit extends ProfitLine {
  month: string;
  flow: MoneyFlow;
}

export function moneyFlow(lines: PnlLines, profit: ProfitLine): MoneyFlow {
  const flow: MoneyFlow = {
    discountsAndRefunds: 0 - lines.sellerDiscounts - lines.refunds,
    tiktokFees: 0 - lines.fees,
    // The sample orders' shipping is in Samples: shown once.
    shipping: profit.sampleSettlement - lines.shipping,
    productCost: profit.cogs || 0,
    samples: profit.samples,
    runningCosts: profit.runningCosts || 0,
    ads: profit.adSpend || 0,
    other: 0,
    netProfit: profit.netProfit,
  };
  let accounted = 0;
  for (const [part] of MONEY_FLOW_PARTS) accounted += flow[part];
  flow.other = lines.grossSales - accounted;
  return flow;
}

/**
 * Profit of each of `months` with running costs and ad spend, from each month's P&L `lines` and
 * the costs `tally` added up from the same rows (SKUs sold without a unit cost and rows sold
 * without units count as 0 there, and are listed).
 */
export function profitByMonth(
  lines: ReadonlyMap<string, { lines: PnlLines }>,
  tally: CostTally,
  months: readonly string[],
  costs: readonly RunningCost[],
  adSpend: AdSpendByMonth,
): MonthProfit[] {
  return months.map((month): MonthProfit => {
    const monthLines = lines.get(month)?.lines ?? emptyLines();
    const spent = monthCosts([month], costs, tally, adSpend);
    const line = profitLine(
      monthLines,
      tally.byGroup.get(month) ?? emptyCostSums(),
      true,
      spent.running,
      spent.ads,
    );
    return { ...line, month, flow: moneyFlow(monthLines, line) };
  });
}
