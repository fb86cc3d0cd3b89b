import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSheetRows } from '../../src/core/read/parse-export';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { writeXlsx } from '../helpers/xlsx-writer';
import { campaignWorkbook } from '../helpers/ad-reports';
import { csvOf } from './helpers';

const ads = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/ads/${name}`, import.meta.url)));

describe('ad reports through the import reader', () => {
  it('reads an Ads Manager CSV by day and ad group: cents, counts, the Total row left out', () => {
    const { files, errors } = parseExportFile(ads('ads-manager-by-day.csv'), 'ads-manager-by-day.csv');
    expect(errors).toEqual([]);
    const [file] = files;
    expect(file).toMatchObject({
      layout: 'ads-manager',
      layoutLabel: 'TikTok Ads Manager report',
      rows: [],
      rejects: [],
      unknownColumns: [],
      period: { first: '2026-05-01', last: '2026-05-03' },
    });
    const parsed = file.ads!;
    expect(parsed.totalRows).toBe(1);
    // 40.00 + 10.50 + 35.25 + 20.00 + 24.25; 149.90 + 29.98 + 119.92 + 49.98 + 74.97; 5 + 1 + 4 + 2 + 3.
    expect(parsed.totals).toEqual({ cost: 13000, netCost: null, revenue: 42475, orders: 15 });
    expect(parsed.rows[0]).toMatchObject({
      key: 'ads-manager|2026-05-01|Spring Tanks|Tanks US 18-34',
      report: 'ads-manager',
      level: 'ad group',
      day: '2026-05-01',
      campaign: 'Spring Tanks',
      adGroup: 'Tanks US 18-34',
      cost: 4000,
      revenue: 14990,
      orders: 5,
      impressions: 12000,
      clicks: 300,
      netCost: null,
      source: { file: 'ads-manager-by-day.csv', row: 2 },
    });
  });

  it('reads an Ads Manager XLSX at campaign level with IDs and currency', () => {
    const { files, errors } = parseExportFile(campaignWorkbook(), 'campaigns.xlsx');
    expect(errors).toEqual([]);
    expect(files[0].layout).toBe('ads-manager');
    expect(
      files[0].ads!.rows.map((r) => [r.key, r.level, r.cost, r.revenue, r.orders, r.impressions]),
    ).toEqual([
      // Keyed by Campaign ID (a renamed campaign keeps its key).
      ['ads-manager|2026-05-01|#1800000000000000001|', 'campaign', 5050, 17988, 6, null],
      ['ads-manager|2026-05-02|#1800000000000000001|', 'campaign', 3530, 11992, 4, null],
      ['ads-manager|2026-05-02|#1800000000000000002|', 'campaign', 2000, 4998, 2, null],
    ]);
  });

  it('reads a GMV Max report by product: Cost and Net cost apart, SKU orders', () => {
    const { files } = parseExportFile(ads('gmv-max-by-product.csv'), 'gmv-max-by-product.csv');
    const [file] = files;
    expect(file.layout).toBe('gmv-max');
    expect(file.ads!.totals).toEqual({ cost: 7500, netCost: 7450, revenue: 14500, orders: 6 });
    expect(file.ads!.rows[1]).toMatchObject({
      level: 'product',
      productId: '1729000000000000001',
      productName: 'Ribbed Knit Tank',
      cost: 800,
      netCost: 750,
      key: 'gmv-max|2026-05-10|GMV Max Tanks|#1729000000000000001',
    });
  });

  it('reads a GMV Max XLSX whose header sits under a banner row', () => {
    const bytes = writeXlsx([
      {
        name: 'GMV Max',
        rows: [
          ['GMV Max campaign report 2026-05-01 – 2026-05-31'],
          [
            'By Day',
            'Campaign name',
            'Cost',
            'Net cost',
            'Orders (SKU)',
            'Cost per order',
            'Gross revenue',
            'ROI',
          ],
          ['2026-05-01', 'GMV Max Tanks', '12.00', '11.00', '2', '6.00', '40.00', '3.33'],
        ],
      },
    ]);
    const [file] = parseExportFile(bytes, 'gmv.xlsx').files;
    expect(file).toMatchObject({ layout: 'gmv-max', headerRow: 2 });
    expect(file.ads!.rows[0]).toMatchObject({
      level: 'campaign',
      cost: 1200,
      netCost: 1100,
      revenue: 4000,
      orders: 2,
    });
  });

  it('refuses a report whose revenue column is not recognised, naming what it found and expected', () => {
    const { files, errors } = parseExportFile(ads('ads-manager-no-revenue.csv'), 'no-revenue.csv');
    expect(files).toEqual([]);
    expect(errors[0].message).toBe(
      'no-revenue.csv: the header on row 1 looks like a TikTok Ads Manager report, but its revenue column was not recognised. ' +
        'Found: `By Day`, `Campaign name`, `Cost`, `Impressions`, `Clicks (destination)`, `Total complete payment`. ' +
        ('Expected a revenue column (Gross revenue (Shop), Gross revenue). Add ' +
          'the metrics Cost and Gross revenue (Shop) to the report (English ' +
          'headers) and export it again.'),
    );
  });

  it('refuses a report without a spend column, and one without days', () => {
    const noSpend = parseExportFile(
      csvOf([
        ['By Day', 'Campaign name', 'Impressions', 'Gross revenue (Shop)'],
        ['2026-05-01', 'A', '10', '5.00'],
      ]),
      'a.csv',
    );
    expect(noSpend.errors[0].message).toMatch(
      /^a\.csv: the header on row 1 looks like a TikTok Ads Manager report, but its spend column was not recognised\. Found: `By Day`, `Campaign name`, `Impressions`, `Gross revenue \(Shop\)`\. Expected a spend column \(Cost, Total Cost, Spend, Net cost\)\./,
    );
    const noDay = parseExportFile(
      csvOf([
        ['Campaign name', 'Cost', 'Gross revenue (Shop)'],
        ['A', '1.00', '5.00'],
      ]),
      'b.csv',
    );
    expect(noDay.errors[0].message).toMatch(
      /^b\.csv: the header on row 1 looks like a TikTok Ads Manager report, but it has no day column \(By Day, Date\)\..*choose the time breakdown By Day/,
    );
  });

  it('refuses Korean headers naming the language setting, and another currency naming it', () => {
    const korean = parseExportFile(ads('ads-manager-korean.csv'), 'korean.csv');
    expect(korean.errors[0].message).toMatch(
      /^korean\.csv: the header on row 1 is not in English \(`일별`, `캠페인 이름`, `광고 그룹 이름`, `비용`\)\. TTS Profit reads English headers: switch the display language to English \(Ads Manager: the language setting/,
    );
    const thb = parseExportFile(ads('ads-manager-thb.csv'), 'thb.csv');
    expect(thb.errors[0].message).toBe(
      'thb.csv: the column *Cost (THB)* is in THB. TTS Profit reads ad accounts that report in US dollars (USD) only.',
    );
  });

  it('rejects bad cells by row and column and keeps the other rows', () => {
    const bytes = csvOf([
      [
        'By Day',
        'Campaign name',
        'Campaign ID',
        'Cost',
        'Gross revenue (Shop)',
        'Purchases (Shop)',
        'Currency',
      ],
      ['2026-05-01', 'A', '1800000000000000001', '1.00', '5.00', '1', 'USD'],
      ['2026-05-02', 'A', '1.8E+18', '1.00', '5.00', '1', 'USD'],
      ['2026-05-03', 'A', '1800000000000000001', 'abc', '5.00', '1', 'USD'],
      ['2026-05-04', 'A', '1800000000000000001', '1.00', '5.00', '1.5', 'USD'],
      ['2026-05-05', 'A', '1800000000000000001', '1.00', '5.00', '1', 'EUR'],
      ['05/06/2026', 'A', '1800000000000000001', '1.00', '5.00', '1', 'USD'],
      ['2026-05-01', 'A', '1800000000000000001', '1.00', '5.00', '1', 'USD'],
      ['2026-05-01', 'A', '1800000000000000001', '2.00', '5.00', '1', 'USD'],
    ]);
    const [file] = parseExportFile(bytes, 'bad.csv').files;
    // 05/06/2026 reads either way: month first, as US exports write it, and the card says so.
    expect(file.ads!.rows.map((r) => r.day)).toEqual(['2026-05-01', '2026-05-06']);
    expect(file.readNotes).toEqual([
      expect.stringMatching(/column \*By Day\* reads either way \(row 7 has `05\/06\/2026`\)/),
    ]);
    expect(file.ads!.repeatedRows).toBe(1);
    expect(file.rejects.map((p) => [p.row, p.column ?? ''])).toEqual([
      [3, 'Campaign ID'],
      [4, 'Cost'],
      [5, 'Purchases (Shop)'],
      [6, 'Currency'],
      [9, ''],
    ]);
    expect(file.rejectedRows).toBe(5);
    expect(file.rejects[3].message).toBe(
      'Row 6, column *Currency*: the ad account reports in EUR. TTS Profit reads ad accounts that report in US dollars (USD) only.',
    );
    expect(file.rejects[4].message).toMatch(
      /^Row 9 has the same day, campaign and campaign as row 2 but other figures; the row was skipped\./,
    );
  });

  it('leaves out Total rows wherever they are, but keeps a dated row whose campaign starts with "Total"', () => {
    const bytes = csvOf([
      ['Campaign name', 'By Day', 'Cost', 'Gross revenue (Shop)'],
      ['Total', '', '3.00', '9.00'],
      ['Total Body Leggings', '2026-05-01', '1.00', '4.00'],
      ['Spring Tanks', '2026-05-01', '2.00', '5.00'],
      ['Total of 2 results', '-', '3.00', '9.00'],
    ]);
    const [file] = parseExportFile(bytes, 'totals.csv').files;
    expect(file.rejects).toEqual([]);
    expect(file.ads!.totalRows).toBe(2);
    expect(file.ads!.rows.map((r) => [r.campaign, r.cost])).toEqual([
      ['Total Body Leggings', 100],
      ['Spring Tanks', 200],
    ]);
  });

  it('reads an ad report pasted in a sheet (custom-function range) with Date cells', () => {
    const parsed = parseSheetRows(
      [
        ['By Day', 'Campaign name', 'Cost', 'Gross revenue (Shop)', '', ''],
        [new Date(Date.UTC(2026, 4, 1, 7)), 'A', 12.5, 40, '', ''],
        ['', '', '', '', '', ''],
      ],
      { fileName: 'range', dateText: (d) => d.toISOString().slice(0, 10) },
    );
    expect(parsed.ads!.rows).toMatchObject([{ day: '2026-05-01', cost: 1250, revenue: 4000 }]);
  });
});

describe('headers in another language', () => {
  it('refuses a Spanish Ads Manager export, and says nothing about language for an English file with foreign product names', () => {
    const spanish = parseExportFile(
      csvOf([
        ['Por día', 'Nombre de la campaña', 'Costo', 'Impresiones'],
        ['2026-05-01', 'Primavera', '10.00', '100'],
      ]),
      'es.csv',
    );
    expect(spanish.errors[0].message).toMatch(
      /^es\.csv: the header on row 1 is not in English \(`Por día`, `Nombre de la campaña`, `Costo`, `Impresiones`\)\./,
    );
    const english = parseExportFile(
      csvOf([
        ['By Day', 'Campaign name', 'Cost', 'Gross revenue (Shop)'],
        ['2026-05-01', '春季 キャンペーン', '10.00', '30.00'],
      ]),
      'en.csv',
    );
    expect(english.errors).toEqual([]);
    expect(english.files[0].ads!.rows[0].campaign).toBe('春季 キャンペーン');
    const notAnExport = parseExportFile(
      csvOf([
        ['Name', 'Note'],
        ['杯子', '好'],
      ]),
      'notes.csv',
    );
    expect(notAnExport.errors[0].message).toMatch(/^notes\.csv: no TikTok Shop export header found/);
  });
});
