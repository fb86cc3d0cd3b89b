/**
 * An order line settled in two payouts (a sale, then a partial refund in a later statement) is two
 * sums of money, whichever exports hold them: a higher-ranked export's row replaces only the row of
 * its own payout, while estimates (On-hold, order export) still give way to the settled row of their
 * sale, whatever its payout, but not to a refund settled without it. Through
 * the sidebar's reader, the import handlers of dist/Code.js, the functions and the dashboard; every
 * figure is worked by hand in the comments.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm } from '../../emulator/index';
import { readyFiles } from '../../src/core/ledger/ready-to-import';
import { parseCsv, toCsv } from '../../src/core/read/files/csv';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import type { ParsedExport } from '../../src/core/types';
import { incomeCsv, incomeRows, incomeSettlement } from '../corpus/income-export';
import { onHoldCsv, pnlOrdersCsv, type OrderLine } from '../corpus/same-orders';
import { privateBundleCopy } from '../helpers/built-bundle';
import { ensureBuilt, harness, LEDGER, type Harness } from '../server/import-harness';

let bundle = '';
beforeAll(() => {
  ensureBuilt();
  bundle = privateBundleCopy();
});

const STATEMENT_HEADER = parseCsv(readFileSync('samples/statement-2026-05.csv', 'utf8'))[0];
const SKU = '1732440158397002310';

/** One Statement order row that reconciles: gross sales, a refund, a referral fee (dollars). */
function statementRow(o: {
  date: string;
  statementId: string;
  orderId: string;
  gross: number;
  refund?: number;
  referral: number;
  created?: string;
}): string[] {
  const net = o.gross + (o.refund ?? 0);
  const values: Record<string, string> = {
    'Statement date (UTC)': o.date,
    'Statement ID': o.statementId,
    'Payment ID': '7496100284410157825',
    Status: 'Paid',
    Currency: 'USD',
    Type: 'Order',
    'Order/adjustment ID': o.orderId,
    'SKU ID': SKU,
    Quantity: '1',
    'Order created date': o.created ?? '2026/03/02',
    'Total settlement amount': (net + o.referral).toFixed(2),
    'Net sales': net.toFixed(2),
    'Gross sales': o.gross.toFixed(2),
    'Gross sales refund': (o.refund ?? 0).toFixed(2),
    Fees: o.referral.toFixed(2),
    'Referral fee': o.referral.toFixed(2),
  };
  return STATEMENT_HEADER.map((h) => values[h] ?? (h.endsWith('ID') || /date/i.test(h) ? '/' : '0.00'));
}

const statementCsv = (rows: string[][]) => toCsv([STATEMENT_HEADER, ...rows]) + '\r\n';

/** As the sidebar reads a file: parse, then ready for the ledger. */
function read(text: string, name: string): ParsedExport[] {
  const parsed = parseExportFile(new TextEncoder().encode(text), name);
  expect(parsed.errors).toEqual([]);
  const ready = readyFiles(parsed.files);
  expect(ready.errors).toEqual([]);
  return ready.files;
}

/** Imports each file in turn; returns how many earlier rows each import superseded. */
async function importEach(h: Harness, files: [string, string][]): Promise<number[]> {
  const settled: number[] = [];
  for (const [text, name] of files) {
    const [outcome] = await h.importFiles(read(text, name));
    expect(outcome.status, outcome.message).toBe('complete');
    settled.push(outcome.settledEstimates);
  }
  return settled;
}

/** A function typed on the whole TTS Ledger tab. */
const fn = (h: Harness, name: string, ...args: unknown[]) =>
  loadBundleInVm({ file: bundle, workbook: h.workbook }).call(name, h.values(LEDGER), ...args);

/** The dashboard's row of `month`: [Sales, Net profit] as its table shows them (no costs typed). */
function dashboardMonth(h: Harness, month: string): unknown[] {
  h.run('refreshDashboard', null);
  const d = h.values('TTS Dashboard');
  const header = d.find((r) => r[0] === 'Month')!;
  const row = d.find((r) => r[0] === month)!;
  return [row[header.indexOf('Sales')], row[header.indexOf('Net profit')]];
}

const marks = (h: Harness) => {
  const v = h.values(LEDGER);
  const c = v[0].indexOf('Superseded by');
  return c < 0 ? [] : v.slice(1).map((r) => r[c]);
};

describe('a later payout of an order line counts beside the earlier one', () => {
  it('a sale in the legacy Income export and its $10 partial refund in a later Statement: 44.70 − 9.70', async () => {
    const h = harness();
    const income = incomeRows(3, 577389150010000100n);
    // Income: 15.00, 16.37 and 17.74 of sales, settled 2026-06-10…12, less 9 % of fees: 13.65 + 14.90 + 16.15 = 44.70.
    expect(incomeSettlement(income)).toBe(4470);
    const refund = statementRow({
      date: '2026/07/08',
      statementId: '7496021845520150077',
      orderId: '577389150010000101',
      gross: 0,
      refund: -10,
      referral: 0.3,
      created: '2026/06/02',
    });
    const settled = await importEach(h, [
      [incomeCsv(income), 'income_202606.csv'],
      [statementCsv([refund]), 'statement-2026-07-08.csv'],
    ]);
    // The refund settled in another payout replaces nothing, and says so.
    expect(settled).toEqual([0, 0]);
    expect(marks(h)).toEqual([]);
    expect(fn(h, 'TTS_SETTLEMENT')).toBe(35);
    // Sales of June (orders created in June): 15.00 + 16.37 + 17.74 − 10.00 = 39.11.
    expect(fn(h, 'TTS_SALES', '2026-06')).toBe(39.11);
    expect(dashboardMonth(h, '2026-06')).toEqual([39.11, 35]);
  });

  it('sales in the P&L report (statement S1), a refund of one in Statement S2: 84.60 − 9.40', async () => {
    const h = harness();
    const lines: OrderLine[] = [0, 1, 2].map((i) => ({
      orderId: `57738915001000020${i}`,
      skuId: SKU,
      statementId: '7496021845520150011',
      grossCents: 3000,
    }));
    const refund = statementRow({
      date: '2026/05/08',
      statementId: '7496021845520150022',
      orderId: '577389150010000201',
      gross: 0,
      refund: -10,
      referral: 0.6,
    });
    const settled = await importEach(h, [
      [pnlOrdersCsv(lines), 'merchant_statement_profit_loss_202603.csv'],
      [statementCsv([refund]), 'statement-2026-05-08.csv'],
    ]);
    expect(settled).toEqual([0, 0]);
    // 3 × (30.00 − 1.80 referral) = 84.60; the refund −10.00 + 0.60 = −9.40.
    expect(fn(h, 'TTS_SETTLEMENT')).toBe(75.2);
    // March sales: 90.00 − 10.00.
    expect(fn(h, 'TTS_SALES', '2026-03')).toBe(80);
  });

  it('the P&L report holds a sale (S1) and its refund (S2); Statement S1 replaces only the sale: 0.00', async () => {
    const h = harness();
    const sale: OrderLine = {
      orderId: '577389150010000301',
      skuId: SKU,
      statementId: '7496021845520150031',
      grossCents: 3000,
    };
    // The report's second row is the refund, settled 2026-04-20 in S2: −30.00 of sales, 1.80 of referral back.
    const rows = parseCsv(pnlOrdersCsv([sale, { ...sale, statementId: '7496021845520150032' }]));
    const col = (name: string) => rows[0].indexOf(name);
    Object.assign(rows[2], {
      [col('Gross sales')]: '0.00',
      [col('Gross sales refund')]: '-30.00',
      [col('Referral fee')]: '1.80',
      [col('Order Income')]: '-28.20',
      [col('Order settled date')]: '2026/04/20',
    });
    const s1 = statementRow({
      date: '2026/03/20',
      statementId: sale.statementId,
      orderId: sale.orderId,
      gross: 30,
      referral: -1.8,
    });
    const settled = await importEach(h, [
      [toCsv(rows) + '\r\n', 'merchant_statement_profit_loss_2026Q1.csv'],
      [statementCsv([s1]), 'statement-2026-03-20.csv'],
    ]);
    // Only the report's S1 row is the Statement's own: superseded and marked.
    expect(settled).toEqual([0, 1]);
    expect(marks(h)).toEqual(['US Statement export', '', '']);
    // 28.20 (S1, from the Statement) − 28.20 (S2, from the report).
    expect(fn(h, 'TTS_SETTLEMENT')).toBe(0);
    expect(fn(h, 'TTS_SALES', '2026-03')).toBe(0);
  });
});

describe('estimates still give way to the settled row, whatever its payout', () => {
  it('an On-hold estimate, then the Statement that settles it: the Statement alone counts', async () => {
    const h = harness();
    const line: OrderLine = {
      orderId: '577389150010000401',
      skuId: SKU,
      statementId: '',
      grossCents: 3000,
    };
    const s = statementRow({
      date: '2026/03/20',
      statementId: '7496021845520150041',
      orderId: line.orderId,
      gross: 30,
      referral: -1.8,
    });
    const settled = await importEach(h, [
      [onHoldCsv([line], '2026-03-05 10:00:00'), 'Onhold-unsettled-orders-2026_03_01-2026_03_05(UTC-7).csv'],
      [statementCsv([s]), 'statement-2026-03-20.csv'],
    ]);
    expect(settled).toEqual([0, 1]);
    expect(marks(h)).toEqual(['US Statement export', '']);
    expect(fn(h, 'TTS_SETTLEMENT')).toBe(28.2);
  });

  it('an On-hold estimate, then a Statement with only a $10 refund of its line: the estimate counts until its sale settles', async () => {
    const h = harness();
    const line: OrderLine = { orderId: '577389150010000501', skuId: SKU, statementId: '', grossCents: 3000 };
    const refund = statementRow({
      date: '2026/03/27',
      statementId: '7496021845520150052',
      orderId: line.orderId,
      gross: 0,
      refund: -10,
      referral: 0.6,
    });
    const settled = await importEach(h, [
      [onHoldCsv([line], '2026-03-05 10:00:00'), 'Onhold-unsettled-orders-2026_03_01-2026_03_05(UTC-7).csv'],
      [statementCsv([refund]), 'statement-2026-03-27.csv'],
    ]);
    // The refund settles no sale: nothing is superseded, nothing said to be settled.
    expect(settled).toEqual([0, 0]);
    expect(marks(h)).toEqual([]);
    // The estimate 28.20 (30.00 − 1.80) and the refund −9.40 (−10.00 + 0.60); sales 30.00 − 10.00.
    expect(fn(h, 'TTS_SETTLEMENT')).toBe(18.8);
    expect(fn(h, 'TTS_SALES', '2026-03')).toBe(20);
    // The Statement of the sale (another payout) replaces the estimate; the refund still counts.
    const sale = statementRow({
      date: '2026/03/20',
      statementId: '7496021845520150051',
      orderId: line.orderId,
      gross: 30,
      referral: -1.8,
    });
    expect(await importEach(h, [[statementCsv([sale]), 'statement-2026-03-20.csv']])).toEqual([1]);
    expect(marks(h)).toEqual(['US Statement export', '', '']);
    expect(fn(h, 'TTS_SETTLEMENT')).toBe(18.8);
    expect(fn(h, 'TTS_SALES', '2026-03')).toBe(20);
  });
});
