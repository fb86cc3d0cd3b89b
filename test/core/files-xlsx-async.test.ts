import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  FileReadError,
  forEachSheetRow,
  forEachSheetRowAsync,
  readExportFile,
  readExportFileAsync,
} from '../../src/core/read/files/read-file';
import { arraySource } from '../../src/core/read/files/byte-source';
import { listZipEntries, streamZipEntry, streamZipEntryFrom } from '../../src/core/read/files/zip-archive';
import { parseExportFile, parseExportFileAsync } from '../../src/core/read/parse-export-file';
import type { LedgerRow } from '../../src/core/types';
import { parseStreamingRows } from '../../src/sidebar/parsing/parse-file';
import { writeXlsx, type XlsxCell, type XlsxSheetSpec, type XlsxWriteOptions } from '../helpers/xlsx-writer';
import { statementRows } from '../helpers/xlsx-statement-rows';

function bigRows(count: number): XlsxCell[][] {
  let seed = 1;
  const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const rows: XlsxCell[][] = [['ID', ...Array.from({ length: 29 }, (_, c) => `Amount ${c + 1}`)]];
  for (let r = 1; r <= count; r++)
    rows.push([
      String(576786105183930000n + BigInt(r)),
      ...Array.from({ length: 29 }, () => Math.round(random() * 1e6) / 100),
    ]);
  return rows;
}

/** The workbooks the synchronous reader's tests use, each with what makes it hard to read. */
const WORKBOOKS: { name: string; sheets: XlsxSheetSpec[]; options?: XlsxWriteOptions }[] = [
  {
    name: 'a stale <dimension> of A1:G2 over 500 rows',
    sheets: [{ name: 'Statement', dimension: 'A1:G2', rows: statementRows(499) }],
  },
  {
    name: '18- and 19-digit IDs as strings and as number text',
    sheets: [
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
    ],
  },
  {
    name: 'shared, inline and rich text with entities and Excel escapes',
    sheets: [
      {
        name: 'Text',
        rows: [
          [
            'Mug & <Lid> "12 oz"',
            { inline: '  padded  ' },
            { rich: ['Bold ', 'and', ' plain'] },
            'line_x000D_\nbreak',
            { formula: 'A1&"x"', formulaText: 'calc' },
            'Café ☕',
          ],
        ],
      },
    ],
  },
  {
    name: 'inline strings only',
    sheets: [
      {
        name: 'S',
        rows: [
          ['Type', 'Amount'],
          ['Order', -1.17],
        ],
      },
    ],
    options: { strings: 'inline' },
  },
  {
    name: 'built-in and custom date formats',
    sheets: [
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
    ],
  },
  {
    name: 'the 1904 date system',
    sheets: [{ name: 'Mac', rows: [[{ date: '2024-04-12' }, { date: '1904-01-01' }]] }],
    options: { date1904: true },
  },
  { name: 'booleans and errors', sheets: [{ name: 'B', rows: [[true, false, { error: '#N/A' }]] }] },
  {
    name: 'gaps between cells and rows',
    sheets: [{ name: 'Gaps', rows: [['a', null, 'c', null, null], null, null, [null, null, 'x'], [null]] }],
  },
  {
    name: 'cells without r attributes',
    sheets: [
      {
        name: 'NoRefs',
        rows: [
          ['a', 'b', 'c'],
          ['1', 2, '3'],
        ],
      },
    ],
    options: { omitCellReferences: true },
  },
  {
    name: 'namespace-prefixed sheet XML',
    sheets: [
      {
        name: 'Prefixed',
        rows: [
          ['a', 1],
          ['b', 2],
        ],
      },
    ],
    options: { namespacePrefix: 'x:' },
  },
  {
    name: 'several sheets, one empty',
    sheets: [
      { name: 'Orders', rows: [['Order']] },
      { name: 'Reports', rows: [['Total', 12.5]] },
      { name: 'Adjustment', rows: [] },
    ],
  },
  {
    name: 'a deflated sheet of several megabytes',
    sheets: [{ name: 'Big', dimension: 'A1:G2', rows: bigRows(4000) }],
  },
  {
    name: 'a stored (uncompressed) sheet of several megabytes',
    sheets: [{ name: 'Big', rows: bigRows(4000) }],
    options: { compressionLevel: 0 },
  },
];

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the async reader returns the same rows as the synchronous one', () => {
  for (const workbook of WORKBOOKS) {
    it(`for ${workbook.name}`, async () => {
      const bytes = writeXlsx(workbook.sheets, workbook.options);
      const expected = readExportFile(bytes, 'export.xlsx');
      expect(expected.sheets.length).toBe(workbook.sheets.length);
      expect(await readExportFileAsync(bytes, 'export.xlsx')).toEqual(expected);
    });
  }

  it('keeps every 18-digit order ID of a 500-row statement exact', async () => {
    const bytes = writeXlsx([{ name: 'Statement', dimension: 'A1:G2', rows: statementRows(499) }]);
    const rows = (await readExportFileAsync(bytes, 'statement.xlsx')).sheets[0].rows;
    expect(rows.length).toBe(500);
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

  it('reads the same rows where the platform has no DecompressionStream (older browsers)', async () => {
    const bytes = writeXlsx([{ name: 'Big', dimension: 'A1:G2', rows: bigRows(4000) }]);
    const expected = readExportFile(bytes, 'big.xlsx');
    vi.stubGlobal('DecompressionStream', undefined);
    expect(await readExportFileAsync(bytes, 'big.xlsx')).toEqual(expected);
  });

  it('reads CSV files as the synchronous reader does', async () => {
    const bytes = strToU8('Type,Order/adjustment ID,Amount\nOrder,576786105183930101,1.00\n');
    expect(await readExportFileAsync(bytes, 'renamed.xlsx')).toEqual(readExportFile(bytes, 'renamed.xlsx'));
  });

  it('hands over an entry in pieces that join to exactly what fflate inflates', async () => {
    const bytes = writeXlsx([{ name: 'Big', rows: bigRows(2000) }]);
    const entry = listZipEntries(bytes).get('xl/worksheets/sheet1.xml')!;
    const join = (pieces: Uint8Array[]): Uint8Array => {
      const whole = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
      pieces.reduce((at, p) => (whole.set(p, at), at + p.length), 0);
      return whole;
    };
    const synchronous: Uint8Array[] = [];
    streamZipEntry(bytes, entry, (chunk) => synchronous.push(chunk.slice()) > 0);
    const native: Uint8Array[] = [];
    const finals: boolean[] = [];
    await streamZipEntryFrom(arraySource(bytes), entry, (chunk, final) => {
      native.push(chunk.slice());
      finals.push(final);
      return true;
    });
    expect(native.length).toBeGreaterThan(1); // never one buffer of the whole sheet
    expect(finals.filter(Boolean)).toHaveLength(1);
    expect(finals[finals.length - 1]).toBe(true);
    const whole = join(native);
    expect(whole.length).toBe(entry.uncompressedSize);
    expect(Buffer.from(whole).equals(Buffer.from(join(synchronous)))).toBe(true);
  });
});

describe('forEachSheetRowAsync', () => {
  it('streams rows with sheet names and row numbers and stops when the visitor says so', async () => {
    const bytes = writeXlsx([
      { name: 'First', rows: [['h'], null, ['r3'], ['r4']] },
      { name: 'Second', rows: [['never']] },
    ]);
    const seen: string[] = [];
    const announced: string[] = [];
    const info = await forEachSheetRowAsync(
      bytes,
      'x.xlsx',
      (sheet, cells, rowNumber) => {
        seen.push(`${sheet}!${rowNumber}=${cells.join('|')}`);
        if (rowNumber === 3) return false;
      },
      { onSheet: (name) => announced.push(name) },
    );
    expect(seen).toEqual(['First!1=h', 'First!3=r3']);
    expect(announced).toEqual(['First', 'Second']);
    expect(info).toEqual({ fileName: 'x.xlsx', kind: 'xlsx', sheetNames: ['First', 'Second'] });
  });

  it('stops inflating a big sheet after the first rows when asked', async () => {
    const bytes = writeXlsx([{ name: 'Big', rows: bigRows(4000) }]);
    let seen = 0;
    await forEachSheetRowAsync(bytes, 'big.xlsx', (_sheet, _cells, rowNumber) => {
      seen = rowNumber;
      if (rowNumber === 20) return false;
    });
    expect(seen).toBe(20);
  });
});

describe('parseExportFileAsync', () => {
  it('imports a statement workbook exactly as parseExportFile does', async () => {
    const rows: XlsxCell[][] = [
      [
        'Statement date (UTC)',
        'Statement ID',
        'Type',
        'Order/adjustment ID',
        'SKU ID',
        'Order created date',
        'Total settlement amount',
        'Net sales',
        'Fees',
      ],
    ];
    for (let i = 1; i <= 300; i++) {
      rows.push([
        '2026/04/20',
        '7320260420000042',
        'Order',
        String(576786105183930000n + BigInt(i)),
        '1732440158393635811',
        { date: '2026-04-12' },
        (1000 + i - 60) / 100,
        (1000 + i) / 100,
        -0.6,
      ]);
    }
    const bytes = writeXlsx([{ name: 'Statement', dimension: 'A1:G2', rows }]);
    const expected = parseExportFile(bytes, 'statement.xlsx');
    expect(expected.errors).toEqual([]);
    expect(expected.files[0].rows).toHaveLength(300);
    expect(expected.files[0].rows[299].orderId).toBe('576786105183930300');
    expect(await parseExportFileAsync(bytes, 'statement.xlsx')).toEqual(expected);
  });

  it('reports an unreadable workbook as the file error parseExportFile gives', async () => {
    const bytes = writeXlsx([{ name: 'S', rows: statementRows(50) }]);
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.6));
    const expected = parseExportFile(cut, 'statement.xlsx');
    expect(expected.errors[0].message).toMatch(/^statement\.xlsx could not be opened as an Excel file/);
    expect(await parseExportFileAsync(cut, 'statement.xlsx')).toEqual(expected);
  });
});

describe('rows streamed from the parse worker', () => {
  function statementSheet(first: number, count: number): XlsxCell[][] {
    const rows: XlsxCell[][] = [
      [
        'Statement date (UTC)',
        'Statement ID',
        'Type',
        'Order/adjustment ID',
        'SKU ID',
        'Order created date',
        'Total settlement amount',
        'Net sales',
        'Fees',
      ],
    ];
    for (let i = first; i < first + count; i++) {
      rows.push([
        '2026/04/20',
        '7320260420000042',
        'Order',
        String(576786105183930000n + BigInt(i)),
        '1732440158393635811',
        { date: '2026-04-12' },
        (1000 + i - 60) / 100,
        (1000 + i) / 100,
        -0.6,
      ]);
    }
    return rows;
  }

  it('sends every imported row once, in order, in batches tagged with their sheet', async () => {
    const bytes = writeXlsx([
      { name: 'April', rows: statementSheet(1, 4500) },
      { name: 'May', rows: statementSheet(5001, 30) },
    ]);
    const expected = parseExportFile(bytes, 'statement.xlsx');
    expect(expected.files.map((file) => [file.sheet, file.rows.length])).toEqual([
      ['April', 4500],
      ['May', 30],
    ]);
    const batches: { sheet: string | undefined; rows: LedgerRow[] }[] = [];
    const outcome = await parseStreamingRows(bytes, 'statement.xlsx', {
      onRows: (sheet, rows) => batches.push({ sheet, rows }),
    });
    // 250 rows a batch: 18 full ones of April, then May's 30 in a batch of their own.
    expect(batches.map((batch) => [batch.sheet, batch.rows.length])).toEqual([
      ...Array.from({ length: 18 }, () => ['April', 250]),
      ['May', 30],
    ]);
    for (const file of expected.files) {
      const streamed = batches.filter((batch) => batch.sheet === file.sheet).flatMap((batch) => batch.rows);
      expect(streamed).toEqual(file.rows);
    }
    // The worker keeps no copy of the rows; everything else matches parseExportFile.
    expect(outcome.files.map((file) => file.rows)).toEqual([[], []]);
    expect(outcome.files.map((file) => ({ ...file, rows: [] }))).toEqual(
      expected.files.map((file) => ({ ...file, rows: [] })),
    );
  });

  it('sends no rows for a damaged file and reports it as the file error', async () => {
    const bytes = writeXlsx([{ name: 'April', rows: statementSheet(1, 50) }]);
    const batches: LedgerRow[][] = [];
    const outcome = await parseStreamingRows(bytes.subarray(0, 100), 'statement.xlsx', {
      onRows: (_sheet, rows) => batches.push(rows),
    });
    expect(batches).toEqual([]);
    expect(outcome.files).toEqual([]);
    expect(outcome.errors[0].message).toMatch(
      /^statement\.xlsx could not be opened as an Excel file: it looks damaged or incomplete\./,
    );
  });
});

describe('file errors from the async reader', () => {
  async function asyncMessage(bytes: Uint8Array, fileName: string): Promise<string> {
    try {
      await readExportFileAsync(bytes, fileName);
    } catch (error) {
      expect(error).toBeInstanceOf(FileReadError);
      return (error as Error).message;
    }
    throw new Error('expected the read to fail');
  }

  function syncMessage(bytes: Uint8Array, fileName: string): string {
    try {
      forEachSheetRow(bytes, fileName, () => undefined);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('expected the read to fail');
  }

  /** A copy of the workbook whose sheet's deflate data starts with 16 bytes of 0xFF. */
  function corruptSheet(bytes: Uint8Array): Uint8Array {
    const corrupt = bytes.slice();
    // The first entry is the sheet; 0xFF where its deflate data starts is an invalid block type.
    const dataStart = 30 + (bytes[26] | (bytes[27] << 8)) + (bytes[28] | (bytes[29] << 8));
    for (let i = dataStart; i < dataStart + 16; i++) corrupt[i] = 0xff;
    return corrupt;
  }

  it('says a truncated XLSX looks damaged, in the same words as the synchronous reader', async () => {
    const bytes = writeXlsx([{ name: 'S', rows: statementRows(50) }]);
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.6));
    const message = await asyncMessage(cut, 'statement.xlsx');
    expect(message).toBe(syncMessage(cut, 'statement.xlsx'));
    expect(message).toBe(
      'statement.xlsx could not be opened as an Excel file: it looks damaged ' +
        'or incomplete. Download it again. (Found: the end of the archive is missing.)',
    );
  });

  it('says a ZIP with corrupted sheet data looks damaged and names the entry', async () => {
    const corrupt = corruptSheet(writeXlsx([{ name: 'S', rows: statementRows(200) }]));
    const message = await asyncMessage(corrupt, 'statement.xlsx');
    expect(message).toBe(
      'statement.xlsx could not be opened as an Excel file: it looks damaged or incomplete. Download it again. ' +
        '(Found: the entry xl/worksheets/sheet1.xml cannot be decompressed (invalid block type).)',
    );
    expect(message).toBe(syncMessage(corrupt, 'statement.xlsx'));
  });

  it('says so when a sheet holds fewer bytes than the archive directory states', async () => {
    const bytes = writeXlsx([{ name: 'S', rows: statementRows(200) }]);
    const entry = listZipEntries(bytes).get('xl/worksheets/sheet1.xml')!;
    const damaged = bytes.slice();
    // The central directory starts at the offset the end record gives; the sheet's record is first.
    const end = damaged.length - 22;
    const directory =
      (damaged[end + 16] | (damaged[end + 17] << 8) | (damaged[end + 18] << 16)) +
      damaged[end + 19] * 0x1000000;
    const claimed = entry.uncompressedSize + 1000;
    new DataView(damaged.buffer).setUint32(directory + 24, claimed, true);
    expect(await asyncMessage(damaged, 'statement.xlsx')).toBe(
      'statement.xlsx could not be opened as an Excel file: it looks damaged or incomplete. Download it again. ' +
        `(Found: the entry xl/worksheets/sheet1.xml holds ${entry.uncompressedSize} bytes, not the ${claimed} its directory states.)`,
    );
  });

  it('says a ZIP that is not a workbook is not an Excel workbook', async () => {
    const zip = zipSync({ 'report.pdf': strToU8('%PDF-1.4') });
    expect(await asyncMessage(zip, 'statement.xlsx')).toBe(
      'statement.xlsx is a ZIP archive but not an Excel workbook (it has no xl/workbook.xml): expected a CSV or .xlsx export from Seller Center.',
    );
  });

  it('says a workbook with no worksheets has none', async () => {
    expect(await asyncMessage(writeXlsx([], {}), 'empty.xlsx')).toBe(
      'empty.xlsx is an Excel workbook with no worksheets: expected at least one sheet of rows.',
    );
  });

  it('says an empty file is empty', async () => {
    expect(await asyncMessage(new Uint8Array(0), 'statement.xlsx')).toBe(
      'statement.xlsx is empty: expected a CSV or Excel export, found 0 bytes.',
    );
  });
});
