/**
 * Money counted once across the files a seller imports, through the sidebar's reader and the
 * import handlers of the built bundle: the ledger before and after (rows, sum of Total settlement
 * amount as written) and what a seller checks by hand (TTS_SETTLEMENT on the tab, the dashboard).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm } from '../../emulator/index';
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
