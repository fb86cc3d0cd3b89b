/**
 * The TTS COGS tab through the built bundle: made with parts, notes and validation; read and
 * written by header (a column inserted at A changes nothing); a tab from the previous version
 * (`… | Unit cost | Effective from`) still works; unit costs from samples/cogs.csv merged without
 * losing the seller's edits, a changed cost replaced only when asked; the dashboard's net profit
 * after product cost, by hand.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { costTableOf } from '../../src/core/analysis/cost-import';
import { parseCsv } from '../../src/core/read/files/csv';
import type { MissingUnitCosts, UnitCostsPreview, UnitCostsResult } from '../../src/core/contract';
import {
  COGS,
  column,
  ensureBuilt,
  harness,
  sampleStatement,
  withRows,
  type Harness,
} from './import-harness';

beforeAll(ensureBuilt);

const HEADER = [
  'SKU ID',
  'Seller SKU',
  'Product name',
  'SKU name',
  'Product cost',
  'Inbound freight',
  'Duty / tariff',
  'Packaging',
  'Other per unit',
  'Unit cost',
  'Effective from',
];
const sampleCosts = () => costTableOf('cogs.csv', parseCsv(readFileSync('samples/cogs.csv', 'utf8')))!;

async function imported(): Promise<Harness> {
  const h = harness();
  await h.importFiles([sampleStatement()]);
  return h;
}

describe('the TTS COGS tab', () => {
  it('is made with the unit cost in parts, a note on each header, validation on every cost and a formula for the total', async () => {
    const h = await imported();
    const values = h.values(COGS);
    expect(values[0]).toEqual(HEADER);
    expect(values).toHaveLength(8); // the sample's 7 SKUs
    const sheet = h.workbook.sheet(COGS)!;
    for (let c = 1; c <= HEADER.length; c++) expect(sheet.note(1, c), HEADER[c - 1]).not.toBe('');
    expect(sheet.note(1, 11)).toContain('Add a new row with a later date when a cost changes');
    for (let c = 5; c <= 10; c++)
      expect(sheet.validation(2, c)).toMatchObject({
        criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
        values: [0],
        allowInvalid: false,
      });
    expect(sheet.validation(500, 7)?.criteria).toBe('NUMBER_GREATER_THAN_OR_EQUAL_TO');
    expect(sheet.validation(2, 11)?.criteria).toBe('DATE_IS_VALID_DATE');
    expect(sheet.formula(2, 10)).toBe('=IF(COUNT(E2:I2),SUM(E2:I2),"")');
    expect(sheet.numberFormat(2, 5)).toBe('$#,##0.00##');
  });

  it('follows its columns by header: a column the seller inserts at A is left alone and no SKU is listed twice', async () => {
    const parsed = sampleStatement();
    const skus = [...new Set(parsed.rows.map((r) => r.skuId).filter(Boolean))];
    const h = harness();
    await h.importFiles([
      withRows(
        parsed,
        parsed.rows.filter((r) => r.skuId !== skus[0]),
      ),
    ]);
    h.run('onOpen', { authMode: 'FULL' }, (rt) => {
      const sheet = rt.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(COGS);
      sheet.insertColumnBefore(1);
      sheet.getRange('A1:A2').setValues([['My notes'], ['reorder soon']]);
    });
    await h.importFiles([parsed]);
    const values = h.values(COGS);
    expect(values[0]).toEqual(['My notes', ...HEADER]);
    expect(column(values, 'My notes')).toEqual(
      ['reorder soon', ...skus.slice(1).map(() => ''), ''].slice(0, values.length - 1),
    );
    expect(column(values, 'SKU ID').sort()).toEqual([...skus].sort());
    // The new row's total adds its own parts, in the columns where they now are.
    expect(h.workbook.sheet(COGS)!.formula(values.length, 11)).toBe(
      `=IF(COUNT(F${values.length}:J${values.length}),SUM(F${values.length}:J${values.length}),"")`,
    );
  });

  it('a tab written by the previous version keeps working: pre-filled, costed and read as it is', async () => {
    const h = harness();
    h.workbook.seed(COGS, [
      ['SKU ID', 'Seller SKU', 'Product name', 'SKU name', 'Unit cost', 'Effective from'],
      ["'1732440158393635811", '', 'Tank', 'Black / M', 6.5, ''],
    ]);
    await h.importFiles([sampleStatement()]);
    const values = h.values(COGS);
    expect(values[0]).toEqual([
      'SKU ID',
      'Seller SKU',
      'Product name',
      'SKU name',
      'Unit cost',
      'Effective from',
    ]);
    expect(values).toHaveLength(8);
    expect(values[1]).toEqual(['1732440158393635811', '', 'Tank', 'Black / M', 6.5, '']);
    const saved = h.run('saveUnitCosts', {
      fileName: 'cogs.csv',
      entries: sampleCosts().entries,
    }) as UnitCostsResult;
    // 6 blank costs filled, 7.00 from 1 May added as a row; 6.50 already there.
    expect(saved).toMatchObject({ fills: 6, appends: 1, unchanged: 1, written: 7 });
    expect((h.run('getMissingUnitCosts', null) as MissingUnitCosts).skus).toEqual([]);
  });
});

describe('unit costs from a cost table (samples/cogs.csv)', () => {
  it('previews what it adds, writes it, and the dashboard’s net profit includes product cost', async () => {
    const h = await imported();
    expect((h.run('getMissingUnitCosts', null) as MissingUnitCosts).skus).toHaveLength(7);
    const request = { fileName: 'cogs.csv', entries: sampleCosts().entries };
    const preview = h.run('previewUnitCosts', request) as UnitCostsPreview;
    expect(preview).toMatchObject({
      entries: 8,
      fills: 7,
      appends: 1,
      newSkus: [],
      changes: [],
      unchanged: 0,
      neverSold: [],
    });
    expect(
      h
        .values(COGS)
        .slice(1)
        .every((row) => row[9] === ''),
    ).toBe(true); // nothing written by the preview

    const saved = h.run('saveUnitCosts', request) as UnitCostsResult;
    expect(saved.message).toBe('8 unit costs written to TTS COGS.');
    const values = h.values(COGS);
    const costOf = (sku: string) =>
      values.filter((r) => r[0] === sku).map((r) => [r[9], r[10] instanceof Date ? 'dated' : r[10]]);
    expect(costOf('1732440158393635811')).toEqual([
      [6.5, ''],
      [7, 'dated'],
    ]);
    expect(costOf('1732440158396120044')).toEqual([[12.75, '']]);
    expect((h.run('getMissingUnitCosts', null) as MissingUnitCosts).skus).toEqual([]);

    // Dropping the same file again adds nothing.
    expect(h.run('saveUnitCosts', request)).toMatchObject({
      written: 0,
      unchanged: 8,
      message: '0 unit costs written to TTS COGS; 8 already there.',
    });

    // April: settlement 3,254.39 − COGS 1,348.00 = 1,906.39; May: 1,359.46 − 601.45 = 758.01 (see custom-functions-costs.test.ts).
    h.run('refreshDashboard', null);
    const dashboard = h.values('TTS Dashboard');
    const start = dashboard.findIndex((r) => r[0] === 'Month' && r[1] === 'Settlement');
    expect(dashboard.slice(start, start + 3).map((r) => r.slice(0, 8))).toEqual([
      ['Month', 'Settlement', 'COGS', 'Gross profit', 'Samples', 'Running costs', 'Ad spend', 'Net profit'],
      ['2026-04', 3254.39, 1348, 1906.39, 0, 0, 0, 1906.39],
      ['2026-05', 1359.46, 601.45, 758.01, 0, 0, 0, 758.01],
    ]);
    expect(dashboard[start - 1][0]).toBe('Net profit and margin by month');
  });

  it('asks before changing a cost the tab already has, never changes a cost split in parts, and names SKUs never sold', async () => {
    const h = await imported();
    h.run('saveUnitCosts', { fileName: 'cogs.csv', entries: sampleCosts().entries });
    // The seller splits one SKU's cost into parts by hand.
    const values = h.values(COGS);
    const partsRow = values.findIndex((r) => r[0] === '1732440158394101177') + 1;
    h.workbook.sheet(COGS)!.write(partsRow, 10, '', h.workbook.timeZone);
    h.workbook.sheet(COGS)!.write(partsRow, 5, 8, h.workbook.timeZone);
    h.workbook.sheet(COGS)!.write(partsRow, 6, 0.2, h.workbook.timeZone);
    const entries = [
      { sku: '1732440158393635812', unitCost: 70_000, effectiveFrom: '', row: 2 },
      { sku: '1732440158394101177', unitCost: 90_000, effectiveFrom: '', row: 3 },
      { sku: 'NEVER-SOLD', unitCost: 1_250, effectiveFrom: '', row: 4 },
    ];
    const preview = h.run('previewUnitCosts', { fileName: 'new.csv', entries }) as UnitCostsPreview;
    expect(preview.changes).toEqual([
      {
        sku: '1732440158393635812',
        effectiveFrom: '',
        from: 65_000,
        to: 70_000,
        tabRow: expect.any(Number),
        hasParts: false,
      },
      {
        sku: '1732440158394101177',
        effectiveFrom: '',
        from: 82_000,
        to: 90_000,
        tabRow: partsRow,
        hasParts: true,
      },
    ]);
    expect(preview).toMatchObject({ newSkus: ['NEVER-SOLD'], neverSold: ['NEVER-SOLD'], appends: 1 });

    const kept = h.run('saveUnitCosts', { fileName: 'new.csv', entries }) as UnitCostsResult;
    expect(kept.message).toBe('1 unit cost written to TTS COGS; 2 changed costs left as they were.');
    const after = h.values(COGS);
    expect(after.find((r) => r[0] === '1732440158393635812')![9]).toBe(6.5);
    expect(after.find((r) => r[1] === 'NEVER-SOLD')!.slice(0, 2)).toEqual(['', 'NEVER-SOLD']);

    const replaced = h.run('saveUnitCosts', {
      fileName: 'new.csv',
      entries,
      replaceChanged: true,
    }) as UnitCostsResult;
    expect(replaced).toMatchObject({
      replaced: 1,
      message: '1 unit cost written to TTS COGS; 1 changed cost left as it was; 1 already there.',
    });
    const last = h.values(COGS);
    expect(last.find((r) => r[0] === '1732440158393635812')![9]).toBe(7);
    expect(last[partsRow - 1].slice(4, 10)).toEqual([8, 0.2, '', '', '', '']);
  });

  it('refuses a request that is not a list of SKUs with costs', () => {
    const h = harness();
    expect(() =>
      h.run('saveUnitCosts', {
        fileName: 'x',
        entries: [{ sku: 'A', unitCost: -1, effectiveFrom: '', row: 1 }],
      }),
    ).toThrow('Unit costs rejected: entries[0].unitCost: expected at least 0.');
  });
});
