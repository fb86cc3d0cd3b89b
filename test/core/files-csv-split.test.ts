import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, forEachCsvRow, toCsv } from '../../src/core/files/csv';
import { createRecordBoundaryFinder, type RecordBoundary } from '../../src/core/files/csv-split';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const PIECE_SIZES = [1, 2, 3, 7, Infinity];

/**
 * The record starts of a text by a plain walk over its characters (the reference): byte 0, and
 * the byte after each line break outside quotes (CRLF is one break, a lone CR another).
 * Returns their UTF-8 byte offsets; the record starting at `starts[k]` is row k + 1.
 */
function recordStarts(text: string): number[] {
  const starts = [0];
  let bytes = 0;
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
      continue;
    }
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n'))) starts.push(bytes);
  }
  return starts;
}

/** Feeds `bytes` in pieces of `size`; what push returned first (checking later pushes agree), and end(). */
function findIn(bytes: Uint8Array, target: number, size: number): { pushed: RecordBoundary | undefined; ended: RecordBoundary | undefined } {
  const finder = createRecordBoundaryFinder(target);
  let pushed: RecordBoundary | undefined;
  const step = Math.min(size, Math.max(bytes.length, 1));
  // An empty file is pushed as one empty piece.
  for (let at = 0; at < bytes.length || at === 0; at += step) {
    const result = finder.push(bytes.subarray(at, at + step));
    if (pushed !== undefined) expect(result).toEqual(pushed);
    else pushed = result;
  }
  return { pushed, ended: finder.end() };
}

/** Records of a text from row `from` on, numbered as in the text. */
function recordsFrom(text: string, from: number, delimiter: ',' | '\t'): [number, string[]][] {
  const records: [number, string[]][] = [];
  forEachCsvRow(text, (cells, row) => {
    if (row >= from) records.push([row, cells]);
  }, { delimiter });
  return records;
}

/**
 * For every target from 0 to the byte length and every piece size: the boundary is the first
 * record start at or after the target, and the text from it reads as the whole text's records
 * from its row on.
 */
function checkEveryTarget(text: string): void {
  const bytes = encoder.encode(text);
  const starts = recordStarts(text);
  const delimiter = detectDelimiter(text);
  const checkedTails = new Set<number>();
  for (let target = 0; target <= bytes.length; target++) {
    const k = starts.findIndex((start) => start >= target);
    const expected = k < 0 ? undefined : { byte: starts[k], row: k + 1 };
    // A boundary at the very end after a final CR can only be told once the file is complete.
    const endsInLoneCr = expected !== undefined && expected.byte === bytes.length && bytes[bytes.length - 1] === 13;
    for (const size of PIECE_SIZES) {
      const { pushed, ended } = findIn(bytes, target, size);
      expect({ target, size, ended }).toEqual({ target, size, ended: expected });
      expect({ target, size, pushed }).toEqual({ target, size, pushed: endsInLoneCr ? undefined : expected });
    }
    if (expected === undefined || checkedTails.has(expected.byte)) continue;
    checkedTails.add(expected.byte);
    const tail = decoder.decode(bytes.subarray(expected.byte));
    const shifted = recordsFrom(tail, 1, delimiter).map(([row, cells]): [number, string[]] => [row + expected.row - 1, cells]);
    expect({ from: expected.byte, records: shifted }).toEqual({ from: expected.byte, records: recordsFrom(text, expected.row, delimiter) });
  }
}

describe('createRecordBoundaryFinder', () => {
  const texts: [string, string][] = [
    ['plain LF', 'Order ID,Amount\n1,2.50\n2,3.75\n'],
    ['CRLF', 'Order ID,Amount\r\n1,2.50\r\n2,3.75\r\n'],
    ['lone CR', 'Order ID,Amount\r1,2.50\r2,3.75\r'],
    ['mixed line ends, no final break', 'a,b\r\nc,d\re,f\ng,h'],
    ['quoted commas, doubled quotes and line breaks', 'Product,Note\r\n"Lamp, ""Aurora""","line one\r\nline two"\r\n"x\ry","a\nb"\n"",""""\r\nlast,row\r\n'],
    ['a quoted field ending right before a line break', '"a\n"\n"b""\r"\r"c"\r\n'],
    ['blank lines in the middle and at the end', 'h1,h2\n\n1,2\r\n\r\n\r3,4\n\n\r\n'],
    ['blank lines first', '\n\r\n\ra,b\n'],
    ['byte-order mark', '\uFEFFOrder ID,Amount\r\n1,2.50\r\n'],
    ['byte-order mark and nothing else', '\uFEFF'],
    ['multi-byte UTF-8', 'Product,Name\r\nCafé 😀,"Crème, brûlée 😀"\r\n"é\r\né",ü\n😀\r😀\n'],
    ['tab-delimited', 'a\tb\r\n"x\ty"\t"line\nbreak"\r\nc\td\r\n'],
    ['one record', 'just one'],
    ['only line breaks', '\r\n\n\r\r'],
    ['empty', ''],
  ];
  for (const [name, text] of texts) {
    it(`finds every boundary in: ${name}`, () => checkEveryTarget(text));
  }

  it('counts rows across pieces that split a CRLF, a quoted field and a multi-byte character', () => {
    const text = 'h\r\n"é\r\n""x"""\r\nCafé\r\nlast\r\n';
    const bytes = encoder.encode(text);
    const finder = createRecordBoundaryFinder(17);
    // Pieces end after the CR of the first CRLF, inside the quoted field's é and inside the é of Café.
    expect(finder.push(bytes.subarray(0, 2))).toBeUndefined();
    expect(finder.push(bytes.subarray(2, 5))).toBeUndefined();
    expect(finder.push(bytes.subarray(5, 20))).toBeUndefined();
    expect(finder.push(bytes.subarray(20))).toEqual({ byte: 23, row: 4 });
    expect(finder.end()).toEqual({ byte: 23, row: 4 });
    expect(decoder.decode(bytes.subarray(23))).toBe('last\r\n');
  });

  it('never splits a CRLF: a target between CR and LF gives the byte after the LF', () => {
    const bytes = encoder.encode('a\r\nb\r\n');
    expect(findIn(bytes, 2, 1).pushed).toEqual({ byte: 3, row: 2 });
    expect(findIn(bytes, 3, 2).pushed).toEqual({ byte: 3, row: 2 });
    expect(findIn(bytes, 4, 2).pushed).toEqual({ byte: 6, row: 3 });
  });

  it('decides a lone CR at the end of the file only at end()', () => {
    const finder = createRecordBoundaryFinder(2);
    expect(finder.push(encoder.encode('a\r'))).toBeUndefined();
    expect(finder.end()).toEqual({ byte: 2, row: 2 });
    expect(() => finder.push(encoder.encode('b'))).toThrow('CSV record boundary finder: push() after end()');
  });

  it('target 0 is the start of the file, row 1', () => {
    const finder = createRecordBoundaryFinder(0);
    expect(finder.push(encoder.encode('a,b\n'))).toEqual({ byte: 0, row: 1 });
    expect(createRecordBoundaryFinder(0).end()).toEqual({ byte: 0, row: 1 });
  });

  it('finds the boundary in the middle of a large export read in 64 KB pieces', () => {
    const line = '"Lamp, ""Aurora""",577000000000000001,Café,12.50\r\n';
    const bytes = encoder.encode('Product,Order ID,Name,Amount\r\n' + line.repeat(20_000));
    const lineBytes = encoder.encode(line).length;
    const headerBytes = encoder.encode('Product,Order ID,Name,Amount\r\n').length;
    const finder = createRecordBoundaryFinder(bytes.length >> 1);
    let result: RecordBoundary | undefined;
    for (let at = 0; at < bytes.length && result === undefined; at += 65_536) result = finder.push(bytes.subarray(at, at + 65_536));
    const k = Math.ceil(((bytes.length >> 1) - headerBytes) / lineBytes);
    expect(result).toEqual({ byte: headerBytes + k * lineBytes, row: k + 2 });
  });

  it('is fooled by a quote inside an unquoted field, which a caller sees as a record count that differs', () => {
    // `12"34` and `5"6` are text to the reader, but their quotes open and close a "quoted field" for the finder.
    const text = 'Size,Note\n12"34,a\nb,c\n5"6,d\ne,f\n';
    const bytes = encoder.encode(text);
    const found = findIn(bytes, 11, Infinity).pushed!;
    expect(found).toEqual({ byte: text.indexOf('e,f'), row: 3 });
    // That byte starts row 5. The check a caller makes: the first part must hold exactly row - 1 records.
    let recordsBefore = 0;
    forEachCsvRow(decoder.decode(bytes.subarray(0, found.byte)), () => {
      recordsBefore++;
    });
    expect(recordsBefore).toBe(4);
    expect(recordsBefore).not.toBe(found.row - 1);
  });

  describe('random CSV', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ',', '"', '\n', '\r', 'é', '😀', ' '), maxLength: 6 });
    const rows = fc.array(fc.array(cell, { minLength: 0, maxLength: 4 }), { maxLength: 6 });

    it('written by toCsv', () => {
      fc.assert(fc.property(rows, (grid) => checkEveryTarget(toCsv(grid))), { numRuns: 150 });
    });

    it('with random line endings, blank lines and no final break', () => {
      const ending = fc.constantFrom('\n', '\r', '\r\n');
      const text = fc.tuple(rows, fc.array(ending, { minLength: 7, maxLength: 7 }), fc.boolean(), fc.boolean()).map(([grid, endings, bom, finalBreak]) => {
        // Each row written on its own (its quoted fields keep their own line breaks), then joined.
        const lines = grid.map((row) => toCsv([row]).replace(/\r\n$/, ''));
        const body = lines.map((line, i) => line + (i < lines.length - 1 || finalBreak ? endings[i] : '')).join('');
        return (bom ? '\uFEFF' : '') + body;
      });
      fc.assert(fc.property(text, checkEveryTarget), { numRuns: 200 });
    });
  });
});
