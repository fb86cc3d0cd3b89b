import { describe, expect, it } from 'vitest';
import { createNormalizer, normalizeType } from '../../src/core/read/normalize';
import { fixtureHeader, rowOf } from './helpers';

const STATEMENT = fixtureHeader('us_statement_export_header_2024.csv');
const base = {
  'Statement date (UTC)': '2026/05/05',
  'Statement ID': '7496021845520155393',
  'Payment ID': '7496100284410157825',
  Status: 'Paid',
  Currency: 'USD',
  Type: 'Order',
  'Order/adjustment ID': '577389150020120001',
  'Order created date': '2026/04/28',
};

function statementNormalizer() {
  return createNormalizer({
    fileName: 'statement.csv',
    layout: 'statement',
    header: STATEMENT,
    headerRow: 1,
  });
}

describe('normalizer', () => {
  it('turns a statement row into a ledger row with text IDs, ISO dates and cents', () => {
    const n = statementNormalizer();
    const row = n.push(
      rowOf(STATEMENT, {
        ...base,
        'SKU ID': '1732440158393635811',
        Quantity: '2',
        'Product name': 'Ribbed Knit Tank',
        'Total settlement amount': '33.21',
        'Net sales': '39.98',
        'Gross sales': '39.98',
        Fees: '-2.40',
        'Referral fee': '-2.40',
        Shipping: '-4.37',
        'TikTok Shop shipping fee': '-4.37',
        'Related order ID': '/',
        'Customer payment': '45.10',
      }),
      2,
    )!;
    expect(row).toMatchObject({
      key: '7496021845520155393|577389150020120001|1732440158393635811|Order',
      statementId: '7496021845520155393',
      orderId: '577389150020120001',
      skuId: '1732440158393635811',
      relatedOrderId: '',
      quantity: 2,
      orderDate: '2026-04-28',
      statementDate: '2026-05-05',
      currency: 'USD',
      amounts: {
        total_settlement_amount: 3321,
        net_sales: 3998,
        gross_sales: 3998,
        fees: -240,
        referral_fee: -240,
        shipping: -437,
        tiktok_shop_shipping_fee: -437,
        customer_payment: 4510,
      },
      source: { file: 'statement.csv', row: 2 },
    });
    expect(row.details).toBeUndefined();
  });

  it('reads every date right down a file with more distinct days than its date cache holds, in both spellings', () => {
    const n = statementNormalizer();
    const start = Date.UTC(2010, 0, 1);
    // 12,000 days (about 33 years) and then the same days again, cached or evicted by then.
    for (let pass = 0; pass < 2; pass++) {
      for (let d = 0; d < 12_000; d += 7) {
        const iso = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
        const text = d % 2 === 0 ? iso.replace(/-/g, '/') : iso;
        const row = n.push(
          rowOf(STATEMENT, { ...base, 'Order created date': text, 'Statement date (UTC)': iso }),
          d + 2,
        );
        expect(row?.orderDate, text).toBe(iso);
        expect(row?.statementDate).toBe(iso);
      }
    }
  });

  it('keys adjustment rows by their adjustment ID and normalizes full-width parentheses', () => {
    const n = statementNormalizer();
    const row = n.push(
      rowOf(STATEMENT, {
        ...base,
        Type: 'Violation fee （settlement fee）',
        'Order/adjustment ID': '7496007198148800769',
        'Order created date': '/',
        'Adjustment amount': '-50.00',
        'Total settlement amount': '-50.00',
      }),
      9,
    )!;
    expect(row.type).toBe('Violation fee (settlement fee)');
    // The key spells the type without punctuation, so Excel's Windows-1252 re-save (`?settlement fee?`) keys the same row.
    expect(row.key).toBe(
      '7496021845520155393|7496007198148800769|7496007198148800769|Violation fee settlement fee',
    );
    expect(normalizeType('  Chargeback ')).toBe('Chargeback');
  });

  it('rejects an ID that a spreadsheet rounded, naming row and column', () => {
    const n = statementNormalizer();
    expect(n.push(rowOf(STATEMENT, { ...base, 'Order/adjustment ID': '5.77431E+17' }), 12)).toBeNull();
    expect(n.push([...rowOf(STATEMENT, base).slice(0, 6), 577431091617435979], 13)).toBeNull();
    expect(n.problems.map((p) => p.message)).toEqual([
      'Row 12, column *Order/adjustment ID*: the ID 5.77431E+17 lost its last ' +
        'digits (the sheet turned it into a number). Format the column as Plain ' +
        'text and import the file again.',
      'Row 13, column *Order/adjustment ID*: the ID 5.77431091617436E+17 lost ' +
        'its last digits (the sheet turned it into a number). Format the column ' +
        'as Plain text and import the file again.',
    ]);
    expect(n.problems[0]).toMatchObject({ file: 'statement.csv', row: 12, column: 'Order/adjustment ID' });
    expect(n.rejectedRows).toBe(2);
  });

  it('rejects a row with a bad amount and goes on with the next', () => {
    const n = statementNormalizer();
    expect(n.push(rowOf(STATEMENT, { ...base, 'Referral fee': 'abc' }), 214)).toBeNull();
    expect(n.push(rowOf(STATEMENT, { ...base, 'Order created date': '2026/13/01' }), 215)).toBeNull();
    expect(n.push(rowOf(STATEMENT, { ...base, Quantity: '1.5' }), 216)).toBeNull();
    expect(
      n.push(
        rowOf(STATEMENT, { ...base, 'Order/adjustment ID': '', 'Total settlement amount': '1.00' }),
        217,
      ),
    ).toBeNull();
    expect(n.push(rowOf(STATEMENT, base), 218)).not.toBeNull();
    expect(n.problems.map((p) => p.message)).toEqual([
      'Row 214, column *Referral fee*: expected an amount, found `abc`',
      'Row 215, column *Order created date*: expected a date such as 2026-06-12 or 2026/06/12, found `2026/13/01`',
      'Row 216, column *Quantity*: expected a whole number, found `1.5`',
      "Row 217: no *Order/adjustment ID*. Type the row's ID back, or leave the row out of the range.",
    ]);
  });

  it('names every bad cell of a row in column order, amounts among the others, and reads the next row whole', () => {
    const n = statementNormalizer();
    const bad = {
      ...base,
      'Order created date': 'soon',
      'Gross sales': '12.345',
      'Referral fee': 'abc',
      'Related order ID': '9'.repeat(300),
    };
    expect(n.push(rowOf(STATEMENT, bad), 40)).toBeNull();
    expect(n.problems.map((p) => p.column)).toEqual([
      'Order created date',
      'Gross sales',
      'Referral fee',
      'Related order ID',
    ]);
    expect(n.problems[1].message).toBe(
      'Row 40, column *Gross sales*: expected an amount in dollars and cents, found `12.345` (not a whole number of cents)',
    );
    const row = n.push(rowOf(STATEMENT, { ...base, 'Gross sales': '12.34', 'Referral fee': '-1.85' }), 41)!;
    expect(row.amounts).toEqual({ gross_sales: 1234, referral_fee: -185 });
    expect(n.rejectedRows).toBe(1);
  });

  it('skips blank rows, including sheet padding', () => {
    const n = statementNormalizer();
    expect(n.push([], 3)).toBeNull();
    expect(n.push(new Array(104).fill(''), 4)).toBeNull();
    expect(n.push([null, undefined, ''], 5)).toBeNull();
    expect(n.problems).toEqual([]);
  });

  it('numbers repeated keys and reports exact duplicates', () => {
    const n = statementNormalizer();
    const sku = {
      ...base,
      'SKU ID': '1732440158393635811',
      'Total settlement amount': '10.00',
      'Net sales': '10.00',
      'Gross sales': '10.00',
    };
    const a = n.push(rowOf(STATEMENT, sku), 2)!;
    const b = n.push(rowOf(STATEMENT, sku), 3)!;
    const c = n.push(
      rowOf(STATEMENT, {
        ...sku,
        'Total settlement amount': '5.00',
        'Net sales': '5.00',
        'Gross sales': '5.00',
      }),
      4,
    )!;
    expect([a.key, b.key, c.key]).toEqual([
      '7496021845520155393|577389150020120001|1732440158393635811|Order',
      '7496021845520155393|577389150020120001|1732440158393635811|Order#2',
      '7496021845520155393|577389150020120001|1732440158393635811|Order#3',
    ]);
  });

  it('keeps unknown columns and flags the ones holding amounts', () => {
    const header = [...STATEMENT, 'GMV Max ad fee 2', 'Creator handle'];
    const n = createNormalizer({ fileName: 's.csv', layout: 'statement', header, headerRow: 1 });
    const row = n.push([...rowOf(STATEMENT, base), '-1.25', '@maker'], 2)!;
    expect(row.unknown).toEqual({ 'GMV Max ad fee 2': '-1.25', 'Creator handle': '@maker' });
    expect(n.unknownColumns).toEqual(['GMV Max ad fee 2', 'Creator handle']);
    expect(n.unclassifiedColumns()).toEqual(['GMV Max ad fee 2']);
  });

  it('reads legacy Income rows with Ajustment amount and trailing-space headers', () => {
    const header = fixtureHeader('legacy_income_export_header.csv').map((h) =>
      h === 'Type' ? 'Type ' : h === 'Affiliate commission' ? 'Affiliate commission ' : h,
    );
    const n = createNormalizer({
      fileName: 'Income 20240423143123.csv',
      layout: 'income',
      header,
      headerRow: 1,
    });
    const row = n.push(
      rowOf(header, {
        'Order/adjustment ID': '576786105183930101',
        'Type ': 'Order',
        'Order created time': '2024/04/12',
        'Order settled time': '2024/04/23',
        Currency: 'USD',
        'Total settlement amount': '20.00',
        'Ajustment amount': '-1.00',
        'Affiliate commission ': '-2.00',
      }),
      2,
    )!;
    expect(row.key).toBe('income|576786105183930101|Order|2024-04-23');
    expect(row.amounts).toEqual({
      total_settlement_amount: 2000,
      adjustment_amount: -100,
      affiliate_commission: -200,
    });
    expect(row.orderDate).toBe('2024-04-12');
  });

  it('reads P&L Orders with YYYYMMDD integers and P&L Adjustment with the llinked payout id typo', () => {
    const orders = fixtureHeader('us_merchant_pnl_orders_header.csv');
    const n = createNormalizer({
      fileName: 'merchant_statement_profit_loss_2026.xlsx',
      sheet: 'Orders',
      layout: 'pnl-orders',
      header: orders,
      headerRow: 6,
    });
    const row = n.push(
      rowOf(orders, {
        'Order ID': '577431091617435979',
        'SKU ID': '1732440158393635811',
        'Order Income': '13.83',
        'Sold Quantity': '1',
        'Order paid date': 20260421,
        'Order settled date': 20260430,
        'linked statement id': '7501219050686287617',
        'Gross sales': '15.00',
        'Referral fee': '-1.17',
      }),
      7,
    )!;
    expect(row).toMatchObject({
      key: 'pnl|7501219050686287617|577431091617435979|1732440158393635811',
      type: 'Order',
      orderDate: '2026-04-21',
      statementDate: '2026-04-30',
      quantity: 1,
      source: { sheet: 'Orders', row: 7 },
    });
    const adjHeader = fixtureHeader('us_merchant_pnl_adjustment_header.csv');
    const a = createNormalizer({
      fileName: 'p.xlsx',
      sheet: 'Adjustment',
      layout: 'pnl-adjustments',
      header: adjHeader,
      headerRow: 4,
    });
    const adj = a.push(
      rowOf(adjHeader, {
        'Adjustment ID': '7496008867359315143',
        'Adjustment Type': 'Logistics reimbursement',
        'Adjustment amount': '6.12',
        'Adjustment settlement time': 20260512,
        'llinked payout id': '7498700211830452481',
      }),
      5,
    )!;
    expect(adj).toMatchObject({
      key: 'pnl-adj|7496008867359315143',
      type: 'Logistics reimbursement',
      statementDate: '2026-05-12',
      amounts: { adjustment_amount: 612 },
      details: { linked_payout_id: '7498700211830452481' },
    });
  });

  it('skips the field-description row under an order export header', () => {
    const header = ['Order ID', 'Order Status', 'SKU ID', 'Seller SKU', 'Quantity', 'Created Time'];
    const n = createNormalizer({
      fileName: 'OrderSKUList.csv',
      layout: 'order-export',
      header,
      headerRow: 1,
    });
    expect(
      n.push(
        [
          'Platform unique order ID.',
          'Order status',
          'Platform SKU ID',
          'Seller SKU',
          'Quantity',
          'Created time',
        ],
        2,
      ),
    ).toBeNull();
    const row = n.push(
      ['577431091617435979', 'Completed', '1732440158393635811', 'TANK-BLK-M', '2', '04/25/2026 10:01:02'],
      3,
    )!;
    expect(row).toMatchObject({
      key: 'order|577431091617435979|1732440158393635811',
      sellerSku: 'TANK-BLK-M',
      quantity: 2,
      // `Created Time` does not say UTC: the seller's clock, as written (date-zone.ts).
      orderDate: '2026-04-25T10:01:02',
      details: { order_status: 'Completed' },
    });
    expect(n.problems).toEqual([]);
  });
});
