/**
 * *Insert formula* through the built bundle: the formula lands in the selected cell with the real
 * columns of the tab it reads (a tab made by File → Import is as wide as its file) and of TTS COGS;
 * a cell that holds something is replaced only when the seller confirms; cells inside the data or
 * in the add-on's own tabs are refused with the way out.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, Workbook } from '../../emulator/index';
import { parseCsv } from '../../src/core/read/files/csv';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { runAdsImport } from '../../src/sidebar/import/ads-runner';
import { STATEMENT_HEADER_2024 } from '../../bench/synthetic-export';
import { evaluateFormula } from '../../playground/formulas';
import { exportRows, inSandbox } from '../bundle/custom-functions-sheet';
import { COGS, ensureBuilt, harness, sampleStatement, type Harness } from './import-harness';

beforeAll(ensureBuilt);

/** A tab as File → Import makes it: exactly as wide as the CSV, IDs as text. */
function importedTab(workbook: Workbook, name: string): number {
  const rows = parseCsv(readFileSync('samples/statement-2026-05.csv', 'utf8'));
  const rt = loadBundleInVm({ workbook });
  const sheet = rt.inRealm<any>('SpreadsheetApp.getActiveSpreadsheet()').insertSheet(name);
  const max = sheet.getMaxColumns();
  if (rows[0].length > max) sheet.insertColumnsAfter(max, rows[0].length - max);
  else sheet.deleteColumns(rows[0].length + 1, max - rows[0].length);
  sheet.getRange(1, 1, rows.length, rows[0].length).setNumberFormat('@').setValues(rows);
  return rows[0].length;
}

function select(workbook: Workbook, sheet: string, a1: string): void {
  loadBundleInVm({ workbook }).inRealm<any>(
    `SpreadsheetApp.getActiveSpreadsheet().getSheetByName(${JSON.stringify(sheet)}).getRange(${JSON.stringify(a1)}).activate()`,
  );
}

describe('Insert formula', () => {
  it('lists the tabs holding an export, the ledger first, with the selected cell', async () => {
    const h = harness();
    const width = importedTab(h.workbook, "Bob's May statement");
    await h.importFiles([sampleStatement()]);
    select(h.workbook, 'Sheet1', 'C4');
    const found = h.run('listFormulaSources', null) as any;
    expect(found.sources.map((s: any) => [s.name, s.layout])).toEqual([
      ['TTS Ledger', 'TTS Ledger tab'],
      ["Bob's May statement", 'US Statement export (2024 CSV)'],
    ]);
    expect(found.sources[1].lastColumn).toBe(width);
    expect(found.cogs).toMatchObject({ name: 'TTS COGS', lastColumn: 11 });
    expect(found.cell).toBe('Sheet1!C4');
  });

  it("writes the formula with the tab's real columns and the TTS COGS and TTS Costs tabs", async () => {
    const h = harness();
    importedTab(h.workbook, "Bob's May statement"); // 64 columns: A:BL
    await h.importFiles([sampleStatement()]);
    select(h.workbook, 'Sheet1', 'B2');
    expect(
      h.run('insertFormula', { fn: 'TTS_NET_PROFIT', source: "Bob's May statement", overwrite: false }),
    ).toEqual({
      status: 'inserted',
      cell: 'Sheet1!B2',
      formula: "=TTS_NET_PROFIT('Bob''s May statement'!A:BL, 'TTS COGS'!A:K, , 'TTS Costs'!A:G)",
    });
    expect(h.workbook.sheet('Sheet1')!.formula(2, 2)).toBe(
      "=TTS_NET_PROFIT('Bob''s May statement'!A:BL, 'TTS COGS'!A:K, , 'TTS Costs'!A:G)",
    );
    select(h.workbook, 'Sheet1', 'D2');
    expect(
      h.run('insertFormula', { fn: 'TTS_FEES', source: "Bob's May statement", overwrite: false }),
    ).toMatchObject({ formula: "=TTS_FEES('Bob''s May statement'!A:BL)" });
  });

  it('asks before replacing a cell that holds something, and replaces it once confirmed', async () => {
    const h = harness();
    await h.importFiles([sampleStatement()]);
    const rt = loadBundleInVm({ workbook: h.workbook });
    rt.inRealm<any>(
      "SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1').getRange('A1').setValue('My notes')",
    );
    select(h.workbook, 'Sheet1', 'A1');
    const ledgerWidth = h.workbook.sheet('TTS Ledger')!.lastColumn();
    const answer = h.run('insertFormula', {
      fn: 'TTS_SETTLEMENT',
      source: 'TTS Ledger',
      overwrite: false,
    }) as any;
    expect(answer).toMatchObject({ status: 'confirm', cell: 'Sheet1!A1', existing: 'My notes' });
    expect(h.workbook.sheet('Sheet1')!.value(1, 1)).toBe('My notes');
    expect(
      h.run('insertFormula', { fn: 'TTS_SETTLEMENT', source: 'TTS Ledger', overwrite: true }),
    ).toMatchObject({ status: 'inserted' });
    expect(h.workbook.sheet('Sheet1')!.formula(1, 1)).toMatch(
      new RegExp(`^=TTS_SETTLEMENT\\('TTS Ledger'!A:[A-Z]+\\)$`),
    );
    expect(ledgerWidth).toBeGreaterThan(10);
  });

  it('refuses a cell inside the data it reads, or in a tab TTS Profit rewrites', async () => {
    const h = harness();
    importedTab(h.workbook, 'Statement');
    await h.importFiles([sampleStatement()]);
    select(h.workbook, 'Statement', 'C300');
    expect(() => h.run('insertFormula', { fn: 'TTS_SALES', source: 'Statement', overwrite: true })).toThrow(
      'Statement!C300 is inside the range the formula reads ' +
        "('Statement'!A:BL): Sheets would report a circular reference. Select a " +
        'cell to the right of the data or in another tab.',
    );
    select(h.workbook, 'TTS Ledger', 'A2');
    expect(() => h.run('insertFormula', { fn: 'TTS_SALES', source: 'Statement', overwrite: true })).toThrow(
      'TTS Ledger!A2 is in the TTS Ledger tab, which TTS Profit rewrites. Select a cell in one of your own tabs (or a new tab), then Insert again.',
    );
    expect(() => h.run('insertFormula', { fn: 'TTS_SALES', source: 'Gone', overwrite: false })).toThrow(
      'There is no tab named Gone: pick a tab from the list again.',
    );
    expect(() => h.run('insertFormula', { fn: 'SUM', source: 'Statement', overwrite: false })).toThrow(
      /Insert formula/,
    );
  });
});

describe('Insert formula counts every cost, as the dashboard does', () => {
  // April: 2 units at $20.00 (referral −2.40), May: 1 unit (referral −1.20); unit cost $5.00;
  // software $30.00 a month in TTS Costs; $10.00 of ads in each month. April 37.60 − 10.00 − 30.00
  // − 10.00 = −12.40; May 18.80 − 5.00 − 30.00 − 10.00 = −26.20; together −38.60 (without the
  // software and the ads: 41.40).
  const SKU = '1732440158390000031';
  const sale = (day: string, id: string, units: number) => ({
    'Statement date (UTC)': day,
    'Statement ID': `79${day.replace(/\//g, '')}`,
    Type: 'Order',
    'Order/adjustment ID': id,
    'SKU ID': SKU,
    Quantity: String(units),
    'Order created date': day,
    Currency: 'USD',
    'Total settlement amount': (units * 18.8).toFixed(2),
    'Net sales': (units * 20).toFixed(2),
    'Gross sales': (units * 20).toFixed(2),
    Fees: (units * -1.2).toFixed(2),
    'Referral fee': (units * -1.2).toFixed(2),
  });

  async function shop(): Promise<Harness> {
    const h = harness();
    const csv = exportRows(STATEMENT_HEADER_2024, [
      sale('2026/04/20', '577389150020100001', 2),
      sale('2026/05/20', '577389150020100002', 1),
    ]);
    const parsed = parseExportFile(new TextEncoder().encode(csv.map((r) => r.join(',')).join('\n')), 's.csv');
    await h.importFiles(parsed.files);
    h.workbook.seed(COGS, [[5]], 2, h.values(COGS)[0].indexOf('Unit cost') + 1);
    return h;
  }

  const typeSoftware = (h: Harness) => h.workbook.seed('TTS Costs', [['Software', 30, 'month']], 2, 1);

  async function importAds(h: Harness): Promise<void> {
    const ads = [
      'By Day,Campaign name,Campaign ID,Cost,Gross revenue (Shop),Impressions',
      '2026-04-05,Spring,1800000000000000001,10.00,40.00,1000',
      '2026-05-05,Spring,1800000000000000001,10.00,20.00,1000',
    ].join('\n');
    await runAdsImport(
      parseExportFile(new TextEncoder().encode(ads), 'ads.csv').files[0],
      'UTC+00:00',
      h.call,
    );
  }

  /** Inserts `fn` on TTS Ledger in Sheet1!B2 and works out the formula Sheets would. */
  function inserted(h: Harness, fn: string): any {
    select(h.workbook, 'Sheet1', 'B2');
    const { formula } = h.run('insertFormula', { fn, source: 'TTS Ledger', overwrite: true }) as any;
    const rt = loadBundleInVm({ workbook: h.workbook });
    return evaluateFormula(formula, h.workbook, 'Sheet1', (name, args) =>
      rt.call(name, ...args.map((a) => inSandbox(rt, a))),
    );
  }

  it('gives the net profit and the months of the dashboard: −38.60, with the software and the ads', async () => {
    const h = await shop();
    h.run('refreshDashboard', null); // makes TTS Costs
    typeSoftware(h);
    await importAds(h);
    h.run('refreshDashboard', null);
    const dash = h.values('TTS Dashboard');
    const header = dash.findIndex((r) => r.includes('Settlement') && r.includes('Net profit'));
    const net = dash[header].indexOf('Net profit');
    expect(dash.slice(header + 1, header + 3).map((r) => [r[dash[header].indexOf('Month')], r[net]])).toEqual(
      [
        ['2026-04', -12.4],
        ['2026-05', -26.2],
      ],
    );
    expect(inserted(h, 'TTS_NET_PROFIT')).toBe(-38.6);
    const pnl = inserted(h, 'TTS_PNL') as unknown[][];
    const at = (label: string) => pnl[0].findIndex((c) => String(c).startsWith(label));
    expect(
      pnl.slice(1).map((r) => [r[0], r[at('Running costs')], r[at('Ad spend')], r[at('Net profit')]]),
    ).toEqual([
      ['2026-04', 30, 10, -12.4],
      ['2026-05', 30, 10, -26.2],
      ['Total', 60, 20, -38.6],
    ]);
  });

  it('counts running costs typed after the formula was inserted: the TTS Costs tab is made with it', async () => {
    const h = await shop();
    expect(h.workbook.sheet('TTS Costs')).toBeUndefined();
    expect(inserted(h, 'TTS_NET_PROFIT')).toBe(41.4);
    expect(h.values('TTS Costs')[0]).toEqual(['Cost', 'Amount', 'Every', 'Percent', 'Of', 'Starts', 'Ends']);
    typeSoftware(h);
    // The cell the formula went into stays selected.
    expect(h.run('listFormulaSources', null)).toMatchObject({ cell: 'Sheet1!B2' });
    const rt = loadBundleInVm({ workbook: h.workbook });
    const formula = h.workbook.sheet('Sheet1')!.formula(2, 2);
    expect(
      evaluateFormula(formula, h.workbook, 'Sheet1', (name, args) =>
        rt.call(name, ...args.map((a) => inSandbox(rt, a))),
      ),
    ).toBe(-18.6); // 41.40 − 2 × 30.00
  });

  it('leaves the TTS Ads tab out of the tabs a formula reads from', async () => {
    const h = await shop();
    await importAds(h);
    expect((h.run('listFormulaSources', null) as any).sources.map((s: any) => s.name)).toEqual([
      'TTS Ledger',
    ]);
  });
});
