/**
 * The sample statement as Sheets' File → Import leaves it (every ID a number: `5.77E+17`) and as
 * Excel saves it with a Number format (`577389150020122000`), through dist/Code.js: functions
 * that only add up answer as on the exact IDs; functions where an ID decides the answer name the
 * rounded IDs and say how to keep them as text.
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
} from './custom-functions-sheet';

let rt: GasRuntime;
beforeAll(() => {
  ensureBuilt();
  rt = loadBundleInVm({ file: codeFile });
});

const SAMPLE = readCsv('samples/statement-2026-05.csv');
const HEADER = SAMPLE[0];
const ID_COLUMNS = ['Statement ID', 'Payment ID', 'Order/adjustment ID', 'SKU ID', 'Related order ID'].map(
  (name) => HEADER.indexOf(name),
);

/** The sample with its ID cells turned into what the spreadsheet made of them. */
function withIds(convert: (id: string) => string | number): unknown[][] {
  const cells = typedCells(SAMPLE).map((row, r) =>
    row.map((cell, c) =>
      r > 0 && ID_COLUMNS.includes(c) && typeof cell === 'string' && /^\d{16,19}$/.test(cell)
        ? convert(cell)
        : cell,
    ),
  );
  return inSandbox(rt, padded(cells));
}

const exact = () => withIds((id) => id);
/** File → Import: the number closest to the ID (what Sheets shows as 5.77389E+17). */
const sheetsNumbers = () => withIds((id) => Number(id));
/** Excel's Number format: 15 significant digits, zeros after. */
const excelRounded = () => withIds((id) => id.slice(0, 15) + '0'.repeat(id.length - 15));

const SUMS: [string, unknown[]][] = [
  ['TTS_SETTLEMENT', []],
  ['TTS_SALES', []],
  ['TTS_SALES', ['2026-04', 'net']],
  ['TTS_FEES', []],
  ['TTS_FEE', ['Referral fee']],
  ['TTS_NET_PROFIT', []],
  ['TTS_PNL', ['', 'month']],
  ['TTS_PNL', ['', 'type']],
  ['TTS_THRESHOLD', [65000, 1000000]],
  ['TTS_RECONCILE', []],
];

describe('IDs a spreadsheet rounded', () => {
  it.each([
    ['Sheets numbers (5.77E+17)', sheetsNumbers],
    ['Excel zeros (577389150020122000)', excelRounded],
  ] as const)('%s: every function that only adds up answers as on exact IDs', (_name, rounded) => {
    // The settlement, worked out from the file's own column.
    const column = HEADER.indexOf('Total settlement amount');
    const settlement =
      SAMPLE.slice(1).reduce((sum, row) => sum + Math.round(Number(row[column]) * 100), 0) / 100;
    expect(rt.call('TTS_SETTLEMENT', rounded())).toBe(settlement);
    for (const [fn, args] of SUMS)
      expect(rt.call(fn, rounded(), ...args), fn).toEqual(rt.call(fn, exact(), ...args));
  });

  it('TTS_PNL by statement still answers: the same money per statement, labelled by the rounded ID', () => {
    const byStatement = (range: unknown[][]) =>
      (rt.call('TTS_PNL', range, '', 'statement') as unknown[][]).map((row) => row.slice(1));
    expect(byStatement(sheetsNumbers())).toEqual(byStatement(exact()));
  });

  it('TTS_PNL by SKU and unit costs matched by SKU ID name the rounded IDs and how to re-import them as text', () => {
    const cogs = inSandbox(rt, [
      ['SKU', 'Unit cost'],
      ['1732440158393635811', 5],
    ]);
    const guidance =
      'Import the file again keeping IDs as text: in Sheets, File → Import with "Convert text to numbers, dates, and formulas" unticked';
    const bySku = errorOf(() => rt.call('TTS_PNL', sheetsNumbers(), '', 'sku'));
    expect(bySku).toMatch(
      /^the statement range: TTS_PNL by "sku" needs exact IDs, but the IDs in \*SKU ID\* \(e\.g\. `1\.\d+E\+18` on row 2\) were rounded by the spreadsheet/,
    );
    expect(bySku).toContain(guidance);
    expect(errorOf(() => rt.call('TTS_NET_PROFIT', excelRounded(), cogs))).toMatch(
      /^the statement range: TTS_NET_PROFIT with cogs \(unit costs are matched by SKU ID\) needs exact IDs, but the IDs in \*SKU ID\* \(e\.g\. `\d{15}0000` on row \d+\)/,
    );
    expect(errorOf(() => rt.call('TTS_PNL', sheetsNumbers(), cogs, 'month'))).toContain('needs exact IDs');
  });

  it('TTS_RECONCILE lists rows by order ID: with rounded IDs and a row that differs, it names the rounding instead', () => {
    const broken = sheetsNumbers();
    const column = HEADER.indexOf('Total settlement amount');
    (broken[1] as unknown[])[column] = Number((broken[1] as unknown[])[column]) + 1;
    expect(errorOf(() => rt.call('TTS_RECONCILE', broken))).toContain(
      "TTS_RECONCILE's list of rows that differ needs exact IDs, but the IDs in *Order/adjustment ID*",
    );
  });

  it('one real ID ending in 000 is not rounding: a single zero-tailed order ID among whole ones answers by SKU', () => {
    const oneZero = withIds((id) =>
      id === SAMPLE[1][HEADER.indexOf('Order/adjustment ID')] ? id.slice(0, 15) + '000' : id,
    );
    expect(() => rt.call('TTS_PNL', oneZero, '', 'sku')).not.toThrow();
  });
});
