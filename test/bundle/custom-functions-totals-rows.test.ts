/**
 * A seller's totals row under an export they pass to a function (a SUM row, `Total` in the ID
 * column or in a date column, a whole-column range that reaches it): it is not an order, so it is
 * skipped and every figure is the export's own, as the import drops it. Tables say a row was
 * skipped. A row that is an order but lost its ID, or holds a note where the ID belongs, is refused
 * naming its row, never counted or dropped with its money. Through dist/Code.js.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, type GasRuntime } from '../../emulator/sandbox';
import {
  codeFile,
  ensureBuilt,
  errorOf,
  inSandbox,
  padded,
  readCsv,
  typedCells,
  type SheetCell,
} from './custom-functions-sheet';
import { incomeCsv, incomeRows } from '../corpus/income-export';
import { parseCsv } from '../../src/core/read/files/csv';

let rt: GasRuntime;
beforeAll(() => {
  ensureBuilt();
  rt = loadBundleInVm({ file: codeFile });
});

const STATEMENT = readCsv('samples/statement-2026-05.csv');
const HEADER = STATEMENT[0];
const COGS = readCsv('samples/cogs.csv').map((r, i) => (i === 0 ? r : [r[0], Number(r[1]), r[2]]));

/** The range with a row under it: each numeric column's sum, and `label` in column `labelColumn`. */
function withSumRow(rows: SheetCell[][], labelColumn: string, label: string): SheetCell[][] {
  const sum = rows[0].map((_, c): SheetCell => {
    const cells = rows.slice(1).map((r) => r[c]);
    if (!cells.every((v) => typeof v === 'number' || v === '')) return '';
    return Math.round(cells.reduce<number>((a, v) => a + (typeof v === 'number' ? v : 0), 0) * 100) / 100;
  });
  sum[rows[0].indexOf(labelColumn)] = label;
  return [...rows, sum];
}

const call = (name: string, ...args: unknown[]) => rt.call(name, ...args.map((a) => inSandbox(rt, a)));
const FUNCTIONS: [string, (s: SheetCell[][]) => unknown[]][] = [
  ['TTS_SETTLEMENT', (s) => [s]],
  ['TTS_SALES', (s) => [s]],
  ['TTS_FEES', (s) => [s]],
  ['TTS_FEE', (s) => [s, 'Referral fee']],
  ['TTS_NET_PROFIT', (s) => [s, COGS]],
  ['TTS_PNL', (s) => [s, COGS, 'type']],
  ['TTS_COST_DETAIL', (s) => [s, COGS, '2026-04']],
  ['TTS_RECONCILE', (s) => [s]],
  ['TTS_THRESHOLD', (s) => [s, 65000, 1000000, '2026-05-31']],
];

/** The function's answer without the line saying a row was skipped. */
function withoutSkippedLine(answer: unknown): unknown {
  if (!Array.isArray(answer)) return answer;
  return answer.filter(
    (row) => !/^1 row without an order ID \(a total or a note\) was skipped$/.test(String(row[0])),
  );
}

describe('a totals row under the export', () => {
  const plain = padded(typedCells(STATEMENT), { width: 64, blankRowsBelow: 300 });

  it('reads $4,613.85 of settlement and $5,782.90 of sales from the untouched sample', () => {
    expect(call('TTS_SETTLEMENT', plain)).toBe(4613.85);
    expect(call('TTS_SALES', plain)).toBe(5782.9);
  });

  for (const [labelColumn, label] of [
    ['Order/adjustment ID', 'Total'],
    ['Order/adjustment ID', 'Grand total'],
    ['Statement date (UTC)', 'Total'],
    ['Type', 'Sum'],
  ])
    it(`is skipped with \`${label}\` in *${labelColumn}*: every function answers as without it`, () => {
      const range = padded(withSumRow(typedCells(STATEMENT), labelColumn, label), {
        width: 64,
        blankRowsBelow: 300,
      });
      for (const [name, args] of FUNCTIONS) {
        if (name === 'TTS_RECONCILE') continue;
        expect(withoutSkippedLine(call(name, ...args(range))), name).toEqual(call(name, ...args(plain)));
      }
      expect(call('TTS_SETTLEMENT', ...[range])).toBe(4613.85);
      const pnl = call('TTS_PNL', range, COGS) as unknown[][];
      expect(pnl.at(-1)?.[0]).toBe('1 row without an order ID (a total or a note) was skipped');
      expect(call('TTS_RECONCILE', range)).toEqual([
        ['Row', 'Order/adjustment ID', 'Settlement', 'Sum of parts', 'Difference'],
        [197, 'No order ID: skipped, not an order (a total or note typed in the range)', '', '', ''],
        ['All 195 rows reconcile; the rows above without an order ID were not counted', '', '', '', ''],
      ]);
    });

  it('is skipped under an Income export, whose first column is the order ID', () => {
    const income = parseCsv(incomeCsv(incomeRows(6))).map((r, i) =>
      i === 0 ? r : r.map((v) => (/^-?\d+(\.\d+)?$/.test(v) && v.length < 15 ? Number(v) : v)),
    );
    const alone = call('TTS_SETTLEMENT', padded(income, { width: 48 }));
    const withTotal = padded(withSumRow(income, String(income[0][0]), 'Total'), { width: 48 });
    expect(call('TTS_SETTLEMENT', withTotal)).toBe(alone);
    expect(call('TTS_NET_PROFIT', withTotal)).toBe(alone);
  });
});

describe('a row that is not a totals row', () => {
  it('an order row whose ID was cleared is refused, not counted without its ID', () => {
    const rows = typedCells(STATEMENT);
    rows[5][HEADER.indexOf('Order/adjustment ID')] = '';
    for (const [name, args] of FUNCTIONS)
      expect(
        errorOf(() => call(name, ...args(rows))),
        name,
      ).toBe("Row 6: no *Order/adjustment ID*. Type the row's ID back, or leave the row out of the range.");
  });

  it('a note typed where an order ID belongs is refused naming the cell', () => {
    const rows = typedCells(STATEMENT);
    rows[5][HEADER.indexOf('Order/adjustment ID')] = 'refund pending';
    expect(errorOf(() => call('TTS_SETTLEMENT', rows))).toBe(
      'Row 6, column *Order/adjustment ID*: expected an ID (digits), found `refund pending`.',
    );
  });
});
