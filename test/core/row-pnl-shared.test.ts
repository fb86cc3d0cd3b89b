/**
 * One P&L per row, shared by every tally that streams it (the file's totals, the P&L groupings,
 * the cost tally, the ad tally, the sales figures): worked out when the row is first asked for,
 * and again only once the view holds the next row. And the remembered-by-date tallies (costs by
 * day and month, sales by day) give what the row-by-row figures give.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/read/files/csv';
import { detectLayout, HEADER_SCAN_ROWS } from '../../src/core/read/layouts';
import { createNormalizer } from '../../src/core/read/normalize';
import { createRowView, type RowView } from '../../src/core/read/row-view';
import { NumberCache } from '../../src/core/read/column-plan';
import { rowPnl, unitsCosted, unitsSold, viewPnl, buildCogsTable } from '../../src/core/analysis/pnl';
import { CostTally } from '../../src/core/analysis/profit';
import { SalesTally } from '../../src/core/analysis/sales-tally';
import type { CellValue, LedgerRow } from '../../src/core/types';

const root = new URL('../../', import.meta.url).pathname;

/** A view of one row: gross sales and a refund of goods the buyer kept, as an order export gives them. */
function keptRefundView(): RowView {
  const view = createRowView(['gross_sales', 'gross_sales_refund_goods_kept'], 'order-export');
  return view;
}

function fill(view: RowView, quantity: number, cents: number[]): void {
  view.serial++;
  view.quantity = quantity;
  view.filledCount = 0;
  cents.forEach((c, slot) => {
    if (c === 0) return;
    view.cents[slot] = c;
    view.filled[view.filledCount++] = slot;
  });
}

describe('the P&L of a row, shared by the tallies', () => {
  it('is worked out once per row and again for the next row read into the same view', () => {
    const view = keptRefundView();
    fill(view, 4, [4000, -1000]);
    const first = viewPnl(view);
    // $40 sold, $10 refunded on goods the buyer kept: 3 units sold, all 4 carry their cost.
    expect([first.lines.grossSales, first.lines.refunds, first.lines.netSales]).toEqual([4000, -1000, 3000]);
    expect([first.unitsSold, first.unitsCosted]).toEqual([3, 4]);
    expect(viewPnl(view)).toBe(first);
    fill(view, 2, [2500, 0]);
    const second = viewPnl(view);
    expect([second.lines.grossSales, second.lines.refunds, second.lines.netSales]).toEqual([2500, 0, 2500]);
    expect([second.unitsSold, second.unitsCosted]).toEqual([2, 2]);
  });

  it('gives each row of real statements what its LedgerRow gives, refunds and samples included', () => {
    for (const file of ['statement-2026-05.csv', 'statement-history.csv']) {
      const grid: CellValue[][] = parseCsv(readFileSync(`${root}samples/${file}`, 'utf8'));
      const detected = detectLayout(grid.slice(0, HEADER_SCAN_ROWS), file);
      if (!detected.ok) throw new Error(detected.message);
      const normalizer = createNormalizer({
        fileName: file,
        layout: detected.layout,
        header: detected.header,
        headerRow: detected.headerRow,
      });
      let rows = 0;
      for (let r = detected.headerRow; r < grid.length; r++) {
        const view = normalizer.read(grid[r], r + 1);
        if (view === null) continue;
        const shared = viewPnl(view);
        const lines = { ...shared.lines };
        const units = [shared.unitsSold, shared.unitsCosted];
        const row = normalizer.ledgerRow(view);
        expect(lines, `${file} row ${r + 1}`).toEqual(rowPnl(row));
        expect(units, `${file} row ${r + 1}`).toEqual([unitsSold(row), unitsCosted(row)]);
        rows++;
      }
      expect(rows).toBeGreaterThan(5);
    }
  });
});

/** Statement rows with dates carrying times, several rows a day, two months, a sample and a refund. */
function datedRows(): LedgerRow[] {
  const row = (
    orderDate: string,
    sku: string,
    quantity: number,
    amounts: Record<string, number>,
  ): LedgerRow =>
    ({
      key: `k|${orderDate}|${sku}`,
      layout: 'statement',
      type: 'Order',
      statementId: '',
      orderId: `57700${orderDate.replace(/\D/g, '')}`,
      relatedOrderId: '',
      skuId: sku,
      sellerSku: '',
      productName: '',
      skuName: '',
      quantity,
      orderDate,
      statementDate: '2026-04-10',
      currency: 'USD',
      sampleType: '',
      amounts,
      source: { file: 'a.csv', row: 2 },
    }) as unknown as LedgerRow;
  return [
    row('2026-03-05T10:00:00', 'A', 2, { gross_sales: 4000, total_settlement_amount: 3000 }),
    row('2026-03-05T18:30:00', 'B', 1, { gross_sales: 1500, total_settlement_amount: 1100 }),
    row('2026-03-05', 'A', 3, {
      gross_sales: 6000,
      gross_sales_refund: -2000,
      total_settlement_amount: 3500,
    }),
    row('2026-04-01T09:00:00', 'B', 1, { shipping: -500, total_settlement_amount: -500 }),
    row('', 'A', 0, { adjustment_amount: 700, total_settlement_amount: 700 }),
  ];
}

function viewOf(row: LedgerRow): RowView {
  const ids = Object.keys(row.amounts);
  const view = createRowView(ids, row.layout);
  Object.assign(view, { ...row, amounts: undefined, source: undefined });
  fill(
    view,
    row.quantity,
    ids.map((id) => row.amounts[id]),
  );
  return view;
}

describe('costs and sales remembered by date', () => {
  const cogs = buildCogsTable([
    ['SKU ID', 'Unit cost', 'Effective from'],
    ['A', 4, ''],
    ['B', 2.5, ''],
    ['B', 3, '2026-04-01'],
  ]);

  it('cost a row on its own day, whatever its time, and group it in its month', () => {
    for (const detail of [undefined, '2026-03']) {
      const byView = new CostTally(cogs, 'month', detail);
      const byRow = new CostTally(cogs, 'month', detail);
      for (const row of datedRows()) {
        byView.addView(viewOf(row));
        byRow.addRow(row);
      }
      // March: 2 + 1 + (3 less a third refunded) units; A at $4, B at $2.50; April's sample of B at $3.
      // COGS and samples add up in ten-thousandths of a dollar, rounded to cents only where shown.
      expect(byView.byGroup.get('2026-03')).toEqual({
        units: 5,
        cogs: (2 * 400 + 250 + 2 * 400 + 0) * 100,
        sampleUnits: 0,
        sampleOrders: 0,
        sampleProduct: 0,
        sampleSettlement: 0,
      });
      expect(byView.byGroup.get('2026-04')).toMatchObject({
        sampleOrders: 1,
        sampleUnits: 1,
        sampleProduct: 300 * 100,
      });
      expect([...byView.daily.keys()]).toEqual(['2026-03-05', '2026-04-01', '2026-04-10']);
      expect(byView.daily.get('2026-03-05')).toEqual({ netSales: 9500, grossSales: 11500, settlement: 7600 });
      expect([...byView.months]).toEqual(['2026-03', '2026-04']);
      const sums = (t: CostTally) => [t.total, t.byGroup, t.daily, t.months, t.missing, t.detailLines()];
      expect(sums(byView)).toEqual(sums(byRow));
      if (detail) expect(byView.detailLines().map((d) => [d.kind, d.item, d.units, d.cents])).toHaveLength(2);
    }
  });

  it('add a day once however many times its rows carry, and take the latest order date as of', () => {
    const sales = new SalesTally('gross');
    for (const row of datedRows()) sales.addView(viewOf(row));
    expect(sales.daily()).toEqual([
      { date: '2026-03-05', amount: 4000 + 1500 + 6000 - 2000 },
      { date: '2026-04-01', amount: 0 },
      { date: '2026-04-10', amount: 0 },
    ]);
    expect(sales.asOf()).toBe('2026-04-01');
  });
});

describe('the date caches of a column', () => {
  it('never answer one instant with the date of another that shares its slot', () => {
    const cache = new NumberCache(1000);
    const a = Date.UTC(2026, 2, 5, 8);
    const date = (iso: string) => ({ iso, hash: 0 });
    cache.set(a, date('2026-03-05'));
    // Find another instant in the same slot: the later one takes it over.
    let b = a + 1000;
    for (let probe = new NumberCache(1000); ; b += 1000) {
      probe.set(a, date('a'));
      probe.set(b, date('b'));
      if (probe.get(a) === undefined) break;
    }
    expect(cache.get(a)).toEqual(date('2026-03-05'));
    cache.set(b, date('2026-09-30'));
    expect(cache.get(a)).toBeUndefined();
    expect(cache.get(b)).toEqual(date('2026-09-30'));
    expect(cache.get(a + 1)).toBeUndefined();
  });
});
