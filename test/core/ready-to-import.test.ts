/** What a file looks like on its way to the ledger: totals rows out, non-ID cells refused, repeats once, cut-short files refused. */
import { describe, expect, it } from 'vitest';
import { NotImportableError, readyToImport } from '../../src/core/ledger/ready-to-import';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { BASE, BASE_ROWS, columnIndex, csv } from '../corpus/generate';

const parse = (text: string, name = 's.csv') =>
  parseExportFile(new TextEncoder().encode(text), name).files[0];

describe('readyToImport', () => {
  it('leaves a clean file as it is', () => {
    const ready = readyToImport(parse(BASE.csv));
    expect(ready.rows).toHaveLength(8);
    expect(ready.prepared).toEqual({ repeatsWrittenOnce: 0, sameKeyDiffering: 1, totalsRows: [] });
    expect(ready.totals.settlement).toBe(BASE.totals.settlement);
  });

  it('writes a repeated row once and takes it out of the totals', () => {
    const ready = readyToImport(parse(csv([...BASE_ROWS, BASE_ROWS[1]])));
    expect(ready.rows).toHaveLength(8);
    expect(ready.prepared!.repeatsWrittenOnce).toBe(1);
    expect(ready.totals.settlement).toBe(BASE.totals.settlement);
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
