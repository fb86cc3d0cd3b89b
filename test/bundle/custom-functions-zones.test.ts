/**
 * Dates with the spreadsheet and the script in different zones, as sellers have them: the manifest
 * pins the script to its zone while a US seller's spreadsheet is in New York or Los Angeles (or, to
 * make a UTC reading land on the wrong day, Tokyo). A date cell arrives as the instant of midnight
 * in the spreadsheet's zone; every conversion must read it there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATEMENT_HEADER_2024 } from '../../bench/synthetic-export';
import { loadBundleInVm } from '../../emulator/sandbox';
import { Workbook } from '../../emulator/workbook';
import {
  codeFile,
  ensureBuilt,
  errorOf,
  exportRows,
  inSandbox,
  root,
  sheetDate,
  sheetRange,
} from './custom-functions-sheet';

const MANIFEST_ZONE = (
  JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8')) as { timeZone: string }
).timeZone;

beforeAll(() => ensureBuilt());

const order = (id: string, created: string, gross: string) => ({
  'Statement date (UTC)': '2026/06/20',
  'Statement ID': '7503000000000000001',
  Type: 'Order',
  'Order/adjustment ID': id,
  'SKU ID': '1732440158393635811',
  Quantity: '1',
  'Order created date': created,
  'Total settlement amount': gross,
  'Net sales': gross,
  'Gross sales': gross,
});

// 700.00 on May 31, 300.00 on June 1, 200.00 on June 10.
const SALES = exportRows(STATEMENT_HEADER_2024, [
  order('577700000000000001', '2026/05/31', '700.00'),
  order('577700000000000002', '2026/06/01', '300.00'),
  order('577700000000000003', '2026/06/10', '200.00'),
]);

function runtime(spreadsheetZone: string, scriptTimeZone?: string) {
  return loadBundleInVm({
    file: codeFile,
    workbook: new Workbook({ timeZone: spreadsheetZone }),
    scriptTimeZone,
  });
}

describe('the script clock', () => {
  it('is the manifest zone unless a test names another, inside the bundle and for Session', () => {
    const rt = runtime('America/Los_Angeles');
    expect(rt.services.scriptTimeZone).toBe(MANIFEST_ZONE);
    expect(rt.inRealm('Session.getScriptTimeZone()')).toBe(MANIFEST_ZONE);
    const noonUtc = 'new Date(Date.UTC(2026, 0, 15, 12)).getHours()';
    const expected = Number(
      new Intl.DateTimeFormat('en-US', { timeZone: MANIFEST_ZONE, hour: 'numeric', hourCycle: 'h23' }).format(
        Date.UTC(2026, 0, 15, 12),
      ),
    );
    expect(rt.inRealm(noonUtc)).toBe(expected);
    expect(runtime('America/Los_Angeles', 'America/New_York').inRealm(noonUtc)).toBe(7);
    expect(runtime('America/Los_Angeles', 'Asia/Tokyo').inRealm(noonUtc)).toBe(21);
  });
});

describe.each([
  ['Asia/Tokyo', 'Etc/UTC'],
  ['America/Los_Angeles', 'Asia/Tokyo'],
  ['America/New_York', 'Pacific/Kiritimati'],
])('spreadsheet in %s, script in %s', (spreadsheetZone, scriptZone) => {
  const rt = runtime(spreadsheetZone, scriptZone);
  const dateCell = (text: string) => inSandbox(rt, sheetDate(text, spreadsheetZone));

  it('TTS_SALES: a date cell names the month the seller sees', () => {
    const range = sheetRange(rt, SALES, { timeZone: spreadsheetZone });
    expect(rt.call('TTS_SALES', range, dateCell('2026/06/01'))).toBe(500);
    expect(rt.call('TTS_SALES', range, dateCell('2026/05/31'))).toBe(700);
  });

  it('TTS_THRESHOLD: as_of on June 1 is June 1, with the May 31 sale in May', () => {
    const range = sheetRange(rt, SALES, { timeZone: spreadsheetZone });
    const table = rt.call('TTS_THRESHOLD', range, 1000, 10000, dateCell('2026/06/01')) as [string, unknown][];
    const value = (label: string) => table.find(([l]) => l === label)?.[1];
    expect(value('As of')).toBe('2026-06-01');
    expect(value('Month')).toBe('2026-06');
    expect(value('Month to date')).toBe(300);
    // May 31 counts in May (May, from its 31st, is no full month): 700 + 300 over the twelve months to June 1.
    expect(value('Sales, last 12 months to as-of')).toBe(1000);
  });

  it('TTS_FORECAST: month cells given as the first of each month keep their months', () => {
    const months = ['2026/01/01', '2026/02/01', '2026/03/01', '2026/04/01'].map((d) => [
      sheetDate(d, spreadsheetZone),
    ]);
    const table = rt.call(
      'TTS_FORECAST',
      inSandbox(rt, months),
      inSandbox(rt, [[1000], [1100], [1200], [1300]]),
      1,
    ) as unknown[][];
    expect(table[1][0]).toBe('2026-05');
  });

  it('TTS_NET_PROFIT: a unit cost effective from June 1 applies from June 1', () => {
    const range = sheetRange(rt, SALES, { timeZone: spreadsheetZone });
    const cogs = inSandbox(rt, [
      ['SKU', 'Unit cost', 'Effective from'],
      ['1732440158393635811', 100, sheetDate('2026/01/01', spreadsheetZone)],
      ['1732440158393635811', 50, sheetDate('2026/06/01', spreadsheetZone)],
    ]);
    // 1,200.00 settlement − (May 31: 100) − (June 1 and June 10: 50 + 50) = 1,000.00
    expect(rt.call('TTS_NET_PROFIT', range, cogs)).toBe(1000);
  });

  it('an error names the date the cell shows', () => {
    const range = sheetRange(rt, SALES, { timeZone: spreadsheetZone });
    expect(errorOf(() => rt.call('TTS_THRESHOLD', range, dateCell('2026/06/01')))).toBe(
      'monthly_target must be a number, found the date 2026-06-01.',
    );
  });
});
