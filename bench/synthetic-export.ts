/**
 * Synthetic US Statement exports (the 2024 64-column CSV layout) for benchmarks and property tests.
 * Rows reconcile to the cent: Total settlement = Net sales + Shipping + Fees + Adjustment amount,
 * with each subtotal equal to the sum of its children. Deterministic for a given seed.
 */

export const STATEMENT_HEADER_2024 = [
  'Statement date (UTC)',
  'Statement ID',
  'Payment ID',
  'Status',
  'Currency',
  'Type',
  'Order/adjustment ID',
  'SKU ID',
  'Quantity',
  'Product name',
  'SKU name',
  'Order created date',
  'Order delivery date',
  'Total settlement amount',
  'Net sales',
  'Gross sales',
  'Gross sales refund',
  'Seller discount',
  'Seller discount refund',
  'Shipping',
  'TikTok Shop shipping fee',
  'Fulfilled by TikTok Shop (FBT) shipping fee',
  'FBT fulfillment fee',
  'Customer shipping fee offset',
  'Limited-time sign up shipping incentive',
  'Signature confirmation service fee',
  'Shipping insurance fee',
  'Customer-paid shipping fee',
  'Customer-paid shipping fee refund',
  'TikTok Shop shipping incentive',
  'TikTok Shop shipping incentive refund',
  'Shipping fee subsidy',
  'Return shipping fee',
  'Fees',
  'Transaction fee',
  'Referral fee',
  'Refund administration fee',
  'Affiliate commission',
  'Affiliate partner commission',
  'Adjustment amount',
  'Adjustment reason',
  'Related order ID',
  'Customer payment',
  'Customer refund',
  'Seller co-funded voucher discount',
  'Seller co-funded voucher discount refund',
  'Platform discounts',
  'Platform discounts refund',
  'Platform co-funded voucher discounts',
  'Platform co-funded voucher discounts refund',
  'Ads referral fee discount',
  'Sales tax payment',
  'Sales tax refund',
  'Retail delivery fee payment',
  'Retail delivery fee refund',
  'Customer-paid shipping fee before discounts',
  'Seller shipping fee discount',
  'TikTok Shop shipping fee discount to customer',
  'Estimated chargeable package weight',
  'Chargeable package weight',
  'FBT Chargeable goods weight',
  'Collection methods',
  'Delivery option',
  'Signature confirmation service fee type',
] as const;

type Column = (typeof STATEMENT_HEADER_2024)[number];
const INDEX = new Map<string, number>(STATEMENT_HEADER_2024.map((h, i) => [h, i]));

/** Small deterministic PRNG (mulberry32) so generated files are identical across runs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const PRODUCTS = [
  'Hydrating Face Serum, 30 ml',
  'LED Desk Lamp "Aurora"',
  'Silicone Baking Mat Set',
  'Yoga Leggings – High Waist',
  'Phone Tripod with Remote',
  'Organic Matcha Powder 100g',
  'Pet Hair Remover Roller',
  'Magnetic Eyelash Kit',
];

export interface SyntheticOptions {
  rows: number;
  seed?: number;
  /** First order date, ISO; orders spread over `months` months from there. */
  start?: string;
  months?: number;
  /** Order numbers continue from here, so files generated month by month never share an order ID. */
  firstOrder?: number;
  /** Leave out the header line (for appending to a file that has one). */
  omitHeader?: boolean;
}

/** Sums a generator needs to know to check a pipeline by hand. */
export interface SyntheticTotals {
  rows: number;
  settlement: number;
  netSales: number;
  fees: number;
  grossSales: number;
}

/**
 * Writes rows through `emit` (one CSV line each, without the line break) so a 1,000,000-row file
 * can be streamed to disk without holding it in memory.
 */
export function generateStatementRows(opts: SyntheticOptions, emit: (line: string) => void): SyntheticTotals {
  const random = seededRandom(opts.seed ?? 42);
  const start = Date.parse(`${opts.start ?? '2026-01-01'}T00:00:00Z`);
  const spanDays = (opts.months ?? 6) * 30;
  const totals: SyntheticTotals = { rows: 0, settlement: 0, netSales: 0, fees: 0, grossSales: 0 };
  const cells: string[] = new Array(STATEMENT_HEADER_2024.length).fill('');
  const set = (column: Column, value: string) => {
    cells[INDEX.get(column)!] = value;
  };
  if (!opts.omitHeader) emit(STATEMENT_HEADER_2024.join(','));
  let orderSerial = opts.firstOrder ?? 0;
  while (totals.rows < opts.rows) {
    orderSerial++;
    const created = new Date(start + Math.floor(random() * spanDays) * 86_400_000);
    const createdText = created.toISOString().slice(0, 10).replace(/-/g, '/');
    const statementDay = new Date(created.getTime() + 10 * 86_400_000).toISOString().slice(0, 10);
    // IDs are built as text: 18-digit numbers do not fit a JS number exactly.
    // A seed ending in 000 would give every statement ID the zero tail of an ID Excel rounded.
    const idSeed = (opts.seed ?? 42) % 1000 === 0 ? (opts.seed ?? 42) + 1 : (opts.seed ?? 42);
    const statementId = `73${statementDay.replace(/-/g, '')}${String(idSeed).padStart(8, '0')}`;
    const orderId = `577${String(orderSerial).padStart(15, '0')}`;
    const isAdjustment = random() < 0.03;
    cells.fill('');
    set('Statement date (UTC)', statementDay.replace(/-/g, '/'));
    set('Statement ID', statementId);
    set('Payment ID', `P${statementId.slice(1)}`);
    set('Status', 'Paid');
    set('Currency', 'USD');
    if (isAdjustment) {
      const amount = -Math.floor(random() * 3000) - 100;
      const kind = random() < 0.5 ? 'Chargeback' : 'Logistics reimbursement';
      const signed = kind === 'Chargeback' ? amount : -amount;
      set('Type', kind);
      set('Order/adjustment ID', `7${orderId.slice(1)}`);
      set('Related order ID', orderId);
      set('Adjustment amount', money(signed));
      set(
        'Adjustment reason',
        kind === 'Chargeback' ? 'Buyer disputed the charge, bank ruled for buyer' : 'Lost parcel',
      );
      set('Total settlement amount', money(signed));
      emit(cells.map(csvField).join(','));
      totals.rows++;
      totals.settlement += signed;
      continue;
    }
    const skuCount = random() < 0.2 ? 2 + Math.floor(random() * 2) : 1;
    for (let s = 0; s < skuCount && totals.rows < opts.rows; s++) {
      const product = Math.floor(random() * PRODUCTS.length);
      const quantity = 1 + Math.floor(random() * 3);
      const unit = 999 + Math.floor(random() * 4000);
      const gross = unit * quantity;
      const refunded = random() < 0.04;
      const discount = random() < 0.3 ? -Math.round(gross * 0.1) : 0;
      const grossRefund = refunded ? -gross : 0;
      const discountRefund = refunded ? -discount : 0;
      const net = gross + grossRefund + discount + discountRefund;
      const shipFee = -(350 + Math.floor(random() * 400));
      const customerShip = random() < 0.5 ? -shipFee : 0;
      const shipping = shipFee + customerShip;
      const referral = -Math.round(net * 0.06);
      const refundAdmin = refunded ? -Math.min(500, Math.round(gross * 0.06 * 0.2)) : 0;
      const affiliate = random() < 0.35 ? -Math.round(net * 0.15) : 0;
      const fees = referral + refundAdmin + affiliate;
      const settlement = net + shipping + fees;
      set('Type', 'Order');
      set('Order/adjustment ID', orderId);
      set('SKU ID', `17324401583936${String(35_811 + product).padStart(5, '0')}`);
      set('Quantity', String(quantity));
      set('Product name', PRODUCTS[product]);
      set('SKU name', `Variant ${product + 1}`);
      set('Order created date', createdText);
      set('Order delivery date', createdText);
      set('Total settlement amount', money(settlement));
      set('Net sales', money(net));
      set('Gross sales', money(gross));
      set('Gross sales refund', money(grossRefund));
      set('Seller discount', money(discount));
      set('Seller discount refund', money(discountRefund));
      set('Shipping', money(shipping));
      set('TikTok Shop shipping fee', money(shipFee));
      set('Customer-paid shipping fee', money(customerShip));
      set('Fees', money(fees));
      set('Transaction fee', '0');
      set('Referral fee', money(referral));
      set('Refund administration fee', money(refundAdmin));
      set('Affiliate commission', money(affiliate));
      set('Affiliate partner commission', '0');
      set('Adjustment amount', '0');
      set('Related order ID', '/');
      set('Customer payment', money(net + customerShip + Math.round(net * 0.08)));
      set('Sales tax payment', money(-Math.round(net * 0.08)));
      set('Collection methods', 'Standard');
      set('Delivery option', 'Standard shipping');
      emit(cells.map(csvField).join(','));
      totals.rows++;
      totals.settlement += settlement;
      totals.netSales += net;
      totals.fees += fees;
      totals.grossSales += gross + grossRefund;
    }
  }
  return totals;
}

/** The whole file as one string (for tests and files up to a few hundred thousand rows). */
export function generateStatementCsv(opts: SyntheticOptions): { csv: string; totals: SyntheticTotals } {
  const lines: string[] = [];
  const totals = generateStatementRows(opts, (line) => lines.push(line));
  return { csv: lines.join('\r\n') + '\r\n', totals };
}
