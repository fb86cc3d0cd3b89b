/**
 * Every cost in the P&L through the built dist/Code.js: TTS_PNL, TTS_NET_PROFIT and
 * TTS_COST_DETAIL on the bundled sample statement with samples/cogs.csv and a costs range, and on
 * small statements whose figures are worked out by hand in the comments (a sample order, a cost
 * change mid-month, a yearly cost spread over days, 0.125 × 1,000 units, a SKU without a cost).
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

const sample = () => sheetRange(rt, readCsv('samples/statement-2026-05.csv'));
const sampleCogs = () => inSandbox(rt, readCsv('samples/cogs.csv'));
const COSTS_HEADER = ['Cost', 'Amount', 'Every', 'Percent', 'Of', 'Starts', 'Ends'];
// Shopify app $29.99 a month: 2,999 cents over 30 April days = 99 a day + 29 days of one cent more = $29.99.
// Insurance $1,200.00 a year from 1 Jan 2026, over 365 days: the first n days cost 120,000 × n ÷ 365
// cents, rounded. April = days 90–119: 39,452.05 → 39,452 less 29,589.04 → 29,589 = $98.63 (exactly
// 1,200 × 30 ÷ 365 = 98.630); May = days 120–150: 49,643.84 → 49,644 less 39,452 = $101.92 (101.918).
// Returns reserve 2 % of net sales: April 2 % × 3,858.64 = 77.1728 → $77.17; May 2 % × 1,716.36 = 34.3272 → $34.33.
const COSTS = [
  COSTS_HEADER,
  ['Shopify app', 29.99, 'month', '', '', '2026-01-01', ''],
  ['Insurance', '1,200.00', 'year', '', '', '2026-01-01', ''],
  ['Returns reserve', '', '', '2%', 'net sales', '', ''],
];
const costs = (rows: (string | number)[][] = COSTS) =>
  inSandbox(
    rt,
    rows.map((row) =>
      row.map((cell) =>
        typeof cell === 'string' && /^\d{4}-\d\d-\d\d$/.test(cell)
          ? sheetDate(cell, rt.workbook.timeZone)!
          : cell,
      ),
    ),
  );

describe('TTS_PNL on the bundled samples (statement-2026-05.csv, cogs.csv, three running costs)', () => {
  // COGS by SKU (units sold × unit cost on the order date; fully refunded lines count no units):
  //   …3635811: April 20 × 6.50 = 130.00, May (from 1 May at 7.00) 12 × 7.00 = 84.00
  //   …3635812: 36 × 6.50 = 234.00      …4101177: 35 × 8.20 = 287.00   …4101178: 25 × 8.20 = 205.00
  //   …5550021: 32 × 2.10 = 67.20       …6120044: 47 × 12.75 = 599.25   …7002310: 35 × 9.80 = 343.00
  //   total 1,949.45 = April 1,348.00 + May 601.45.
  // April: settlement 3,254.39 − COGS 1,348.00 = gross profit 1,906.39; running 29.99 + 98.63 + 77.17 = 205.79;
  //   net profit 1,700.60; margin 1,700.60 / 3,858.64 = 0.4407.
  // May (orders 1,427.75 and the four adjustments −68.29): settlement 1,359.46 − 601.45 = 758.01;
  //   running 29.99 + 101.92 + 34.33 = 166.24; net 591.77; margin 591.77 / 1,716.36 = 0.3448.
  // Total: settlement 4,613.85 − 1,949.45 = 2,664.40 − 372.03 = 2,292.37; margin 2,292.37 / 5,575.00 = 0.4112.
  it('by month: COGS, gross profit, samples, running costs, ad spend, net profit and margin', () => {
    const table = rt.call('TTS_PNL', sample(), sampleCogs(), 'month', costs()) as unknown[][];
    expect(table[0].slice(8)).toEqual([
      'Settlement',
      'COGS',
      'Gross profit',
      'Samples',
      'Running costs',
      'Ad spend',
      'Net profit',
      'Net margin',
    ]);
    expect(table.map((row) => [row[0], ...row.slice(8)])).toEqual([
      [
        'Month',
        'Settlement',
        'COGS',
        'Gross profit',
        'Samples',
        'Running costs',
        'Ad spend',
        'Net profit',
        'Net margin',
      ],
      ['2026-04', 3254.39, 1348, 1906.39, 0, 205.79, 0, 1700.6, 0.4407],
      ['2026-05', 1359.46, 601.45, 758.01, 0, 166.24, 0, 591.77, 0.3448],
      ['Total', 4613.85, 1949.45, 2664.4, 0, 372.03, 0, 2292.37, 0.4112],
    ]);
  });

  it('TTS_NET_PROFIT gives the same net profit, less other costs', () => {
    expect(rt.call('TTS_NET_PROFIT', sample(), sampleCogs(), '', costs())).toBe(2292.37);
    expect(rt.call('TTS_NET_PROFIT', sample(), sampleCogs(), inSandbox(rt, [[100], [50]]), costs())).toBe(
      2142.37,
    );
  });

  it('by SKU: units sold and contribution per unit; running costs only in the total', () => {
    const table = rt.call('TTS_PNL', sample(), sampleCogs(), 'sku', costs()) as unknown[][];
    const header = table[0];
    const row = table.find((r) => r[0] === '1732440158396120044')!;
    expect(row[header.indexOf('COGS')]).toBe(599.25);
    expect(row[header.indexOf('Units sold')]).toBe(47);
    expect(row[header.indexOf('Running costs')]).toBe('');
    // Contribution per unit = gross profit ÷ units sold.
    const gross = row[header.indexOf('Gross profit')] as number;
    expect(row[header.indexOf('Contribution per unit')]).toBe(Math.round((gross * 100) / 47) / 100);
    expect(table[table.length - 1][header.indexOf('Running costs')]).toBe(372.03);
    expect(table[table.length - 1][header.indexOf('Net profit')]).toBe(2292.37);
  });

  it('TTS_COST_DETAIL lists what made up May: COGS by SKU and unit cost, each running cost with its basis, the total', () => {
    const detail = rt.call('TTS_COST_DETAIL', sample(), sampleCogs(), '2026-05', costs()) as unknown[][];
    expect(detail[0]).toEqual(['Cost', 'Item', 'Units', 'Unit cost', 'Amount', 'Basis']);
    expect(detail.find((r) => r[1] === '1732440158393635811')).toEqual([
      'COGS',
      '1732440158393635811',
      12,
      7,
      84,
      'cogs row 3',
    ]);
    expect(detail.filter((r) => r[0] === 'Running cost')).toEqual([
      ['Running cost', 'Shopify app', '', '', 29.99, '$29.99 a month, 31 days (costs row 2)'],
      ['Running cost', 'Insurance', '', '', 101.92, '$1,200.00 a year, 31 days (costs row 3)'],
      ['Running cost', 'Returns reserve', '', '', 34.33, '2% of net sales $1,716.36 (costs row 4)'],
    ]);
    // 601.45 + 166.24 = 767.69
    expect(detail[detail.length - 1]).toEqual(['Total', '2026-05', '', '', 767.69, '']);
    expect(detail[detail.length - 2][0]).toBe('Ad spend');
  });
});

const common = {
  'Statement date (UTC)': '2026/05/20',
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
  ...amounts,
});

describe('a free sample sent to a creator', () => {
  // Sale: 1 × TANK at $20.00, referral −1.20, settlement 18.80. Sample: 2 × TANK, gross 40.00 fully
  // discounted by the seller, seller-paid shipping −4.58, settlement −4.58. TANK costs $5.00.
  // COGS (sale only) 5.00; gross profit = 18.80 (the sale's settlement) − 5.00 = 13.80;
  // Samples = 2 × 5.00 + 4.58 = 14.58; net profit = 13.80 − 14.58 = −0.78 = settlement 14.22 − 5.00 − 10.00.
  const rows = exportRows(STATEMENT_HEADER_2024, [
    order('577000000000000101', 'TANK', '1', '2026/05/02', {
      'Total settlement amount': '18.80',
      'Net sales': '20.00',
      'Gross sales': '20.00',
      Fees: '-1.20',
      'Referral fee': '-1.20',
    }),
    order('577000000000000102', 'TANK', '2', '2026/05/03', {
      'Total settlement amount': '-4.58',
      'Net sales': '0.00',
      'Gross sales': '40.00',
      'Seller discount': '-40.00',
      Shipping: '-4.58',
      'TikTok Shop shipping fee': '-4.58',
    }),
  ]);

  it('costs its units at COGS plus the seller-paid shipping, as Samples, not as COGS', () => {
    const table = rt.call('TTS_PNL', sheetRange(rt, rows), inSandbox(rt, [['TANK', 5]])) as unknown[][];
    const total = table[table.length - 2];
    const at = (name: string) => total[table[0].indexOf(name)];
    expect([at('Settlement'), at('COGS'), at('Gross profit'), at('Samples'), at('Net profit')]).toEqual([
      14.22, 5, 13.8, 14.58, -0.78,
    ]);
    // Settlement − COGS is 9.22, not the Gross profit shown: the line under the table says why.
    expect(table[table.length - 1][0]).toBe(
      'Samples include $4.58 the sample orders cost in the settlement (their shipping), which Settlement holds too: ' +
        'Gross profit is Settlement − COGS without it, so net profit counts it once.',
    );
    expect(rt.call('TTS_NET_PROFIT', sheetRange(rt, rows), inSandbox(rt, [['TANK', 5]]))).toBe(-0.78);
    const detail = rt.call(
      'TTS_COST_DETAIL',
      sheetRange(rt, rows),
      inSandbox(rt, [['TANK', 5]]),
      '2026-05',
    ) as unknown[][];
    expect(detail.filter((r) => r[0] !== 'Ad spend').slice(1)).toEqual([
      ['COGS', 'TANK', 1, 5, 5, 'cogs row 1'],
      ['Sample shipping', 'TANK', '', '', 4.58, 'the sample orders’ settlement'],
      ['Samples', 'TANK', 2, 5, 10, 'cogs row 1'],
      ['Total', '2026-05', '', '', 19.58, ''],
    ]);
  });

  it('a sample SKU without a unit cost is an error, never $0', () => {
    expect(errorOf(() => rt.call('TTS_PNL', sheetRange(rt, rows), inSandbox(rt, [['OTHER', 5]])))).toBe(
      'No unit cost for 1 sold SKU: TANK. Add each SKU ID (or seller SKU) with its unit cost to the COGS table, effective by the day it sold.',
    );
  });
});

describe('costs worked by hand', () => {
  it('0.125 × 1,000 units typed as text is $125.00 of COGS', () => {
    const rows = exportRows(STATEMENT_HEADER_2024, [
      order('577000000000000201', 'BOLT', '1000', '2026/05/02', {
        'Total settlement amount': '300.00',
        'Net sales': '300.00',
        'Gross sales': '300.00',
      }),
    ]);
    expect(
      rt.call(
        'TTS_NET_PROFIT',
        sheetRange(rt, rows),
        inSandbox(rt, [
          ['SKU', 'Unit cost'],
          ['BOLT', '0.125'],
        ]),
      ),
    ).toBe(175);
  });

  it('a cost change mid-month: 14 May at $6.50, 15 May at $7.00 → 2 × 6.50 + 3 × 7.00 = $34.00', () => {
    const rows = exportRows(STATEMENT_HEADER_2024, [
      order('577000000000000301', 'TANK', '2', '2026/05/14', {
        'Total settlement amount': '40.00',
        'Net sales': '40.00',
        'Gross sales': '40.00',
      }),
      order('577000000000000302', 'TANK', '3', '2026/05/15', {
        'Total settlement amount': '60.00',
        'Net sales': '60.00',
        'Gross sales': '60.00',
      }),
    ]);
    const cogs = inSandbox(rt, [
      ['SKU', 'Unit cost', 'Effective from'],
      ['TANK', 6.5, ''],
      ['TANK', 7, sheetDate('2026-05-15', rt.workbook.timeZone)!],
    ]);
    expect(rt.call('TTS_NET_PROFIT', sheetRange(rt, rows), cogs)).toBe(66);
    const detail = rt.call('TTS_COST_DETAIL', sheetRange(rt, rows), cogs, '2026-05') as unknown[][];
    expect(detail.filter((r) => r[0] === 'COGS')).toEqual([
      ['COGS', 'TANK', 3, 7, 21, 'cogs row 3'],
      ['COGS', 'TANK', 2, 6.5, 13, 'cogs row 2'],
    ]);
  });

  it('a month with no sales still carries its running costs', () => {
    const rows = exportRows(STATEMENT_HEADER_2024, [
      order('577000000000000401', 'TANK', '1', '2026/03/10', {
        'Total settlement amount': '40.00',
        'Net sales': '40.00',
        'Gross sales': '40.00',
      }),
      order('577000000000000402', 'TANK', '1', '2026/05/10', {
        'Total settlement amount': '40.00',
        'Net sales': '40.00',
        'Gross sales': '40.00',
      }),
    ]);
    const table = rt.call(
      'TTS_PNL',
      sheetRange(rt, rows),
      '',
      'month',
      costs([COSTS_HEADER, ['Staff', 1000, 'month', '', '', '', '']]),
    ) as unknown[][];
    expect(
      table.map((r) => [r[0], r[table[0].indexOf('Running costs')], r[table[0].indexOf('Net profit')]]),
    ).toEqual([
      ['Month', 'Running costs', 'Net profit'],
      ['2026-03', 1000, -960],
      ['2026-04', 1000, -1000],
      ['2026-05', 1000, -960],
      ['Total', 3000, -2920],
    ]);
  });

  it('a one-time cost falls in the month it was paid only: $500 on 15 March, none in April or May', () => {
    const rows = exportRows(STATEMENT_HEADER_2024, [
      order('577000000000000411', 'TANK', '1', '2026/03/10', {
        'Total settlement amount': '40.00',
        'Net sales': '40.00',
        'Gross sales': '40.00',
      }),
      order('577000000000000412', 'TANK', '1', '2026/05/10', {
        'Total settlement amount': '40.00',
        'Net sales': '40.00',
        'Gross sales': '40.00',
      }),
    ]);
    const table = rt.call(
      'TTS_PNL',
      sheetRange(rt, rows),
      '',
      'month',
      costs([COSTS_HEADER, ['Photo shoot', 500, 'once', '', '', '2026-03-15', '']]),
    ) as unknown[][];
    expect(
      table.map((r) => [r[0], r[table[0].indexOf('Running costs')], r[table[0].indexOf('Net profit')]]),
    ).toEqual([
      ['Month', 'Running costs', 'Net profit'],
      ['2026-03', 500, -460],
      ['2026-04', 0, 0],
      ['2026-05', 0, 40],
      ['Total', 500, -420],
    ]);
  });

  it('names the cell of a running cost it cannot read', () => {
    const bad = [COSTS_HEADER, ['Staff', 1000, 'fortnight', '', '', '', '']];
    expect(errorOf(() => rt.call('TTS_PNL', sample(), '', 'month', costs(bad)))).toBe(
      'costs row 2, column C (Every): expected month, week, year or once, found `fortnight`.',
    );
    const both = [COSTS_HEADER, ['Agency', 500, 'month', '5%', '', '', '']];
    expect(errorOf(() => rt.call('TTS_NET_PROFIT', sample(), '', '', costs(both)))).toBe(
      'costs row 2: Agency has both an amount and a percent; keep one (a fixed cost and a percentage go on two rows).',
    );
  });

  it('TTS_COST_DETAIL refuses a month it cannot read', () => {
    expect(errorOf(() => rt.call('TTS_COST_DETAIL', sample(), sampleCogs(), 'May'))).toBe(
      'month must be a month such as "2026-05", "May 2026" or a date in it, found "May".',
    );
  });
});
