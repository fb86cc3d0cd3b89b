/**
 * The column catalog: every column TTS Profit knows in TikTok Shop US finance exports (and the
 * add-on's own ledger), in ONE table. Layout detection, normalization, reconciliation and P&L
 * read this table; no other module names a column. A new column is one new row here: its label
 * (TikTok's header text), kind and what it feeds; its id is the label in snake_case unless given.
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

/** `id`: when the catalog id is not the label in snake_case (see {@link columnId}). */
type Extra = Omit<ColumnDef, 'id' | 'label' | 'spellings' | 'kind'> & { id?: string; also?: string[] };

/** A column's id unless given: its label in snake_case (`Seller discount` → `seller_discount`). */
function columnId(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

function col(label: string, kind: ColumnKind, extra: Extra = {}): ColumnDef {
  const { id = columnId(label), also, ...rest } = extra;
  return { id, label, spellings: [label, ...(also || [])], kind, ...rest };
}

const ST: LayoutId[] = ['statement'];
const LEG: LayoutId[] = ['income'];
const OH: LayoutId[] = ['onhold'];
const PNL: LayoutId[] = ['pnl-orders'];
const ADJ: LayoutId[] = ['pnl-adjustments'];
const OX: LayoutId[] = ['order-export'];
const LD: LayoutId[] = ['ledger'];

const fee = (label: string, feeCategory: FeeCategory, extra: Extra = {}) =>
  col(label, 'money', { pnl: 'fees', parent: 'fees', feeCategory, ...extra });
const ship = (label: string, extra: Extra = {}) =>
  col(label, 'money', { pnl: 'shipping', parent: 'shipping', feeCategory: 'Shipping', ...extra });
const info = (label: string, extra: Extra = {}) => col(label, 'info-money', { pnl: 'info', ...extra });
const promo = (label: string, extra: Extra = {}) => fee(label, 'Promotions & campaigns', extra);
const fbt = (label: string, extra: Extra = {}) => ship(label, { feeCategory: 'Fulfillment (FBT)', ...extra });
/** A legacy Income export's part of its `Seller shipping fee`. */
const legacyShip = (label: string, extra: Extra = {}) =>
  ship(label, { parent: 'seller_shipping_fee', layouts: LEG, ...extra });
/** Sales tax and delivery fees collected from the buyer and passed on to the state. */
const passedOn = (label: string) => info(label, { pnl: 'tax_passthrough' });
const text = (label: string, extra: Extra = {}) => col(label, 'text', extra);
/** The same columns, marked typical of `layouts`: a section of the table only that layout has. */
const typicalOf = (layouts: LayoutId[], defs: ColumnDef[]): ColumnDef[] =>
  defs.map((def) => ({ ...def, layouts }));

export const COLUMNS: readonly ColumnDef[] = [
  // ── The add-on's own ledger tab ──────────────────────────────────────────────────────────
  col('Key', 'id', { id: 'ledger_key', field: 'key', layouts: LD }),
  col('Import ID', 'id', { field: 'importId', layouts: LD }),
  text('Source file', { field: 'sourceFile', layouts: LD }),
  col('Source row', 'quantity', { field: 'sourceRow', layouts: LD }),
  text('Layout', { field: 'layout', layouts: LD }),

  // ── Identity and descriptive columns ─────────────────────────────────────────────────────
  col('Statement date (UTC)', 'date', {
    id: 'statement_date',
    field: 'statementDate',
    also: ['Statement date', 'Statement time'],
    layouts: ST,
  }),
  col('Statement ID', 'id', {
    field: 'statementId',
    also: ['linked statement id'],
    layouts: ST,
  }),
  col('Payment ID', 'id', { layouts: ST }),
  text('Status', { layouts: ST }),
  text('Currency', { field: 'currency' }),
  text('Type', { field: 'type', also: ['Adjustment Type'] }),
  col('Order/adjustment ID', 'id', {
    field: 'orderId',
    also: ['Order ID', 'Adjustment ID', 'Order/Adjustment ID'],
  }),
  col('SKU ID', 'id', { field: 'skuId' }),
  col('Quantity', 'quantity', { field: 'quantity', also: ['Sold Quantity'] }),
  text('Product name', { field: 'productName' }),
  text('SKU name', { field: 'skuName', also: ['Variation'] }),
  col('Order created date', 'date', {
    field: 'orderDate',
    also: ['Order paid date', 'Order date', 'Created Time', 'Order create time'],
  }),
  // On-hold: when the transaction was created; the order's own date wins when the file has both.
  col('Creation date', 'date', { field: 'orderDate', layouts: OH }),
  col('Order shipment date', 'date', { layouts: OH }),
  col('Order delivery date', 'date', { layouts: ST }),
  col('Related order ID', 'id', {
    field: 'relatedOrderId',
    also: ['Associated order ID'],
  }),
  text('Adjustment reason', { detail: true }),
  text('Collection methods', { layouts: ST }),
  text('Delivery option', {}),
  text('Signature confirmation service fee type', { layouts: ST }),

  // ── Settlement and revenue ───────────────────────────────────────────────────────────────
  col('Total settlement amount', 'money', { pnl: 'settlement' }),
  col('Total estimated settlement amount', 'money', {
    pnl: 'settlement',
    layouts: OH,
  }),
  col('Order Income', 'money', { pnl: 'settlement', layouts: PNL }),
  col('Net sales', 'money', {
    pnl: 'net_sales',
    isSubtotal: true,
    also: ['Total revenue', 'Net sales amount'],
  }),
  col('Subtotal after seller discounts', 'money', {
    pnl: 'net_sales',
    isSubtotal: true,
    parent: 'net_sales',
    layouts: LEG,
  }),
  col('Refund subtotal after seller discounts', 'money', {
    pnl: 'refunds',
    isSubtotal: true,
    parent: 'net_sales',
    layouts: LEG,
  }),
  col('Gross sales', 'money', {
    pnl: 'gross_sales',
    parent: 'subtotal_after_seller_discounts',
    grossSales: true,
    also: ['Subtotal before discounts'],
  }),
  col('Gross sales refund', 'money', {
    pnl: 'refunds',
    parent: 'refund_subtotal_after_seller_discounts',
    grossSales: true,
    also: ['Refund subtotal before seller discounts'],
  }),
  // Only an order export tells a refund without a return (`Sku Quantity of return`): order-export-sales.ts.
  col('Gross sales refund (goods not returned)', 'money', {
    id: 'gross_sales_refund_goods_kept',
    pnl: 'refunds',
    parent: 'refund_subtotal_after_seller_discounts',
    grossSales: true,
    goodsKept: true,
    layouts: OX,
  }),
  col('Seller discount', 'money', {
    pnl: 'seller_discounts',
    parent: 'subtotal_after_seller_discounts',
    also: ['Seller discounts'],
  }),
  col('Seller discount refund', 'money', {
    pnl: 'refunds',
    parent: 'refund_subtotal_after_seller_discounts',
    also: ['Refund of seller discounts'],
  }),

  // ── Shipping (statement `Shipping`; legacy `Seller shipping fee`, inside `Total fees`) ────
  col('Shipping', 'money', { pnl: 'shipping', isSubtotal: true, feeCategory: 'Shipping' }),
  col('Seller shipping fee', 'money', {
    pnl: 'shipping',
    isSubtotal: true,
    parent: 'fees',
    feeCategory: 'Shipping',
    layouts: LEG,
  }),
  ship('Other shipping (unrecognised)', { id: 'unrecognised_shipping' }),
  ship('TikTok Shop shipping fee'),
  fbt('Fulfilled by TikTok Shop (FBT) shipping fee', {
    id: 'fbt_shipping_fee',
    also: ['Fulfilled by TikTok Shop shipping fee'],
  }),
  fbt('FBT fulfillment fee'),
  fbt('FBT fulfillment fee reimbursement', {
    since: 2025,
  }),
  fbt('FBT overall merchant subsidy', {
    since: 2026,
  }),
  ship('Customer shipping fee offset'),
  ship('Limited-time sign up shipping incentive', { id: 'limited_time_signup_shipping_incentive' }),
  ship('Signature confirmation service fee'),
  ship('Shipping insurance fee'),
  ship('Customer-paid shipping fee'),
  ship('Customer-paid shipping fee refund'),
  ship('TikTok Shop shipping incentive'),
  ship('TikTok Shop shipping incentive refund'),
  ship('Shipping fee subsidy', { also: ['Shipping subsidy'] }),
  ship('Return shipping fee'),
  ship('Return shipping label fee', { layouts: PNL }),
  ship('Shipping fee discount', { layouts: PNL }),
  legacyShip('Actual shipping fee'),
  legacyShip('Platform shipping fee discount'),
  legacyShip('Customer shipping fee'),
  legacyShip('Refund customer shipping fee', { also: ['Refunded customer shipping fee'] }),
  legacyShip('Actual return shipping fee'),
  ship('Distance shipping fee from Horizon program', { id: 'distance_shipping_fee' }),
  fbt('Fee for FBT free shipping', {
    layouts: OH,
  }),
  ship('Return shipping fee reimbursement', { layouts: OH }),

  // ── Fees (statement `Fees`; legacy `Total fees`) ─────────────────────────────────────────
  col('Fees', 'money', { pnl: 'fees', isSubtotal: true, also: ['Total fees'] }),
  // Amount columns TTS Profit does not know, found under `Fees` / `Shipping` in the header
  // (unrecognised-money.ts): summed here so the parent's total never loses them.
  fee('Other fees (unrecognised)', 'Services', { id: 'unrecognised_fees' }),
  fee('Transaction fee', 'TikTok fees'),
  fee('Referral fee', 'TikTok fees'),
  fee('TikTok Shop commission fee', 'TikTok fees', {
    also: ['Platform commission fee'],
    layouts: LEG,
  }),
  fee('Refund administration fee', 'TikTok fees'),
  fee('Sales tax on referral fees', 'Fee tax', { since: 2025 }),
  fee('Affiliate commission', 'Affiliate'),
  // On-hold exports estimate the commission before the order settles.
  fee('Est. affiliate commission', 'Affiliate', { layouts: OH }),
  fee('Affiliate partner commission', 'Affiliate'),
  fee('Affiliate Shop Ads commission', 'Affiliate', { since: 2025 }),
  fee('Affiliate Partner shop ads commission', 'Affiliate', {
    since: 2025,
  }),
  fee('Affiliate commission deposit', 'Affiliate'),
  fee('Affiliate commission refund', 'Affiliate'),
  fee('Affiliate commission before PIT (personal income tax)', 'Affiliate', {
    id: 'affiliate_commission_before_pit',
  }),
  fee('TikTok Shop Partner commission', 'Services'),
  promo('Co-funded promotion (seller-funded)', {
    id: 'cofunded_promotion_seller_funded',
    since: 2025,
  }),
  promo('Co-funded Promotion campaign period fee', {
    id: 'cofunded_promotion_campaign_period_fee',
    since: 2025,
  }),
  promo('Campaign service fee', { since: 2025 }),
  promo('Campaign resource fee'),
  promo('Smart Promotion fee', { since: 2025 }),
  fee('Smart Promotion fee tax', 'Fee tax', { since: 2025 }),
  promo('Smart Promotion campaign period fee', {
    since: 2025,
  }),
  fee('Managed service plan (Per order fee)', 'Services'),
  fee('Managed service plan (Sales tax)', 'Fee tax'),
  fee('GMV Max ad fee', 'Ads'),
  fee('GMV Max Coupon', 'Ads'),
  promo('SFP service fee'),
  promo('Bonus cashback service fee'),
  promo('LIVE Specials service fee'),
  promo('Voucher Xtra service fee'),
  fee('EAMS Program service fee', 'Affiliate'),
  promo('Flash Sale service fee'),
  fee('Pre-order service fee', 'Services'),
  fee('Mall service fee', 'Services'),
  promo('Commerce growth fee'),
  fee('TikTok PayLater program fee', 'Services'),
  fee('Credit card installment - Handling fee', 'Services'),
  fee('Shipping service fee', 'Services'),
  fee('Order processing fee', 'Services', { also: ['Infrastructure fee'] }),
  fee('Dynamic commission', 'TikTok fees'),
  fee('Fee per item sold', 'TikTok fees'),
  fee('EPR pay on behalf service fee', 'Services'),
  fee('Distance item fee from Horizon+ Program', 'Services', { id: 'distance_item_fee' }),
  fee('GST', 'Withholding tax', { layouts: LEG }),
  fee('SST', 'Withholding tax'),
  fee('VAT withheld by TikTok Shop', 'Withholding tax', { id: 'vat_withheld' }),
  fee('VAT', 'Fee tax', { layouts: OH }),
  fee('PIT withheld by TikTok Shop', 'Withholding tax', { id: 'pit_withheld' }),
  fee('Article 22 income tax withheld', 'Withholding tax', { id: 'article22_income_tax_withheld' }),

  // ── Adjustments ──────────────────────────────────────────────────────────────────────────
  col('Adjustment amount', 'money', { pnl: 'adjustments', also: ['Ajustment amount'] }),
  col('Adjustment create time', 'date', { layouts: ADJ }),
  col('Adjustment settlement time', 'date', {
    field: 'statementDate',
    layouts: ADJ,
  }),
  col('Order settled date', 'date', {
    field: 'statementDate',
    also: ['Order settled time(UTC)', 'Order settled time'],
  }),
  col('Order created time(UTC)', 'date', {
    id: 'order_created_time',
    field: 'orderDate',
    also: ['Order created time'],
    layouts: LEG,
  }),

  // ── Informational amounts: never part of settlement ──────────────────────────────────────
  info('Customer payment'),
  info('Customer refund'),
  info('Seller co-funded voucher discount', { id: 'seller_cofunded_voucher_discount' }),
  info('Seller co-funded voucher discount refund', {
    id: 'seller_cofunded_voucher_discount_refund',
    also: ['Refund of seller co-funded voucher discount'],
  }),
  info('Platform discounts'),
  info('Platform discounts refund', { also: ['Refund of platform discounts'] }),
  info('Platform co-funded voucher discounts', { id: 'platform_cofunded_voucher_discounts' }),
  info('Platform co-funded voucher discounts refund', {
    id: 'platform_cofunded_voucher_discounts_refund',
    also: ['Refund of platform co-funded voucher discounts'],
  }),
  // Listed among the informational columns of the 2024 statement, after the voucher columns.
  info('Ads referral fee discount'),
  passedOn('Sales tax payment'),
  passedOn('Sales tax refund'),
  passedOn('Retail delivery fee payment'),
  passedOn('Retail delivery fee refund'),
  // Already netted into Customer-paid shipping fee / TikTok Shop shipping fee.
  info('Customer-paid shipping fee before discounts'),
  info('Seller shipping fee discount'),
  info('TikTok Shop shipping fee discount to customer'),
  // P&L report: the seller's own product cost and TikTok's margin figure.
  info('Order Cost', { layouts: PNL }),
  info('Net Order Margin', { layouts: PNL }),

  // ── Weights ──────────────────────────────────────────────────────────────────────────────
  col('Estimated chargeable package weight', 'weight'),
  col('Chargeable package weight', 'weight'),
  col('FBT Chargeable goods weight', 'weight'),
  col('Estimated package weight', 'weight'),
  col('Weight(kg)', 'weight', { layouts: OX }),

  // ── On-hold export ───────────────────────────────────────────────────────────────────────
  text('Estimated Settle time', { detail: true, layouts: OH }),
  text('unsettled reasons', { detail: true, layouts: OH }),
  text('Mode of TikTok Shop shipping fee discount to customer', {
    id: 'shipping_fee_discount_mode',
    layouts: OH,
  }),
  text('Order content source', { layouts: OH }),

  // ── P&L report (Orders, Adjustment) ──────────────────────────────────────────────────────
  col('linked payout id', 'id', {
    detail: true,
    also: ['llinked payout id'],
    layouts: PNL,
  }),
  text('Order status', { detail: true }),
  text('Sample order type', { field: 'sampleType', layouts: [...PNL, ...ST, ...LD] }),

  // ── Reserve sheet and payment table of the statement workbook ────────────────────────────
  col('Reserve transaction ID', 'id'),
  info('Reserve amount'),
  col('Expected release time', 'date'),
  col('Payment initiation date (UTC)', 'date', { id: 'payment_initiation_date' }),
  info('Payment amount'),
  col('Payment completion date (UTC)', 'date', { id: 'payment_completion_date' }),

  // ── Seller Center order export (OrderSKUList) ────────────────────────────────────────────
  ...typicalOf(OX, [
    text('Order Substatus'),
    text('Cancelation/Return Type'),
    text('Normal or Pre-order', { id: 'normal_or_preorder' }),
  ]),
  text('Seller SKU', { field: 'sellerSku' }),
  ...typicalOf(OX, [
    col('Sku Quantity of return', 'quantity'),
    info('SKU Unit Original Price'),
    info('SKU Subtotal Before Discount'),
    info('SKU Platform Discount'),
    info('SKU Seller Discount'),
    info('SKU Subtotal After Discount'),
    info('Shipping Fee After Discount'),
    info('Original Shipping Fee'),
    info('Shipping Fee Seller Discount'),
    info('Shipping Fee Platform Discount'),
    info('Payment platform discount'),
    passedOn('Retail Delivery Fee'),
    passedOn('Taxes'),
    info('Order Amount'),
    info('Order Refund Amount'),
    col('Paid Time', 'date'),
    col('RTS Time', 'date'),
    col('Shipped Time', 'date'),
    col('Delivered Time', 'date'),
    col('Cancelled Time', 'date'),
    text('Cancel By'),
    text('Cancel Reason'),
    text('Fulfillment Type'),
    text('Warehouse Name'),
    col('Tracking ID', 'id'),
    text('Delivery Option Type'),
    text('Shipping Provider Name'),
    text('Buyer Message'),
    text('Buyer Username'),
    text('Recipient'),
    text('Phone #'),
    text('Country'),
    text('State'),
    text('City'),
    text('Zipcode'),
    text('Detail Address'),
    text('Additional address information'),
    text('House Name or Number'),
    text('Delivery Instruction'),
    text('Payment Method'),
    text('Product Category'),
    col('Package ID', 'id'),
    text('Seller Note'),
    text('Shipping Information'),
  ]),

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
