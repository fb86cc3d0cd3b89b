import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ancestorsOf, closestColumns, COLUMNS, lookupColumn } from '../../src/core/read/catalog';

const fixtures = new URL('../fixtures/headers/', import.meta.url).pathname;
const headerOf = (file: string) =>
  readFileSync(fixtures + file, 'utf8')
    .split('\n')[0]
    .split(',');

describe('column catalog', () => {
  it.each([
    'us_statement_export_header_2024.csv',
    'legacy_income_export_header.csv',
    'us_merchant_pnl_orders_header.csv',
    'us_merchant_pnl_adjustment_header.csv',
  ])('knows every column of %s', (file) => {
    const unknown = headerOf(file).filter((h) => !lookupColumn(h));
    expect(unknown).toEqual([]);
  });

  it('knows the 2025–26 extra statement columns and the on-hold columns', () => {
    const extras = readFileSync(fixtures + 'us_statement_extra_columns_2025_2026.csv', 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    const onhold = readFileSync(fixtures + 'us_unsettled_export_fixture.csv', 'utf8')
      .split('\n')[4]
      .split(',');
    expect([...extras, ...onhold].filter((h) => !lookupColumn(h))).toEqual([]);
  });

  it('has 64 distinct columns in the 2024 statement header', () => {
    const ids = new Set(headerOf('us_statement_export_header_2024.csv').map((h) => lookupColumn(h)!.id));
    expect(ids.size).toBe(64);
  });

  it('matches headers whatever their case, spacing and parentheses', () => {
    expect(lookupColumn('  TOTAL   settlement AMOUNT ')?.id).toBe('total_settlement_amount');
    expect(lookupColumn('Order created time (UTC)')?.id).toBe('order_created_time');
    expect(lookupColumn('Order created time(UTC)')?.id).toBe('order_created_time');
    expect(lookupColumn('Fulfilled by TikTok Shop （FBT） shipping fee')?.id).toBe('fbt_shipping_fee');
    expect(lookupColumn('Affiliate commission ')?.id).toBe('affiliate_commission');
    expect(lookupColumn('Affiliate Commission')?.id).toBe('affiliate_commission');
    expect(lookupColumn('Ajustment amount')?.id).toBe('adjustment_amount');
    expect(lookupColumn('llinked payout id')?.id).toBe('linked_payout_id');
    expect(lookupColumn('Total fees')?.id).toBe('fees');
    expect(lookupColumn('Total Revenue')?.id).toBe('net_sales');
    expect(lookupColumn('Something else')).toBeUndefined();
  });

  it('puts fee and shipping columns under their subtotals and keeps info columns out', () => {
    expect(lookupColumn('Referral fee')!.parent).toBe('fees');
    expect(lookupColumn('Sales tax on referral fees')!.parent).toBe('fees');
    expect(lookupColumn('Customer-paid shipping fee')!.parent).toBe('shipping');
    expect(ancestorsOf('actual_shipping_fee')).toEqual(['seller_shipping_fee', 'fees']);
    expect(ancestorsOf('gross_sales')).toEqual(['subtotal_after_seller_discounts', 'net_sales']);
    for (const name of [
      'Customer payment',
      'Customer refund',
      'Platform discounts',
      'Sales tax payment',
      'Seller co-funded voucher discount',
    ]) {
      expect(lookupColumn(name)!.kind).toBe('info-money');
    }
    expect(COLUMNS.filter((c) => c.isSubtotal).map((c) => c.label)).toEqual(
      expect.arrayContaining([
        'Net sales',
        'Shipping',
        'Fees',
        'Seller shipping fee',
        'Subtotal after seller discounts',
      ]),
    );
  });

  it('suggests the nearest known names for a typo', () => {
    expect(closestColumns('Referal fee', 2)[0]).toBe('Referral fee');
    expect(closestColumns('Total setlement amount', 1)).toEqual(['Total settlement amount']);
    expect(closestColumns('zzzzzzzzzzzzzzzzzzzzzz')).toEqual([]);
  });
});
