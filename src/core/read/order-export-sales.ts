/**
 * Sales from a Seller Center order export (`OrderSKUList`): it has no settlement and no fees, only
 * what was sold. Each SKU line's `SKU Subtotal Before Discount` and `SKU Seller Discount` become
 * the statement's Gross sales and Seller discount (signed as a statement signs them), and the part
 * of a line that did not stay sold comes back as Gross sales refund and Seller discount refund:
 * all of a cancelled or unpaid line, the returned units of a returned one; what its order's refund
 * adds beyond them was refunded on goods the buyer kept (Gross sales refund (goods not returned):
 * out of sales, still a cost of goods). So gross sales kept and net sales read the same from an
 * order export as from a statement, by the order's creation date.
 *
 * The five lines are extra columns the normalizer is given after the file's own (see
 * {@link ORDER_SALES_COLUMNS}); their cells are empty, and {@link OrderExportSales.apply} fills
 * their amounts on each row read.
 */
import { divide, exact, roundTo, significant, times, toNumber } from '../exact-decimal';
import { lookupColumn } from './catalog';
import type { RowView } from './row-view';
import { cellText as text } from '../cell-text';
import { detachedText } from './detached-text';
import type { CellValue, OrderExportSummary } from '../types';

/** Statement columns an order export's lines are given as (appended to its header). */
export const ORDER_SALES_COLUMNS = [
  'Gross sales',
  'Seller discount',
  'Gross sales refund',
  'Seller discount refund',
  'Gross sales refund (goods not returned)',
] as const;

const ORDER_SALES_IDS = ORDER_SALES_COLUMNS.map((label) => lookupColumn(label)!.id);

/** `cents × part / whole`, rounded half away from zero (exact decimals, never a float of dollars). */
function share(cents: number, part: number, whole: number): number {
  const product = significant(times(exact(cents), exact(part)));
  return toNumber(roundTo(divide(product, exact(whole)), 0));
}

export class OrderExportSales {
  private readonly statusIndex: number;
  private readonly returnedIndex: number;
  private readonly beforeSlot: number;
  private readonly discountSlot: number;
  private readonly orderAmountSlot: number;
  private readonly orderRefundSlot: number;
  private readonly slots: number[];
  private readonly orders = new Set<string>();
  private readonly cancelled = new Set<string>();
  private readonly refunded = new Set<string>();
  private readonly byMonth = new Map<string, number>();
  private readonly sums = {
    lines: 0,
    units: 0,
    unitsReturned: 0,
    grossSales: 0,
    sellerDiscounts: 0,
    netSales: 0,
  };

  /** `header`: the file's header; `amountIds`: the normalizer's, built with the extra columns. */
  constructor(header: readonly string[], amountIds: readonly string[]) {
    const index = (id: string) => header.findIndex((name) => lookupColumn(name || '')?.id === id);
    this.statusIndex = index('order_status');
    this.returnedIndex = index('sku_quantity_of_return');
    this.beforeSlot = amountIds.indexOf('sku_subtotal_before_discount');
    this.discountSlot = amountIds.indexOf('sku_seller_discount');
    this.orderAmountSlot = amountIds.indexOf('order_amount');
    this.orderRefundSlot = amountIds.indexOf('order_refund_amount');
    this.slots = ORDER_SALES_IDS.map((id) => amountIds.lastIndexOf(id));
  }

  /**
   * Fills the row's sales lines from its subtotal, seller discount, status, returned units and
   * its order's refund. What did not stay sold comes back as a refund: all of a cancelled or
   * unpaid line; of any other line, the larger of its returned units' share and its order's
   * refunded share (`Order Refund Amount` / `Order Amount`, the same on every line of an order).
   * The part refunded beyond the returned units is a refund of goods the buyer kept.
   */
  apply(view: RowView, cells: readonly CellValue[]): void {
    let before = 0;
    let discount = 0;
    let orderAmount = 0;
    let orderRefund = 0;
    for (let k = 0; k < view.filledCount; k++) {
      const slot = view.filled[k];
      if (slot === this.beforeSlot) before = view.cents[slot];
      else if (slot === this.discountSlot) discount = view.cents[slot];
      else if (slot === this.orderAmountSlot) orderAmount = view.cents[slot];
      else if (slot === this.orderRefundSlot) orderRefund = view.cents[slot];
    }
    discount = Math.abs(discount);
    // Cancelled (either spelling) and never-paid orders were not sales.
    const cancelled = /^(cancel|unpaid)/i.test(text(cells[this.statusIndex]));
    const quantity = view.quantity;
    const returned = Math.min(Number(text(cells[this.returnedIndex])) || 0, quantity);
    let returnedGross = 0;
    let keptGross = 0;
    if (cancelled) returnedGross = before;
    else {
      if (returned > 0 && quantity > 0) returnedGross = share(before, returned, quantity);
      const refundShare = orderAmount > 0 ? Math.min(Math.abs(orderRefund), orderAmount) : 0;
      const refundedGross = refundShare > 0 ? share(before, refundShare, orderAmount) : 0;
      keptGross = Math.max(0, refundedGross - returnedGross);
    }
    const refundedGross = returnedGross + keptGross;
    const refundedDiscount = before > 0 ? share(discount, refundedGross, before) : 0;
    // The export writes discounts as positive amounts taken off the price; a statement, as negatives.
    const lines = [before, -discount, -returnedGross, refundedDiscount, -keptGross];
    for (let i = 0; i < lines.length; i++) {
      const slot = this.slots[i];
      if (slot < 0 || lines[i] === 0) continue;
      view.cents[slot] = lines[i];
      view.filled[view.filledCount++] = slot;
    }
    const net = before - discount - refundedGross + refundedDiscount;
    this.tally(view, cancelled, refundedGross > 0, returned, before, discount, net);
  }

  private tally(
    view: RowView,
    cancelled: boolean,
    refunded: boolean,
    returned: number,
    before: number,
    discount: number,
    net: number,
  ): void {
    const order = view.orderId;
    if (!this.orders.has(order)) this.orders.add(detachedText(order));
    if (cancelled) {
      if (!this.cancelled.has(order)) this.cancelled.add(detachedText(order));
    } else if (refunded && !this.refunded.has(order)) this.refunded.add(detachedText(order));
    const sums = this.sums;
    sums.lines++;
    sums.units += view.quantity;
    sums.unitsReturned += cancelled ? 0 : returned;
    sums.grossSales += before;
    sums.sellerDiscounts -= discount;
    sums.netSales += net;
    const month = view.orderDate.slice(0, 7);
    this.byMonth.set(month, (this.byMonth.get(month) || 0) + net);
  }

  /** What the file holds, for the preview. */
  summary(): OrderExportSummary {
    // Map keys: no two months are equal.
    const months = [...this.byMonth].sort(([a], [b]) => (a < b ? -1 : 1));
    return {
      orders: this.orders.size,
      ...this.sums,
      cancelledOrders: this.cancelled.size,
      refundedOrders: [...this.refunded].filter((o) => !this.cancelled.has(o)).length,
      netSalesByMonth: months.map(([month, cents]) => ({ month: month || '(no date)', cents })),
    };
  }
}
