/**
 * Keys of ad rows through the sidebar's reader and the built bundle: by Campaign ID (and ad group,
 * ad ID) when the report has them, so a renamed campaign is the same campaign; by name otherwise,
 * with a rename (same day, spend and figures, another name) held back for the seller to confirm.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import type { ParsedExport } from '../../src/core/types';
import { confirmRenames, runAdsImport } from '../../src/sidebar/import/ads-runner';
import { renderAdsPreview } from '../../src/sidebar/import/ads-preview';
import { column, ensureBuilt, harness } from './import-harness';
import { Window } from 'happy-dom';

beforeAll(ensureBuilt);

const ADS = 'TTS Ads';

function parsed(name: string, lines: string[]): ParsedExport {
  const result = parseExportFile(new TextEncoder().encode(lines.join('\n')), name);
  if (result.errors.length > 0) throw new Error(result.errors[0].message);
  return result.files[0];
}

function previewText(file: ParsedExport): string {
  const window = new Window();
  Object.assign(globalThis, {
    window,
    document: window.document,
    HTMLElement: window.HTMLElement,
    Node: window.Node,
  });
  return renderAdsPreview(file).element.textContent ?? '';
}

const WITH_IDS =
  'By Day,Campaign name,Campaign ID,Ad group name,Ad group ID,Cost,Impressions,Purchases (Shop),Gross revenue (Shop)';
const NAMES = 'By Day,Campaign name,Ad group name,Cost,Impressions,Purchases (Shop),Gross revenue (Shop)';

describe('a report with IDs', () => {
  it('keys by ID: a campaign and ad group renamed in Ads Manager add nothing when exported again', async () => {
    const h = harness();
    const first = parsed('may.csv', [
      WITH_IDS,
      '2026-05-01,Spring Tanks,1800000000000000001,Broad,1700000000000000011,40.00,12000,5,149.90',
      '2026-05-02,Spring Tanks,1800000000000000001,Broad,1700000000000000011,35.25,11000,4,119.92',
    ]);
    expect(previewText(first)).not.toContain('keyed by name');
    expect(await runAdsImport(first, 'UTC-07:00', h.call)).toMatchObject({ written: 2 });
    const renamed = parsed('may-renamed.csv', [
      WITH_IDS,
      '2026-05-01,Summer Tanks,1800000000000000001,Broad US,1700000000000000011,40.00,12000,5,149.90',
      '2026-05-02,Summer Tanks,1800000000000000001,Broad US,1700000000000000011,35.25,11000,4,119.92',
      '2026-05-03,Summer Tanks,1800000000000000001,Broad US,1700000000000000011,20.00,8000,2,49.98',
    ]);
    expect(await runAdsImport(renamed, 'UTC-07:00', h.call)).toMatchObject({
      written: 1,
      duplicates: 2,
      renames: [],
      revisions: [],
    });
    expect(column(h.values(ADS), 'Cost')).toEqual([40, 35.25, 20]);
    // Spend is counted once: 95.25 for May.
    expect((h.run('TTS_ADS', h.values(ADS)) as unknown[][])[1].slice(0, 2)).toEqual(['2026-05', 95.25]);
  });

  it('meets rows imported from a names-only export, and the other way round', async () => {
    const h = harness();
    await runAdsImport(
      parsed('names.csv', [NAMES, '2026-05-01,Spring Tanks,Broad,40.00,12000,5,149.90']),
      'UTC-07:00',
      h.call,
    );
    const ids = parsed('ids.csv', [
      WITH_IDS,
      '2026-05-01,Spring Tanks,1800000000000000001,Broad,1700000000000000011,40.00,12000,5,149.90',
      '2026-05-02,Spring Tanks,1800000000000000001,Broad,1700000000000000011,35.25,11000,4,119.92',
    ]);
    expect(await runAdsImport(ids, 'UTC-07:00', h.call)).toMatchObject({
      written: 1,
      duplicates: 1,
      renames: [],
    });
    const back = parsed('names-again.csv', [NAMES, '2026-05-02,Spring Tanks,Broad,35.25,11000,4,119.92']);
    expect(await runAdsImport(back, 'UTC-07:00', h.call)).toMatchObject({
      written: 0,
      duplicates: 1,
      renames: [],
    });
    expect(column(h.values(ADS), 'Cost')).toEqual([40, 35.25]);
  });

  it('keeps two campaigns of the same name with different IDs apart', async () => {
    const h = harness();
    const file = parsed('twins.csv', [
      WITH_IDS,
      '2026-05-01,Spring Tanks,1800000000000000001,Broad,1700000000000000011,40.00,12000,5,149.90',
      '2026-05-01,Spring Tanks,1800000000000000002,Broad,1700000000000000022,12.00,3000,1,29.98',
    ]);
    expect(await runAdsImport(file, 'UTC-07:00', h.call)).toMatchObject({ written: 2, duplicates: 0 });
    expect(await runAdsImport(file, 'UTC-07:00', h.call)).toMatchObject({ written: 0, duplicates: 2 });
  });
});

describe('a report with names only', () => {
  const may = [
    NAMES,
    '2026-05-01,Spring Tanks,Broad,40.00,12000,5,149.90',
    '2026-05-01,Leggings,Broad,0.00,0,0,0.00',
    '2026-05-02,Spring Tanks,Broad,35.25,11000,4,119.92',
  ];

  it('says in the preview that keys follow names', () => {
    expect(previewText(parsed('may.csv', may))).toContain(
      'This report has no ID beside Campaign name, Ad group name: rows are keyed by name, so a campaign renamed in Ads Manager will look new.',
    );
  });

  it('holds back rows that match a day under another name, and adds them only when the seller says they are other campaigns', async () => {
    const h = harness();
    await runAdsImport(parsed('may.csv', may), 'UTC-07:00', h.call);
    const renamed = parsed('may-renamed.csv', [
      NAMES,
      '2026-05-01,Summer Tanks,Broad,40.00,12000,5,149.90',
      // A day of zeros matches any other day of zeros: never taken for a rename.
      '2026-05-01,Leggings 2,Broad,0.00,0,0,0.00',
      '2026-05-02,Summer Tanks,Broad,35.25,11000,4,119.92',
      '2026-05-03,Summer Tanks,Broad,20.00,8000,2,49.98',
    ]);
    const outcome = await runAdsImport(renamed, 'UTC-07:00', h.call);
    expect(outcome).toMatchObject({ written: 2, duplicates: 0, revisions: [] });
    expect(outcome.renames).toEqual([
      {
        key: 'ads-manager|2026-05-01|Summer Tanks|Broad',
        day: '2026-05-01',
        what: 'Summer Tanks / Broad',
        was: 'Spring Tanks / Broad',
        spend: '$40.00',
      },
      {
        key: 'ads-manager|2026-05-02|Summer Tanks|Broad',
        day: '2026-05-02',
        what: 'Summer Tanks / Broad',
        was: 'Spring Tanks / Broad',
        spend: '$35.25',
      },
    ]);
    // Spend of 05-01 and 05-02 counted once, under the old name; 05-03 added under the new one.
    expect(column(h.values(ADS), 'Campaign name')).toEqual([
      'Spring Tanks',
      'Leggings',
      'Spring Tanks',
      'Leggings 2',
      'Summer Tanks',
    ]);
    expect(String(h.values('TTS Imports')[2][h.values('TTS Imports')[0].indexOf('Message')])).toContain(
      '2 rows matching a row under another name (a renamed campaign?) not added until confirmed on the card.',
    );

    // The same export again: still held back, nothing doubled.
    expect(await runAdsImport(renamed, 'UTC-07:00', h.call)).toMatchObject({ written: 0, duplicates: 2 });
    expect(h.values(ADS)).toHaveLength(6);

    // The seller says they are other campaigns: added.
    const added = await confirmRenames(renamed, 'UTC-07:00', outcome.renames, h.call);
    expect(added).toMatchObject({ status: 'complete', written: 2, renames: [] });
    expect(column(h.values(ADS), 'Cost')).toEqual([40, 0, 35.25, 0, 20, 40, 35.25]);
  });
});

describe('a report in another clock', () => {
  it('is shown as a revision of the days already there, never added beside them', async () => {
    const h = harness();
    const file = parsed('may.csv', [NAMES, '2026-05-01,Spring Tanks,Broad,40.00,12000,5,149.90']);
    await runAdsImport(file, 'UTC-07:00', h.call);
    const other = await runAdsImport(file, 'UTC+08:00', h.call);
    expect(other).toMatchObject({ written: 0, duplicates: 0, renames: [] });
    expect(other.revisions.map((r) => r.changes)).toEqual([
      [{ what: 'Clock', before: 'UTC-07:00', after: 'UTC+08:00' }],
    ]);
    expect(column(h.values(ADS), 'Clock')).toEqual(['UTC-07:00']);
  });
});

describe('a TTS Ads tab the seller sorted', () => {
  it('replaces the revised row where it now sits, and nothing else', async () => {
    const h = harness();
    await runAdsImport(
      parsed('may.csv', [
        NAMES,
        '2026-05-01,Spring Tanks,Broad,40.00,12000,5,149.90',
        '2026-05-02,Spring Tanks,Broad,35.25,11000,4,119.92',
        '2026-05-03,Spring Tanks,Broad,20.00,8000,2,49.98',
      ]),
      'UTC-07:00',
      h.call,
    );
    // Sorted newest first, as a seller does to see the latest days.
    const [header, ...rows] = h.values(ADS);
    h.workbook.seed(ADS, [header, ...rows.reverse()]);
    const revised = parsed('revised.csv', [NAMES, '2026-05-02,Spring Tanks,Broad,36.00,11000,4,119.92']);
    const outcome = await runAdsImport(revised, 'UTC-07:00', h.call);
    const { confirmRevisions } = await import('../../src/sidebar/import/ads-runner');
    expect(await confirmRevisions(revised, 'UTC-07:00', outcome.revisions, h.call)).toMatchObject({
      replaced: 1,
    });
    expect(column(h.values(ADS), 'Day')).toEqual(['2026-05-03', '2026-05-02', '2026-05-01']);
    expect(column(h.values(ADS), 'Cost')).toEqual([20, 36, 40]);
  });
});
