/**
 * Rows a later statement posts on an order line sold earlier, on the TTS Ledger tab: the sale's
 * statement and the later one imported as two files through the sidebar's import loop and the
 * built dist/Code.js, then the functions typed on the whole tab and the dashboard refreshed. The
 * ledger holds the sale from one import and the later row from the other; both are paired all the
 * same. Every figure is worked by hand in test/corpus/later-rows.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm } from '../../emulator/index';
import { readyFiles } from '../../src/core/ledger/ready-to-import';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { privateBundleCopy } from '../helpers/built-bundle';
import { runAdsImport } from '../../src/sidebar/import/ads-runner';
import { incomeCsv } from '../corpus/income-export';
import {
  corrections,
  GMV_MAX_SKU1,
  goodwillRefund,
  laterRefunds,
  line,
  sampleCorrections,
  SKU1,
  SKU2,
  SKU3,
  statementCsv,
  twoPrices,
  UNIT_COSTS,
  wholeRefund,
} from '../corpus/later-rows';
import { COGS, ensureBuilt, harness, LEDGER, type Harness } from './import-harness';
import { seedCogs } from './dashboard-workbook';

let bundle = '';
beforeAll(() => {
  ensureBuilt();
  bundle = privateBundleCopy();
});

/**
 * A ledger with each statement (or a legacy Income export's text) imported as its own file, then
 * the unit costs typed in TTS COGS.
 */
async function ledgerOf(files: [string[][] | string, string][]): Promise<Harness> {
  const h = harness();
  for (const [rows, name] of files) {
    const csv = typeof rows === 'string' ? rows : statementCsv(rows);
    const parsed = parseExportFile(new TextEncoder().encode(csv), name);
    const ready = readyFiles(parsed.files);
    expect([...parsed.errors, ...ready.errors]).toEqual([]);
    const [outcome] = await h.importFiles(ready.files);
    expect(outcome.status, outcome.message).toBe('complete');
  }
  seedCogs(h.workbook, UNIT_COSTS);
  return h;
}

type Table = (string | number)[][];
/** A function typed on the whole TTS Ledger tab with the TTS COGS tab. */
const fn = (h: Harness, name: string, ...args: unknown[]) =>
  loadBundleInVm({ file: bundle, workbook: h.workbook }).call(
    name,
    h.values(LEDGER),
    h.values(COGS),
    ...args,
  ) as Table;

function byFirstCell(table: Table): Record<string, Record<string, string | number>> {
  const [header, ...rows] = table;
  return Object.fromEntries(
    rows.map((r) => [String(r[0]), Object.fromEntries(header.map((h, i) => [h, r[i]]))]),
  );
}

/** The dashboard's profit row of `month`, by its header, after a refresh. */
function dashboardMonth(h: Harness, month: string): Record<string, unknown> {
  h.run('refreshDashboard', null);
  const values = h.values('TTS Dashboard');
  const at = values.findIndex((r) => r[0] === 'Month' && r[1] === 'Settlement');
  const row = values.slice(at + 1).find((r) => r[0] === month)!;
  return Object.fromEntries(values[at].map((label, i) => [label, row[i]]));
}

describe('on the TTS Ledger tab, the later statement imported after the sale’s', () => {
  it('corrections on the order’s line: COGS 27.50, samples 0, net profit 55.40 in every figure', async () => {
    const { april, may } = corrections();
    const h = await ledgerOf([
      [april, 'statement-2026-04-10.csv'],
      [may, 'statement-2026-05-10.csv'],
    ]);
    expect(byFirstCell(fn(h, 'TTS_PNL')).Total).toMatchObject({ COGS: 27.5, Samples: 0, 'Net profit': 55.4 });
    const sku = byFirstCell(fn(h, 'TTS_PNL', 'sku'));
    expect([sku[SKU1]['Units sold'], sku[SKU2]['Units sold'], sku[SKU3]['Units sold']]).toEqual([1, 2, 1]);
    expect(fn(h, 'TTS_NET_PROFIT')).toBe(55.4);
    expect(fn(h, 'TTS_COST_DETAIL', '2026-04').filter((r) => r[0] !== 'COGS' && r[0] !== 'Cost')).toEqual([
      ['Ad spend', '', '', '', 0, 'Ad spend is 0 until TikTok ad reports are imported.'],
      ['Total', '2026-04', '', '', 27.5, ''],
    ]);
    expect(dashboardMonth(h, '2026-04')).toMatchObject({
      Settlement: 82.9,
      COGS: 27.5,
      Samples: 0,
      'Net profit': 55.4,
    });
  });

  it('refunds after the payout give back the units whose price they refunded: COGS 42.50, net profit 56.20', async () => {
    const { december, january } = laterRefunds();
    const h = await ledgerOf([
      [december, 'statement-2025-12-20.csv'],
      [january, 'statement-2026-01-10.csv'],
    ]);
    const sku = byFirstCell(fn(h, 'TTS_PNL', 'sku'));
    expect(sku.Total).toMatchObject({ COGS: 42.5, 'Net profit': 56.2, 'Units sold': 5 });
    expect(fn(h, 'TTS_NET_PROFIT')).toBe(56.2);
    const roas = byFirstCell(
      loadBundleInVm({ file: bundle, workbook: h.workbook }).call(
        'TTS_BREAKEVEN_ROAS',
        h.values(LEDGER),
        h.values(COGS),
      ) as Table,
    );
    expect([roas[SKU1]['Units sold'], roas[SKU2]['Units sold'], roas[SKU3]['Units sold']]).toEqual([3, 1, 1]);
    expect(dashboardMonth(h, '2025-12')).toMatchObject({ Settlement: 98.7, COGS: 42.5, 'Net profit': 56.2 });
  });

  it('the refund’s statement imported first, then the sale’s: the same figures', async () => {
    const { december, january } = laterRefunds();
    const h = await ledgerOf([
      [january, 'statement-2026-01-10.csv'],
      [december, 'statement-2025-12-20.csv'],
    ]);
    expect(fn(h, 'TTS_NET_PROFIT')).toBe(56.2);
    expect(dashboardMonth(h, '2025-12')).toMatchObject({ COGS: 42.5, 'Net profit': 56.2 });
  });

  for (const quantity of ['/', '0'])
    it(`a whole refund on a row with Quantity ${quantity}: both units back, net profit 0`, async () => {
      const { april, may } = wholeRefund(quantity);
      const h = await ledgerOf([
        [april, 'statement-2026-04-10.csv'],
        [may, 'statement-2026-05-10.csv'],
      ]);
      expect(byFirstCell(fn(h, 'TTS_PNL', 'sku'))[SKU1]).toMatchObject({
        COGS: 0,
        'Units sold': 0,
        'Net profit': 0,
      });
      expect(dashboardMonth(h, '2026-04')).toMatchObject({ Settlement: 0, COGS: 0, 'Net profit': 0 });
    });
});

describe('the dashboard’s ads by product, with a later goodwill refund on an advertised line', () => {
  it('keeps both units the buyer kept: break-even ROAS 2.02, as TTS_BREAKEVEN_ROAS by SKU says', async () => {
    const { may, june } = goodwillRefund();
    const h = await ledgerOf([
      [may, 'statement-2026-05-10.csv'],
      [june, 'statement-2026-06-10.csv'],
    ]);
    const report = parseExportFile(new TextEncoder().encode(GMV_MAX_SKU1), 'gmv-max-by-product.csv');
    expect(await runAdsImport(report.files[0], 'UTC-07:00', h.call)).toMatchObject({ status: 'complete' });
    const roas = byFirstCell(fn(h, 'TTS_BREAKEVEN_ROAS'));
    expect(roas[SKU1]).toMatchObject({ 'Units sold': 2, 'Break-even ROAS': 2.02 });
    h.run('refreshDashboard', null);
    const dash = h.values('TTS Dashboard');
    const at = dash.findIndex((r) => r[0] === 'Product');
    // Margin 22.30 ÷ 45.00 of the $30 revenue is $14.87, less $10 of spend: $4.87 after ads.
    expect(dash[at + 1].slice(0, 6)).toEqual(['Product 011', 10, 30, 3, 2.02, 4.87]);
  });
});

describe('on the TTS Ledger tab, later rows of a sample, of a SKU at two prices, of an Income sale', () => {
  it('a free sample’s overweight charge and shipping given back, imported in any order: Samples 18.50', async () => {
    const { april, may, june } = sampleCorrections();
    const h = await ledgerOf([
      [may, 'statement-2026-05-10.csv'],
      [june, 'statement-2026-06-10.csv'],
      [april, 'statement-2026-04-10.csv'],
    ]);
    expect(byFirstCell(fn(h, 'TTS_PNL', 'sku'))[SKU2]).toMatchObject({
      Settlement: -8.5,
      'Units sold': 0,
      COGS: 0,
      Samples: 18.5,
      'Net profit': -18.5,
    });
    expect(dashboardMonth(h, '2026-04')).toMatchObject({
      Settlement: -8.5,
      COGS: 0,
      Samples: 18.5,
      'Net profit': -18.5,
    });
  });

  it('one SKU twice in an order at $30 and $10, the $10 line refunded later: COGS 10, net profit 18.20', async () => {
    const { april, may } = twoPrices();
    const h = await ledgerOf([
      [may, 'statement-2026-05-10.csv'],
      [april, 'statement-2026-04-10.csv'],
    ]);
    expect(byFirstCell(fn(h, 'TTS_PNL', 'sku'))[SKU1]).toMatchObject({ 'Units sold': 1, COGS: 10 });
    expect(dashboardMonth(h, '2026-04')).toMatchObject({ Settlement: 28.2, COGS: 10, 'Net profit': 18.2 });
  });

  it('a statement refund (SKU, Quantity 1) of an order sold on a legacy Income row gives back no units', async () => {
    // The Income row sold it for $30 with no SKU nor quantity: its product cost is unknown, and the
    // dashboard says so. The refund gives back $30 and the $1.80 of fee: no COGS of −$10 to credit.
    const X = '577300000000007801';
    const income = incomeCsv([
      {
        orderId: X,
        type: 'Order',
        created: '2026/04/01 09:12:00',
        settled: '2026/04/10 16:55:33',
        revenueCents: 3000,
      },
    ]);
    const refund = line({
      statement: ['2026/05/10', '7496021845520157801'],
      orderId: X,
      sku: SKU1,
      quantity: 1,
      created: '2026/04/01',
      gross: 0,
      refund: -30,
      referral: 1.8,
    });
    const h = await ledgerOf([
      [income, 'income-2026-04.csv'],
      [[refund], 'statement-2026-05-10.csv'],
    ]);
    // Settlement: 30 − 0.90 − 1.80 of the Income row's fees, −30 + 1.80 refunded: −0.90.
    expect(dashboardMonth(h, '2026-04')).toMatchObject({ Settlement: -0.9, COGS: 0, 'Net profit': -0.9 });
    const sku = byFirstCell(
      loadBundleInVm({ file: bundle, workbook: h.workbook }).call(
        'TTS_PNL',
        h.values(LEDGER),
        '',
        'sku',
      ) as Table,
    );
    expect([sku[SKU1]['Units sold'], sku.Total['Units sold']]).toEqual([0, 0]);
  });
});
