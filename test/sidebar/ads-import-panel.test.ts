/**
 * Ad reports in the sidebar: read by the worker's own reader, previewed with the ad account's
 * clock to choose, imported into TTS Ads by the built bundle, revised days replaced on request.
 * The page is a happy-dom window of its own: the bundle harness needs Node's URL, which the
 * happy-dom test environment replaces.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import type { FileParser } from '../../src/sidebar/parsing/parse-in-worker';
import { parseStreamingRows } from '../../src/sidebar/parsing/parse-file';
import type { LedgerRow } from '../../src/core/types';
import { column, ensureBuilt, harness } from '../server/import-harness';

let createImportPanel: typeof import('../../src/sidebar/import/import-panel').createImportPanel;

beforeAll(async () => {
  ensureBuilt();
  const window = new Window();
  Object.assign(globalThis, {
    window,
    document: window.document,
    HTMLElement: window.HTMLElement,
    Node: window.Node,
  });
  ({ createImportPanel } = await import('../../src/sidebar/import/import-panel'));
});

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ads/${name}`, import.meta.url));

/** The worker's reader, rows gathered per sheet as the page gathers the worker's batches. */
const workerReader: FileParser = {
  usesWorker: true,
  async parse(file) {
    const rows = new Map<string | undefined, LedgerRow[]>();
    const outcome = await parseStreamingRows(new Uint8Array(await file.arrayBuffer()), file.name, {
      onRows: (sheet, batch) => {
        rows.set(sheet, [...(rows.get(sheet) ?? []), ...batch]);
      },
    });
    return { ...outcome, files: outcome.files.map((f) => ({ ...f, rows: rows.get(f.sheet) ?? [] })) };
  },
  cancel() {},
};

const file = (name: string) => new File([fixture(name)], name, { type: 'text/csv' });

function mount() {
  const h = harness();
  const panel = createImportPanel({ parser: workerReader, call: h.call });
  document.body.replaceChildren(panel.element);
  const card = (name: string) =>
    [...panel.element.querySelectorAll<HTMLElement>('.file-card')]
      .filter((c) => c.dataset.file === name)
      .pop()!;
  return { h, panel, card };
}

describe('an ad report dropped into the sidebar', () => {
  it('is previewed beside a statement, waits for the ad account clock, then lands in TTS Ads; a revised day is replaced on request', async () => {
    const { h, panel, card } = mount();
    await panel.addFiles([file('statement-with-gmv-pay.csv'), file('ads-manager-by-day.csv')]);
    const ads = card('ads-manager-by-day.csv');
    const facts = [...ads.querySelectorAll('.fact')].map((f) => f.textContent);
    expect(facts).toEqual([
      'LayoutTikTok Ads Manager report',
      "DaysMay 1 – May 3, 2026 (ad account's clock)",
      'Rows5',
      'Spend$130.00',
      'Attributed revenue$424.75',
      'ROAS3.27',
    ]);
    expect(ads.textContent).toContain('1 Total row of the report left out');
    const select = ads.querySelector<HTMLSelectElement>('select')!;
    expect(select.value).toBe('');
    expect(ads.querySelector(`label[for="${select.id}"]`)?.textContent).toBe('Ad account time zone ');

    await panel.importAll();
    expect(card('statement-with-gmv-pay.csv').querySelector('.result')?.textContent).toBe(
      'Imported: 5 new rows, 0 duplicates skipped, 0 rejected; 2 new SKUs added to TTS COGS.',
    );
    expect(ads.querySelector('.result')?.textContent).toMatch(
      /^Failed: choose the ad account's time zone on the card first/,
    );
    expect(h.values('TTS Ads')).toEqual([]);

    select.value = 'UTC-07:00';
    await panel.importAll();
    expect(ads.querySelector('.result')?.textContent).toBe(
      'Imported: 5 new rows, 0 duplicates skipped, 0 rejected.',
    );
    expect(column(h.values('TTS Ads'), 'Cost')).toEqual([40, 10.5, 35.25, 20, 24.25]);

    // The overlapping export: the remembered clock is preset, the revised day is held back until confirmed.
    await panel.addFiles([file('ads-manager-by-day-revised.csv')]);
    const revised = card('ads-manager-by-day-revised.csv');
    expect(revised.querySelector('select')!.value).toBe('UTC-07:00');
    await panel.importAll();
    expect(revised.querySelector('.result')?.textContent).toBe(
      'Imported: 2 new rows, 0 duplicates skipped, 0 rejected.',
    );
    expect(revised.querySelector('.revisions')?.textContent).toContain(
      '2026-05-03 Leggings Always On / Leggings Broad: Cost $24.25 → $26.10, Impressions 9100 → 9800, Clicks 170 → 181',
    );
    expect(column(h.values('TTS Ads'), 'Cost')).toEqual([40, 10.5, 35.25, 20, 24.25, 18.4, 30]);
    const replace = [...revised.querySelectorAll('button')].find(
      (b) => b.textContent === 'Replace 1 revised row',
    )!;
    replace.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(revised.querySelector('.result')?.textContent).toBe('Replaced 1 revised row.');
    expect(column(h.values('TTS Ads'), 'Cost')).toEqual([40, 10.5, 35.25, 20, 26.1, 18.4, 30]);
  });

  it('says which report columns are kept, and offers to add rows that look like a renamed campaign', async () => {
    const { h, panel, card } = mount();
    const header = 'By Day,Campaign name,Cost,Gross revenue (Shop),Video views';
    const csv = (name: string, lines: string[]) =>
      new File([[header, ...lines].join('\n')], name, { type: 'text/csv' });
    await panel.addFiles([
      csv('may.csv', [
        '2026-05-01,Spring Tanks,40.00,149.90,1200',
        '2026-05-02,Spring Tanks,35.25,119.92,1100',
      ]),
    ]);
    const may = card('may.csv');
    expect(may.textContent).toContain('Kept in TTS Ads as they are, not used in the figures: Video views');
    expect(may.textContent).toContain('This report has no ID beside Campaign name: rows are keyed by name');
    may.querySelector<HTMLSelectElement>('select')!.value = 'UTC-07:00';
    await panel.importAll();
    await panel.addFiles([
      csv('renamed.csv', [
        '2026-05-02,Summer Tanks,35.25,119.92,1100',
        '2026-05-03,Summer Tanks,20.00,49.98,800',
      ]),
    ]);
    const renamed = card('renamed.csv');
    await panel.importAll();
    expect(renamed.querySelector('.result')?.textContent).toBe(
      'Imported: 1 new row, 0 duplicates skipped, 0 rejected.',
    );
    expect(renamed.querySelector('.renames')?.textContent).toContain(
      '2026-05-02 Summer Tanks ($35.25) matches Spring Tanks',
    );
    expect(column(h.values('TTS Ads'), 'Cost')).toEqual([40, 35.25, 20]);
    const add = [...renamed.querySelectorAll('button')].find(
      (b) => b.textContent === 'Add 1 row as other campaigns',
    )!;
    add.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(renamed.querySelector('.result')?.textContent).toBe('Added 1 row as other campaigns.');
    expect(column(h.values('TTS Ads'), 'Cost')).toEqual([40, 35.25, 20, 35.25]);
    expect(column(h.values('TTS Ads'), 'Video views')).toEqual(['1200', '1100', '800', '1100']);
  });

  it('shows a refused ad report on its own card with what was found and expected', async () => {
    const { panel } = mount();
    await panel.addFiles([file('ads-manager-no-revenue.csv'), file('ads-manager-korean.csv')]);
    const errors = [...panel.element.querySelectorAll('.file-card.error')].map((c) => c.textContent);
    expect(errors[0]).toContain(
      'its revenue column was not recognised. Found: `By Day`, `Campaign name`, `Cost`',
    );
    expect(errors[1]).toContain('is not in English');
  });
});
