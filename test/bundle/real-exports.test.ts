/**
 * The real exports in test/fixtures/real as ranges, through the built dist/Code.js: opened or
 * imported into Sheets, each lands as a range every function refuses with its currency named,
 * never a sum of pounds or rupiah as dollars, never a complaint about its header.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, type GasRuntime } from '../../emulator/sandbox';
import { codeFile, ensureBuilt, errorOf, inSandbox, padded, sheetRange } from './custom-functions-sheet';
import { REAL, realCsvRows, realSheetRows } from '../helpers/real-fixtures';

let rt: GasRuntime;
beforeAll(() => {
  ensureBuilt();
  rt = loadBundleInVm({ file: codeFile });
});

/** Every function that reads an export range, called on `range`. */
function everyFunction(range: unknown): [string, () => unknown][] {
  return [
    ['TTS_SETTLEMENT', () => rt.call('TTS_SETTLEMENT', range)],
    ['TTS_SALES', () => rt.call('TTS_SALES', range)],
    ['TTS_FEES', () => rt.call('TTS_FEES', range)],
    ['TTS_FEE', () => rt.call('TTS_FEE', range, 'Referral fee')],
    ['TTS_NET_PROFIT', () => rt.call('TTS_NET_PROFIT', range)],
    ['TTS_PNL', () => rt.call('TTS_PNL', range, '', 'month')],
    ['TTS_RECONCILE', () => rt.call('TTS_RECONCILE', range)],
    ['TTS_THRESHOLD', () => rt.call('TTS_THRESHOLD', range)],
  ];
}

const CASES = [
  {
    name: 'UK On-hold export (Currency column GBP, amounts 7.28)',
    range: () => sheetRange(rt, realCsvRows(REAL.ukOnHold)),
    expected:
      'the amounts are in GBP, not US dollars (row 2, column *Currency* reads ' +
      '`GBP`). Read as a US On hold / unsettled export: 1 row from row 2, ' +
      'Total estimated settlement amount GBP 7.28.',
  },
  {
    name: 'UK order export (amounts GBP 8.00)',
    range: () => sheetRange(rt, realCsvRows(REAL.ukOrders)),
    expected:
      'the amounts are in GBP, not US dollars (row 2, column *SKU Unit Original Price* reads `GBP 8.00`).',
  },
  {
    name: 'Indonesian Income workbook, sheet Order details',
    range: () => inSandbox(rt, padded(realSheetRows(REAL.idIncome202409, 'Order details'))),
    expected: 'Read as a Legacy Income export: 252 rows from row 2, Total settlement amount IDR 32,670,368.',
  },
  {
    name: 'Indonesian order export written one <row> per cell (IDR 199.000 is 199,000 rupiah)',
    range: () => inSandbox(rt, padded(realSheetRows(REAL.idOrders202411, 'OrderSKUList'))),
    expected:
      'Read as a Seller Center order export: 256 rows from row 3, SKU Subtotal After Discount IDR 31,709,775.',
  },
];

describe('real exports in the custom functions', () => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s: every function refuses it, naming the currency',
    (_name, c) => {
      const range = c.range();
      for (const [fn, call] of everyFunction(range)) {
        const message = errorOf(call);
        expect(message, fn).toContain(c.expected);
        expect(message, fn).toMatch(/^the statement range: /);
        expect(message, fn).not.toMatch(/header/);
      }
    },
  );

  it('the rupiah total in the refusal is the sum of the column as the file writes it', () => {
    const rows = realSheetRows(REAL.idOrders202411, 'OrderSKUList');
    const column = rows[0].indexOf('SKU Subtotal After Discount');
    const rupiah = rows
      .slice(2)
      .reduce((sum, row) => sum + Number(row[column].replace(/^IDR /, '').replace(/\./g, '')), 0);
    expect(rupiah).toBe(31_709_775);
  });
});
