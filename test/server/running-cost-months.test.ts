/**
 * Running costs and ad spend in months without sales, through the built bundle: statements read
 * by the sidebar's reader and imported, costs typed into TTS Costs, then the dashboard's profit
 * table and TTS_PNL, TTS_NET_PROFIT and TTS_COST_DETAIL on the same tabs, against figures worked
 * out by hand. Every order: $100.00 of gross sales, a $6.00 referral fee, one unit at $10.00.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm } from '../../emulator/index';
import { STATEMENT_HEADER_2024 } from '../../bench/synthetic-export';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { runAdsImport } from '../../src/sidebar/import/ads-runner';
import { NO_ADS_NOTE } from '../../src/core/analysis/ad-spend';
import { privateBundleCopy } from '../helpers/built-bundle';
import { exportRows, inSandbox } from '../bundle/custom-functions-sheet';
import { COGS, harness, LEDGER, type Harness } from './import-harness';

let bundle = '';
beforeAll(() => {
  bundle = privateBundleCopy();
});

const SKU = '1732440158390000011';
const COSTS = 'TTS Costs';
let orderId = 577300000000000000n;

function order(date: string): Record<string, string> {
  const day = date.replace(/-/g, '/');
  return {
    'Statement date (UTC)': day,
    'Statement ID': `79${date.replace(/-/g, '')}`,
    Type: 'Order',
    'Order/adjustment ID': String(++orderId),
    'SKU ID': SKU,
    Quantity: '1',
    'Order created date': day,
    Currency: 'USD',
    'Total settlement amount': '94.00',
    'Net sales': '100.00',
    'Gross sales': '100.00',
    Fees: '-6.00',
    'Referral fee': '-6.00',
  };
}

/** A statement row moving $100.00 of the payout to the ad balance (GMV Pay). */
function gmvPay(date: string): Record<string, string> {
  return {
    'Statement date (UTC)': date.replace(/-/g, '/'),
    'Statement ID': `79${date.replace(/-/g, '')}`,
    Type: 'GMV Payment for TikTok Ads',
    'Order/adjustment ID': String(++orderId),
    Currency: 'USD',
    'Total settlement amount': '-100.00',
    'Adjustment amount': '-100.00',
  };
}

/** Imports the statement rows, types the unit cost and the running costs, refreshes the dashboard. */
async function books(records: Record<string, string>[], costs: string[][]): Promise<Harness> {
  const h = harness();
  const csv = exportRows(STATEMENT_HEADER_2024, records)
    .map((r) => r.join(','))
    .join('\n');
  const parsed = parseExportFile(new TextEncoder().encode(csv), 'statements.csv');
  if (parsed.errors.length > 0) throw new Error(parsed.errors[0].message);
  await h.importFiles(parsed.files);
  h.run('refreshDashboard', null); // makes TTS COGS and TTS Costs
  const cogs = h.values(COGS);
  h.workbook.seed(COGS, [[10]], 2, cogs[0].indexOf('Unit cost') + 1);
  const tab = h.values(COSTS);
  const header = tab.findIndex((r) => r.includes('Amount'));
  const at = (label: string) => tab[header].indexOf(label);
  costs.forEach(([name, amount, every, starts, ends], i) => {
    const row = header + 2 + i;
    h.workbook.seed(COSTS, [[name]], row, at('Cost') + 1);
    h.workbook.seed(COSTS, [[amount, every]], row, at('Amount') + 1);
    h.workbook.seed(COSTS, [[starts, ends ?? '']], row, at('Starts') + 1);
  });
  h.run('refreshDashboard', null);
  return h;
}

async function importAds(h: Harness, days: string[], cost: string): Promise<void> {
  const csv = [
    'By Day,Campaign name,Campaign ID,Cost,Impressions,Purchases (Shop),Gross revenue (Shop)',
    ...days.map((day) => `${day},Summer push,1800000000000002,${cost},1000,0,0`),
  ].join('\n');
  const parsed = parseExportFile(new TextEncoder().encode(csv), 'ads.csv');
  await runAdsImport(parsed.files[0], 'UTC-07:00', h.call);
  h.run('refreshDashboard', null);
}

/** An export pasted into a tab as text (File → Import with conversion off: IDs keep their digits). */
function pasteTab(h: Harness, name: string, records: Record<string, string>[]): void {
  const [header, ...rows] = exportRows(STATEMENT_HEADER_2024, records);
  const text = rows.map((r) => r.map((c, i) => (/ID$/.test(header[i]) && c !== '' ? `'${c}` : c)));
  h.workbook.seed(name, [header, ...text]);
}

/** A custom function on whole tabs, as `=TTS_PNL('TTS Ledger'!A:ZZ, 'TTS COGS'!A:K, …)` passes them. */
function fn(h: Harness, name: string, ...args: unknown[]): any {
  const rt = loadBundleInVm({ file: bundle, workbook: h.workbook });
  const tab = (arg: unknown) => (typeof arg === 'string' && h.workbook.sheet(arg) ? h.values(arg) : arg);
  return rt.call(name, ...args.map((arg) => inSandbox(rt, tab(arg))));
}

/** The dashboard's profit table: month → [running costs, ad spend, net profit]. */
function dashboardProfit(h: Harness): Record<string, number[]> {
  const values = h.values('TTS Dashboard');
  const header = values.findIndex((r) => r.includes('Settlement') && r.includes('Net profit'));
  const at = values[header].indexOf('Month');
  const out: Record<string, number[]> = {};
  for (const r of values.slice(header + 1)) {
    if (!/^\d{4}-\d\d$/.test(String(r[at]))) break;
    out[String(r[at])] = ['Running costs', 'Ad spend', 'Net profit'].map(
      (label) => r[values[header].indexOf(label)] as number,
    );
  }
  return out;
}

/** TTS_PNL by month: group → [running costs, ad spend, net profit]. */
function pnlByMonth(h: Harness, ...more: unknown[]): Record<string, unknown[]> {
  const table = fn(h, 'TTS_PNL', LEDGER, COGS, 'month', COSTS, ...more) as unknown[][];
  const at = (label: string) => table[0].findIndex((c) => String(c).startsWith(label));
  return Object.fromEntries(
    table.slice(1).map((r) => [r[0], [r[at('Running costs')], r[at('Ad spend')], r[at('Net profit')]]]),
  );
}

const SALES = ['2026-03-15', '2026-04-10', '2026-05-10'];

describe('running costs before the first sale', () => {
  // Software $100.00 a month from 1 January, an LLC fee of $300.00 paid on 10 February, first sale
  // 15 March. January −100.00; February −100.00 − 300.00 = −400.00; March–May 94.00 − 10.00 − 100.00
  // = −16.00 each. Year: settlement 282.00 − COGS 30.00 − running costs 800.00 = −548.00.
  const costs = [
    ['Software', '100', 'month', '2026-01-01'],
    ['LLC filing fee', '300', 'once', '2026-02-10'],
  ];

  it('counts them from the cost’s start in TTS_PNL, TTS_NET_PROFIT and the dashboard alike: −548.00', async () => {
    const h = await books(SALES.map(order), costs);
    expect(pnlByMonth(h)).toEqual({
      '2026-01': [100, 0, -100],
      '2026-02': [400, 0, -400],
      '2026-03': [100, 0, -16],
      '2026-04': [100, 0, -16],
      '2026-05': [100, 0, -16],
      Total: [800, 0, -548],
    });
    expect(fn(h, 'TTS_NET_PROFIT', LEDGER, COGS, '', COSTS)).toBe(-548);
    expect(dashboardProfit(h)).toEqual({
      '2026-01': [100, 0, -100],
      '2026-02': [400, 0, -400],
      '2026-03': [100, 0, -16],
      '2026-04': [100, 0, -16],
      '2026-05': [100, 0, -16],
    });
    // February's $400.00 of TTS_COST_DETAIL is the P&L's February.
    const detail = fn(h, 'TTS_COST_DETAIL', LEDGER, COGS, '2026-02', COSTS) as unknown[][];
    expect(detail.filter((r) => r[0] === 'Running cost').map((r) => [r[1], r[4]])).toEqual([
      ['Software', 100],
      ['LLC filing fee', 300],
    ]);
    expect(detail[detail.length - 1]).toEqual(['Total', '2026-02', '', '', 400, '']);
  });

  it('puts them in the Total row only by SKU and by statement, which still equals TTS_NET_PROFIT', async () => {
    const h = await books(SALES.map(order), costs);
    for (const groupBy of ['sku', 'statement', 'type']) {
      const table = fn(h, 'TTS_PNL', LEDGER, COGS, groupBy, COSTS) as unknown[][];
      const running = table[0].indexOf('Running costs');
      expect(table.slice(1, -1).map((r) => r[running])).toEqual(table.slice(1, -1).map(() => ''));
      const total = table[table.length - 1];
      expect([total[running], total[table[0].indexOf('Net profit')]]).toEqual([800, -548]);
    }
  });

  it('on a tab holding an export counts the months its rows cover: a May statement is May’s profit', async () => {
    const h = await books(SALES.map(order), costs);
    pasteTab(h, 'Statement', SALES.map(order));
    pasteTab(h, 'May', [order('2026-05-10')]);
    // March–May: 282.00 − 30.00 − 300.00 = −48.00; May: 94.00 − 10.00 − 100.00 = −16.00.
    expect(fn(h, 'TTS_NET_PROFIT', 'Statement', COGS, '', COSTS)).toBe(-48);
    expect(fn(h, 'TTS_NET_PROFIT', 'May', COGS, '', COSTS)).toBe(-16);
    // February is in no P&L of the May tab: refused, not $400.00 of costs.
    expect(() => fn(h, 'TTS_COST_DETAIL', 'May', COGS, '2026-02', COSTS)).toThrow(
      'the statement range has no rows in 2026-02',
    );
  });

  it('counts a cost typed as started years back from 1 January of the first data’s year only', async () => {
    // A domain at $10.00 a month since June 2023: January–May 2026, $50.00. A store closed on
    // 30 June 2025: nothing in 2026. Net: 282.00 − 30.00 − 50.00 = 202.00.
    const h = await books(SALES.map(order), [
      ['Domain', '10', 'month', '2023-06-01'],
      ['Old store', '50', 'month', '2024-01-01', '2025-06-30'],
    ]);
    const pnl = pnlByMonth(h);
    expect(Object.keys(pnl)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', 'Total']);
    expect(pnl.Total).toEqual([50, 0, 202]);
    expect(fn(h, 'TTS_NET_PROFIT', LEDGER, COGS, '', COSTS)).toBe(202);
    expect(Object.keys(dashboardProfit(h))).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
    expect(dashboardProfit(h)['2026-01']).toEqual([10, 0, -10]);
  });
});

describe('a cost with a blank Starts', () => {
  // Software $100.00 a month, Starts blank; sales 15 March – 10 May. Alone: March–May 94.00 − 10.00
  // − 100.00 = −16.00 each, −48.00 in all. An LLC fee of $300.00 paid on 10 February brings
  // February into the books, with its own $300.00 only: −48.00 − 300.00 = −348.00 (not −448.00,
  // the software charged in February too).
  const software = ['Software', '100', 'month', ''];

  it('counts from the first month of data, so a dated cost adds only its own amount (−348.00)', async () => {
    const alone = await books(SALES.map(order), [software]);
    expect(fn(alone, 'TTS_NET_PROFIT', LEDGER, COGS, '', COSTS)).toBe(-48);
    const h = await books(SALES.map(order), [software, ['LLC filing fee', '300', 'once', '2026-02-10']]);
    expect(pnlByMonth(h)).toEqual({
      '2026-02': [300, 0, -300],
      '2026-03': [100, 0, -16],
      '2026-04': [100, 0, -16],
      '2026-05': [100, 0, -16],
      Total: [600, 0, -348],
    });
    expect(fn(h, 'TTS_NET_PROFIT', LEDGER, COGS, '', COSTS)).toBe(-348);
    expect(dashboardProfit(h)).toEqual({
      '2026-02': [300, 0, -300],
      '2026-03': [100, 0, -16],
      '2026-04': [100, 0, -16],
      '2026-05': [100, 0, -16],
    });
    const detail = fn(h, 'TTS_COST_DETAIL', LEDGER, COGS, '2026-02', COSTS) as unknown[][];
    expect(detail.filter((r) => r[0] === 'Running cost').map((r) => [r[1], r[4], r[5]])).toEqual([
      ['Software', 0, '$100.00 a month (costs row 2)'],
      ['LLC filing fee', 300, '$300.00 once on 2026-02-10 (costs row 3)'],
    ]);
  });
});

describe('running costs after the last order', () => {
  // Software $100.00 a month from 1 March to 31 December; orders stop in May.
  const costs = [['Software', '100', 'month', '2026-03-01', '2026-12-31']];

  it('end with the last month of data: an Ends in December invents no months not imported yet (−48.00)', async () => {
    const h = await books(SALES.map(order), costs);
    expect(pnlByMonth(h).Total).toEqual([300, 0, -48]);
    expect(fn(h, 'TTS_NET_PROFIT', LEDGER, COGS, '', COSTS)).toBe(-48);
    expect(Object.keys(dashboardProfit(h))).toEqual(['2026-03', '2026-04', '2026-05']);
    // June is in no P&L: TTS_COST_DETAIL refuses it rather than show its $100.00 of software.
    expect(() => fn(h, 'TTS_COST_DETAIL', LEDGER, COGS, '2026-06', COSTS)).toThrow(
      'the statement range has no rows in 2026-06: its rows run from 2026-03-15 to 2026-05-10.',
    );
  });

  it('run to the last month of ad spend: June and July carry the software, July its ads (−298.00)', async () => {
    // $10.00 of ads on each of 1–5 July: settlement 282.00 − COGS 30.00 − software March–July 500.00
    // − ads 50.00 = −298.00.
    const h = await books(SALES.map(order), costs);
    await importAds(h, ['2026-07-01', '2026-07-02', '2026-07-03', '2026-07-04', '2026-07-05'], '10.00');
    expect(pnlByMonth(h, 'TTS Ads')).toEqual({
      '2026-03': [100, 0, -16],
      '2026-04': [100, 0, -16],
      '2026-05': [100, 0, -16],
      '2026-06': [100, 0, -100],
      '2026-07': [100, 50, -150],
      Total: [500, 50, -298],
    });
    expect(fn(h, 'TTS_NET_PROFIT', LEDGER, COGS, '', COSTS, 'TTS Ads')).toBe(-298);
    expect(dashboardProfit(h)).toEqual({
      '2026-03': [100, 0, -16],
      '2026-04': [100, 0, -16],
      '2026-05': [100, 0, -16],
      '2026-06': [100, 0, -100],
      '2026-07': [100, 50, -150],
    });
  });
});

describe('a GMV Pay transfer to the ad balance', () => {
  // June: one order of $200.00 (referral −12.00) and a $100.00 GMV Pay transfer: payout 88.00.
  const june = () => [
    {
      ...order('2026-06-09'),
      'Total settlement amount': '188.00',
      'Net sales': '200.00',
      'Gross sales': '200.00',
      Fees: '-12.00',
      'Referral fee': '-12.00',
    },
    gmvPay('2026-06-09'),
  ];

  it('without ad reports is no spend to hand back: ad spend 0, net profit 78.00 on the dashboard and in TTS_PNL', async () => {
    // 88.00 − COGS 10.00 = 78.00: the $100.00 went to ads, and no report says it was not spent.
    const h = await books(june(), []);
    expect(dashboardProfit(h)).toEqual({ '2026-06': [0, 0, 78] });
    expect(pnlByMonth(h).Total).toEqual([0, 0, 78]);
    expect(fn(h, 'TTS_NET_PROFIT', LEDGER, COGS)).toBe(78);
    const note = h.values('TTS Dashboard').find((r) => r.includes('Ad spend') && r.includes(NO_ADS_NOTE));
    expect(note).toBeDefined();
  });

  it('with an ad report is netted against its spend: $60.00 spent, ad spend −40.00, net profit 118.00', async () => {
    // 200.00 − 12.00 − COGS 10.00 − spend 60.00 = 118.00; the settlement already took the 100.00.
    const h = await books(june(), []);
    await importAds(h, ['2026-06-10', '2026-06-11', '2026-06-12'], '20.00');
    expect(dashboardProfit(h)).toEqual({ '2026-06': [0, -40, 118] });
    expect(pnlByMonth(h, 'TTS Ads').Total).toEqual([0, -40, 118]);
    expect(fn(h, 'TTS_NET_PROFIT', LEDGER, COGS, '', '', 'TTS Ads')).toBe(118);
  });
});
