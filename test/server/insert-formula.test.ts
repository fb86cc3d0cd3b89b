/**
 * *Insert formula* through the built bundle: the formula lands in the selected cell with the real
 * columns of the tab it reads (a tab made by File → Import is as wide as its file) and of TTS COGS;
 * a cell that holds something is replaced only when the seller confirms; cells inside the data or
 * in the add-on's own tabs are refused with the way out.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, Workbook } from '../../emulator/index';
import { parseCsv } from '../../src/core/read/files/csv';
import { ensureBuilt, harness, sampleStatement } from './import-harness';

beforeAll(ensureBuilt);

/** A tab as File → Import makes it: exactly as wide as the CSV, IDs as text. */
function importedTab(workbook: Workbook, name: string): number {
  const rows = parseCsv(readFileSync('samples/statement-2026-05.csv', 'utf8'));
  const rt = loadBundleInVm({ workbook });
  const sheet = rt.inRealm<any>('SpreadsheetApp.getActiveSpreadsheet()').insertSheet(name);
  const max = sheet.getMaxColumns();
  if (rows[0].length > max) sheet.insertColumnsAfter(max, rows[0].length - max);
  else sheet.deleteColumns(rows[0].length + 1, max - rows[0].length);
  sheet.getRange(1, 1, rows.length, rows[0].length).setNumberFormat('@').setValues(rows);
  return rows[0].length;
}

function select(workbook: Workbook, sheet: string, a1: string): void {
  loadBundleInVm({ workbook }).inRealm<any>(
    `SpreadsheetApp.getActiveSpreadsheet().getSheetByName(${JSON.stringify(sheet)}).getRange(${JSON.stringify(a1)}).activate()`,
  );
}

describe('Insert formula', () => {
  it('lists the tabs holding an export, the ledger first, with the selected cell', async () => {
    const h = harness();
    const width = importedTab(h.workbook, "Bob's May statement");
    await h.importFiles([sampleStatement()]);
    select(h.workbook, 'Sheet1', 'C4');
    const found = h.run('listFormulaSources', null) as any;
    expect(found.sources.map((s: any) => [s.name, s.layout])).toEqual([
      ['TTS Ledger', 'TTS Ledger tab'],
      ["Bob's May statement", 'US Statement export (2024 CSV)'],
    ]);
    expect(found.sources[1].lastColumn).toBe(width);
    expect(found.cogs).toMatchObject({ name: 'TTS COGS', lastColumn: 11 });
    expect(found.cell).toBe('Sheet1!C4');
  });

  it("writes the formula with the tab's real columns and the TTS COGS tab", async () => {
    const h = harness();
    importedTab(h.workbook, "Bob's May statement"); // 64 columns: A:BL
    await h.importFiles([sampleStatement()]);
    select(h.workbook, 'Sheet1', 'B2');
    expect(
      h.run('insertFormula', { fn: 'TTS_NET_PROFIT', source: "Bob's May statement", overwrite: false }),
    ).toEqual({
      status: 'inserted',
      cell: 'Sheet1!B2',
      formula: "=TTS_NET_PROFIT('Bob''s May statement'!A:BL, 'TTS COGS'!A:K)",
    });
    expect(h.workbook.sheet('Sheet1')!.formula(2, 2)).toBe(
      "=TTS_NET_PROFIT('Bob''s May statement'!A:BL, 'TTS COGS'!A:K)",
    );
    select(h.workbook, 'Sheet1', 'D2');
    expect(
      h.run('insertFormula', { fn: 'TTS_FEES', source: "Bob's May statement", overwrite: false }),
    ).toMatchObject({ formula: "=TTS_FEES('Bob''s May statement'!A:BL)" });
  });

  it('asks before replacing a cell that holds something, and replaces it once confirmed', async () => {
    const h = harness();
    await h.importFiles([sampleStatement()]);
    const rt = loadBundleInVm({ workbook: h.workbook });
    rt.inRealm<any>(
      "SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1').getRange('A1').setValue('My notes')",
    );
    select(h.workbook, 'Sheet1', 'A1');
    const ledgerWidth = h.workbook.sheet('TTS Ledger')!.lastColumn();
    const answer = h.run('insertFormula', {
      fn: 'TTS_SETTLEMENT',
      source: 'TTS Ledger',
      overwrite: false,
    }) as any;
    expect(answer).toMatchObject({ status: 'confirm', cell: 'Sheet1!A1', existing: 'My notes' });
    expect(h.workbook.sheet('Sheet1')!.value(1, 1)).toBe('My notes');
    expect(
      h.run('insertFormula', { fn: 'TTS_SETTLEMENT', source: 'TTS Ledger', overwrite: true }),
    ).toMatchObject({ status: 'inserted' });
    expect(h.workbook.sheet('Sheet1')!.formula(1, 1)).toMatch(
      new RegExp(`^=TTS_SETTLEMENT\\('TTS Ledger'!A:[A-Z]+\\)$`),
    );
    expect(ledgerWidth).toBeGreaterThan(10);
  });

  it('refuses a cell inside the data it reads, or in a tab TTS Profit rewrites', async () => {
    const h = harness();
    importedTab(h.workbook, 'Statement');
    await h.importFiles([sampleStatement()]);
    select(h.workbook, 'Statement', 'C300');
    expect(() => h.run('insertFormula', { fn: 'TTS_SALES', source: 'Statement', overwrite: true })).toThrow(
      'Statement!C300 is inside the range the formula reads ' +
        "('Statement'!A:BL): Sheets would report a circular reference. Select a " +
        'cell to the right of the data or in another tab.',
    );
    select(h.workbook, 'TTS Ledger', 'A2');
    expect(() => h.run('insertFormula', { fn: 'TTS_SALES', source: 'Statement', overwrite: true })).toThrow(
      'TTS Ledger!A2 is in the TTS Ledger tab, which TTS Profit rewrites. Select a cell in one of your own tabs (or a new tab), then Insert again.',
    );
    expect(() => h.run('insertFormula', { fn: 'TTS_SALES', source: 'Gone', overwrite: false })).toThrow(
      'There is no tab named Gone: pick a tab from the list again.',
    );
    expect(() => h.run('insertFormula', { fn: 'SUM', source: 'Statement', overwrite: false })).toThrow(
      /Insert formula/,
    );
  });
});
