/**
 * Exports TTS Profit does not read, refused by name from their header; and the other way round:
 * finance exports and the add-on's own tabs that carry some of their column names are still read.
 */
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../src/core/read/layouts';
import { parseCsv } from '../../src/core/read/files/csv';
import { fixtureHeader } from './helpers';
import { ledgerHeader } from '../../src/core/ledger/ledger-format';
import { REAL, realCsvRows, realSheetRows } from '../helpers/real-fixtures';
import {
  OTHER_EXPORT_FILES,
  PAYMENTS_LIST,
  SELLER_AFFILIATE,
  STATEMENTS_LIST,
  refusal,
} from '../corpus/other-exports';

const headerOf = (csv: string) => parseCsv(csv)[0];

describe('an export TTS Profit does not read is refused by name, with what to import instead', () => {
  it.each(OTHER_EXPORT_FILES)('$file: $name', ({ file, text, name }) => {
    expect(detectLayout(parseCsv(text), file)).toEqual({ ok: false, message: refusal(file, name) });
  });

  it('the affiliate orders export, though it has the order export’s Order ID, Order Status and SKU ID', () => {
    const header = headerOf(OTHER_EXPORT_FILES[0].text);
    expect(['Order ID', 'Order Status', 'SKU ID'].every((h) => header.includes(h))).toBe(true);
  });

  it('the newer affiliate file (Creator username, Est. standard commission, Est. creator commission reward fee)', () => {
    const header = [
      'Order ID',
      'Order Status',
      'SKU ID',
      'Creator username',
      'Est. standard commission',
      'Est. creator commission reward fee',
    ];
    expect(detectLayout([header], 'all_20260501000000_20260531235959_1.csv')).toEqual({
      ok: false,
      message: refusal('all_20260501000000_20260531235959_1.csv', SELLER_AFFILIATE),
    });
  });

  it('under banner rows, naming the row its header is on', () => {
    const rows = [['Affiliate orders'], ['Exported 2026/06/01'], [], ...parseCsv(OTHER_EXPORT_FILES[0].text)];
    expect(detectLayout(rows, 'orders.xlsx, sheet Sheet1')).toEqual({
      ok: false,
      message: refusal('orders.xlsx, sheet Sheet1', SELLER_AFFILIATE).replace('row 1', 'row 4'),
    });
  });

  it('a creator file with only some of its columns (Shop name and Est. commission base)', () => {
    const header = ['Order ID', 'SKU ID', 'Shop name', 'Est. commission base', 'Order date'];
    expect(detectLayout([header], 'c.csv')).toMatchObject({
      ok: false,
      message: expect.stringContaining("a creator's affiliate"),
    });
  });

  it('the payment table of a statement workbook (Statement ID, Payment ID, Order/adjustment ID, Payment amount)', () => {
    const header = [
      'Statement date (UTC)',
      'Statement ID',
      'Payment ID',
      'Order/adjustment ID',
      'Payment initiation date (UTC)',
      'Payment amount',
      'Payment completion date (UTC)',
    ];
    expect(detectLayout([header], 'payouts.csv')).toEqual({
      ok: false,
      message: refusal('payouts.csv', PAYMENTS_LIST),
    });
  });

  it('a statements list with the settlement as Settlement amount, under a title row', () => {
    const rows = [['Statements'], ['Statement ID', 'Statement period', 'Settlement amount', 'Status']];
    expect(detectLayout(rows, 'statements.xlsx')).toEqual({
      ok: false,
      message: refusal('statements.xlsx', STATEMENTS_LIST).replace('row 1', 'row 2'),
    });
  });

  it('a product analytics export that Ads Manager’s words half fit (Product ID, Orders, Impressions, CTR)', () => {
    const header = [
      'Product ID',
      'Product name',
      'GMV',
      'Items sold',
      'Orders',
      'Impressions',
      'Page views',
      'Unique visitors',
      'CTR',
      'Conversion rate',
    ];
    expect(detectLayout([header], 'p.xlsx')).toEqual({
      ok: false,
      message: refusal('p.xlsx', 'a Seller Center analytics export'),
    });
  });
});

describe('finance exports and the add-on’s tabs that share their column names are still read', () => {
  const statement = fixtureHeader('us_statement_export_header_2024.csv');

  it('every header fixture keeps its layout', () => {
    const found = (file: string, line = 0) => {
      const rows = [fixtureHeader(file, line)];
      const r = detectLayout(rows, file);
      return r.ok ? r.layout : r.message;
    };
    expect(found('us_statement_export_header_2024.csv')).toBe('statement');
    expect(found('legacy_income_export_header.csv')).toBe('income');
    expect(found('us_merchant_pnl_orders_header.csv')).toBe('pnl-orders');
    expect(found('us_merchant_pnl_adjustment_header.csv')).toBe('pnl-adjustments');
  });

  it('the real order exports (UK CSV, Indonesian XLSX header) are order exports', () => {
    expect(detectLayout(realCsvRows(REAL.ukOrders).slice(0, 30), 'uk.csv')).toMatchObject({
      ok: true,
      layout: 'order-export',
    });
    expect(
      detectLayout(realSheetRows(REAL.idOrderHeader, 'OrderSKUList').slice(0, 30), 'id.xlsx'),
    ).toMatchObject({
      ok: true,
      layout: 'order-export',
    });
  });

  it('a statement with a column the seller added (Shop name, Creator Username) is a statement', () => {
    for (const added of [
      ['Shop name'],
      ['Creator Username'],
      ['Shop name', 'Creator Username', 'GMV', 'Visitors'],
    ])
      expect(detectLayout([[...statement, ...added]], 's.csv')).toMatchObject({
        ok: true,
        layout: 'statement',
      });
  });

  it('a statement export that lost its Order/adjustment ID column is not the statements list: export it again', () => {
    const cut = statement.filter((h) => h !== 'Order/adjustment ID');
    const found = detectLayout([cut], 's.csv');
    expect(found).toMatchObject({
      ok: false,
      message: expect.stringContaining('no *Order/adjustment ID* column'),
    });
    expect(found).not.toMatchObject({ message: expect.stringContaining('statements list') });
  });

  it('an order export with a Product ID column is an order export, not the product list', () => {
    const header = realCsvRows(REAL.ukOrders)[0];
    expect(detectLayout([[...header, 'Product ID']], 'o.csv')).toMatchObject({
      ok: true,
      layout: 'order-export',
    });
  });

  it('the TTS Ledger tab that kept an affiliate file’s columns from an earlier import is the ledger', () => {
    const header = [
      ...ledgerHeader(['net_sales']),
      'Creator Username',
      'Standard commission rate',
      'Est. Commission Base',
    ];
    expect(detectLayout([header], 'TTS Ledger')).toMatchObject({ ok: true, layout: 'ledger' });
  });
});
