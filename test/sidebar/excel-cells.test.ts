/**
 * Files as a seller has them after Excel or another tool saved them, through the sidebar's reader
 * (parseStreamingRows) and the import handlers of the built bundle, and the same cells passed to
 * the functions: amounts Excel writes to 17 digits (under $0.10 in exponent form), IDs written
 * `="577…"`, a row cut in two by a line break in an unquoted cell, times on a 12-hour clock.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm } from '../../emulator/index';
import { parsedBySidebar } from '../helpers/sidebar-reader';
import { IMPORTS, LEDGER, column, ensureBuilt, harness } from '../server/import-harness';
import { inSandbox } from '../bundle/custom-functions-sheet';
import { privateBundleCopy } from '../helpers/built-bundle';
import { BASE_ROWS, csv, utf8 } from '../corpus/generate';
import { parseStreamingRows } from '../../src/sidebar/parsing/parse-file';
import {
  AM_PM_TIMES,
  excelDoublesXlsx,
  excelNumber,
  idsAsFormulaText,
  ordersAmPm,
  rowCutInTwo,
  rowsEndingEarly,
  withSmallSale,
} from '../corpus/excel-cells';
import type { ParsedExport } from '../../src/core/types';

let bundle = '';
beforeAll(() => {
  ensureBuilt();
  bundle = privateBundleCopy();
});

async function readFile(bytes: Uint8Array, name: string): Promise<ParsedExport> {
  const outcome = await parsedBySidebar(bytes, name);
  expect(outcome.errors).toEqual([]);
  expect(outcome.files).toHaveLength(1);
  return outcome.files[0];
}

const functions = (h: ReturnType<typeof harness>) => loadBundleInVm({ file: bundle, workbook: h.workbook });

describe('a statement workbook saved by Excel, amounts written as doubles', () => {
  it('reads a $1.33 sale with a −$0.08 referral fee written `-8.0000000000000002E-2`, and logs the workbook as no CSV', async () => {
    const file = await readFile(excelDoublesXlsx(), 'statement-excel.xlsx');
    expect(file.rejects).toEqual([]);
    // By hand: the base statement's $489.25 and the small sale's $1.20.
    expect(file.totals.settlement).toBe(49045);
    expect(file.layoutLabel).toBe('US Statement export (2024 columns, XLSX)');

    const h = harness();
    const [outcome] = await h.importFiles([file]);
    expect(outcome).toMatchObject({ status: 'complete', written: 9, rejected: 0 });
    expect(column(h.values(IMPORTS), 'Layout')).toEqual(['US Statement export (2024 columns, XLSX)']);
    const rt = functions(h);
    expect(rt.call('TTS_SETTLEMENT', h.values(LEDGER))).toBe(490.45);

    // The exponent-form cells pasted as text into a sheet: the functions read them as the import did.
    const pasted = withSmallSale().map((row, r) =>
      r === 0 ? row : row.map((t) => (/^-?0\.0\d$/.test(t) ? excelNumber(Number(t)) : t)),
    );
    expect(pasted[9]).toContain('-8.0000000000000002E-2');
    expect(rt.call('TTS_SETTLEMENT', inSandbox(rt, pasted))).toBe(490.45);
    expect(rt.call('TTS_FEE', inSandbox(rt, pasted), 'Affiliate commission')).toBe(
      rt.call('TTS_FEE', h.values(LEDGER), 'Affiliate commission'),
    );
  });
});

describe('IDs written `="577…"`', () => {
  it('are the same keys as the plain IDs: the statement imported again adds nothing', async () => {
    const h = harness();
    const [first] = await h.importFiles([await readFile(utf8(csv(BASE_ROWS)), 'statement.csv')]);
    expect(first).toMatchObject({ status: 'complete', written: 8 });
    const again = await readFile(utf8(csv(idsAsFormulaText())), 'statement-ids-as-text.csv');
    expect(again.rows[0].orderId).toBe('577000000000000001');
    const [second] = await h.importFiles([again]);
    expect(second).toMatchObject({ status: 'complete', written: 0, duplicates: 8 });
    const rt = functions(h);
    expect(rt.call('TTS_SETTLEMENT', h.values(LEDGER))).toBe(489.25);
    expect(column(h.values('TTS COGS'), 'SKU ID').every((sku) => /^\d+$/.test(String(sku)))).toBe(true);
  });
});

describe('a CSV row cut in two by a line break in an unquoted cell', () => {
  it('refuses the file, naming the rows and what happened; nothing of it is imported', async () => {
    const streamed: unknown[] = [];
    const outcome = await parseStreamingRows(utf8(rowCutInTwo(csv(BASE_ROWS))), 'statement-cut.csv', {
      onRows: (_sheet, rows) => streamed.push(...rows),
    });
    expect(outcome.files).toEqual([]);
    expect(outcome.errors).toEqual([
      {
        fileName: 'statement-cut.csv',
        message:
          "statement-cut.csv: row 2 has 10 of the header's 64 fields and row 3 the rest: one row cut by a line break " +
          'inside a cell without quotes around it (after `Phone`). Nothing was imported. Join the lines in a text ' +
          'editor, or put that cell in double quotes, and import the file again, or download the export again from Seller Center.',
      },
    ]);
    // The rows read before the refusal were streamed to the page, which drops them with the file.
    expect(streamed.length).toBeGreaterThan(0);
  });

  it('reads rows that leave out their empty cells at the end, as Excel writes some', async () => {
    const early = rowsEndingEarly();
    expect(early.slice(1).every((row) => row.length < early[0].length)).toBe(true);
    const file = await readFile(utf8(csv(early)), 'statement-early.csv');
    expect(file.rejects).toEqual([]);
    expect(file.totals.settlement).toBe(48925);
  });
});

describe('an order export with times on a 12-hour clock', () => {
  it('reads `10:11:12 PM` as 22:11:12 and `12:30:00 AM` as 00:30:00, as the functions do', async () => {
    const file = await readFile(utf8(ordersAmPm()), 'OrderSKUList.csv');
    expect(file.rejects).toEqual([]);
    expect(file.rows.map((r) => r.orderDate.slice(11, 19))).toEqual(AM_PM_TIMES);

    const h = harness();
    const [outcome] = await h.importFiles([file]);
    expect(outcome).toMatchObject({ status: 'complete', written: 5, rejected: 0 });
    const rt = functions(h);
    const pasted = ordersAmPm()
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(pasted[1]).toContain('04/14/2026 10:11:12 PM');
    expect(rt.call('TTS_SALES', inSandbox(rt, pasted))).toBe(rt.call('TTS_SALES', h.values(LEDGER)));
    expect(rt.call('TTS_SALES', inSandbox(rt, pasted), '2026-04')).toBe(
      rt.call('TTS_SALES', h.values(LEDGER)),
    );
  });
});
