/**
 * Which month a timestamped row falls in, through dist/Code.js: the same export imported into the
 * TTS Ledger tab and pasted into a tab, in a spreadsheet in Los Angeles and one in Shanghai. One
 * rule on both paths: the spreadsheet's time zone is the seller's clock; a column whose header
 * says UTC holds moments, shown in that zone; any other date-time is read as written.
 */
import { describe, expect, it } from 'vitest';
import { Workbook, loadBundleInVm } from '../../emulator/index';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { readyFiles } from '../../src/core/ledger/ready-to-import';
import { codeFile, ensureBuilt, inSandbox, padded, readCsv, typedCells } from './custom-functions-sheet';
import { harness, LEDGER } from '../server/import-harness';
import { csvOf, fixtureHeader } from '../core/helpers';

ensureBuilt();

/** Three orders near the September/October boundary, $100, $50 and $20, created at these times. */
const TIMES = ['2024/09/30 23:30:00', '2024/10/01 03:00:00', '2024/10/15 12:00:00'];
const AMOUNTS = ['100.00', '50.00', '20.00'];

function incomeRows(): string[][] {
  const header = fixtureHeader('legacy_income_export_header.csv')
    .filter((h) => h !== 'GST')
    .map((h) => (h === 'Order created time' ? 'Order created time(UTC)' : h));
  const rows = TIMES.map((time, i) => {
    const cells: Record<string, string> = {
      'Order/adjustment ID': `57700000000000010${i + 1}`,
      Type: 'Order',
      'Order created time(UTC)': time,
      'Order settled time': '2024/10/25 10:00:00',
      Currency: 'USD',
      'Total settlement amount': AMOUNTS[i],
      'Total revenue': AMOUNTS[i],
      'Subtotal after seller discounts': AMOUNTS[i],
      'Subtotal before discounts': AMOUNTS[i],
      'Customer payment': AMOUNTS[i],
    };
    return header.map((h) => cells[h] ?? '0');
  });
  return [header, ...rows];
}

function orderExportRows(): string[][] {
  const source = readCsv(
    'test/fixtures/real/Adenola777__My-ShopEdge__testdata__real_payloads__order_export_gb_2026-09-23.csv',
  );
  const header = source[0];
  const us = source[1].map((cell) => cell.replace(/^GBP /, ''));
  const times = ['09/30/2026 23:30:00', '10/01/2026 03:00:00', '10/15/2026 12:00:00'];
  return [
    header,
    ...times.map((time, i) => {
      const row = [...us];
      const set = (name: string, value: string) => (row[header.indexOf(name)] = value);
      set('Order ID', `57695565145109960${i + 1}`);
      set('Order Status', 'Completed');
      set('Order Substatus', 'Delivered');
      set('Created Time', time);
      set('Paid Time', time);
      for (const name of [
        'SKU Unit Original Price',
        'SKU Subtotal Before Discount',
        'SKU Subtotal After Discount',
        'Order Amount',
      ])
        set(name, AMOUNTS[i]);
      return row;
    }),
  ];
}

/** Gross sales of two months through TTS_SALES, on the ledger after an import and on the export pasted in a tab. */
async function salesByPath(rows: string[][], fileName: string, timeZone: string, months: [string, string]) {
  const workbook = new Workbook({ timeZone });
  const h = harness(workbook);
  const parsed = parseExportFile(csvOf(rows), fileName);
  const ready = readyFiles(parsed.files);
  expect([...parsed.errors, ...ready.errors]).toEqual([]);
  const [outcome] = await h.importFiles(ready.files);
  expect(outcome.status, outcome.message).toBe('complete');
  const rt = loadBundleInVm({ file: codeFile, workbook });
  const ledger = inSandbox(rt, h.values(LEDGER));
  const pasted = inSandbox(rt, padded(typedCells(rows, { timeZone })));
  const sales = (range: unknown) =>
    months.map((m) => {
      try {
        return rt.call('TTS_SALES', range, m);
      } catch (error) {
        return (error as Error).message;
      }
    });
  return { ledger: sales(ledger), pasted: sales(pasted) };
}

describe('the month of a timestamped row, pasted or imported', () => {
  it.each([
    ['America/Los_Angeles', [150, 20]],
    // Every row falls in October there: September is outside the rows' dates, refused rather than 0.
    [
      'Asia/Shanghai',
      ['the statement range has no rows in 2024-09: its rows run from 2024-10-01 to 2024-10-15.', 170],
    ],
  ] as const)(
    'an Income export (Order created time(UTC)) in %s: the UTC moment in the spreadsheet’s zone, on both paths',
    async (timeZone, expected) => {
      const { ledger, pasted } = await salesByPath(incomeRows(), 'income_20241031.csv', timeZone, [
        '2024-09',
        '2024-10',
      ]);
      expect(ledger).toEqual(expected);
      expect(pasted).toEqual(expected);
    },
  );

  it.each(['America/Los_Angeles', 'Asia/Shanghai'])(
    'an order export (Created Time, no zone) in %s: as written, on both paths',
    async (timeZone) => {
      const { ledger, pasted } = await salesByPath(orderExportRows(), 'OrderSKUList.csv', timeZone, [
        '2026-09',
        '2026-10',
      ]);
      expect(ledger).toEqual([100, 70]);
      expect(pasted).toEqual([100, 70]);
    },
  );
});
