/**
 * What the catalog knows of one column. Apart from the catalog itself so that other column
 * tables (the ad reports') can share the shape without importing the catalog that lists them.
 */
import type { RowField } from './row-fields';
import type { LayoutId } from '../types';

export type ColumnKind = 'id' | 'date' | 'text' | 'money' | 'quantity' | 'weight' | 'info-money' | 'rate';

export type PnlLine =
  | 'gross_sales'
  | 'seller_discounts'
  | 'refunds'
  | 'net_sales'
  | 'shipping'
  | 'fees'
  | 'adjustments'
  | 'settlement'
  | 'tax_passthrough'
  | 'info';

export type FeeCategory =
  | 'TikTok fees'
  | 'Affiliate'
  | 'Promotions & campaigns'
  | 'Ads'
  | 'Services'
  | 'Fee tax'
  | 'Withholding tax'
  | 'Shipping'
  | 'Fulfillment (FBT)';

export interface ColumnDef {
  id: string;
  /** TikTok's header text (the ledger writes this label). */
  label: string;
  /** Every header spelling seen, label included. */
  spellings: string[];
  kind: ColumnKind;
  pnl?: PnlLine;
  feeCategory?: FeeCategory;
  /** The subtotal this column rolls into. */
  parent?: string;
  isSubtotal?: boolean;
  /** Layouts the column is typical of (documentation and the statement-version label). */
  layouts?: LayoutId[];
  field?: RowField;
  /** Part of "gross sales" for the threshold metric (Gross sales and Gross sales refund). */
  grossSales?: boolean;
  /**
   * A refund of goods the buyer kept (refunded without a return): out of sales and units sold,
   * but the goods left for good, so their units still carry COGS.
   */
  goodsKept?: boolean;
  /** Known text kept in `LedgerRow.details` (reasons, statuses); other text is not stored. */
  detail?: boolean;
  /** First year the column appeared in US statement exports (labels 2025–26 statements). */
  since?: number;
}
