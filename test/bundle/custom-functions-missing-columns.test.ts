/**
 * A seller's range that lacks a column a function reads (cut short at column N, a column deleted)
 * is refused with the column named, never answered with a 0 that means "not read"; a column only
 * some exports have answers 0. Month arguments read one set of formats in every function; a column
 * of break-even ROAS answers row by row. Through dist/Code.js, on the sample statement.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, type GasRuntime } from '../../emulator/sandbox';
import { amountIdsOf, ledgerHeader, ledgerRowToCells } from '../../src/core/ledger/ledger-format';
import { parseSheetRows } from '../../src/core/read/parse-export';
import { parseCsv } from '../../src/core/read/files/csv';
import { orderExportCsv } from '../corpus/order-export';
import {
  codeFile,
  ensureBuilt,
  errorOf,
  inSandbox,
  padded,
  readCsv,
  sheetDate,
  typedCells,
} from './custom-functions-sheet';

let rt: GasRuntime;
beforeAll(() => {
  ensureBuilt();
  rt = loadBundleInVm({ file: codeFile });
});
const call = (name: string, ...args: unknown[]) => rt.call(name, ...args.map((a) => inSandbox(rt, a)));

const RAW = readCsv('samples/statement-2026-05.csv');
const at = (name: string) => RAW[0].indexOf(name);
const sheet = (rows: string[][], width = 64) => padded(typedCells(rows), { width });
const FULL = () => sheet(RAW);
/** Statement!A:N: the range stops at Total settlement amount. */
const CUT = () => FULL().map((row) => row.slice(0, at('Total settlement amount') + 1));
const without = (name: string) => sheet(RAW.map((row) => row.filter((_, i) => i !== at(name))));
const COGS = readCsv('samples/cogs.csv').map((r, i) => (i === 0 ? r : [r[0], Number(r[1]), r[2]]));

describe('a range cut short of the columns a function reads', () => {
  const cutMessage = (column: string) =>
    `the statement range has no *${column}* column, which every US Statement export has: it ends at ` +
    `*Total settlement amount*: widen it to the export's last column (e.g. Statement!A:BL), or put the column back.`;

  it('the whole statement: the figures a seller checks by hand', () => {
    expect(call('TTS_SALES', FULL())).toBe(5782.9);
    expect(call('TTS_SALES', FULL(), '', 'net')).toBe(5575);
    expect(call('TTS_FEE', FULL(), 'Referral fee')).toBe(-365.89);
    expect(call('TTS_SETTLEMENT', FULL())).toBe(4613.85);
  });

  it('sales and fees are refused, naming the column and the fix', () => {
    expect(errorOf(() => call('TTS_SALES', CUT()))).toBe(cutMessage('Gross sales'));
    expect(errorOf(() => call('TTS_SALES', CUT(), '', 'net'))).toBe(cutMessage('Net sales'));
    expect(errorOf(() => call('TTS_FEE', CUT(), 'Referral fee'))).toBe(cutMessage('Referral fee'));
    expect(errorOf(() => call('TTS_FEES', CUT()))).toBe(cutMessage('Fees'));
    expect(errorOf(() => call('TTS_PNL', CUT()))).toBe(cutMessage('Net sales'));
    expect(errorOf(() => call('TTS_RECONCILE', CUT()))).toBe(cutMessage('Net sales'));
    expect(errorOf(() => call('TTS_THRESHOLD', CUT()))).toBe(cutMessage('Gross sales'));
    expect(errorOf(() => call('TTS_BREAKEVEN_ROAS', CUT(), COGS))).toBe(cutMessage('Net sales'));
  });

  it('a figure whose column is in the range still answers', () => {
    expect(call('TTS_SETTLEMENT', CUT())).toBe(4613.85);
    expect(call('TTS_SALES', CUT(), '', 'settlement')).toBe(4613.85);
    expect(call('TTS_NET_PROFIT', CUT())).toBe(4613.85);
  });

  it('cut before the fee columns, a fee only newer exports have is refused too (its subtotal is missing)', () => {
    expect(errorOf(() => call('TTS_FEE', CUT(), 'Sales tax on referral fees'))).toBe(cutMessage('Fees'));
  });

  it('the whole export without a fee column only some exports have: that fee is 0', () => {
    expect(at('Sales tax on referral fees')).toBe(-1);
    expect(call('TTS_FEE', FULL(), 'Sales tax on referral fees')).toBe(0);
  });

  it('a whole-column range (thousands of blank rows and columns) reads as the export', () => {
    const wide = padded(typedCells(RAW), { width: 104, blankRowsBelow: 3000 });
    expect(call('TTS_SALES', wide)).toBe(5782.9);
    expect(call('TTS_FEE', wide, 'Referral fee')).toBe(-365.89);
  });

  it('columns inserted and rows sorted by the seller change nothing', () => {
    const [header, ...body] = RAW;
    const sorted = [header, ...[...body].sort((a, b) => a[at('SKU ID')].localeCompare(b[at('SKU ID')]))];
    const inserted = sorted.map((row, r) => [
      ...row.slice(0, 5),
      r === 0 ? 'My notes' : 'ok',
      ...row.slice(5),
    ]);
    expect(call('TTS_SALES', sheet(inserted, 70))).toBe(5782.9);
    expect(call('TTS_SALES', sheet(inserted, 70), '', 'net')).toBe(5575);
  });
});

describe('an order export cut short of the columns its sales come from', () => {
  const ORDERS = parseCsv(orderExportCsv());
  const column = (name: string) => ORDERS[0].indexOf(name);

  it('sells 72.50 gross and 66.50 net whole; cut or without a sales column it is refused, never 0 or 97.50', () => {
    expect(call('TTS_SALES', sheet(ORDERS, 80))).toBe(72.5);
    expect(call('TTS_SALES', sheet(ORDERS, 80), '', 'net')).toBe(66.5);
    const cutAt = (name: string) => sheet(ORDERS, 80).map((row) => row.slice(0, column(name)));
    expect(errorOf(() => call('TTS_SALES', cutAt('SKU Subtotal Before Discount')))).toBe(
      'the statement range has no *SKU Subtotal Before Discount* column, which every Seller Center order export has: ' +
        "it ends at *SKU Unit Original Price*: widen it to the export's last column (e.g. Statement!A:BL), or put the column back.",
    );
    const without = (name: string) =>
      sheet(
        ORDERS.map((row) => row.filter((_, c) => c !== column(name))),
        80,
      );
    for (const name of ['Order Refund Amount', 'Sku Quantity of return'])
      expect(errorOf(() => call('TTS_SALES', without(name)))).toBe(
        `the statement range has no *${name}* column, which every Seller Center order export has: put the column back.`,
      );
    expect(errorOf(() => call('TTS_SALES', without('SKU Seller Discount'), '', 'net'))).toMatch(
      /no \*SKU Seller Discount\*/,
    );
    // Gross sales are before discounts: they do not read the seller discount.
    expect(call('TTS_SALES', without('SKU Seller Discount'))).toBe(72.5);
  });
});

describe('a column deleted from a whole statement range', () => {
  const deleted = (column: string) =>
    `the statement range has no *${column}* column, which every US Statement export has: put the column back.`;

  it('without Gross sales refund, sales are refused, never rebuilt from what is left', () => {
    // Before: 5880.90 gross and 5673.00 net, each $98 off.
    expect(errorOf(() => call('TTS_SALES', without('Gross sales refund')))).toBe(
      deleted('Gross sales refund'),
    );
    expect(errorOf(() => call('TTS_SALES', without('Gross sales refund'), '', 'net'))).toBe(
      deleted('Gross sales refund'),
    );
    expect(errorOf(() => call('TTS_PNL', without('Gross sales refund')))).toBe(deleted('Gross sales refund'));
  });

  it('without Gross sales or Seller discount, the figures that read them are refused', () => {
    expect(errorOf(() => call('TTS_SALES', without('Gross sales')))).toBe(deleted('Gross sales'));
    expect(errorOf(() => call('TTS_SALES', without('Seller discount'), '', 'net'))).toBe(
      deleted('Seller discount'),
    );
    // Gross sales do not read Net sales or the discounts.
    expect(call('TTS_SALES', without('Net sales'))).toBe(5782.9);
    expect(call('TTS_SALES', without('Seller discount'))).toBe(5782.9);
  });

  it('without Referral fee, the fee table is refused; with cogs, a missing SKU ID is too', () => {
    expect(errorOf(() => call('TTS_FEES', without('Referral fee')))).toBe(deleted('Referral fee'));
    expect(errorOf(() => call('TTS_NET_PROFIT', without('SKU ID'), COGS))).toBe(deleted('SKU ID'));
    expect(errorOf(() => call('TTS_COST_DETAIL', without('Quantity'), COGS, '2026-04'))).toBe(
      deleted('Quantity'),
    );
  });
});

describe('the TTS Ledger tab, sorted and with a column deleted', () => {
  /** The sample statement imported to the tab: header, then its rows in the file's order (tab row r + 2). */
  function ledger(): { header: string[]; rows: (string | number | Date)[][] } {
    const parsed = parseSheetRows(RAW, { fileName: 'statement-2026-05.csv' });
    const header = ledgerHeader(amountIdsOf(parsed.rows));
    const dates = new Set(['Order date', 'Statement date'].map((h) => header.indexOf(h)));
    const rows = parsed.rows.map((row) =>
      ledgerRowToCells(row, header, 'import-1').map((cell, c) =>
        dates.has(c) && typeof cell === 'string' && cell ? sheetDate(cell, rt.workbook.timeZone)! : cell,
      ),
    );
    return { header, rows };
  }
  const range = (header: string[], rows: unknown[][]) =>
    padded([header, ...rows] as never, { width: header.length + 3 });

  it('answers as the statement does', () => {
    const { header, rows } = ledger();
    expect(call('TTS_SALES', range(header, rows))).toBe(5782.9);
    expect(call('TTS_SETTLEMENT', range(header, rows))).toBe(4613.85);
  });

  it("TTS_RECONCILE names the tab's row of a differing row, not its row in the imported file", () => {
    const { header, rows } = ledger();
    const sorted = [...rows].reverse();
    const settlement = header.indexOf('Total settlement amount');
    // The file's row 2 (its first order line) sits last on the sorted tab, at row rows.length + 1.
    const last = sorted.length - 1;
    expect(sorted[last][header.indexOf('Source row')]).toBe(2);
    sorted[last][settlement] = (sorted[last][settlement] as number) + 1;
    const table = call('TTS_RECONCILE', range(header, sorted)) as unknown[][];
    expect(table).toHaveLength(2);
    expect(table[1][0]).toBe(last + 2);
    expect(table[1][4]).toBe(1);
  });

  it('a deleted Quantity or SKU ID column is refused where unit costs are worked out', () => {
    const { header, rows } = ledger();
    for (const column of ['Quantity', 'SKU ID']) {
      const at = header.indexOf(column);
      const cut = (row: unknown[]) => row.filter((_, c) => c !== at);
      expect(errorOf(() => call('TTS_NET_PROFIT', range(cut(header) as string[], rows.map(cut)), COGS))).toBe(
        `the statement range has no *${column}* column, which every TTS Ledger tab has: put the column back.`,
      );
    }
  });
});

describe('month arguments: one set of formats in every function', () => {
  const april = 4010.88;
  const zone = () => rt.workbook.timeZone;

  it.each([
    '2026-04',
    '2026-4',
    '2026/04',
    'Apr 2026',
    'April 2026',
    'Apr-2026',
    '4/2026',
    '04/2026',
    '2026-04-15',
  ])('reads %j as April 2026 in TTS_SALES and TTS_COST_DETAIL', (month) => {
    expect(call('TTS_SALES', FULL(), month)).toBe(april);
    const detail = call('TTS_COST_DETAIL', FULL(), COGS, month) as unknown[][];
    expect(detail.at(-1)?.slice(0, 2)).toEqual(['Total', '2026-04']);
  });

  it('reads a date cell as its month', () => {
    expect(call('TTS_SALES', FULL(), sheetDate('2026/04/30', zone()))).toBe(april);
  });

  it.each([
    [5, '5'],
    [202604, '202604'],
    [46143, '46143'],
    ['2026-13', '"2026-13"'],
  ])('refuses %j with the same message everywhere', (month, shown) => {
    const message = `month must be a month such as "2026-05", "May 2026" or a date in it, found ${shown}.`;
    expect(errorOf(() => call('TTS_SALES', FULL(), month))).toBe(message);
    expect(errorOf(() => call('TTS_COST_DETAIL', FULL(), COGS, month))).toBe(message);
  });

  it('TTS_FORECAST reads its months the same way', () => {
    const months = [['Jan 2026'], ['2026-2'], ['3/2026']];
    const table = call('TTS_FORECAST', months, [[100], [110], [120]], 1) as unknown[][];
    expect(table[1][0]).toBe('2026-04');
    expect(errorOf(() => call('TTS_FORECAST', [[202601], [202602]], [[1], [2]]))).toBe(
      'months (cell 1) must be a month such as "2026-05", "May 2026" or a date in it, found 202601.',
    );
  });
});

describe('TTS_BREAKEVEN_ROAS over a column of rows', () => {
  it('answers each row: blank for a blank row, why for a row that loses money before ads', () => {
    // 29.99 / (29.99 × 0.79 − 8) = 1.91; 19.99 / (19.99 × 0.79 − 5) = 1.85; 10 × 0.79 − 9 = −1.10.
    const answer = call(
      'TTS_BREAKEVEN_ROAS',
      [[29.99], [19.99], [''], [10]],
      [[8], [5], [''], [9]],
      0.06,
      0.15,
    );
    expect(answer).toEqual([
      [1.91],
      [1.85],
      [''],
      [
        'This product loses money before any ad spend: after fees, commission and costs each sale is $1.10 short. ' +
          'No ROAS can break even; raise the price or lower costs.',
      ],
    ]);
  });

  it('a row typed wrong says why on its own row, and the other rows answer', () => {
    // 29.99 × (1 − 0.06) − 8 = 20.1906: 1.49.
    expect(call('TTS_BREAKEVEN_ROAS', [[29.99], ['abc']], [[8], [5]], 0.06)).toEqual([
      [1.49],
      ['price must be a number, found "abc".'],
    ]);
    expect(call('TTS_BREAKEVEN_ROAS', [[29.99], [19.99]], [[8], ['']], 0.06)).toEqual([
      [1.49],
      ['unit_cost must be a number, found an empty cell.'],
    ]);
  });
});

describe('a unit cost with an Effective from date', () => {
  const SKU = '1732440158394101177';
  const fromMidApril = () => COGS.map((row) => (row[0] === SKU ? [SKU, row[1], '2026-04-15'] : row));

  it("is not applied to the SKU's sales before that date: they are named as without a cost", () => {
    const message =
      `No unit cost for 1 sold SKU: ${SKU}. Add each SKU ID (or seller SKU) with its unit cost to the COGS table, ` +
      'effective by the day it sold.';
    expect(errorOf(() => call('TTS_NET_PROFIT', FULL(), fromMidApril()))).toBe(message);
    expect(errorOf(() => call('TTS_COST_DETAIL', FULL(), fromMidApril(), '2026-04'))).toBe(message);
  });

  it('an undated cost for the earlier sales: 29 April units, those from the 15th at the new cost', () => {
    const orderDate = at('Order created date');
    const units = (from: string, to: string) =>
      RAW.slice(1)
        .filter((r) => r[at('SKU ID')] === SKU && r[orderDate] >= from && r[orderDate] < to)
        .reduce((n, r) => n + Number(r[at('Quantity')]), 0);
    const early = units('2026/04/01', '2026/04/15');
    const late = units('2026/04/15', '2026/05/01');
    expect(early + late).toBe(29);
    expect(early).toBeGreaterThan(0);
    const cogs = [...COGS, [SKU, 9.5, '2026-04-15']];
    const detail = call('TTS_COST_DETAIL', FULL(), cogs, '2026-04') as unknown[][];
    const lines = detail.filter((line) => line[1] === SKU);
    // 8.20 until the 14th, 9.50 from the 15th: one line per unit cost.
    expect(lines.map((line) => [line[2], line[3]])).toEqual(
      expect.arrayContaining([
        [early, 8.2],
        [late, 9.5],
      ]),
    );
  });
});

describe('TTS_NET_PROFIT other_costs', () => {
  it('counts costs typed positive, or negative as TikTok writes them; refuses a range with both signs', () => {
    expect(call('TTS_NET_PROFIT', FULL(), '', [[100], [200]])).toBe(4313.85);
    expect(call('TTS_NET_PROFIT', FULL(), '', [[-100], [-200]])).toBe(4313.85);
    // Before: 100 and −30 made a cost of 130.00.
    expect(errorOf(() => call('TTS_NET_PROFIT', FULL(), '', [[100], [-30]]))).toBe(
      'other_costs, row 2, column 1: -30 has the other sign of the costs before it: type all costs ' +
        'with one sign, and take a credit off the cost it reduces.',
    );
  });
});
