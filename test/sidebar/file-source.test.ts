/**
 * The worker's view of a dropped File: ranges on demand, and a workbook's long parts read into one
 * reused buffer (a buffer per piece made by the browser would stay in its heap until a full
 * collection), with a fallback where the browser cannot read into the caller's buffer.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BytePieces, ByteSource } from '../../src/core/read/files/byte-source';
import { openXlsx } from '../../src/core/read/files/xlsx';
import { forEachSheetRowAsync } from '../../src/core/read/files/read-file';
import { fileSource } from '../../src/sidebar/parsing/file-source';
import { parseStreamingRows } from '../../src/sidebar/parsing/parse-file';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import type { LedgerRow } from '../../src/core/types';
import { writeXlsx } from '../helpers/xlsx-writer';
import { statementRows } from '../helpers/xlsx-statement-rows';

type Row = [string, number, string[]];

function wholeFileRows(bytes: Uint8Array): Row[] {
  const rows: Row[] = [];
  openXlsx(bytes).forEachRow((sheet, cells, rowNumber) => {
    rows.push([sheet, rowNumber, cells]);
  });
  return rows;
}

async function sourceRows(source: ByteSource): Promise<Row[]> {
  const rows: Row[] = [];
  await forEachSheetRowAsync(source, 'statement.xlsx', (sheet, cells, rowNumber) => {
    rows.push([sheet, rowNumber, cells]);
  });
  return rows;
}

/** Counts what the reader asks of the file: ranges read whole, and pieces read into its buffer. */
function watched(
  source: ByteSource,
): ByteSource & { rangeBytes: number; pieceBytes: number; buffers: Set<ArrayBufferLike> } {
  const watch = {
    size: source.size,
    rangeBytes: 0,
    pieceBytes: 0,
    buffers: new Set<ArrayBufferLike>(),
    read: async (start: number, end: number) => {
      const bytes = await source.read(start, end);
      watch.rangeBytes += bytes.length;
      return bytes;
    },
    pieces: (start: number, end: number): BytePieces | null => {
      const pieces = source.pieces?.(start, end) ?? null;
      if (pieces === null) return null;
      return {
        next: async (buffer) => {
          const piece = await pieces.next(buffer);
          if (piece !== null) {
            watch.pieceBytes += piece.length;
            watch.buffers.add(piece.buffer);
          }
          return piece;
        },
        cancel: () => pieces.cancel(),
      };
    },
  };
  return watch;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('fileSource', () => {
  const bytes = writeXlsx([{ name: 'Statement', dimension: 'A1:G2', rows: statementRows(5000) }]);

  it("reads a workbook's sheet into the reader's own buffer, the rows those of the whole file", async () => {
    const source = watched(fileSource(new Blob([bytes.slice()]), 'statement.xlsx'));
    expect(await sourceRows(source)).toEqual(wholeFileRows(bytes));
    // Shared strings and the sheet came as pieces; ranges only for the directory and small parts.
    expect(source.pieceBytes).toBeGreaterThan(bytes.length * 0.9);
    expect(source.rangeBytes).toBeLessThan(70_000);
  });

  it('reads by ranges where the browser has no byte stream to read into a buffer', async () => {
    const blob = new Blob([bytes.slice()]);
    const slice = blob.slice.bind(blob);
    vi.spyOn(blob, 'slice').mockImplementation((start, end) => {
      const part = slice(start, end);
      part.stream = () => new ReadableStream({ start: (controller) => controller.close() }); // not a byte stream
      return part;
    });
    const source = watched(fileSource(blob, 'statement.xlsx'));
    expect(await sourceRows(source)).toEqual(wholeFileRows(bytes));
    expect(source.pieceBytes).toBe(0);
  });

  it('hands the worker the rows parseExportFile imports', async () => {
    const header = [
      'Statement date (UTC)',
      'Statement ID',
      'Type',
      'Order/adjustment ID',
      'Total settlement amount',
      'Net sales',
      'Fees',
    ];
    const rows = [
      header,
      ...Array.from({ length: 3000 }, (_, i) => [
        '2026/04/20',
        '7320260420000042',
        'Order',
        String(576786105183930000n + BigInt(i)),
        (1000 + i - 60) / 100,
        (1000 + i) / 100,
        -0.6,
      ]),
    ];
    const statement = writeXlsx([{ name: 'Statement', dimension: 'A1:G2', rows }]);
    const batches: LedgerRow[] = [];
    const outcome = await parseStreamingRows(
      fileSource(new Blob([statement.slice()]), 'statement.xlsx'),
      'statement.xlsx',
      {
        onRows: (_sheet, batch) => batches.push(...batch),
      },
    );
    const expected = parseExportFile(statement, 'statement.xlsx');
    expect(outcome.errors).toEqual([]);
    expect(expected.files[0].rows).toHaveLength(3000);
    expect(batches).toEqual(expected.files[0].rows);
  });
});

describe('a workbook read as pieces into a buffer', () => {
  const bytes = writeXlsx([{ name: 'Statement', rows: statementRows(800) }]);

  /** Pieces of at most `most` bytes (a stream may fill less of the buffer than it could). */
  function smallPieces(most: number, file = bytes): ByteSource & { cancelled: number } {
    const source = {
      size: file.length,
      cancelled: 0,
      read: (start: number, end: number) => file.slice(start, end),
      pieces: (start: number, end: number): BytePieces => {
        let at = start;
        return {
          next: async (buffer) => {
            if (at >= end) return null;
            const count = Math.min(end - at, buffer.length, 1 + ((at * 7) % most));
            buffer.set(file.subarray(at, at + count));
            at += count;
            return buffer.subarray(0, count);
          },
          cancel: () => {
            source.cancelled++;
          },
        };
      },
    };
    return source;
  }

  it('reads the same rows whatever the pieces hold', async () => {
    for (const most of [1, 7, 300]) expect(await sourceRows(smallPieces(most))).toEqual(wholeFileRows(bytes));
  });

  it('stops reading the file when the reader has seen enough', async () => {
    const big = writeXlsx([{ name: 'Statement', rows: statementRows(8000) }]);
    const source = smallPieces(300, big);
    let seen = 0;
    await forEachSheetRowAsync(source, 'statement.xlsx', (_sheet, _cells, rowNumber) => {
      seen = rowNumber;
      if (rowNumber === 20) return false;
    });
    expect(seen).toBe(20);
    expect(source.cancelled).toBe(1);
  });
});
