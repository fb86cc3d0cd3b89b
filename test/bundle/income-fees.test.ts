/**
 * A US legacy Income export (header from a real file) through dist/Code.js: its `Total fees`
 * includes `Seller shipping fee`, so TTS_FEES lists that line and totals to the file's own column,
 * while TTS_PNL keeps shipping in its own column, as for statements.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, type GasRuntime } from '../../emulator/sandbox';
import { codeFile, ensureBuilt, exportRows, fixtureHeader, sheetRange } from './custom-functions-sheet';

let rt: GasRuntime;
beforeAll(() => {
  ensureBuilt();
  rt = loadBundleInVm({ file: codeFile });
});

const HEADER = fixtureHeader('legacy_income_export_header.csv');
const common = {
  Type: 'Order',
  'Order created time': '2024/04/12',
  'Order settled time': '2024/04/23',
  Currency: 'USD',
  'Related order ID': '/',
};

// Order 1: revenue 30.00 (32.00 − 2.00); fees −9.50 = transaction −0.90, commission −1.80,
//          seller shipping −5.00 (actual −5.00), affiliate −1.80; settlement 20.50.
// Order 2: revenue 15.00; fees −3.00 = transaction −0.45, commission −0.90, seller shipping −1.65
//          (actual −4.00, customer +2.35); settlement 12.00.
// The file's Total fees column: −12.50. Seller shipping fee −6.65; fees without shipping −5.85.
const ROWS = exportRows(HEADER, [
  {
    ...common,
    'Order/adjustment ID': '576786105183930101',
    'Total settlement amount': '20.50',
    'Total revenue': '30.00',
    'Subtotal after seller discounts': '30.00',
    'Subtotal before discounts': '32.00',
    'Seller discounts': '-2.00',
    'Total fees': '-9.50',
    'Transaction fee': '-0.90',
    'TikTok Shop commission fee': '-1.80',
    'Seller shipping fee': '-5.00',
    'Actual shipping fee': '-5.00',
    'Affiliate commission': '-1.80',
    'Customer payment': '32.50',
  },
  {
    ...common,
    'Order/adjustment ID': '576786105183930102',
    'Total settlement amount': '12.00',
    'Total revenue': '15.00',
    'Subtotal after seller discounts': '15.00',
    'Subtotal before discounts': '15.00',
    'Total fees': '-3.00',
    'Transaction fee': '-0.45',
    'TikTok Shop commission fee': '-0.90',
    'Seller shipping fee': '-1.65',
    'Actual shipping fee': '-4.00',
    'Customer shipping fee': '2.35',
    'Customer payment': '17.35',
  },
]);

describe('legacy Income export fees', () => {
  it("TTS_FEES' Total fees equals the file's Total fees column, the shipping line listed", () => {
    const feesColumn = HEADER.indexOf('Total fees');
    const fileTotal = ROWS.slice(1).reduce((sum, row) => sum + Math.round(Number(row[feesColumn]) * 100), 0);
    expect(fileTotal).toBe(-1250);
    expect(rt.call('TTS_FEES', sheetRange(rt, ROWS))).toEqual([
      ['Fee', 'Amount'],
      ['Seller shipping fee', -6.65],
      ['TikTok Shop commission fee', -2.7],
      ['Affiliate commission', -1.8],
      ['Transaction fee', -1.35],
      ['Total fees', fileTotal / 100],
    ]);
    expect(rt.call('TTS_FEE', sheetRange(rt, ROWS), 'Total fees')).toBe(-12.5);
  });

  it('TTS_PNL keeps shipping in its own column; the rows reconcile', () => {
    const table = rt.call('TTS_PNL', sheetRange(rt, ROWS)) as (string | number)[][];
    expect(table[0].slice(0, 9)).toEqual([
      'Month',
      'Gross sales',
      'Seller discounts',
      'Refunds',
      'Net sales',
      'Shipping',
      'Fees',
      'Adjustments',
      'Settlement',
    ]);
    expect(table[1].slice(0, 9)).toEqual(['2024-04', 47, -2, 0, 45, -6.65, -5.85, 0, 32.5]);
    expect(rt.call('TTS_RECONCILE', sheetRange(rt, ROWS))).toBe('All 2 rows reconcile');
  });
});
