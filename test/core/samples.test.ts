import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { monthlySales } from '../../src/core/analysis/pnl';

const root = new URL('../../', import.meta.url).pathname;

describe('samples/statement-history.csv, the playground history', () => {
  const { files, errors } = parseExportFile(
    new Uint8Array(readFileSync(root + 'samples/statement-history.csv')),
    'statement-history.csv',
  );

  it('reads as one reconciled 2024 statement export with no rejected or duplicate rows', () => {
    expect(errors).toEqual([]);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({
      layout: 'statement',
      rejects: [],
      period: { first: '2025-01-01' },
    });
    expect(files[0].rows).toHaveLength(1549);
    expect(files[0].reconciliation.ok).toBe(true);
  });

  it('has sales in each of the 17 months from January 2025 to May 2026, growing', () => {
    const months = monthlySales(files[0].rows, 'gross');
    expect(months.map((m) => m.month)).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
    ]);
    expect(months[16].amount).toBeGreaterThan(2 * months[0].amount);
  });

  it('holds every row of samples/statement-2026-05.csv as it is, so importing both adds each row once', () => {
    const may = parseExportFile(
      new Uint8Array(readFileSync(root + 'samples/statement-2026-05.csv')),
      'statement-2026-05.csv',
    ).files[0];
    const byKey = new Map(files[0].rows.map((row) => [row.key, row]));
    for (const row of may.rows)
      expect({ ...byKey.get(row.key), source: null }).toEqual({ ...row, source: null });
  });
});
