/**
 * Which columns every export of a layout has, among those the functions read. A function reading a
 * range that lacks one (a range cut short, a deleted column) would answer a 0 that means "not read",
 * so it is refused, naming the column. A column only some exports have (a newer fee, an FBT fee, or
 * Transaction fee, which newer files drop) may be absent: the export has no such amount, its figure is 0.
 */
import { layoutSpec } from './layouts';
import { columnById, lookupColumn } from './catalog';
import type { CellValue, LayoutId } from '../types';

const SALES = 'gross_sales gross_sales_refund seller_discount seller_discount_refund';
const FEES = 'fees referral_fee affiliate_commission';
const COSTED = 'quantity sku_id order_created_date';
const PNL = `net_sales ${SALES} shipping ${FEES} adjustment_amount`;
/** An order export's sales are worked out from these (order-export-sales.ts). */
const ORDER_SALES = 'sku_subtotal_before_discount order_amount order_refund_amount sku_quantity_of_return';

/** Catalog ids, space-separated. The ledger writes only amount columns with a value: only its fixed ones are always there. */
const ALWAYS: Partial<Record<LayoutId, string>> = {
  ledger: COSTED,
  statement: `${PNL} ${COSTED}`,
  income: `net_sales ${SALES} fees affiliate_commission adjustment_amount order_created_time`,
  onhold: 'net_sales gross_sales fees quantity sku_id',
  'pnl-orders': `${SALES} referral_fee affiliate_commission ${COSTED}`,
  'pnl-adjustments': 'adjustment_amount',
  'order-export': `${COSTED} ${ORDER_SALES} sku_seller_discount`,
};

/** What the functions' figures read: catalog ids, space-separated. */
export const NEEDS = {
  gross: `gross_sales gross_sales_refund ${ORDER_SALES}`,
  net: `net_sales ${SALES} ${ORDER_SALES} sku_seller_discount`,
  fees: FEES,
  /** A row's month: its order date (the statement date only for rows without one). */
  month: 'order_created_date order_created_time',
  /** What a row's COGS is worked out from. */
  costed: COSTED,
  pnl: PNL,
};

/**
 * The message refusing a range whose header lacks a column of `needs` (ids, space-separated) that
 * every export of its layout has, or '' when none is missing. `where`: the range, as the seller knows it.
 */
export function missingColumnMessage(
  header: readonly CellValue[],
  layout: LayoutId,
  needs: string,
  where: string,
): string {
  const always = (ALWAYS[layout] || '').split(' ');
  const present = header.map((cell) => lookupColumn(String(cell))?.id);
  const missing = needs.split(' ').find((id) => always.includes(id) && !present.includes(id));
  if (!missing) return '';
  // A range whose last cell is a header (no blank column after it) may stop short of the export's last column.
  const last = String(header[header.length - 1] || '').trim();
  const fix = last
    ? `it ends at *${last}*: widen it to the export's last column (e.g. Statement!A:BL), or put the column back`
    : 'put the column back';
  return `${where} has no *${columnById(missing).label}* column, which every ${layoutSpec(layout).name} has: ${fix}.`;
}
