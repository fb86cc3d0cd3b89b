// @vitest-environment happy-dom
/**
 * What the reader decided about a file that the seller should check, said in the preview: rows of
 * a UTF-8 file that were not UTF-8. Read as the sidebar's worker reads a file (a piece at a time,
 * rows streamed out), then the preview card.
 */
import { describe, expect, it } from 'vitest';
import { parseStreamingRows } from '../../src/sidebar/parsing/parse-file';
import { renderPreview } from '../../src/sidebar/import/file-preview';
import { readyFiles } from '../../src/core/ledger/ready-to-import';
import { toCsv } from '../../src/core/read/files/csv';
import type { ByteSource } from '../../src/core/read/files/read-file';
import type { LedgerRow, ParsedExport } from '../../src/core/types';
import { BASE, BASE_ROWS, columnIndex, utf8, windows1252 } from '../corpus/generate';

/** The file in pieces of 7 bytes: lines and characters cut across pieces, as a slow read would. */
function smallPieces(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (start, end) => bytes.slice(start, Math.min(end, start + 7)) };
}

/** Parses as the worker does and puts the streamed rows back, then makes the file ready as the sidebar does. */
async function workerRead(bytes: Uint8Array, name: string): Promise<ParsedExport> {
  const rows: LedgerRow[] = [];
  const outcome = await parseStreamingRows(smallPieces(bytes), name, {
    onRows: (_sheet, batch) => rows.push(...batch),
    onRestart: () => (rows.length = 0),
  });
  expect(outcome.errors).toEqual([]);
  const ready = readyFiles(outcome.files.map((f) => ({ ...f, rows })));
  expect(ready.errors).toEqual([]);
  return ready.files[0];
}

const PRODUCT = columnIndex('Product name');

/**
 * The base statement with a two-line product name on row 2 (so lines and rows differ by one from
 * there on), UTF-8 accents on row 3, and rows `bad` written in Windows-1252.
 */
function mixedFile(bad: readonly number[]): Uint8Array {
  const rows = BASE_ROWS.map((r) => [...r]);
  rows[1][PRODUCT] = 'Gift box\nlarge';
  rows[2][PRODUCT] = 'Crème brûlée 日本';
  for (const r of bad) rows[r - 1][PRODUCT] = 'Café au lait – mug';
  const parts = rows.map((row, i) => (bad.includes(i + 1) ? windows1252(toCsv([row])) : utf8(toCsv([row]))));
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (all.set(p, at), at + p.length), 0);
  return all;
}

describe('rows that were not UTF-8', () => {
  it('names the one row read as Windows-1252, by its row in the file, and keeps every other name intact', async () => {
    const file = await workerRead(mixedFile([6]), 'statement-2026-03.csv');
    expect(file.rows).toHaveLength(8);
    expect(file.totals.settlement).toBe(BASE.totals.settlement);
    const byRow = new Map(file.rows.map((r) => [r.source.row, r.productName]));
    expect(byRow.get(2)).toBe('Gift box\nlarge');
    expect(byRow.get(3)).toBe('Crème brûlée 日本');
    expect(byRow.get(6)).toBe('Café au lait – mug');
    expect(file.readNotes).toEqual([
      'statement-2026-03.csv: row 6 was not UTF-8 like the rest of the file and was read as Windows-1252: ' +
        'check its product and SKU names (an accented letter may show as another character).',
    ]);
    expect(renderPreview(file).querySelector('.read-note')?.textContent).toBe(file.readNotes![0]);
  });

  it('lists several rows, five at most', async () => {
    const file = await workerRead(mixedFile([4, 5, 6, 7, 8, 9]), 'statement-2026-03.csv');
    expect(file.readNotes![0]).toMatch(
      /^statement-2026-03\.csv: rows 4, 5, 6, 7, 8 and 1 more were not UTF-8 .* check their product and SKU names/,
    );
  });

  it('says nothing for a file in Windows-1252 throughout (an older Excel save)', async () => {
    const file = await workerRead(
      windows1252(
        toCsv(BASE_ROWS.map((r, i) => (i === 3 ? r.map((c, k) => (k === PRODUCT ? 'Café' : c)) : r))),
      ),
      'old.csv',
    );
    expect(file.rows.find((r) => r.source.row === 4)?.productName).toBe('Café');
    expect(file.readNotes).toBeUndefined();
  });
});
