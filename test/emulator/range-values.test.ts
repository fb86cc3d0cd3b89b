import { describe, expect, it } from 'vitest';
import { gas } from './helpers';

describe('Range values behave as typed input (USER_ENTERED)', () => {
  it('round-trips plain values and reads empty cells as empty strings', () => {
    const { ss } = gas();
    const sheet = ss.getActiveSheet();
    sheet.getRange(1, 1, 2, 3).setValues([
      ['SKU', 12.5, true],
      ['A-1', -3, ''],
    ]);
    expect(sheet.getRange('A1:D2').getValues()).toEqual([
      ['SKU', 12.5, true, ''],
      ['A-1', -3, '', ''],
    ]);
    expect(sheet.getRange('B2').getValue()).toBe(-3);
  });

  it('turns numeric-looking text into numbers, as Sheets does', () => {
    const { ss } = gas();
    const r = ss.getActiveSheet().getRange('A1:F1');
    r.setValues([['1,234', '00123', '-1.17', '$3.00', '10%', '(2.10)']]);
    expect(r.getValues()).toEqual([[1234, 123, -1.17, 3, 0.1, -2.1]]);
  });

  it('loses the precision of an 18-digit order ID written as text into a normal cell', () => {
    const { ss } = gas();
    const cell = ss.getActiveSheet().getRange('A1');
    cell.setValue('577123456789012345');
    expect(cell.getValue()).toBe(577123456789012345);
    expect(cell.getValue()).not.toBe('577123456789012345');
    expect(cell.getDisplayValue()).toBe('5.77123E+17');
  });

  it('keeps IDs, leading zeros and TRUE as text in @ (plain text) cells', () => {
    const { ss } = gas();
    const r = ss.getActiveSheet().getRange('A1:D1');
    r.setNumberFormat('@');
    r.setValues([['577123456789012345', '00123', 'TRUE', '=SUM(1,2)']]);
    expect(r.getValues()).toEqual([['577123456789012345', '00123', 'TRUE', '=SUM(1,2)']]);
    expect(r.getFormulas()).toEqual([['', '', '', '']]);
  });

  it('keeps JS numbers as numbers even in @ cells (non-strings are written raw)', () => {
    const { ss } = gas();
    const cell = ss.getActiveSheet().getRange('A1').setNumberFormat('@');
    cell.setValue(42.5);
    expect(cell.getValue()).toBe(42.5);
  });

  it('turns TRUE/FALSE text into booleans', () => {
    const { ss } = gas();
    const r = ss.getActiveSheet().getRange('A1:C1');
    r.setValues([['TRUE', 'false', 'True story']]);
    expect(r.getValues()).toEqual([[true, false, 'True story']]);
  });

  it('makes a formula of text starting with =, and records it without evaluating it', () => {
    const { ss, workbook } = gas();
    const r = ss.getActiveSheet().getRange('A1:B1');
    r.setValues([['=HYPERLINK("http://evil","x")', 'plain']]);
    expect(r.getFormulas()).toEqual([['=HYPERLINK("http://evil","x")', '']]);
    expect(r.getValues()).toEqual([['', 'plain']]);
    expect(workbook.formulaCells()).toEqual([
      { sheet: 'Sheet1', a1: 'A1', formula: '=HYPERLINK("http://evil","x")' },
    ]);
  });

  it('treats +text and -text as formulas too, but -12.50 as a number', () => {
    const { ss, workbook } = gas();
    ss.getActiveSheet()
      .getRange('A1:C1')
      .setValues([['+cmd', '-foo', '-12.50']]);
    expect(workbook.formulaCells().map((f) => f.a1)).toEqual(['A1', 'B1']);
    expect(ss.getActiveSheet().getRange('C1').getValue()).toBe(-12.5);
  });

  it('stores an apostrophe-prefixed value as literal text without the apostrophe', () => {
    const { ss, workbook } = gas();
    const r = ss.getActiveSheet().getRange('A1:C1');
    r.setValues([["'=SUM(A2:A9)", "'00123", "'-5"]]);
    expect(r.getValues()).toEqual([['=SUM(A2:A9)', '00123', '-5']]);
    expect(workbook.formulaCells()).toEqual([]);
  });

  it('reads ISO and US date text as dates at midnight in the spreadsheet time zone', () => {
    const { ss } = gas({ timeZone: 'America/Los_Angeles' });
    const r = ss.getActiveSheet().getRange('A1:B1');
    r.setValues([['2024-03-01', '7/4/2024']]);
    const [[a, b]] = r.getValues();
    expect(a).toBeInstanceOf(Date);
    expect((a as Date).toISOString()).toBe('2024-03-01T08:00:00.000Z');
    expect((b as Date).toISOString()).toBe('2024-07-04T07:00:00.000Z');
    expect(r.getDisplayValues()).toEqual([['2024-03-01', '7/4/2024']]);
  });

  it('stores Date objects as dates and returns copies', () => {
    const { ss } = gas({ timeZone: 'Etc/UTC' });
    const d = new Date('2025-01-31T00:00:00Z');
    const cell = ss.getActiveSheet().getRange('A1');
    cell.setValue(d);
    const back = cell.getValue() as Date;
    expect(back.getTime()).toBe(d.getTime());
    back.setFullYear(1999);
    expect((cell.getValue() as Date).getUTCFullYear()).toBe(2025);
    expect(cell.getDisplayValue()).toBe('2025-01-31');
  });

  it('setValue on a block writes every cell; clearContent empties it', () => {
    const { ss } = gas();
    const r = ss.getActiveSheet().getRange('A1:B2');
    r.setValue(0);
    expect(r.getValues()).toEqual([
      [0, 0],
      [0, 0],
    ]);
    r.clearContent();
    expect(r.getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(r.isBlank()).toBe(true);
  });

  it('rejects text longer than 50,000 characters in one cell', () => {
    const { ss } = gas();
    expect(() => ss.getActiveSheet().getRange('A1').setValue('x'.repeat(50001))).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
  });
});

describe("setValues shape errors use Sheets' messages", () => {
  it('names the row counts', () => {
    const { ss } = gas();
    expect(() =>
      ss
        .getActiveSheet()
        .getRange(1, 1, 3, 2)
        .setValues([
          [1, 2],
          [3, 4],
        ]),
    ).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
  });
  it('names the column counts', () => {
    const { ss } = gas();
    expect(() =>
      ss
        .getActiveSheet()
        .getRange(1, 1, 2, 3)
        .setValues([
          [1, 2, 3],
          [4, 5],
        ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
  });
  it('rejects a 1-D array', () => {
    const { ss } = gas();
    expect(() => ss.getActiveSheet().getRange(1, 1, 1, 2).setValues([1, 2])).toThrow(
      "don't match the method signature for SpreadsheetApp.Range.setValues",
    );
  });
});

describe('display values follow the number format', () => {
  const cases: [number, string, string][] = [
    [1234.5, '0.00', '1234.50'],
    [1234.5, '$#,##0.00', '$1,234.50'],
    [-1234.5, '$#,##0.00', '-$1,234.50'],
    [-1234.5, '$#,##0.00;($#,##0.00)', '($1,234.50)'],
    [1234567.4, '#,##0', '1,234,567'],
    [0.125, '0%', '13%'],
    [0.125, '0.00%', '12.50%'],
    [1.005, '0.00', '1.01'],
    [0, '#,##0', '0'],
    [0.1 + 0.2, '0.###############', '0.3'],
  ];
  it.each(cases)('%s with %s shows %s', (value, format, shown) => {
    const { ss } = gas();
    const cell = ss.getActiveSheet().getRange('A1').setNumberFormat(format);
    cell.setValue(value);
    expect(cell.getDisplayValue()).toBe(shown);
    expect(cell.getNumberFormat()).toBe(format);
  });

  it('shows text as typed in @ cells and booleans as TRUE/FALSE', () => {
    const { ss } = gas();
    const r = ss.getActiveSheet().getRange('A1:B1');
    r.setNumberFormats([['@', '0.00']]);
    r.setValues([['00123', true]]);
    expect(r.getDisplayValues()).toEqual([['00123', 'TRUE']]);
    expect(r.getNumberFormats()).toEqual([['@', '0.00']]);
  });

  it('formats dates with yyyy-mm-dd and time patterns in the spreadsheet zone', () => {
    const { ss } = gas({ timeZone: 'America/New_York' });
    const cell = ss.getActiveSheet().getRange('A1');
    cell.setValue(new Date('2024-11-05T18:30:15Z'));
    expect(cell.getDisplayValue()).toBe('2024-11-05 13:30:15');
    cell.setNumberFormat('yyyy-mm-dd');
    expect(cell.getDisplayValue()).toBe('2024-11-05');
    cell.setNumberFormat('m/d/yyyy h:mm am/pm');
    expect(cell.getDisplayValue()).toBe('11/5/2024 1:30 PM');
  });

  it('infers a currency format from $ text, and the default format is 0.###############', () => {
    const { ss } = gas();
    const r = ss.getActiveSheet().getRange('A1:B1');
    r.setValues([['$1,234.5', '7']]);
    expect(r.getNumberFormats()).toEqual([['$#,##0.00', '0.###############']]);
    expect(r.getDisplayValues()).toEqual([['$1,234.50', '7']]);
  });
});
