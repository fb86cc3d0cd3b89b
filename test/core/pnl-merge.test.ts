import { describe, expect, it } from 'vitest';
import { generateStatementCsv } from '../../bench/synthetic-export';
import { parseCsv } from '../../src/core/read/files/csv';
import { detectLayout } from '../../src/core/read/layouts';
import { createNormalizer } from '../../src/core/read/normalize';
import { PnlGroupings, type PnlGroupBy } from '../../src/core/analysis/pnl';

const GROUP_BYS: PnlGroupBy[] = ['month', 'sku', 'statement', 'type'];
const FILE = 'statement.csv';

const [header, ...data] = parseCsv(generateStatementCsv({ rows: 700, seed: 11, months: 4 }).csv);
const detected = detectLayout([header], FILE);
if (!detected.ok) throw new Error(detected.message);
const layout = detected.layout;

/**
 * One part of the file read as a worker reads it: its own normalizer, the data rows from `from`
 * (0-based data index) to `to`, numbered as in the whole file (header is row 1).
 */
function readPart(from: number, to: number, how: 'view' | 'row'): PnlGroupings {
  const normalizer = createNormalizer({ fileName: FILE, layout, header, headerRow: 1 });
  const groupings = new PnlGroupings(GROUP_BYS);
  for (let i = from; i < to; i++) {
    if (how === 'view') {
      const view = normalizer.read(data[i], i + 2);
      if (view !== null) groupings.addView(view);
    } else {
      const row = normalizer.push(data[i], i + 2);
      if (row !== null) groupings.add(row);
    }
  }
  return groupings;
}

/** Every grouping's result, with each group's fee columns listed in their order (toEqual ignores key order). */
function resultsOf(groupings: PnlGroupings) {
  return GROUP_BYS.map((by) => groupings.result(by).map((group) => ({ ...group, feeColumnOrder: Object.keys(group.feesByColumn) })));
}

describe('PnlGroupings snapshot and merge', () => {
  const n = data.length;
  const whole = resultsOf(readPart(0, n, 'view'));

  it('the generated file has adjustments and groups whose fee columns were first seen out of column order', () => {
    const types = whole[GROUP_BYS.indexOf('type')].map((g) => g.group);
    expect(types).toEqual(expect.arrayContaining(['Order', 'Chargeback']));
    const skuOrders = whole[GROUP_BYS.indexOf('sku')].map((g) => g.feeColumnOrder.join(' '));
    expect(new Set(skuOrders).size).toBeGreaterThan(1);
  });

  for (const how of ['view', 'row'] as const) {
    for (const at of [0, 1, Math.floor(n / 2), n - 1, n]) {
      it(`rows read by ${how === 'view' ? 'row view' : 'LedgerRow'} in two parts split before data row ${at} merge to the one-pass result`, () => {
        const first = readPart(0, at, how);
        const second = readPart(at, n, how);
        first.merge(structuredClone(second.snapshot()));
        expect(resultsOf(first)).toEqual(whole);
      });
    }
  }

  it('merges three parts in file order, and a snapshot is not changed by rows added after it', () => {
    const cuts = [0, 150, 420, n];
    const parts = [0, 1, 2].map((k) => readPart(cuts[k], cuts[k + 1], 'view'));
    const merged = PnlGroupings.fromSnapshot(structuredClone(parts[0].snapshot()));
    const middle = parts[1].snapshot();
    merged.merge(structuredClone(middle));
    merged.merge(structuredClone(parts[2].snapshot()));
    expect(resultsOf(merged)).toEqual(whole);

    const before = structuredClone(middle);
    parts[1].merge(parts[2].snapshot());
    expect(middle).toEqual(before);
  });

  it('keeps fee columns first seen in the later part after those of the earlier part', () => {
    // Each part alone is one order, so each group's fee columns are exactly that row's.
    const withAffiliate = data.findIndex((cells) => cells[header.indexOf('Affiliate commission')] !== '0.00' && cells[header.indexOf('Type')] === 'Order');
    const withoutAffiliate = data.findIndex((cells) => cells[header.indexOf('Affiliate commission')] === '0.00' && cells[header.indexOf('Type')] === 'Order');
    const normalizer = createNormalizer({ fileName: FILE, layout, header, headerRow: 1 });
    const first = new PnlGroupings(['type']);
    const second = new PnlGroupings(['type']);
    first.add(normalizer.push(data[withoutAffiliate], withoutAffiliate + 2)!);
    second.add(normalizer.push(data[withAffiliate], withAffiliate + 2)!);
    expect(Object.keys(second.result('type')[0].feesByColumn)).toContain('affiliate_commission');
    const firstColumns = Object.keys(first.result('type')[0].feesByColumn);
    expect(firstColumns).not.toContain('affiliate_commission');

    first.merge(structuredClone(second.snapshot()));
    const merged = first.result('type')[0];
    expect(Object.keys(merged.feesByColumn).slice(0, firstColumns.length)).toEqual(firstColumns);
    expect(Object.keys(merged.feesByColumn)).toContain('affiliate_commission');
    expect(merged.rows).toBe(2);
  });

  it('refuses a snapshot grouped differently, naming both groupings', () => {
    const byMonth = new PnlGroupings(['month', 'sku']);
    const bySku = new PnlGroupings(['sku', 'month']);
    expect(() => byMonth.merge(bySku.snapshot())).toThrow('P&L groupings: cannot merge groupings by sku, month into groupings by month, sku');
    expect(() => byMonth.merge(new PnlGroupings(['month']).snapshot())).toThrow('cannot merge groupings by month into groupings by month, sku');
  });
});
