/**
 * The same rows twice, through dist/Code.js: a statement pasted into a tab and pasted again under
 * it without its header, with its IDs as text or as the spreadsheet's rounded numbers, and ledger
 * rows copied below on the TTS Ledger tab (the same Key). The import writes such a row once; the
 * functions and the dashboard refuse it, naming both rows, instead of counting it twice. Rows that
 * share a key but differ (a line split in two) are two rows and both count.
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
import { harness, LEDGER, sampleStatement, type Harness } from '../server/import-harness';

let rt: GasRuntime;
beforeAll(() => {
  ensureBuilt();
  rt = loadBundleInVm({ file: codeFile });
});

const SAMPLE = readCsv('samples/statement-2026-05.csv').filter((row) => row.length > 5);
const HEADER = SAMPLE[0];
const col = (name: string) => HEADER.indexOf(name);
const ROWS = SAMPLE.length - 1;
/** The statement's settlement, added up by hand from its own column: 4,613.85. */
const HAND = SAMPLE.slice(1).reduce(
  (sum, row) => sum + Math.round(Number(row[col('Total settlement amount')]) * 100),
  0,
);
const ID_COLUMNS = ['Statement ID', 'Payment ID', 'Order/adjustment ID', 'SKU ID'].map(col);
/** An ID cell as the spreadsheet's File → Import leaves it: the nearest number (5.77E+17). */
const asNumber = (cell: SheetCell, c: number): SheetCell =>
  ID_COLUMNS.includes(c) && typeof cell === 'string' && /^\d{16,19}$/.test(cell) ? Number(cell) : cell;

/** Cells as the tab holds them; `roundedCopy`: the second paste's IDs turned into numbers (5.77E+17). */
function pastedTwice(roundedCopy: boolean): unknown[][] {
  const first = typedCells(SAMPLE);
  const copy = typedCells(SAMPLE)
    .slice(1)
    .map((row) =>
      row.map((cell, c) => (roundedCopy && ID_COLUMNS.includes(c) && cell !== '' ? Number(cell) : cell)),
    );
  return inSandbox(rt, padded([...first, ...copy]));
}

describe('a statement pasted twice into one tab', () => {
  it('is the sample once: 4,613.85 by hand', () => {
    expect(HAND).toBe(461385);
    expect(
      Math.round((rt.call('TTS_SETTLEMENT', inSandbox(rt, padded(typedCells(SAMPLE)))) as number) * 100),
    ).toBe(HAND);
  });

  it.each(['TTS_SETTLEMENT', 'TTS_SALES', 'TTS_RECONCILE', 'TTS_PNL', 'TTS_FEES', 'TTS_THRESHOLD'])(
    '%s refuses it, naming the first repeated row and the row it repeats',
    (fn) => {
      const message = errorOf(() => rt.call(fn, pastedTwice(false)));
      expect(message).toBe(
        `the statement range: row ${ROWS + 2} repeats row 2 (key \`${SAMPLE[1][col('Statement ID')]}|` +
          `${SAMPLE[1][col('Order/adjustment ID')]}|${SAMPLE[1][col('SKU ID')]}|Order\`, the same amounts): ` +
          'is an export pasted twice? Delete the copy.',
      );
    },
  );

  it('refuses it when the copy was pasted with its IDs rounded to numbers by the spreadsheet', () => {
    for (const fn of ['TTS_SETTLEMENT', 'TTS_SALES', 'TTS_RECONCILE']) {
      const message = errorOf(() => rt.call(fn, pastedTwice(true)));
      expect(message, fn).toMatch(
        new RegExp(
          `^the statement range: row ${ROWS + 2} repeats row 2 as far as the IDs the spreadsheet rounded show: `,
        ),
      );
      expect(message).toContain(
        'a copy, or another line of one order? Import the file again keeping IDs as text',
      );
    }
  });

  it('answers with the rows once the copy is deleted, IDs rounded or not', () => {
    const once = (cells: unknown[][]) => cells.slice(0, ROWS + 1).concat(cells.slice(2 * ROWS + 1));
    expect(Math.round((rt.call('TTS_SETTLEMENT', once(pastedTwice(true))) as number) * 100)).toBe(HAND);
  });

  it('counts two rows that share a key but differ (a line split in two): both are the export’s', () => {
    const split = typedCells(SAMPLE);
    const row = [...split[1]];
    // The same order, SKU and type on a second line, with its own amounts.
    const amounts = ['Total settlement amount', 'Net sales', 'Gross sales'].map(col);
    for (const c of amounts) row[c] = 1;
    for (const c of row.keys())
      if (!amounts.includes(c) && typeof row[c] === 'number' && c !== col('Quantity')) row[c] = 0;
    const cells = inSandbox(rt, padded([...split, row]));
    expect(Math.round((rt.call('TTS_SETTLEMENT', cells) as number) * 100)).toBe(HAND + 100);
    expect(rt.call('TTS_RECONCILE', cells)).toBe(`All ${ROWS + 1} rows reconcile`);
  });

  it('a whole export with its IDs rounded still adds up: no row of it repeats another', () => {
    const rounded = typedCells(SAMPLE).map((row) => row.map(asNumber));
    expect(Math.round((rt.call('TTS_SETTLEMENT', inSandbox(rt, padded(rounded))) as number) * 100)).toBe(
      HAND,
    );
  });
});

describe('ledger rows copied below on the TTS Ledger tab', () => {
  let h: Harness;
  let key = '';
  let firstCopy = 0;
  beforeAll(async () => {
    h = harness();
    await h.importFiles([sampleStatement()]);
    const values = h.values(LEDGER);
    key = String(values[1][values[0].indexOf('Key')]);
    firstCopy = values.length + 1;
    // Ctrl+C / Ctrl+V of ten rows under the last one: text stays text, dates stay dates.
    h.workbook.seed(
      LEDGER,
      values
        .slice(1, 11)
        .map((row) => row.map((cell) => (typeof cell === 'string' && cell !== '' ? `'${cell}` : cell))),
      firstCopy,
    );
  });

  const expected = () =>
    `TTS Ledger row ${firstCopy} repeats row 2's Key \`${key}\`: a copy, counted twice (delete it), or its own Key typed over (type that back).`;

  it('the functions refuse it, naming both rows and the Key', () => {
    const ledger = loadBundleInVm({ file: codeFile, workbook: h.workbook });
    const range = inSandbox(ledger, h.values(LEDGER));
    for (const fn of ['TTS_SETTLEMENT', 'TTS_SALES', 'TTS_PNL'])
      expect(
        errorOf(() => ledger.call(fn, range)),
        fn,
      ).toBe(expected());
  });

  it('Refresh dashboard refuses it with the same words', () => {
    const ledger = loadBundleInVm({ file: codeFile, workbook: h.workbook });
    expect(errorOf(() => ledger.call('refreshDashboard', null))).toBe(expected());
  });
});
