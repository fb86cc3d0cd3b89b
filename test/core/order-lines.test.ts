/**
 * Pairing a row without gross sales with the sale of its order line elsewhere in the range
 * (order-lines.ts), and the costs CostTally adds up from it: the units a later refund gives back,
 * none for a later correction, the sale's unit cost, and free samples left as they are.
 */
import { describe, expect, it } from 'vitest';
import { OrderLines, type Paired } from '../../src/core/analysis/order-lines';
import { buildCogsTable, ledgerRowPnl } from '../../src/core/analysis/pnl';
import { CostTally } from '../../src/core/analysis/profit';
import type { LedgerRow } from '../../src/core/types';

const SKU = '1732440158390000011';

/** A statement row of order `orderId`: amounts in cents by catalog id, settlement their sum. */
function row(
  orderId: string,
  quantity: number,
  amounts: Record<string, number>,
  dates: { order?: string; statement?: string; sku?: string } = {},
): LedgerRow {
  const settlement = Object.values(amounts).reduce((a, b) => a + b, 0);
  return {
    key: `${dates.statement ?? ''}|${orderId}|${Object.keys(amounts).join()}`,
    layout: 'statement',
    type: 'Order',
    statementId: 'S',
    orderId,
    relatedOrderId: '',
    skuId: dates.sku ?? SKU,
    sellerSku: '',
    productName: '',
    skuName: '',
    quantity,
    orderDate: dates.order ?? '2026-04-01',
    statementDate: dates.statement ?? '2026-04-10',
    currency: 'USD',
    amounts: { ...amounts, total_settlement_amount: settlement },
    unknown: {},
    source: { file: 'statement.csv', row: 2 },
  };
}

const sale = (orderId: string, quantity: number, gross: number, refund = 0) =>
  row(
    orderId,
    quantity,
    refund ? { gross_sales: gross, gross_sales_refund: refund } : { gross_sales: gross },
  );
const refund = (orderId: string, quantity: number, cents: number, statement = '2026-05-10') =>
  row(orderId, quantity, { gross_sales_refund: cents }, { statement });

/** Each row read in turn; the waiting rows' pairing, in the order they are settled. */
function pair(rows: LedgerRow[]): { row: LedgerRow; paired: Paired | undefined }[] {
  const lines = new OrderLines();
  const out: { row: LedgerRow; paired: Paired | undefined }[] = [];
  for (const r of rows) {
    const collected = ledgerRowPnl(r);
    if (lines.read(r, collected, r.orderDate))
      lines.wait(r, collected, (paired) => out.push({ row: r, paired }));
  }
  lines.settle();
  return out;
}
const unitsOf = (rows: LedgerRow[]) => pair(rows).map(({ paired }) => paired?.units);

describe('a refund paired with its line’s sale', () => {
  it('gives back the units whose whole price it refunded, from the sale’s gross sales and quantity', () => {
    expect(unitsOf([sale('1', 2, 4000), refund('1', 2, -2000)])).toEqual([-1]);
    expect(unitsOf([sale('1', 2, 4000), refund('1', 2, -4000)])).toEqual([-2]);
    expect(unitsOf([sale('1', 1, 3000), refund('1', 1, -500)])).toEqual([0]);
    // The odd cent: $57.99 for two units, $28.99 refunded is one unit's price.
    expect(unitsOf([sale('1', 2, 5799), refund('1', 2, -2899)])).toEqual([-1]);
    // The refund row's own quantity says nothing: '/' and 0 read as 0.
    expect(unitsOf([sale('1', 2, 4000), refund('1', 0, -4000)])).toEqual([-2]);
  });

  it('wherever the sale is in the range, and with the sale’s date for its unit cost', () => {
    expect(pair([refund('1', 2, -4000), sale('1', 2, 4000)])).toEqual([
      expect.objectContaining({ paired: { units: -2, date: '2026-04-01' } }),
    ]);
  });

  it('adds up with the line’s other refunds: a unit comes back with the one that completes its price, never more than sold', () => {
    const rows = [
      sale('1', 1, 3000),
      refund('1', 1, -1500, '2026-06-10'),
      refund('1', 1, -1500, '2026-05-10'),
    ];
    // Taken in statement order: May's half, then June's completes the price.
    expect(pair(rows).map(({ row: r, paired }) => [r.statementDate, paired?.units])).toEqual([
      ['2026-05-10', 0],
      ['2026-06-10', -1],
    ]);
    expect(unitsOf([...rows, refund('1', 1, -3000, '2026-07-10')])).toEqual([0, -1, 0]);
    // The sale's own row refunded half already.
    expect(unitsOf([sale('1', 1, 3000, -1500), refund('1', 1, -1500)])).toEqual([-1]);
  });

  it('finds the sale among thousands (the first, one across a chunk’s end, the last)', () => {
    const sales = Array.from({ length: 5000 }, (_, i) => sale(String(10_000 + i), 2, 4000));
    const refunds = [10_000, 12_047, 12_048, 14_999].map((o) => refund(String(o), 2, -2000));
    expect(unitsOf([...sales, ...refunds])).toEqual([-1, -1, -1, -1]);
    expect(unitsOf([...refunds, ...sales])).toEqual([-1, -1, -1, -1]);
  });

  it('pairs by order and SKU: another SKU of the order, or another order, is not its sale', () => {
    const other = row('1', 1, { gross_sales_refund: -3000 }, { sku: '1732440158390000099' });
    expect(unitsOf([sale('1', 1, 3000), other, refund('2', 1, -3000)])).toEqual([undefined, undefined]);
  });
});

describe('rows that wait and rows that do not', () => {
  it('a later correction (no gross sales, no refund) with the line’s quantity: paired, no units', () => {
    expect(unitsOf([sale('1', 2, 4000), row('1', 2, { referral_fee: 60 })])).toEqual([0]);
  });

  it('sales, rows without an order ID and rows with neither units nor a refund never wait', () => {
    expect(
      pair([sale('1', 2, 4000), row('', 2, { shipping: -400 }), row('1', 0, { referral_fee: 60 })]),
    ).toEqual([]);
  });
});

describe('CostTally with later rows', () => {
  const cogs = buildCogsTable(
    [
      ['SKU', 'Unit cost', 'Effective from'],
      [SKU, '10', '2026-01-01'],
      [SKU, '12', '2026-05-01'],
    ],
    'cogs',
  );
  const tally = (rows: LedgerRow[]) => {
    const t = new CostTally(cogs, 'month');
    for (const r of rows) t.addRow(r);
    return t;
  };

  it('costs returned units at the sale’s unit cost, in the refund row’s own month', () => {
    const t = tally([
      sale('1', 2, 4000),
      row('1', 2, { gross_sales_refund: -4000 }, { order: '', statement: '2026-05-10' }),
    ]);
    expect(t.byGroup.get('2026-04')).toMatchObject({ units: 2, cogs: 2 * 10 * 10_000 });
    expect(t.byGroup.get('2026-05')).toMatchObject({ units: -2, cogs: -2 * 10 * 10_000 });
    expect(t.total).toMatchObject({ units: 0, cogs: 0 });
  });

  it('a shipping charge on a sold line is no sample; a free sample with no sale row stays one', () => {
    const sample = row('2', 1, { shipping: -450 });
    const t = tally([sale('1', 2, 4000), row('1', 2, { shipping: -400 }), sample]);
    expect(t.total).toMatchObject({
      units: 2,
      cogs: 20 * 10_000,
      sampleOrders: 1,
      sampleUnits: 1,
      sampleSettlement: -450,
    });
  });

  it('a refund of a sale not in the range keeps its own reading, and its SKU must have a unit cost', () => {
    expect(tally([refund('1', 2, -4000, '2026-05-10')]).total).toMatchObject({
      units: -2,
      cogs: -2 * 10 * 10_000,
    });
    const unknown = new CostTally(buildCogsTable([['SKU', 'Unit cost']], 'cogs'));
    unknown.addRow(row('1', 1, { gross_sales_refund: -3000 }));
    expect(() => unknown.check()).toThrow(`No unit cost for 1 sold SKU: ${SKU}.`);
  });
});
