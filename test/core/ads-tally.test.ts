/**
 * TTS_ADS sums a report as it is read (ads-tally.ts), keeping no row; the other ad analyses book
 * spend from the rows themselves (bookedRows). Both must book the same rows: the tally's lines
 * are checked against grouping bookedRows' rows, on random reports mixing levels, reports, days,
 * campaigns named or known only by ID, account rows and product rows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookedRows } from '../../src/core/analysis/ad-booking';
import { productOf, productRows, type AdsGroupBy, type AdsLine } from '../../src/core/analysis/ads';
import { AdsTally } from '../../src/core/analysis/ads-tally';
import { spendOf, type AdLevel, type AdRow } from '../../src/core/read/ad-rows';

/** The lines as TTS_ADS once made them, from the whole list of rows. */
function linesFromRows(rows: readonly AdRow[], groupBy: AdsGroupBy, start: string, end: string): AdsLine[] {
  const source = groupBy === 'product' ? productRows(rows) : bookedRows(rows);
  const lines = new Map<string, AdsLine>();
  // A campaign's booked rows of a day go under the name of its first one (one Campaign ID, one line).
  const named = new Map<string, string>();
  for (const row of source) {
    const id = `${row.report}|${row.day}|${row.campaignId || `(name) ${row.campaign}`}`;
    if (!named.has(id)) named.set(id, row.campaign || row.campaignId || '(no campaign)');
    if ((start && row.day < start) || (end && row.day > end)) continue;
    const group =
      groupBy === 'day'
        ? row.day
        : groupBy === 'month'
          ? row.day.slice(0, 7)
          : groupBy === 'campaign'
            ? named.get(id)!
            : productOf(row);
    let line = lines.get(group);
    if (!line) lines.set(group, (line = { group, spend: 0, revenue: 0, orders: 0 }));
    line.spend += spendOf(row);
    line.revenue += row.revenue ?? 0;
    line.orders += row.orders ?? 0;
  }
  const out = [...lines.values()];
  if (groupBy === 'day' || groupBy === 'month')
    out.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  else out.sort((a, b) => b.spend - a.spend || a.group.localeCompare(b.group));
  return out;
}

function row(fields: Partial<AdRow>): AdRow {
  return {
    key: '',
    report: 'ads-manager',
    level: 'campaign',
    day: '2026-05-01',
    clock: '',
    account: '',
    campaign: '',
    campaignId: '',
    adGroup: '',
    adGroupId: '',
    ad: '',
    adId: '',
    productId: '',
    productName: '',
    skuId: '',
    cost: null,
    netCost: null,
    revenue: null,
    orders: null,
    impressions: null,
    clicks: null,
    extra: {},
    source: { file: 'ads.csv', row: 2 },
    ...fields,
  };
}

const LEVELS: AdLevel[] = ['account', 'campaign', 'ad group', 'product', 'ad'];
const figure = fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null });
const adRow = fc
  .record({
    report: fc.constantFrom('ads-manager' as const, 'gmv-max' as const),
    level: fc.constantFrom(...LEVELS),
    day: fc.constantFrom('2026-04-30', '2026-05-01', '2026-05-02', '2026-06-01'),
    clock: fc.constantFrom('', 'UTC-07:00'),
    campaign: fc.constantFrom('', 'Always On', 'Spring', 'spring', 'Ｓｐｒｉｎｇ'),
    campaignId: fc.constantFrom('', '1800000000000001'),
    productName: fc.constantFrom('', 'Tank', 'Leggings'),
    productId: fc.constantFrom('', '1729000000000001'),
    cost: figure,
    netCost: figure,
    revenue: figure,
    orders: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }),
  })
  .map(row);

describe('TTS_ADS tally', () => {
  it('books the rows bookedRows books, by day, month, campaign and product, within any dates', () => {
    fc.assert(
      fc.property(
        fc.array(adRow, { maxLength: 40 }),
        fc.constantFrom<AdsGroupBy>('day', 'month', 'campaign', 'product'),
        fc.constantFrom('', '2026-05-01'),
        fc.constantFrom('', '2026-05-01', '2026-05-31'),
        (rows, groupBy, start, end) => {
          const tally = new AdsTally(groupBy, start, end);
          for (const r of rows) tally.add(r);
          expect(tally.lines()).toEqual(linesFromRows(rows, groupBy, start, end));
          expect([...tally.clocks].sort()).toEqual([...new Set(rows.map((r) => r.clock))].sort());
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('a campaign row read after its ad group rows replaces them; an account row replaces every campaign of its day', () => {
    const tally = new AdsTally('campaign');
    tally.add(row({ level: 'ad group', campaign: 'Spring', adGroup: 'A', cost: 1000 }));
    tally.add(row({ level: 'ad group', campaign: 'Spring', adGroup: 'B', cost: 2000 }));
    tally.add(row({ level: 'campaign', campaign: 'Spring', cost: 3050 }));
    tally.add(row({ level: 'ad group', campaign: 'Spring', adGroup: 'C', cost: 999 }));
    tally.add(row({ day: '2026-05-02', level: 'campaign', campaign: 'Spring', cost: 500 }));
    tally.add(row({ day: '2026-05-02', level: 'account', cost: 700 }));
    expect(tally.lines()).toEqual([
      { group: 'Spring', spend: 3050, revenue: 0, orders: 0 },
      { group: '(no campaign)', spend: 700, revenue: 0, orders: 0 },
    ]);
  });
});

describe('which campaign a row belongs to', () => {
  const spendOfDay = (rows: AdRow[]) => {
    const tally = new AdsTally('day');
    for (const r of rows) tally.add(r);
    return tally.lines().map((l) => l.spend);
  };

  it('by Campaign ID: a campaign renamed between the ad group and the campaign report is booked once', () => {
    const id = '1800000000000001';
    const rows = [
      row({ level: 'ad group', campaign: 'Spring', campaignId: id, adGroup: 'A', cost: 1200 }),
      row({ level: 'ad group', campaign: 'Spring', campaignId: id, adGroup: 'B', cost: 800 }),
      row({ level: 'campaign', campaign: 'Spring Sale', campaignId: id, cost: 2000 }),
    ];
    expect(spendOfDay(rows)).toEqual([2000]);
    expect(bookedRows(rows).map((r) => r.campaign)).toEqual(['Spring Sale']);
  });

  it('a name seen beside one ID that day is that campaign; beside two IDs (two accounts) it is neither', () => {
    const adGroups = [
      row({ level: 'ad group', campaign: 'Always On', campaignId: '1', adGroup: 'A', cost: 500 }),
      row({ level: 'ad group', campaign: 'Always On', campaignId: '1', adGroup: 'B', cost: 300 }),
    ];
    // A campaign report without IDs replaces the ad groups it sums.
    expect(spendOfDay([...adGroups, row({ campaign: 'Always On', cost: 800 })])).toEqual([800]);
    // Two campaigns of one name with their own IDs are two campaigns: neither replaces the other's rows.
    const other = row({ campaign: 'Always On', campaignId: '2', cost: 900 });
    expect(spendOfDay([...adGroups, other])).toEqual([1700]);
  });

  it('rows naming no campaign (GMV Max by product) break down the campaigns of their day, and alone are the spend', () => {
    const gmv = (fields: Partial<AdRow>) => row({ report: 'gmv-max', ...fields });
    const products = [
      gmv({ level: 'product', productId: '1729000000000001', cost: 3000 }),
      gmv({ level: 'product', productId: '1729000000000002', cost: 2000 }),
    ];
    const campaign = gmv({ campaign: 'Product GMV Max', campaignId: '1830000000000001', cost: 5000 });
    expect(spendOfDay([campaign, ...products])).toEqual([5000]);
    expect(spendOfDay([...products, campaign])).toEqual([5000]);
    expect(spendOfDay(products)).toEqual([5000]);
    // An account row is the whole day, whatever else the day has.
    expect(spendOfDay([campaign, gmv({ level: 'account', cost: 5100 })])).toEqual([5100]);
  });
});
