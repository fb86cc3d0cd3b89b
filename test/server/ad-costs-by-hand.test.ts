/**
 * Ad spend against the settlement, through the built bundle: statements read by the sidebar's
 * reader and imported, ad reports imported as the sidebar does, a unit cost typed into TTS COGS,
 * then the dashboard and TTS_NET_PROFIT, TTS_PNL, TTS_COST_DETAIL, TTS_ADS and TTS_BREAKEVEN_ROAS
 * on the same tabs, against figures a bookkeeper works by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm } from '../../emulator/index';
import { STATEMENT_HEADER_2024 } from '../../bench/synthetic-export';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { runAdsImport } from '../../src/sidebar/import/ads-runner';
import { privateBundleCopy } from '../helpers/built-bundle';
import { exportRows, inSandbox } from '../bundle/custom-functions-sheet';
import { COGS, harness, LEDGER, type Harness } from './import-harness';

let bundle = '';
beforeAll(() => {
  bundle = privateBundleCopy();
});

const SKU = '1732440158390000031';
const ADS = 'TTS Ads';
const HEADER = [...STATEMENT_HEADER_2024, 'GMV Max ad fee'];
let orderId = 577310000000000000n;

/** A sale settled on `settled`: its amounts by column, in dollars as the export writes them. */
function sale(created: string, settled: string, amounts: Record<string, string>, quantity = '1') {
  return {
    'Statement date (UTC)': settled.replace(/-/g, '/'),
    'Statement ID': `78${settled.replace(/-/g, '')}`,
    Type: 'Order',
    'Order/adjustment ID': String(++orderId),
    'SKU ID': SKU,
    Quantity: quantity,
    'Order created date': created.replace(/-/g, '/'),
    Currency: 'USD',
    ...amounts,
  };
}

/** A statement row moving `dollars` of the payout to the ad balance (GMV Pay). */
function gmvPay(date: string, dollars: string): Record<string, string> {
  return {
    'Statement date (UTC)': date.replace(/-/g, '/'),
    'Statement ID': `78${date.replace(/-/g, '')}`,
    Type: 'GMV Payment for TikTok Ads',
    'Order/adjustment ID': String(++orderId),
    Currency: 'USD',
    'Total settlement amount': `-${dollars}`,
    'Adjustment amount': `-${dollars}`,
  };
}

/** Imports the statement rows and types the SKU's unit cost. */
async function books(records: Record<string, string>[], unitCost: number): Promise<Harness> {
  const h = harness();
  const csv = exportRows(HEADER, records)
    .map((r) => r.join(','))
    .join('\n');
  const parsed = parseExportFile(new TextEncoder().encode(csv), 'statements.csv');
  if (parsed.errors.length > 0) throw new Error(parsed.errors[0].message);
  await h.importFiles(parsed.files);
  h.run('refreshDashboard', null); // makes TTS COGS
  h.workbook.seed(COGS, [[unitCost]], 2, h.values(COGS)[0].indexOf('Unit cost') + 1);
  h.run('refreshDashboard', null);
  return h;
}

const GMV_MAX =
  'By Day,Campaign name,Campaign ID,Cost,Gross revenue (Shop),Orders (SKU),ROI,Net cost,Cost per order';
const ADS_MANAGER = 'By Day,Campaign name,Campaign ID,Cost,Impressions,Purchases (Shop),Gross revenue (Shop)';

/** Imports an ad report (`header`, then one `day,cost` line per day) and refreshes the dashboard. */
async function importAds(h: Harness, header: string, days: [string, string][], name: string) {
  const gmvMax = header === GMV_MAX;
  const csv = [
    header,
    ...days.map(([day, cost]) =>
      gmvMax
        ? `${day},GMV Max shop,1800000000000031,${cost},0,0,0,${cost},0`
        : `${day},Card ads,1800000000000032,${cost},1000,0,0`,
    ),
  ].join('\n');
  const parsed = parseExportFile(new TextEncoder().encode(csv), name);
  await runAdsImport(parsed.files[0], 'UTC-07:00', h.call);
  h.run('refreshDashboard', null);
}

/** A custom function on whole tabs, as `=TTS_PNL('TTS Ledger'!A:ZZ, 'TTS COGS'!A:K, …)` passes them. */
function fn(h: Harness, name: string, ...args: unknown[]): any {
  const rt = loadBundleInVm({ file: bundle, workbook: h.workbook });
  const tab = (arg: unknown) => (typeof arg === 'string' && h.workbook.sheet(arg) ? h.values(arg) : arg);
  return rt.call(name, ...args.map((arg) => inSandbox(rt, tab(arg))));
}

/** A table's column by its header (a label starting so), row label → value. */
function columnOf(table: unknown[][], label: string): Record<string, unknown> {
  const at = table[0].findIndex((c) => String(c).startsWith(label));
  return Object.fromEntries(table.slice(1).map((r) => [r[0], r[at]]));
}

/** The dashboard's profit table: month → [ad spend, net profit]. */
function dashboardProfit(h: Harness): Record<string, number[]> {
  const values = h.values('TTS Dashboard');
  const header = values.findIndex((r) => r.includes('Settlement') && r.includes('Net profit'));
  const at = values[header].indexOf('Month');
  const out: Record<string, number[]> = {};
  for (const r of values.slice(header + 1)) {
    if (!/^\d{4}-\d\d$/.test(String(r[at]))) break;
    out[String(r[at])] = ['Ad spend', 'Net profit'].map(
      (label) => r[values[header].indexOf(label)] as number,
    );
  }
  return out;
}

/** The dashboard's ads block by month: month → [GMV Pay transfers, profit after ads]. */
function dashboardAds(h: Harness): Record<string, unknown[]> {
  const values = h.values('TTS Dashboard');
  const header = values.findIndex((r) => r[0] === 'Month' && r[1] === 'Ad spend');
  const out: Record<string, unknown[]> = {};
  for (const r of values.slice(header + 1)) {
    if (!/^\d{4}-\d\d$/.test(String(r[0]))) break;
    out[String(r[0])] = [
      r[values[header].indexOf('GMV Pay transfers')],
      r[values[header].indexOf('Profit after ads')],
    ];
  }
  return out;
}

/** The Ad spend line and the Total of TTS_COST_DETAIL for a month. */
function costDetail(h: Harness, month: string): unknown[] {
  const rows = fn(h, 'TTS_COST_DETAIL', LEDGER, COGS, month, '', ADS) as unknown[][];
  return ['Ad spend', 'Total'].map((cost) => rows.find((r) => r[0] === cost)![4]);
}

describe('GMV Pay top-ups of months no ad report covers', () => {
  // March, April and May: 50 units sold for $1,000.00 (referral −60.00) on the 10th, unit cost $8.00,
  // and a $300.00 GMV Pay top-up on the 25th. Each month 940.00 − 300.00 − 400.00 = 240.00; 720.00 in all.
  const months = () =>
    ['03', '04', '05'].flatMap((m) => [
      sale(
        `2026-${m}-10`,
        `2026-${m}-20`,
        {
          'Total settlement amount': '940.00',
          'Net sales': '1000.00',
          'Gross sales': '1000.00',
          Fees: '-60.00',
          'Referral fee': '-60.00',
        },
        '50',
      ),
      gmvPay(`2026-${m}-25`, '300.00'),
    ]);

  it("stay those months' ad cost when only May's report is imported: 240.00 a month, 720.00 in all", async () => {
    const h = await books(months(), 8);
    expect(dashboardProfit(h)).toEqual({ '2026-03': [0, 240], '2026-04': [0, 240], '2026-05': [0, 240] });
    expect(fn(h, 'TTS_NET_PROFIT', LEDGER, COGS)).toBe(720);

    // May's GMV Max report: $300.00 spent in May. May's top-up is swapped for it (300.00 − 300.00 = 0);
    // March's and April's stay the money spent on ads then, as no report says what was spent.
    await importAds(h, GMV_MAX, [['2026-05-15', '300.00']], 'gmv_max_2026-05.csv');
    const expected = { '2026-03': [0, 240], '2026-04': [0, 240], '2026-05': [0, 240] };
    expect(dashboardProfit(h)).toEqual(expected);
    expect(fn(h, 'TTS_NET_PROFIT', LEDGER, COGS, '', '', ADS)).toBe(720);
    const byMonth = fn(h, 'TTS_PNL', LEDGER, COGS, 'month', '', ADS) as unknown[][];
    expect(columnOf(byMonth, 'Ad spend')).toMatchObject({
      '2026-03': 0,
      '2026-04': 0,
      '2026-05': 0,
      Total: 0,
    });
    expect(columnOf(byMonth, 'Net profit')).toMatchObject({
      '2026-03': 240,
      '2026-04': 240,
      '2026-05': 240,
      Total: 720,
    });
    for (const groupBy of ['sku', 'type', 'statement'])
      expect(columnOf(fn(h, 'TTS_PNL', LEDGER, COGS, groupBy, '', ADS), 'Net profit').Total).toBe(720);
    // COGS 400.00 and no ad spend on top, in March as in May.
    expect(costDetail(h, '2026-03')).toEqual([0, 400]);
    expect(costDetail(h, '2026-05')).toEqual([0, 400]);
    expect(fn(h, 'TTS_ADS', ADS, 'month').slice(1)).toEqual([
      ['2026-05', 300, 0, 0, 0, ''],
      ['Total', 300, 0, 0, 0, ''],
    ]);
    // The ads block adds back May's transfer only: profit after ads 240.00 in every month.
    expect(dashboardAds(h)).toEqual({ '2026-03': [0, 240], '2026-04': [0, 240], '2026-05': [300, 240] });
  });

  it("swap a month's top-up for its spend once a report covers that month: a top-up on the 25th for later ads", async () => {
    const h = await books(months(), 8);
    await importAds(h, GMV_MAX, [['2026-05-15', '300.00']], 'gmv_max_2026-05.csv');
    // April's report: $100.00 spent on 28 April. April's $300.00 top-up is added back and the 100.00 counted:
    // ad spend −200.00, net profit 940.00 − 400.00 − 100.00 = 440.00. March keeps its top-up: 240.00.
    // In all 3 × 940.00 − 1,200.00 − March's 300.00 − 100.00 − 300.00 of spend = 920.00.
    await importAds(h, GMV_MAX, [['2026-04-28', '100.00']], 'gmv_max_2026-04.csv');
    expect(dashboardProfit(h)).toEqual({ '2026-03': [0, 240], '2026-04': [-200, 440], '2026-05': [0, 240] });
    expect(fn(h, 'TTS_NET_PROFIT', LEDGER, COGS, '', '', ADS)).toBe(920);
    expect(columnOf(fn(h, 'TTS_PNL', LEDGER, COGS, 'month', '', ADS), 'Net profit')).toMatchObject({
      '2026-03': 240,
      '2026-04': 440,
      Total: 920,
    });
    expect(costDetail(h, '2026-04')).toEqual([-200, 200]);
  });

  it('are not swapped for a $0 row: a report exported from 30 April covers May only', async () => {
    const h = await books(months(), 8);
    await importAds(
      h,
      GMV_MAX,
      [
        ['2026-04-30', '0.00'],
        ['2026-05-15', '300.00'],
      ],
      'gmv_max_2026-04-30_2026-05-31.csv',
    );
    expect(dashboardProfit(h)).toEqual({ '2026-03': [0, 240], '2026-04': [0, 240], '2026-05': [0, 240] });
    expect(fn(h, 'TTS_NET_PROFIT', LEDGER, COGS, '', '', ADS)).toBe(720);
  });
});

describe('a GMV Max ad fee already deducted in the settlement', () => {
  // May: 10 units sold for $200.00, referral −12.00, GMV Max ad fee −20.00: settlement 168.00; COGS 50.00.
  const may = () => [
    sale(
      '2026-05-03',
      '2026-05-20',
      {
        'Total settlement amount': '168.00',
        'Net sales': '200.00',
        'Gross sales': '200.00',
        Fees: '-32.00',
        'Referral fee': '-12.00',
        'GMV Max ad fee': '-20.00',
      },
      '10',
    ),
  ];

  it("is never taken off an Ads Manager report's spend, only off GMV Max's", async () => {
    const h = await books(may(), 5);
    // Card-paid auction ads, $50.00: 168.00 − 50.00 − 50.00 = 68.00.
    await importAds(h, ADS_MANAGER, [['2026-05-10', '50.00']], 'ads_manager.csv');
    expect(fn(h, 'TTS_NET_PROFIT', LEDGER, COGS, '', '', ADS)).toBe(68);
    expect(costDetail(h, '2026-05')).toEqual([50, 100]);
    expect(dashboardProfit(h)).toEqual({ '2026-05': [50, 68] });
    // And GMV Max, $30.00, of which the 20.00 fee was already paid: 68.00 − (30.00 − 20.00) = 58.00.
    await importAds(h, GMV_MAX, [['2026-05-12', '30.00']], 'gmv_max.csv');
    expect(fn(h, 'TTS_NET_PROFIT', LEDGER, COGS, '', '', ADS)).toBe(58);
    expect(costDetail(h, '2026-05')).toEqual([60, 110]);
    expect(dashboardProfit(h)).toEqual({ '2026-05': [60, 58] });
  });
});

describe('break-even ROAS and contribution per unit by SKU', () => {
  // Two sales at $30.00 (referral −1.80 each); one paid a $4.50 affiliate commission and a $3.00 GMV Max
  // ad fee. Unit cost $8.00. A $100.00 GMV Pay top-up the same month.
  const may = () => [
    sale('2026-05-03', '2026-05-20', {
      'Total settlement amount': '20.70',
      'Net sales': '30.00',
      'Gross sales': '30.00',
      Fees: '-9.30',
      'Referral fee': '-1.80',
      'Affiliate commission': '-4.50',
      'GMV Max ad fee': '-3.00',
    }),
    sale('2026-05-04', '2026-05-20', {
      'Total settlement amount': '28.20',
      'Net sales': '30.00',
      'Gross sales': '30.00',
      Fees: '-1.80',
      'Referral fee': '-1.80',
    }),
    gmvPay('2026-05-25', '100.00'),
  ];

  it('leaves the GMV Max ad fee out of the selling fees: break-even 30.00 ÷ 17.95 = 1.67', async () => {
    const h = await books(may(), 8);
    // Fees per unit (1.80 + 4.50 + 1.80) ÷ 2 = 4.05, 8.10 of 60.00 = 13.5 %; 30.00 − 4.05 − 8.00 = 17.95.
    const [header, line] = fn(h, 'TTS_BREAKEVEN_ROAS', LEDGER, COGS, '2026-05', '2026-05') as unknown[][];
    const cell = (label: string) => line[header.indexOf(label)];
    expect([
      cell('Fee rate'),
      cell('Fees per unit'),
      cell('Contribution per unit'),
      cell('Break-even ROAS'),
    ]).toEqual([0.135, 4.05, 17.95, 1.67]);
  });

  it("gives TTS_PNL's Total the SKUs' contribution per unit, not the GMV Pay top-up's", async () => {
    const h = await books(may(), 8);
    // The SKU: settlement 48.90 − COGS 16.00 = 32.90 over 2 units = 16.45 a unit. The top-up has no units:
    // it stays in the Total's profit (32.90 − 100.00 = −67.10), not in what a unit earns.
    const table = fn(h, 'TTS_PNL', LEDGER, COGS, 'sku') as unknown[][];
    expect(columnOf(table, 'Contribution per unit')).toEqual({ '(no SKU)': '', [SKU]: 16.45, Total: 16.45 });
    expect(columnOf(table, 'Gross profit').Total).toBe(-67.1);
  });
});
