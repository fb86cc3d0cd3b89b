/**
 * A seller's path through the built bundle: a statement, unit costs and ad reports read by the
 * sidebar's reader and sent by the sidebar's ads runner, into TTS Ads; revisions held back until
 * confirmed; then the dashboard's ad blocks and TTS_ADS, with hand-worked numbers.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import type { ParsedExport } from '../../src/core/types';
import { confirmRevisions, runAdsImport } from '../../src/sidebar/import/ads-runner';
import { campaignWorkbook } from '../helpers/ad-reports';
import { COGS, column, ensureBuilt, harness } from './import-harness';
import type { GasRuntime } from '../../emulator/index';

beforeAll(ensureBuilt);

const ADS = 'TTS Ads';
const DASHBOARD = 'TTS Dashboard';

function parsed(
  name: string,
  bytes: Uint8Array = new Uint8Array(readFileSync(new URL(`../fixtures/ads/${name}`, import.meta.url))),
): ParsedExport {
  const result = parseExportFile(bytes, name);
  if (result.errors.length > 0) throw new Error(result.errors[0].message);
  return result.files[0];
}

/** Unit costs typed into the TTS COGS tab the statement import pre-filled (SKU ID → dollars). */
function typeCosts(h: ReturnType<typeof harness>, costs: Record<string, number>): void {
  const tab = h.values(COGS);
  const costColumn = tab[0].indexOf('Unit cost') + 1;
  tab.forEach((row, i) => {
    if (i > 0 && costs[String(row[0])] !== undefined)
      h.workbook.seed(COGS, [[costs[String(row[0])]]], i + 1, costColumn);
  });
}

/** The TTS Dashboard row whose column A is `label`. */
function dashboardRow(values: unknown[][], label: string): unknown[] {
  const row = values.find((r) => r[0] === label);
  if (!row) throw new Error(`no dashboard row ${label}`);
  return row;
}

describe('ad reports into TTS Ads', () => {
  it('writes rows keyed by day, campaign and ad group, with the clock, and adds nothing the second time', async () => {
    const h = harness();
    const report = parsed('ads-manager-by-day.csv');
    const first = await runAdsImport(report, 'UTC-07:00', h.call);
    expect(first).toMatchObject({ status: 'complete', written: 5, duplicates: 0, revisions: [] });
    const tab = h.values(ADS);
    expect(tab).toHaveLength(6);
    expect(column(tab, 'Key')[0]).toBe('ads-manager|2026-05-01|Spring Tanks|Tanks US 18-34');
    expect(column(tab, 'Day')).toEqual([
      '2026-05-01',
      '2026-05-01',
      '2026-05-02',
      '2026-05-02',
      '2026-05-03',
    ]);
    expect(column(tab, 'Clock')).toEqual(Array(5).fill('UTC-07:00'));
    expect(column(tab, 'Cost')).toEqual([40, 10.5, 35.25, 20, 24.25]);
    expect(column(tab, 'Net cost')).toEqual(['', '', '', '', '']);
    expect(h.run('getAdsClock', null)).toBe('UTC-07:00');
    // Its campaigns are listed for the seller to map to SKUs.
    expect(column(h.values('TTS Ad SKUs'), 'Campaign name')).toEqual(['Spring Tanks', 'Leggings Always On']);

    const again = await runAdsImport(report, 'UTC-07:00', h.call);
    expect(again).toMatchObject({ written: 0, duplicates: 5, revisions: [] });
    expect(h.values(ADS)).toHaveLength(6);
  });

  it('shows a revised day and an overlapping range, and replaces only what the seller confirms', async () => {
    const h = harness();
    await runAdsImport(parsed('ads-manager-by-day.csv'), 'UTC-07:00', h.call);
    const revised = parsed('ads-manager-by-day-revised.csv');
    const outcome = await runAdsImport(revised, 'UTC-07:00', h.call);
    expect(outcome).toMatchObject({ written: 2, duplicates: 0 });
    expect(outcome.revisions).toEqual([
      {
        key: 'ads-manager|2026-05-03|Leggings Always On|Leggings Broad',
        day: '2026-05-03',
        what: 'Leggings Always On / Leggings Broad',
        changes: [
          { what: 'Cost', before: '$24.25', after: '$26.10' },
          { what: 'Impressions', before: '9100', after: '9800' },
          { what: 'Clicks', before: '170', after: '181' },
        ],
      },
    ]);
    expect(column(h.values(ADS), 'Cost')).toEqual([40, 10.5, 35.25, 20, 24.25, 18.4, 30]);

    // A seller's own note in a column of their own survives the replacement.
    const tab = h.values(ADS);
    h.workbook.seed(ADS, [['My note'], ['checked']], 1, tab[0].length + 1);
    const confirmed = await confirmRevisions(revised, 'UTC-07:00', outcome.revisions, h.call);
    expect(confirmed).toMatchObject({ status: 'complete', replaced: 1, written: 0 });
    const after = h.values(ADS);
    expect(column(after, 'Cost')).toEqual([40, 10.5, 35.25, 20, 26.1, 18.4, 30]);
    expect(column(after, 'My note')[0]).toBe('checked');
    expect(after).toHaveLength(8);

    // A tab whose Key header was typed over cannot tell its rows apart: refused, nothing written twice.
    h.workbook.seed(ADS, [['My key']], 1, 1);
    await expect(runAdsImport(revised, 'UTC-07:00', h.call)).resolves.toMatchObject({
      status: 'failed',
      message: expect.stringContaining('The TTS Ads tab has no Key column in row 1.'),
    });
    expect(h.values(ADS)).toHaveLength(8);
  });

  it('refuses a clock that is not a UTC offset and a hand-made key, and keeps an XLSX at campaign level apart', async () => {
    const h = harness();
    const report = parsed('campaigns.xlsx', campaignWorkbook());
    await expect(runAdsImport(report, 'Pacific', h.call)).resolves.toMatchObject({
      status: 'failed',
      message: expect.stringContaining(
        'expected the ad account\'s UTC offset such as UTC-07:00, found "Pacific"',
      ),
    });
    const forged = {
      ...report,
      ads: { ...report.ads!, rows: report.ads!.rows.map((r) => ({ ...r, key: 'x' })) },
    };
    const outcome = await runAdsImport(forged, 'UTC-05:00', h.call);
    expect(outcome.written).toBe(3);
    expect(column(h.values(ADS), 'Key')).toEqual([
      'ads-manager|2026-05-01|#1800000000000000001|',
      'ads-manager|2026-05-02|#1800000000000000001|',
      'ads-manager|2026-05-02|#1800000000000000002|',
    ]);
    expect(column(h.values(ADS), 'Level')).toEqual(['campaign', 'campaign', 'campaign']);
  });
});

describe('statement + COGS + GMV Max report → the dashboard', () => {
  it('shows profit after ads with GMV Pay and the settlement ad fee counted once, TACoS, and the money-losing product first', async () => {
    const h = harness();
    const [statement] = await h.importFiles([parsed('statement-with-gmv-pay.csv')]);
    expect(statement).toMatchObject({ status: 'complete', cogsAdded: 2 });
    typeCosts(h, { '1732000000000000111': 6, '1732000000000000222': 8 });
    await runAdsImport(parsed('gmv-max-by-product.csv'), 'UTC-07:00', h.call);
    const result = h.run('refreshDashboard', null) as { message: string; charts: number };
    expect(result.charts).toBe(7);
    expect(result.message).toContain(
      'Ads 2026-05: $75.00 spent (TACoS 55.56%), profit after ads $6.90. 1 product loses money on ads.',
    );

    const dash = h.values(DASHBOARD);
    // Net profit 88.90 − 42.00 = 46.90; + 30.00 GMV Pay transfer (not a cost); − (75.00 − 5.00 already in the settlement) = 6.90.
    // Subtracting the report's 75.00 from the settlement-based profit would show −28.10.
    const at = dash.findIndex((r) => r[0] === 'Month' && r[1] === 'Ad spend');
    expect(dash[at].slice(0, 10)).toEqual([
      'Month',
      'Ad spend',
      'Attributed revenue',
      'Net profit',
      'GMV Pay transfers',
      'Ad fees in settlement',
      'Profit after ads',
      'TACoS',
      'Blended ROAS',
      'Attributed ROAS',
    ]);
    expect(dash[at + 1].slice(0, 10)).toEqual(['2026-05', 75, 145, 46.9, 30, 5, 6.9, 0.5556, 1.8, 1.93]);
    // The profit table counts the same ad spend (75.00 − 5.00 in the settlement − 30.00 GMV Pay = 40.00), as TTS_PNL with ads does.
    const profit = dash.findIndex((r) => r[0] === 'Month' && r[1] === 'Settlement');
    expect(dash[profit + 1].slice(0, 9)).toEqual(['2026-05', 88.9, 42, 46.9, 0, 0, 40, 6.9, 0.0511]);
    const monthly = dash.find((r) => r[0] === '2026-05')!;
    expect(monthly[6]).toBe(6.9);

    const products = dash.slice(
      dash.findIndex((r) => r[0] === 'Product') + 1,
      dash.findIndex((r) => r[0] === 'Product') + 3,
    );
    expect(products.map((r) => r.slice(0, 7))).toEqual([
      // The leggings' $5.00 GMV Max ad fee is in the 55.00 of spend, not a selling fee: contribution 46.50 of
      // 75.00, break-even 1.61; 85 × 0.62 − 55 = −2.30.
      ['High-Waist Leggings', 55, 85, 1.55, 1.61, -2.3, 0],
      ['Ribbed Knit Tank', 20, 60, 3, 1.69, 15.4, 0.3333],
    ]);
    expect(String(dashboardRow(dash, 'Products losing money on ads')[1])).toBe('1: High-Waist Leggings.');
    expect(String(dashboardRow(dash, 'Clocks')[1])).toContain("the ad account's clock, UTC-07:00");
  });

  it('never says no product loses money when unit costs are missing or $0: it names the products whose break-even is unknown', async () => {
    const h = harness();
    await h.importFiles([parsed('statement-with-gmv-pay.csv')]);
    await runAdsImport(parsed('gmv-max-by-product.csv'), 'UTC-07:00', h.call);
    const blank = h.run('refreshDashboard', null) as { message: string };
    expect(blank.message).toContain(
      'No product is known to lose money on its ads. Break-even unknown for 2 products without a unit cost.',
    );
    expect(blank.message).not.toContain('No product loses money');
    let dash = h.values(DASHBOARD);
    expect(String(dashboardRow(dash, 'Products losing money on ads')[1])).toBe(
      'None known. Break-even unknown for 2 products without a unit cost: High-Waist Leggings, Ribbed Knit Tank (fill the unit costs in TTS COGS).',
    );
    const at = dash.findIndex((r) => r[0] === 'Product');
    expect(dash.slice(at + 1, at + 3).map((r) => [r[0], r[4], r[5], r[7]])).toEqual([
      [
        'High-Waist Leggings',
        '',
        '',
        'Break-even unknown: no unit cost (or $0) for 1732000000000000222 in TTS COGS.',
      ],
      [
        'Ribbed Knit Tank',
        '',
        '',
        'Break-even unknown: no unit cost (or $0) for 1732000000000000111 in TTS COGS.',
      ],
    ]);

    // A unit cost of $0 is no cost filled in: the leggings stay unknown, the tank is worked out.
    typeCosts(h, { '1732000000000000111': 6, '1732000000000000222': 0 });
    const zero = h.run('refreshDashboard', null) as { message: string };
    expect(zero.message).toContain(
      'No product is known to lose money on its ads. Break-even unknown for 1 product without a unit cost.',
    );
    dash = h.values(DASHBOARD);
    expect(String(dashboardRow(dash, 'Products losing money on ads')[1])).toBe(
      'None known. Break-even unknown for 1 product without a unit cost: High-Waist Leggings (fill the unit costs in TTS COGS).',
    );
  });

  it("uses the seller's campaign → SKU mapping for an Ads Manager report", async () => {
    const h = harness();
    await h.importFiles([parsed('statement-with-gmv-pay.csv')]);
    typeCosts(h, { '1732000000000000111': 6, '1732000000000000222': 8 });
    await runAdsImport(parsed('ads-manager-by-day.csv'), 'UTC-07:00', h.call);
    const skus = h.values('TTS Ad SKUs');
    const skuColumn = skus[0].indexOf('SKU ID') + 1;
    h.workbook.seed(
      'TTS Ad SKUs',
      [['1732000000000000111']],
      column(skus, 'Campaign name').indexOf('Spring Tanks') + 2,
      skuColumn,
    );
    h.run('refreshDashboard', null);
    const dash = h.values(DASHBOARD);
    const at = dash.findIndex((r) => r[0] === 'Product');
    // 85.75 spent, 299.80 attributed; the tank's margin 0.59 → 91.13 after ads; Leggings Always On is not mapped.
    expect(dash[at + 1].slice(0, 7)).toEqual([
      'Spring Tanks (campaign)',
      85.75,
      299.8,
      3.5,
      1.69,
      91.13,
      0.3333,
    ]);
    expect(dash[at + 2][0]).toBe('');
  });

  it('answers TTS_ADS from the TTS Ads tab by month and by product, naming the clock', async () => {
    const h = harness();
    await runAdsImport(parsed('gmv-max-by-product.csv'), 'UTC-07:00', h.call);
    const tab = h.values(ADS);
    expect(h.run('TTS_ADS', tab)).toEqual([
      [
        "Month (the ad account's clock, UTC-07:00)",
        'Spend',
        'Attributed revenue',
        'ROAS',
        'Orders',
        'Cost per order',
      ],
      ['2026-05', 75, 145, 1.93, 6, 12.5],
      ['Total', 75, 145, 1.93, 6, 12.5],
    ]);
  });

  it('refuses the dashboard, as TTS_ADS does, when a row of TTS Ads cannot be read: its spend is never left out unsaid', async () => {
    const h = harness();
    await h.importFiles([parsed('statement-with-gmv-pay.csv')]);
    await runAdsImport(parsed('ads-manager-by-day.csv'), 'UTC-07:00', h.call);
    const tab = h.values(ADS);
    const cost = tab[0].indexOf('Cost') + 1;
    // A note typed over a day's cost ($35.25 on row 4).
    h.workbook.seed(ADS, [['disputed']], 4, cost);
    const noted = 'Row 4, column *Cost*: expected an amount, found `disputed`';
    expect(() => h.run('refreshDashboard', null)).toThrow(`The TTS Ads tab: ${noted}`);
    expect(() => h.run('TTS_ADS', h.values(ADS))).toThrow(noted);

    // A row the seller adds by hand (no Key: not the add-on's) is skipped and said, never counted.
    h.workbook.seed(ADS, [[35.25]], 4, cost);
    const added = tab.length + 1;
    const day = tab[0].indexOf('Day');
    h.workbook.seed(ADS, [[tab[1][day]]], added, day + 1);
    h.workbook.seed(ADS, [['Influencer flat fee']], added, tab[0].indexOf('Campaign name') + 1);
    h.workbook.seed(ADS, [[200]], added, cost);
    // 40 + 10.50 + 35.25 + 20 + 24.25, without the $200 typed in.
    const { message } = h.run('refreshDashboard', null) as { message: string };
    expect(message).toContain('$130.00 spent');
    expect(message).toContain(
      '1 row of the TTS Ads tab without a Key (not written by TTS Profit) was skipped.',
    );
    // As Sheets passes a range: every cell of the rectangle, blank ones as ''.
    const range = () =>
      h.values(ADS).map((row) => Array.from({ length: tab[0].length }, (_, c) => row[c] ?? ''));
    // A custom function's range arrives as cells (dates as Date), not through google.script.run.
    let answer: unknown;
    h.run('getAdsClock', null, (rt: GasRuntime) => (answer = rt.call('TTS_ADS', range())));
    expect((answer as unknown[][]).slice(-2)).toEqual([
      ['Total', 130, expect.any(Number), expect.any(Number), expect.any(Number), expect.any(Number)],
      ['1 row without a Key was skipped — it is not an imported row', '', '', '', '', ''],
    ]);

    // A row the add-on wrote (it has a Key) whose Report was typed over is still refused.
    const report = tab[0].indexOf('Report') + 1;
    h.workbook.seed(ADS, [['']], 3, report);
    const blank = 'Row 3, column *Report*: expected ads-manager or gmv-max, found ``';
    expect(() => h.run('refreshDashboard', null)).toThrow(`The TTS Ads tab: ${blank}`);
    h.run('getAdsClock', null, (rt: GasRuntime) => expect(() => rt.call('TTS_ADS', range())).toThrow(blank));
  });

  it('counts ads run before the first sale in the profit table: a month of ad spend and no sales is a loss', async () => {
    const h = harness();
    await h.importFiles([
      parsed('statement-2026-05.csv', new Uint8Array(readFileSync('samples/statement-2026-05.csv'))),
    ]);
    const days = (month: string, count: number, cost: string) =>
      Array.from(
        { length: count },
        (_, d) =>
          `${month}-${String(d + 1).padStart(2, '0')},Spring push,1800000000000001,${cost},1000,1,25.00`,
      );
    const csv = [
      'By Day,Campaign name,Campaign ID,Cost,Impressions,Purchases (Shop),Gross revenue (Shop)',
      ...days('2026-03', 31, '20.00'), // before the first order (April): $620.00
      ...days('2026-04', 30, '12.50'), // $375.00
    ].join('\n');
    await runAdsImport(parsed('ads-before-launch.csv', new TextEncoder().encode(csv)), 'UTC-07:00', h.call);
    h.run('refreshDashboard', null);
    const values = h.values(DASHBOARD);
    const header = values.findIndex(
      (r) => r.includes('Settlement') && r.includes('Ad spend') && r.includes('Net profit'),
    );
    const at = values[header].indexOf('Month');
    const row = (month: string) => values.slice(header + 1).find((r) => r[at] === month)!;
    const column = (label: string) => values[header].indexOf(label);
    // March: nothing settled, $620.00 of ads: a loss of $620.00.
    expect([
      row('2026-03')[column('Settlement')],
      row('2026-03')[column('Ad spend')],
      row('2026-03')[column('Net profit')],
    ]).toEqual([0, 620, -620]);
    expect(row('2026-04')[column('Ad spend')]).toBe(375);
    // The ads table has March's profit after ads too.
    const ads = values.findIndex((r) => r.includes('Profit after ads'));
    const adsAt = values[ads].indexOf('Month');
    const march = values.slice(ads + 1).find((r) => r[adsAt] === '2026-03')!;
    expect(march[values[ads].indexOf('Profit after ads')]).toBe(-620);
  });

  it('counts ads reported ahead of the statements in the profit table: a month of ad spend after the last order is a loss', async () => {
    const h = harness();
    await h.importFiles([
      parsed('statement-2026-05.csv', new Uint8Array(readFileSync('samples/statement-2026-05.csv'))),
    ]);
    const day = (date: string) => `${date},Summer push,1800000000000002,10.00,1000,1,25.00`;
    const csv = [
      'By Day,Campaign name,Campaign ID,Cost,Impressions,Purchases (Shop),Gross revenue (Shop)',
      ...[
        '2026-05-25',
        '2026-05-26',
        '2026-05-27',
        '2026-05-28',
        '2026-05-29',
        '2026-05-30',
        '2026-05-31',
      ].map(day),
      ...['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-04', '2026-06-05'].map(day), // after the last order: $50.00
    ].join('\n');
    await runAdsImport(parsed('ads-ahead.csv', new TextEncoder().encode(csv)), 'UTC-07:00', h.call);
    h.run('refreshDashboard', null);
    const values = h.values(DASHBOARD);
    const header = values.findIndex(
      (r) => r.includes('Settlement') && r.includes('Ad spend') && r.includes('Net profit'),
    );
    const at = values[header].indexOf('Month');
    const june = values.slice(header + 1).find((r) => r[at] === '2026-06')!;
    const column = (label: string) => values[header].indexOf(label);
    // June: nothing settled yet, $50.00 of ads: a loss of $50.00, as TTS_COST_DETAIL's June says.
    expect([june[column('Settlement')], june[column('Ad spend')], june[column('Net profit')]]).toEqual([
      0, 50, -50,
    ]);
    // May's $70.00 and June's $50.00: every day reported.
    const below = values.slice(header + 1);
    const months = below.slice(
      0,
      below.findIndex((r) => !/^\d{4}-\d{2}$/.test(String(r[at]))),
    );
    expect(months.reduce((sum, r) => sum + Math.round(Number(r[column('Ad spend')]) * 100), 0)).toBe(12000);
  });
});
