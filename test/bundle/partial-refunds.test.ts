/**
 * A partial refund and product cost, through the built dist/Code.js. A statement does not say
 * whether refunded goods came back: a unit counts as returned only when its whole price was
 * refunded; a smaller refund is a price cut the buyer kept the goods for, so its cost stays.
 * Rounding the refunded share to units instead made a $16 refund of a one-unit $30 line leave more
 * profit than a $15 one (COGS 0 against 10).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, type GasRuntime } from '../../emulator/sandbox';
import { STATEMENT_HEADER_2024 } from '../../bench/synthetic-export';
import { codeFile, ensureBuilt, exportRows, inSandbox, sheetRange } from './custom-functions-sheet';

let rt: GasRuntime;
beforeAll(() => {
  ensureBuilt();
  rt = loadBundleInVm({ file: codeFile });
});

const SKU = '1732440158397002310';
const cogs = () =>
  inSandbox(rt, [
    ['SKU', 'Unit cost'],
    [SKU, 10],
  ]);

/** One order line of `quantity` units and `gross` dollars, with `refund` dollars of it refunded (no fees). */
function statement(quantity: number, gross: number, refund: number): unknown[][] {
  const net = (gross - refund).toFixed(2);
  return sheetRange(
    rt,
    exportRows(STATEMENT_HEADER_2024, [
      {
        'Statement date (UTC)': '2026/04/28',
        'Statement ID': '7496021845520150001',
        Currency: 'USD',
        'Related order ID': '/',
        Type: 'Order',
        'Order/adjustment ID': '577389150020000001',
        'SKU ID': SKU,
        Quantity: String(quantity),
        'Order created date': '2026/04/10',
        'Total settlement amount': net,
        'Net sales': net,
        'Gross sales': gross.toFixed(2),
        'Gross sales refund': refund === 0 ? '' : (-refund).toFixed(2),
      },
    ]),
  );
}

/** TTS_PNL by SKU's COGS and units sold for the line. */
function costed(
  quantity: number,
  gross: number,
  refund: number,
): { cogs: number; units: number; net: number } {
  const table = rt.call('TTS_PNL', statement(quantity, gross, refund), cogs(), 'sku') as (
    string | number
  )[][];
  const [header, line] = table;
  return {
    cogs: line[header.indexOf('COGS')] as number,
    units: line[header.indexOf('Units sold')] as number,
    net: line[header.indexOf('Net profit')] as number,
  };
}

describe('a partial refund of a one-unit $30 line, unit cost $10', () => {
  it('keeps the unit and its cost for any refund short of the whole price: net profit falls as the refund grows', () => {
    // Net profit = 30 − refund − 10 while the buyer keeps the goods.
    expect(costed(1, 30, 14)).toEqual({ cogs: 10, units: 1, net: 6 });
    expect(costed(1, 30, 15)).toEqual({ cogs: 10, units: 1, net: 5 });
    expect(costed(1, 30, 16)).toEqual({ cogs: 10, units: 1, net: 4 });
    expect(costed(1, 30, 29)).toEqual({ cogs: 10, units: 1, net: -9 });
    expect(rt.call('TTS_NET_PROFIT', statement(1, 30, 16), cogs())).toBe(4);
  });

  it('a whole refund brings the unit back: no cost, no unit sold', () => {
    expect(costed(1, 30, 30)).toEqual({ cogs: 0, units: 0, net: 0 });
  });
});

describe('a partial refund of a two-unit line', () => {
  it("returns one unit when one unit's price is refunded, even with the odd cent split unevenly", () => {
    expect(costed(2, 58, 29)).toEqual({ cogs: 10, units: 1, net: 19 });
    // $57.99 for two units: one is $28.99 or $29.00, whichever the refund took.
    expect(costed(2, 57.99, 28.99)).toEqual({ cogs: 10, units: 1, net: 19 });
    expect(costed(2, 57.99, 29)).toEqual({ cogs: 10, units: 1, net: 18.99 });
  });

  it('keeps both units for a $5 goodwill refund', () => {
    expect(costed(2, 58, 5)).toEqual({ cogs: 20, units: 2, net: 33 });
  });
});
