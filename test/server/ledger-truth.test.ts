/**
 * Money counted once across the files a seller imports, through the sidebar's reader and the
 * import handlers of the built bundle: the ledger before and after (rows, sum of Total settlement
 * amount as written) and what a seller checks by hand (TTS_SETTLEMENT on the tab, the dashboard).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, sellerEdits } from '../../emulator/index';
import { outcomeText } from '../../src/sidebar/import/file-preview';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { readyFiles } from '../../src/core/ledger/ready-to-import';
import type { ParsedExport } from '../../src/core/types';
import { privateBundleCopy } from '../helpers/built-bundle';
import { writeXlsx } from '../helpers/xlsx-writer';
import { LEDGER, ensureBuilt, harness, type Harness } from './import-harness';

let bundle = '';
beforeAll(() => {
  ensureBuilt();
  bundle = privateBundleCopy();
});

const STATEMENT = readFileSync('samples/statement-2026-05.csv', 'utf8');
const STATEMENT_CENTS = 461385;

/** As the sidebar reads a file: parse, then ready for the ledger. */
function read(text: string | Uint8Array, name: string): ParsedExport[] {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const parsed = parseExportFile(bytes, name);
  expect(parsed.errors).toEqual([]);
  const ready = readyFiles(parsed.files);
  expect(ready.errors).toEqual([]);
  return ready.files;
}

const toCents = (v: unknown) => Math.round(Number(v === '' || v === undefined ? 0 : v) * 100);

/** Rows with a Key, and the sum of a money column as the tab holds it. */
function ledger(h: Harness, label = 'Total settlement amount'): { rows: number; cents: number } {
  const values = h.values(LEDGER);
  if (values.length === 0) return { rows: 0, cents: 0 };
  const [key, money] = [values[0].indexOf('Key'), values[0].indexOf(label)];
  const rows = values.slice(1).filter((r) => String(r[key] ?? '') !== '');
  return { rows: rows.length, cents: rows.reduce((n, r) => n + (money < 0 ? 0 : toCents(r[money])), 0) };
}

/** A function typed on the whole TTS Ledger tab, in cents. */
function fn(h: Harness, name: string): number {
  const rt = loadBundleInVm({ file: bundle, workbook: h.workbook });
  return toCents(rt.call(name, h.values(LEDGER)));
}

/** The dashboard's profit table: month → Settlement cents. */
function dashboardSettlement(h: Harness): Map<string, number> {
  h.run('refreshDashboard', null);
  const d = h.values('TTS Dashboard');
  const out = new Map<string, number>();
  for (let r = 0; r < d.length; r++) {
    const c = d[r].findIndex((v, i) => v === 'Month' && d[r][i + 1] === 'Settlement');
    if (c < 0) continue;
    for (let k = r + 1; k < d.length && /^\d{4}-\d{2}$/.test(String(d[k][c])); k++)
      out.set(String(d[k][c]), toCents(d[k][c + 1]));
    break;
  }
  return out;
}

const supersededBy = (h: Harness) => {
  const values = h.values(LEDGER);
  const c = values[0].indexOf('Superseded by');
  return c < 0
    ? []
    : values
        .slice(1)
        .map((r) => r[c])
        .filter((v) => v !== '');
};

/** The legacy Income export as Seller Center wrote it for US shops: order level, no SKU ID column. */
const INCOME_HEADER =
  'Order/adjustment ID,Type,Order created time(UTC),Order settled time(UTC),Currency,Total settlement amount,' +
  'Total revenue,Subtotal after seller discounts,Subtotal before discounts,Seller discounts,' +
  'Refund subtotal after seller discounts,Refund subtotal before seller discounts,Refund of seller discounts,' +
  'Total fees,Transaction fee,Referral fee,Seller shipping fee,Affiliate commission,Ajustment amount,' +
  'Related order ID,Customer payment';
/** Order 577389150020122257 of the sample statement (three SKU rows: 8.18 + 29.58 + 23.49 = 61.25). */
const INCOME_ROW =
  '577389150020122257,Order,2026/04/20,2026/05/05,USD,61.25,73.96,73.96,73.96,0,0,0,0,-12.71,0,-4.71,0,-8.00,0,/,84.80';
const INCOME = `${INCOME_HEADER}\n${INCOME_ROW}\n`;

describe('an order-level Income row and the Statement lines of its order count once', () => {
  it.each([
    ['Income, then the Statement', [['income_20260505.csv'], ['statement-2026-05.csv']], 1],
    ['the Statement, then Income', [['statement-2026-05.csv'], ['income_20260505.csv']], 0],
    ['both in one import', [['income_20260505.csv', 'statement-2026-05.csv']], 1],
  ] as const)('%s', async (_name, runs, settled) => {
    const text = (name: string) => (name.startsWith('income') ? INCOME : STATEMENT);
    const h = harness();
    let superseded = 0;
    for (const names of runs) {
      const outcomes = await h.importFiles(names.flatMap((n) => read(text(n), n)));
      for (const o of outcomes) expect(o.status, o.message).toBe('complete');
      superseded += outcomes.reduce((n, o) => n + o.settledEstimates, 0);
    }
    // Every row kept (196, $4,675.10 as written), the Income row marked, $4,613.85 counted.
    expect(ledger(h)).toEqual({ rows: 196, cents: STATEMENT_CENTS + 6125 });
    expect(superseded).toBe(settled);
    expect(supersededBy(h)).toEqual(['US Statement export']);
    expect(fn(h, 'TTS_SETTLEMENT')).toBe(STATEMENT_CENTS);
    // April as the Statement alone gives it.
    const control = harness();
    await control.importFiles(read(STATEMENT, 'statement-2026-05.csv'));
    expect(dashboardSettlement(h)).toEqual(dashboardSettlement(control));
    expect(dashboardSettlement(h).get('2026-04')).toBe(325439);
  });

  it('an On-hold estimate by SKU stops counting once the Income export settles its order', async () => {
    const onHold =
      'Disclaimer\nDownload time,2024-04-15 10:00:00\nTotal Transactions,1\n\n' +
      'Type,Order/adjustment ID,Related order ID,creation date,Total estimated settlement amount,Estimated Settle time,' +
      'unsettled reasons,SKU ID,Quantity,Product name,SKU name,Net sales,Gross sales,Fees,Referral fee,' +
      'TikTok Shop shipping fee,Customer-paid shipping fee,Customer payment,Sales tax payment,Platform discounts,Adjustment amount\n' +
      'Order,576786105183930101,576786105183930101,2024/04/12,13.76,Delivered + 1 days,Waiting for package delivery,' +
      '1732440158393635811,1,Tee,M,15,15,-1.24,-1.24,-4.58,4.58,21.16,-1.58,0,0\n';
    const income =
      `${INCOME_HEADER}\n576786105183930101,Order,2024/04/12,2024/04/23,USD,13.76,15.00,15.00,15.00,0,0,0,0,` +
      '-1.24,0,-1.24,0,0,0,/,21.16\n';
    const h = harness();
    await h.importFiles(read(onHold, 'Onhold-unsettled-orders-2024_04_01-2024_04_15(UTC-7).csv'));
    expect(fn(h, 'TTS_SETTLEMENT')).toBe(1376);
    const [outcome] = await h.importFiles(read(income, 'income_20240425.csv'));
    expect(outcome).toMatchObject({ status: 'complete', written: 1, settledEstimates: 1 });
    expect(ledger(h)).toEqual({ rows: 2, cents: 1376 });
    expect(ledger(h, 'Total estimated settlement amount')).toEqual({ rows: 2, cents: 1376 });
    expect(supersededBy(h)).toEqual(['Legacy Income export']);
    expect(fn(h, 'TTS_SETTLEMENT')).toBe(1376);
    expect(fn(h, 'TTS_SALES')).toBe(1500);
  });
});

/** The profit-and-loss report of order 577389150020122257 (61.25) and a -28.99 Chargeback, as XLSX. */
function pnlReport(): Uint8Array {
  const header = (name: string) => readFileSync(`test/fixtures/headers/${name}`, 'utf8').trim().split(',');
  const orders = header('us_merchant_pnl_orders_header.csv');
  const base = {
    'Order ID': '577389150020122257',
    'Order paid date': 20260420,
    'Order settled date': 20260505,
    'linked statement id': '7496021845520155393',
    'linked payout id': '7496100284410157825',
    'Order status': 'Completed',
    'Sample order type': '',
  };
  const line = (cells: Record<string, unknown>) => orders.map((h) => ({ ...base, ...cells })[h] ?? 0);
  const banner = (n: number, title: string) =>
    Array.from({ length: n }, (_, i) => (i === 0 ? [title] : null));
  return writeXlsx([
    {
      name: 'Orders',
      rows: [
        ...banner(5, 'Profit and loss'),
        orders,
        line({
          'SKU ID': '1732440158395550021',
          'Order Income': 8.18,
          'Sold Quantity': 1,
          'Gross sales': 8.99,
          'Referral fee': -0.81,
        }),
        line({
          'SKU ID': '1732440158393635811',
          'Order Income': 29.58,
          'Sold Quantity': 2,
          'Gross sales': 39.98,
          'Referral fee': -2.4,
          'Affiliate Commission': -8,
        }),
        line({
          'SKU ID': '1732440158394101177',
          'Order Income': 23.49,
          'Sold Quantity': 1,
          'Gross sales': 24.99,
          'Referral fee': -1.5,
        }),
      ],
    },
    {
      name: 'Adjustment',
      rows: [
        ...banner(3, 'Adjustments'),
        header('us_merchant_pnl_adjustment_header.csv'),
        [
          '7496009614703155704',
          'Chargeback',
          'Chargeback: item not received',
          -28.99,
          20260503,
          20260505,
          '7496021845520155393',
          '7496100284410157825',
        ],
      ],
    },
  ]);
}
const PNL_NAME = 'merchant_statement_profit_loss_20260501_20260531.xlsx';

describe("the profit-and-loss report's Adjustment sheet settles its adjustment amounts", () => {
  it('counts the Chargeback in the preview, the TTS Imports log, the ledger and the functions (61.25 − 28.99)', async () => {
    const files = read(pnlReport(), PNL_NAME);
    expect(files.map((f) => [f.layout, f.rows.length, f.totals.settlement])).toEqual([
      ['pnl-orders', 3, 6125],
      ['pnl-adjustments', 1, -2899],
    ]);
    const h = harness();
    expect(ledger(h)).toEqual({ rows: 0, cents: 0 });
    await h.importFiles(files);
    expect(ledger(h, 'Order Income')).toEqual({ rows: 4, cents: 6125 });
    expect(ledger(h)).toEqual({ rows: 4, cents: -2899 });
    expect(ledger(h, 'Adjustment amount')).toEqual({ rows: 4, cents: -2899 });
    const log = h.values('TTS Imports');
    const settlement = log[0].indexOf('Settlement');
    expect(log.slice(1).map((r) => toCents(r[settlement]))).toEqual([6125, -2899]);
    expect(fn(h, 'TTS_SETTLEMENT')).toBe(3226);
    expect(fn(h, 'TTS_NET_PROFIT')).toBe(3226);
    // The same report again adds nothing.
    const again = await h.importFiles(read(pnlReport(), PNL_NAME));
    expect(again.map((o) => [o.written, o.duplicates])).toEqual([
      [0, 3],
      [0, 1],
    ]);
    expect(fn(h, 'TTS_SETTLEMENT')).toBe(3226);
  });

  it.each([
    ['the report, then the Statement', [PNL_NAME, 'statement-2026-05.csv'], 4],
    ['the Statement, then the report', ['statement-2026-05.csv', PNL_NAME], 0],
  ])(
    '%s: the Statement holds the same rows and counts them once (4,613.85)',
    async (_name, names, settled) => {
      const h = harness();
      let superseded = 0;
      for (const name of names) {
        const outcomes = await h.importFiles(
          name === PNL_NAME ? read(pnlReport(), name) : read(STATEMENT, name),
        );
        superseded += outcomes.reduce((n, o) => n + o.settledEstimates, 0);
      }
      expect(superseded).toBe(settled);
      expect(ledger(h)).toEqual({ rows: 199, cents: STATEMENT_CENTS - 2899 });
      expect(supersededBy(h)).toEqual(Array(4).fill('US Statement export'));
      expect(fn(h, 'TTS_SETTLEMENT')).toBe(STATEMENT_CENTS);
    },
  );
});

/** The On-hold export as downloaded (banner rows, then the header), with these rows. */
const onHold = (downloaded: string, rows: string[]) =>
  `Disclaimer\nDownload time,${downloaded}\nTotal Transactions,${rows.length}\n\n` +
  'Type,Order/adjustment ID,Related order ID,creation date,Total estimated settlement amount,Estimated Settle time,' +
  'unsettled reasons,SKU ID,Quantity,Product name,SKU name,Net sales,Gross sales,Fees,Referral fee,' +
  'TikTok Shop shipping fee,Customer-paid shipping fee,Customer payment,Sales tax payment,Platform discounts,Adjustment amount\n' +
  rows.join('\n') +
  '\n';
const estimate = (
  order: string,
  settlement: string,
  sales: string,
  fee: string,
  payment: string,
  tax: string,
) =>
  `Order,${order},${order},2026/06/02,${settlement},Delivered + 1 days,Waiting for package delivery,` +
  `1732440158393635811,1,Tee,M,${sales},${sales},${fee},${fee},-4.58,4.58,${payment},${tax},0,0`;
const JUNE_3 = onHold('2026-06-03 10:00:00', [
  estimate('577431091617435979', '13.76', '15', '-1.24', '21.16', '-1.58'),
]);
/** A week later: that order's estimate halved by a partial refund, and a new order. */
const JUNE_10 = onHold('2026-06-10 10:00:00', [
  estimate('577431091617435979', '6.88', '7.50', '-0.62', '10.58', '-0.79'),
  estimate('577431091617499999', '13.76', '15', '-1.24', '21.16', '-1.58'),
]);

describe('a later On-hold download with a changed estimate replaces the earlier estimate', () => {
  it('writes the new estimate, marks the old one, and counts the latest: 6.88 + 13.76', async () => {
    const h = harness();
    await h.importFiles(read(JUNE_3, 'Onhold-unsettled-orders-2026_06_01-2026_06_03(UTC-7).csv'));
    expect(ledger(h, 'Total estimated settlement amount')).toEqual({ rows: 1, cents: 1376 });
    const [outcome] = await h.importFiles(
      read(JUNE_10, 'Onhold-unsettled-orders-2026_06_01-2026_06_10(UTC-7).csv'),
    );
    expect(outcome).toMatchObject({ status: 'complete', written: 2, duplicates: 0, settledEstimates: 1 });
    expect(outcomeText(outcome)).toBe(
      'Imported: 2 new rows, 0 duplicates skipped, 0 rejected; 1 earlier estimate replaced.',
    );
    // Every estimate kept as downloaded; the earlier one marked.
    expect(ledger(h, 'Total estimated settlement amount')).toEqual({ rows: 3, cents: 1376 + 688 + 1376 });
    expect(supersededBy(h)).toEqual(['US On hold / unsettled export']);
    const log = h.values('TTS Imports');
    expect(log.map((r) => r[log[0].indexOf('Message')])).toEqual([
      'Message',
      '',
      '1 row superseded by a settled row or a later download of the same order line is not counted. See Superseded by in TTS Ledger.',
    ]);
    expect(fn(h, 'TTS_SETTLEMENT')).toBe(688 + 1376);
    expect(fn(h, 'TTS_SALES')).toBe(750 + 1500);
    h.run('refreshDashboard', null);
    const june = h.values('TTS Dashboard').find((r) => r[0] === '2026-06')!;
    expect(toCents(june[1])).toBe(750 + 1500);
    // Both downloads again, the earlier last: nothing written, the latest estimate still counts.
    const again = await h.importFiles([
      ...read(JUNE_10, 'Onhold-unsettled-orders-2026_06_01-2026_06_10(UTC-7).csv'),
      ...read(JUNE_3, 'Onhold-unsettled-orders-2026_06_01-2026_06_03(UTC-7).csv'),
    ]);
    expect(again.map((o) => [o.written, o.duplicates])).toEqual([
      [0, 2],
      [0, 1],
    ]);
    expect(fn(h, 'TTS_SETTLEMENT')).toBe(688 + 1376);
  });
});

/** The On-hold download of 14 June (the estimates of JUNE_10), and the older one of 12 June (JUNE_3's). */
const JUNE_14 = JUNE_10.replace('2026-06-10 10:00:00', '6/14/2026 9:00:00 AM');
const JUNE_12 = (banner: string) => JUNE_3.replace('2026-06-03 10:00:00', banner);
const NAME_14 = 'Onhold-unsettled-orders-2026_06_01-2026_06_14(UTC-7).csv';
const NAME_12 = 'Onhold-unsettled-orders-2026_06_01-2026_06_12(UTC-7).csv';
/** By hand: the 14 June estimates, 6.88 and 13.76; the older 13.76 of the first order does not count. */
const NEWEST = 688 + 1376;

/** A function's answer on the ledger, or its error. */
function answer(h: Harness, name: string): unknown {
  try {
    return loadBundleInVm({ file: bundle, workbook: h.workbook }).call(name, h.values(LEDGER));
  } catch (error) {
    return (error as Error).message;
  }
}

describe("the On-hold banner's Download time, re-saved by a spreadsheet", () => {
  it('12/06/2026 in a file to 12 June is 12 June: the 14 June estimates still count', async () => {
    const h = harness();
    await h.importFiles(read(JUNE_14, NAME_14));
    const [outcome] = await h.importFiles(read(JUNE_12('12/06/2026 16:55'), NAME_12));
    expect(outcomeText(outcome)).toBe('Imported: 1 new row, 0 duplicates skipped, 0 rejected.');
    const rows = h.values(LEDGER);
    expect(rows.slice(1).map((r) => r[rows[0].indexOf('Download time')])).toEqual([
      '2026-06-14 09:00:00',
      '2026-06-14 09:00:00',
      '2026-06-12 16:55:00',
    ]);
    expect(fn(h, 'TTS_SETTLEMENT')).toBe(NEWEST);
  });

  it.each([
    [
      '7/6/2026 10:00',
      'Onhold-unsettled-orders-2026_06_01-2026_06_06(UTC-7).csv',
      '(2026-07-06 10:00:00 or 2026-06-07 10:00:00?), and both within a month after 2026-06-06, the end of the period its name gives.',
    ],
    [
      '12/06/2026 16:55',
      'Onhold-unsettled-orders-2026_04_01-2026_04_30(UTC-7).csv',
      '(2026-12-06 16:55:00 or 2026-06-12 16:55:00?), and neither within a month after 2026-04-30, the end of the period its name gives.',
    ],
    ['12/06/2026 16:55', 'onhold.csv', '(2026-12-06 16:55:00 or 2026-06-12 16:55:00?).'],
  ])('%s in %s is refused, naming both readings, rather than guessed', (banner, name, readings) => {
    const parsed = parseExportFile(new TextEncoder().encode(JUNE_12(banner)), name);
    expect(parsed.files).toEqual([]);
    expect(parsed.errors.map((e) => e.message)).toEqual([
      `${name}: the Download time on row 2, \`${banner}\`, reads either way ${readings} ` +
        'Download the file again, or write the time year first (2026-06-12 16:55). Nothing was imported.',
    ]);
  });
});

describe('a TTS Ledger tab whose Download time column was deleted', () => {
  it('the functions, the dashboard and the import refuse, rather than count the older estimates', async () => {
    const h = harness();
    await h.importFiles(read(JUNE_14, NAME_14));
    await h.importFiles(read(JUNE_12('2026-06-12 16:55:33'), NAME_12));
    expect(fn(h, 'TTS_SETTLEMENT')).toBe(NEWEST);
    sellerEdits.deleteColumns(
      h.workbook.requireSheet(LEDGER),
      h.values(LEDGER)[0].indexOf('Download time') + 1,
    );
    const lost = (outcome: string) =>
      `The TTS Ledger tab has no *Download time* column in its header row (deleted or renamed). ${outcome} ` +
      'Rename the header back to Download time, or bring the column back with Edit → Undo or File → Version history; ' +
      'to start a new TTS Ledger instead, rename this tab.';
    for (const name of ['TTS_SETTLEMENT', 'TTS_NET_PROFIT'])
      expect(answer(h, name), name).toBe(lost('It tells which of two On-hold downloads counts.'));
    expect(() => h.run('refreshDashboard', null)).toThrow(
      lost('It tells which of two On-hold downloads counts.'),
    );
    const [outcome] = await h.importFiles(read(STATEMENT, 'statement-2026-05.csv'));
    expect(outcome.message).toBe(lost('Nothing was written.'));
  });

  it('a ledger of On-hold files without a banner never had the column, and still counts', async () => {
    const h = harness();
    const bare = (text: string) => text.replace(/^Disclaimer\nDownload time,[^\n]*\n/, 'Disclaimer\n');
    await h.importFiles(read(bare(JUNE_3), 'Onhold-unsettled-orders-2026_06_01-2026_06_03(UTC-7).csv'));
    await h.importFiles(read(bare(JUNE_10), 'Onhold-unsettled-orders-2026_06_01-2026_06_10(UTC-7).csv'));
    expect(h.values(LEDGER)[0]).not.toContain('Download time');
    expect(fn(h, 'TTS_SETTLEMENT')).toBe(NEWEST);
  });
});

describe('a ledger whose amount header was renamed or deleted refuses the import, writing nothing', () => {
  const HISTORY = readFileSync('samples/statement-history.csv', 'utf8');
  const HISTORY_CENTS = 6471235;
  it.each([
    ['renamed to Payout', (h: Harness, c: number) => h.workbook.seed(LEDGER, [['Payout']], 1, c)],
    ['deleted', (h: Harness, c: number) => sellerEdits.deleteColumns(h.workbook.requireSheet(LEDGER), c)],
  ])('Total settlement amount %s', async (_name, edit) => {
    const h = harness();
    await h.importFiles(read(STATEMENT, 'statement-2026-05.csv'));
    expect(ledger(h)).toEqual({ rows: 195, cents: STATEMENT_CENTS });
    edit(h, h.values(LEDGER)[0].indexOf('Total settlement amount') + 1);
    const before = JSON.stringify(h.workbook.sheets.map((s) => [s.name, h.values(s.name)]));
    const [outcome] = await h.importFiles(read(HISTORY, 'statement-history.csv'));
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toBe(
      'The TTS Ledger tab has no *Total settlement amount* column in its header row (deleted or renamed). Nothing was written. ' +
        'Rename the header back to Total settlement amount, or bring the column back with Edit → Undo or File → Version history; ' +
        'to start a new TTS Ledger instead, rename this tab.',
    );
    expect(JSON.stringify(h.workbook.sheets.map((s) => [s.name, h.values(s.name)]))).toBe(before);
  });

  it('imports again once the header is typed back: every row of the history once', async () => {
    const h = harness();
    await h.importFiles(read(STATEMENT, 'statement-2026-05.csv'));
    const c = h.values(LEDGER)[0].indexOf('Referral fee') + 1;
    h.workbook.seed(LEDGER, [['TikTok cut']], 1, c);
    const [refused] = await h.importFiles(read(HISTORY, 'statement-history.csv'));
    expect(refused.message).toMatch(/^The TTS Ledger tab has no \*Referral fee\* column in its header row/);
    h.workbook.seed(LEDGER, [['referral FEE']], 1, c);
    const [outcome] = await h.importFiles(read(HISTORY, 'statement-history.csv'));
    expect(outcome).toMatchObject({ status: 'complete', written: 1354, duplicates: 195 });
    expect(ledger(h)).toEqual({ rows: 1549, cents: HISTORY_CENTS });
    expect(fn(h, 'TTS_SETTLEMENT')).toBe(HISTORY_CENTS);
    expect(h.values(LEDGER)[0].filter((label) => /referral fee/i.test(String(label)))).toEqual([
      'referral FEE',
    ]);
  });
});

describe('a copy of an amount column, header and all, is refused: never read or written in place of the real one', () => {
  const HISTORY = readFileSync('samples/statement-history.csv', 'utf8');
  const refusal = (outcome: string) =>
    'The TTS Ledger tab has two columns headed *Total settlement amount* (A and S): the add-on would read and ' +
    `write the first only. Rename or delete the copy. ${outcome}`;

  it('the bookkeeper’s working copy in column A, a figure typed over in it: functions, dashboard and import refuse', async () => {
    const h = harness();
    await h.importFiles(read(STATEMENT, 'statement-2026-05.csv'));
    const sheet = h.workbook.requireSheet(LEDGER);
    const at = h.values(LEDGER)[0].indexOf('Total settlement amount');
    const copy = h.values(LEDGER).map((r, i) => [i === 2 ? 20 : r[at]]);
    sellerEdits.insertColumnsBefore(sheet, 1);
    h.workbook.seed(LEDGER, copy);
    // Read from the copy, the settlement was $4,613.85 less the 20 typed over row 3's figure.
    const rt = loadBundleInVm({ file: bundle, workbook: h.workbook });
    expect(() => rt.call('TTS_SETTLEMENT', h.values(LEDGER))).toThrow(refusal('Nothing was counted.'));
    expect(() => h.run('refreshDashboard', null)).toThrow(refusal('Nothing was counted.'));
    const before = JSON.stringify(h.values(LEDGER));
    const [outcome] = await h.importFiles(read(HISTORY, 'statement-history.csv'));
    expect(outcome).toMatchObject({ status: 'failed', message: refusal('Nothing was written.') });
    expect(JSON.stringify(h.values(LEDGER))).toBe(before);
    // Renamed, the copy is the seller's column: the real one counts, and the import goes on.
    h.workbook.seed(LEDGER, [['My settlement']]);
    expect(toCents(rt.call('TTS_SETTLEMENT', h.values(LEDGER)))).toBe(STATEMENT_CENTS);
    const [again] = await h.importFiles(read(HISTORY, 'statement-history.csv'));
    expect(again).toMatchObject({ status: 'complete', written: 1354, duplicates: 195 });
    expect(ledger(h)).toEqual({ rows: 1549, cents: 6471235 });
  });
});

describe('a column of the seller’s own headed like an amount the ledger does not hold yet', () => {
  it('is refused, not read as TikTok’s nor written into by the next import; renamed, it is the seller’s', async () => {
    const h = harness();
    await h.importFiles(read(STATEMENT, 'statement-2026-05.csv'));
    const sheet = h.workbook.requireSheet(LEDGER);
    // A planning note: −5.00 of a Transaction fee the shop expects, beside the Key.
    sellerEdits.insertColumnsBefore(sheet, 2);
    h.workbook.seed(LEDGER, [['Transaction fee'], [-5]], 1, 2);
    const refusal = (outcome: string) =>
      "The TTS Ledger tab's column B is headed *Transaction fee*, an amount TTS Profit did not write there: it " +
      `would be read as TikTok's, and the next import would write into it. Rename your column. ${outcome}`;
    const rt = loadBundleInVm({ file: bundle, workbook: h.workbook });
    expect(() => rt.call('TTS_SETTLEMENT', h.values(LEDGER))).toThrow(refusal('Nothing was counted.'));
    expect(() => h.run('refreshDashboard', null)).toThrow(refusal('Nothing was counted.'));
    const before = JSON.stringify(h.values(LEDGER));
    const [outcome] = await h.importFiles(read(STATEMENT, 'statement-2026-05.csv'));
    expect(outcome).toMatchObject({ status: 'failed', message: refusal('Nothing was written.') });
    expect(JSON.stringify(h.values(LEDGER))).toBe(before);
    h.workbook.seed(LEDGER, [['Expected transaction fee']], 1, 2);
    expect(toCents(rt.call('TTS_SETTLEMENT', h.values(LEDGER)))).toBe(STATEMENT_CENTS);
    expect(rt.call('TTS_FEE', h.values(LEDGER), 'Transaction fee')).toBe(0);
  });
});

describe('a statement split between two lines that share a key keeps both', () => {
  // Row 2 of the sample (8.18) and its twin: the same statement, order, SKU and type, a $1.00 seller discount.
  const lines = STATEMENT.split(/\r?\n/).filter(Boolean);
  const header = lines[0].split(',');
  const twin = lines[1].split(',');
  const set = (label: string, value: string) => (twin[header.indexOf(label)] = value);
  set('Seller discount', '-1.00');
  set('Net sales', '7.99');
  set('Total settlement amount', '7.18');
  const body = [lines[1], twin.join(','), ...lines.slice(2)];
  const whole = [lines[0], ...body].join('\n') + '\n';
  const part1 = [lines[0], body[0]].join('\n') + '\n';
  const part2 = [lines[0], ...body.slice(1)].join('\n') + '\n';
  const WHOLE_CENTS = STATEMENT_CENTS + 718;

  it.each([
    ['in order', ['statement-part1.csv', 'statement-part2.csv']],
    ['later part first', ['statement-part2.csv', 'statement-part1.csv']],
  ])('%s: 196 rows, 4,621.03, and the whole file again adds nothing', async (_name, names) => {
    const h = harness();
    const text = (name: string) => (name.endsWith('1.csv') ? part1 : part2);
    const outcomes = [];
    for (const name of names) outcomes.push(...(await h.importFiles(read(text(name), name))));
    expect(outcomes.reduce((n, o) => n + o.written, 0)).toBe(196);
    expect(outcomes.reduce((n, o) => n + o.duplicates, 0)).toBe(0);
    expect(ledger(h)).toEqual({ rows: 196, cents: WHOLE_CENTS });
    expect(fn(h, 'TTS_SETTLEMENT')).toBe(WHOLE_CENTS);
    const again = await h.importFiles([
      ...read(whole, 'statement-whole.csv'),
      ...read(part2, 'statement-part2.csv'),
    ]);
    expect(again.map((o) => o.written)).toEqual([0, 0]);
    expect(ledger(h)).toEqual({ rows: 196, cents: WHOLE_CENTS });
  });

  it('the whole file, sent one row a chunk, is the same ledger', async () => {
    const h = harness();
    await h.importFiles(read(whole, 'statement-whole.csv'), { maxRows: 1 });
    expect(ledger(h)).toEqual({ rows: 196, cents: WHOLE_CENTS });
  });
});
