/**
 * Ad reports through the sidebar's reader and ads runner into the built bundle: each import's row
 * in TTS Imports (found by header, beside the ledger imports), and the report's own columns the
 * catalog does not know kept in TTS Ads at the right, never over a seller's cell.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import type { ParsedExport } from '../../src/core/types';
import { confirmRevisions, runAdsImport } from '../../src/sidebar/import/ads-runner';
import { IMPORTS, column, ensureBuilt, harness } from './import-harness';

beforeAll(ensureBuilt);

const ADS = 'TTS Ads';

function parsed(name: string, text?: string): ParsedExport {
  const bytes =
    text === undefined
      ? new Uint8Array(readFileSync(new URL(`../fixtures/ads/${name}`, import.meta.url)))
      : new TextEncoder().encode(text);
  const result = parseExportFile(bytes, name);
  if (result.errors.length > 0) throw new Error(result.errors[0].message);
  return result.files[0];
}

/** The log's rows as label → value. */
function logRows(h: ReturnType<typeof harness>): Record<string, unknown>[] {
  const [header, ...rows] = h.values(IMPORTS);
  return rows.map((row) => Object.fromEntries((header as string[]).map((label, i) => [label, row[i]])));
}

describe('ad imports in TTS Imports', () => {
  it('logs each import with its file, layout, days, counts and clock; money cells stay blank', async () => {
    const h = harness();
    await runAdsImport(parsed('ads-manager-by-day.csv'), 'UTC-07:00', h.call);
    await runAdsImport(parsed('ads-manager-by-day.csv'), 'UTC-07:00', h.call);
    const revised = parsed('ads-manager-by-day-revised.csv');
    const outcome = await runAdsImport(revised, 'UTC-07:00', h.call);
    await confirmRevisions(revised, 'UTC-07:00', outcome.revisions, h.call);
    const log = logRows(h);
    expect(
      log.map((r) => [
        r.File,
        r.Layout,
        r.Period,
        r['Rows in file'],
        r['New rows'],
        r['Duplicates skipped'],
        r.Rejected,
        r.Status,
      ]),
    ).toEqual([
      [
        'ads-manager-by-day.csv',
        'TikTok Ads Manager report',
        '2026-05-01 – 2026-05-03',
        5,
        5,
        0,
        0,
        'complete',
      ],
      [
        'ads-manager-by-day.csv',
        'TikTok Ads Manager report',
        '2026-05-01 – 2026-05-03',
        5,
        0,
        5,
        0,
        'complete',
      ],
      // 05-04 twice is new; 05-03 has other figures: held back, neither new nor a duplicate.
      [
        'ads-manager-by-day-revised.csv',
        'TikTok Ads Manager report',
        '2026-05-03 – 2026-05-04',
        3,
        2,
        0,
        0,
        'complete',
      ],
      // The seller's confirmation: only the revised row is sent, and it replaces.
      [
        'ads-manager-by-day-revised.csv',
        'TikTok Ads Manager report',
        '2026-05-03 – 2026-05-04',
        1,
        0,
        0,
        0,
        'complete',
      ],
    ]);
    expect(log.map((r) => [r.Settlement, r['Net sales'], r.Fees, r.Reconciliation])).toEqual(
      Array(4).fill(['', '', '', '']),
    );
    expect(log[0].Message).toBe("Days in the ad account's clock, UTC-07:00.");
    expect(log[2].Message).toBe(
      "Days in the ad account's clock, UTC-07:00. 1 row with revised figures kept as they were until confirmed on the card.",
    );
    expect(log[3].Message).toBe(
      "Days in the ad account's clock, UTC-07:00. 1 row revised by the report replaced.",
    );
    expect(new Set(log.map((r) => r['Import ID'])).size).toBe(4);
  });

  it('writes by header beside ledger imports when the seller moved the columns, and logs a report of several chunks once', async () => {
    const h = harness();
    const [statement] = await h.importFiles([parsed('statement-with-gmv-pay.csv')]);
    expect(statement.status).toBe('complete');
    // The seller puts a column of their own first and swaps nothing else: the ad row lands by header.
    const before = h.values(IMPORTS);
    h.workbook.seed(
      IMPORTS,
      before.map((row, i) => [i === 0 ? 'My check' : 'ok', ...row]),
    );
    // 2,400 days × 1 campaign: three chunks of at most 1,000 rows, one log row.
    const lines = ['By Day,Campaign name,Cost,Gross revenue (Shop)'];
    for (let d = 0; d < 2400; d++)
      lines.push(`${new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10)},Always On,1.00,3.00`);
    const outcome = await runAdsImport(parsed('long.csv', lines.join('\n')), 'UTC+05:30', h.call);
    expect(outcome).toMatchObject({ status: 'complete', written: 2400 });
    const log = logRows(h);
    expect(log).toHaveLength(2);
    expect(log.map((r) => r['My check'])).toEqual(['ok', '']);
    expect(log[1]).toMatchObject({
      File: 'long.csv',
      Layout: 'TikTok Ads Manager report',
      Period: '2020-01-01 – 2026-07-27',
      'Rows in file': 2400,
      'New rows': 2400,
      'Duplicates skipped': 0,
      Status: 'complete',
      Message: "Days in the ad account's clock, UTC+05:30.",
    });
    expect(log[0]).toMatchObject({ Layout: expect.stringContaining('Statement'), Status: 'complete' });
  });

  it('cuts a report with long kept columns into chunks by size, still one log row', async () => {
    const h = harness();
    const long = 'x'.repeat(480);
    const lines = ['By Day,Campaign name,Cost,Gross revenue (Shop),Note A,Note B,Note C'];
    for (let d = 0; d < 600; d++)
      lines.push(
        `${new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10)},Always On,1.00,3.00,${long},${long},${long}`,
      );
    const sizes: number[] = [];
    const measuring: typeof h.call = (async (name: string, arg: unknown) => {
      sizes.push(JSON.stringify(arg).length);
      return h.call(name as 'importAds', arg as never);
    }) as typeof h.call;
    const outcome = await runAdsImport(parsed('notes.csv', lines.join('\n')), 'UTC', measuring);
    expect(outcome).toMatchObject({ status: 'complete', written: 600 });
    expect(sizes.length).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThan(1_000_000);
    expect(logRows(h).map((r) => [r['Rows in file'], r['New rows'], r.Status])).toEqual([
      [600, 600, 'complete'],
    ]);
    expect(column(h.values(ADS), 'Note C')[599]).toBe(long);
  });

  it('closes the log row as cancelled when the seller stops between chunks', async () => {
    const h = harness();
    const lines = ['By Day,Campaign name,Cost,Gross revenue (Shop)'];
    for (let d = 0; d < 1500; d++)
      lines.push(`${new Date(Date.UTC(2022, 0, 1 + d)).toISOString().slice(0, 10)},Always On,1.00,3.00`);
    let calls = 0;
    const counting: typeof h.call = (async (name: string, arg: unknown) => {
      calls++;
      return h.call(name as 'importAds', arg as never);
    }) as typeof h.call;
    const outcome = await runAdsImport(
      parsed('long.csv', lines.join('\n')),
      'UTC',
      counting,
      () => calls >= 1,
    );
    expect(outcome).toMatchObject({ status: 'cancelled', written: 1000 });
    expect(logRows(h).map((r) => [r['New rows'], r.Status])).toEqual([[1000, 'cancelled']]);
    expect(String(logRows(h)[0].Message)).toContain(
      'Cancelled in the sidebar; import the file again to add the rest.',
    );
  });
});

describe('report columns the catalog does not know', () => {
  const report = [
    'By Day,Campaign name,Campaign ID,Cost,Gross revenue (Shop),Video views,Likes,Notes',
    '2026-05-01,Spring Tanks,1800000000000000001,40.00,149.90,"12,000",310,=HYPERLINK("http://x")',
    '2026-05-02,Spring Tanks,1800000000000000001,35.25,119.92,11000,295,',
  ].join('\n');

  it('keeps them in TTS Ads at the right, as text, and says so in the preview', async () => {
    const h = harness();
    const file = parsed('with-metrics.csv', report);
    expect(file.unknownColumns).toEqual(['Video views', 'Likes', 'Notes']);
    expect(file.ads!.rows[0].extra).toEqual({
      'Video views': '12,000',
      Likes: '310',
      Notes: '=HYPERLINK("http://x")',
    });
    await runAdsImport(file, 'UTC-07:00', h.call);
    const tab = h.values(ADS);
    expect((tab[0] as string[]).slice(-3)).toEqual(['Video views', 'Likes', 'Notes']);
    expect(column(tab, 'Video views')).toEqual(['12,000', '11000']);
    expect(column(tab, 'Likes')).toEqual(['310', '295']);
    // Text from a file never becomes a formula.
    const sheet = h.workbook.sheet(ADS)!;
    const notes = (tab[0] as string[]).indexOf('Notes') + 1;
    expect(sheet.formula(2, notes)).toBeFalsy();
    expect(column(tab, 'Notes')[0]).toBe('=HYPERLINK("http://x")');
    // TTS_ADS reads the tab with them.
    expect((h.run('TTS_ADS', tab) as unknown[][])[1]).toEqual(['2026-05', 75.25, 269.82, 3.59, 0, '']);
  });

  it("survive a re-import and a confirmed revision; a seller's column between them is never written", async () => {
    const h = harness();
    await runAdsImport(parsed('with-metrics.csv', report), 'UTC-07:00', h.call);
    const width = (h.values(ADS)[0] as string[]).length;
    // The seller adds a column of their own, and edits nothing of the add-on's.
    h.workbook.seed(ADS, [['My note'], ['keep me'], ['me too']], 1, width + 1);
    const again = await runAdsImport(parsed('with-metrics.csv', report), 'UTC-07:00', h.call);
    expect(again).toMatchObject({ written: 0, duplicates: 2 });
    expect(column(h.values(ADS), 'Video views')).toEqual(['12,000', '11000']);

    // A later export revises 05-02 and brings another metric; without Likes this time.
    const revised = [
      'By Day,Campaign name,Campaign ID,Cost,Gross revenue (Shop),Video views,Shares,My note',
      '2026-05-02,Spring Tanks,1800000000000000001,36.00,119.92,11500,12,from the report',
    ].join('\n');
    const outcome = await runAdsImport(parsed('revised.csv', revised), 'UTC-07:00', h.call);
    expect(outcome.revisions.map((r) => r.changes)).toEqual([
      [{ what: 'Cost', before: '$35.25', after: '$36.00' }],
    ]);
    await confirmRevisions(parsed('revised.csv', revised), 'UTC-07:00', outcome.revisions, h.call);
    const tab = h.values(ADS);
    expect(column(tab, 'Cost')).toEqual([40, 36]);
    expect(column(tab, 'Video views')).toEqual(['12,000', '11500']);
    // Likes, which the revision lacks, stays; Shares is a new kept column.
    expect(column(tab, 'Likes')).toEqual(['310', '295']);
    expect(column(tab, 'Shares')).toEqual(['', '12']);
    // The report's "My note" column meets the seller's column of that name: the seller's cells stay.
    expect(column(tab, 'My note')).toEqual(['keep me', 'me too']);
    expect((tab[0] as string[]).filter((label) => label === 'My note')).toHaveLength(1);
  });
});
