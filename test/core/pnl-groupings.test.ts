import { describe, expect, it } from 'vitest';
import { generateStatementCsv } from '../../bench/synthetic-export';
import { parseCsv } from '../../src/core/read/files/csv';
import { detectLayout } from '../../src/core/read/layouts';
import { createNormalizer } from '../../src/core/read/normalize';
import { aggregatePnl, PnlGroupings } from '../../src/core/analysis/pnl';
import type { LedgerRow } from '../../src/core/types';

type Lines = ReturnType<typeof aggregatePnl>[number]['lines'];

function zeroLines(): Lines {
  return {
    grossSales: 0,
    sellerDiscounts: 0,
    refunds: 0,
    netSales: 0,
    shipping: 0,
    fees: 0,
    adjustments: 0,
    settlement: 0,
    taxPassthrough: 0,
  };
}

function sumLines(a: Lines, b: Lines): Lines {
  const sum = zeroLines();
  for (const key of Object.keys(sum) as (keyof Lines)[]) sum[key] = a[key] + b[key];
  return sum;
}

function statementRows(rows: number): LedgerRow[] {
  const [header, ...data] = parseCsv(generateStatementCsv({ rows, seed: 3, months: 3 }).csv);
  const detected = detectLayout([header], 'statement.csv');
  if (!detected.ok) throw new Error(detected.message);
  const normalizer = createNormalizer({
    fileName: 'statement.csv',
    layout: detected.layout,
    header: detected.header,
    headerRow: 1,
  });
  return data
    .map((cells, i) => normalizer.push(cells, i + 2))
    .filter((row): row is LedgerRow => row !== null);
}

describe('PnlGroupings', () => {
  const rows = statementRows(600);

  it('gives each grouping exactly what a separate accumulator gives (lines, units, fee columns)', () => {
    const groupings = new PnlGroupings(['month', 'sku', 'type', 'statement']);
    for (const row of rows) groupings.add(row);
    for (const groupBy of ['month', 'sku', 'type', 'statement'] as const) {
      expect(groupings.result(groupBy)).toEqual(aggregatePnl(rows, groupBy));
    }
    const months = groupings.result('month');
    expect(months.reduce((n, g) => n + g.rows, 0)).toBe(rows.length);
    expect(months.reduce((sum, g) => sum + g.lines.settlement, 0)).toBe(
      groupings.result('sku').reduce((sum, g) => sum + g.lines.settlement, 0),
    );
  });

  it('groups by key however many keys share a recent-key slot: thousands of SKUs and statements, interleaved', () => {
    // Respelled SKU and statement IDs: far more keys than slots, many with the same last digits.
    const many = rows.flatMap((row, i) =>
      [0, 1, 2, 3, 4].map((k) => ({
        ...row,
        skuId: `${row.skuId.slice(0, 10)}${(i * 5 + k) % 3000}`,
        statementId: `S${(i * 7 + k) % 3001}`,
      })),
    );
    const groupings = new PnlGroupings(['sku', 'statement']);
    for (const row of many) groupings.add(row);
    // The reference: each key's rows summed on their own.
    for (const groupBy of ['sku', 'statement'] as const) {
      const groups = groupings.result(groupBy);
      const byKey = new Map<string, LedgerRow[]>();
      for (const row of many) {
        const key = groupBy === 'sku' ? row.skuId : row.statementId;
        byKey.set(key, [...(byKey.get(key) ?? []), row]);
      }
      expect(byKey.size).toBeGreaterThan(2000);
      expect(groups.map((g) => [g.group, g.rows, g.lines])).toEqual(
        [...byKey]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([key, keyRows]) => [
            key,
            keyRows.length,
            aggregatePnl(keyRows, 'type').reduce((lines, g) => sumLines(lines, g.lines), zeroLines()),
          ]),
      );
    }
  });

  it('says which groupings it holds when asked for another', () => {
    const groupings = new PnlGroupings(['month']);
    expect(() => groupings.result('sku')).toThrow('P&L groupings: not grouped by sku (only month)');
  });
});
