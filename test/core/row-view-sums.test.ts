import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateStatementCsv } from '../../bench/synthetic-export';
import { parseCsv } from '../../src/core/read/files/csv';
import { detectLayout, HEADER_SCAN_ROWS } from '../../src/core/read/layouts';
import { createNormalizer } from '../../src/core/read/normalize';
import { parseSheetRows } from '../../src/core/read/parse-export';
import {
  aggregatePnl,
  missingUnitCostError,
  PnlGroupings,
  unitsSold,
  unitsSoldView,
} from '../../src/core/analysis/pnl';
import { amountsOf } from '../../src/core/read/row-view';
import type { CellValue } from '../../src/core/types';

const root = new URL('../../', import.meta.url).pathname;

/** A generated statement where some rows are refunded in full and some in part. */
function statementWithRefunds(): CellValue[][] {
  const grid: CellValue[][] = parseCsv(generateStatementCsv({ rows: 300, seed: 11, months: 3 }).csv);
  const header = grid[0] as string[];
  const gross = header.indexOf('Gross sales');
  const refund = header.indexOf('Gross sales refund');
  const quantity = header.indexOf('Quantity');
  for (let r = 1; r < grid.length; r++) {
    const sold = Number(grid[r][gross]);
    if (!(sold > 0)) continue;
    if (r % 7 === 0) grid[r][refund] = (-sold).toFixed(2);
    if (r % 11 === 0) {
      grid[r][quantity] = '4';
      grid[r][refund] = (-sold / 4).toFixed(2);
    }
  }
  return grid;
}

const files: [string, () => CellValue[][]][] = [
  ['statement-2026-05.csv', () => parseCsv(readFileSync(root + 'samples/statement-2026-05.csv', 'utf8'))],
  ['statement-history.csv', () => parseCsv(readFileSync(root + 'samples/statement-history.csv', 'utf8'))],
  ['statement.csv', statementWithRefunds],
];

describe('units sold from a row view', () => {
  it('counts each row as unitsSold counts its LedgerRow, refunded rows included', () => {
    const counted = new Map<number, number>();
    for (const [fileName, load] of files) {
      const grid = load();
      const detected = detectLayout(grid.slice(0, HEADER_SCAN_ROWS), fileName);
      if (!detected.ok) throw new Error(detected.message);
      const normalizer = createNormalizer({
        fileName,
        layout: detected.layout,
        header: detected.header,
        headerRow: detected.headerRow,
      });
      for (let r = detected.headerRow; r < grid.length; r++) {
        const view = normalizer.read(grid[r], r + 1);
        if (view === null) continue;
        const units = unitsSoldView(view);
        expect(units, `${fileName} row ${r + 1}`).toBe(unitsSold(normalizer.ledgerRow(view)));
        if (fileName === 'statement.csv' && view.quantity > 0)
          counted.set(units, (counted.get(units) ?? 0) + 1);
      }
    }
    // The planted refunds: fully refunded rows count no units, a quarter refunded of 4 counts 3.
    expect(counted.get(0)).toBeGreaterThan(10);
    expect(counted.get(3)).toBeGreaterThan(10);
  });
});

describe('parseSheetRows streaming row views', () => {
  for (const [fileName, load] of files) {
    it(`hands every row to onView and the groupings, with the same totals, on ${fileName}`, () => {
      const grid = load();
      const kept = parseSheetRows(grid, { fileName });
      const groupings = new PnlGroupings(['month', 'sku']);
      const viewed: Record<string, number>[] = [];
      const streamed = parseSheetRows(grid, {
        fileName,
        keepRows: false,
        groupings,
        onView: (view) => viewed.push(amountsOf(view)),
      });
      expect(streamed.rows).toEqual([]);
      expect(viewed).toEqual(kept.rows.map((row) => row.amounts));
      expect(streamed.totals).toEqual(kept.totals);
      expect(streamed.period).toEqual(kept.period);
      expect(groupings.result('month')).toEqual(aggregatePnl(kept.rows, 'month'));
      expect(groupings.result('sku')).toEqual(aggregatePnl(kept.rows, 'sku'));
    });
  }
});

describe('missing unit cost message', () => {
  it('names one SKU, or five and how many more', () => {
    expect(missingUnitCostError(new Set(['TANK'])).message).toBe(
      'No unit cost for 1 sold SKU: TANK. Add each SKU ID (or seller SKU) with its unit cost to the COGS table, effective by the day it sold.',
    );
    expect(missingUnitCostError(new Set(['A', 'B', 'C', 'D', 'E', 'F'])).message).toBe(
      'No unit cost for 6 sold SKUs: A, B, C, D, E and 1 more. Add each SKU ID (or seller SKU) with its unit cost to the COGS table, ' +
        'effective by the day it sold.',
    );
  });
});
