/**
 * The column catalog: every column TTS Profit knows in TikTok Shop US finance exports (and the
 * add-on's own ledger), in ONE table. Layout detection, normalization, reconciliation and P&L
 * read this table; no other module names a column. A new column is one new row here.
 *
 * Tree: `parent` names the subtotal a column rolls into. When a file lacks that subtotal the
 * nearest present ancestor takes its place (legacy `Subtotal before discounts` → `Subtotal after
 * seller discounts` → `Total revenue`; in a statement file `Gross sales` → `Net sales`).
 * Subtotals are never added to their children.
 */
import { ADS_COLUMNS } from './ads-catalog';
import { ROW_FIELDS } from './row-fields';
import type { LayoutId } from '../types';

export type { RowField } from './row-fields';

export type { ColumnDef, ColumnKind, FeeCategory, PnlLine } from './column-def';
import type { ColumnDef, ColumnKind, FeeCategory } from './column-def';

type Extra = Omit<ColumnDef, 'id' | 'label' | 'spellings' | 'kind'> & { also?: string[] };

function col(id: string, label: string, kind: ColumnKind, extra: Extra = {}): ColumnDef {
  const { also, ...rest } = extra;
  return { id, label, spellings: [label, ...(also ?? [])], kind, ...rest };
}

const ST: LayoutId[] = ['statement'];
const LEG: LayoutId[] = ['income'];
const OH: LayoutId[] = ['onhold'];
const PNL: LayoutId[] = ['pnl-orders'];
const ADJ: LayoutId[] = ['pnl-adjustments'];
const OX: LayoutId[] = ['order-export'];
const LD: LayoutId[] = ['ledger'];

const fee = (id: string, label: string, feeCategory: FeeCategory, extra: Extra = {}) =>
  col(id, label, 'money', { pnl: 'fees', parent: 'fees', feeCategory, ...extra });
const ship = (id: string, label: string, extra: Extra = {}) =>
  col(id, label, 'money', { pnl: 'shipping', parent: 'shipping', feeCategory: 'Shipping', ...extra });
const info = (id: string, label: string, extra: Extra = {}) =>
  col(id, label, 'info-money', { pnl: 'info', ...extra });
const text = (id: string, label: string, extra: Extra = {}) => col(id, label, 'text', extra);

export const COLUMNS: readonly ColumnDef[] = [
  // ── The add-on's own ledger tab ──────────────────────────────────────────────────────────
  col('ledger_key', 'Key', 'id', { field: 'key', layouts: LD }),
  col('import_id', 'Import ID', 'id', { field: 'importId', layouts: LD }),
  text('source_file', 'Source file', { field: 'sourceFile', layouts: LD }),
  col('source_row', 'Source row', 'quantity', { field: 'sourceRow', layouts: LD }),
  text('layout', 'Layout', { field: 'layout', layouts: LD }),

  // ── Identity and descriptive columns ─────────────────────────────────────────────────────
  col('statement_date', 'Statement date (UTC)', 'date', {
    field: 'statementDate',
    also: ['Statement date', 'Statement time'],
    layouts: ST,
  }),
  col('statement_id', 'Statement ID', 'id', {
    field: 'statementId',
    also: ['linked statement id'],
    layouts: ST,
  }),
  col('payment_id', 'Payment ID', 'id', { layouts: ST }),
  text('status', 'Status', { layouts: ST }),
  text('currency', 'Currency', { field: 'currency' }),
  text('type', 'Type', { field: 'type', also: ['Adjustment Type'] }),
  col('order_adjustment_id', 'Order/adjustment ID', 'id', {
    field: 'orderId',
    also: ['Order ID', 'Adjustment ID', 'Order/Adjustment ID'],
  }),
  col('sku_id', 'SKU ID', 'id', { field: 'skuId' }),
  col('quantity', 'Quantity', 'quantity', { field: 'quantity', also: ['Sold Quantity'] }),
  text('product_name', 'Product name', { field: 'productName' }),
  text('sku_name', 'SKU name', { field: 'skuName', also: ['Variation'] }),
  col('order_created_date', 'Order created date', 'date', {
    field: 'orderDate',
    also: ['Order paid date', 'Order date', 'Created Time', 'Order create time'],
  }),
  // On-hold: when the transaction was created; the order's own date wins when the file has both.
  col('creation_date', 'Creation date', 'date', { field: 'orderDate', layouts: OH }),
  col('order_shipment_date', 'Order shipment date', 'date', { layouts: OH }),
  col('order_delivery_date', 'Order delivery date', 'date', { layouts: ST }),
  col('related_order_id', 'Related order ID', 'id', {
    field: 'relatedOrderId',
    also: ['Associated order ID'],
  }),
  text('adjustment_reason', 'Adjustment reason', { detail: true }),
  text('collection_methods', 'Collection methods', { layouts: ST }),
  text('delivery_option', 'Delivery option', {}),
  text('signature_confirmation_service_fee_type', 'Signature confirmation service fee type', { layouts: ST }),

  // ── Settlement and revenue ───────────────────────────────────────────────────────────────
  col('total_settlement_amount', 'Total settlement amount', 'money', { pnl: 'settlement' }),
  col('total_estimated_settlement_amount', 'Total estimated settlement amount', 'money', {
    pnl: 'settlement',
    layouts: OH,
  }),
  col('order_income', 'Order Income', 'money', { pnl: 'settlement', layouts: PNL }),
  col('net_sales', 'Net sales', 'money', {
    pnl: 'net_sales',
    isSubtotal: true,
    also: ['Total revenue', 'Net sales amount'],
  }),
  col('subtotal_after_seller_discounts', 'Subtotal after seller discounts', 'money', {
    pnl: 'net_sales',
    isSubtotal: true,
    parent: 'net_sales',
    layouts: LEG,
  }),
  col('refund_subtotal_after_seller_discounts', 'Refund subtotal after seller discounts', 'money', {
    pnl: 'refunds',
    isSubtotal: true,
    parent: 'net_sales',
    layouts: LEG,
  }),
  col('gross_sales', 'Gross sales', 'money', {
    pnl: 'gross_sales',
    parent: 'subtotal_after_seller_discounts',
    grossSales: true,
    also: ['Subtotal before discounts'],
  }),
  col('gross_sales_refund', 'Gross sales refund', 'money', {
    pnl: 'refunds',
    parent: 'refund_subtotal_after_seller_discounts',
    grossSales: true,
    also: ['Refund subtotal before seller discounts'],
  }),
  // Only an order export tells a refund without a return (`Sku Quantity of return`): order-export-sales.ts.
  col('gross_sales_refund_goods_kept', 'Gross sales refund (goods not returned)', 'money', {
    pnl: 'refunds',
    parent: 'refund_subtotal_after_seller_discounts',
    grossSales: true,
    goodsKept: true,
    layouts: OX,
  }),
  col('seller_discount', 'Seller discount', 'money', {
    pnl: 'seller_discounts',
    parent: 'subtotal_after_seller_discounts',
    also: ['Seller discounts'],
  }),
  col('seller_discount_refund', 'Seller discount refund', 'money', {
    pnl: 'refunds',
    parent: 'refund_subtotal_after_seller_discounts',
    also: ['Refund of seller discounts'],
  }),

  // ── Shipping (statement `Shipping`; legacy `Seller shipping fee`, inside `Total fees`) ────
  col('shipping', 'Shipping', 'money', { pnl: 'shipping', isSubtotal: true, feeCategory: 'Shipping' }),
  col('seller_shipping_fee', 'Seller shipping fee', 'money', {
    pnl: 'shipping',
    isSubtotal: true,
    parent: 'fees',
    feeCategory: 'Shipping',
    layouts: LEG,
  }),
  ship('unrecognised_shipping', 'Other shipping (unrecognised)'),
  ship('tiktok_shop_shipping_fee', 'TikTok Shop shipping fee'),
  ship('fbt_shipping_fee', 'Fulfilled by TikTok Shop (FBT) shipping fee', {
    also: ['Fulfilled by TikTok Shop shipping fee'],
    feeCategory: 'Fulfillment (FBT)',
  }),
  ship('fbt_fulfillment_fee', 'FBT fulfillment fee', { feeCategory: 'Fulfillment (FBT)' }),
  ship('fbt_fulfillment_fee_reimbursement', 'FBT fulfillment fee reimbursement', {
    feeCategory: 'Fulfillment (FBT)',
    since: 2025,
  }),
  ship('fbt_overall_merchant_subsidy', 'FBT overall merchant subsidy', {
    feeCategory: 'Fulfillment (FBT)',
    since: 2026,
  }),
  ship('customer_shipping_fee_offset', 'Customer shipping fee offset'),
  ship('limited_time_signup_shipping_incentive', 'Limited-time sign up shipping incentive'),
  ship('signature_confirmation_service_fee', 'Signature confirmation service fee'),
  ship('shipping_insurance_fee', 'Shipping insurance fee'),
  ship('customer_paid_shipping_fee', 'Customer-paid shipping fee'),
  ship('customer_paid_shipping_fee_refund', 'Customer-paid shipping fee refund'),
  ship('tiktok_shop_shipping_incentive', 'TikTok Shop shipping incentive'),
  ship('tiktok_shop_shipping_incentive_refund', 'TikTok Shop shipping incentive refund'),
  ship('shipping_fee_subsidy', 'Shipping fee subsidy', { also: ['Shipping subsidy'] }),
  ship('return_shipping_fee', 'Return shipping fee'),
  ship('return_shipping_label_fee', 'Return shipping label fee', { layouts: PNL }),
  ship('shipping_fee_discount', 'Shipping fee discount', { layouts: PNL }),
  ship('actual_shipping_fee', 'Actual shipping fee', { parent: 'seller_shipping_fee', layouts: LEG }),
  ship('platform_shipping_fee_discount', 'Platform shipping fee discount', {
    parent: 'seller_shipping_fee',
    layouts: LEG,
  }),
  ship('customer_shipping_fee', 'Customer shipping fee', { parent: 'seller_shipping_fee', layouts: LEG }),
  ship('refund_customer_shipping_fee', 'Refund customer shipping fee', {
    parent: 'seller_shipping_fee',
    also: ['Refunded customer shipping fee'],
    layouts: LEG,
  }),
  ship('actual_return_shipping_fee', 'Actual return shipping fee', {
    parent: 'seller_shipping_fee',
    layouts: LEG,
  }),
  ship('distance_shipping_fee', 'Distance shipping fee from Horizon program'),
  ship('fee_for_fbt_free_shipping', 'Fee for FBT free shipping', {
    feeCategory: 'Fulfillment (FBT)',
    layouts: OH,
  }),
  ship('return_shipping_fee_reimbursement', 'Return shipping fee reimbursement', { layouts: OH }),

  // ── Fees (statement `Fees`; legacy `Total fees`) ─────────────────────────────────────────
  col('fees', 'Fees', 'money', { pnl: 'fees', isSubtotal: true, also: ['Total fees'] }),
  // Amount columns TTS Profit does not know, found under `Fees` / `Shipping` in the header
  // (unrecognised-money.ts): summed here so the parent's total never loses them.
  fee('unrecognised_fees', 'Other fees (unrecognised)', 'Services'),
  fee('transaction_fee', 'Transaction fee', 'TikTok fees'),
  fee('referral_fee', 'Referral fee', 'TikTok fees'),
  fee('tiktok_shop_commission_fee', 'TikTok Shop commission fee', 'TikTok fees', {
    also: ['Platform commission fee'],
    layouts: LEG,
  }),
  fee('refund_administration_fee', 'Refund administration fee', 'TikTok fees'),
  fee('sales_tax_on_referral_fees', 'Sales tax on referral fees', 'Fee tax', { since: 2025 }),
  fee('affiliate_commission', 'Affiliate commission', 'Affiliate'),
  // On-hold exports estimate the commission before the order settles.
  fee('est_affiliate_commission', 'Est. affiliate commission', 'Affiliate', { layouts: OH }),
  fee('affiliate_partner_commission', 'Affiliate partner commission', 'Affiliate'),
  fee('affiliate_shop_ads_commission', 'Affiliate Shop Ads commission', 'Affiliate', { since: 2025 }),
  fee('affiliate_partner_shop_ads_commission', 'Affiliate Partner shop ads commission', 'Affiliate', {
    since: 2025,
  }),
  fee('affiliate_commission_deposit', 'Affiliate commission deposit', 'Affiliate'),
  fee('affiliate_commission_refund', 'Affiliate commission refund', 'Affiliate'),
  fee(
    'affiliate_commission_before_pit',
    'Affiliate commission before PIT (personal income tax)',
    'Affiliate',
  ),
  fee('tiktok_shop_partner_commission', 'TikTok Shop Partner commission', 'Services'),
  fee('cofunded_promotion_seller_funded', 'Co-funded promotion (seller-funded)', 'Promotions & campaigns', {
    since: 2025,
  }),
  fee(
    'cofunded_promotion_campaign_period_fee',
    'Co-funded Promotion campaign period fee',
    'Promotions & campaigns',
    {
      since: 2025,
    },
  ),
  fee('campaign_service_fee', 'Campaign service fee', 'Promotions & campaigns', { since: 2025 }),
  fee('campaign_resource_fee', 'Campaign resource fee', 'Promotions & campaigns'),
  fee('smart_promotion_fee', 'Smart Promotion fee', 'Promotions & campaigns', { since: 2025 }),
  fee('smart_promotion_fee_tax', 'Smart Promotion fee tax', 'Fee tax', { since: 2025 }),
  fee(
    'smart_promotion_campaign_period_fee',
    'Smart Promotion campaign period fee',
    'Promotions & campaigns',
    {
      since: 2025,
    },
  ),
  fee('managed_service_plan_per_order_fee', 'Managed service plan (Per order fee)', 'Services'),
  fee('managed_service_plan_sales_tax', 'Managed service plan (Sales tax)', 'Fee tax'),
  fee('gmv_max_ad_fee', 'GMV Max ad fee', 'Ads'),
  fee('gmv_max_coupon', 'GMV Max Coupon', 'Ads'),
  fee('sfp_service_fee', 'SFP service fee', 'Promotions & campaigns'),
  fee('bonus_cashback_service_fee', 'Bonus cashback service fee', 'Promotions & campaigns'),
  fee('live_specials_service_fee', 'LIVE Specials service fee', 'Promotions & campaigns'),
  fee('voucher_xtra_service_fee', 'Voucher Xtra service fee', 'Promotions & campaigns'),
  fee('eams_program_service_fee', 'EAMS Program service fee', 'Affiliate'),
  fee('flash_sale_service_fee', 'Flash Sale service fee', 'Promotions & campaigns'),
  fee('pre_order_service_fee', 'Pre-order service fee', 'Services'),
  fee('mall_service_fee', 'Mall service fee', 'Services'),
  fee('commerce_growth_fee', 'Commerce growth fee', 'Promotions & campaigns'),
  fee('tiktok_paylater_program_fee', 'TikTok PayLater program fee', 'Services'),
  fee('credit_card_installment_handling_fee', 'Credit card installment - Handling fee', 'Services'),
  fee('shipping_service_fee', 'Shipping service fee', 'Services'),
  fee('order_processing_fee', 'Order processing fee', 'Services', { also: ['Infrastructure fee'] }),
  fee('dynamic_commission', 'Dynamic commission', 'TikTok fees'),
  fee('fee_per_item_sold', 'Fee per item sold', 'TikTok fees'),
  fee('epr_pay_on_behalf_service_fee', 'EPR pay on behalf service fee', 'Services'),
  fee('distance_item_fee', 'Distance item fee from Horizon+ Program', 'Services'),
  fee('gst', 'GST', 'Withholding tax', { layouts: LEG }),
  fee('sst', 'SST', 'Withholding tax'),
  fee('vat_withheld', 'VAT withheld by TikTok Shop', 'Withholding tax'),
  fee('vat', 'VAT', 'Fee tax', { layouts: OH }),
  fee('pit_withheld', 'PIT withheld by TikTok Shop', 'Withholding tax'),
  fee('article22_income_tax_withheld', 'Article 22 income tax withheld', 'Withholding tax'),

  // ── Adjustments ──────────────────────────────────────────────────────────────────────────
  col('adjustment_amount', 'Adjustment amount', 'money', { pnl: 'adjustments', also: ['Ajustment amount'] }),
  col('adjustment_create_time', 'Adjustment create time', 'date', { layouts: ADJ }),
  col('adjustment_settlement_time', 'Adjustment settlement time', 'date', {
    field: 'statementDate',
    layouts: ADJ,
  }),
  col('order_settled_date', 'Order settled date', 'date', {
    field: 'statementDate',
    also: ['Order settled time(UTC)', 'Order settled time'],
  }),
  col('order_created_time', 'Order created time(UTC)', 'date', {
    field: 'orderDate',
    also: ['Order created time'],
    layouts: LEG,
  }),

  // ── Informational amounts: never part of settlement ──────────────────────────────────────
  info('customer_payment', 'Customer payment'),
  info('customer_refund', 'Customer refund'),
  info('seller_cofunded_voucher_discount', 'Seller co-funded voucher discount'),
  info('seller_cofunded_voucher_discount_refund', 'Seller co-funded voucher discount refund', {
    also: ['Refund of seller co-funded voucher discount'],
  }),
  info('platform_discounts', 'Platform discounts'),
  info('platform_discounts_refund', 'Platform discounts refund', { also: ['Refund of platform discounts'] }),
  info('platform_cofunded_voucher_discounts', 'Platform co-funded voucher discounts'),
  info('platform_cofunded_voucher_discounts_refund', 'Platform co-funded voucher discounts refund', {
    also: ['Refund of platform co-funded voucher discounts'],
  }),
  // Listed among the informational columns of the 2024 statement, after the voucher columns.
  info('ads_referral_fee_discount', 'Ads referral fee discount'),
  info('sales_tax_payment', 'Sales tax payment', { pnl: 'tax_passthrough' }),
  info('sales_tax_refund', 'Sales tax refund', { pnl: 'tax_passthrough' }),
  info('retail_delivery_fee_payment', 'Retail delivery fee payment', { pnl: 'tax_passthrough' }),
  info('retail_delivery_fee_refund', 'Retail delivery fee refund', { pnl: 'tax_passthrough' }),
  // Already netted into Customer-paid shipping fee / TikTok Shop shipping fee.
  info('customer_paid_shipping_fee_before_discounts', 'Customer-paid shipping fee before discounts'),
  info('seller_shipping_fee_discount', 'Seller shipping fee discount'),
  info('tiktok_shop_shipping_fee_discount_to_customer', 'TikTok Shop shipping fee discount to customer'),
  // P&L report: the seller's own product cost and TikTok's margin figure.
  info('order_cost', 'Order Cost', { layouts: PNL }),
  info('net_order_margin', 'Net Order Margin', { layouts: PNL }),

  // ── Weights ──────────────────────────────────────────────────────────────────────────────
  col('estimated_chargeable_package_weight', 'Estimated chargeable package weight', 'weight'),
  col('chargeable_package_weight', 'Chargeable package weight', 'weight'),
  col('fbt_chargeable_goods_weight', 'FBT Chargeable goods weight', 'weight'),
  col('estimated_package_weight', 'Estimated package weight', 'weight'),
  col('weight_kg', 'Weight(kg)', 'weight', { layouts: OX }),

  // ── On-hold export ───────────────────────────────────────────────────────────────────────
  text('estimated_settle_time', 'Estimated Settle time', { detail: true, layouts: OH }),
  text('unsettled_reasons', 'unsettled reasons', { detail: true, layouts: OH }),
  text('shipping_fee_discount_mode', 'Mode of TikTok Shop shipping fee discount to customer', {
    layouts: OH,
  }),
  text('order_content_source', 'Order content source', { layouts: OH }),

  // ── P&L report (Orders, Adjustment) ──────────────────────────────────────────────────────
  col('linked_payout_id', 'linked payout id', 'id', {
    detail: true,
    also: ['llinked payout id'],
    layouts: PNL,
  }),
  text('order_status', 'Order status', { detail: true }),
  text('sample_order_type', 'Sample order type', { field: 'sampleType', layouts: [...PNL, ...ST, ...LD] }),

  // ── Reserve sheet and payment table of the statement workbook ────────────────────────────
  col('reserve_transaction_id', 'Reserve transaction ID', 'id'),
  info('reserve_amount', 'Reserve amount'),
  col('expected_release_time', 'Expected release time', 'date'),
  col('payment_initiation_date', 'Payment initiation date (UTC)', 'date'),
  info('payment_amount', 'Payment amount'),
  col('payment_completion_date', 'Payment completion date (UTC)', 'date'),

  // ── Seller Center order export (OrderSKUList) ────────────────────────────────────────────
  text('order_substatus', 'Order Substatus', { layouts: OX }),
  text('cancelation_return_type', 'Cancelation/Return Type', { layouts: OX }),
  text('normal_or_preorder', 'Normal or Pre-order', { layouts: OX }),
  text('seller_sku', 'Seller SKU', { field: 'sellerSku' }),
  col('sku_quantity_of_return', 'Sku Quantity of return', 'quantity', { layouts: OX }),
  info('sku_unit_original_price', 'SKU Unit Original Price', { layouts: OX }),
  info('sku_subtotal_before_discount', 'SKU Subtotal Before Discount', { layouts: OX }),
  info('sku_platform_discount', 'SKU Platform Discount', { layouts: OX }),
  info('sku_seller_discount', 'SKU Seller Discount', { layouts: OX }),
  info('sku_subtotal_after_discount', 'SKU Subtotal After Discount', { layouts: OX }),
  info('shipping_fee_after_discount', 'Shipping Fee After Discount', { layouts: OX }),
  info('original_shipping_fee', 'Original Shipping Fee', { layouts: OX }),
  info('shipping_fee_seller_discount', 'Shipping Fee Seller Discount', { layouts: OX }),
  info('shipping_fee_platform_discount', 'Shipping Fee Platform Discount', { layouts: OX }),
  info('payment_platform_discount', 'Payment platform discount', { layouts: OX }),
  info('retail_delivery_fee', 'Retail Delivery Fee', { pnl: 'tax_passthrough', layouts: OX }),
  info('taxes', 'Taxes', { pnl: 'tax_passthrough', layouts: OX }),
  info('order_amount', 'Order Amount', { layouts: OX }),
  info('order_refund_amount', 'Order Refund Amount', { layouts: OX }),
  col('paid_time', 'Paid Time', 'date', { layouts: OX }),
  col('rts_time', 'RTS Time', 'date', { layouts: OX }),
  col('shipped_time', 'Shipped Time', 'date', { layouts: OX }),
  col('delivered_time', 'Delivered Time', 'date', { layouts: OX }),
  col('cancelled_time', 'Cancelled Time', 'date', { layouts: OX }),
  text('cancel_by', 'Cancel By', { layouts: OX }),
  text('cancel_reason', 'Cancel Reason', { layouts: OX }),
  text('fulfillment_type', 'Fulfillment Type', { layouts: OX }),
  text('warehouse_name', 'Warehouse Name', { layouts: OX }),
  col('tracking_id', 'Tracking ID', 'id', { layouts: OX }),
  text('delivery_option_type', 'Delivery Option Type', { layouts: OX }),
  text('shipping_provider_name', 'Shipping Provider Name', { layouts: OX }),
  text('buyer_message', 'Buyer Message', { layouts: OX }),
  text('buyer_username', 'Buyer Username', { layouts: OX }),
  text('recipient', 'Recipient', { layouts: OX }),
  text('phone', 'Phone #', { layouts: OX }),
  text('country', 'Country', { layouts: OX }),
  text('state', 'State', { layouts: OX }),
  text('city', 'City', { layouts: OX }),
  text('zipcode', 'Zipcode', { layouts: OX }),
  text('detail_address', 'Detail Address', { layouts: OX }),
  text('additional_address_information', 'Additional address information', { layouts: OX }),
  text('house_name_or_number', 'House Name or Number', { layouts: OX }),
  text('delivery_instruction', 'Delivery Instruction', { layouts: OX }),
  text('payment_method', 'Payment Method', { layouts: OX }),
  text('product_category', 'Product Category', { layouts: OX }),
  col('package_id', 'Package ID', 'id', { layouts: OX }),
  text('seller_note', 'Seller Note', { layouts: OX }),
  text('shipping_information', 'Shipping Information', { layouts: OX }),

  // ── Ad reports (Ads Manager, GMV Max): their own module ──────────────────────────────────
  ...ADS_COLUMNS,
];

/**
 * Header text → lookup key: trimmed, lower-case, internal runs of spaces collapsed, full-width
 * parentheses as ASCII, no space before `(` or after `(` / before `)`.
 */
export function headerKey(header: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < header.length; i++) {
    let c = header.charCodeAt(i);
    if (c === 0xff08) c = 40;
    else if (c === 0xff09) c = 41;
    if (c === 32 || c === 9 || c === 160 || c === 0x3000 || c === 10 || c === 13 || c === 0xfeff) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace && c !== 40 && c !== 41 && out.charCodeAt(out.length - 1) !== 40) out += ' ';
    pendingSpace = false;
    out += String.fromCharCode(c);
  }
  return out.toLowerCase();
}

const BY_KEY = new Map<string, ColumnDef>();
const BY_ID = new Map<string, ColumnDef>();
for (const def of COLUMNS) {
  if (BY_ID.has(def.id)) throw new Error(`Column catalog: duplicate id ${def.id}`);
  BY_ID.set(def.id, def);
  for (const spelling of def.spellings) {
    const key = headerKey(spelling);
    const clash = BY_KEY.get(key);
    if (clash && clash !== def)
      throw new Error(`Column catalog: "${spelling}" belongs to ${clash.id} and ${def.id}`);
    BY_KEY.set(key, def);
  }
}
for (const def of COLUMNS) {
  if (def.parent && !BY_ID.has(def.parent))
    throw new Error(`Column catalog: ${def.id} has unknown parent ${def.parent}`);
  if (def.field && ROW_FIELDS[def.field].kind !== def.kind) {
    throw new Error(
      `Column catalog: ${def.id} is ${def.kind} but fills ${def.field}, a ${ROW_FIELDS[def.field].kind} field`,
    );
  }
}

/** The catalog entry for a header as written in a file, or undefined when unknown. */
export function lookupColumn(header: string): ColumnDef | undefined {
  return BY_KEY.get(headerKey(header));
}

/** The catalog entry with this id (throws on an unknown id: ids are code, not input). */
export function columnById(id: string): ColumnDef {
  const def = BY_ID.get(id);
  if (!def) throw new Error(`Unknown column id ${id}`);
  return def;
}

export function findColumnById(id: string): ColumnDef | undefined {
  return BY_ID.get(id);
}

/** Money columns that take part in settlement (not informational, not the settlement itself). */
export function isComponent(def: ColumnDef): boolean {
  return def.kind === 'money' && def.pnl !== undefined && def.pnl !== 'settlement' && def.pnl !== 'info';
}

/** Ancestors of a column, nearest first. */
export function ancestorsOf(id: string): string[] {
  const out: string[] = [];
  let parent = BY_ID.get(id)?.parent;
  while (parent) {
    out.push(parent);
    parent = BY_ID.get(parent)?.parent;
  }
  return out;
}

/** Known spellings closest to `name` (edit distance), for "did you mean" messages. */
export function closestColumns(name: string, n = 3): string[] {
  const target = headerKey(name);
  const scored: { label: string; distance: number }[] = [];
  for (const def of COLUMNS) {
    let best = Infinity;
    for (const spelling of def.spellings) best = Math.min(best, editDistance(target, headerKey(spelling)));
    scored.push({ label: def.label, distance: best });
  }
  scored.sort((a, b) => a.distance - b.distance || a.label.localeCompare(b.label));
  const limit = Math.max(2, Math.ceil(target.length / 3));
  return scored
    .filter((s) => s.distance <= limit)
    .slice(0, n)
    .map((s) => s.label);
}

function editDistance(a: string, b: string): number {
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}
