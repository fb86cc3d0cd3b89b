/**
 * The ad reader finds a repeated row through the cells in hand (AdRowIndex) instead of making
 * each row's key text: two rows must meet there exactly when their keys (adRowKey, as the TTS Ads
 * tab keeps them) are equal, whatever `|`, ` / `, `#` or `@` the names hold; and a report read as
 * a stream (TTS_ADS) must book what the same report read whole books, problems included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookedRows } from '../../src/core/analysis/ad-booking';
import { campaignOf } from '../../src/core/analysis/ads';
import { AdsTally } from '../../src/core/analysis/ads-tally';
import { adRowKey, AdRowIndex, spendOf, type AdRow } from '../../src/core/read/ad-rows';
import { parseSheetRows } from '../../src/core/read/parse-export';
import type { CellValue } from '../../src/core/types';

// Few parts, mostly blank, so that rows often share a key or a key text.
const part = fc.constantFrom('', '', '', 'A', 'B', 'A|B', 'B|', '|A', 'A / B', '#A', '@A', '|@A', ' / ');
const id = fc.constantFrom('', '', '', 'A', 'A|B');
const keyRow = fc.record({
  report: fc.constantFrom('ads-manager' as const, 'ads-manager' as const, 'gmv-max' as const),
  day: fc.constantFrom('2026-05-01', '2026-05-01', '2026-05-02'),
  account: fc.constantFrom('', '', '', 'A', '@A'),
  campaign: part,
  campaignId: id,
  adGroup: part,
  adGroupId: id,
  ad: part,
  adId: id,
  productId: id,
  productName: part,
});

const blank = {
  account: '',
  campaignId: '',
  adGroup: '',
  adGroupId: '',
  ad: '',
  adId: '',
  productId: '',
  productName: '',
};
/** Rows whose key texts run together though their cells differ (or not), met often among the random ones. */
const near = fc.constantFrom(
  ...[
    { campaign: 'A|B' },
    { campaign: 'A', adGroup: 'B|' },
    { campaign: 'A', adGroup: 'B' },
    { campaign: 'A|B', adGroup: '@A' },
    { campaign: 'A', adGroup: 'B|@A' },
    { campaign: 'A|B', account: 'A' },
    { campaign: 'A', ad: 'B|@A' },
    { campaign: 'A', adGroup: 'B', ad: 'C' },
    { campaign: 'A', adGroup: 'B / C' },
    { campaignId: 'A' },
    { campaign: '#A' },
  ].map((r) => ({ ...blank, report: 'ads-manager' as const, day: '2026-05-01', campaign: '', ...r })),
);

describe('AdRowIndex', () => {
  it('meets two rows exactly when their keys are equal, and gives where the first was seen', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(keyRow, near), { maxLength: 30 }), (rows) => {
        const index = new AdRowIndex();
        const firstByKey = new Map<string, number>();
        rows.forEach((row, i) => {
          const key = adRowKey(row);
          expect(index.firstAt(row, 10 * i)).toBe(firstByKey.get(key) ?? -1);
          if (!firstByKey.has(key)) firstByKey.set(key, 10 * i);
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps apart keys that only a text key would run together', () => {
    const base = { report: 'ads-manager' as const, day: '2026-05-01', account: '', campaignId: '' };
    const none = { adGroupId: '', ad: '', adId: '', productId: '', productName: '' };
    const index = new AdRowIndex();
    // Campaign "A|B" with ad group "C" and campaign "A" with ad group "B|C" share the text key…
    expect(index.firstAt({ ...base, ...none, campaign: 'A|B', adGroup: 'C' }, 2)).toBe(-1);
    expect(index.firstAt({ ...base, ...none, campaign: 'A', adGroup: 'B|C' }, 3)).toBe(2);
    // …while a GMV Max row, another day or another account is another key.
    expect(index.firstAt({ ...base, ...none, report: 'gmv-max', campaign: 'A|B', adGroup: 'C' }, 4)).toBe(-1);
    expect(index.firstAt({ ...base, ...none, day: '2026-05-02', campaign: 'A|B', adGroup: 'C' }, 5)).toBe(-1);
    expect(index.firstAt({ ...base, ...none, account: 'X', campaign: 'A|B', adGroup: 'C' }, 6)).toBe(-1);
    expect(index.firstAt({ ...base, ...none, campaign: 'A|B', adGroup: 'C' }, 7)).toBe(2);
  });
});

const HEADER = [
  'By Day',
  'Campaign name',
  'Campaign ID',
  'Ad group name',
  'Cost',
  'Impressions',
  'Purchases (Shop)',
  'Gross revenue (Shop)',
];

/** A data row as a seller's sheet may hold it: names padded with spaces, IDs as numbers, days as text or Date cells. */
const dataRow = fc.tuple(
  fc.constantFrom<CellValue>('2026-05-01', ' 2026-05-02 ', new Date(Date.UTC(2026, 4, 3, 12)), '2026-05-01'),
  fc.constantFrom('Spring', ' Spring ', 'Total Body Leggings', 'Always On', ''),
  fc.constantFrom<CellValue>('', 1800000000000001, '1800000000000002'),
  fc.constantFrom('', 'Tanks', 'Tanks ', 'Leggings'),
  fc.constantFrom<CellValue>(10, 5.5, '12.25', '', ' 3.10 '),
  fc.constantFrom<CellValue>(1000, '1,200', ''),
  fc.constantFrom<CellValue>(0, 2, '3', ''),
  fc.constantFrom<CellValue>(40, '11.00', ''),
);
/** What else a pasted report holds between its rows: blank rows and a totals row. */
const otherRow = fc.constantFrom<CellValue[]>(
  ['', '', '', '', '', '', '', ''],
  [' ', '', null, '', '', '', '', ''],
  ['', 'Total of 9 results', '', '', 99, 9999, 9, 999],
  ['2026-05-01 - 2026-05-03', 'Total', '', '', 99, 9999, 9, 999],
);
const report = fc
  .array(fc.oneof({ weight: 6, arbitrary: dataRow }, { weight: 1, arbitrary: otherRow }), { maxLength: 25 })
  .chain((rows) =>
    // Rows repeated further down, as a paste twice over leaves them.
    fc
      .array(fc.nat({ max: Math.max(rows.length - 1, 0) }), { maxLength: rows.length > 0 ? 4 : 0 })
      .map((again) => [...rows, ...again.map((i) => rows[i])]),
  );

/** The TTS_ADS lines by day and by campaign from rows read whole (the rows bookedRows books). */
function linesOf(rows: readonly AdRow[], groupBy: 'day' | 'campaign') {
  const lines = new Map<string, number[]>();
  // A campaign's booked rows of a day go under the name of its first one (one Campaign ID, one line).
  const named = new Map<string, string>();
  for (const row of bookedRows(rows)) {
    const id = `${row.report}|${row.day}|${row.campaignId || `(name) ${row.campaign}`}`;
    if (!named.has(id)) named.set(id, campaignOf(row) || '(no campaign)');
    const group = groupBy === 'day' ? row.day : named.get(id)!;
    const line = lines.get(group) ?? [0, 0, 0];
    lines.set(group, [line[0] + spendOf(row), line[1] + (row.revenue ?? 0), line[2] + (row.orders ?? 0)]);
  }
  return [...lines].map(([group, [spend, revenue, orders]]) => ({ group, spend, revenue, orders }));
}

const byGroup = (a: { group: string }, b: { group: string }) =>
  a.group < b.group ? -1 : a.group > b.group ? 1 : 0;

describe('an ad report read as a stream', () => {
  it('books what the same report read whole books, and meets the same problems', () => {
    fc.assert(
      fc.property(report, fc.constantFrom<'day' | 'campaign'>('day', 'campaign'), (rows, groupBy) => {
        const grid: CellValue[][] = [HEADER, ...rows];
        const options = { fileName: 'ads', keys: false, dateText: (d: Date) => d.toISOString().slice(0, 10) };
        const whole = parseSheetRows(grid, options);
        const tally = new AdsTally(groupBy);
        const streamed = parseSheetRows(grid, {
          ...options,
          adStream: { onRow: (row) => tally.add(row), rowAt: (n) => grid[n - 1] },
        });
        expect(streamed.rejects).toEqual(whole.rejects);
        expect(streamed.ads!.rows).toEqual([]);
        expect({ ...streamed.ads, rows: [], totals: null }).toEqual({ ...whole.ads, rows: [], totals: null });
        expect(streamed.period).toEqual(whole.period);
        expect([...tally.lines()].sort(byGroup)).toEqual(linesOf(whole.ads!.rows, groupBy).sort(byGroup));
      }),
      { numRuns: 1500 },
    );
  });
});
