/**
 * How product cost is worked out, through the built dist/Code.js, with figures worked by hand:
 * units × unit cost added up exactly and rounded to the cent once per figure shown (not once per
 * order line), a cost change typed by Seller SKU, the messages about a cost table whose SKU IDs a
 * spreadsheet rounded or whose header row was left out, and a legacy Income export's rows, which
 * have no quantity to cost.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, type GasRuntime } from '../../emulator/sandbox';
import { STATEMENT_HEADER_2024 } from '../../bench/synthetic-export';
import { parseCsv } from '../../src/core/read/files/csv';
import { incomeCsv, incomeRows } from '../corpus/income-export';
import {
  codeFile,
  ensureBuilt,
  errorOf,
  exportRows,
  inSandbox,
  sheetDate,
  sheetRange,
} from './custom-functions-sheet';

let rt: GasRuntime;
beforeAll(() => {
  ensureBuilt();
  rt = loadBundleInVm({ file: codeFile });
});

const common = {
  'Statement date (UTC)': '2026/05/20',
  'Statement ID': '7496021845520155399',
  Currency: 'USD',
  'Related order ID': '/',
};
let serial = 0;
/** One order line of `qty` units sold for $3.00 a unit, settled in full. */
const sale = (sku: string, qty: number, date: string) => ({
  ...common,
  Type: 'Order',
  'Order/adjustment ID': String(577000000000000000n + BigInt(++serial)),
  'SKU ID': sku,
  Quantity: String(qty),
  'Order created date': date,
  'Total settlement amount': (3 * qty).toFixed(2),
  'Net sales': (3 * qty).toFixed(2),
  'Gross sales': (3 * qty).toFixed(2),
});
/** A free sample of one unit: $3.00 discounted to 0, $1.00 of shipping paid by the seller. */
const sample = (sku: string, date: string) => ({
  ...common,
  Type: 'Order',
  'Order/adjustment ID': String(577000000000000000n + BigInt(++serial)),
  'SKU ID': sku,
  Quantity: '1',
  'Order created date': date,
  'Total settlement amount': '-1.00',
  'Net sales': '0.00',
  'Gross sales': '3.00',
  'Seller discount': '-3.00',
  Shipping: '-1.00',
  'TikTok Shop shipping fee': '-1.00',
});
const statement = (records: Record<string, string>[]) =>
  sheetRange(rt, exportRows(STATEMENT_HEADER_2024, records));
const costs = (rows: unknown[][]) => inSandbox(rt, rows);
const date = (text: string) => sheetDate(text, rt.workbook.timeZone)!;
const call = (name: string, ...args: unknown[]) => rt.call(name, ...args) as (string | number)[][];
const column = (table: (string | number)[][], name: string) =>
  table.slice(1).map((r) => r[table[0].indexOf(name)]);

describe('COGS is units × unit cost added up exactly, rounded to the cent once per figure shown', () => {
  const oneUnitOrders = (n: number, sku = 'BOLT') =>
    Array.from({ length: n }, (_, i) => sale(sku, 1, `2026/05/${String(1 + (i % 28)).padStart(2, '0')}`));

  for (const [cost, cogs] of [
    // 1,000 × 0.125 = 125.00 (each order rounded first: 1,000 × 0.13 = 130.00).
    [0.125, 125],
    // 1,000 × 2.1234 = 2,123.40 (each order rounded first: 1,000 × 2.12 = 2,120.00).
    [2.1234, 2123.4],
  ] as const)
    it(`1,000 one-unit orders at $${cost} cost $${cogs.toFixed(2)}: in TTS_COST_DETAIL, TTS_PNL and TTS_NET_PROFIT`, () => {
      const range = statement(oneUnitOrders(1000));
      const table = costs([
        ['SKU', 'Unit cost'],
        ['BOLT', cost],
      ]);
      const detail = call('TTS_COST_DETAIL', range, table, '2026-05');
      expect(detail.filter((r) => r[0] === 'COGS')).toEqual([
        ['COGS', 'BOLT', 1000, cost, cogs, 'cogs row 2'],
      ]);
      expect(detail[detail.length - 1]).toEqual(['Total', '2026-05', '', '', cogs, '']);
      const pnl = call('TTS_PNL', range, table);
      expect(column(pnl, 'COGS')).toEqual([cogs, cogs]);
      // Settlement 1,000 × $3.00 = $3,000.00.
      expect(rt.call('TTS_NET_PROFIT', range, table)).toBe(Math.round((3000 - cogs) * 100) / 100);
    });

  it("samples' cost too: 100 one-unit samples at $0.125 are $12.50 of goods plus $100.00 of shipping", () => {
    const range = statement([
      sale('BOLT', 1, '2026/05/01'),
      ...Array.from({ length: 100 }, () => sample('BOLT', '2026/05/02')),
    ]);
    const table = costs([['BOLT', '0.125']]);
    const pnl = call('TTS_PNL', range, table);
    // COGS: the sale's 1 × 0.125 = 0.13 (rounded once); Samples: 100 × 0.125 + 100 × 1.00 = 112.50 (not 113.00).
    // Under the table, a line says the samples' $100.00 of shipping is in Settlement too.
    expect(pnl[pnl.length - 1][0]).toMatch(
      /^Samples include \$100\.00 the sample orders cost in the settlement/,
    );
    pnl.pop();
    expect(column(pnl, 'COGS')).toEqual([0.13, 0.13]);
    expect(column(pnl, 'Samples')).toEqual([112.5, 112.5]);
    const detail = call('TTS_COST_DETAIL', range, table, '2026-05');
    expect(detail.filter((r) => r[0] === 'Samples')).toEqual([
      ['Samples', 'BOLT', 100, 0.125, 12.5, 'cogs row 1'],
    ]);
    expect(detail[detail.length - 1]).toEqual(['Total', '2026-05', '', '', 112.63, '']);
  });

  it('each group is its own exact cost rounded once, and so is the total: two SKUs of 1 × $0.125 are $0.13 each, $0.25 in all', () => {
    const range = statement([sale('BOLT-A', 1, '2026/05/01'), sale('BOLT-B', 1, '2026/05/02')]);
    const table = costs([
      ['BOLT-A', 0.125],
      ['BOLT-B', 0.125],
    ]);
    const bySku = call('TTS_PNL', range, table, 'sku');
    expect(bySku.map((r) => [r[0], r[bySku[0].indexOf('COGS')]])).toEqual([
      ['SKU', 'COGS'],
      ['BOLT-A', 0.13],
      ['BOLT-B', 0.13],
      ['Total', 0.25],
    ]);
    expect(rt.call('TTS_NET_PROFIT', range, table)).toBe(5.75);
  });
});

describe('a cost change typed by Seller SKU, its SKU ID left blank', () => {
  const SKU = '1732440158396120044';
  // April: 2 units at $12.75 = $25.50; May: 13 units at $20.00 (from 1 May, by Seller SKU) = $260.00.
  const range = () => statement([sale(SKU, 2, '2026/04/20'), sale(SKU, 13, '2026/05/10')]);
  const header = ['SKU ID', 'Seller SKU', 'Product name', 'Unit cost', 'Effective from'];

  it('applies to the SKU IDs listed with that Seller SKU from its date', () => {
    const table = costs([
      header,
      [SKU, 'SS-0044', 'Tank', 12.75, ''],
      ['', 'SS-0044', '', 20, date('2026-05-01')],
    ]);
    expect(call('TTS_COST_DETAIL', range(), table, '2026-05').filter((r) => r[0] === 'COGS')).toEqual([
      ['COGS', SKU, 13, 20, 260, 'cogs row 3'],
    ]);
    expect(call('TTS_COST_DETAIL', range(), table, '2026-04').filter((r) => r[0] === 'COGS')).toEqual([
      ['COGS', SKU, 2, 12.75, 25.5, 'cogs row 2'],
    ]);
    // Settlement 15 × 3.00 = 45.00 − 25.50 − 260.00.
    expect(rt.call('TTS_NET_PROFIT', range(), table)).toBe(-240.5);
  });

  it('the later date wins: a SKU ID row dated after the Seller SKU row is in force from its own date', () => {
    const table = costs([
      header,
      [SKU, 'SS-0044', 'Tank', 12.75, ''],
      ['', 'SS-0044', '', 20, date('2026-04-01')],
      [SKU, 'SS-0044', 'Tank', 9, date('2026-05-01')],
    ]);
    // April 2 × 20.00 = 40.00; May 13 × 9.00 = 117.00.
    expect(column(call('TTS_PNL', range(), table), 'COGS')).toEqual([40, 117, 157]);
  });

  it('two rows in force from the same date with different costs are refused, naming both', () => {
    const table = costs([header, [SKU, 'SS-0044', 'Tank', 12.75, ''], ['', 'SS-0044', '', 20, '']]);
    expect(errorOf(() => rt.call('TTS_NET_PROFIT', range(), table))).toBe(
      `cogs row 2 and row 3: SKU ${SKU} has two unit costs with no effective date ($12.75 and $20.00). ` +
        'Keep one, or give the newer one its Effective from date.',
    );
  });
});

describe('COGS messages name the real cause', () => {
  const range = () =>
    statement([sale('1732440158395550021', 1, '2026/05/01'), sale('1732440158393635811', 1, '2026/05/02')]);

  it('SKU IDs Excel rounded, pasted as text: the cost table holds rounded IDs', () => {
    const table = costs([
      ['SKU', 'Unit cost'],
      ['1732440158395550000', 2.1],
      ['1732440158393630000', 6.5],
    ]);
    expect(errorOf(() => rt.call('TTS_NET_PROFIT', range(), table))).toBe(
      'cogs row 2: the SKU 1732440158395550000 lost its last digits (the sheet turned it into a number). Format the ' +
        'column as Plain text and paste the SKU IDs again as text: all end in zeros after the 15th digit, so none matches a sale.',
    );
  });

  it('a SKU ID shown as `1.73244E+18` text is a rounded ID, not two costs of one SKU', () => {
    const table = costs([
      ['SKU', 'Unit cost'],
      ['1.73244E+18', 2.1],
      ['1.73244E+18', 6.5],
    ]);
    expect(errorOf(() => rt.call('TTS_NET_PROFIT', range(), table))).toBe(
      'cogs row 2, column A (SKU): the SKU 1.73244E+18 lost its last digits (the sheet turned it into a number). ' +
        'Format the column as Plain text and type it again.',
    );
  });

  it("TTS COGS passed without its header row ('TTS COGS'!A2:K) says so", () => {
    const table = costs([
      ['1732440158395550021', 'SS-0021', 'Scrunchie', 'Assorted', '', '', '', '', '', 2.1, ''],
      ['1732440158393635811', 'SS-5811', 'Tank', 'Black / M', '', '', '', '', '', 6.5, ''],
    ]);
    expect(errorOf(() => rt.call('TTS_NET_PROFIT', range(), table))).toBe(
      'cogs row 2, column B: expected a unit cost such as 6.50 or 0.125, found `SS-5811`. With no header row, the ' +
        "columns are SKU, unit cost and an optional effective-from date: include the header row (e.g. 'TTS COGS'!A:K).",
    );
  });
});

describe('a legacy Income export has no quantities', () => {
  it('its product cost is unknown: the functions that cost goods say so and what to import', () => {
    const income = sheetRange(rt, parseCsv(incomeCsv(incomeRows(20))));
    const table = costs([
      ['SKU', 'Unit cost'],
      ['BOLT', 1],
    ]);
    const message =
      'No product cost for 20 rows of a legacy Income export (the first: row 2), which has no quantities: import the ' +
      'Statement export of those orders (Finance → Statements) to replace them.';
    expect(errorOf(() => rt.call('TTS_NET_PROFIT', income, table))).toBe(message);
    expect(errorOf(() => rt.call('TTS_PNL', income, table))).toBe(message);
    // Without unit costs nothing is costed: the settlement stands.
    expect(typeof rt.call('TTS_NET_PROFIT', income)).toBe('number');
  });
});
