/** What a file looks like on its way to the ledger: totals rows out, non-ID cells refused, repeats once, cut-short files refused. */
import { describe, expect, it } from 'vitest';
import { NotImportableError, readyToImport, repeatsNote } from '../../src/core/ledger/ready-to-import';
import { formatCents } from '../../src/core/money';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { BASE, BASE_ROWS, columnIndex, csv } from '../corpus/generate';

/** The Total settlement amount of BASE_ROWS[i] (file row i + 1), in cents, as the file writes it. */
const settlementOf = (i: number) =>
  Math.round(Number(BASE_ROWS[i][columnIndex('Total settlement amount')]) * 100);

const parse = (text: string, name = 's.csv') =>
  parseExportFile(new TextEncoder().encode(text), name).files[0];

describe('readyToImport', () => {
  it('leaves a clean file as it is', () => {
    const ready = readyToImport(parse(BASE.csv));
    expect(ready.rows).toHaveLength(8);
    expect(ready.prepared).toEqual({
      repeatsWrittenOnce: 0,
      repeats: [],
      sameKeyDiffering: 1,
      totalsRows: [],
    });
    expect(repeatsNote(ready)).toBe('');
    expect(ready.totals.settlement).toBe(BASE.totals.settlement);
  });

  it('writes a repeated row once and takes it out of the totals', () => {
    const ready = readyToImport(parse(csv([...BASE_ROWS, BASE_ROWS[1]])));
    expect(ready.rows).toHaveLength(8);
    expect(ready.prepared!.repeatsWrittenOnce).toBe(1);
    expect(ready.totals.settlement).toBe(BASE.totals.settlement);
    // Row 10 of the file (header on row 1) repeats row 2: its settlement is the one left out of the totals.
    const held = settlementOf(1);
    expect(ready.prepared!.repeats).toEqual([{ row: 10, first: 2, cents: held }]);
    expect(repeatsNote(ready)).toBe(
      `Row 10 repeats row 2 in every cell and is written once: the settlement leaves out its ${formatCents(held, { dollarSign: true })}.`,
    );
  });

  it('lists the first five repeats by row, counts the rest, and sums what they all held', () => {
    const repeated = [1, 2, 3, 1, 2, 3, 1];
    const ready = readyToImport(parse(csv([...BASE_ROWS, ...repeated.map((i) => BASE_ROWS[i])])));
    expect(ready.rows).toHaveLength(8);
    expect(ready.prepared!.repeats.map((r) => [r.row, r.first])).toEqual(
      repeated.map((i, n) => [10 + n, i + 1]),
    );
    const cents = repeated.reduce((n, i) => n + settlementOf(i), 0);
    expect(ready.totals.settlement).toBe(BASE.totals.settlement);
    expect(repeatsNote(ready)).toBe(
      '7 rows repeat an earlier row in every cell and are written once (row 10 repeats 2; row 11 repeats 3; ' +
        `row 12 repeats 4; row 13 repeats 2; row 14 repeats 3; 2 more): the settlement leaves out their ${formatCents(cents, { dollarSign: true })}.`,
    );
  });

  it('refuses an ID cell of text without digits, naming row and column', () => {
    const rows = BASE_ROWS.map((r) => r.slice());
    rows[2][columnIndex('SKU ID')] = 'see note';
    const ready = readyToImport(parse(csv(rows)));
    expect(ready.rows).toHaveLength(7);
    expect(ready.rejects.map((p) => p.message)).toEqual([
      'Row 3, column *SKU ID*: expected an ID (digits), found `see note`.',
    ]);
    expect(ready.rejectedRows).toBe(1);
  });

  it('refuses a file that ends without a line break inside its last amount, and keeps one that reconciles', () => {
    const text = csv(
      BASE_ROWS.map((r) => [
        ...r.filter((_, c) => c !== columnIndex('Referral fee')),
        r[columnIndex('Referral fee')],
      ]),
    ).replace(/\r\n$/, '');
    expect(() => readyToImport(parse(text.slice(0, -1), 'cut.csv'))).toThrow(NotImportableError);
    expect(readyToImport(parse(text)).rows).toHaveLength(8);
  });

  it('counts rows, not problems, and every rejected row beyond the first 1,000 problems', () => {
    const rows = BASE_ROWS.map((r) => r.slice());
    rows[2][columnIndex('Gross sales')] = 'n/a';
    rows[2][columnIndex('Referral fee')] = 'n/a';
    expect(readyToImport(parse(csv(rows))).rejectedRows).toBe(1);
    // 600 rows with two bad cells each: 1,000 problems are kept, all 600 rows are counted.
    const many = Array.from({ length: 600 }, (_, i) => {
      const row = BASE_ROWS[1].slice();
      row[columnIndex('Order/adjustment ID')] = String(577000000000100000 + i);
      row[columnIndex('Gross sales')] = 'n/a';
      row[columnIndex('Referral fee')] = 'n/a';
      return row;
    });
    const ready = readyToImport(parse(csv([BASE_ROWS[0], ...many])));
    expect(ready.rejects).toHaveLength(1000);
    expect(ready.rejectedRows).toBe(600);
    expect(ready.rows).toHaveLength(0);
  });
});
