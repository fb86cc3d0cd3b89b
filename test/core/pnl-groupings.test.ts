import { describe, expect, it } from 'vitest';
import { generateStatementCsv } from '../../bench/synthetic-export';
import { parseCsv } from '../../src/core/files/csv';
import { detectLayout } from '../../src/core/layouts';
import { createNormalizer } from '../../src/core/normalize';
import { aggregatePnl, PnlGroupings } from '../../src/core/pnl';
import type { LedgerRow } from '../../src/core/types';

function statementRows(rows: number): LedgerRow[] {
  const [header, ...data] = parseCsv(generateStatementCsv({ rows, seed: 3, months: 3 }).csv);
  const detected = detectLayout([header], 'statement.csv');
  if (!detected.ok) throw new Error(detected.message);
  const normalizer = createNormalizer({ fileName: 'statement.csv', layout: detected.layout, header: detected.header, headerRow: 1 });
  return data.map((cells, i) => normalizer.push(cells, i + 2)).filter((row): row is LedgerRow => row !== null);
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
    expect(months.reduce((sum, g) => sum + g.lines.settlement, 0)).toBe(groupings.result('sku').reduce((sum, g) => sum + g.lines.settlement, 0));
  });

  it('says which groupings it holds when asked for another', () => {
    const groupings = new PnlGroupings(['month']);
    expect(() => groupings.result('sku')).toThrow('P&L groupings: not grouped by sku (only month)');
  });
});
