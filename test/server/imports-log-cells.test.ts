/**
 * What the TTS Imports tab shows a seller: text from the file exactly as it was (no quote prefix in
 * a plain-text cell, none added when the row is completed), and the time of the import on the
 * spreadsheet's clock, the same clock as the Import ID beside it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { displayValue, Workbook } from '../../emulator/index';
import { IMPORTS, LEDGER, column, ensureBuilt, harness, sampleStatement, withRows } from './import-harness';

beforeAll(ensureBuilt);

describe('TTS Imports cells', () => {
  it.each(["'quoted.csv", '=HYPERLINK("x").csv', "''two.csv", '+1 report.csv', '@sum.csv'])(
    'file name %s shows as it is, after several imports',
    async (fileName) => {
      const sample = sampleStatement();
      const parsed = {
        ...sample,
        fileName,
        rows: sample.rows.map((r) => ({ ...r, source: { ...r.source, file: fileName } })),
      };
      const h = harness();
      await h.importFiles([withRows(parsed, parsed.rows.slice(0, 10))]);
      await h.importFiles([withRows(parsed, parsed.rows.slice(10, 20))]);
      await h.importFiles([withRows(parsed, parsed.rows.slice(20, 30))]);
      const sheet = h.workbook.sheet(IMPORTS)!;
      expect(column(h.values(IMPORTS), 'File')).toEqual([fileName, fileName, fileName]);
      expect(column(h.values(IMPORTS), 'Reconciliation')).toEqual(['OK', 'OK', 'OK']);
      const fileCol = h.values(IMPORTS)[0].indexOf('File') + 1;
      for (let r = 2; r <= 4; r++) {
        expect(sheet.numberFormat(r, fileCol)).toBe('@');
        expect(sheet.formula(r, fileCol)).toBeFalsy();
      }
      expect([...new Set(column(h.values(LEDGER), 'Source file'))]).toEqual([fileName]);
    },
  );

  it.each(['America/Los_Angeles', 'America/New_York', 'Asia/Tokyo'])(
    'Imported at and the Import ID read the same clock in %s',
    async (timeZone) => {
      const h = harness(new Workbook({ timeZone }));
      const parsed = sampleStatement();
      const before = Date.now();
      await h.importFiles([withRows(parsed, parsed.rows.slice(0, 5))]);
      const log = h.values(IMPORTS);
      const at = column(log, 'Imported at')[0] as Date;
      const id = String(column(log, 'Import ID')[0]);
      const sheet = h.workbook.sheet(IMPORTS)!;
      const shown = displayValue(at, sheet.numberFormat(2, 1), timeZone); // 2026-12-06 15:04:05
      expect(id.slice(0, 15)).toBe(shown.replace(/[-:]/g, '').replace(' ', '-'));
      expect(Math.abs(at.getTime() - before)).toBeLessThan(60_000);
    },
  );
});
