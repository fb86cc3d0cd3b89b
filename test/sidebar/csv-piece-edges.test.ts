/**
 * A long export read as the sidebar's worker reads it, in the pieces a browser hands over (Chrome's
 * file stream gives pieces of 64 KB to 1 MB): whatever falls where one piece ends comes out as
 * written, and the file is read once. Product names with accents, emoji and CJK characters, names
 * quoted for a comma, a doubled quote or a line break (CRLF, LF or CR) typed into the cell, and
 * rows ending in CRLF, each placed so that a multiple of 4 KB falls inside it.
 */
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/core/read/files/csv';
import type { ByteSource } from '../../src/core/read/files/read-file';
import { parsedBySidebar } from '../helpers/sidebar-reader';
import { parseStreamingRows } from '../../src/sidebar/parsing/parse-file';
import { BASE_ROWS, HEADER, columnIndex, utf8 } from '../corpus/generate';
import type { LedgerRow } from '../../src/core/types';

const PRODUCT = columnIndex('Product name');
const ORDER_ID = columnIndex('Order/adjustment ID');

/** What a name holds where a piece may end, and the byte offsets inside it a piece may end at. */
const EDGES: { text: string; cuts: number[] }[] = [
  { text: '😀', cuts: [1, 2, 3] },
  { text: 'é', cuts: [1] },
  { text: '日本', cuts: [1, 2, 3, 4, 5] },
  { text: '""', cuts: [1] }, // a doubled quote as written in the file (the cell holds one)
  { text: '\r\n', cuts: [1] },
  { text: '\n', cuts: [0, 1] },
  { text: '\r', cuts: [0, 1] },
  { text: ',', cuts: [0, 1] },
];

const BOUNDARY = 4096;

/** How a name's edge text reads in the cell: the file doubles a quote inside a quoted cell. */
const cellText = (edge: string): string => (edge === '""' ? '"' : edge);

interface BuiltFile {
  bytes: Uint8Array;
  /** Product name of each data row, in order, as the cell holds it. */
  names: string[];
  orderIds: string[];
  /** Where each edge was put: its first byte, and the boundary that falls inside it (or at its start or end). */
  placed: { at: number; boundary: number; text: string }[];
}

/**
 * A statement whose rows are copies of the corpus's base rows with new order IDs, each product
 * name `Name <pad> <edge> end` padded so that the next multiple of BOUNDARY falls at one of the
 * edge's cuts; every other row instead ends so that its CRLF straddles a boundary.
 */
function fileWithEdgesAtBoundaries(rounds: number): BuiltFile {
  const parts: Uint8Array[] = [];
  let offset = 0;
  const add = (text: string): void => {
    const bytes = utf8(text);
    parts.push(bytes);
    offset += bytes.length;
  };
  add(toCsv([HEADER]));
  const names: string[] = [];
  const orderIds: string[] = [];
  const placed: BuiltFile['placed'] = [];
  const base = BASE_ROWS.slice(1);
  let n = 0;
  const row = (name: string): string[] => {
    const cells = [...base[n % base.length]];
    cells[PRODUCT] = name;
    cells[ORDER_ID] = String(577100000000000000n + BigInt(n));
    n++;
    names.push(name);
    orderIds.push(cells[ORDER_ID]);
    return cells;
  };
  for (let r = 0; r < rounds; r++) {
    for (const { text, cuts } of EDGES) {
      for (const cut of cuts) {
        const name = (pad: string) => `Name ${pad}${cellText(text)} end`;
        // Where the edge starts in the row written without padding: after `Name `.
        const probe = toCsv([row(name(''))]);
        names.pop();
        orderIds.pop();
        n--;
        const nameAt = probe.indexOf('Name ');
        const edgeAt = utf8(probe.slice(0, nameAt)).length + 'Name '.length;
        const boundary = Math.ceil((offset + edgeAt + cut) / BOUNDARY) * BOUNDARY;
        const pad = 'x'.repeat(boundary - cut - (offset + edgeAt));
        placed.push({ at: boundary - cut, boundary, text });
        add(toCsv([row(name(pad))]));
      }
      // A row whose CRLF is cut between its CR and LF: its name padded to end it there.
      const length = utf8(toCsv([row('Plain ')])).length;
      names.pop();
      orderIds.pop();
      n--;
      const boundary = Math.ceil((offset + length - 1) / BOUNDARY) * BOUNDARY;
      placed.push({ at: boundary - 1, boundary, text: '\r\n' });
      add(toCsv([row('Plain ' + 'v'.repeat(boundary + 1 - offset - length))]));
    }
  }
  const bytes = new Uint8Array(offset);
  parts.reduce((at, p) => (bytes.set(p, at), at + p.length), 0);
  return { bytes, names, orderIds, placed };
}

/** The bytes in pieces of `size` (the last shorter), read as a browser streams a file. */
function inPieces(bytes: Uint8Array, size: number): ByteSource {
  return { size: bytes.length, read: (start, end) => bytes.slice(start, Math.min(end, start + size)) };
}

/** The list equals the expected one; a difference is shown by its first position, not as a diff of megabytes. */
function expectSame(actual: readonly (string | number)[], expected: readonly (string | number)[]): void {
  const at = actual.findIndex((value, i) => value !== expected[i]);
  const shown = (value: string | number | undefined) => JSON.stringify(value)?.slice(-80);
  expect({
    length: actual.length,
    firstDifference: at,
    actual: shown(actual[at]),
    expected: shown(expected[at]),
  }).toEqual({
    length: expected.length,
    firstDifference: -1,
    actual: undefined,
    expected: undefined,
  });
}

async function rowsRead(source: ByteSource | Uint8Array, name: string): Promise<LedgerRow[]> {
  const rows: LedgerRow[] = [];
  let restarts = 0;
  const outcome = await parseStreamingRows(source, name, {
    onRows: (_sheet, batch) => rows.push(...batch),
    onRestart: () => restarts++,
  });
  // Read once as UTF-8: a character cut between pieces is never taken for bytes that are not UTF-8.
  expect(restarts).toBe(0);
  expect(outcome.errors).toEqual([]);
  expect(outcome.files[0].rejects).toEqual([]);
  return rows;
}

describe('a long export read in pieces', () => {
  const file = fileWithEdgesAtBoundaries(6);

  it('puts every edge where a multiple of 4 KB falls (the file is as intended)', () => {
    const perRound = EDGES.reduce((sum, e) => sum + e.cuts.length + 1, 0);
    expect(file.placed).toHaveLength(6 * perRound);
    for (const { at, boundary, text } of file.placed) {
      const bytes = utf8(text);
      expect(boundary % BOUNDARY).toBe(0);
      expect(boundary >= at && boundary <= at + bytes.length).toBe(true);
      expect(file.bytes.subarray(at, at + bytes.length)).toEqual(bytes);
    }
  });

  for (const size of [1 << 20, 1 << 16, 4096 * 5 + 1]) {
    it(`keeps every name, ID and row in pieces of ${size} bytes`, async () => {
      const rows = await rowsRead(inPieces(file.bytes, size), 'statement-2026-03.csv');
      expectSame(
        rows.map((r) => r.productName),
        file.names,
      );
      expectSame(
        rows.map((r) => r.orderId),
        file.orderIds,
      );
      expectSame(
        rows.map((r) => r.source.row),
        file.names.map((_, i) => i + 2),
      );
    });
  }

  it('reads the same rows from a dropped file and from its bytes in memory', async () => {
    const fromFile = await parsedBySidebar(file.bytes, 'statement-2026-03.csv', { asFile: true });
    const fromBytes = await parsedBySidebar(file.bytes, 'statement-2026-03.csv');
    expect(fromFile.errors).toEqual([]);
    expectSame(
      fromFile.files[0].rows.map((r) => r.productName),
      file.names,
    );
    expect(fromFile).toEqual(fromBytes);
  });
});
