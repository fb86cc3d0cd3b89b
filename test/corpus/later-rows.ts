/**
 * Rows a later statement posts on an order line sold in an earlier one: a refund after the payout,
 * a referral fee given back, an overweight shipping charge, a shipping fee adjustment carrying the
 * line's SKU and quantity. Statement rows on the header of samples/statement-2026-05.csv, each
 * reconciling on its own (settlement = net sales + shipping + referral fee). Unit costs: SKU1 $10,
 * SKU2 $5, SKU3 $7.50.
 */
import { readFileSync } from 'node:fs';
import { parseCsv, toCsv } from '../../src/core/read/files/csv';

export const HEADER = parseCsv(
  readFileSync(new URL('../../samples/statement-2026-05.csv', import.meta.url), 'utf8'),
)[0];

export const SKU1 = '1732440158390000011';
export const SKU2 = '1732440158390000022';
export const SKU3 = '1732440158390000033';
export const UNIT_COSTS: [string, number][] = [
  [SKU1, 10],
  [SKU2, 5],
  [SKU3, 7.5],
];

const MONEY = /(fee|sales|amount|Shipping|discount|commission|refund|payment|incentive|subsidy|offset|Fees)/i;

/** A statement row: the cells given, Paid/USD/Order, 0.00 in the other money columns and '/' elsewhere. */
export function row(cells: Record<string, string | number>): string[] {
  const base: Record<string, string> = {
    Status: 'Paid',
    Currency: 'USD',
    Type: 'Order',
    'Payment ID': '7496100284410157825',
  };
  return HEADER.map((h) =>
    cells[h] !== undefined ? String(cells[h]) : (base[h] ?? (MONEY.test(h) ? '0.00' : '/')),
  );
}

export interface LineRow {
  /** Statement date and ID. */
  statement: [string, string];
  orderId: string;
  sku: string;
  quantity: number | string;
  created: string;
  gross: number;
  refund?: number;
  referral?: number;
  shipping?: number;
}

/** An order line's row in a statement (dollars, costs negative). */
export function line(o: LineRow): string[] {
  const refund = o.refund ?? 0;
  const referral = o.referral ?? 0;
  const shipping = o.shipping ?? 0;
  const net = o.gross + refund;
  const f = (x: number) => x.toFixed(2);
  return row({
    'Statement date (UTC)': o.statement[0],
    'Statement ID': o.statement[1],
    'Order/adjustment ID': o.orderId,
    'SKU ID': o.sku,
    Quantity: o.quantity,
    'Order created date': o.created,
    'Total settlement amount': f(net + shipping + referral),
    'Net sales': f(net),
    'Gross sales': f(o.gross),
    'Gross sales refund': f(refund),
    Shipping: f(shipping),
    'TikTok Shop shipping fee': f(shipping),
    Fees: f(referral),
    'Referral fee': f(referral),
    'Product name': `Product ${o.sku.slice(-3)}`,
    'SKU name': 'One size',
  });
}

export const statementCsv = (rows: string[][]) => toCsv([HEADER, ...rows]) + '\r\n';

const APRIL: [string, string] = ['2026/04/10', '7496021845520157201'];
const MAY: [string, string] = ['2026/05/10', '7496021845520157202'];

/**
 * April sells three lines; May posts on each a row without gross sales that repeats its quantity:
 * a $0.60 referral fee given back (A), a $4 overweight shipping charge (B), a `Shipping fee
 * adjustment` of $3 with SKU and quantity (C). By hand: settlement 28.20 + 37.60 + 23.50 + 0.60 − 4
 * − 3 = 82.90; COGS 1 × 10 + 2 × 5 + 1 × 7.50 = 27.50; no samples; net profit 55.40; 4 units.
 */
export function corrections(): { april: string[][]; may: string[][] } {
  const [A, B, C] = ['577300000000007201', '577300000000007202', '577300000000007203'];
  return {
    april: [
      line({
        statement: APRIL,
        orderId: A,
        sku: SKU1,
        quantity: 1,
        created: '2026/04/01',
        gross: 30,
        referral: -1.8,
      }),
      line({
        statement: APRIL,
        orderId: B,
        sku: SKU2,
        quantity: 2,
        created: '2026/04/02',
        gross: 40,
        referral: -2.4,
      }),
      line({
        statement: APRIL,
        orderId: C,
        sku: SKU3,
        quantity: 1,
        created: '2026/04/03',
        gross: 25,
        referral: -1.5,
      }),
    ],
    may: [
      line({
        statement: MAY,
        orderId: A,
        sku: SKU1,
        quantity: 1,
        created: '2026/04/01',
        gross: 0,
        referral: 0.6,
      }),
      line({
        statement: MAY,
        orderId: B,
        sku: SKU2,
        quantity: 2,
        created: '2026/04/02',
        gross: 0,
        shipping: -4,
      }),
      row({
        'Statement date (UTC)': MAY[0],
        'Statement ID': MAY[1],
        Type: 'Shipping fee adjustment',
        'Order/adjustment ID': C,
        'SKU ID': SKU3,
        Quantity: 1,
        'Order created date': '2026/04/03',
        'Total settlement amount': '-3.00',
        Shipping: '-3.00',
        'TikTok Shop shipping fee': '-3.00',
      }),
    ],
  };
}

const DECEMBER: [string, string] = ['2025/12/20', '7496021845520157001'];
const JANUARY: [string, string] = ['2026/01/10', '7496021845520157002'];

/**
 * December sells four lines; January refunds three of them after the payout, each refund row
 * repeating the line's quantity: all of A (2 units, $40, returned), $5 of B (1 unit, $30, the buyer
 * keeps it), $20 of C (one of 2 units at $20). By hand: units kept A 0, B 1, C 1, D 3; COGS
 * 5 + 7.50 + 30 = 42.50; settlement 98.70; net profit 56.20; net sales 105.
 */
export function laterRefunds(): { december: string[][]; january: string[][] } {
  const [A, B, C, D] = [
    '577300000000007001',
    '577300000000007002',
    '577300000000007003',
    '577300000000007004',
  ];
  return {
    december: [
      line({
        statement: DECEMBER,
        orderId: A,
        sku: SKU1,
        quantity: 2,
        created: '2025/12/05',
        gross: 40,
        referral: -2.4,
      }),
      line({
        statement: DECEMBER,
        orderId: B,
        sku: SKU2,
        quantity: 1,
        created: '2025/12/06',
        gross: 30,
        referral: -1.8,
      }),
      line({
        statement: DECEMBER,
        orderId: C,
        sku: SKU3,
        quantity: 2,
        created: '2025/12/07',
        gross: 40,
        referral: -2.4,
      }),
      line({
        statement: DECEMBER,
        orderId: D,
        sku: SKU1,
        quantity: 3,
        created: '2025/12/08',
        gross: 60,
        referral: -3.6,
      }),
    ],
    january: [
      line({
        statement: JANUARY,
        orderId: A,
        sku: SKU1,
        quantity: 2,
        created: '2025/12/05',
        gross: 0,
        refund: -40,
        referral: 2.4,
      }),
      line({
        statement: JANUARY,
        orderId: B,
        sku: SKU2,
        quantity: 1,
        created: '2025/12/06',
        gross: 0,
        refund: -5,
        referral: 0.3,
      }),
      line({
        statement: JANUARY,
        orderId: C,
        sku: SKU3,
        quantity: 2,
        created: '2025/12/07',
        gross: 0,
        refund: -20,
        referral: 1.2,
      }),
    ],
  };
}

/**
 * A 2-unit $40 line sold in April and wholly refunded in May on a row whose Quantity is `quantity`
 * ('/' or 0): both units came back. By hand: settlement 0, COGS 0, net profit 0.
 */
export function wholeRefund(quantity: string): { april: string[][]; may: string[][] } {
  const A = '577300000000007301';
  return {
    april: [
      line({
        statement: APRIL,
        orderId: A,
        sku: SKU1,
        quantity: 2,
        created: '2026/04/01',
        gross: 40,
        referral: -2.4,
      }),
    ],
    may: [
      line({
        statement: MAY,
        orderId: A,
        sku: SKU1,
        quantity,
        created: '2026/04/01',
        gross: 0,
        refund: -40,
        referral: 2.4,
      }),
    ],
  };
}

/**
 * One month's rows beside another month's whose product cost is unknown: April sells SKU1 on a row
 * whose Quantity is `/` (cleared); May sells 2 × SKU2 for $40 and 1 × SKU3 for $25. By hand, May's
 * COGS: 2 × 5 + 1 × 7.50 = 17.50; April's cannot be worked out.
 */
export function clearedApril(): { april: string[][]; may: string[][] } {
  return {
    april: [
      line({
        statement: APRIL,
        orderId: '577300000000007601',
        sku: SKU1,
        quantity: '/',
        created: '2026/04/05',
        gross: 30,
        referral: -1.8,
      }),
    ],
    may: [
      line({
        statement: MAY,
        orderId: '577300000000007602',
        sku: SKU2,
        quantity: 2,
        created: '2026/05/03',
        gross: 40,
        referral: -2.4,
      }),
      line({
        statement: MAY,
        orderId: '577300000000007603',
        sku: SKU3,
        quantity: 1,
        created: '2026/05/04',
        gross: 25,
        referral: -1.5,
      }),
    ],
  };
}

/**
 * A free sample of SKU2 ($5 a unit) ordered 2 April and in April's statement: 2 units, no sales,
 * $6 of shipping the seller paid. May's statement posts a $4 overweight charge on the same line
 * (same order and SKU, Quantity 2 again, no sales); June's gives $1.50 of that shipping back
 * (Quantity 2, no sales). By hand, April and May: one sample of 2 units, Samples 2 × 5 + 6 + 4 =
 * 20.00, settlement −10, net profit −20. With June: Samples 18.50, settlement −8.50, net profit
 * −18.50. Never units sold nor COGS. All in April, the order's month.
 */
export function sampleCorrections(): { april: string[][]; may: string[][]; june: string[][] } {
  const S = '577300000000007601';
  const sample = (statement: [string, string], shipping: number) =>
    line({ statement, orderId: S, sku: SKU2, quantity: 2, created: '2026/04/02', gross: 0, shipping });
  return {
    april: [sample(APRIL, -6)],
    may: [sample(MAY, -4)],
    june: [sample(['2026/06/10', '7496021845520157203'], 1.5)],
  };
}

/**
 * A 2-unit $50 line of SKU1 sold in May, and a $5 goodwill refund on it in June's statement (no
 * gross sales, Quantity 2, $0.30 of referral fee given back); the buyer keeps both units. By hand:
 * net sales 45.00, fees 2.70, COGS 2 × 10 = 20.00, contribution 22.30, break-even ROAS 45 ÷ 22.30
 * = 2.02 (per unit: 22.50 ÷ (22.50 − 1.35 − 10) = 2.02). Read alone, the refund row would give
 * both units back: COGS 0, break-even 45 ÷ 42.30 = 1.06.
 */
export function goodwillRefund(): { may: string[][]; june: string[][] } {
  const A = '577300000000007701';
  const sale = { orderId: A, sku: SKU1, quantity: 2, created: '2026/05/02' };
  return {
    may: [line({ ...sale, statement: MAY, gross: 50, referral: -3 })],
    june: [
      line({
        ...sale,
        statement: ['2026/06/10', '7496021845520157203'],
        gross: 0,
        refund: -5,
        referral: 0.3,
      }),
    ],
  };
}

/**
 * A GMV Max report by product advertising SKU1's product (`Product 011`) in May: $10 of spend,
 * $30 of gross revenue (ROAS 3.00).
 */
export const GMV_MAX_SKU1 =
  'Date,Campaign name,Product ID,Product name,Cost,Net cost,Orders (SKU),Cost per order,Gross revenue,ROI\r\n' +
  '2026-05-05,GMV Max 011,1729000000000000011,Product 011,10.00,10.00,1,10.00,30.00,3.00\r\n';

/**
 * One April order holds SKU1 twice: a unit at $30 and a unit at $10 (two sale rows, same order ID
 * and SKU ID). May refunds the $10 line in full (Quantity 1); June refunds the $30 line. By hand
 * after May: the $10 unit came back, the $30 one is sold: 1 unit, COGS 10, settlement 28.20 + 9.40
 * − 9.40 = 28.20, net profit 18.20. After June: both back, COGS 0, settlement 0, net profit 0.
 */
export function twoPrices(): { april: string[][]; may: string[][]; june: string[][] } {
  const A = '577300000000007701';
  const at = (statement: [string, string], gross: number, refund: number, referral: number) =>
    line({ statement, orderId: A, sku: SKU1, quantity: 1, created: '2026/04/01', gross, refund, referral });
  return {
    april: [at(APRIL, 30, 0, -1.8), at(APRIL, 10, 0, -0.6)],
    may: [at(MAY, 0, -10, 0.6)],
    june: [at(['2026/06/10', '7496021845520157203'], 0, -30, 1.8)],
  };
}
