/**
 * TTS_COST_DETAIL answers for the month it is asked for: rows of another month whose product cost
 * is unknown (a cleared Quantity, a legacy Income export of an earlier year) change none of its
 * figures, so they do not refuse it; the functions over all months still refuse them. Through
 * dist/Code.js, on a statement range and on the TTS Ledger tab; figures by hand in
 * test/corpus/later-rows.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, type GasRuntime } from '../../emulator/sandbox';
import { loadBundleInVm as loadWithWorkbook } from '../../emulator/index';
import { readyFiles } from '../../src/core/ledger/ready-to-import';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { codeFile, ensureBuilt, errorOf, inSandbox, sheetRange } from './custom-functions-sheet';
import { clearedApril, HEADER, SKU2, SKU3, statementCsv, UNIT_COSTS } from '../corpus/later-rows';
import { incomeCsv, incomeRows } from '../corpus/income-export';
import { privateBundleCopy } from '../helpers/built-bundle';
import { COGS, harness, LEDGER } from '../server/import-harness';
import { seedCogs } from '../server/dashboard-workbook';

let rt: GasRuntime;
let bundle = '';
beforeAll(() => {
  ensureBuilt();
  rt = loadBundleInVm({ file: codeFile });
  bundle = privateBundleCopy();
});

type Table = (string | number)[][];
const COGS_RANGE = () => inSandbox(rt, [['SKU', 'Unit cost'], ...UNIT_COSTS]);
const CLEARED = 'No product cost for 1 row with sales but no *Quantity* (the first: row 2): fill it.';

/** May's COGS lines (SKU, units, unit cost, amount) and its Total. */
const mayCogs = (detail: Table) => [
  ...detail.filter((r) => r[0] === 'COGS').map((r) => r.slice(1, 5)),
  detail.at(-1),
];
const MAY_COGS = [
  [SKU2, 2, 5, 10],
  [SKU3, 1, 7.5, 7.5],
  ['Total', '2026-05', '', '', 17.5, ''],
];

describe('TTS_COST_DETAIL of May beside an April sale whose Quantity is `/`', () => {
  const { april, may } = clearedApril();
  const range = () => sheetRange(rt, [HEADER, ...april, ...may]);

  it('answers May: 2 × 5.00 + 1 × 7.50 = 17.50 of COGS', () => {
    expect(mayCogs(rt.call('TTS_COST_DETAIL', range(), COGS_RANGE(), '2026-05') as Table)).toEqual(MAY_COGS);
  });

  it('still refuses April, and the functions over all months', () => {
    expect(errorOf(() => rt.call('TTS_COST_DETAIL', range(), COGS_RANGE(), '2026-04'))).toBe(CLEARED);
    expect(errorOf(() => rt.call('TTS_PNL', range(), COGS_RANGE()))).toBe(CLEARED);
    expect(errorOf(() => rt.call('TTS_NET_PROFIT', range(), COGS_RANGE()))).toBe(CLEARED);
  });

  it('a month the rows never reach says so, not that April has no quantity', () => {
    expect(errorOf(() => rt.call('TTS_COST_DETAIL', range(), COGS_RANGE(), '2026-03'))).toBe(
      'the statement range has no rows in 2026-03: its rows run from 2026-04-05 to 2026-05-04.',
    );
  });
});

describe('TTS_COST_DETAIL of May on a TTS Ledger tab holding a 2025 legacy Income export', () => {
  it('answers May with 17.50 of COGS; 2025 and TTS_NET_PROFIT still name the Income rows', async () => {
    const h = harness();
    // Three orders of June 2025, exported before the Statement export had quantities.
    const income = incomeRows(3).map((r) => ({
      ...r,
      created: r.created.replace('2026', '2025'),
      settled: r.settled.replace('2026', '2025'),
    }));
    const files: [string, string][] = [
      [incomeCsv(income), 'income_202506.csv'],
      [statementCsv(clearedApril().may), 'statement-2026-05-10.csv'],
    ];
    for (const [text, name] of files) {
      const ready = readyFiles(parseExportFile(new TextEncoder().encode(text), name).files);
      const [outcome] = await h.importFiles(ready.files);
      expect(outcome.status, outcome.message).toBe('complete');
    }
    seedCogs(h.workbook, UNIT_COSTS);
    const call =
      (name: string, ...args: unknown[]) =>
      () =>
        loadWithWorkbook({ file: bundle, workbook: h.workbook }).call(
          name,
          h.values(LEDGER),
          h.values(COGS),
          ...args,
        ) as Table;
    expect(mayCogs(call('TTS_COST_DETAIL', '2026-05')())).toEqual(MAY_COGS);
    // The tab's row 2: the Income export was imported first.
    const incomeRowsText =
      'No product cost for 3 rows of a legacy Income export (the first: row 2), which has no quantities: ' +
      'import the Statement export of those orders (Finance → Statements) to replace them.';
    expect(errorOf(call('TTS_COST_DETAIL', '2025-06'))).toBe(incomeRowsText);
    expect(errorOf(call('TTS_NET_PROFIT'))).toBe(incomeRowsText);
  });
});
