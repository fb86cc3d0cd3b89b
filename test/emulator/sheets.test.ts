import { describe, expect, it } from 'vitest';
import { CELL_LIMIT_MESSAGE, OUTSIDE_SHEET_MESSAGE } from '../../emulator/workbook';
import { gas } from './helpers';

describe('Spreadsheet', () => {
  it('has one Sheet1 of 1000 × 26 to start, active', () => {
    const { g, ss } = gas();
    expect(ss.getSheets().map((s: any) => s.getName())).toEqual(['Sheet1']);
    const sheet = g.SpreadsheetApp.getActive().getActiveSheet();
    expect([sheet.getName(), sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual(['Sheet1', 1000, 26]);
    expect(ss.getSpreadsheetTimeZone()).toBe('America/Los_Angeles');
    expect(typeof ss.getId()).toBe('string');
  });

  it('inserts sheets by name and index, and refuses a duplicate name (any case)', () => {
    const { ss } = gas();
    ss.insertSheet('TTS Ledger');
    ss.insertSheet('COGS', 0);
    expect(ss.getSheets().map((s: any) => s.getName())).toEqual(['COGS', 'Sheet1', 'TTS Ledger']);
    expect(() => ss.insertSheet('tts ledger')).toThrow(
      'A sheet with the name "tts ledger" already exists. Please enter another name.',
    );
    expect(ss.getSheetByName('Nope')).toBeNull();
  });

  it('deletes, activates and reaches ranges with Sheet!A1 notation', () => {
    const { ss } = gas();
    const data = ss.insertSheet('My data');
    data.getRange('B2').setValue('x');
    expect(ss.getRange("'My data'!B2").getValue()).toBe('x');
    ss.setActiveSheet(ss.getSheetByName('Sheet1'));
    expect(ss.getActiveSheet().getName()).toBe('Sheet1');
    ss.deleteSheet(data);
    expect(ss.getSheets()).toHaveLength(1);
    expect(() => ss.deleteSheet(ss.getSheets()[0])).toThrow("You can't remove all the sheets in a document.");
  });

  it('records toasts', () => {
    const { ss, workbook } = gas();
    ss.toast('Imported 120 rows', 'TTS Profit', 3);
    expect(workbook.toasts).toEqual([
      { message: 'Imported 120 rows', title: 'TTS Profit', timeoutSeconds: 3 },
    ]);
  });
});

describe('Sheet', () => {
  it('addresses ranges by row/column and A1 forms', () => {
    const { ss } = gas();
    const s = ss.getActiveSheet();
    const r = s.getRange(2, 3, 4, 5);
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns(), r.getA1Notation()]).toEqual([
      2,
      3,
      4,
      5,
      'C2:G5',
    ]);
    expect(s.getRange('A:C').getNumRows()).toBe(1000);
    expect(s.getRange('A:C').getNumColumns()).toBe(3);
    expect(s.getRange('B2').getA1Notation()).toBe('B2');
    expect(s.getRange('A2:C').getNumRows()).toBe(999);
    expect(r.offset(1, -1).getA1Notation()).toBe('B3:F6');
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('C2');
    expect(r.getSheet().getName()).toBe('Sheet1');
  });

  it("throws Sheets' message for ranges outside the grid", () => {
    const { ss } = gas();
    const s = ss.getActiveSheet();
    expect(() => s.getRange(1001, 1)).toThrow(OUTSIDE_SHEET_MESSAGE);
    expect(() => s.getRange(999, 1, 5, 1)).toThrow(OUTSIDE_SHEET_MESSAGE);
    expect(() => s.getRange('AA1')).toThrow(OUTSIDE_SHEET_MESSAGE);
    expect(() => s.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
  });

  it('tracks the last row/column with content and the data range', () => {
    const { ss } = gas();
    const s = ss.getActiveSheet();
    expect([s.getLastRow(), s.getLastColumn()]).toEqual([0, 0]);
    s.getRange('B3:C4').setValues([
      [1, ''],
      ['', 'x'],
    ]);
    expect([s.getLastRow(), s.getLastColumn()]).toEqual([4, 3]);
    expect(s.getDataRange().getA1Notation()).toBe('A1:C4');
  });

  it('appends rows after the last row and grows the grid like Sheets', () => {
    const { ss } = gas();
    const s = ss.getActiveSheet();
    s.getRange('A1000').setValue('last');
    s.appendRow(['new', '00123', '=1+1']);
    expect(s.getMaxRows()).toBe(1001);
    expect(s.getRange('A1001:C1001').getValues()).toEqual([['new', 123, '']]);
    expect(s.getRange('C1001').getFormula()).toBe('=1+1');
  });

  it('inserts rows and columns, shifting content', () => {
    const { ss } = gas();
    const s = ss.getActiveSheet();
    s.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    s.insertRowsAfter(1, 2);
    s.insertColumnsAfter(1, 1);
    expect(s.getMaxRows()).toBe(1002);
    expect(s.getMaxColumns()).toBe(27);
    expect(s.getRange('A1:C4').getValues()).toEqual([
      [1, '', 2],
      ['', '', ''],
      ['', '', ''],
      [3, '', 4],
    ]);
  });

  it('clears contents (keeping formats) and everything', () => {
    const { ss } = gas();
    const s = ss.getActiveSheet();
    s.getRange('A1').setNumberFormat('@').setValue('007');
    s.clearContents();
    expect(s.getRange('A1').getValue()).toBe('');
    expect(s.getRange('A1').getNumberFormat()).toBe('@');
    s.clear();
    expect(s.getRange('A1').getNumberFormat()).toBe('0.###############');
  });

  it('keeps frozen rows, hidden state, column widths, styles and protections', () => {
    const { ss } = gas();
    ss.insertSheet('Data');
    const s = ss.getSheetByName('Data');
    s.setFrozenRows(1);
    s.hideSheet();
    s.setColumnWidth(2, 180);
    s.autoResizeColumns(1, 3);
    const header = s
      .getRange('A1:B1')
      .setFontWeight('bold')
      .setBackground('#eeeeee')
      .setHorizontalAlignment('center');
    const p = s.protect().setDescription('Managed by TTS Profit').setWarningOnly(true);
    expect(s.getFrozenRows()).toBe(1);
    expect(s.isSheetHidden()).toBe(true);
    expect(s.getColumnWidth(2)).toBe(180);
    expect(s.getColumnWidth(3)).toBe(100);
    expect([header.getFontWeight(), header.getBackground(), header.getHorizontalAlignment()]).toEqual([
      'bold',
      '#eeeeee',
      'center',
    ]);
    expect(p.getDescription()).toBe('Managed by TTS Profit');
    expect(s.getProtections('SHEET').map((x: any) => [x.getDescription(), x.isWarningOnly()])).toEqual([
      ['Managed by TTS Profit', true],
    ]);
    expect(() => ss.getSheetByName('Sheet1').hideSheet()).toThrow(
      "You can't hide all the sheets in a document.",
    );
  });

  it('renames sheets but not onto an existing name', () => {
    const { ss } = gas();
    ss.insertSheet('A');
    expect(() => ss.getSheetByName('A').setName('Sheet1')).toThrow(
      'A sheet with the name "Sheet1" already exists. Please enter another name.',
    );
    ss.getSheetByName('A').setName('B');
    expect(ss.getSheetByName('B')).not.toBeNull();
  });
});

describe('the 10,000,000-cell limit', () => {
  it('refuses a new sheet that would pass the limit', () => {
    const { ss, workbook } = gas();
    const s = ss.getActiveSheet();
    s.insertColumnsAfter(26, 9974); // 1000 × 10000 = 10M cells
    expect(workbook.totalCells()).toBe(10_000_000);
    expect(() => ss.insertSheet('More')).toThrow(CELL_LIMIT_MESSAGE);
    expect(CELL_LIMIT_MESSAGE).toBe(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
  });

  it('refuses inserted rows and appended rows past the limit', () => {
    const { ss } = gas();
    const s = ss.getActiveSheet();
    s.insertRowsAfter(1000, 384_615 - 1000); // 384,615 × 26 = 9,999,990 cells
    expect(() => s.insertRowsAfter(1, 1)).toThrow(CELL_LIMIT_MESSAGE);
    s.getRange(384_615, 1).setValue('full');
    expect(() => s.appendRow(['one more'])).toThrow(CELL_LIMIT_MESSAGE);
    expect(s.getMaxRows()).toBe(384_615);
  });
});
