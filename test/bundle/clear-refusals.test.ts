/**
 * Refusals a seller can act on, through dist/Code.js: two exports stacked with both header rows
 * (the second header named by its row, never read as a currency), a totals row under the running
 * costs in TTS Costs (skipped, as TTS COGS and TTS Ads skip theirs), and text dates: an ambiguous
 * `3/5/2026` says both readings, other forms say the form read, and a range that starts below its
 * header shows the date it found, not a JavaScript date string.
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
import { harness, sampleStatement, type Harness } from '../server/import-harness';

let rt: GasRuntime;
beforeAll(() => {
  ensureBuilt();
  rt = loadBundleInVm({ file: codeFile });
});

const SAMPLE = readCsv('samples/statement-2026-05.csv').filter((row) => row.length > 5);
const HISTORY = readCsv('samples/statement-history.csv').filter((row) => row.length > 5);

describe('two exports stacked in one tab with both header rows', () => {
  it('names the second header row by its number, and no currency', () => {
    const [header, ...rows] = SAMPLE;
    const cells = typedCells([header, ...rows.slice(0, 97), header, ...rows.slice(97)]);
    const message = errorOf(() => rt.call('TTS_SETTLEMENT', inSandbox(rt, padded(cells))));
    expect(message).toMatch(/^Row 99, column \*(\w| )+\*: expected .*, found `(\w| )+`/);
    expect(message).not.toMatch(/FBT|not US dollars/);
  });
});

describe('a totals row under the running costs in TTS Costs', () => {
  let h: Harness;
  beforeAll(async () => {
    h = harness();
    await h.importFiles([sampleStatement()]);
    h.run('refreshDashboard', null);
  });

  const runningCosts = () => {
    const ledger = loadBundleInVm({ file: codeFile, workbook: h.workbook });
    const pnl = ledger.call(
      'TTS_PNL',
      inSandbox(ledger, h.values('TTS Ledger')),
      '',
      'month',
      inSandbox(ledger, h.values('TTS Costs')),
    ) as unknown[][];
    const column = pnl[0].indexOf('Running costs');
    return pnl.slice(1).map((row) => row[column]);
  };

  it.each([
    ['labelled Total', ['Total', 50, '', '', '', '', '']],
    ['a bare sum with no name', ['', 50, '', '', '', '', '']],
  ])('is skipped when %s: 30 + 20 dollars a month, and the dashboard refreshes', (_name, totalsRow) => {
    h.workbook.seed(
      'TTS Costs',
      [
        ['Software', 30, 'month', '', '', '2026-04-01', ''],
        ['Storage', 20, 'month', '', '', '2026-04-01', ''],
        totalsRow,
      ],
      2,
    );
    expect(() => h.run('refreshDashboard', null)).not.toThrow();
    // April from the 1st, May to the 28th: 30 + 20 a month, each month's exact share.
    const [april, may, total] = runningCosts();
    expect([april, may]).toEqual([50, 50]);
    expect(total).toBe(100);
  });

  it('a cost whose name starts like a total is a cost: it says how often it recurs', () => {
    h.workbook.seed(
      'TTS Costs',
      [
        ['Total Wireless (shop phone)', 40, 'month', '', '', '2026-04-01', ''],
        ['Sum Up card reader fees', 25, 'month', '', '', '2026-04-01', ''],
        ['Totals Fulfillment 3PL', 300, 'month', '', '', '2026-04-01', ''],
      ],
      2,
    );
    expect(() => h.run('refreshDashboard', null)).not.toThrow();
    // 40 + 25 + 300 = 365 a month, April and May.
    const [april, may, total] = runningCosts();
    expect([april, may, total]).toEqual([365, 365, 730]);
  });

  it('an unnamed amount that is not the sum above is still a cost missing its Every', () => {
    h.workbook.seed('TTS Costs', [['', 45, '', '', '', '', '']], 4);
    expect(errorOf(() => h.run('refreshDashboard', null))).toMatch(
      /^TTS Costs row 4, column C \(Every\): expected month, week, year or once, found ``\./,
    );
    h.workbook.seed('TTS Costs', [['', '', '', '', '', '', '']], 4);
  });
});

describe('dates typed as text', () => {
  const range = () => inSandbox(rt, padded(typedCells(HISTORY)));
  const asOf = (text: string) => rt.call('TTS_THRESHOLD', range(), 65000, 1000000, text) as unknown[][];

  it('reads a date whose form says which day it is', () => {
    expect(asOf('5/15/2026')[0]).toEqual(['As of', '2026-05-15']);
    expect(asOf('2026-05-15')[0]).toEqual(['As of', '2026-05-15']);
  });

  it('says an ambiguous date reads two ways, and names both', () => {
    expect(errorOf(() => asOf('3/5/2026'))).toBe(
      'as_of must be a date cell or a date written year first, such as 2026-05-01, found "3/5/2026" (2026-03-05 or 2026-05-03?).',
    );
  });

  it.each(['May 15, 2026', '5/15/26'])('names the form it reads for %s', (text) => {
    expect(errorOf(() => asOf(text))).toBe(
      `as_of must be a date cell or a date written year first, such as 2026-05-01, found "${text}".`,
    );
  });

  it('a range starting below its header shows the date it found and says where to start it', () => {
    const message = errorOf(() => rt.call('TTS_SALES', range().slice(1), '2026-05'));
    expect(message).not.toMatch(/GMT/);
    expect(message).toMatch(
      /Found: the first non-empty row starts `\d{4}-\d\d-\d\d`, .*: start the range at the header row\.$/,
    );
  });
});
