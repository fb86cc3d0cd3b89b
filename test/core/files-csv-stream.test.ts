import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateStatementCsv } from '../../bench/synthetic-export';
import {
  createCsvChunkReader,
  CsvSyntaxError,
  forEachCsvRow,
  type CsvOptions,
} from '../../src/core/read/files/csv';

interface Outcome {
  records: [number, string[]][];
  error?: { message: string; line: number };
}

function wholeText(text: string, options?: CsvOptions, stopAfter = Infinity): Outcome {
  const records: Outcome['records'] = [];
  try {
    forEachCsvRow(
      text,
      (cells, row) => {
        records.push([row, cells]);
        if (records.length >= stopAfter) return false;
      },
      options,
    );
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { records, error: { message: error.message, line: error.line } };
  }
  return { records };
}

function inPieces(pieces: readonly string[], options?: CsvOptions, stopAfter = Infinity): Outcome {
  const records: Outcome['records'] = [];
  const reader = createCsvChunkReader((cells, row) => {
    records.push([row, cells]);
    if (records.length >= stopAfter) return false;
  }, options);
  try {
    for (const piece of pieces) reader.push(piece);
    reader.end();
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { records, error: { message: error.message, line: error.line } };
  }
  return { records };
}

/** The text cut every `size` characters. */
function cut(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces;
}

/** The text cut at the given positions (any order, repeats allowed). */
function cutAt(text: string, positions: readonly number[]): string[] {
  const points = [...new Set(positions.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const p of points) {
    pieces.push(text.slice(from, p));
    from = p;
  }
  pieces.push(text.slice(from));
  return pieces;
}

describe('createCsvChunkReader', () => {
  it('gives the same records and row numbers as the whole text for every piece size', () => {
    // Multi-SKU orders, refunds, adjustments, quoted product names with commas and quotes.
    const { csv } = generateStatementCsv({ rows: 40, seed: 7 });
    const text = '\uFEFF' + csv.replace('Silicone Baking Mat Set', '"Mat set, two\r\nsizes"');
    const expected = wholeText(text);
    expect(expected.records.length).toBeGreaterThan(40);
    for (let size = 1; size <= text.length; size += size < 200 ? 1 : 97) {
      expect(inPieces(cut(text, size)), `pieces of ${size} characters`).toEqual(expected);
    }
  });

  it('joins a quoted field with a line break and doubled quotes cut at every position', () => {
    const text =
      'Type,Product name,Amount\r\nOrder,"Lamp ""Aurora"",\r\nbrass",1.00\r\n\r\nRefund,Mug,-1.00\r\n\r\n';
    const expected = wholeText(text);
    expect(expected.records).toEqual([
      [1, ['Type', 'Product name', 'Amount']],
      [2, ['Order', 'Lamp "Aurora",\r\nbrass', '1.00']],
      [3, []],
      [4, ['Refund', 'Mug', '-1.00']],
    ]);
    for (let a = 0; a <= text.length; a++) {
      for (let b = a; b <= text.length; b += 3) expect(inPieces(cutAt(text, [a, b]))).toEqual(expected);
    }
  });

  it('names the line of an unclosed quote counted over the whole file, not the piece', () => {
    const text = 'Type,Product name\nOrder,"Mug\nwith lid"\r\nOrder,Cup\rOrder,"Lamp, brass\nOrder,Cup\n';
    const expected = wholeText(text);
    expect(expected.error).toEqual({
      message: 'a quoted field that starts on line 5 has no closing quote (")',
      line: 5,
    });
    for (let size = 1; size <= text.length; size++) expect(inPieces(cut(text, size))).toEqual(expected);
  });

  it('reads a 1,000,000-character field that spans a thousand pieces', () => {
    const big = 'x'.repeat(500_000) + '""' + 'y'.repeat(499_999);
    const text = `id,text\n1,"${big}"\n2,short\n`;
    const { records } = inPieces(cut(text, 1000));
    expect(records.map(([row]) => row)).toEqual([1, 2, 3]);
    expect(records[1][1][1].length).toBe(1_000_000);
    expect(records[2][1]).toEqual(['2', 'short']);
  });

  it('detects tabs from a header line that arrives in pieces', () => {
    const text = 'Type\tAmount, USD\tNote\nOrder\t"1,234.50"\tok\n';
    expect(inPieces(cut(text, 2)).records).toEqual([
      [1, ['Type', 'Amount, USD', 'Note']],
      [2, ['Order', '1,234.50', 'ok']],
    ]);
  });

  it('stops when the visitor returns false and ignores later pieces', () => {
    const text = 'a\n\n\nb\nc\nd\n';
    for (let size = 1; size <= text.length; size++) {
      expect(inPieces(cut(text, size), {}, 3)).toEqual(wholeText(text, {}, 3));
    }
  });

  it('gives nothing for an empty file or one of blank lines', () => {
    expect(inPieces([])).toEqual({ records: [] });
    expect(inPieces(['\r', '\n', '\n\r'])).toEqual({ records: [] });
    expect(inPieces(['\uFEFF', '\r\n'])).toEqual({ records: [] });
  });

  it('matches the whole-text reader for any text cut anywhere (property)', () => {
    const char = fc.constantFrom('a', 'b', ' ', ',', '\t', '"', '\r', '\n', 'é', '–', '\uFEFF');
    fc.assert(
      fc.property(
        fc.array(char, { maxLength: 80 }).map((chars) => chars.join('')),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.constantFrom<CsvOptions>({}, { delimiter: ',' }, { delimiter: '\t' }),
        (text, positions, options) => {
          expect(inPieces(cutAt(text, positions), options)).toEqual(wholeText(text, options));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
