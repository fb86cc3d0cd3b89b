import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  FileReadError,
  checkWorkbookSize,
  forEachSheetRow,
  readExportFile,
} from '../../src/core/read/files/read-file';
import { writeXlsx, type XlsxCell } from '../helpers/xlsx-writer';
import { STATEMENT_HEADER, statementRows } from '../helpers/xlsx-statement-rows';

describe('readExportFile on XLSX workbooks', () => {
  it('reads all 500 rows of a sheet whose <dimension> claims A1:G2', () => {
    const bytes = writeXlsx([{ name: 'Statement', dimension: 'A1:G2', rows: statementRows(499) }]);
    const file = readExportFile(bytes, 'statement.xlsx');
    expect(file.kind).toBe('xlsx');
    const rows = file.sheets[0].rows;
    expect(rows.length).toBe(500);
    expect(rows[0]).toEqual(STATEMENT_HEADER);
    expect(rows[499]).toEqual([
      'Order',
      '576786105183930499',
      '1732123456789012499',
      '2024-04-12',
      '4.99',
      '-0.06',
      'row 499',
    ]);
  });

  it('keeps 18- and 19-digit IDs exact whether stored as strings or as number text', () => {
    const bytes = writeXlsx([
      {
        name: 'IDs',
        rows: [
          [
            '576786105183930101',
            { number: '576786105183930101' },
            { number: '1732123456789012345' },
            { inline: '577000000000000001' },
          ],
        ],
      },
    ]);
    expect(readExportFile(bytes, 'ids.xlsx').sheets[0].rows).toEqual([
      ['576786105183930101', '576786105183930101', '1732123456789012345', '577000000000000001'],
    ]);
  });

  it('reads shared, inline and rich-text strings, with XML entities and Excel escapes decoded', () => {
    const bytes = writeXlsx([
      {
        name: 'Text',
        rows: [
          [
            'Mug & <Lid> "12 oz"',
            { inline: '  padded  ' },
            { rich: ['Bold ', 'and', ' plain'] },
            'line_x000D_\nbreak',
            { formula: 'A1&"x"', formulaText: 'calc' },
          ],
        ],
      },
    ]);
    expect(readExportFile(bytes, 't.xlsx').sheets[0].rows[0]).toEqual([
      'Mug & <Lid> "12 oz"',
      '  padded  ',
      'Bold and plain',
      'line\r\nbreak',
      'calc',
    ]);
  });

  it('reads inline strings written by every cell (no shared strings part)', () => {
    const bytes = writeXlsx(
      [
        {
          name: 'S',
          rows: [
            ['Type', 'Amount'],
            ['Order', -1.17],
          ],
        },
      ],
      { strings: 'inline' },
    );
    expect(readExportFile(bytes, 's.xlsx').sheets[0].rows).toEqual([
      ['Type', 'Amount'],
      ['Order', '-1.17'],
    ]);
  });

  it('turns dates and date-times with built-in and custom date formats into ISO text', () => {
    const bytes = writeXlsx([
      {
        name: 'Dates',
        rows: [
          [
            { date: '2024-04-12' },
            { date: '2024-04-12 13:45:07' },
            { date: '2026-06-12', format: 'custom' },
            { date: '2025-01-31 00:00:00', format: 'custom' },
            45000,
          ],
        ],
      },
    ]);
    expect(readExportFile(bytes, 'd.xlsx').sheets[0].rows[0]).toEqual([
      '2024-04-12',
      '2024-04-12 13:45:07',
      '2026-06-12',
      '2025-01-31 00:00:00',
      '45000', // a plain number without a date style stays a number
    ]);
  });

  it('uses the 1904 date system when the workbook says so', () => {
    const bytes = writeXlsx([{ name: 'Mac', rows: [[{ date: '2024-04-12' }, { date: '1904-01-01' }]] }], {
      date1904: true,
    });
    const cells = readExportFile(bytes, 'mac.xlsx').sheets[0].rows[0];
    expect(cells).toEqual(['2024-04-12', '1904-01-01']);
  });

  it('reads booleans and error values as the text Excel shows', () => {
    const bytes = writeXlsx([{ name: 'B', rows: [[true, false, { error: '#N/A' }]] }]);
    expect(readExportFile(bytes, 'b.xlsx').sheets[0].rows[0]).toEqual(['TRUE', 'FALSE', '#N/A']);
  });

  it('keeps gaps between cells and rows as empty text and trims trailing empty cells', () => {
    const bytes = writeXlsx([
      { name: 'Gaps', rows: [['a', null, 'c', null, null], null, null, [null, null, 'x'], [null]] },
    ]);
    expect(readExportFile(bytes, 'g.xlsx').sheets[0].rows).toEqual([['a', '', 'c'], [], [], ['', '', 'x']]);
  });

  it('places cells without an r attribute in the next column', () => {
    const bytes = writeXlsx(
      [
        {
          name: 'NoRefs',
          rows: [
            ['a', 'b', 'c'],
            ['1', 2, '3'],
          ],
        },
      ],
      { omitCellReferences: true },
    );
    expect(readExportFile(bytes, 'n.xlsx').sheets[0].rows).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('reads sheet XML whose elements carry a namespace prefix', () => {
    const bytes = writeXlsx(
      [
        {
          name: 'Prefixed',
          rows: [
            ['a', 1],
            ['b', 2],
          ],
        },
      ],
      { namespacePrefix: 'x:' },
    );
    expect(readExportFile(bytes, 'p.xlsx').sheets[0].rows).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
  });

  it('returns every sheet in workbook order', () => {
    const bytes = writeXlsx([
      { name: 'Orders', rows: [['Order']] },
      { name: 'Reports', rows: [['Total', 12.5]] },
      { name: 'Adjustment', rows: [] },
    ]);
    expect(readExportFile(bytes, 'pnl.xlsx').sheets).toEqual([
      { name: 'Orders', rows: [['Order']] },
      { name: 'Reports', rows: [['Total', '12.5']] },
      { name: 'Adjustment', rows: [] },
    ]);
  });

  it('decides by content, not by name: an .xlsx that holds CSV text is read as CSV', () => {
    const file = readExportFile(strToU8('Type,Amount\nOrder,1.00\n'), 'renamed.xlsx');
    expect(file.kind).toBe('csv');
    expect(file.sheets[0].rows[1]).toEqual(['Order', '1.00']);
  });
});

describe('big sheets', () => {
  it('reads a sheet of several megabytes row for row, stored or deflated', () => {
    let seed = 1;
    const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const rows: XlsxCell[][] = [['ID', ...Array.from({ length: 29 }, (_, c) => `Amount ${c + 1}`)]];
    for (let r = 1; r <= 4000; r++)
      rows.push([
        String(576786105183930000n + BigInt(r)),
        ...Array.from({ length: 29 }, () => Math.round(random() * 1e6) / 100),
      ]);
    const expected = rows.map((row) => row.map(String));
    for (const compressionLevel of [6, 0] as const) {
      const bytes = writeXlsx([{ name: 'Big', dimension: 'A1:G2', rows }], { compressionLevel });
      expect(readExportFile(bytes, 'big.xlsx').sheets[0].rows).toEqual(expected);
      let seen = 0;
      forEachSheetRow(bytes, 'big.xlsx', (_sheet, _cells, rowNumber) => {
        seen = rowNumber;
        if (rowNumber === 20) return false;
      });
      expect(seen).toBe(20);
    }
  });
});

describe('forEachSheetRow', () => {
  it('streams rows with sheet names and row numbers and stops when the visitor says so', () => {
    const bytes = writeXlsx([
      { name: 'First', rows: [['h'], null, ['r3'], ['r4']] },
      { name: 'Second', rows: [['never']] },
    ]);
    const seen: string[] = [];
    const info = forEachSheetRow(bytes, 'x.xlsx', (sheet, cells, rowNumber) => {
      seen.push(`${sheet}!${rowNumber}=${cells.join('|')}`);
      if (rowNumber === 3) return false;
    });
    expect(seen).toEqual(['First!1=h', 'First!3=r3']);
    expect(info.sheetNames).toEqual(['First', 'Second']);
    expect(info.kind).toBe('xlsx');
  });
});

describe('file errors', () => {
  it('says a truncated XLSX looks damaged', () => {
    const bytes = writeXlsx([{ name: 'S', rows: statementRows(50) }]);
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.6));
    expect(() => readExportFile(cut, 'statement.xlsx')).toThrow(FileReadError);
    expect(() => readExportFile(cut, 'statement.xlsx')).toThrow(
      /^statement\.xlsx could not be opened as an Excel file: it looks damaged or incomplete\. Download it again\./,
    );
  });

  it('says a ZIP with corrupted sheet data looks damaged', () => {
    const bytes = writeXlsx([{ name: 'S', rows: statementRows(200) }]);
    const corrupt = bytes.slice();
    // The first entry is the sheet; 0xFF where its deflate data starts is an invalid block type.
    const dataStart = 30 + (bytes[26] | (bytes[27] << 8)) + (bytes[28] | (bytes[29] << 8));
    for (let i = dataStart; i < dataStart + 16; i++) corrupt[i] = 0xff;
    expect(() => readExportFile(corrupt, 'statement.xlsx')).toThrow(
      /could not be opened as an Excel file: it looks damaged or incomplete/,
    );
  });

  it('says a ZIP that is not a workbook is not an Excel workbook', () => {
    const zip = zipSync({ 'report.pdf': strToU8('%PDF-1.4') });
    expect(() => readExportFile(zip, 'statement.xlsx')).toThrow(
      'statement.xlsx is a ZIP archive but not an Excel workbook (it has no xl/workbook.xml): expected a CSV or .xlsx export from Seller Center.',
    );
  });

  it('says a workbook with no worksheets has none', () => {
    const bytes = writeXlsx([], {});
    expect(() => readExportFile(bytes, 'empty.xlsx')).toThrow(
      'empty.xlsx is an Excel workbook with no worksheets: expected at least one sheet of rows.',
    );
  });

  it('refuses workbooks over 100 MB before reading them whole', () => {
    expect(() => checkWorkbookSize('big.xlsx', 200 * 1024 * 1024)).toThrow(
      'big.xlsx is 200 MB; the largest Excel workbook TTS Profit reads is 100 MB (a CSV export has no such limit). ' +
        'Export a shorter date range, or export it as CSV.',
    );
    expect(() => checkWorkbookSize('ok.xlsx', 100 * 1024 * 1024)).not.toThrow();
  });
});
