/**
 * Every bundled sample imported into one spreadsheet, as a seller does in the playground (Load
 * sample statement, then Load 17-month history), through the built bundle: each row once, and each
 * month's sales the figure worked out from the CSV text by hand — gross sales + gross sales refund
 * of the rows whose order was created that month (a spreadsheet SUMIFS over the two files gives
 * the same): statement-history.csv holds statement-2026-05.csv's April and May rows as they are.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm } from '../../emulator/index';
import { distCodeFile } from '../helpers/built-bundle';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { inSandbox } from '../bundle/custom-functions-sheet';
import { column, ensureBuilt, harness, LEDGER, sampleStatement } from './import-harness';

beforeAll(ensureBuilt);

const history = () =>
  parseExportFile(readFileSync('samples/statement-history.csv'), 'statement-history.csv').files[0];

/** Gross sales kept by order month, dollars, summed from the CSV text (see the header comment). */
const MONTHS: [string, number][] = [
  ['2025-01', 2234.68],
  ['2025-02', 2549.01],
  ['2025-03', 3107.64],
  ['2025-04', 3009.03],
  ['2025-05', 3249.35],
  ['2025-06', 3372.47],
  ['2025-07', 3680.78],
  ['2025-08', 3707.07],
  ['2025-09', 4781.49],
  ['2025-10', 4739.37],
  ['2025-11', 7162.6],
  ['2025-12', 7407.44],
  ['2026-01', 6249.68],
  ['2026-02', 6327.56],
  ['2026-03', 6208.67],
  // April: statement-2026-05.csv's 129 April rows ($4,010.88) + 49 generated ($2,617.21).
  ['2026-04', 6628.09],
  // May: its 66 May rows ($1,772.02; 4 are adjustments) + 88 generated ($4,212.17).
  ['2026-05', 5984.19],
];

describe('importing every bundled sample into one spreadsheet', () => {
  it('writes each row once: the history adds only what the sample statement did not already bring', async () => {
    const h = harness();
    const statement = sampleStatement();
    const all = history();
    expect([statement.rows.length, all.rows.length]).toEqual([195, 1549]);
    const [first] = await h.importFiles([statement]);
    const [second] = await h.importFiles([all]);
    expect(first).toMatchObject({ status: 'complete', written: 195, duplicates: 0 });
    expect(second).toMatchObject({ status: 'complete', written: 1549 - 195, duplicates: 195 });
    const [again] = await h.importFiles([statement]);
    expect(again).toMatchObject({ written: 0, duplicates: 195 });

    const ledger = h.values(LEDGER);
    expect(ledger).toHaveLength(1549 + 1);
    // Each of the sample statement's rows is in the ledger once, under its own key.
    const keys = column(ledger, 'Key');
    for (const row of statement.rows) expect(keys.filter((k) => k === row.key)).toHaveLength(1);
    const settlement = column(ledger, 'Total settlement amount').reduce(
      (sum: number, v) => sum + Math.round(Number(v || 0) * 100),
      0,
    );
    expect(settlement).toBe(6_471_235); // $64,712.35, the history's own total: the statement's $4,613.85 not added twice

    // TTS_SALES over the ledger tab, as a seller would type it: every month is the hand-checked figure.
    const rt = loadBundleInVm({ file: distCodeFile, workbook: h.workbook });
    const range = inSandbox(rt, h.workbook.valuesOf(LEDGER));
    for (const [month, dollars] of MONTHS)
      expect([month, rt.call('TTS_SALES', range, month)]).toEqual([month, dollars]);
    expect(rt.call('TTS_SALES', range)).toBeCloseTo(
      MONTHS.reduce((sum, [, d]) => sum + d, 0),
      2,
    );
  });
});
