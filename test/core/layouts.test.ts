import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../src/core/read/layouts';
import { fixtureHeader } from './helpers';

const banner = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? ['Disclaimer'] : []));

describe('layout detection', () => {
  it('finds a 2024 statement CSV on row 1', () => {
    const r = detectLayout([fixtureHeader('us_statement_export_header_2024.csv')], 'a.csv');
    expect(r).toMatchObject({
      ok: true,
      layout: 'statement',
      label: 'US Statement export (2024 CSV)',
      headerRow: 1,
    });
  });

  it('labels a statement with 2025–26 columns', () => {
    const header = [
      ...fixtureHeader('us_statement_export_header_2024.csv'),
      'Affiliate Shop Ads commission',
      'FBT fulfillment fee reimbursement',
    ];
    expect(detectLayout([header], 'a.xlsx')).toMatchObject({
      ok: true,
      label: 'US Statement export (2025–26)',
    });
  });

  it('finds the on-hold header under 4 banner rows', () => {
    const r = detectLayout([...banner(4), fixtureHeader('us_unsettled_export_fixture.csv', 4)], 'o.xlsx');
    expect(r).toMatchObject({ ok: true, layout: 'onhold', headerRow: 5 });
  });

  it('finds the P&L Orders header on row 6 and the Adjustment header on row 4', () => {
    expect(
      detectLayout([...banner(5), fixtureHeader('us_merchant_pnl_orders_header.csv')], 'p.xlsx'),
    ).toMatchObject({ ok: true, layout: 'pnl-orders', headerRow: 6 });
    expect(
      detectLayout([...banner(3), fixtureHeader('us_merchant_pnl_adjustment_header.csv')], 'p.xlsx'),
    ).toMatchObject({ ok: true, layout: 'pnl-adjustments', headerRow: 4 });
  });

  it('finds legacy Income with trailing spaces and (UTC) headers', () => {
    const header = fixtureHeader('legacy_income_export_header.csv').map((h, i) =>
      i === 1 ? 'Type ' : h === 'Order created time' ? 'Order created time(UTC)' : h,
    );
    expect(detectLayout([header], 'Income.csv')).toMatchObject({
      ok: true,
      layout: 'income',
      label: 'Legacy Income export',
    });
  });

  it('finds an order export', () => {
    expect(
      detectLayout([['Order ID', 'Order Status', 'SKU ID', 'Seller SKU', 'Quantity']], 'OrderSKUList.csv'),
    ).toMatchObject({ ok: true, layout: 'order-export' });
  });

  it('names the missing column of a recognised layout', () => {
    const header = fixtureHeader('us_statement_export_header_2024.csv').filter((h) => h !== 'Type');
    expect(detectLayout([header], 'a.csv')).toEqual({
      ok: false,
      message:
        'a.csv: the header on row 1 looks like a US Statement export but has no ' +
        '*Type* column. Export the file again from Seller Center without removing columns.',
    });
  });

  it('says what it expected and what it found when nothing matches', () => {
    const r = detectLayout([[], ['Name', 'Email', 'Total'], ['a', 'b', '1']], 'contacts.csv');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toBe(
      "contacts.csv: no TikTok Shop export header found in the first 30 rows. Expected a Seller Center export's header row, " +
        'such as Statement ID, Order/adjustment ID and Total settlement amount (Statement export; ' +
        'On hold, Income, P&L and order exports and ad reports are read too). Found: the first non-empty row starts `Name`, `Email`, `Total`.',
    );
  });
});
