/**
 * The legacy Income export counts `Seller shipping fee` inside `Total fees` (statements keep
 * `Shipping` apart). TTS_FEES lists it as a fee line so its Total fees equals the file's own
 * column; the P&L keeps shipping in its own line for every layout.
 */
import { ancestorsOf } from "../read/catalog";
import type { LedgerRow } from "../types";

export const SELLER_SHIPPING_FEE_LABEL = "Seller shipping fee";

const INSIDE_SELLER_SHIPPING = new Set<string>();
function isUnderSellerShipping(id: string): boolean {
  if (INSIDE_SELLER_SHIPPING.has(id)) return true;
  if (!ancestorsOf(id).includes("seller_shipping_fee")) return false;
  INSIDE_SELLER_SHIPPING.add(id);
  return true;
}

/** The row's seller shipping fee when its file counts it inside Total fees (else 0). */
export function shippingInsideFees(row: LedgerRow): number {
  const own = row.amounts.seller_shipping_fee;
  if (own !== undefined) return own;
  let cents = 0;
  for (const id in row.amounts)
    if (isUnderSellerShipping(id)) cents += row.amounts[id];
  return cents;
}
