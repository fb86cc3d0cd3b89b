/**
 * Ad reports as sellers really export them, read by the import reader: extra metric columns, a
 * totals row in its several spellings and places, money cells with signs and separators, a
 * campaign whose name starts with "Total", days written with a time, two ad accounts.
 */
import { describe, expect, it } from 'vitest';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { mergeAdRows } from '../../src/core/ledger/ads-merge';
import type { AdRow } from '../../src/core/read/ad-rows';
import { csvOf } from './helpers';
import { writeXlsx } from '../helpers/xlsx-writer';

const read = (rows: string[][], name = 'report.csv') => {
  const parsed = parseExportFile(csvOf(rows), name);
  expect(parsed.errors).toEqual([]);
  return parsed.files[0];
};

describe('an Ads Manager export as a seller downloads it', () => {
  it('with extra metric columns: figures from the known ones, the rest kept on each row', () => {
    const file = read([
      [
        'By Day',
        'Campaign name',
        'Cost',
        'Impressions',
        'Reach',
        'Video views at 100%',
        'Average play time per video view',
        'Gross revenue (Shop)',
        'Paid likes',
      ],
      ['2026-05-01', 'Spring Tanks', '40.00', '12,000', '9,000', '300', '3.2s', '149.90', '12'],
    ]);
    expect(file.unknownColumns).toEqual([
      'Video views at 100%',
      'Average play time per video view',
      'Paid likes',
    ]);
    expect(file.ads!.rows[0]).toMatchObject({
      cost: 4000,
      impressions: 12000,
      revenue: 14990,
      extra: { 'Video views at 100%': '300', 'Average play time per video view': '3.2s', 'Paid likes': '12' },
    });
  });

  it.each([
    ['Total of 3 results', '-'],
    ['Total of 3 results', ''],
    ['Total', '2026-05-01 - 2026-05-02'],
    ['Grand total', '2026-05-01 ~ 2026-05-02'],
    // A seller's =SUM under the figures: no day, no label.
    ['', ''],
  ])('leaves out a totals row "%s" with day cell "%s", and keeps the sum of the rows', (label, day) => {
    // The label in the first column (By Day) when the day cell is blank, else under Campaign name beside the day range.
    const total = day === '' ? [label, '', '$1,224.50', '2,000.00'] : [day, label, '$1,224.50', '2,000.00'];
    const file = read([
      ['By Day', 'Campaign name', 'Cost', 'Gross revenue (Shop)'],
      ['2026-05-01', 'Total Body Leggings', '$1,234.50', '2,000.00'],
      ['2026-05-02', 'Total Body Leggings', '(10.00)', '0.00'],
      ['2026-05-02', 'Spring Tanks', '-', '-'],
      total,
    ]);
    // A campaign whose name starts with "Total" on a dated row is data; the report's own Total row is not.
    expect(file.rejects).toEqual([]);
    expect(file.ads!.totalRows).toBe(1);
    expect(file.ads!.rows.map((r) => [r.day, r.campaign, r.cost, r.revenue])).toEqual([
      ['2026-05-01', 'Total Body Leggings', 123450, 200000],
      ['2026-05-02', 'Total Body Leggings', -1000, 0],
      ['2026-05-02', 'Spring Tanks', 0, 0],
    ]);
    expect(file.ads!.totals.cost).toBe(122450);
  });

  it('refuses a row that names a campaign but lost its day, naming row and column', () => {
    const parsed = parseExportFile(
      csvOf([
        ['By Day', 'Campaign name', 'Cost', 'Gross revenue (Shop)'],
        ['2026-05-01', 'Spring Tanks', '40.00', '149.90'],
        ['', 'Spring Tanks', '10.50', '29.98'],
      ]),
      'report.csv',
    );
    expect(parsed.files[0]?.ads?.rows ?? []).toHaveLength(1);
    expect(parsed.files[0].rejects.map((r) => r.message)).toEqual([
      'Row 3, column *By Day*: no day; every row of an ad report needs its day.',
    ]);
  });

  it('reads an XLSX with banner rows above the header and the totals row first, days as date cells', () => {
    const bytes = writeXlsx([
      {
        name: 'Report',
        rows: [
          ['Custom report: Shop ads by day'],
          ['Date range: 2026-05-01 ~ 2026-05-02', '', 'Time zone: (UTC-07:00) Los Angeles'],
          [],
          [
            'By Day',
            'Campaign name',
            'Campaign ID',
            'Cost',
            'Purchases (Shop)',
            'Gross revenue (Shop)',
            'ROAS (Shop)',
          ],
          ['Total of 2 results', '-', '-', 75.25, 9, 269.82, 3.59],
          [{ date: '2026-05-01' }, 'Spring Tanks', '1800000000000000001', 40, 5, 149.9, 3.75],
          [{ date: '2026-05-02' }, 'Spring Tanks', '1800000000000000001', 35.25, 4, 119.92, 3.4],
        ],
      },
    ]);
    const parsed = parseExportFile(bytes, 'report.xlsx');
    expect(parsed.errors).toEqual([]);
    const [file] = parsed.files;
    expect(file).toMatchObject({ layout: 'ads-manager', headerRow: 4, rejects: [] });
    expect(file.ads!.totalRows).toBe(1);
    expect(file.ads!.rows.map((r) => [r.day, r.campaignId, r.cost, r.orders])).toEqual([
      ['2026-05-01', '1800000000000000001', 4000, 5],
      ['2026-05-02', '1800000000000000001', 3525, 4],
    ]);
  });

  it("reads days written with a time (the API's stat_time_day) as the day itself", () => {
    const file = read([
      ['stat_time_day', 'campaign_name', 'spend', 'gross_revenue'],
      ['2026-05-01 00:00:00', 'Spring Tanks', '12.00', '40.00'],
    ]);
    expect(file.ads!.rows.map((r) => [r.day, r.cost])).toEqual([['2026-05-01', 1200]]);
  });

  it('refuses an ambiguous US day naming row and column, rather than guess the month', () => {
    const file = read([
      ['By Day', 'Campaign name', 'Cost', 'Gross revenue (Shop)'],
      ['05/01/2026', 'Spring Tanks', '12.00', '40.00'],
      ['05/13/2026', 'Spring Tanks', '12.00', '40.00'],
    ]);
    expect(file.rejects.map((p) => p.message)).toEqual([
      'Row 2, column *By Day*: expected a day such as 2026-05-01, found `05/01/2026`',
    ]);
    expect(file.ads!.rows.map((r) => r.day)).toEqual(['2026-05-13']);
  });
});

describe('two ad accounts with a campaign of the same name', () => {
  const rows = (account: string, cost: string) =>
    read([
      ['By Day', 'Account name', 'Campaign name', 'Cost', 'Gross revenue (Shop)'],
      ['2026-05-01', account, 'Always On', cost, '30.00'],
    ]).ads!.rows;

  it('keeps them apart instead of taking one for a revision of the other', () => {
    const us = rows('Shop US', '10.00');
    const held = new Map<string, AdRow>(us.map((r) => [r.key, r]));
    const merge = mergeAdRows(held, rows('Shop Outlet', '12.00'));
    expect(merge).toMatchObject({
      fresh: [{ account: 'Shop Outlet', cost: 1200 }],
      revisions: [],
      renames: [],
      duplicates: 0,
    });
  });

  it("still meets the same account's rows exported without the Account name column", () => {
    const held = new Map<string, AdRow>(rows('Shop US', '10.00').map((r) => [r.key, r]));
    const without = read([
      ['By Day', 'Campaign name', 'Cost', 'Gross revenue (Shop)'],
      ['2026-05-01', 'Always On', '10.00', '30.00'],
    ]).ads!.rows;
    expect(mergeAdRows(held, without)).toMatchObject({
      fresh: [],
      duplicates: 1,
      revisions: [],
      renames: [],
    });
  });
});
