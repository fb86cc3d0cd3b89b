import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { bookedRows } from '../../src/core/analysis/ad-booking';
import { clockLabel, type AdsGroupBy } from '../../src/core/analysis/ads';
import { AdsTally } from '../../src/core/analysis/ads-tally';
import {
  adSpendByMonth,
  adsByMonth,
  statementAdMonths,
  StatementAdTally,
} from '../../src/core/analysis/ads-profit';
import { productAds } from '../../src/core/analysis/ads-products';
import { adSkusLayout, campaignKey, campaignSkusOf, listedCampaigns } from '../../src/core/analysis/ad-skus';
import { buildCogsTable, monthlySales, netProfit } from '../../src/core/analysis/pnl';
import { parseCsv } from '../../src/core/read/files/csv';
import type { AdRow } from '../../src/core/read/ad-rows';
import { campaignWorkbook } from '../helpers/ad-reports';

const fixture = (name: string) => new URL(`../fixtures/ads/${name}`, import.meta.url);
const adRowsOf = (bytes: Uint8Array, name: string): AdRow[] =>
  parseExportFile(bytes, name).files[0].ads!.rows;
const adFile = (name: string) => adRowsOf(new Uint8Array(readFileSync(fixture(name))), name);
const statement = () =>
  parseExportFile(new Uint8Array(readFileSync(fixture('statement-with-gmv-pay.csv'))), 'statement.csv')
    .files[0].rows;
/** The TTS_ADS lines of rows, summed as TTS_ADS sums a report. */
function adsLines(rows: readonly AdRow[], groupBy: AdsGroupBy, start = '', end = '') {
  const tally = new AdsTally(groupBy, start, end);
  for (const row of rows) tally.add(row);
  return tally.lines();
}
const cogs = () => buildCogsTable(parseCsv(readFileSync(fixture('cogs.csv'), 'utf8')), 'cogs.csv');

describe('ad spend booked once', () => {
  it("takes a day's spend from the coarsest level: campaign rows beat their ad group rows", () => {
    const rows = [...adFile('ads-manager-by-day.csv'), ...adRowsOf(campaignWorkbook(), 'campaigns.xlsx')];
    // Campaign level for 05-01 (50.50) and 05-02 (35.30 + 20.00); ad group level for 05-03 (24.25), which has no campaign row.
    expect(bookedRows(rows).reduce((s, r) => s + (r.cost ?? 0), 0)).toBe(5050 + 3530 + 2000 + 2425);
    expect(adsLines(rows, 'day')).toEqual([
      { group: '2026-05-01', spend: 5050, revenue: 17988, orders: 6 },
      { group: '2026-05-02', spend: 5530, revenue: 16990, orders: 6 },
      { group: '2026-05-03', spend: 2425, revenue: 7497, orders: 3 },
    ]);
  });

  it('groups by campaign and month, within a date range, and names the clock', () => {
    const rows = adFile('ads-manager-by-day.csv').map((r) => ({ ...r, clock: 'UTC-07:00' }));
    expect(adsLines(rows, 'campaign', '2026-05-02', '2026-05-03')).toEqual([
      { group: 'Leggings Always On', spend: 4425, revenue: 12495, orders: 5 },
      { group: 'Spring Tanks', spend: 3525, revenue: 11992, orders: 4 },
    ]);
    expect(adsLines(rows, 'month')).toEqual([{ group: '2026-05', spend: 13000, revenue: 42475, orders: 15 }]);
    expect(clockLabel(rows)).toBe("the ad account's clock, UTC-07:00");
  });
});

describe('profit after ads', () => {
  it("counts GMV Pay transfers and the settlement's GMV Max ad fee once", () => {
    const ledger = statement();
    expect(statementAdMonths(ledger).get('2026-05')).toEqual({
      gmvPayTransfers: 3000,
      adFeesInSettlement: 500,
    });
    const profit = netProfit(ledger, cogs());
    // Settlement 37.60 + 15.80 + 23.50 + 42.00 − 30.00 = 88.90; COGS 3 × 6.00 + 3 × 8.00 = 42.00.
    expect(profit).toMatchObject({ settlement: 8890, cogs: 4200, netProfit: 4690 });
    const gross = new Map(monthlySales(ledger, 'gross').map((m) => [m.month, m.amount]));
    expect(gross.get('2026-05')).toBe(13500);
    const [may] = adsByMonth(
      adFile('gmv-max-by-product.csv'),
      ledger,
      new Map([['2026-05', { grossSales: 13500, netProfit: 4690 }]]),
    );
    // Spend 12 + 8 + 30 + 25 = 75.00, of which 5.00 was already deducted in the settlement.
    // Profit after ads = 46.90 + 30.00 (the transfer is not a cost) − 70.00 = 6.90.
    // Counting the transfer and the fee again would give 88.90 − 42.00 − 75.00 = −28.10.
    expect(may).toEqual({
      month: '2026-05',
      spend: 7500,
      attributedRevenue: 14500,
      adFeesInSettlement: 500,
      spendOnTop: 7000,
      gmvPayTransfers: 3000,
      grossSales: 13500,
      netProfit: 4690,
      profitAfterAds: 690,
      tacos: 0.5556,
      blendedRoas: 1.8,
      attributedRoas: 1.93,
    });
  });

  it('hands the P&L one ad cost per month: spend not in the settlement, less GMV Pay transfers', () => {
    // 75.00 − 5.00 already deducted per order − 30.00 moved by GMV Pay (already out of the settlement) = 40.00.
    expect(adSpendByMonth(adFile('gmv-max-by-product.csv'), statement())).toEqual(
      new Map([['2026-05', 4000]]),
    );
    // Net profit 46.90 − 40.00 = 6.90: the profit after ads of the dashboard.
    // Without ad reports no spend is known: the $30.00 transfer stays out of the settlement as the
    // money spent on ads, never handed back as a negative ad spend.
    expect(adSpendByMonth([], statement())).toEqual(new Map());
  });

  it("finds the same transfers and fees in rows streaming past (a formula's range keeps no rows)", () => {
    const tally = new StatementAdTally();
    parseExportFile(new Uint8Array(readFileSync(fixture('statement-with-gmv-pay.csv'))), 'statement.csv', {
      keepRows: false,
      onView: (view) => tally.addView(view),
    });
    expect(tally.months).toEqual(new Map([['2026-05', { gmvPayTransfers: 3000, adFeesInSettlement: 500 }]]));
    expect(adSpendByMonth(adFile('gmv-max-by-product.csv'), tally.months)).toEqual(
      new Map([['2026-05', 4000]]),
    );
  });

  it("never lets a settlement ad fee larger than the report's spend turn into income", () => {
    const rows = adFile('gmv-max-by-product.csv').slice(0, 1); // 12.00 of spend
    const ledger = statement().map((r) =>
      r.amounts.gmv_max_ad_fee ? { ...r, amounts: { ...r.amounts, gmv_max_ad_fee: -2000 } } : r,
    );
    const [may] = adsByMonth(rows, ledger, new Map([['2026-05', { grossSales: 13500, netProfit: 4690 }]]));
    expect(may).toMatchObject({
      spend: 1200,
      adFeesInSettlement: 2000,
      spendOnTop: 0,
      profitAfterAds: 4690 + 3000,
    });
  });
});

describe('ROAS against break-even per product', () => {
  it('lists the money-losing product first, with hand-worked break-even ROAS and the affiliate overlap', () => {
    const report = productAds(adFile('gmv-max-by-product.csv'), statement(), cogs());
    // Leggings: net sales 75.00, fees −9.50 of which −5.00 is the GMV Max ad fee (ad spend, inside the 55.00
    // below, not a selling fee) → fees −4.50, COGS 24.00 → contribution 46.50, break-even 75 / 46.5 = 1.61;
    // GMV Max: revenue 85.00 on 55.00 of spend → ROAS 1.55; profit after ads 85 × 46.5 / 75 − 55 = 52.70 − 55 = −2.30.
    // Tank: net sales 60.00, fees −6.60, COGS 18.00 → 35.40, break-even 1.69; ROAS 60 / 20 = 3.00; 60 × 0.59 − 20 = 15.40.
    expect(
      report.products.map((p) => [
        p.product,
        p.spend,
        p.revenue,
        p.actualRoas,
        p.breakevenRoas,
        p.profitAfterAds,
        p.losing,
        p.affiliateShare,
      ]),
    ).toEqual([
      ['High-Waist Leggings', 5500, 8500, 1.55, 1.61, -230, true, 0],
      ['Ribbed Knit Tank', 2000, 6000, 3, 1.69, 1540, false, 0.3333],
    ]);
    // 20.00 of the 135.00 of these products' sales paid an affiliate commission.
    expect(report.affiliateShare).toBe(0.1481);
    expect(report.missingCostSkus).toEqual([]);
  });

  it('says why break-even is missing: no matching sales, or no unit cost', () => {
    const rows = adFile('gmv-max-by-product.csv').map((r) =>
      r.productName === 'Ribbed Knit Tank' ? { ...r, productName: 'Mystery Mug', productId: '9' } : r,
    );
    const noCost = buildCogsTable(
      [
        ['SKU', 'Unit cost'],
        ['1732000000000000111', '6.00'],
      ],
      'cogs',
    );
    const report = productAds(rows, statement(), noCost);
    expect(report.products.map((p) => [p.product, p.breakevenRoas, p.note])).toEqual([
      [
        'High-Waist Leggings',
        null,
        'Break-even unknown: no unit cost (or $0) for 1732000000000000222 in TTS COGS.',
      ],
      [
        'Mystery Mug',
        null,
        'No sales of this product in the months its ads ran (matched by SKU ID, else product name; ' +
          'map a campaign to SKUs in the TTS Ad SKUs tab).',
      ],
    ]);
    expect(report.missingCostSkus).toEqual(['1732000000000000222']);
    expect(report.noCostProducts).toEqual(['High-Waist Leggings']);
    expect(report.noSalesProducts).toEqual(['Mystery Mug']);
  });
});

describe('campaigns mapped to SKUs', () => {
  it("gives an Ads Manager campaign its SKUs' break-even ROAS from the seller's mapping", () => {
    const mapping = campaignSkusOf(
      [
        ['Campaign name', 'SKU ID', 'Note'],
        ['Spring Tanks', '1732000000000000111', ''],
        ['Leggings Always On', '1732000000000000222, 1732000000000000999', ''],
        ['Unmapped', '', ''],
      ],
      'TTS Ad SKUs',
    );
    expect(mapping.get(campaignKey('Leggings Always On'))).toEqual([
      '1732000000000000222',
      '1732000000000000999',
    ]);
    const report = productAds(adFile('ads-manager-by-day.csv'), statement(), cogs(), mapping);
    // Spring Tanks: 85.75 spent, 299.80 attributed → ROAS 3.50; the tank's margin 0.59 → 299.80 × 0.59 − 85.75 = 91.13.
    // Leggings Always On: 44.25 spent, 124.95 → 2.82; the leggings' contribution 46.50 (their $5.00 GMV Max
    // ad fee is ad spend, not a selling fee): 124.95 × 46.5 / 75 − 44.25 = 77.47 − 44.25 = 33.22.
    expect(
      report.products.map((p) => [
        p.product,
        p.skus,
        p.spend,
        p.revenue,
        p.actualRoas,
        p.breakevenRoas,
        p.profitAfterAds,
        p.losing,
      ]),
    ).toEqual([
      ['Leggings Always On (campaign)', ['1732000000000000222'], 4425, 12495, 2.82, 1.61, 3322, false],
      ['Spring Tanks (campaign)', ['1732000000000000111'], 8575, 29980, 3.5, 1.69, 9113, false],
    ]);
  });

  it('refuses a SKU a spreadsheet rounded, naming its cell', () => {
    expect(() =>
      campaignSkusOf(
        [
          ['Campaign name', 'SKU ID'],
          ['A', 1.732e18],
        ],
        'TTS Ad SKUs',
      ),
    ).toThrow(
      'TTS Ad SKUs row 2, column SKU ID: the SKU 1.732E+18 lost its last ' +
        'digits (the sheet turned it into a number). Format the column as Plain ' +
        'text and type it again.',
    );
  });

  it('finds the header under a title the seller typed, with columns inserted and moved', () => {
    const tab = [
      ['My ad mapping', '', '', ''],
      ['', 'Note', 'SKU ID', 'Campaign name'],
      ['', 'checked', '1732000000000000111', 'Spring Tanks'],
      ['', '', '1732000000000000222 1732000000000000999', 'Leggings Always On'],
    ];
    expect(adSkusLayout(tab)).toEqual({ headerRow: 2, campaign: 3, sku: 2, note: 1 });
    expect([...listedCampaigns(tab, adSkusLayout(tab)!)]).toEqual(['spring tanks', 'leggings always on']);
    expect([...campaignSkusOf(tab, 'TTS Ad SKUs')]).toEqual([
      ['spring tanks', ['1732000000000000111']],
      ['leggings always on', ['1732000000000000222', '1732000000000000999']],
    ]);
  });

  it('reads no mapping from a tab whose header is gone, rather than guessing its columns', () => {
    const tab = [
      ['Spring Tanks', '1732000000000000111'],
      ['Leggings Always On', '1732000000000000222'],
    ];
    expect(adSkusLayout(tab)).toBeNull();
    expect(campaignSkusOf(tab, 'TTS Ad SKUs').size).toBe(0);
  });

  it("matches a campaign the seller typed in other case or spacing to the report's", () => {
    const mapping = campaignSkusOf(
      [
        ['Campaign name', 'SKU ID'],
        ['spring tanks', '1732000000000000111'],
        ['Leggings   ALWAYS on', '1732000000000000222'],
      ],
      'TTS Ad SKUs',
    );
    const report = productAds(adFile('ads-manager-by-day.csv'), statement(), cogs(), mapping);
    expect(report.products.map((p) => p.product)).toEqual([
      'Leggings Always On (campaign)',
      'Spring Tanks (campaign)',
    ]);
  });

  it('splits SKUs at slashes, bars and full-width commas too, and ignores notes on rows without a campaign', () => {
    const mapping = campaignSkusOf(
      [
        ['Campaign name', 'SKU ID', 'Note'],
        ['Spring Tanks', '111 / 222|333\uff0c444', ''],
        ['', 1.5, 'average of the two above'],
      ],
      'TTS Ad SKUs',
    );
    expect([...mapping]).toEqual([['spring tanks', ['111', '222', '333', '444']]]);
  });
});
