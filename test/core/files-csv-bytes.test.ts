import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayKey, dayKeyOfBytes, dayKeyText } from '../../src/core/read/day-key';
import { CellNeed, createCsvByteReader, Parsed, readsTextPerCell, SHORT_TEXT_BYTES, UNREAD_CELL, type CsvByteReader } from '../../src/core/read/files/csv-bytes';
import { hashDigitsInto, hashTextInto } from '../../src/core/ledger/key-hash';
import { createCsvChunkReader, toCsv } from '../../src/core/read/files/csv';
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
function readBytes(bytes: Uint8Array, cuts: number[], delimiter: number, needs = new Uint8Array(0)): Read & { amounts: (number | null)[][]; listed: { amounts: [number, number][]; textAmounts: boolean }[] } {
  const rows: [number, string[]][] = [];
  const amounts: (number | null)[][] = [];
  const listed: { amounts: [number, number][]; textAmounts: boolean }[] = [];
  const reader = createCsvByteReader(
    (cells, n, parsed) => {
      rows.push([n, [...cells]]);
      amounts.push(cells.map((_, c) => (c < parsed.parsed.length && parsed.parsed[c] === 1 ? parsed.cents[c] : null)));
      const list: [number, number][] = [];
      for (let k = 0; k < parsed.amountCount; k++) list.push([parsed.amountColumns[k], parsed.amountCents[k]]);
      listed.push({ amounts: list, textAmounts: parsed.textAmounts });
    },
    delimiter,
    needs,
  );
  try {
    pushCut(reader, bytes, cuts);
    reader.end();
  } catch (error) {
    return { rows, amounts, listed, records: reader.records, error: (error as Error).message };
  }
  return { rows, amounts, listed, records: reader.records };
}

/** Pushes `bytes` to the reader in pieces that end at `cuts` (those inside the bytes). */
function pushCut(reader: CsvByteReader, bytes: Uint8Array, cuts: readonly number[]): void {
  let at = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b)) {
    reader.push(bytes.slice(at, cut));
    at = cut;
  }
  reader.push(bytes.slice(at));
}

const allText = (n: number) => new Uint8Array(n).fill(CellNeed.Text);
/**
 * Text needed in the first `n` columns and none after them, few enough that the reader makes
 * cells' text one by one instead of decoding every region (the files below are narrower).
 */
const fewText = (n: number) => new Uint8Array(4 * n + 1).fill(CellNeed.Text, 0, n);
/** How the reader gets cells' text, and needs that make it do so. */
const TEXT_MODES = [
  ['regions decoded', allText(64)],
  ['cells made text one by one', fewText(64)],
] as const;
const encode = (text: string) => new TextEncoder().encode(text);

const CHARS = ['a', 'b', '1', '0', '.', '-', ',', '"', '\n', '\r', '\r\n', '\t', ' ', 'é', '–', '🌿', '\uFEFF', '\uFFFD', '$', '(', '/'];
const cellText = fc.array(fc.constantFrom(...CHARS), { maxLength: 6 }).map((parts) => parts.join(''));
const wellFormed = (delimiter: ',' | '\t') => fc.array(fc.array(cellText, { minLength: 1, maxLength: 5 }), { maxLength: 8 }).map((rows) => toCsv(rows, delimiter));
const anyText = fc.array(fc.constantFrom(...CHARS), { maxLength: 40 }).map((parts) => parts.join(''));
const cutsOf = fc.array(fc.nat({ max: 200 }), { maxLength: 6 });

describe.each(TEXT_MODES)('the CSV byte reader gives what the text reader gives (%s)', (_mode, needs) => {
  it('is in that mode for these needs', () => {
    expect(readsTextPerCell(needs)).toBe(needs === TEXT_MODES[1][1]);
  });

  for (const [delimiter, code] of [[',', 44], ['\t', 9]] as const) {
    it(`on well-formed files, however the bytes are cut (delimiter ${JSON.stringify(delimiter)})`, () => {
      fc.assert(
        fc.property(wellFormed(delimiter), cutsOf, (text, cuts) => {
          const bytes = encode(text);
          const expected = readText(text, delimiter);
          const got = readBytes(bytes, cuts, code, needs);
          expect({ rows: got.rows, records: got.records, error: got.error }).toEqual(expected);
        }),
        { numRuns: 600 },
      );
    });

    it(`on any text: stray quotes, lone CRs, unclosed quotes (delimiter ${JSON.stringify(delimiter)})`, () => {
      fc.assert(
        fc.property(anyText, cutsOf, (text, cuts) => {
          const got = readBytes(encode(text), cuts, code, needs);
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
        const got = readBytes(bytes, cuts, 44, needs);
        expect({ rows: got.rows, records: got.records, error: got.error }).toEqual(readText(text, ','));
      }),
      { numRuns: 3000 },
    );
  });

  it('on malformed UTF-8 of every kind: overlong, surrogate, past U+10FFFF, cut short, stray continuation', () => {
    // A lead byte then up to three continuation bytes, each at an edge of the ranges the decoder
    // accepts, among ASCII: well-formed and malformed sequences both come often.
    const LEADS = [0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff];
    const FOLLOWING = [0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0x61];
    const sequence = fc.tuple(fc.constantFrom(...LEADS), fc.array(fc.constantFrom(...FOLLOWING), { maxLength: 3 })).map(([lead, rest]) => [lead, ...rest]);
    const ascii = fc.constantFrom(0x2c, 0x0a, 0x22, 0x61, 0x31).map((b) => [b]);
    fc.assert(
      fc.property(fc.array(fc.oneof(sequence, ascii), { maxLength: 16 }), cutsOf, (parts, cuts) => {
        const bytes = new Uint8Array(parts.flat());
        const got = readBytes(bytes, cuts, 44, needs);
        expect({ rows: got.rows, records: got.records, error: got.error }).toEqual(readText(new TextDecoder('utf-8').decode(bytes), ','));
      }),
      { numRuns: 3000 },
    );
  });

  it('on malformed UTF-8 (the decoder’s replacement characters), however the bytes are cut', () => {
    const bytes = new Uint8Array([...encode('id,name\r\n1,caf'), 0xc3, 0x28, ...encode(',x\r\n2,"a'), 0xff, ...encode('b",y\r\n3,z')]);
    const expected = readText(new TextDecoder().decode(bytes), ',');
    for (let cut = 0; cut <= bytes.length; cut++) expect(readBytes(bytes, [cut], 44, needs).rows).toEqual(expected.rows);
    expect(expected.rows.map(([, cells]) => cells[1])).toEqual(['name', 'caf\uFFFD(', 'a\uFFFDb', 'z']);
  });
});

describe('text made cell by cell', () => {
  // One text column, one amount column: few enough columns need text for cells to be made one by one.
  const needs = new Uint8Array([CellNeed.Text, CellNeed.Amount, ...new Array<number>(8).fill(CellNeed.Presence)]);

  it('reads any well-formed text (every plane, U+FEFF and U+FFFD themselves) without leaving the bytes: its amounts are still parsed in place', () => {
    expect(readsTextPerCell(needs)).toBe(true);
    const anyCharacters = fc.string({ unit: 'binary', maxLength: 12 });
    fc.assert(
      fc.property(fc.array(anyCharacters, { minLength: 1, maxLength: 6 }), cutsOf, (texts, cuts) => {
        const text = toCsv(texts.map((cell) => [cell, '1.25']));
        const got = readBytes(encode(text), cuts, 44, needs);
        expect(got.rows).toEqual(readText(text, ',').rows.map(([n, cells]) => [n, [cells[0], UNREAD_CELL]]));
        expect(got.amounts.map((row) => row[1])).toEqual(texts.map(() => 125));
      }),
      { numRuns: 1500 },
    );
  });

  it('gives a value that repeats down a column, or comes back, as the same text each time', () => {
    const ids = ['577000000000000001', '577000000000000002', 'A-17', '577000000000000001', 'A-17', 'A-17'];
    const text = toCsv(ids.map((id) => [id, '0']));
    const got = readBytes(encode(text), [9, 30], 44, new Uint8Array([CellNeed.Id, ...new Array<number>(8).fill(CellNeed.Presence)]));
    expect(got.rows.map(([, cells]) => cells[0])).toEqual(ids);
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
      // Cut anywhere (an amount may end a piece), the record ended by a line break or by the file.
      fc.property(fc.array(fc.oneof(plain, amountText), { minLength: 1, maxLength: 6 }), cutsOf, fc.boolean(), (amounts, cuts, lastLine) => {
        const needs = new Uint8Array(amounts.length).fill(CellNeed.Amount);
        const text = lastLine ? toCsv([amounts]).replace(/\r\n$/, '') : toCsv([amounts]);
        const got = readBytes(encode(text), cuts, 44, needs);
        const [cells] = readText(text, ',').rows.map(([, row]) => row);
        got.rows[0][1].forEach((cell, c) => {
          const parsed = got.amounts[0][c];
          if (parsed === null) expect(cell).toBe(cells[c]);
          else {
            expect(cell).toBe(UNREAD_CELL);
            expect(parsed).toBe(parseCentsOrNaN(cells[c]));
          }
        });
        // The record's list: its non-zero amounts parsed in place, in column order; and whether
        // any other amount was left as text (then the list is not the record's every amount).
        const inPlace = got.amounts[0].flatMap((cents, c) => (cents !== null && cents !== 0 ? [[c, cents] as [number, number]] : []));
        expect(got.listed[0].amounts).toEqual(inPlace);
        expect(got.listed[0].textAmounts).toBe(cells.some((cell, c) => cell !== '' && got.amounts[0][c] === null));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('IDs, days and long-only text read in place', () => {
  const digits = fc.array(fc.constantFrom('0', '1', '7', '9'), { minLength: 1, maxLength: 22 }).map((parts) => parts.join(''));
  const day = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom('/', '-')).map(
    ([y, m, d, sep]) => `${String(y).padStart(4, '0')}${sep}${String(m).padStart(2, '0')}${sep}${String(d).padStart(2, '0')}`,
  );
  const cell = fc.oneof(digits, day, cellText, fc.string({ maxLength: 12 }), fc.string({ minLength: 195, maxLength: 210 }), fc.constant(''));
  const NEEDS = [CellNeed.Presence, CellNeed.Text, CellNeed.Amount, CellNeed.Id, CellNeed.Date, CellNeed.LongText];

  it('hold what their text holds: the ID’s key hashes, the day’s key, the text of a long cell only', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), fc.array(fc.constantFrom(...NEEDS), { minLength: 6, maxLength: 6 }), cutsOf, (rows, needList, cuts) => {
        const text = toCsv(rows);
        const expected = readText(text, ',');
        const needs = new Uint8Array(needList);
        const seen: { cells: string[]; parsed: number[]; hash1: number[]; hash2: number[]; cents: number[] }[] = [];
        const reader = createCsvByteReader((cells, _n, inPlace) => {
          seen.push({ cells: [...cells], parsed: [...inPlace.parsed], hash1: [...inPlace.hash1], hash2: [...inPlace.hash2], cents: [...inPlace.cents] });
        }, 44, needs);
        pushCut(reader, encode(text), cuts);
        reader.end();
        expect(seen).toHaveLength(expected.rows.length);
        expected.rows.forEach(([, cells], r) => {
          cells.forEach((cellText, c) => {
            const got = seen[r];
            const need = c < needs.length ? needs[c] : CellNeed.Presence;
            if (cellText === '') return expect(got.cells[c]).toBe('');
            const one = new Int32Array(1);
            const two = new Int32Array(1);
            switch (need) {
              case CellNeed.Id:
                expect(got.cells[c]).toBe(cellText);
                if (got.parsed[c] === Parsed.DigitsId) {
                  hashTextInto(cellText, one, two, 0);
                  expect([got.hash1[c], got.hash2[c]]).toEqual([one[0], two[0]]);
                }
                // Plain digits are hashed in place, unless the text reader reads the file
                // (U+FFFD: see createCsvByteReader) or a quote may make the record its own.
                if (/^\d+$/.test(cellText) && !text.includes('\uFFFD') && !text.includes('"')) expect(got.parsed[c]).toBe(Parsed.DigitsId);
                break;
              case CellNeed.Date:
                if (got.cells[c] === UNREAD_CELL && cellText !== UNREAD_CELL) {
                  expect(got.parsed[c]).toBe(Parsed.Day);
                  expect(got.cents[c]).toBe(dayKey(cellText));
                  expect(dayKeyText(got.cents[c])).toBe(cellText);
                } else expect(got.cells[c]).toBe(cellText);
                break;
              case CellNeed.LongText:
                // Short text is not cut (its byte count bounds its length); longer text is.
                if (got.cells[c] === UNREAD_CELL) expect(encode(cellText).length).toBeLessThanOrEqual(SHORT_TEXT_BYTES);
                else expect(got.cells[c]).toBe(cellText);
                if (cellText.length > SHORT_TEXT_BYTES) expect(got.cells[c]).toBe(cellText);
                break;
              default:
                break;
            }
          });
        });
      }),
      { numRuns: 800 },
    );
  });

  it('key hashes of digit bytes equal those of the same text (other bytes are refused), and day keys of bytes those of text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 30 }), digits, day), (text) => {
        const bytes = encode(text);
        const fromText = [new Int32Array(1), new Int32Array(1)];
        const fromBytes = [new Int32Array(1), new Int32Array(1)];
        hashTextInto(text, fromText[0], fromText[1], 0);
        const plainDigits = /^[0-9]*$/.test(text);
        expect(hashDigitsInto(bytes, 0, bytes.length, fromBytes[0], fromBytes[1], 0)).toBe(plainDigits);
        if (plainDigits) expect(fromBytes).toEqual(fromText);
        else expect(fromBytes).toEqual([new Int32Array(1), new Int32Array(1)]);
        expect(dayKeyOfBytes(bytes, 0, bytes.length)).toBe(dayKey(text));
        if (dayKey(text) >= 0) expect(dayKeyText(dayKey(text))).toBe(text);
      }),
      { numRuns: 3000 },
    );
    expect(dayKey('2026/08/15')).not.toBe(dayKey('2026-08-15'));
    expect(dayKey('2026/08/15 10:00')).toBe(-1);
    expect(dayKeyText(dayKey('0099-01-31'))).toBe('0099-01-31');
  });
});
