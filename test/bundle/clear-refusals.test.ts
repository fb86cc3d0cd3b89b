/**
 * Refusals a seller can act on, through dist/Code.js: two exports stacked with both header rows
 * (the second header named by its row as a header pasted again, never read as a currency), a range
 * holding only its header (the TTS Ledger tab before any import says it has no rows yet, never $0), a totals row under the running
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
  fixtureHeader,
  inSandbox,
  padded,
  readCsv,
  typedCells,
} from './custom-functions-sheet';
import { harness, sampleStatement, type Harness } from '../server/import-harness';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { ledgerHeader } from '../../src/core/ledger/ledger-format';

let rt: GasRuntime;
beforeAll(() => {
  ensureBuilt();
  rt = loadBundleInVm({ file: codeFile });
});

const SAMPLE = readCsv('samples/statement-2026-05.csv').filter((row) => row.length > 5);
const HISTORY = readCsv('samples/statement-history.csv').filter((row) => row.length > 5);

describe('two exports stacked in one tab with both header rows', () => {
  const SECOND_HEADER =
    'Row 99 repeats the header row: is a second export pasted below the first? Delete that row.';
  const [header, ...rows] = SAMPLE;
  const stacked = (second: string[]) => [header, ...rows.slice(0, 97), second, ...rows.slice(97)];

  it('says the second header row is a header pasted again, by its number, and names no currency', () => {
    const message = errorOf(() =>
      rt.call('TTS_SETTLEMENT', inSandbox(rt, padded(typedCells(stacked(header))))),
    );
    expect(message).toBe(SECOND_HEADER);
    expect(message).not.toMatch(/FBT|not US dollars|column/);
  });

  it('a later export whose header lists the columns in another order is a header row all the same', () => {
    const second = [header[1], header[0], ...header.slice(2)];
    const message = errorOf(() => rt.call('TTS_PNL', inSandbox(rt, padded(typedCells(stacked(second))))));
    expect(message).toBe(SECOND_HEADER);
  });

  it("the sidebar's reader says it once for that row, and reads every other row", () => {
    const csv = stacked(header)
      .map((row) => row.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
      .join('\r\n');
    const { files, errors } = parseExportFile(new TextEncoder().encode(csv + '\r\n'), 'stacked.csv');
    expect(errors).toEqual([]);
    expect(files[0].rejects).toEqual([{ file: 'stacked.csv', row: 99, message: SECOND_HEADER }]);
    expect(files[0].rows).toHaveLength(rows.length);
  });
});

describe('a range holding only its header row', () => {
  const ledger = ledgerHeader(['net_sales', 'total_settlement_amount']);
  const NO_LEDGER_ROWS =
    'the statement range: the TTS Ledger tab has no rows yet, only its header: import a statement export first.';

  it.each([
    ["'TTS Ledger'!A1:AG1", [ledger]],
    ["a new TTS Ledger tab before any import, 'TTS Ledger'!A:AG", padded([ledger], { width: ledger.length })],
  ])('%s: says the ledger has no rows yet, never $0', (_range, cells) => {
    for (const fn of ['TTS_SETTLEMENT', 'TTS_SALES', 'TTS_FEES', 'TTS_PNL', 'TTS_RECONCILE', 'TTS_THRESHOLD'])
      expect(errorOf(() => rt.call(fn, inSandbox(rt, cells)))).toBe(NO_LEDGER_ROWS);
  });

  it('a statement range with its header only says so, naming the export and the row', () => {
    const statementHeader = fixtureHeader('us_statement_export_header_2024.csv');
    for (const cells of [[statementHeader], padded([['Statement for May'], statementHeader])]) {
      const headerRow = cells.length === 1 ? 1 : 2;
      expect(errorOf(() => rt.call('TTS_SETTLEMENT', inSandbox(rt, cells)))).toBe(
        `the statement range: the header of a US Statement export (2024 CSV) is on row ${headerRow}, ` +
          'but no rows are under it; export a period that has orders.',
      );
    }
  });

  it('one row under the header is read as before', () => {
    expect(rt.call('TTS_SETTLEMENT', inSandbox(rt, padded(typedCells(SAMPLE.slice(0, 2)))))).toBe(
      Number(SAMPLE[1][SAMPLE[0].indexOf('Total settlement amount')]),
    );
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

  it.each([
    ['labelled Total, its Every filled down', ['Total', 50, 'month', '', '', '', '']],
    [
      'named as a total and the sum above, its Every filled down',
      ['Total monthly', 50, 'month', '', '', '', ''],
    ],
    ['named Monthly total, its Every filled down', ['Monthly total', 50, 'month', '', '', '', '']],
    ['unnamed, the sum above, its Every filled down', ['', 50, 'month', '', '', '', '']],
    // A monthly equivalent is not the plain sum above; the name says it is a total of the costs.
    ['named Total running costs, not the sum above', ['Total running costs:', 55, 'month', '', '', '', '']],
  ])('is skipped and said when %s: 30 + 20 dollars a month, not 100', (_name, totalsRow) => {
    h.workbook.seed(
      'TTS Costs',
      [
        ['Software', 30, 'month', '', '', '2026-04-01', ''],
        ['Storage', 20, 'month', '', '', '2026-04-01', ''],
        totalsRow,
      ],
      2,
    );
    const { message } = h.run('refreshDashboard', null) as { message: string };
    expect(message).toContain(' Skipped as a total: TTS Costs row 4.');
    const facts = h
      .values('TTS Dashboard')
      .find((r) => r.includes('Running costs') && !r.includes('Settlement'))!;
    expect(facts[facts.indexOf('Running costs') + 1]).toBe(
      '2 from the TTS Costs tab, each month its share by days. Skipped as a total: TTS Costs row 4.',
    );
    const [april, may, total] = runningCosts();
    expect([april, may, total]).toEqual([50, 50, 100]);
    const ledger = loadBundleInVm({ file: codeFile, workbook: h.workbook });
    const pnl = ledger.call(
      'TTS_PNL',
      inSandbox(ledger, h.values('TTS Ledger')),
      '',
      'month',
      inSandbox(ledger, h.values('TTS Costs')),
    ) as unknown[][];
    expect(pnl[pnl.length - 1][0]).toBe('Skipped as a total: costs row 4.');
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
