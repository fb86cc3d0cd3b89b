/**
 * Sales from a Seller Center order export (`OrderSKUList`): it has no settlement and no fees, only
 * what was sold. Each SKU line's `SKU Subtotal Before Discount` and `SKU Seller Discount` become
 * the statement's Gross sales and Seller discount (signed as a statement signs them), and the part
 * of a line that did not stay sold comes back as Gross sales refund and Seller discount refund:
 * all of a cancelled or unpaid line, the returned units of a returned one. So gross sales kept and net sales
 * read the same from an order export as from a statement, by the order's creation date.
 *
 * The four lines are extra columns the normalizer is given after the file's own (see
 * {@link ORDER_SALES_COLUMNS}); their cells are empty, and {@link OrderExportSales.apply} fills
 * their amounts on each row read.
 */
import { divide, exact, roundTo, significant, times, toNumber } from "../exact-decimal";
import { lookupColumn } from "./catalog";
import type { RowView } from "./row-view";
import type { CellValue } from "../types";

/** Statement columns an order export's lines are given as (appended to its header). */
export const ORDER_SALES_COLUMNS = [
  "Gross sales",
  "Seller discount",
  "Gross sales refund",
  "Seller discount refund",
] as const;

const ORDER_SALES_IDS = [
  "gross_sales",
  "seller_discount",
  "gross_sales_refund",
  "seller_discount_refund",
] as const;

function text(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value.trim() : String(value);
}

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
  private readonly slots: number[];

  /** `header`: the file's header; `amountIds`: the normalizer's, built with the extra columns. */
  constructor(header: readonly string[], amountIds: readonly string[]) {
    const index = (id: string) =>
      header.findIndex((name) => lookupColumn(name ?? "")?.id === id);
    this.statusIndex = index("order_status");
    this.returnedIndex = index("sku_quantity_of_return");
    this.beforeSlot = amountIds.indexOf("sku_subtotal_before_discount");
    this.discountSlot = amountIds.indexOf("sku_seller_discount");
    this.slots = ORDER_SALES_IDS.map((id) => amountIds.lastIndexOf(id));
  }

  /** Fills the row's sales lines from its subtotal, seller discount, status and returned units. */
  apply(view: RowView, cells: readonly CellValue[]): void {
    let before = 0;
    let discount = 0;
    for (let k = 0; k < view.filledCount; k++) {
      const slot = view.filled[k];
      if (slot === this.beforeSlot) before = view.cents[slot];
      else if (slot === this.discountSlot) discount = view.cents[slot];
    }
    // Cancelled (either spelling) and never-paid orders were not sales.
    const cancelled = /^(cancel|unpaid)/i.test(text(cells[this.statusIndex]));
    const quantity = view.quantity;
    const returned = Math.min(
      Number(text(cells[this.returnedIndex])) || 0,
      quantity,
    );
    let refundedGross = 0;
    let refundedDiscount = 0;
    if (cancelled) {
      refundedGross = before;
      refundedDiscount = discount;
    } else if (returned > 0 && quantity > 0) {
      refundedGross = share(before, returned, quantity);
      refundedDiscount = share(discount, returned, quantity);
    }
    // The export writes discounts as positive amounts taken off the price; a statement, as negatives.
    const lines = [
      before,
      -Math.abs(discount),
      -refundedGross,
      Math.abs(refundedDiscount),
    ];
    for (let i = 0; i < lines.length; i++) {
      const slot = this.slots[i];
      if (slot < 0 || lines[i] === 0) continue;
      view.cents[slot] = lines[i];
      view.filled[view.filledCount++] = slot;
    }
  }
}
