/**
 * A US order export (`OrderSKUList`, the real UK file's 43 columns) through dist/Code.js: sales by
 * order date from SKU subtotals written `8.00`, `$8.00` or `USD 8.00`, cancelled and returned lines
 * counted as such, and the functions that need a settlement saying where to find one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, type GasRuntime } from '../../emulator/sandbox';
import { codeFile, ensureBuilt, errorOf, exportRows, sheetRange } from './custom-functions-sheet';
import { REAL, realCsvRows } from '../helpers/real-fixtures';

let rt: GasRuntime;
beforeAll(() => {
  ensureBuilt();
  rt = loadBundleInVm({ file: codeFile });
});

const HEADER = realCsvRows(REAL.ukOrders)[0];

// Line │ created    │ status    │ qty (returned) │ before │ seller disc. │ kept gross │ net
// 1    │ 2026-09-23 │ Completed │ 1              │   8.00 │ 0.00         │  8.00      │  8.00
// 2    │ 2026-09-24 │ Completed │ 2 (1 returned) │  30.00 │ 3.00         │ 15.00      │ 13.50
// 3    │ 2026-09-25 │ Canceled  │ 1 (1)          │  12.00 │ 2.00         │  0.00      │  0.00
// 4    │ 2026-10-14 │ Shipped   │ 3              │  45.00 │ 4.50         │ 45.00      │ 40.50
// 5    │ 2026-10-15 │ Unpaid    │ 1              │  10.00 │ 0.00         │  0.00      │  0.00
// September: gross kept 23.00, net 21.50; October 45.00 / 40.50. Total 68.00 / 62.00.
const LINES = [
  {
    id: '576955651451099542',
    sku: '1729934206123809441',
    status: 'Completed',
    qty: '1',
    returned: '0',
    before: '8.00',
    disc: '0.00',
    created: '23/09/2026 16:06:19',
  },
  {
    id: '576955651451099543',
    sku: '1729934206123809442',
    status: 'Completed',
    qty: '2',
    returned: '1',
    before: '$30.00',
    disc: '$3.00',
    created: '24/09/2026 09:12:00',
  },
  {
    id: '576955651451099544',
    sku: '1729934206123809441',
    status: 'Canceled',
    qty: '1',
    returned: '1',
    before: 'USD 12.00',
    disc: 'USD 2.00',
    created: '25/09/2026 18:00:00',
  },
  {
    id: '576955651451099545',
    sku: '1729934206123809443',
    status: 'Shipped',
    qty: '3',
    returned: '0',
    before: '45.00',
    disc: '4.50',
    created: '14/10/2026 13:30:00',
  },
  {
    id: '576955651451099546',
    sku: '1729934206123809443',
    status: 'Unpaid',
    qty: '1',
    returned: '0',
    before: '10.00',
    disc: '0.00',
    created: '15/10/2026 08:00:00',
  },
];

const ROWS = exportRows(
  HEADER,
  LINES.map((l) => ({
    'Order ID': l.id,
    'Order Status': l.status,
    'SKU ID': l.sku,
    'Product Name': 'My Special Mug',
    Variation: 'Default',
    Quantity: l.qty,
    'Sku Quantity of return': l.returned,
    'SKU Unit Original Price': '8.00',
    'SKU Subtotal Before Discount': l.before,
    'SKU Platform Discount': '0.00',
    'SKU Seller Discount': l.disc,
    'SKU Subtotal After Discount': '0.00',
    'Order Amount': l.before,
    'Created Time': l.created,
    'Cancelation/Return Type': l.status === 'Canceled' ? 'Cancel' : '',
  })),
);

const range = () => sheetRange(rt, ROWS);

describe('order exports in the custom functions', () => {
  it('TTS_SALES: gross sales kept and net sales by order month, cancelled and returned units taken out', () => {
    expect(rt.call('TTS_SALES', range())).toBe(68);
    expect(rt.call('TTS_SALES', range(), '2026-09')).toBe(23);
    expect(rt.call('TTS_SALES', range(), '2026-10')).toBe(45);
    expect(rt.call('TTS_SALES', range(), '', 'net')).toBe(62);
    expect(rt.call('TTS_SALES', range(), '2026-09', 'net')).toBe(21.5);
  });

  it('TTS_PNL by month: sales lines filled, settlement, fee and profit cells blank rather than 0', () => {
    const table = rt.call('TTS_PNL', range()) as (string | number)[][];
    expect(table.map((row) => row.slice(0, 5))).toEqual([
      ['Month', 'Gross sales', 'Seller discounts', 'Refunds', 'Net sales'],
      // September: gross 8 + 30 + 12 = 50; discounts −5; refunds −15 + 1.50 − 12 + 2 = −23.50; net 21.50.
      ['2026-09', 50, -5, -23.5, 21.5],
      // October: the unpaid line's 10.00 comes back as a refund.
      ['2026-10', 55, -4.5, -10, 40.5],
      ['Total', 105, -9.5, -33.5, 62],
    ]);
    expect(table[0].slice(5, 9)).toEqual(['Shipping', 'Fees', 'Adjustments', 'Settlement']);
    for (const row of table.slice(1)) expect(row.slice(5).every((cell) => cell === '')).toBe(true);
  });

  it('functions that need a settlement or fees say to use a Statement export instead of answering 0', () => {
    const expected = (fn: string) =>
      `the statement range is a Seller Center order export: an order export ` +
      `has no settlement or fees: use a Statement export (Finance → Statements → Export) for ${fn}.`;
    expect(errorOf(() => rt.call('TTS_SETTLEMENT', range()))).toBe(expected('TTS_SETTLEMENT'));
    expect(errorOf(() => rt.call('TTS_FEES', range()))).toBe(expected('TTS_FEES'));
    expect(errorOf(() => rt.call('TTS_FEE', range(), 'Referral fee'))).toBe(expected('TTS_FEE'));
    expect(errorOf(() => rt.call('TTS_NET_PROFIT', range()))).toBe(expected('TTS_NET_PROFIT'));
    expect(errorOf(() => rt.call('TTS_RECONCILE', range()))).toBe(expected('TTS_RECONCILE'));
    expect(errorOf(() => rt.call('TTS_SALES', range(), '', 'settlement'))).toBe(
      expected('TTS_SALES with metric "settlement"'),
    );
  });
});
