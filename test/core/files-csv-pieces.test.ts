/**
 * A CSV file read a piece at a time, as the sidebar's worker reads a dropped file, gives what
 * reading its whole text gives: the same rows, encoding and messages, whatever the piece size
 * and wherever a character, a record or a byte that is not UTF-8 falls.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateStatementCsv } from '../../bench/synthetic-export';
import { decodeText } from '../../src/core/read/files/decode';
import { forEachCsvRow } from '../../src/core/read/files/csv';
import {
  forEachSheetRowAsync,
  PIECE_BYTES,
  readExportFile,
  type ByteSource,
} from '../../src/core/read/files/read-file';
import { fileSource } from '../../src/sidebar/parsing/file-source';
import { parseStreamingRows } from '../../src/sidebar/parsing/parse-file';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import type { LedgerRow } from '../../src/core/types';

/** The bytes served in pieces of at most `size` (the reader asks for its own ranges; this cuts them shorter). */
function piecesOf(bytes: Uint8Array, size: number): ByteSource {
  return { size: bytes.length, read: (start, end) => bytes.slice(start, Math.min(end, start + size)) };
}

/**
 * The bytes as a File's byte stream serves them: read in order into the buffer the reader passes,
 * each read handing over at most `size` bytes; the stream ends after `available` bytes (the file's
 * size unless the platform stops short). Counts the buffers read into.
 */
function streamOf(
  bytes: Uint8Array,
  size: number,
  available = bytes.length,
): ByteSource & { buffers: Set<ArrayBufferLike>; cancels: number } {
  const source = {
    size: bytes.length,
    buffers: new Set<ArrayBufferLike>(),
    cancels: 0,
    read: () => {
      throw new Error('a CSV file with a byte stream is read through it');
    },
    pieces: (start: number, end: number) => {
      let at = start;
      return {
        next: async (buffer: Uint8Array) => {
          source.buffers.add(buffer.buffer);
          const n = Math.min(size, buffer.length, Math.min(end, available) - at);
          if (n <= 0) return null;
          buffer.set(bytes.subarray(at, at + n));
          at += n;
          return buffer.subarray(0, n);
        },
        cancel: () => {
          source.cancels++;
        },
      };
    },
  };
  // The first bytes (is it a workbook?) and the last (does it end in a line break?) are ranges:
  // nothing else is read outside the stream.
  source.read = ((start: number, end: number) => {
    if ((start !== 0 || end > 4) && (end !== bytes.length || end - start > 16))
      throw new Error('a CSV file with a byte stream is read through it');
    return bytes.slice(start, end);
  }) as () => never;
  return source;
}

async function rowsInPieces(
  bytes: Uint8Array,
  size: number,
  stream = false,
): Promise<{ rows: string[][]; encoding?: string; restarts: number }> {
  let rows: string[][] = [];
  let restarts = 0;
  const info = await forEachSheetRowAsync(
    stream ? streamOf(bytes, size) : piecesOf(bytes, size),
    'export.csv',
    (_sheet, cells, rowNumber) => {
      rows[rowNumber - 1] = cells;
    },
    {
      onRestart: () => {
        rows = [];
        restarts++;
      },
    },
  );
  return { rows: Array.from(rows, (r) => r ?? []), encoding: info.encoding, restarts };
}

function rowsOfWholeText(bytes: Uint8Array): { rows: string[][]; encoding: string } {
  const decoded = decodeText(bytes);
  const rows: string[][] = [];
  forEachCsvRow(decoded.text, (cells) => {
    rows.push(cells);
  });
  return { rows, encoding: decoded.encoding };
}

const windows1252 = (text: string): Uint8Array =>
  Uint8Array.from(text, (c) => (c === 'é' ? 0xe9 : c === '€' ? 0x80 : c.charCodeAt(0)));

describe('a CSV file read in pieces', () => {
  it('gives the rows of its whole text, whatever the piece size and wherever characters fall (property)', async () => {
    const cell = fc.constantFrom(
      'Order',
      '12.50',
      '-0.17',
      'Café 保',
      '"a, b"',
      '"line\nbreak"',
      '€3',
      '😀 emoji',
      '',
      '\uFFFD',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        fc.boolean(),
        async (rows, size, bom, stream) => {
          const text =
            (bom ? '\uFEFF' : '') + 'A,B,C\r\n' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
          const bytes = new TextEncoder().encode(text);
          const read = await rowsInPieces(bytes, size, stream);
          const whole = rowsOfWholeText(bytes);
          expect(read.rows).toEqual(whole.rows);
          expect(read.encoding).toBe('utf-8');
          expect(read.restarts).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads a file again as Windows-1252 when a byte that is not UTF-8 comes late, and says so', async () => {
    const lines = ['Type,Product name,Amount'];
    for (let i = 0; i < 3000; i++) lines.push(`Order,Serum ${i},12.50`);
    lines.push('Order,Café crème,€3');
    const bytes = windows1252(lines.join('\r\n') + '\r\n');
    for (const stream of [false, true]) {
      const read = await rowsInPieces(bytes, 4096, stream);
      expect(read.restarts).toBe(1);
      expect(read.encoding).toBe('windows-1252');
      expect(read.rows).toEqual(rowsOfWholeText(bytes).rows);
      expect(read.rows[3001]).toEqual(['Order', 'Café crème', '€3']);
    }
  });

  it("reads a File's byte stream into two buffers in turn, telling its progress about once a piece", async () => {
    const { csv } = generateStatementCsv({ rows: 12000, months: 2 });
    const bytes = new TextEncoder().encode(csv);
    expect(bytes.length).toBeGreaterThan(3 * PIECE_BYTES);
    const source = streamOf(bytes, 65536);
    const fractions: number[] = [];
    let rows = 0;
    await forEachSheetRowAsync(source, 'statement.csv', () => void rows++, {
      onProgress: (fraction) => fractions.push(fraction),
    });
    expect(rows).toBe(rowsOfWholeText(bytes).rows.length);
    // One buffer parsed while the other is read into; no buffer per piece.
    expect(source.buffers.size).toBe(2);
    expect(source.cancels).toBe(0);
    expect(fractions.length).toBe(Math.floor((bytes.length - 1) / PIECE_BYTES));
    for (let i = 0; i < fractions.length; i++) {
      expect(fractions[i]).toBeGreaterThanOrEqual(((i + 1) * PIECE_BYTES) / bytes.length);
      expect(fractions[i]).toBeLessThan(1);
    }
  });

  it('says so when the browser stops reading a file before its end, instead of importing part of it', async () => {
    const { csv } = generateStatementCsv({ rows: 4000, months: 2 });
    const bytes = new TextEncoder().encode(csv);
    const source = streamOf(bytes, 65536, PIECE_BYTES + 100);
    const outcome = await parseStreamingRows(source, 'statement.csv', { onRows: () => {} });
    expect(outcome.files).toEqual([]);
    expect(outcome.errors).toEqual([
      {
        fileName: 'statement.csv',
        message: `statement.csv could not be read to its end: the browser gave ${PIECE_BYTES + 100} of its ${bytes.length} bytes. Choose the file again.`,
      },
    ]);
    expect(source.cancels).toBe(1);
  });

  it('keeps a U+FFFD the file spells out, even cut between two pieces', async () => {
    const bytes = new TextEncoder().encode('A,B\r\nx\uFFFDy,1\r\n');
    for (let size = 1; size <= bytes.length; size++) {
      const read = await rowsInPieces(bytes, size);
      expect(read.restarts).toBe(0);
      expect(read.rows[1]).toEqual(['x\uFFFDy', '1']);
    }
  });

  it('reads UTF-16 with an odd number of bytes in a piece', async () => {
    const text = '\uFEFFType\tAmount\r\nOrder\t€3.00 保\r\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[2 * i] = text.charCodeAt(i) & 0xff;
      bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    const read = await rowsInPieces(bytes, 3);
    expect(read.encoding).toBe('utf-16le');
    expect(read.rows).toEqual(readExportFile(bytes, 'export.csv').sheets[0].rows);
  });
});

describe("the worker's reading of a dropped file", () => {
  it('sends the rows of a file whose bytes turn out not to be UTF-8 once, read as Windows-1252', async () => {
    const { csv } = generateStatementCsv({ rows: 4000, months: 2 });
    const text = csv.replace(/[^\t\n\r -~]/g, '-');
    const plain = windows1252(text);
    // A product name as an old Excel save writes it, in the last row: past the first piece.
    const cut = text.lastIndexOf('Serum');
    const withAccent = windows1252(text.slice(0, cut) + 'Sérum' + text.slice(cut + 5));
    expect(cut).toBeGreaterThan(1 << 20);
    for (const bytes of [plain, withAccent]) {
      const sent: LedgerRow[] = [];
      let restarts = 0;
      const outcome = await parseStreamingRows(
        fileSource(new Blob([bytes.slice().buffer as ArrayBuffer]), 'statement.csv'),
        'statement.csv',
        {
          onRows: (_sheet, rows) => sent.push(...rows),
          onRestart: () => {
            restarts++;
            sent.length = 0;
          },
        },
      );
      expect(outcome.errors).toEqual([]);
      expect(sent).toHaveLength(4000);
      expect(new Set(sent.map((r) => r.key)).size).toBe(4000);
      expect(restarts).toBe(bytes === plain ? 0 : 1);
      if (bytes === withAccent) expect(sent.some((r) => r.productName.includes('Sérum'))).toBe(true);
    }
  });

  it('refuses a file whose quote never closes once the row runs past any real row, however big the file', async () => {
    // A 300 MB file whose second row opens a quote and never closes it: held as one unfinished
    // record, its rest would pass the longest string a browser makes; it is refused at 16 MB.
    const { csv } = generateStatementCsv({ rows: 3, months: 1 });
    const lines = csv.split('\r\n');
    const head = new TextEncoder().encode(`${lines[0]}\r\n${lines[1]}\r\n"never closed,`);
    const filler = new Uint8Array(1 << 20).fill(0x78);
    let bytesRead = 0;
    const source: ByteSource = {
      size: 300 * 1024 * 1024,
      read(start, end) {
        bytesRead += end - start;
        const bytes = filler.slice(0, end - start);
        if (start < head.length) bytes.set(head.subarray(start, Math.min(head.length, end)));
        return bytes;
      },
    };
    const outcome = await parseStreamingRows(source, 'statement.csv', { onRows: () => {} });
    expect(outcome.files).toEqual([]);
    expect(outcome.errors).toEqual([
      {
        fileName: 'statement.csv',
        message:
          'statement.csv: the row that starts on line 3 runs on for more than 16,777,216 characters without ending: ' +
          'a quoted field in it may have no closing quote ("). Expected every opening quote to be closed; the file may ' +
          'be cut short. Download it again.',
      },
    ]);
    expect(bytesRead).toBeLessThan(20 * 1024 * 1024);
  });

  it('imports the other rows of a file with one ID a spreadsheet rounded, as the whole-file reader does', async () => {
    // The worker keeps no rows: it once took "no rows kept" for "no row readable" and refused the file.
    const { csv } = generateStatementCsv({ rows: 20, months: 1 });
    const lines = csv.split('\r\n');
    const cells = lines[3].split(',');
    cells[6] = '5.77E+17';
    lines[3] = cells.join(',');
    const bytes = new TextEncoder().encode(lines.join('\r\n'));
    const sent: LedgerRow[] = [];
    const outcome = await parseStreamingRows(bytes, 'statement.csv', {
      onRows: (_sheet, rows) => sent.push(...rows),
    });
    const whole = parseExportFile(bytes, 'statement.csv');
    expect(outcome.errors).toEqual([]);
    expect(sent).toHaveLength(19);
    expect(sent).toEqual(whole.files[0].rows);
    expect(outcome.files[0].rejects).toEqual([
      {
        file: 'statement.csv',
        row: 4,
        column: 'Order/adjustment ID',
        message:
          'Row 4, column *Order/adjustment ID*: the ID 5.77E+17 lost its last digits (the sheet turned it into a number). ' +
          'Format the column as Plain text and import the file again.',
      },
    ]);
  });
});
