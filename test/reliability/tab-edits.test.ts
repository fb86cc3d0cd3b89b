/**
 * The seller's edits of test/corpus/tab-edits.ts on every tab, through the sidebar's reader, the
 * import handlers and the dashboard of the built bundle on one in-memory workbook: after each edit
 * and the next imports, every ledger and ad row is there once, the functions and the dashboard
 * count hidden rows too and show the figures the edit means, and what the seller typed is still
 * there; or the refresh refuses, naming the cell, and leaves the dashboard as it was.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm } from '../../emulator/index';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import type { ParsedExport } from '../../src/core/types';
import { runAdsImport } from '../../src/sidebar/import/ads-runner';
import { privateBundleCopy } from '../helpers/built-bundle';
import { ensureBuilt, harness, type Harness } from '../server/import-harness';
import { APRIL, APRIL_CENTS, MARCH, MARCH_CENTS, type StateFile } from '../corpus/workbook-states';
import { TAB_EDITS, TABS, TYPED_AD_SKU, type Figures } from '../corpus/tab-edits';
import { parseClassified } from './classify';
import { recordInput } from './record';

let bundle = '';
beforeAll(() => {
  ensureBuilt();
  bundle = privateBundleCopy();
});

function parse(file: StateFile): ParsedExport {
  const parsed = parseClassified(file.bytes(), file.name);
  if (parsed.kind === 'crash') throw parsed.error as Error;
  return parsed.result.files[0];
}

const AD_REPORT = 'ads-manager-by-day.csv';
/** A later report with a campaign TTS Ad SKUs does not list yet. */
const NEW_CAMPAIGN_REPORT = 'ads-manager-new-campaign.csv';
const NEW_CAMPAIGN = 'summer shorts launch';
function adReport(name = AD_REPORT): ParsedExport {
  const result = parseExportFile(new Uint8Array(readFileSync(`test/fixtures/ads/${name}`)), name);
  return result.files[0];
}
const AD_ROWS = adReport().ads!.rows.length + adReport(NEW_CAMPAIGN_REPORT).ads!.rows.length;

/** The cells of column `column` under a tab's header row holding `labels`, blanks left out. */
function keysOf(h: Harness, tab: string, labels: string[], column = 'Key'): string[] {
  const values = h.values(tab);
  const headerIndex = values.findIndex((row) =>
    labels.every((l) => row.some((v) => String(v).trim().toLowerCase() === l.toLowerCase())),
  );
  if (headerIndex < 0) return [];
  const key = values[headerIndex].findIndex((v) => String(v).trim().toLowerCase() === column.toLowerCase());
  return values
    .slice(headerIndex + 1)
    .map((r) => String(r[key] ?? '').trim())
    .filter((k) => k !== '');
}

function refresh(
  h: Harness,
): { message: string; error?: undefined } | { error: string; message?: undefined } {
  try {
    return { message: (h.run('refreshDashboard', null) as { message: string }).message };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** March imported, unit costs typed, a running cost, an ad report, the dashboard refreshed. */
async function usedWorkbook(options: {
  unitCosts: boolean;
  runningCosts: boolean;
  skipCostRow?: number;
}): Promise<Harness> {
  const h = harness();
  await h.importFiles([parse(MARCH)]);
  if (options.unitCosts) {
    const cogs = h.values(TABS.cogs);
    const cost = cogs[0].indexOf('Unit cost') + 1;
    cogs.forEach((row, i) => {
      if (i > 0 && String(row[0]) !== '' && i + 1 !== options.skipCostRow)
        h.workbook.seed(TABS.cogs, [[2.5]], i + 1, cost);
    });
  }
  await runAdsImport(adReport(), 'UTC-07:00', h.call);
  // The seller maps the first campaign to a SKU they sell.
  h.workbook.seed(TABS.adSkus, [[TYPED_AD_SKU]], 2, 2);
  refresh(h);
  if (options.runningCosts) h.workbook.seed(TABS.costs, [['Software', 30, 'month']], 2, 1);
  expect(refresh(h).error).toBeUndefined();
  return h;
}

/** The next imports: April, March again, the ad report again, and a report with a new campaign. */
async function importAgain(h: Harness) {
  const outcomes = await h.importFiles([parse(APRIL), parse(MARCH)]);
  const ads = await runAdsImport(adReport(), 'UTC-07:00', h.call);
  const newCampaign = await runAdsImport(adReport(NEW_CAMPAIGN_REPORT), 'UTC-07:00', h.call);
  expect(newCampaign.status, newCampaign.message).toBe('complete');
  return { outcomes, ads };
}

/** The dashboard's monthly table (rows 2–13, columns A–H): sales, target, forecast, net profit, fees by month. */
const monthlyTable = (h: Harness) =>
  h
    .values(TABS.dashboard)
    .slice(1, 13)
    .map((r) => r.slice(0, 8));

const baselines = new Map<Figures, unknown[][]>();
async function baseline(figures: Figures): Promise<unknown[][]> {
  let table = baselines.get(figures);
  if (!table) {
    const h = await usedWorkbook({
      unitCosts: figures !== 'no-unit-costs',
      runningCosts: figures !== 'no-running-costs',
      // The edit deletes TTS COGS row 3: its SKU comes back with the next import, without a cost.
      skipCostRow: figures === 'second-sku-without-cost' ? 3 : undefined,
    });
    await importAgain(h);
    expect(refresh(h).error).toBeUndefined();
    table = monthlyTable(h);
    baselines.set(figures, table);
  }
  return table;
}

describe('every edit a seller can make, on every tab TTS Profit writes', () => {
  it.each(TAB_EDITS.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const h = await usedWorkbook({ unitCosts: true, runningCosts: true });
    c.edit(h.workbook);
    const { outcomes, ads } = await importAgain(h);
    for (const o of outcomes) expect(o.status, o.message).toBe('complete');
    expect(ads.status, ads.message).toBe('complete');

    // Ledger and ad rows: every row once.
    const ledgerKeys = keysOf(h, TABS.ledger, ['Key', 'Import ID', 'Layout']);
    const wanted = new Set([parse(MARCH), parse(APRIL)].flatMap((f) => f.rows.map((r) => r.key)));
    const lost = [...wanted].filter((k) => !ledgerKeys.includes(k)).length;
    const adKeys = keysOf(h, TABS.ads, ['Key', 'Report']);
    const duplicated = ledgerKeys.length - new Set(ledgerKeys).size + (adKeys.length - new Set(adKeys).size);
    expect({ lost, duplicated }).toEqual({ lost: 0, duplicated: 0 });
    expect(ledgerKeys).toHaveLength(wanted.size);
    expect(adKeys).toHaveLength(AD_ROWS);
    // Each campaign once in TTS Ad SKUs, whatever was done to the tab.
    const campaigns = keysOf(h, TABS.adSkus, ['Campaign name', 'SKU ID'], 'Campaign name').map((c) =>
      c.toLowerCase().replace(/\s+/g, ' '),
    );
    expect(campaigns.length - new Set(campaigns).size, campaigns.join(', ')).toBe(0);
    if (c.expected.outcome === 'refused' || !c.expected.noAdSkusHeader)
      expect(campaigns, 'the new campaign is listed under Campaign name').toContain(NEW_CAMPAIGN);
    // The functions count every row of the ledger, hidden ones too.
    const rt = loadBundleInVm({ file: bundle, workbook: h.workbook });
    expect(Math.round((rt.call('TTS_SETTLEMENT', h.values(TABS.ledger)) as number) * 100)).toBe(
      MARCH_CENTS + APRIL_CENTS,
    );

    const expected = c.expected;
    if (expected.outcome === 'refused') {
      const before = JSON.stringify(h.values(TABS.dashboard));
      const result = refresh(h);
      expect(result.error).toMatch(expected.message);
      expect(JSON.stringify(h.values(TABS.dashboard))).toBe(before);
      recordInput({ suite: 'tab-edits', input: name, outcome: 'rejected', lost, duplicated });
      return;
    }
    const result = refresh(h);
    expect(result.error).toBeUndefined();
    if (expected.dashboard) expect(result.message).toMatch(expected.dashboard);
    expect(monthlyTable(h)).toEqual(await baseline(expected.figures));
    if (expected.noteKept) {
      const { sheet: name, note } = expected.noteKept;
      const tab = h.workbook.requireSheet(name);
      const found: string[] = [];
      for (let r = 1; r <= tab.lastRow(); r++)
        for (let c = 1; c <= tab.lastColumn(); c++)
          if (tab.note(r, c).startsWith(note)) found.push(`${tab.note(r, c)} | ${String(tab.value(r, c))}`);
      // Still there once, on a cell that holds what the note says it held.
      expect(found).toHaveLength(1);
      const [text, value] = found[0].split(' | ');
      expect(text).toBe(`${note} ${value}`);
    }
    for (const cell of expected.kept ?? []) {
      const tab = h.workbook.sheets.find((s) => s.name === cell.sheet || s.name === `${cell.sheet} (old)`)!;
      expect(h.workbook.valuesOf(tab.name).flat(), `${cell.sheet} keeps ${cell.value}`).toContain(cell.value);
    }
    recordInput({ suite: 'tab-edits', input: name, outcome: 'imported', lost, duplicated });
  });
});
