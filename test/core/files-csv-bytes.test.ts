import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellNeed, createCsvByteReader, UNREAD_CELL } from '../../src/core/files/csv-bytes';
import { createCsvChunkReader, toCsv } from '../../src/core/files/csv';
import { parseCentsOrNaN } from '../../src/core/money';

interface Read {
  rows: [number, string[]][];
  records: number;
  error?: string;
}

/** The text reader over the decoded text, the reference. */
function readText(text: string, delimiter: ',' | '\t'): Read {
  const rows: [number, string[]][] = [];
  const reader = createCsvChunkReader((cells, n) => void rows.push([n, [...cells]]), { delimiter });
  try {
    reader.push(text);
    reader.end();
  } catch (error) {
    return { rows, records: reader.records, error: (error as Error).message };
  }
  return { rows, records: reader.records };
}

/** The byte reader over the bytes cut at `cuts`, every column read as text. */
function readBytes(bytes: Uint8Array, cuts: number[], delimiter: number, needs = new Uint8Array(0)): Read & { amounts: (number | null)[][] } {
  const rows: [number, string[]][] = [];
  const amounts: (number | null)[][] = [];
  const reader = createCsvByteReader(
    (cells, n, parsed) => {
      rows.push([n, [...cells]]);
      amounts.push(cells.map((_, c) => (c < parsed.parsed.length && parsed.parsed[c] === 1 ? parsed.cents[c] : null)));
    },
    delimiter,
    needs,
  );
  try {
    let at = 0;
    for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b)) {
      reader.push(bytes.slice(at, cut));
      at = cut;
    }
    reader.push(bytes.slice(at));
    reader.end();
  } catch (error) {
    return { rows, amounts, records: reader.records, error: (error as Error).message };
  }
  return { rows, amounts, records: reader.records };
}

const allText = (n: number) => new Uint8Array(n).fill(CellNeed.Text);
const encode = (text: string) => new TextEncoder().encode(text);

const CHARS = ['a', 'b', '1', '0', '.', '-', ',', '"', '\n', '\r', '\r\n', '\t', ' ', 'é', '–', '🌿', '\uFEFF', '\uFFFD', '$', '(', '/'];
const cellText = fc.array(fc.constantFrom(...CHARS), { maxLength: 6 }).map((parts) => parts.join(''));
const wellFormed = (delimiter: ',' | '\t') => fc.array(fc.array(cellText, { minLength: 1, maxLength: 5 }), { maxLength: 8 }).map((rows) => toCsv(rows, delimiter));
const anyText = fc.array(fc.constantFrom(...CHARS), { maxLength: 40 }).map((parts) => parts.join(''));
const cutsOf = fc.array(fc.nat({ max: 200 }), { maxLength: 6 });

describe('the CSV byte reader gives what the text reader gives', () => {
  for (const [delimiter, code] of [[',', 44], ['\t', 9]] as const) {
    it(`on well-formed files, however the bytes are cut (delimiter ${JSON.stringify(delimiter)})`, () => {
      fc.assert(
        fc.property(wellFormed(delimiter), cutsOf, (text, cuts) => {
          const bytes = encode(text);
          const expected = readText(text, delimiter);
          const got = readBytes(bytes, cuts, code, allText(8));
          expect({ rows: got.rows, records: got.records, error: got.error }).toEqual(expected);
        }),
        { numRuns: 600 },
      );
    });

    it(`on any text: stray quotes, lone CRs, unclosed quotes (delimiter ${JSON.stringify(delimiter)})`, () => {
      fc.assert(
        fc.property(anyText, cutsOf, (text, cuts) => {
          const got = readBytes(encode(text), cuts, code, allText(8));
          expect({ rows: got.rows, records: got.records, error: got.error }).toEqual(readText(text, delimiter));
        }),
        { numRuns: 1500 },
      );
    });
  }

  it('on any bytes, malformed UTF-8 included (read as the decoder reads them), however they are cut', () => {
    const BYTES = [0x22, 0x2c, 0x0a, 0x0d, 0x61, 0x31, 0x2e, 0x2d, 0xc3, 0xa9, 0xe2, 0x80, 0x93, 0xf0, 0x9f, 0x8c, 0xbf, 0xff, 0xef, 0xbb, 0xbf];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...BYTES), { maxLength: 60 }), cutsOf, (list, cuts) => {
        const bytes = new Uint8Array(list);
        // The reference: the whole file decoded (a leading byte-order mark dropped), then read as text.
        const text = new TextDecoder('utf-8').decode(bytes);
        const got = readBytes(bytes, cuts, 44, allText(8));
        expect({ rows: got.rows, records: got.records, error: got.error }).toEqual(readText(text, ','));
      }),
      { numRuns: 3000 },
    );
  });

  it('on malformed UTF-8 (the decoder’s replacement characters), however the bytes are cut', () => {
    const bytes = new Uint8Array([...encode('id,name\r\n1,caf'), 0xc3, 0x28, ...encode(',x\r\n2,"a'), 0xff, ...encode('b",y\r\n3,z')]);
    const expected = readText(new TextDecoder().decode(bytes), ',');
    for (let cut = 0; cut <= bytes.length; cut++) expect(readBytes(bytes, [cut], 44, allText(3)).rows).toEqual(expected.rows);
    expect(expected.rows.map(([, cells]) => cells[1])).toEqual(['name', 'caf\uFFFD(', 'a\uFFFDb', 'z']);
  });
});

describe('cells the pass needs no text of, and amounts parsed in place', () => {
  const text = 'ID,Note,Amount,Other\r\n1,"a, b",-12.34,x\r\n2,,"1,234.50",\r\n3,n,$3.00,y\r\n4,"é",0.5,\r\n5,z,12.345,"q"\r\n';
  const needs = new Uint8Array([CellNeed.Text, CellNeed.Presence, CellNeed.Amount, CellNeed.Presence]);
  const got = readBytes(encode(text), [7, 40], 44, needs);

  it('keeps only whether a cell is blank where no text is needed', () => {
    expect(got.rows.map(([, cells]) => cells[1])).toEqual([UNREAD_CELL, UNREAD_CELL, '', UNREAD_CELL, UNREAD_CELL, UNREAD_CELL]);
    expect(got.rows.map(([, cells]) => cells[3])).toEqual([UNREAD_CELL, UNREAD_CELL, '', UNREAD_CELL, '', UNREAD_CELL]);
  });

  it('parses plain amounts to cents and leaves every other amount as its text, for the money parser', () => {
    expect(got.rows.map(([, cells]) => cells[2])).toEqual(['Amount', UNREAD_CELL, '1,234.50', '$3.00', UNREAD_CELL, '12.345']);
    expect(got.amounts.map((row) => row[2])).toEqual([null, -1234, null, null, 50, null]);
    expect(got.rows.map(([, cells]) => cells[0])).toEqual(['ID', '1', '2', '3', '4', '5']);
  });
});

describe('amounts parsed in place', () => {
  it('are the cents the money parser gives for the same text, and any cell it would read otherwise is left as text', () => {
    const amountText = fc.array(fc.constantFrom('-', '0', '1', '5', '9', '.', ',', '$', ' ', '(', ')', 'e', '/'), { minLength: 1, maxLength: 14 }).map((parts) => parts.join(''));
    // Plain amounts as exports write them (`-12.34`, `7`, `0.5`), and any text made of amount characters.
    const plain = fc.tuple(fc.boolean(), fc.nat({ max: 10 ** 9 }), fc.nat({ max: 99 }), fc.integer({ min: 0, max: 2 })).map(
      ([minus, whole, cents, decimals]) => (minus ? '-' : '') + whole + (decimals === 0 ? '' : '.' + String(cents).padStart(2, '0').slice(0, decimals)),
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(plain, amountText), { minLength: 1, maxLength: 6 }), (amounts) => {
        const needs = new Uint8Array(amounts.length).fill(CellNeed.Amount);
        const text = toCsv([amounts]);
        const got = readBytes(encode(text), [], 44, needs);
        const [cells] = readText(text, ',').rows.map(([, row]) => row);
        got.rows[0][1].forEach((cell, c) => {
          const parsed = got.amounts[0][c];
          if (parsed === null) expect(cell).toBe(cells[c]);
          else {
            expect(cell).toBe(UNREAD_CELL);
            expect(parsed).toBe(parseCentsOrNaN(cells[c]));
          }
        });
      }),
      { numRuns: 2000 },
    );
  });
});
