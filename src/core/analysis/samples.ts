/**
 * Free samples sent to creators. A sample order has items but no revenue (a 100 %-discounted sale,
 * or one at $0) and the seller pays its shipping. Its cost is marketing, not cost of goods sold:
 * the units at their unit cost plus what the order cost in the settlement (the seller-paid
 * shipping), reported as Samples.
 */
import type { PnlLines } from './pnl';

/** True for an order line with units, no sales left after discounts, no refund and shipping paid by the seller. */
export function isSampleOrder(quantity: number, lines: PnlLines): boolean {
  return quantity > 0 && lines.netSales === 0 && lines.refunds === 0 && lines.shipping < 0;
}
