/**
 * Rows a later statement posts on an order line sold earlier, on a raw statement range (the
 * statements' rows under one header), through the built dist/Code.js. Each row has no gross sales
 * of its own and repeats the line's quantity; the functions pair it with the line's sale in the
 * range: a refund gives back the units whose whole price it refunded (of one sale row's price when
 * a SKU sold twice in an order at two prices), a fee or shipping correction is neither a sale nor a
 * sample, and a later row on a free sample's line is that sample's shipping. Every figure is worked
 * by hand in test/corpus/later-rows.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, type GasRuntime } from '../../emulator/sandbox';
import { codeFile, ensureBuilt, inSandbox, sheetRange } from './custom-functions-sheet';
import {
  corrections,
  HEADER,
  laterRefunds,
  line,
  sampleCorrections,
  SKU1,
  SKU2,
  SKU3,
  twoPrices,
  UNIT_COSTS,
  wholeRefund,
} from '../corpus/later-rows';

let rt: GasRuntime;
beforeAll(() => {
  ensureBuilt();
  rt = loadBundleInVm({ file: codeFile });
});

const range = (rows: string[][]) => sheetRange(rt, [HEADER, ...rows]);
const cogs = (rows: (string | number)[][] = UNIT_COSTS) => inSandbox(rt, [['SKU', 'Unit cost'], ...rows]);
type Table = (string | number)[][];
const call = (name: string, ...args: unknown[]) => rt.call(name, ...args) as Table;

/** A table's rows by their first cell, each as header → value. */
function byFirstCell(table: Table): Record<string, Record<string, string | number>> {
  const [header, ...rows] = table;
  return Object.fromEntries(
    rows.map((r) => [String(r[0]), Object.fromEntries(header.map((h, i) => [h, r[i]]))]),
  );
}

describe('corrections on the order’s own line in a later statement (fee given back, shipping charged)', () => {
  const { april, may } = corrections();

  it('are no units sold and no samples: COGS 27.50, samples 0, net profit 55.40', () => {
    for (const rows of [
      [...april, ...may],
      [...may, ...april],
    ]) {
      const month = byFirstCell(call('TTS_PNL', range(rows), cogs()));
      expect(month.Total).toMatchObject({ Settlement: 82.9, COGS: 27.5, Samples: 0, 'Net profit': 55.4 });
      expect(call('TTS_NET_PROFIT', range(rows), cogs())).toBe(55.4);
    }
  });

  it('TTS_PNL by SKU sells each line’s own units; the shipping charges are the SKUs’ shipping', () => {
    const sku = byFirstCell(call('TTS_PNL', range([...april, ...may]), cogs(), 'sku'));
    expect(sku[SKU1]).toMatchObject({ 'Units sold': 1, COGS: 10, 'Net profit': 18.8 });
    expect(sku[SKU2]).toMatchObject({
      'Units sold': 2,
      COGS: 10,
      Shipping: -4,
      Samples: 0,
      'Net profit': 23.6,
    });
    expect(sku[SKU3]).toMatchObject({
      'Units sold': 1,
      COGS: 7.5,
      Shipping: -3,
      Samples: 0,
      'Net profit': 13,
    });
    expect(sku.Total).toMatchObject({ 'Units sold': 4, 'Net profit': 55.4 });
  });

  it('TTS_COST_DETAIL lists the April COGS and no sample lines', () => {
    expect(call('TTS_COST_DETAIL', range([...april, ...may]), cogs(), '2026-04').slice(0, 4)).toEqual([
      ['Cost', 'Item', 'Units', 'Unit cost', 'Amount', 'Basis'],
      ['COGS', SKU1, 1, 10, 10, 'cogs row 2'],
      ['COGS', SKU2, 2, 5, 10, 'cogs row 3'],
      ['COGS', SKU3, 1, 7.5, 7.5, 'cogs row 4'],
    ]);
  });

  it('TTS_BREAKEVEN_ROAS counts the overweight charge in SKU2’s shipping per unit, over its 2 units', () => {
    const roas = byFirstCell(call('TTS_BREAKEVEN_ROAS', range([...april, ...may]), cogs()));
    expect(roas[SKU1]['Units sold']).toBe(1);
    expect(roas[SKU2]).toMatchObject({ 'Units sold': 2, 'Shipping per unit': 2 });
    expect(roas[SKU3]).toMatchObject({ 'Units sold': 1, 'Shipping per unit': 3 });
  });
});

describe('refunds posted in a later statement than their sale', () => {
  const { december, january } = laterRefunds();

  it('give back only the units whose whole price they refunded: COGS 42.50, net profit 56.20, 5 units', () => {
    for (const rows of [
      [...december, ...january],
      [...january, ...december],
    ]) {
      const sku = byFirstCell(call('TTS_PNL', range(rows), cogs(), 'sku'));
      expect(sku.Total).toMatchObject({
        'Net sales': 105,
        Settlement: 98.7,
        COGS: 42.5,
        'Net profit': 56.2,
        'Units sold': 5,
      });
      // A: both units back, D: 3 sold. B: the $5 goodwill refund keeps the unit. C: one of two units back.
      expect(sku[SKU1]).toMatchObject({ 'Units sold': 3, COGS: 30 });
      expect(sku[SKU2]).toMatchObject({ 'Units sold': 1, COGS: 5 });
      expect(sku[SKU3]).toMatchObject({ 'Units sold': 1, COGS: 7.5 });
      expect(call('TTS_NET_PROFIT', range(rows), cogs())).toBe(56.2);
    }
  });

  it('TTS_BREAKEVEN_ROAS and TTS_COST_DETAIL count the same units', () => {
    const rows = [...december, ...january];
    const roas = byFirstCell(call('TTS_BREAKEVEN_ROAS', range(rows), cogs(), '2025-12', '2025-12'));
    expect([roas[SKU1]['Units sold'], roas[SKU2]['Units sold'], roas[SKU3]['Units sold']]).toEqual([3, 1, 1]);
    // B sold 1 unit for $25 after its refund: 25 − 1.50 of fees − 5 of cost.
    expect(roas[SKU2]).toMatchObject({ 'Average price': 25, 'Contribution per unit': 18.5 });
    const detail = call('TTS_COST_DETAIL', range(rows), cogs(), '2025-12');
    expect(detail.filter((r) => r[0] === 'COGS').map((r) => [r[1], r[2], r[4]])).toEqual([
      [SKU1, 3, 30],
      [SKU3, 1, 7.5],
      [SKU2, 1, 5],
    ]);
    expect(detail.at(-1)).toEqual(['Total', '2025-12', '', '', 42.5, '']);
  });

  it('a refund of a sale not in the range keeps its own reading: all its row’s units come back', () => {
    // January alone: A gives back 2 units, B 1, C 2 (−20 − 5 − 15); with December, 42.50 of COGS.
    expect(byFirstCell(call('TTS_PNL', range(january), cogs(), 'sku')).Total).toMatchObject({
      COGS: -40,
      'Units sold': -5,
    });
    expect(byFirstCell(call('TTS_PNL', range([...january, ...december]), cogs(), 'sku')).Total.COGS).toBe(
      42.5,
    );
  });

  it('a second refund of a line whose sale is not in the range gives back no more units', () => {
    // January alone gives back 5 units (above); a February refund of A again (a duplicate) none.
    const again = line({
      statement: ['2026/02/10', '7496021845520157003'],
      orderId: '577300000000007001',
      sku: SKU1,
      quantity: 2,
      created: '2025/12/05',
      gross: 0,
      refund: -40,
      referral: 2.4,
    });
    for (const rows of [
      [...january, again],
      [again, ...january],
    ])
      expect(byFirstCell(call('TTS_PNL', range(rows), cogs(), 'sku')).Total).toMatchObject({
        COGS: -40,
        'Units sold': -5,
      });
  });

  it('two later refunds of half a one-unit line give the unit back once, with the second', () => {
    const sale = line({
      statement: ['2026/03/10', '7496021845520157101'],
      orderId: '577300000000007101',
      sku: SKU1,
      quantity: 1,
      created: '2026/03/01',
      gross: 30,
    });
    const half = (statement: [string, string]) =>
      line({
        statement,
        orderId: '577300000000007101',
        sku: SKU1,
        quantity: 1,
        created: '2026/03/01',
        gross: 0,
        refund: -15,
      });
    const first = half(['2026/04/10', '7496021845520157102']);
    const second = half(['2026/05/10', '7496021845520157103']);
    expect(byFirstCell(call('TTS_PNL', range([sale, first]), cogs(), 'sku')).Total).toMatchObject({
      COGS: 10,
      'Units sold': 1,
    });
    for (const rows of [
      [sale, first, second],
      [second, sale, first],
    ])
      expect(byFirstCell(call('TTS_PNL', range(rows), cogs(), 'sku')).Total).toMatchObject({
        COGS: 0,
        'Units sold': 0,
        'Net profit': 0,
      });
    // A third refund (a duplicate) gives back nothing more than the line sold.
    const third = half(['2026/06/10', '7496021845520157104']);
    expect(
      byFirstCell(call('TTS_PNL', range([sale, first, second, third]), cogs(), 'sku')).Total,
    ).toMatchObject({ COGS: 0, 'Units sold': 0 });
  });
});

describe('a whole refund in a later statement whose row has no quantity', () => {
  for (const quantity of ['/', '0'])
    it(`Quantity ${quantity}: both units come back, COGS 0, net profit 0`, () => {
      const { april, may } = wholeRefund(quantity);
      const sku = byFirstCell(call('TTS_PNL', range([...april, ...may]), cogs(), 'sku'));
      expect(sku[SKU1]).toMatchObject({ 'Net sales': 0, COGS: 0, 'Units sold': 0, 'Net profit': 0 });
      expect(call('TTS_NET_PROFIT', range([...april, ...may]), cogs())).toBe(0);
    });
});

describe('the unit cost of returned units', () => {
  it('is the one they left at (the sale’s order date), though the refund row has no order date', () => {
    const A = '577300000000007501';
    const rows = [
      line({
        statement: ['2025/12/28', '7496021845520157501'],
        orderId: A,
        sku: SKU1,
        quantity: 2,
        created: '2025/12/20',
        gross: 40,
        referral: -2.4,
      }),
      line({
        statement: ['2026/01/15', '7496021845520157502'],
        orderId: '577300000000007502',
        sku: SKU1,
        quantity: 1,
        created: '2026/01/05',
        gross: 20,
        referral: -1.2,
      }),
      line({
        statement: ['2026/01/15', '7496021845520157502'],
        orderId: A,
        sku: SKU1,
        quantity: 2,
        created: '/',
        gross: 0,
        refund: -40,
        referral: 2.4,
      }),
    ];
    const costs = inSandbox(rt, [
      ['SKU', 'Unit cost', 'Effective from'],
      [SKU1, 10, '2025-01-01'],
      [SKU1, 12, '2026-01-01'],
    ]);
    // December: 2 × 10 out; January: 1 × 12 out, the 2 December units back at 10. Settlement 18.80.
    const month = byFirstCell(call('TTS_PNL', range(rows), costs));
    expect(month['2025-12'].COGS).toBe(20);
    expect(month['2026-01'].COGS).toBe(-8);
    expect(month.Total).toMatchObject({ Settlement: 18.8, COGS: 12, 'Net profit': 6.8 });
  });
});

/** Every order of `parts`: each part keeps its rows' order, the parts in every order. */
function everyOrder<T>(parts: T[][]): T[][] {
  if (parts.length <= 1) return [parts.flat()];
  return parts.flatMap((part, i) =>
    everyOrder([...parts.slice(0, i), ...parts.slice(i + 1)]).map((rest) => [...part, ...rest]),
  );
}

describe('a free sample with later rows on its line, and no sale', () => {
  const { april, may, june } = sampleCorrections();

  it('an overweight charge is the sample’s shipping, not a second sample: Samples 20.00, net profit −20.00', () => {
    for (const rows of everyOrder([april, may])) {
      const month = byFirstCell(call('TTS_PNL', range(rows), cogs()));
      expect(month.Total).toMatchObject({ Settlement: -10, COGS: 0, Samples: 20, 'Net profit': -20 });
      expect(call('TTS_NET_PROFIT', range(rows), cogs())).toBe(-20);
      expect(call('TTS_COST_DETAIL', range(rows), cogs(), '2026-04')).toEqual([
        ['Cost', 'Item', 'Units', 'Unit cost', 'Amount', 'Basis'],
        ['Sample shipping', SKU2, '', '', 10, 'the sample orders’ settlement'],
        ['Samples', SKU2, 2, 5, 10, 'cogs row 3'],
        ['Ad spend', '', '', '', 0, expect.any(String)],
        ['Total', '2026-04', '', '', 20, ''],
      ]);
    }
  });

  it('shipping given back later is the sample’s too, no units sold: Samples 18.50, COGS 0', () => {
    for (const rows of everyOrder([april, may, june])) {
      const sku = byFirstCell(call('TTS_PNL', range(rows), cogs(), 'sku'));
      expect(sku[SKU2]).toMatchObject({ 'Units sold': 0, COGS: 0, Samples: 18.5, 'Net profit': -18.5 });
      expect(call('TTS_NET_PROFIT', range(rows), cogs())).toBe(-18.5);
    }
  });

  it('TTS_BREAKEVEN_ROAS leaves the sample and its later rows out', () => {
    const { april: sold } = corrections();
    const roas = byFirstCell(call('TTS_BREAKEVEN_ROAS', range([...sold, ...june, ...may, ...april]), cogs()));
    expect(roas[SKU2]).toMatchObject({ 'Units sold': 2, 'Shipping per unit': 0 });
  });
});

describe('one SKU twice in an order, at two prices', () => {
  const { april, may, june } = twoPrices();

  it('a later refund of the $10 line gives back the $10 unit: 1 unit, COGS 10, net profit 18.20', () => {
    for (const rows of everyOrder([april.slice(0, 1), april.slice(1), may])) {
      const sku = byFirstCell(call('TTS_PNL', range(rows), cogs(), 'sku'));
      expect(sku[SKU1]).toMatchObject({ Settlement: 28.2, 'Units sold': 1, COGS: 10, 'Net profit': 18.2 });
      expect(call('TTS_NET_PROFIT', range(rows), cogs())).toBe(18.2);
    }
    const detail = call('TTS_COST_DETAIL', range([...april, ...may]), cogs(), '2026-04');
    expect(detail[1]).toEqual(['COGS', SKU1, 1, 10, 10, 'cogs row 2']);
    const roas = byFirstCell(call('TTS_BREAKEVEN_ROAS', range([...april, ...may]), cogs()));
    expect(roas[SKU1]).toMatchObject({ 'Units sold': 1, 'Average price': 30 });
  });

  it('then a refund of the $30 line gives back the other: no units, COGS 0, net profit 0', () => {
    for (const rows of everyOrder([april, june, may]))
      expect(byFirstCell(call('TTS_PNL', range(rows), cogs(), 'sku'))[SKU1]).toMatchObject({
        Settlement: 0,
        'Units sold': 0,
        COGS: 0,
        'Net profit': 0,
      });
  });

  it('a second $10 refund (a duplicate) gives back nothing more', () => {
    const again = line({
      statement: ['2026/07/10', '7496021845520157204'],
      orderId: '577300000000007701',
      sku: SKU1,
      quantity: 1,
      created: '2026/04/01',
      gross: 0,
      refund: -10,
      referral: 0.6,
    });
    const sku = byFirstCell(call('TTS_PNL', range([...april, ...may, again]), cogs(), 'sku'));
    expect(sku[SKU1]).toMatchObject({ 'Units sold': 1, COGS: 10 });
  });
});
