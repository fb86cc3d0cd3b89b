/**
 * Unit costs need units: a sold line without a quantity (its cell cleared, `/`, or the Quantity
 * column left out of the range) would be costed at $0 and raise the profit by its goods' cost.
 * Every function that costs goods refuses it naming the row; the others still answer. Through
 * dist/Code.js.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, type GasRuntime } from '../../emulator/sandbox';
import { codeFile, ensureBuilt, errorOf, inSandbox, readCsv, typedCells } from './custom-functions-sheet';

let rt: GasRuntime;
beforeAll(() => {
  ensureBuilt();
  rt = loadBundleInVm({ file: codeFile });
});

const STATEMENT = readCsv('samples/statement-2026-05.csv');
const QUANTITY = STATEMENT[0].indexOf('Quantity');
const COGS = readCsv('samples/cogs.csv').map((r, i) => (i === 0 ? r : [r[0], Number(r[1]), r[2]]));
const call = (name: string, ...args: unknown[]) => rt.call(name, ...args.map((a) => inSandbox(rt, a)));
const COSTING: [string, unknown[]][] = [
  ['TTS_NET_PROFIT', [COGS]],
  ['TTS_PNL', [COGS]],
  ['TTS_COST_DETAIL', [COGS, '2026-04']],
];

describe('a sold line without units', () => {
  it('costs $1,949.45 of goods on the untouched sample: net profit $2,664.40', () => {
    expect(call('TTS_NET_PROFIT', typedCells(STATEMENT), COGS)).toBe(2664.4);
  });

  for (const [what, cell] of [
    ['cleared', ''],
    ['`/`', '/'],
  ] as const)
    it(`with its Quantity ${what} is refused by every function that costs goods`, () => {
      const rows = typedCells(STATEMENT);
      rows[7][QUANTITY] = cell;
      for (const [name, args] of COSTING)
        expect(
          errorOf(() => call(name, rows, ...args)),
          name,
        ).toBe('No product cost for 1 row with sales but no *Quantity* (the first: row 8): fill it.');
      expect(call('TTS_SETTLEMENT', rows)).toBe(4613.85);
      expect(call('TTS_NET_PROFIT', rows)).toBe(4613.85);
    });

  it('a range without the Quantity column is refused before any row is costed', () => {
    const rows = typedCells(STATEMENT).map((r) => r.filter((_, c) => c !== QUANTITY));
    expect(errorOf(() => call('TTS_NET_PROFIT', rows, COGS))).toBe(
      'the statement range has no *Quantity* column, which every US Statement export has: it ends at ' +
        "*Signature confirmation service fee type*: widen it to the export's last column (e.g. Statement!A:BL), " +
        'or put the column back.',
    );
  });
});
