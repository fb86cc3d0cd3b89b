/**
 * TTS_BREAKEVEN_ROAS by SKU through the built dist/Code.js: given a statement and unit costs it
 * spills one row per SKU from the seller's own settlements; figures worked by hand in the comments.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, type GasRuntime } from '../../emulator/sandbox';
import { STATEMENT_HEADER_2024 } from '../../bench/synthetic-export';
import {
  codeFile,
  ensureBuilt,
  errorOf,
  exportRows,
  inSandbox,
  readCsv,
  sheetDate,
  sheetRange,
} from './custom-functions-sheet';

let rt: GasRuntime;
beforeAll(() => {
  ensureBuilt();
  rt = loadBundleInVm({ file: codeFile });
});

const common = {
  'Statement date (UTC)': '2026/05/31',
  'Statement ID': '7496021845520155399',
  Currency: 'USD',
  'Related order ID': '/',
};
const order = (id: string, sku: string, qty: string, date: string, amounts: Record<string, string>) => ({
  ...common,
  Type: 'Order',
  'Order/adjustment ID': id,
  'SKU ID': sku,
  Quantity: qty,
  'Order created date': date,
  'Product name': `${sku} product`,
  ...amounts,
});

// TANK, 2 orders: 10 May 2 units, net sales 54.00 (60.00 − 6.00 discount), fees 8.10 (referral 3.24 +
//   affiliate 4.86), shipping 3.00; 20 May 1 unit, net 30.00, fees 4.50, shipping 1.50.
//   Units 3, net 84.00 → price $28.0000; fees 12.60 → $4.2000 a unit, rate 12.60 ÷ 84.00 = 15 %;
//   shipping 4.50 → $1.5000; unit cost on 31 May $7.00 (from 15 May; $6.50 before).
//   Contribution 28 − 4.2 − 1.5 − 7 = $15.30; ROAS 28 ÷ 15.30 = 1.8301 → 1.83.
//   A free sample of TANK on 12 May (net 0, shipping −5.00) sold nothing: left out.
// BOLT: 3 units, net 10.00 → $3.3333 (10 ÷ 3, 4 decimals); fees 1.00 → $0.3333, rate 10 %; cost $0.125.
//   Contribution 3.3333 − 0.3333 − 0.125 = $2.8750; ROAS 3.3333 ÷ 2.875 = 1.1594 → 1.16.
// CAP: 1 unit, net 5.00, fees 0.75, shipping 4.00, cost $1.00 → contribution −$0.75: loses money before ads.
// MUG: 1 unit, net 12.00, no unit cost in COGS: said so, never costed at $0.
const ROWS = exportRows(STATEMENT_HEADER_2024, [
  order('577000000000000501', 'TANK', '2', '2026/05/10', {
    'Total settlement amount': '42.90',
    'Net sales': '54.00',
    'Gross sales': '60.00',
    'Seller discount': '-6.00',
    Fees: '-8.10',
    'Referral fee': '-3.24',
    'Affiliate commission': '-4.86',
    Shipping: '-3.00',
    'TikTok Shop shipping fee': '-3.00',
  }),
  order('577000000000000502', 'TANK', '1', '2026/05/20', {
    'Total settlement amount': '24.00',
    'Net sales': '30.00',
    'Gross sales': '30.00',
    Fees: '-4.50',
    'Referral fee': '-4.50',
    Shipping: '-1.50',
    'TikTok Shop shipping fee': '-1.50',
  }),
  order('577000000000000503', 'TANK', '1', '2026/05/12', {
    'Total settlement amount': '-5.00',
    'Net sales': '0.00',
    'Gross sales': '30.00',
    'Seller discount': '-30.00',
    Shipping: '-5.00',
    'TikTok Shop shipping fee': '-5.00',
  }),
  order('577000000000000504', 'BOLT', '3', '2026/05/11', {
    'Total settlement amount': '9.00',
    'Net sales': '10.00',
    'Gross sales': '10.00',
    Fees: '-1.00',
    'Referral fee': '-1.00',
  }),
  order('577000000000000505', 'CAP', '1', '2026/05/13', {
    'Total settlement amount': '0.25',
    'Net sales': '5.00',
    'Gross sales': '5.00',
    Fees: '-0.75',
    'Referral fee': '-0.75',
    Shipping: '-4.00',
    'TikTok Shop shipping fee': '-4.00',
  }),
  order('577000000000000506', 'MUG', '1', '2026/05/14', {
    'Total settlement amount': '12.00',
    'Net sales': '12.00',
    'Gross sales': '12.00',
  }),
  {
    ...common,
    Type: 'Chargeback',
    'Order/adjustment ID': '577000000000000599',
    'Total settlement amount': '-20.00',
    'Adjustment amount': '-20.00',
  },
]);
const day = (text: string) => sheetDate(text, rt.workbook.timeZone)!;
const COGS = () =>
  inSandbox(rt, [
    ['SKU', 'Unit cost', 'Effective from'],
    ['TANK', 6.5, ''],
    ['TANK', 7, day('2026-05-15')],
    ['BOLT', '0.125', ''],
    ['CAP', 1, ''],
  ]);
const HEADER = [
  'SKU',
  'Product',
  'Units sold',
  'Average price',
  'Fee rate',
  'Fees per unit',
  'Shipping per unit',
  'Unit cost',
  'Contribution per unit',
  'Break-even ROAS',
];

describe('TTS_BREAKEVEN_ROAS(statement, cogs, [start], [end]): a table by SKU', () => {
  it('works each SKU out from its own settlements, most units first', () => {
    expect(rt.call('TTS_BREAKEVEN_ROAS', sheetRange(rt, ROWS), COGS())).toEqual([
      HEADER,
      ['BOLT', 'BOLT product', 3, 3.3333, 0.1, 0.3333, 0, 0.125, 2.875, 1.16],
      ['TANK', 'TANK product', 3, 28, 0.15, 4.2, 1.5, 7, 15.3, 1.83],
      ['CAP', 'CAP product', 1, 5, 0.15, 0.75, 4, 1, -0.75, 'Loses money before ads'],
      ['MUG', 'MUG product', 1, 12, 0, 0, 0, 'No unit cost', '', 'No unit cost: add it to TTS COGS'],
    ]);
  });

  it('a period: up to 14 May TANK is its first order at the $6.50 then in force: 27 − 4.05 − 1.50 − 6.50 = 14.95; 27 ÷ 14.95 = 1.81', () => {
    const table = rt.call(
      'TTS_BREAKEVEN_ROAS',
      sheetRange(rt, ROWS),
      COGS(),
      '',
      day('2026-05-14'),
    ) as unknown[][];
    expect(table.find((r) => r[0] === 'TANK')).toEqual([
      'TANK',
      'TANK product',
      2,
      27,
      0.15,
      4.05,
      1.5,
      6.5,
      14.95,
      1.81,
    ]);
    // A month as start and end is its first and last day: the same table as the dates.
    expect(rt.call('TTS_BREAKEVEN_ROAS', sheetRange(rt, ROWS), COGS(), '2026-05', '2026-05')).toEqual(
      rt.call('TTS_BREAKEVEN_ROAS', sheetRange(rt, ROWS), COGS()),
    );
    const late = rt.call('TTS_BREAKEVEN_ROAS', sheetRange(rt, ROWS), COGS(), '2026-05-15') as unknown[][];
    expect(late.map((r) => r[0])).toEqual(['SKU', 'TANK']);
    expect(late[1].slice(2)).toEqual([1, 30, 0.15, 4.5, 1.5, 7, 17, 1.76]); // 30 − 4.5 − 1.5 − 7 = 17; 30 ÷ 17 = 1.7647
  });

  it('says what it needs', () => {
    expect(errorOf(() => rt.call('TTS_BREAKEVEN_ROAS', sheetRange(rt, ROWS)))).toBe(
      "unit_cost is missing: with a statement, pass your unit costs, e.g. 'TTS COGS'!A:K.",
    );
    expect(
      errorOf(() => rt.call('TTS_BREAKEVEN_ROAS', sheetRange(rt, ROWS), COGS(), '2026-06-01', '2026-05-01')),
    ).toBe('start (2026-06-01) is after end (2026-05-01).');
    expect(errorOf(() => rt.call('TTS_BREAKEVEN_ROAS', sheetRange(rt, ROWS), COGS(), 'May'))).toBe(
      'start must be a date cell or a date written year first, such as 2026-05-01 or a month such as 2026-05 or May 2026, found "May".',
    );
    expect(errorOf(() => rt.call('TTS_BREAKEVEN_ROAS', sheetRange(rt, ROWS), COGS(), '2026-07'))).toBe(
      'No SKU sold between 2026-07-01 and the last day: nothing to work a break-even ROAS from.',
    );
    expect(errorOf(() => rt.call('TTS_BREAKEVEN_ROAS', sheetRange(rt, ROWS), COGS(), '', '', 1))).toMatch(
      /^With a statement the arguments are statement, cogs, start and end/,
    );
  });

  it('keeps the single-value form: a price, a unit cost and rates', () => {
    expect(rt.call('TTS_BREAKEVEN_ROAS', 20, 5, 0.06)).toBe(1.45);
    expect(
      rt.call('TTS_BREAKEVEN_ROAS', inSandbox(rt, [[20], [30]]), inSandbox(rt, [[5], [10]]), 0.06),
    ).toEqual([[1.45], [1.65]]);
  });
});

describe('TTS_BREAKEVEN_ROAS by SKU on the bundled sample statement and samples/cogs.csv', () => {
  // SKU …3635811, Ribbed Knit Tank, Black / M: 25 order rows (15 in April, 10 in May), no refund, no
  // sample: 32 units, net sales $605.82, fees $92.24, shipping 0 (the buyer paid it).
  //   Price 605.82 ÷ 32 = 18.931875 → $18.9319; fees 92.24 ÷ 32 = 2.8825; rate 92.24 ÷ 605.82 = 0.15226 → 15.23 %.
  //   Unit cost on 28 May (the last order): $7.00 (from 1 May in cogs.csv).
  //   Contribution 18.9319 − 2.8825 − 7.00 = $9.0494; ROAS 18.9319 ÷ 9.0494 = 2.0921 → 2.09.
  const TANK_BY_HAND = [
    '1732440158393635811',
    'Ribbed Knit Tank — Black / M',
    32,
    18.9319,
    0.1523,
    2.8825,
    0,
    7,
    9.0494,
    2.09,
  ];

  it('SKU …3635811 (Ribbed Knit Tank, Black / M): worked from the CSV by hand', () => {
    const table = rt.call(
      'TTS_BREAKEVEN_ROAS',
      sheetRange(rt, readCsv('samples/statement-2026-05.csv')),
      inSandbox(rt, readCsv('samples/cogs.csv')),
    ) as unknown[][];
    expect(table[0]).toEqual(HEADER);
    expect(
      table
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([
      '1732440158393635811',
      '1732440158393635812',
      '1732440158394101177',
      '1732440158394101178',
      '1732440158395550021',
      '1732440158396120044',
      '1732440158397002310',
    ]);
    const tank = table.find((r) => r[0] === '1732440158393635811')!;
    expect(tank).toEqual(TANK_BY_HAND);
  });
});
