/**
 * Ads in the formulas, through the built dist/Code.js: TTS_ADS on a pasted report (Date cells,
 * numbers as Sheets passes them), TTS_PNL and TTS_NET_PROFIT with the ads argument on a statement
 * carrying a GMV Pay transfer and a per-order GMV Max ad fee, figures worked out by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, type GasRuntime } from '../../emulator/sandbox';
import {
  codeFile,
  ensureBuilt,
  errorOf,
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

const statement = () => sheetRange(rt, readCsv('test/fixtures/ads/statement-with-gmv-pay.csv'));
const cogs = () => inSandbox(rt, readCsv('test/fixtures/ads/cogs.csv'));
/** A report as it lands when pasted into a sheet: days as Date cells, figures as numbers. */
function pasted(name: string): unknown {
  const rows = readCsv(`test/fixtures/ads/${name}`);
  return inSandbox(
    rt,
    rows.map((row, r) =>
      row.map((cell, c) => {
        if (r === 0) return cell;
        if (c === 0 && /^\d{4}-\d\d-\d\d$/.test(cell)) return sheetDate(cell, rt.workbook.timeZone)!;
        return /^-?\d+(\.\d+)?$/.test(cell) && cell.length < 15 ? Number(cell) : cell;
      }),
    ),
  );
}

describe('TTS_ADS', () => {
  it('by campaign, day and product from a pasted report, within a date range', () => {
    expect(rt.call('TTS_ADS', pasted('gmv-max-by-product.csv'), 'campaign')).toEqual([
      ['Campaign', 'Spend', 'Attributed revenue', 'ROAS', 'Orders', 'Cost per order'],
      ['GMV Max Leggings', 55, 85, 1.55, 3, 18.33],
      ['GMV Max Tanks', 20, 60, 3, 3, 6.67],
      ['Total', 75, 145, 1.93, 6, 12.5],
    ]);
    expect(
      rt.call(
        'TTS_ADS',
        pasted('ads-manager-by-day.csv'),
        'day',
        '2026/5/2',
        inSandbox(rt, sheetDate('2026-05-02', rt.workbook.timeZone)),
      ),
    ).toEqual([
      ["Day (the ad account's clock)", 'Spend', 'Attributed revenue', 'ROAS', 'Orders', 'Cost per order'],
      ['2026-05-02', 55.25, 169.9, 3.08, 6, 9.21],
      ['Total', 55.25, 169.9, 3.08, 6, 9.21],
    ]);
    expect(rt.call('TTS_ADS', pasted('gmv-max-by-product.csv'), 'product')).toEqual([
      ['Product', 'Spend', 'Attributed revenue', 'ROAS', 'Orders', 'Cost per order'],
      ['High-Waist Leggings', 55, 85, 1.55, 3, 18.33],
      ['Ribbed Knit Tank', 20, 60, 3, 3, 6.67],
      ['Total', 75, 145, 1.93, 6, 12.5],
    ]);
  });

  it('counts a campaign row once when its ad group rows are pasted under it with `-` for its ad group', () => {
    // Ads Manager writes `-` in the Ad group name of a campaign's own row: 50.50 is the sum of its
    // two ad groups (40.00 + 10.50), so the day's spend is 50.50 + 20.00, not 121.00.
    const header = [
      'By Day',
      'Campaign name',
      'Ad group name',
      'Cost',
      'Purchases (Shop)',
      'Gross revenue (Shop)',
    ];
    const report = [
      header,
      ['2026-05-01', 'Spring Tanks', '-', 50.5, 6, 179.88],
      ['2026-05-01', 'Spring Tanks', 'Tanks US 18-34', 40, 5, 149.9],
      ['2026-05-01', 'Spring Tanks', 'Tanks Lookalike', 10.5, 1, 29.98],
      ['2026-05-02', 'Leggings', 'Leggings Broad', 20, 2, 49.98],
    ];
    expect(rt.call('TTS_ADS', inSandbox(rt, report), 'campaign')).toEqual([
      ['Campaign', 'Spend', 'Attributed revenue', 'ROAS', 'Orders', 'Cost per order'],
      ['Spring Tanks', 50.5, 179.88, 3.56, 6, 8.42],
      ['Leggings', 20, 49.98, 2.5, 2, 10],
      ['Total', 70.5, 229.86, 3.26, 8, 8.81],
    ]);
  });

  it('leaves out a =SUM row the seller typed under the Cost column, with no day and no label', () => {
    const rows = readCsv('test/fixtures/ads/ads-manager-by-day.csv').slice(0, -1);
    const sums = rows[0].map((h) => (h === 'Cost' ? 130 : h === 'Gross revenue (Shop)' ? 424.75 : ''));
    const answer = rt.call('TTS_ADS', inSandbox(rt, [...rows, sums]));
    expect(answer).toEqual(rt.call('TTS_ADS', inSandbox(rt, rows)));
    expect(answer).toContainEqual(['Total', 130, 424.75, 3.27, 15, 8.67]);
  });

  it('says what to pass when the range is not an ad report, or the grouping is unknown', () => {
    expect(errorOf(() => rt.call('TTS_ADS', statement()))).toBe(
      'The ads range holds a US Statement export (2024 CSV), not an ad ' +
        'report: pass an Ads Manager or GMV Max report (By Day, Campaign name, ' +
        'Cost, Gross revenue), or the TTS Ads tab.',
    );
    expect(errorOf(() => rt.call('TTS_ADS', pasted('ads-manager-by-day.csv'), 'week'))).toBe(
      'group_by must be "day", "month", "campaign" or "product", found "week".',
    );
    expect(errorOf(() => rt.call('TTS_ADS', pasted('ads-manager-by-day.csv'), 'product'))).toMatch(
      /^The ad range has no rows by product/,
    );
    expect(errorOf(() => rt.call('TTS_PNL', pasted('ads-manager-by-day.csv')))).toMatch(
      /^The statement range holds a TikTok Ads Manager report, not a statement export: pass it to TTS_ADS/,
    );
  });
});

describe('TTS_PNL and TTS_NET_PROFIT with ads', () => {
  // Settlement 88.90 (after the 30.00 GMV Pay transfer and the 5.00 GMV Max ad fee); COGS 42.00 → 46.90.
  // Ad spend for the P&L: 75.00 − 5.00 already in the settlement − 30.00 transfer = 40.00 → net profit 6.90.
  // Without the ads argument the transfer stays a cost: 46.90.
  it('puts the ad spend once into the Ad spend column, and net profit after ads', () => {
    const table = rt.call(
      'TTS_PNL',
      statement(),
      cogs(),
      'month',
      '',
      pasted('gmv-max-by-product.csv'),
    ) as unknown[][];
    const at = (label: string) => table[0].indexOf(label);
    expect(
      table.map((row) => [
        row[0],
        row[at('Settlement')],
        row[at('COGS')],
        row[at('Ad spend')],
        row[at('Net profit (after ads)')],
      ]),
    ).toEqual([
      ['Month', 'Settlement', 'COGS', 'Ad spend', 'Net profit (after ads)'],
      ['2026-05', 88.9, 42, 40, 6.9],
      ['Total', 88.9, 42, 40, 6.9],
    ]);
    expect(rt.call('TTS_NET_PROFIT', statement(), cogs(), '', '', pasted('gmv-max-by-product.csv'))).toBe(
      6.9,
    );
    expect(rt.call('TTS_NET_PROFIT', statement(), cogs())).toBe(46.9);
  });
});

describe('TTS_PNL with ads: TACoS and ROAS by month', () => {
  // A statement over April–July: April 100.00 and July 50.00 of gross sales, May the fixture's 135.00, June none.
  const longStatement = () =>
    sheetRange(rt, [
      ...readCsv('test/fixtures/ads/statement-with-gmv-pay.csv'),
      (
        '2026/04/15,7500000000000000010,Order,577000000000000110,1732000000000000111,5,Ribbed ' +
        'Knit Tank,2026/04/10,90.00,100.00,100.00,-10.00,-10.00,0.00,0.00,0.00'
      ).split(','),
      (
        '2026/07/10,7500000000000000011,Order,577000000000000111,1732000000000000111,2,Ribbed ' +
        'Knit Tank,2026/07/05,45.00,50.00,50.00,-5.00,-5.00,0.00,0.00,0.00'
      ).split(','),
    ]);
  // The GMV Max report's May (75.00 spent, 145.00 attributed) and a June day of 20.00 spent that sold nothing.
  const ads = () =>
    inSandbox(rt, [
      ...readCsv('test/fixtures/ads/gmv-max-by-product.csv'),
      '2026-06-15,GMV Max Tanks,1729000000000000001,Ribbed Knit Tank,20.00,20.00,0,,0.00,0.00'.split(','),
    ]);
  const AD_COLUMNS = [
    'Ad spend',
    'Ad spend (ad reports)',
    'Attributed revenue',
    'TACoS',
    'Blended ROAS',
    'Attributed ROAS',
  ];

  it("adds the reports' spend, TACoS and ROAS per month and in total, with — where there is nothing to divide by", () => {
    const table = rt.call('TTS_PNL', longStatement(), '', 'month', '', ads()) as unknown[][];
    const header = table[0] as string[];
    expect(header.slice(-5)).toEqual([
      'Ad spend (ad reports)',
      'Attributed revenue',
      'TACoS',
      'Blended ROAS',
      'Attributed ROAS',
    ]);
    expect(header).toContain('Net profit (after ads)');
    const cols = ['Month', 'Gross sales', ...AD_COLUMNS].map((label) => header.indexOf(label));
    expect(table.map((row) => cols.map((c) => row[c]))).toEqual([
      ['Month', 'Gross sales', ...AD_COLUMNS],
      // No ad spend: TACoS 0 ÷ 100.00 = 0 %, ROAS has nothing to divide by.
      ['2026-04', 100, 0, 0, 0, 0, '—', '—'],
      // 75.00 ÷ 135.00 = 0.5556; 135.00 ÷ 75.00 = 1.80; 145.00 ÷ 75.00 = 1.93. The P&L's Ad spend: 75.00 − 5.00 fee − 30.00 GMV Pay = 40.00.
      ['2026-05', 135, 40, 75, 145, 0.5556, 1.8, 1.93],
      // Spend and no sales: TACoS has nothing to divide by; the ROAS of 0.00 is a true 0.
      ['2026-06', 0, 20, 20, 0, '—', 0, 0],
      ['2026-07', 50, 0, 0, 0, 0, '—', '—'],
      // 95.00 ÷ 285.00 = 0.3333; 285.00 ÷ 95.00 = 3.00; 145.00 ÷ 95.00 = 1.526… → 1.53.
      ['Total', 285, 60, 95, 145, 0.3333, 3, 1.53],
    ]);
  });

  it('leaves the ad cells of a SKU row blank (ad spend belongs to months) and fills the Total row', () => {
    const table = rt.call('TTS_PNL', longStatement(), '', 'sku', '', ads()) as unknown[][];
    const header = table[0] as string[];
    const cols = ['SKU', ...AD_COLUMNS.slice(1)].map((label) => header.indexOf(label));
    expect(table.slice(1).map((row) => cols.map((c) => row[c]))).toEqual([
      ['(no SKU)', '', '', '', '', ''],
      ['1732000000000000111', '', '', '', '', ''],
      ['1732000000000000222', '', '', '', '', ''],
      ['Total', 95, 145, 0.3333, 3, 1.53],
    ]);
  });

  it('keeps the table as it was without the ads argument', () => {
    const table = rt.call('TTS_PNL', longStatement()) as unknown[][];
    expect(table[0]).not.toContain('TACoS');
    expect(table[0]).toContain('Net profit');
  });
});
