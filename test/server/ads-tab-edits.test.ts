/**
 * What a seller does to the TTS Ads tab and its reports, through the built bundle: a money column
 * renamed or deleted, a note or a total typed under the rows, a campaign renamed between an ad
 * group report and a campaign report, a GMV Max report by product beside the campaign report.
 * Every figure is the May 2026 ad spend worked by hand, read in the dashboard, TTS_ADS, TTS_PNL and
 * TTS_NET_PROFIT alike, or one refusal naming the tab and the column.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm } from '../../emulator/index';
import * as sellerEdits from '../../emulator/seller-edits';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { runAdsImport } from '../../src/sidebar/import/ads-runner';
import { privateBundleCopy } from '../helpers/built-bundle';
import { COGS, ensureBuilt, harness, LEDGER, type Harness } from './import-harness';

beforeAll(ensureBuilt);

const ADS = 'TTS Ads';
const STATEMENT = new Uint8Array(readFileSync('samples/statement-2026-05.csv'));

/** May 1–10, 2026. */
const DAYS = Array.from({ length: 10 }, (_, d) => `2026-05-${String(d + 1).padStart(2, '0')}`);

async function seller(): Promise<Harness> {
  const h = harness();
  const statement = parseExportFile(STATEMENT, 'statement-2026-05.csv').files[0];
  const [outcome] = await h.importFiles([statement]);
  expect(outcome.status).toBe('complete');
  // A unit cost for every SKU sold, so the profit functions answer.
  const cogs = h.values(COGS);
  const unitCost = cogs[0].indexOf('Unit cost') + 1;
  for (let r = 2; r <= cogs.length; r++) h.workbook.seed(COGS, [[5]], r, unitCost);
  return h;
}

/** An ad report (header, then one line per row) imported as the sidebar imports it. */
async function importReport(h: Harness, name: string, lines: string[]) {
  const file = parseExportFile(new TextEncoder().encode(lines.join('\n')), name).files[0];
  return runAdsImport(file, 'UTC-07:00', h.call);
}

/** $20 a day for 10 days: $200 in May. */
const CAMPAIGN_REPORT = [
  'By Day,Campaign name,Campaign ID,Cost,Gross revenue (Shop)',
  ...DAYS.map((d) => `${d},Spring,1800000000000000001,20,80`),
];

/** A custom function's answer on the tabs as the seller left them, or its error. */
function answer(h: Harness, fn: string, ...args: unknown[]): unknown {
  const rt = loadBundleInVm({ file: privateBundleCopy(), workbook: h.workbook });
  const range = (tab: string) => {
    const values = h.values(tab);
    const width = Math.max(...values.map((r) => r.length));
    return values.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ''));
  };
  try {
    return rt.call(fn, ...args.map((a) => (a === ADS || a === LEDGER || a === COGS ? range(a) : a)));
  } catch (error) {
    return (error as Error).message;
  }
}

function refresh(h: Harness): string {
  try {
    return (h.run('refreshDashboard', null) as { message: string }).message;
  } catch (error) {
    return (error as Error).message;
  }
}

/** May's ad spend in TTS_ADS, TTS_PNL, TTS_NET_PROFIT (with ads less without) and the refresh message. */
function maySpend(h: Harness) {
  const ads = answer(h, 'TTS_ADS', ADS, 'month') as unknown[][];
  const pnl = answer(h, 'TTS_PNL', LEDGER, COGS, 'month', '', ADS) as unknown[][];
  if (typeof pnl === 'string') throw new Error(pnl);
  const adSpend = pnl[0].indexOf('Ad spend');
  const withAds = answer(h, 'TTS_NET_PROFIT', LEDGER, COGS, '', '', ADS) as number;
  const without = answer(h, 'TTS_NET_PROFIT', LEDGER, COGS) as number;
  return {
    ads: ads.find((r) => r[0] === '2026-05')?.[1],
    pnl: pnl.find((r) => r[0] === '2026-05')?.[adSpend],
    netProfit: Math.round((without - withAds) * 100) / 100,
    dashboard: /Ads 2026-05: (\$[\d,.]+) spent/.exec(refresh(h))?.[1],
  };
}

const column = (h: Harness, label: string) => (h.values(ADS)[0] as unknown[]).indexOf(label) + 1;

const refused = (label: string) =>
  `The TTS Ads tab has no *${label}* column in its header row (deleted or renamed). Its amounts would read as 0. ` +
  `Rename the header back to ${label}, or bring the column back with Edit → Undo or File → Version history; ` +
  'to start a new TTS Ads instead, rename this tab.';

describe('a money column of the TTS Ads tab renamed or deleted', () => {
  it.each([
    ['Cost', 'renamed "Ad cost"'],
    ['Cost', 'renamed "Spend ($)"'],
    ['Cost', 'deleted'],
    ['Net cost', 'deleted'],
    ['Gross revenue', 'renamed "Revenue"'],
  ])(
    '%s %s: the dashboard, TTS_ADS, TTS_PNL, TTS_NET_PROFIT and the import refuse, naming it',
    async (label, edit) => {
      const h = await seller();
      await importReport(h, 'campaigns.csv', CAMPAIGN_REPORT);
      expect(maySpend(h)).toEqual({ ads: 200, pnl: 200, netProfit: 200, dashboard: '$200.00' });
      const at = column(h, label);
      if (edit === 'deleted') sellerEdits.deleteColumns(h.workbook.requireSheet(ADS), at);
      else h.workbook.seed(ADS, [[/"(.*)"/.exec(edit)![1]]], 1, at);
      const tab = JSON.stringify(h.values(ADS));

      expect(refresh(h)).toBe(refused(label));
      for (const fn of ['TTS_ADS', 'TTS_PNL', 'TTS_NET_PROFIT']) {
        const args =
          fn === 'TTS_ADS'
            ? [ADS]
            : fn === 'TTS_PNL'
              ? [LEDGER, COGS, 'month', '', ADS]
              : [LEDGER, COGS, '', '', ADS];
        expect(answer(h, fn, ...args), fn).toBe(refused(label));
      }
      // The same report again: refused, not 10 "revisions" from (none), and no empty column added at the right.
      const again = await importReport(h, 'campaigns.csv', CAMPAIGN_REPORT);
      expect(again).toMatchObject({ status: 'failed', message: refused(label), written: 0, revisions: [] });
      expect(JSON.stringify(h.values(ADS))).toBe(tab);
    },
  );

  it('answers again once the header is typed back, whatever its case and spacing', async () => {
    const h = await seller();
    await importReport(h, 'campaigns.csv', CAMPAIGN_REPORT);
    const cost = column(h, 'Cost');
    h.workbook.seed(ADS, [['Ad cost']], 1, cost);
    expect(answer(h, 'TTS_ADS', ADS)).toBe(refused('Cost'));
    h.workbook.seed(ADS, [[' COST ']], 1, cost);
    expect(maySpend(h)).toEqual({ ads: 200, pnl: 200, netProfit: 200, dashboard: '$200.00' });
  });
});

describe('rows the seller typed in the TTS Ads tab (no Key: not the add-on’s)', () => {
  const SKIPPED = '1 row of the TTS Ads tab without a Key (not written by TTS Profit) was skipped.';
  it.each<[string, Record<string, string | number>]>([
    ['a note under the rows', { 'Campaign name': 'Paused 5/11 for Black Friday budget' }],
    ['a labelled sum row', { 'Campaign name': 'May total', Cost: 200 }],
    ['"Total" in Day with the sum', { Day: 'Total', Cost: 200 }],
    ['a Meta ads cost', { Day: '2026-05-05', 'Campaign name': 'Meta retargeting', Cost: 75 }],
  ])('%s is skipped and said, never counted: May is still 200 dollars', async (_name, cells) => {
    const h = await seller();
    await importReport(h, 'campaigns.csv', CAMPAIGN_REPORT);
    for (const [label, value] of Object.entries(cells)) h.workbook.seed(ADS, [[value]], 13, column(h, label));

    expect(refresh(h)).toContain(`Ads 2026-05: $200.00 spent`);
    expect(refresh(h)).toContain(SKIPPED);
    expect(maySpend(h)).toEqual({ ads: 200, pnl: 200, netProfit: 200, dashboard: '$200.00' });
    expect((answer(h, 'TTS_ADS', ADS) as unknown[][]).slice(-2)).toEqual([
      ['Total', 200, 800, 4, 0, ''],
      ['1 row without a Key was skipped — it is not an imported row', '', '', '', '', ''],
    ]);
    // TTS_PNL and TTS_COST_DETAIL leave it out of the ad spend too, and say so under their tables.
    const pnl = answer(h, 'TTS_PNL', LEDGER, COGS, 'month', '', ADS) as unknown[][];
    expect(pnl[pnl.length - 2][0]).toBe('Total');
    expect(pnl[pnl.length - 1]).toEqual([SKIPPED, ...pnl[0].slice(1).map(() => '')]);
    const detail = answer(h, 'TTS_COST_DETAIL', LEDGER, COGS, '2026-05', '', ADS) as unknown[][];
    expect(detail.slice(-3)).toEqual([
      ['Ad spend', '', '', '', 200, expect.stringMatching(/^Ad reports: /)],
      ['Total', '2026-05', '', '', expect.any(Number), ''],
      [SKIPPED, '', '', '', '', ''],
    ]);
    // The same report again adds nothing and revises nothing.
    expect(await importReport(h, 'campaigns.csv', CAMPAIGN_REPORT)).toMatchObject({
      written: 0,
      duplicates: 10,
      revisions: [],
    });
  });

  it('a row the add-on wrote whose Key was cleared is refused by row, not skipped: its $20 would drop out', async () => {
    const h = await seller();
    await importReport(h, 'campaigns.csv', CAMPAIGN_REPORT);
    h.workbook.seed(ADS, [['']], 5, column(h, 'Key'));
    const problem =
      'Row 5: the *Key* of a row TTS Profit wrote was cleared or typed over; type it back, or delete the row and ' +
      'import its report again.';
    expect(refresh(h)).toBe(`The TTS Ads tab: ${problem}`);
    expect(answer(h, 'TTS_ADS', ADS)).toBe(problem);
    expect(answer(h, 'TTS_PNL', LEDGER, COGS, 'month', '', ADS)).toBe(problem);
  });

  it('a row the add-on wrote whose Report was typed over is still refused', async () => {
    const h = await seller();
    await importReport(h, 'campaigns.csv', CAMPAIGN_REPORT);
    h.workbook.seed(ADS, [['']], 5, column(h, 'Report'));
    const problem = 'Row 5, column *Report*: expected ads-manager or gmv-max, found ``';
    expect(refresh(h)).toBe(`The TTS Ads tab: ${problem}`);
    expect(answer(h, 'TTS_ADS', ADS)).toBe(problem);
  });
});

describe('one campaign in two reports of the same days', () => {
  const AD_GROUPS = [
    'By Day,Campaign name,Campaign ID,Ad group name,Ad group ID,Cost,Gross revenue (Shop),Purchases (Shop)',
    ...DAYS.flatMap((d) => [
      `${d},Spring,1800000000000000001,AG1,1810000000000000001,12,50,2`,
      `${d},Spring,1800000000000000001,AG2,1810000000000000002,8,30,1`,
    ]),
  ];

  it.each([
    [
      'renamed "Spring Sale" in the campaign report',
      (d: string) => `${d},Spring Sale,1800000000000000001,20,80,3`,
    ],
    [
      'known only by its Campaign ID in the campaign report',
      (d: string) => `${d},1800000000000000001,20,80,3`,
    ],
    ['known only by its name in the campaign report', (d: string) => `${d},Spring,20,80,3`],
  ])('%s: 200 dollars once, not the ad groups and the campaign both', async (name, line) => {
    const h = await seller();
    await importReport(h, 'adgroups.csv', AD_GROUPS);
    const header = name.includes('only by its Campaign ID')
      ? 'By Day,Campaign ID,Cost,Gross revenue (Shop),Purchases (Shop)'
      : name.includes('only by its name')
        ? 'By Day,Campaign name,Cost,Gross revenue (Shop),Purchases (Shop)'
        : 'By Day,Campaign name,Campaign ID,Cost,Gross revenue (Shop),Purchases (Shop)';
    expect(await importReport(h, 'campaigns.csv', [header, ...DAYS.map(line)])).toMatchObject({
      written: 10,
    });
    expect(maySpend(h)).toEqual({ ads: 200, pnl: 200, netProfit: 200, dashboard: '$200.00' });
    if (name.startsWith('renamed'))
      expect(answer(h, 'TTS_ADS', ADS, 'campaign')).toEqual([
        ['Campaign', 'Spend', 'Attributed revenue', 'ROAS', 'Orders', 'Cost per order'],
        ['Spring Sale', 200, 800, 4, 30, 6.67],
        ['Total', 200, 800, 4, 30, 6.67],
      ]);
  });
});

describe('a GMV Max report by product beside the campaign report of the same days', () => {
  const CAMPAIGNS = [
    'By Day,Campaign name,Campaign ID,Cost,Net cost,Orders (SKU),Cost per order,Gross revenue,ROI',
    ...DAYS.map((d) => `${d},Product GMV Max,1830000000000000001,50,50,10,5,250,5`),
  ];
  /** The same $50 a day by product ($30 + $20), with no campaign column (the shape TikTok exports). */
  const PRODUCTS = [
    'By Day,Product ID,Cost,Orders (SKU),Gross revenue,ROI',
    ...DAYS.flatMap((d) => [`${d},1729000000000000001,30,6,150,5`, `${d},1729000000000000002,20,4,100,5`]),
  ];

  it('books the campaign report: $500, not $1,000; alone, the product report books its own $500', async () => {
    const h = await seller();
    await importReport(h, 'gmvmax-campaigns.csv', CAMPAIGNS);
    expect(await importReport(h, 'gmvmax-products.csv', PRODUCTS)).toMatchObject({ written: 20 });
    expect(maySpend(h)).toEqual({ ads: 500, pnl: 500, netProfit: 500, dashboard: '$500.00' });
    // The products still break the spend down.
    expect(answer(h, 'TTS_ADS', ADS, 'product')).toEqual([
      ['Product', 'Spend', 'Attributed revenue', 'ROAS', 'Orders', 'Cost per order'],
      ['1729000000000000001', 300, 1500, 5, 60, 5],
      ['1729000000000000002', 200, 1000, 5, 40, 5],
      ['Total', 500, 2500, 5, 100, 5],
    ]);

    const alone = await seller();
    await importReport(alone, 'gmvmax-products.csv', PRODUCTS);
    expect(maySpend(alone)).toEqual({ ads: 500, pnl: 500, netProfit: 500, dashboard: '$500.00' });
  });
});
