/**
 * The legacy Income export counts `Seller shipping fee` inside `Total fees` (statements keep
 * `Shipping` apart). TTS_FEES lists it as a fee line so its Total fees equals the file's own
 * column; the P&L keeps shipping in its own line for every layout.
 */
import { ancestorsOf } from '../read/catalog';
import type { RowView } from '../read/row-view';
import type { LedgerRow } from '../types';

export const SELLER_SHIPPING_FEE_LABEL = 'Seller shipping fee';

const INSIDE_SELLER_SHIPPING = new Set<string>();
function isUnderSellerShipping(id: string): boolean {
  if (INSIDE_SELLER_SHIPPING.has(id)) return true;
  if (!ancestorsOf(id).includes('seller_shipping_fee')) return false;
  INSIDE_SELLER_SHIPPING.add(id);
  return true;
}

/** The row's seller shipping fee when its file counts it inside Total fees (else 0). */
export function shippingInsideFees(row: LedgerRow): number {
  const own = row.amounts.seller_shipping_fee;
  if (own !== undefined) return own;
  let cents = 0;
  for (const id in row.amounts) if (isUnderSellerShipping(id)) cents += row.amounts[id];
  return cents;
}

/** Per file (its amount slots): -1 for the seller shipping fee itself, 1 for a column under it, else 0. */
const SHIPPING_SLOTS = new WeakMap<readonly string[], Int8Array>();

/** {@link shippingInsideFees} for a row view. */
export function shippingInsideFeesView(view: RowView): number {
  let slots = SHIPPING_SLOTS.get(view.amountIds);
  if (slots === undefined) {
    slots = Int8Array.from(view.amountIds, (id) =>
      id === 'seller_shipping_fee' ? -1 : isUnderSellerShipping(id) ? 1 : 0,
    );
    SHIPPING_SLOTS.set(view.amountIds, slots);
  }
  let own: number | undefined;
  let cents = 0;
  for (let k = 0; k < view.filledCount; k++) {
    const slot = view.filled[k];
    if (slots[slot] === -1) own = view.cents[slot];
    else if (slots[slot] === 1) cents += view.cents[slot];
  }
  return own ?? cents;
}
