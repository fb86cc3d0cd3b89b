/**
 * A workbook read a range of the file at a time (as the sidebar's worker reads a dropped File):
 * whatever the sizes of the pieces read and inflated, the rows are the ones the whole-file reader
 * returns, and a damaged file is reported by name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, inflateSync, unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { describe, expect, it } from 'vitest';
import { arraySource, type ByteSource } from '../../src/core/read/files/byte-source';
import { FileReadError, forEachSheetRowAsync, readExportFile } from '../../src/core/read/files/read-file';
import { InflateError, RawInflater } from '../../src/core/read/files/raw-inflate';
import { openXlsx, openXlsxFrom } from '../../src/core/read/files/xlsx';
import { listZipEntries, type ZipPieceSizes } from '../../src/core/read/files/zip-archive';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import type { LedgerRow } from '../../src/core/types';
import { parseStreamingRows } from '../../src/sidebar/parsing/parse-file';
import { writeXlsx, type XlsxCell } from '../helpers/xlsx-writer';
import { statementRows } from '../helpers/xlsx-statement-rows';

type Row = [sheet: string, rowNumber: number, cells: string[]];

function wholeFileRows(bytes: Uint8Array): Row[] {
  const rows: Row[] = [];
  openXlsx(bytes).forEachRow((sheet, cells, rowNumber) => {
    rows.push([sheet, rowNumber, cells]);
  });
  return rows;
}

async function pieceRows(source: ByteSource, sizes: ZipPieceSizes): Promise<Row[]> {
  const rows: Row[] = [];
  const workbook = await openXlsxFrom(source, sizes);
  await workbook.forEachRow((sheet, cells, rowNumber) => {
    rows.push([sheet, rowNumber, cells]);
  });
  return rows;
}

/** A source that counts what is read of it, to show the file is never read whole. */
function countingSource(bytes: Uint8Array): ByteSource & { largestRead: number; bytesRead: number } {
  const source = {
    size: bytes.length,
    largestRead: 0,
    bytesRead: 0,
    read: async (start: number, end: number) => {
      const piece = bytes.slice(start, end);
      source.largestRead = Math.max(source.largestRead, piece.length);
      source.bytesRead += piece.length;
      return piece;
    },
  };
  return source;
}

const REAL_WORKBOOKS = [join('test', 'fixtures', 'real'), join('test', 'fixtures', 'ads')].flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.xlsx'))
    .map((name) => join(dir, name)),
);

/** Cells whose text is easy to cut badly: entities, multi-byte characters, inline and rich strings, long IDs. */
const TRICKY_ROWS: XlsxCell[][] = [
  ['Type', 'Order/adjustment ID', 'Product name', 'Inline', 'Rich', 'Amount', 'Date'],
  ...Array.from({ length: 40 }, (_, i): XlsxCell[] => [
    i % 3 === 0 ? 'Order' : 'Refund',
    String(576786105183930000n + BigInt(i)),
    `Mug & <Lid> "12 oz" №${i} — Café ☕ 🎁 ${'é'.repeat(i % 5)}`,
    { inline: `  inline & ${'ü'.repeat(i % 4)} 😀 ${i}  ` },
    { rich: ['Bold ', `& ${i}`, ' plain ✓'] },
    (i * 137) / 100 - 20,
    { date: `2026-04-${String((i % 28) + 1).padStart(2, '0')}` },
  ]),
];

describe('a workbook read a piece at a time', () => {
  it(`has real TikTok workbooks to read (${REAL_WORKBOOKS.length})`, () => {
    expect(REAL_WORKBOOKS.length).toBeGreaterThanOrEqual(6);
  });

  for (const path of REAL_WORKBOOKS) {
    it(`reads ${path} as the whole-file reader does, with pieces of every size`, async () => {
      const bytes = new Uint8Array(readFileSync(path));
      const expected = wholeFileRows(bytes);
      expect(expected.length).toBeGreaterThan(0);
      for (const sizes of [
        { readBytes: 1, outputBytes: 1 },
        { readBytes: 7, outputBytes: 13 },
        { readBytes: 1000, outputBytes: 333 },
        { readBytes: 256 * 1024, outputBytes: 256 * 1024 },
      ]) {
        expect(await pieceRows(arraySource(bytes), sizes), `${sizes.readBytes}/${sizes.outputBytes}`).toEqual(
          expected,
        );
      }
    });
  }

  it('cuts tags, attributes, shared-string references, entities and UTF-8 characters anywhere', async () => {
    // Stored (not deflated): each piece read is a piece of XML, so every piece size from 1 to 97
    // puts a boundary at every place in the first rows.
    for (const strings of ['shared', 'inline'] as const) {
      const bytes = writeXlsx([{ name: 'Statement', rows: TRICKY_ROWS }], { compressionLevel: 0, strings });
      const expected = wholeFileRows(bytes);
      expect(expected[3][2][2]).toBe('Mug & <Lid> "12 oz" №2 — Café ☕ 🎁 éé');
      for (let readBytes = 1; readBytes <= 97; readBytes++) {
        expect(
          await pieceRows(arraySource(bytes), { readBytes, outputBytes: 1 }),
          `${strings} ${readBytes}`,
        ).toEqual(expected);
      }
    }
  });

  it('cuts the same XML anywhere when it is deflated', async () => {
    const bytes = writeXlsx([{ name: 'Statement', rows: TRICKY_ROWS }]);
    const expected = wholeFileRows(bytes);
    for (let readBytes = 1; readBytes <= 61; readBytes += 3) {
      for (const outputBytes of [1, 259, 1000]) {
        expect(await pieceRows(arraySource(bytes), { readBytes, outputBytes })).toEqual(expected);
      }
    }
  });

  it('never reads the file whole: only its directory, small parts and pieces of the sheet', async () => {
    const bytes = writeXlsx([{ name: 'Statement', dimension: 'A1:G2', rows: statementRows(20_000) }]);
    expect(bytes.length).toBeGreaterThan(300_000);
    const source = countingSource(bytes);
    const rows = await pieceRows(source, { readBytes: 64 * 1024, outputBytes: 64 * 1024 });
    expect(rows).toEqual(wholeFileRows(bytes));
    // The largest read is the end of the archive: its end record and a comment of up to 65,535 bytes.
    expect(source.largestRead).toBeLessThanOrEqual(22 + 0xffff);
    // Each byte once, plus the local headers and the end of the archive.
    expect(source.bytesRead).toBeLessThan(bytes.length + 70_000);
  });

  it('stops reading the file when the visitor has seen enough', async () => {
    const bytes = writeXlsx([{ name: 'Statement', rows: statementRows(20_000) }]);
    const sheetBytes = listZipEntries(bytes).get('xl/worksheets/sheet1.xml')!.compressedSize;
    const source = countingSource(bytes);
    let seen = 0;
    const workbook = await openXlsxFrom(source, { readBytes: 16 * 1024, outputBytes: 16 * 1024 });
    await workbook.forEachRow((_sheet, _cells, rowNumber) => {
      seen = rowNumber;
      if (rowNumber === 30) return false;
    });
    expect(seen).toBe(30);
    expect(sheetBytes).toBeGreaterThan(200_000);
    // The end of the archive (read first, for its directory), everything but the sheet, and of the
    // sheet the piece inflated and the one read meanwhile.
    expect(source.bytesRead).toBeLessThan(22 + 0xffff + (bytes.length - sheetBytes) + 2 * 16 * 1024 + 1000);
  });

  it('reports progress through the shared strings and the sheet, rising to 1', async () => {
    const bytes = writeXlsx([{ name: 'Statement', dimension: 'A1:G2', rows: statementRows(20_000) }]);
    const fractions: number[] = [];
    await forEachSheetRowAsync(countingSource(bytes), 'statement.xlsx', () => undefined, {
      onProgress: (fraction) => fractions.push(fraction),
    });
    expect(fractions.length).toBeGreaterThan(3);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions[0]).toBeLessThan(0.5);
    expect(fractions[fractions.length - 1]).toBe(1);
  });

  it('reads a ZIP written with data descriptors (sizes after the data, zero in the local headers)', async () => {
    const original = writeXlsx([{ name: 'Statement', dimension: 'A1:G2', rows: statementRows(3000) }]);
    const parts = unzipSync(original);
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    for (const [name, data] of Object.entries(parts)) {
      const file = name.endsWith('.rels') ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
      zip.add(file);
      file.push(data, true);
    }
    zip.end();
    const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((at, c) => (bytes.set(c, at), at + c.length), 0);
    // The sheet's local header says "sizes in the descriptor" (bit 3) and gives none.
    const sheet = listZipEntries(bytes).get('xl/worksheets/sheet1.xml')!;
    const at = sheet.headerOffset;
    expect(bytes[at + 6] & 8).toBe(8);
    expect(bytes[at + 18] | bytes[at + 19] | bytes[at + 20] | bytes[at + 21]).toBe(0);
    expect(await pieceRows(arraySource(bytes), { readBytes: 4096, outputBytes: 4096 })).toEqual(
      wholeFileRows(original),
    );
  });

  it('reads stored (uncompressed) entries in pieces', async () => {
    const bytes = writeXlsx([{ name: 'Statement', rows: statementRows(2000) }], { compressionLevel: 0 });
    expect(listZipEntries(bytes).get('xl/worksheets/sheet1.xml')!.compression).toBe(0);
    expect(await pieceRows(arraySource(bytes), { readBytes: 999, outputBytes: 999 })).toEqual(
      wholeFileRows(bytes),
    );
  });
});

describe('a damaged workbook read a piece at a time', () => {
  async function streamedMessage(bytes: Uint8Array): Promise<string> {
    try {
      await forEachSheetRowAsync(countingSource(bytes), 'statement.xlsx', () => undefined);
    } catch (error) {
      expect(error).toBeInstanceOf(FileReadError);
      return (error as Error).message;
    }
    throw new Error('expected the read to fail');
  }

  function wholeMessage(bytes: Uint8Array): string {
    try {
      readExportFile(bytes, 'statement.xlsx');
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('expected the read to fail');
  }

  /** A copy with `count` bytes of the sheet's deflate data, from `offset` on, overwritten. */
  function damageSheet(bytes: Uint8Array, offset: number, count: number): Uint8Array {
    const damaged = bytes.slice();
    const at = listZipEntries(bytes).get('xl/worksheets/sheet1.xml')!.headerOffset;
    const dataStart =
      at + 30 + (bytes[at + 26] | (bytes[at + 27] << 8)) + (bytes[at + 28] | (bytes[at + 29] << 8));
    for (let i = dataStart + offset; i < dataStart + offset + count; i++) damaged[i] = 0xff;
    return damaged;
  }

  it('names the file and the entry when the sheet is corrupt far into it, after rows were read', async () => {
    const bytes = writeXlsx([{ name: 'Statement', rows: statementRows(20_000) }]);
    const sheetSize = listZipEntries(bytes).get('xl/worksheets/sheet1.xml')!.compressedSize;
    const damaged = damageSheet(bytes, Math.floor(sheetSize * 0.7), 64);
    let rowsSeen = 0;
    let message = '';
    try {
      await forEachSheetRowAsync(arraySource(damaged), 'statement.xlsx', () => {
        rowsSeen++;
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(rowsSeen).toBeGreaterThan(1000);
    expect(message).toMatch(
      /^statement\.xlsx could not be opened as an Excel file: it looks damaged or incomplete\. Download it again\. \(Found: the entry xl\/worksheets\/sheet1\.xml (cannot be decompressed \(invalid [a-z/ ]+\)|holds \d+ bytes, not the \d+ its directory states)\.\)$/,
    );
  });

  it('says the sheet is cut short when its deflate data ends early, as the whole-file reader does', async () => {
    const bytes = writeXlsx([{ name: 'Statement', rows: statementRows(2000) }]);
    // The archive stays whole; the sheet's deflate data ends with an unfinished block.
    const entry = listZipEntries(bytes).get('xl/worksheets/sheet1.xml')!;
    const at = entry.headerOffset;
    const dataStart =
      at + 30 + (bytes[at + 26] | (bytes[at + 27] << 8)) + (bytes[at + 28] | (bytes[at + 29] << 8));
    const data = bytes.subarray(dataStart, dataStart + entry.compressedSize);
    const inflated = inflateSync(data);
    const cut = deflateSync(inflated).subarray(0, Math.floor(entry.compressedSize / 2));
    expect(() => inflateSync(cut)).toThrow('unexpected EOF');
    const inflater = new RawInflater(() => true);
    expect(() => inflater.push(cut, true)).toThrow(new InflateError('unexpected EOF'));
  });

  it('says a corrupt shared-strings part is damaged, naming it', async () => {
    const bytes = writeXlsx([{ name: 'Statement', rows: statementRows(500) }]);
    const damaged = bytes.slice();
    const entry = listZipEntries(bytes).get('xl/sharedstrings.xml')!;
    const at = entry.headerOffset;
    const dataStart =
      at + 30 + (bytes[at + 26] | (bytes[at + 27] << 8)) + (bytes[at + 28] | (bytes[at + 29] << 8));
    for (let i = dataStart; i < dataStart + 16; i++) damaged[i] = 0xff;
    const message = await streamedMessage(damaged);
    expect(message).toBe(
      'statement.xlsx could not be opened as an Excel file: it looks damaged or incomplete. Download it again. ' +
        '(Found: the entry xl/sharedStrings.xml cannot be decompressed (invalid block type).)',
    );
    expect(message).toBe(wholeMessage(damaged));
  });

  it('says a file cut short is damaged, in the whole-file reader’s words, at every length', async () => {
    const bytes = writeXlsx([{ name: 'Statement', rows: statementRows(300) }]);
    for (const fraction of [0.05, 0.3, 0.6, 0.9, 0.999]) {
      const cut = bytes.slice(0, Math.floor(bytes.length * fraction));
      expect(await streamedMessage(cut)).toBe(wholeMessage(cut));
    }
  });

  it('sends no rows from the worker for a sheet damaged at its start, and names the file', async () => {
    const bytes = damageSheet(writeXlsx([{ name: 'Statement', rows: statementRows(300) }]), 0, 16);
    const batches: LedgerRow[][] = [];
    const outcome = await parseStreamingRows(countingSource(bytes), 'statement.xlsx', {
      onRows: (_sheet, rows) => batches.push(rows),
    });
    expect(batches).toEqual([]);
    expect(outcome.errors).toEqual(parseExportFile(bytes, 'statement.xlsx').errors);
    expect(outcome.errors[0].message).toMatch(/^statement\.xlsx could not be opened as an Excel file/);
  });
});
