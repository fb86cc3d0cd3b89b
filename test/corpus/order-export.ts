/**
 * A US order export (`OrderSKUList`, the real UK file's 43 columns in dollars) of five April
 * order lines, and the Statement that later settles two of them, with every figure worked by hand.
 *
 * Line │ order │ SKU │ status    │ qty (returned) │ before │ seller disc. │ order amt │ refund │ kept gross │ net    │ units sold │ units costed
 * A    │ …001  │ S1  │ Completed │ 2              │  40.00 │ 4.00         │ 36.00     │        │ 40.00      │ 36.00  │ 2          │ 2
 * B    │ …002  │ S2  │ Completed │ 1              │  25.00 │ 0.00         │ 25.00     │ 25.00  │  0.00      │  0.00  │ 0          │ 1 (goods kept)
 * C    │ …003  │ S1  │ Completed │ 3 (1 returned) │  30.00 │ 3.00         │ 27.00     │  9.00  │ 20.00      │ 18.00  │ 2          │ 2
 * D    │ …004  │ S3  │ Cancelled │ 1              │  15.00 │ 0.00         │ 15.00     │        │  0.00      │  0.00  │ 0          │ 0
 * E    │ …005  │ S2  │ Shipped   │ 1              │  12.50 │ 0.00         │ 12.50     │        │ 12.50      │ 12.50  │ 1          │ 1
 * Gross 122.50, seller discounts −7.00, refunds −49.00 (B −25; C −10 + 1; D −15), net 66.50; gross kept 72.50.
 * C's refund of 9.00 is one unit's share of the order (9 / 27 of 30.00 = 10.00 gross), the unit returned: no goods kept.
 *
 * The Statement settles A as the order export has it, and C after the second unit came back too:
 * A: gross 40, discount −4, net 36, referral −2.16, settlement 33.84;
 * C: gross 30, refund −20, discount −3, discount refund +2, net 9, referral −0.54, settlement 8.46.
 */
import { readFileSync } from 'node:fs';
import { parseCsv, toCsv } from '../../src/core/read/files/csv';
import { REAL, realCsvRows } from '../helpers/real-fixtures';

export const SKU = { s1: '1732440158393610001', s2: '1732440158393610002', s3: '1732440158393610003' };
export const ORDER = (n: number) => `57700000000010000${n}`;

interface OrderLine {
  id: string;
  sku: string;
  status: string;
  qty: number;
  returned: number;
  before: string;
  disc: string;
  amount: string;
  refund: string;
  created: string;
}

export const ORDER_LINES: OrderLine[] = [
  {
    id: ORDER(1),
    sku: SKU.s1,
    status: 'Completed',
    qty: 2,
    returned: 0,
    before: '40.00',
    disc: '4.00',
    amount: '36.00',
    refund: '',
    created: '04/14/2026 10:00:00',
  },
  {
    id: ORDER(2),
    sku: SKU.s2,
    status: 'Completed',
    qty: 1,
    returned: 0,
    before: '$25.00',
    disc: '$0.00',
    amount: '$25.00',
    refund: '$25.00',
    created: '04/15/2026 11:30:00',
  },
  {
    id: ORDER(3),
    sku: SKU.s1,
    status: 'Completed',
    qty: 3,
    returned: 1,
    before: '30.00',
    disc: '3.00',
    amount: '27.00',
    refund: '9.00',
    created: '04/20/2026 09:05:00',
  },
  {
    id: ORDER(4),
    sku: SKU.s3,
    status: 'Cancelled',
    qty: 1,
    returned: 0,
    before: 'USD 15.00',
    disc: 'USD 0.00',
    amount: 'USD 15.00',
    refund: '',
    created: '04/21/2026 18:45:00',
  },
  {
    id: ORDER(5),
    sku: SKU.s2,
    status: 'Shipped',
    qty: 1,
    returned: 0,
    before: '12.50',
    disc: '0.00',
    amount: '12.50',
    refund: '',
    created: '04/28/2026 08:00:00',
  },
];

/** The order export's CSV text; `created` rewrites each line's Created Time (date-order cases). */
export function orderExportCsv(created?: (line: OrderLine, i: number) => string): string {
  const header = realCsvRows(REAL.ukOrders)[0];
  const body = ORDER_LINES.map((l, i) => {
    const values: Record<string, string> = {
      'Order ID': l.id,
      'Order Status': l.status,
      'SKU ID': l.sku,
      'Product Name': 'Tea set',
      Variation: 'Blue',
      Quantity: String(l.qty),
      'Sku Quantity of return': String(l.returned),
      'SKU Subtotal Before Discount': l.before,
      'SKU Seller Discount': l.disc,
      'SKU Platform Discount': '0.00',
      'Order Amount': l.amount,
      'Order Refund Amount': l.refund,
      'Created Time': created ? created(l, i) : l.created,
      'Cancelation/Return Type': l.status === 'Cancelled' ? 'Cancel' : '',
    };
    return header.map((c) => values[c] ?? '');
  });
  return toCsv([header, ...body]);
}

export const ORDER_EXPORT_FILE = 'orders-2026-04.csv';

/** By hand (see the table above), cents. */
export const ORDER_EXPORT_EXPECTED = {
  grossSales: 12250,
  sellerDiscounts: -700,
  netSales: 6650,
  grossKept: 7250,
  orders: 5,
  cancelled: 1,
  refunded: 2,
  units: 8,
  unitsReturned: 1,
  unitsSold: 5,
  unitsCosted: 6,
};

const statementHeader = () =>
  parseCsv(readFileSync('test/fixtures/headers/us_statement_export_header_2024.csv', 'utf8'))[0];

/** The Statement settling lines A and C. */
export function statementCsv(): string {
  const header = statementHeader();
  const line = (id: string, qty: string, created: string, v: Record<string, string>) => {
    const values: Record<string, string> = {
      'Statement date (UTC)': '2026/05/05',
      'Statement ID': '7312000000000000501',
      'Payment ID': '7312000000000000901',
      Status: 'Paid',
      Currency: 'USD',
      Type: 'Order',
      'Order/adjustment ID': id,
      'SKU ID': SKU.s1,
      Quantity: qty,
      'Product name': 'Tea set',
      'SKU name': 'Blue',
      'Order created date': created,
      ...v,
    };
    return header.map((c) => values[c] ?? '0');
  };
  return toCsv([
    header,
    line(ORDER(1), '2', '2026/04/14', {
      'Total settlement amount': '33.84',
      'Net sales': '36.00',
      'Gross sales': '40.00',
      'Seller discount': '-4.00',
      Fees: '-2.16',
      'Referral fee': '-2.16',
    }),
    line(ORDER(3), '3', '2026/04/20', {
      'Total settlement amount': '8.46',
      'Net sales': '9.00',
      'Gross sales': '30.00',
      'Gross sales refund': '-20.00',
      'Seller discount': '-3.00',
      'Seller discount refund': '2.00',
      Fees: '-0.54',
      'Referral fee': '-0.54',
    }),
  ]);
}

export const STATEMENT_FILE = 'statement-2026-05-05.csv';
export const STATEMENT_SETTLEMENT = 3384 + 846;

/**
 * Counted once both files are in the ledger: A and C from the Statement, B, D, E from the order export.
 * Gross kept 40 + 10 + 0 + 0 + 12.50 = 62.50; net 36 + 9 + 0 + 0 + 12.50 = 57.50.
 * Units sold: A 2, C round(3 × 10 / 30) = 1, E 1 = 4; units costed: A 2, B 1 (kept), C 1, E 1 = 5.
 */
export const BOTH_EXPECTED = {
  grossKept: 6250,
  netSales: 5750,
  settlement: STATEMENT_SETTLEMENT,
  unitsSold: 4,
  unitsCosted: 5,
};

/** Unit costs: S1 $5, S2 $4, S3 $3. */
export const UNIT_COSTS: [string, number][] = [
  [SKU.s1, 5],
  [SKU.s2, 4],
  [SKU.s3, 3],
];
