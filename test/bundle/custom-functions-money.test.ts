/**
 * TTS_SETTLEMENT, TTS_SALES, TTS_FEES, TTS_FEE, TTS_NET_PROFIT, TTS_PNL and TTS_RECONCILE through
 * the built dist/Code.js, on a five-row statement small enough to check by hand and on the
 * sample statement with its COGS table.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, type GasRuntime } from '../../emulator/sandbox';
import { STATEMENT_HEADER_2024 } from '../../bench/synthetic-export';
import {
  codeFile,
  ensureBuilt,
  exportRows,
  inSandbox,
  readCsv,
  sheetDate,
  sheetRange,
  errorOf,
} from './custom-functions-sheet';

let rt: GasRuntime;
beforeAll(() => {
  ensureBuilt();
  rt = loadBundleInVm({ file: codeFile });
});

const common = {
  'Statement date (UTC)': '2026/04/09',
  'Statement ID': '7496021845520155393',
  Currency: 'USD',
  'Related order ID': '/',
};
const SKU_A = '1732440158393635811';
const SKU_B = '1732440158393635812';

// Row (sheet row) │ order created │ SKU × qty │ Gross │ Disc. │ Refund │ Net   │ Ship  │ Fees                          │ Adj.   │ Settlement
// A (2)           │ 2026-03-30    │ A × 2     │ 40.00 │ −4.00 │        │ 36.00 │ −3.50 │ −4.16 (Ref −2.16, Aff −2.00)  │        │ 28.34
// B (3)           │ 2026-04-02    │ B × 1     │ 25.00 │       │        │ 25.00 │       │ −1.50 (Ref)                   │        │ 23.50
// C (4) refunded  │ 2026-04-05    │ A × 1     │ 20.00 │       │ −20.00 │  0.00 │       │ −0.20 (Refund admin)          │        │ −0.20
// D (5) Chargeback│ — (statement 2026-04-09)  │       │       │        │       │       │                               │ −10.00 │ −10.00
// E (6)           │ 2026-04-06    │ A × 1     │ 20.00 │       │        │ 20.00 │       │ −1.20 (Ref)                   │        │ 18.80
// Totals: settlement 60.44; gross sales kept (gross + gross refund) 85.00 (March 40.00, April 45.00);
// net sales 81.00; fees −7.06 = Referral −4.86, Affiliate −2.00, Refund admin −0.20.
const ROWS = exportRows(STATEMENT_HEADER_2024, [
  {
    ...common,
    Type: 'Order',
    'Order/adjustment ID': '577000000000000001',
    'SKU ID': SKU_A,
    Quantity: '2',
    'Order created date': '2026/03/30',
    'Total settlement amount': '28.34',
    'Net sales': '36.00',
    'Gross sales': '40.00',
    'Seller discount': '-4.00',
    Shipping: '-3.50',
    'TikTok Shop shipping fee': '-3.50',
    Fees: '-4.16',
    'Referral fee': '-2.16',
    'Affiliate commission': '-2.00',
  },
  {
    ...common,
    Type: 'Order',
    'Order/adjustment ID': '577000000000000002',
    'SKU ID': SKU_B,
    Quantity: '1',
    'Order created date': '2026/04/02',
    'Total settlement amount': '23.50',
    'Net sales': '25.00',
    'Gross sales': '25.00',
    Fees: '-1.50',
    'Referral fee': '-1.50',
  },
  {
    ...common,
    Type: 'Order',
    'Order/adjustment ID': '577000000000000003',
    'SKU ID': SKU_A,
    Quantity: '1',
    'Order created date': '2026/04/05',
    'Total settlement amount': '-0.20',
    'Net sales': '0.00',
    'Gross sales': '20.00',
    'Gross sales refund': '-20.00',
    Fees: '-0.20',
    'Refund administration fee': '-0.20',
  },
  {
    ...common,
    Type: 'Chargeback',
    'Order/adjustment ID': '777000000000000004',
    'Related order ID': '577000000000000002',
    'Total settlement amount': '-10.00',
    'Adjustment amount': '-10.00',
    'Adjustment reason': 'Buyer disputed the charge',
  },
  {
    ...common,
    Type: 'Order',
    'Order/adjustment ID': '577000000000000005',
    'SKU ID': SKU_A,
    Quantity: '1',
    'Order created date': '2026/04/06',
    'Total settlement amount': '18.80',
    'Net sales': '20.00',
    'Gross sales': '20.00',
    Fees: '-1.20',
    'Referral fee': '-1.20',
  },
]);

// Unit costs: SKU A 5.00, then 6.00 from 2026-04-01 (row E pays 6.00; row A, ordered 03-30, 5.00);
// SKU B 8.00. COGS = A 2 × 5.00 + B 1 × 8.00 + C 0 (fully refunded) + E 1 × 6.00 = 24.00.
const COGS = [
  ['SKU', 'Unit cost', 'Effective from'],
  [SKU_A, 5, ''],
  [SKU_A, 6, '2026-04-01'],
  [SKU_B, '$8.00', ''],
];

const statement = () => sheetRange(rt, ROWS);
const cogs = () =>
  inSandbox(
    rt,
    COGS.map((row) =>
      row.map((cell) => (cell === '2026-04-01' ? sheetDate(cell, rt.workbook.timeZone)! : cell)),
    ),
  );

describe('TTS_SETTLEMENT and TTS_SALES', () => {
  it('TTS_SETTLEMENT sums Total settlement amount: 28.34 + 23.50 − 0.20 − 10.00 + 18.80 = 60.44', () => {
    expect(rt.call('TTS_SETTLEMENT', statement())).toBe(60.44);
  });

  it('TTS_SALES gross (default) counts gross sales + gross sales refund by order month', () => {
    const range = statement();
    expect(rt.call('TTS_SALES', range)).toBe(85);
    expect(rt.call('TTS_SALES', range, '2026-03')).toBe(40);
    // April: B 25.00 + C (20.00 − 20.00) + E 20.00 = 45.00
    expect(rt.call('TTS_SALES', range, '2026-04')).toBe(45);
    expect(rt.call('TTS_SALES', range, inSandbox(rt, sheetDate('2026/04/17', rt.workbook.timeZone)))).toBe(
      45,
    );
    expect(rt.call('TTS_SALES', range, '2026/4')).toBe(45);
    // No row reaches May: its 0 would mean "not in the range", so the month is refused.
    expect(errorOf(() => rt.call('TTS_SALES', range, '2026-05'))).toBe(
      'the statement range has no rows in 2026-05: its rows run from 2026-03-30 to 2026-04-09.',
    );
  });

  it('TTS_SALES net and settlement; the chargeback falls in its statement month', () => {
    const range = statement();
    expect(rt.call('TTS_SALES', range, '', 'net')).toBe(81);
    expect(rt.call('TTS_SALES', range, inSandbox(rt, [['']]), 'NET')).toBe(81);
    // March: A 28.34. April: 23.50 − 0.20 − 10.00 + 18.80 = 32.10.
    expect(rt.call('TTS_SALES', range, '2026-03', 'settlement')).toBe(28.34);
    expect(rt.call('TTS_SALES', range, '2026-04', 'settlement')).toBe(32.1);
  });

  it('rejects a month or metric it cannot read', () => {
    const range = statement();
    expect(errorOf(() => rt.call('TTS_SALES', range, '2026-13'))).toBe(
      'month must be a month such as "2026-05", "May 2026" or a date in it, found "2026-13".',
    );
    expect(errorOf(() => rt.call('TTS_SALES', range, '', 'profit'))).toBe(
      'metric must be "gross", "net" or "settlement", found "profit".',
    );
  });
});

describe('TTS_FEES and TTS_FEE', () => {
  it('lists each fee column once, most negative first, then Total fees equal to the Fees column', () => {
    // Fees column: −4.16 − 1.50 − 0.20 − 1.20 = −7.06
    expect(rt.call('TTS_FEES', statement())).toEqual([
      ['Fee', 'Amount'],
      ['Referral fee', -4.86],
      ['Affiliate commission', -2],
      ['Refund administration fee', -0.2],
      ['Total fees', -7.06],
    ]);
  });

  it('the sample statement: Total fees equals the sum of its Fees column', () => {
    const rows = readCsv('samples/statement-2026-05.csv');
    const feesColumn = rows[0].indexOf('Fees');
    const cents = rows.slice(1).reduce((sum, row) => sum + Math.round(Number(row[feesColumn]) * 100), 0);
    const table = rt.call('TTS_FEES', sheetRange(rt, rows)) as [string, number][];
    expect(table[table.length - 1]).toEqual(['Total fees', cents / 100]);
    const parts = table.slice(1, -1).reduce((sum, [, amount]) => sum + Math.round(amount * 100), 0);
    expect(parts).toBe(cents);
    const amounts = table.slice(1, -1).map(([, amount]) => amount);
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
  });

  it('TTS_FEE sums one column by its header in any case and spacing, or by catalog id', () => {
    const range = statement();
    expect(rt.call('TTS_FEE', range, 'Referral fee')).toBe(-4.86);
    expect(rt.call('TTS_FEE', range, '  REFERRAL   fee ')).toBe(-4.86);
    expect(rt.call('TTS_FEE', range, 'referral_fee')).toBe(-4.86);
    expect(rt.call('TTS_FEE', range, 'Total fees')).toBe(-7.06);
    expect(rt.call('TTS_FEE', range, 'Smart Promotion fee')).toBe(0); // a known fee this export does not have
  });

  it('TTS_FEE sums TikTok\'s shipping charges too: each "… shipping fee" column of the sample statement, as summed by hand', () => {
    const rows = readCsv('samples/statement-2026-05.csv');
    const range = sheetRange(rt, rows);
    for (const header of ['TikTok Shop shipping fee', 'Customer-paid shipping fee', 'Shipping']) {
      const column = rows[0].indexOf(header);
      expect(column, header).toBeGreaterThan(0);
      const cents = rows.slice(1).reduce((sum, row) => sum + Math.round(Number(row[column] || 0) * 100), 0);
      expect(cents, header).not.toBe(0);
      expect(rt.call('TTS_FEE', range, header), header).toBe(cents / 100);
    }
    // Known shipping charges this export does not have: 0, not a refusal.
    expect(rt.call('TTS_FEE', range, 'Shipping insurance fee')).toBe(0);
    expect(rt.call('TTS_FEE', range, 'Return shipping fee')).toBe(0);
  });

  it('TTS_FEE with an unknown name lists the closest fee columns', () => {
    const range = statement();
    expect(errorOf(() => rt.call('TTS_FEE', range, 'Referal fe'))).toBe(
      '"Referal fe" is not a fee column TTS Profit knows. Pass a fee header ' +
        'as TikTok writes it, or a fee listed by TTS_FEES. Closest fee columns: Referral fee.',
    );
    expect(errorOf(() => rt.call('TTS_FEE', range, 'Net sales'))).toMatch(
      /^"Net sales" is a column TTS Profit knows, but not a fee\. .*Fee columns include Referral fee, /,
    );
  });
});

describe('TTS_NET_PROFIT', () => {
  it('settlement − COGS on the order date − other costs: 60.44 − 24.00 − 7.50 = 28.94', () => {
    const range = statement();
    expect(rt.call('TTS_NET_PROFIT', range)).toBe(60.44);
    expect(rt.call('TTS_NET_PROFIT', range, cogs())).toBe(36.44);
    // Other costs typed as 5 and −2.50 both count as costs: 7.50.
    expect(rt.call('TTS_NET_PROFIT', range, cogs(), inSandbox(rt, [[5], [2.5], ['']]))).toBe(28.94);
    expect(rt.call('TTS_NET_PROFIT', range, cogs(), inSandbox(rt, [[-5], [-2.5], ['']]))).toBe(28.94);
    expect(
      errorOf(() => rt.call('TTS_NET_PROFIT', range, cogs(), inSandbox(rt, [[5], [-2.5], ['']]))),
    ).toMatch(/^other_costs, row 2, column 1: -2\.5 has the other sign of the costs before it:/);
    expect(rt.call('TTS_NET_PROFIT', range, '', inSandbox(rt, [['$100.00']]))).toBe(-39.56);
  });

  it('reads the TTS COGS tab as the add-on writes it (A:F, columns by header, blank costs waiting)', () => {
    // SKU B's cost is still blank in the tab: it is a sold SKU without a cost, so the formula says so.
    const tab = [
      ['SKU ID', 'Seller SKU', 'Product name', 'SKU name', 'Unit cost', 'Effective from'],
      [SKU_A, 'SERUM', 'Face serum', '30 ml', 5, ''],
      [SKU_A, 'SERUM', 'Face serum', '30 ml', 6, sheetDate('2026-04-01', rt.workbook.timeZone)!],
      [SKU_B, 'LAMP', 'Desk lamp', 'White', '', ''],
      ['', '', '', '', '', ''],
    ];
    expect(errorOf(() => rt.call('TTS_NET_PROFIT', statement(), inSandbox(rt, tab)))).toBe(
      `No unit cost for 1 sold SKU: ${SKU_B}. Add each SKU ID (or seller SKU) with its unit cost to the COGS table, effective by the day it sold.`,
    );
    tab[3][4] = '$8.00';
    expect(rt.call('TTS_NET_PROFIT', statement(), inSandbox(rt, tab))).toBe(36.44);
  });

  it('a 0 unit cost is no unit cost, as a sold SKU missing from cogs: an error naming it', () => {
    const range = statement();
    expect(
      errorOf(() =>
        rt.call(
          'TTS_NET_PROFIT',
          range,
          inSandbox(rt, [
            [SKU_A, 0],
            [SKU_B, 0],
          ]),
        ),
      ),
    ).toBe(
      `No unit cost for 2 sold SKUs: ${SKU_A}, ${SKU_B}. Add each SKU ID (or seller SKU) with its unit cost to the COGS table, effective by the day it sold.`,
    );
    expect(errorOf(() => rt.call('TTS_NET_PROFIT', range, inSandbox(rt, [[SKU_A, 5]])))).toBe(
      `No unit cost for 1 sold SKU: ${SKU_B}. Add each SKU ID (or seller SKU) with its unit cost to the COGS table, effective by the day it sold.`,
    );
  });

  it('names at most five missing SKUs', () => {
    const rows = readCsv('samples/statement-2026-05.csv');
    const message = errorOf(() =>
      rt.call('TTS_NET_PROFIT', sheetRange(rt, rows), inSandbox(rt, [['0000', 1]])),
    );
    expect(message).toMatch(/^No unit cost for 7 sold SKUs: (\d{19}, ){4}\d{19} and 2 more\./);
  });

  it('rejects a cogs range with one column or an unreadable cost', () => {
    const range = statement();
    expect(errorOf(() => rt.call('TTS_NET_PROFIT', range, inSandbox(rt, [[SKU_A], [SKU_B]])))).toBe(
      'cogs must have at least two columns: SKU, unit cost and an optional effective-from date, e.g. COGS!A:C.',
    );
    expect(
      errorOf(() =>
        rt.call(
          'TTS_NET_PROFIT',
          range,
          inSandbox(rt, [
            ['SKU', 'Unit cost'],
            [SKU_A, 'five'],
          ]),
        ),
      ),
    ).toMatch(/^cogs row 2, column B\b.*expected a unit cost such as 6.50 or 0.125, found `five`/);
    expect(errorOf(() => rt.call('TTS_NET_PROFIT', range, '', inSandbox(rt, [['ads']])))).toBe(
      'other_costs, row 1, column 1: expected an amount, found `ads`',
    );
  });

  it('the sample statement with samples/cogs.csv', () => {
    const rows = readCsv('samples/statement-2026-05.csv');
    const range = sheetRange(rt, rows);
    const profit = rt.call('TTS_NET_PROFIT', range, inSandbox(rt, readCsv('samples/cogs.csv'))) as number;
    const pnl = rt.call('TTS_PNL', range, inSandbox(rt, readCsv('samples/cogs.csv'))) as (
      string | number
    )[][];
    const total = pnl[pnl.length - 1];
    expect(total[0]).toBe('Total');
    expect(total[8]).toBe(rt.call('TTS_SETTLEMENT', range));
    expect(profit).toBe(total[10]);
    expect(Math.round(((total[8] as number) - (total[9] as number)) * 100)).toBe(Math.round(profit * 100));
  });
});

describe('TTS_PNL', () => {
  const header = [
    'Month',
    'Gross sales',
    'Seller discounts',
    'Refunds',
    'Net sales',
    'Shipping',
    'Fees',
    'Adjustments',
    'Settlement',
    'COGS',
    'Gross profit',
    'Samples',
    'Running costs',
    'Ad spend',
    'Net profit',
    'Net margin',
  ];

  it('by month with COGS: rows sorted by month, margin = net profit / net sales, Total last', () => {
    expect(rt.call('TTS_PNL', statement(), cogs())).toEqual([
      header,
      // March (A): profit 28.34 − 10.00 = 18.34; margin 18.34 / 36.00 = 0.5094
      ['2026-03', 40, -4, 0, 36, -3.5, -4.16, 0, 28.34, 10, 18.34, 0, '', 0, 18.34, 0.5094],
      // April (B, C, D, E): gross 65.00, refunds −20.00, fees −2.90, adjustments −10.00, settlement 32.10,
      // COGS 8.00 + 6.00 = 14.00, profit 18.10, margin 18.10 / 45.00 = 0.4022
      ['2026-04', 65, 0, -20, 45, 0, -2.9, -10, 32.1, 14, 18.1, 0, '', 0, 18.1, 0.4022],
      // margin 36.44 / 81.00 = 0.4499
      ['Total', 105, -4, -20, 81, -3.5, -7.06, -10, 60.44, 24, 36.44, 0, '', 0, 36.44, 0.4499],
    ]);
  });

  it('without COGS: COGS blank and Net profit = Settlement', () => {
    const table = rt.call('TTS_PNL', statement()) as unknown[][];
    expect(table[table.length - 1]).toEqual([
      'Total',
      105,
      -4,
      -20,
      81,
      -3.5,
      -7.06,
      -10,
      60.44,
      '',
      60.44,
      0,
      '',
      0,
      60.44,
      0.7462,
    ]);
  });

  it('by SKU, statement and type; blank margin when net sales are 0', () => {
    const range = statement();
    const bySku = rt.call('TTS_PNL', range, '', 'sku') as unknown[][];
    expect(bySku[0][0]).toBe('SKU');
    // The chargeback has no SKU: its own group, net sales 0, margin blank.
    expect(bySku.map((r) => r[0])).toEqual(['SKU', '(no SKU)', SKU_A, SKU_B, 'Total']);
    // Running costs and ad spend belong to months, not SKUs: blank on a SKU's line.
    expect(bySku[1]).toEqual(['(no SKU)', 0, 0, 0, 0, 0, 0, -10, -10, '', -10, 0, '', '', -10, '', 0, '']);
    // SKU A: A + C + E → settlement 28.34 − 0.20 + 18.80 = 46.94
    expect(bySku[2][8]).toBe(46.94);
    const byType = rt.call('TTS_PNL', range, '', 'type') as unknown[][];
    expect(byType.map((r) => [r[0], r[8]])).toEqual([
      ['Type', 'Settlement'],
      ['Chargeback', -10],
      ['Order', 70.44],
      ['Total', 60.44],
    ]);
    const byStatement = rt.call('TTS_PNL', range, '', 'statement') as unknown[][];
    expect(byStatement.map((r) => r[0])).toEqual(['Statement', '7496021845520155393', 'Total']);
  });

  it('rejects an unknown group_by', () => {
    expect(errorOf(() => rt.call('TTS_PNL', statement(), '', 'week'))).toBe(
      'group_by must be "month", "sku", "statement" or "type", found "week".',
    );
  });
});

describe('TTS_RECONCILE', () => {
  it('one cell when every row reconciles', () => {
    expect(rt.call('TTS_RECONCILE', statement())).toBe('All 5 rows reconcile');
  });

  it('lists rows off by a cent or more with their sheet row number', () => {
    const rows = ROWS.map((row) => [...row]);
    const settlement = STATEMENT_HEADER_2024.indexOf('Total settlement amount');
    rows[5][settlement] = '18.90'; // row E (sheet row 6): parts add to 18.80
    rows[2][settlement] = '23.49'; // row B (sheet row 3): parts add to 23.50
    expect(rt.call('TTS_RECONCILE', sheetRange(rt, rows))).toEqual([
      ['Row', 'Order/adjustment ID', 'Settlement', 'Sum of parts', 'Difference'],
      [3, '577000000000000002', 23.49, 23.5, -0.01],
      [6, '577000000000000005', 18.9, 18.8, 0.1],
    ]);
  });

  it('counts sheet rows from the top of the range when banner rows sit above the header', () => {
    const rows = ROWS.map((row) => [...row]);
    rows[1][STATEMENT_HEADER_2024.indexOf('Total settlement amount')] = '28.00';
    const withBanner = [['Statement for April'], [''], ...rows];
    const result = rt.call('TTS_RECONCILE', sheetRange(rt, withBanner, { headerIndex: 2 })) as unknown[][];
    expect(result[1].slice(0, 2)).toEqual([4, '577000000000000001']);
  });
});
