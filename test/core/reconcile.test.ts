import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { reconcile, reconcilePlan, reconcileReports } from '../../src/core/analysis/reconcile';
import type { LedgerRow } from '../../src/core/types';
import { parseSheetRows } from '../../src/core/read/parse-export';
import { amountIdsOf, ledgerHeader, ledgerRowToCells } from '../../src/core/ledger/ledger-format';
import { fixtureDir } from './helpers';

function ledgerRow(amounts: Record<string, number>, type = 'Order'): LedgerRow {
  return {
    key: 'k',
    layout: 'statement',
    type,
    statementId: 's',
    orderId: '577',
    relatedOrderId: '',
    skuId: '',
    sellerSku: '',
    productName: '',
    skuName: '',
    quantity: 1,
    orderDate: '',
    statementDate: '',
    currency: 'USD',
    amounts,
    unknown: {},
    source: { file: 'f.csv', row: 2 },
  };
}

describe('reconciliation', () => {
  it('passes the real on-hold row: 13.76 = 15 − 1.24 − 4.58 + 4.58', () => {
    const parsed = parseExportFile(
      new Uint8Array(readFileSync(fixtureDir + 'headers/us_unsettled_export_fixture.csv')),
      'Onhold(UTC-7).csv',
    ).files[0];
    expect(parsed.reconciliation).toMatchObject({
      rowsChecked: 1,
      mismatches: [],
      subtotalMismatches: [],
      ok: true,
    });
  });

  it('uses leaves only: children of present subtotals, subtotals when alone, never info columns', () => {
    const plan = reconcilePlan([
      'total_estimated_settlement_amount',
      'net_sales',
      'gross_sales',
      'fees',
      'referral_fee',
      'sales_tax_on_referral_fees',
      'tiktok_shop_shipping_fee',
      'customer_paid_shipping_fee',
      'customer_payment',
      'adjustment_amount',
    ]);
    expect(plan.settlementIds).toEqual(['total_estimated_settlement_amount']);
    expect(plan.leaves).toEqual([
      'gross_sales',
      'referral_fee',
      'sales_tax_on_referral_fees',
      'tiktok_shop_shipping_fee',
      'customer_paid_shipping_fee',
      'adjustment_amount',
    ]);
    expect(plan.subtotals).toEqual([
      { id: 'net_sales', label: 'Net sales', children: ['gross_sales'] },
      { id: 'fees', label: 'Fees', children: ['referral_fee', 'sales_tax_on_referral_fees'] },
    ]);
    expect(reconcilePlan(['total_settlement_amount', 'net_sales', 'fees', 'shipping']).leaves).toEqual([
      'net_sales',
      'fees',
      'shipping',
    ]);
    expect(
      reconcilePlan([
        'total_settlement_amount',
        'net_sales',
        'subtotal_after_seller_discounts',
        'gross_sales',
        'seller_discount',
      ]).subtotals,
    ).toEqual([
      { id: 'net_sales', label: 'Net sales', children: ['subtotal_after_seller_discounts'] },
      {
        id: 'subtotal_after_seller_discounts',
        label: 'Subtotal after seller discounts',
        children: ['gross_sales', 'seller_discount'],
      },
    ]);
  });

  it('reports a row whose settlement differs, with the difference, and a subtotal that differs from its parts', () => {
    const ids = ['total_settlement_amount', 'net_sales', 'gross_sales', 'fees', 'referral_fee'];
    const result = reconcile(
      [
        ledgerRow({
          total_settlement_amount: 1400,
          net_sales: 1500,
          gross_sales: 1500,
          fees: -124,
          referral_fee: -117,
        }),
      ],
      ids,
    );
    expect(result.ok).toBe(false);
    expect(result.mismatches).toEqual([
      {
        source: { file: 'f.csv', row: 2 },
        row: 2,
        orderId: '577',
        type: 'Order',
        settlement: 1400,
        sumOfParts: 1383,
        difference: 17,
      },
    ]);
    expect(result.subtotalMismatches).toEqual([
      {
        source: { file: 'f.csv', row: 2 },
        orderId: '577',
        type: 'Order',
        column: 'Fees',
        subtotal: -124,
        sumOfParts: -117,
        difference: -7,
      },
    ]);
  });

  it('checks adjustment rows against Adjustment amount', () => {
    const result = reconcile(
      [ledgerRow({ total_settlement_amount: -2899, adjustment_amount: -2899 }, 'Chargeback')],
      ['total_settlement_amount', 'adjustment_amount'],
    );
    expect(result.ok).toBe(true);
  });

  it('checks the Reports sheet totals against the Type = Order column sums', () => {
    const rows = [
      ledgerRow({ gross_sales: 1500, shipping: -458 }),
      ledgerRow({ gross_sales: 2000, shipping: 0 }),
      ledgerRow({ adjustment_amount: -100 }, 'Chargeback'),
    ];
    expect(
      reconcileReports(
        [
          ['Gross sales', '35.00'],
          ['Shipping', '-4.50'],
          ['Adjustment amount', '0'],
        ],
        rows,
      ),
    ).toEqual([
      { label: 'Gross sales', expected: 3500, actual: 3500, difference: 0 },
      { label: 'Shipping', expected: -450, actual: -458, difference: 8 },
      { label: 'Adjustment amount', expected: 0, actual: 0, difference: 0 },
    ]);
    expect(
      reconcileReports(
        [
          ['Gross sales', 'Shipping'],
          [35, -4.58],
        ],
        rows,
      ),
    ).toEqual([
      { label: 'Gross sales', expected: 3500, actual: 3500, difference: 0 },
      { label: 'Shipping', expected: -458, actual: -458, difference: 0 },
    ]);
  });
});

describe('a differing row of the TTS Ledger tab', () => {
  it('is named by its row on the tab; its source stays the row of the file it was imported from', () => {
    const file = parseSheetRows(
      [
        [
          'Statement ID',
          'Order/adjustment ID',
          'Type',
          'Total settlement amount',
          'Net sales',
          'Gross sales',
        ],
        ['7496', '577000000000000001', 'Order', '10.00', '10.00', '10.00'],
        ['7496', '577000000000000002', 'Order', '20.00', '20.00', '20.00'],
      ],
      { fileName: 'statement.csv' },
    );
    const header = ledgerHeader(amountIdsOf(file.rows));
    // Sorted by the seller: the file's row 2 is now the tab's row 3, and it no longer adds up.
    const [first, second] = file.rows.map((row) => ledgerRowToCells(row, header, 'import-1'));
    first[header.indexOf('Total settlement amount')] = 11;
    const tab = parseSheetRows([header, second, first], {
      fileName: 'TTS Ledger',
      keepRows: false,
      reconcile: true,
    });
    expect(tab.reconciliation.mismatches).toEqual([
      expect.objectContaining({ row: 3, source: { file: 'statement.csv', row: 2 }, difference: 100 }),
    ]);
  });
});
