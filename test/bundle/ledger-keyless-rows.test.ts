/**
 * Rows a seller typed into the TTS Ledger tab (a totals row, a note) have no Key: every function
 * that reads the tab skips them and says so where the seller looks. Tables end with a line
 * counting them; TTS_RECONCILE lists them by row; one-number functions skip them and their
 * documented note points to TTS_RECONCILE. Through dist/Code.js on a ledger the import wrote.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, type GasRuntime } from '../../emulator/index';
import { privateBundleCopy } from '../helpers/built-bundle';
import { ensureBuilt, harness, LEDGER, type Harness } from '../server/import-harness';
import { parseClassified } from '../reliability/classify';
import { MARCH, MARCH_CENTS, columnNumber } from '../corpus/workbook-states';
import { KEYLESS_ROWS_RULE } from '../../src/core/help';

let bundle = '';
let h: Harness;
let rt: GasRuntime;
let ledger: unknown[][];
/** Rows of the ledger the seller typed: a totals row and a note two rows under it. */
let totalsRow = 0;
let noteRow = 0;

beforeAll(async () => {
  ensureBuilt();
  bundle = privateBundleCopy();
  h = harness();
  const parsed = parseClassified(MARCH.bytes(), MARCH.name);
  if (parsed.kind !== 'parsed') throw parsed.error as Error;
  await h.importFiles(parsed.result.files);
  const sheet = h.workbook.requireSheet(LEDGER);
  totalsRow = sheet.lastRow() + 1;
  noteRow = totalsRow + 2;
  h.workbook.seed(LEDGER, [['Total']], totalsRow, columnNumber(h.workbook, LEDGER, 'Product name'));
  h.workbook.seed(
    LEDGER,
    [[MARCH_CENTS / 100]],
    totalsRow,
    columnNumber(h.workbook, LEDGER, 'Total settlement amount'),
  );
  h.workbook.seed(
    LEDGER,
    [['ask the supplier about the May invoice']],
    noteRow,
    columnNumber(h.workbook, LEDGER, 'Order/adjustment ID'),
  );
  ledger = h.values(LEDGER);
  rt = loadBundleInVm({ file: bundle, workbook: h.workbook });
});

const SKIPPED = '2 rows without a Key were skipped — they are not imported rows';
const cents = (dollars: unknown) => Math.round((dollars as number) * 100);

describe('functions on the TTS Ledger tab with rows the seller typed', () => {
  it('one-number functions count only imported rows: the typed total does not double the settlement', () => {
    expect(cents(rt.call('TTS_SETTLEMENT', ledger))).toBe(MARCH_CENTS);
    expect(cents(rt.call('TTS_SALES', ledger, '', 'settlement'))).toBe(MARCH_CENTS);
    expect(KEYLESS_ROWS_RULE).toMatch(
      /TTS_SETTLEMENT, TTS_SALES, TTS_FEE and TTS_NET_PROFIT return one number and cannot: TTS_RECONCILE on the same range lists those rows/,
    );
  });

  it('TTS_FEES, TTS_PNL and TTS_THRESHOLD end with the line counting the skipped rows', () => {
    for (const table of [
      rt.call('TTS_FEES', ledger),
      rt.call('TTS_PNL', ledger),
      rt.call('TTS_THRESHOLD', ledger, 65000, 1000000, '2026-03-31'),
    ] as unknown[][][]) {
      const last = table[table.length - 1];
      expect(last[0]).toBe(SKIPPED);
      expect(last).toHaveLength(table[0].length);
      expect(last.slice(1).every((c) => c === '')).toBe(true);
    }
    const fees = rt.call('TTS_FEES', ledger) as unknown[][];
    expect(fees[fees.length - 2][0]).toBe('Total fees');
  });

  it('TTS_COST_DETAIL ends with the same line', () => {
    const skus = [
      ...new Set(
        ledger
          .slice(1)
          .map((r) => String(r[columnNumber(h.workbook, LEDGER, 'SKU ID') - 1]))
          .filter((s) => /^\d+$/.test(s)),
      ),
    ];
    const cogs = [['SKU', 'Unit cost'], ...skus.map((s) => [s, 2])];
    const table = rt.call('TTS_COST_DETAIL', ledger, cogs, '2026-03') as unknown[][];
    expect(table[table.length - 2][0]).toBe('Total');
    expect(table[table.length - 1][0]).toBe(SKIPPED);
  });

  it('TTS_RECONCILE lists each row without a Key by its row in the range', () => {
    const table = rt.call('TTS_RECONCILE', ledger) as unknown[][];
    expect(table[0]).toEqual(['Row', 'Order/adjustment ID', 'Settlement', 'Sum of parts', 'Difference']);
    expect(table.slice(1, 3)).toEqual([
      [totalsRow, 'No Key: skipped, not an imported row (a total or note typed in the tab)', '', '', ''],
      [noteRow, 'No Key: skipped, not an imported row (a total or note typed in the tab)', '', '', ''],
    ]);
    expect(table[3][0]).toBe('All 8 rows reconcile; the rows above without a Key were not counted');
  });

  it('without typed rows, tables carry no extra line and TTS_RECONCILE says all rows reconcile', () => {
    const clean = ledger.slice(0, totalsRow - 1);
    const fees = rt.call('TTS_FEES', clean) as unknown[][];
    expect(fees[fees.length - 1][0]).toBe('Total fees');
    expect(rt.call('TTS_RECONCILE', clean)).toBe('All 8 rows reconcile');
  });
});
