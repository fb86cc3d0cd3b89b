/**
 * The wrong file dropped on the import, as a seller does it: after May's statement is in the
 * ledger, the affiliate orders export, a creator's affiliate file, the returns export, the
 * product list, an analytics export and Finance's lists of statements and of payments are each read by the sidebar's reader (the worker's
 * streaming parse, and parseExportFile, then readyFiles) and run through the import against the
 * built dist/Code.js. Each is refused by name with what to import instead, and not one cell of
 * the workbook changes. Passed to a custom function, the same range gets the same refusal.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, type GasRuntime } from '../../emulator/index';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { readyFiles } from '../../src/core/ledger/ready-to-import';
import { parseCsv } from '../../src/core/read/files/csv';
import { writeXlsx } from '../helpers/xlsx-writer';
import { sidebarReadAll } from '../sidebar/sidebar-read';
import { errorOf, sheetRange } from '../bundle/custom-functions-sheet';
import {
  OTHER_EXPORT_FILES,
  PAYMENTS_LIST,
  PAYMENTS_LIST_CSV,
  SELLER_AFFILIATE,
  SELLER_AFFILIATE_CSV,
  STATEMENTS_LIST,
  STATEMENTS_LIST_CSV,
  refusal,
} from '../corpus/other-exports';
import { ensureBuilt, harness, IMPORTS, LEDGER, sampleStatement } from './import-harness';
import { distCodeFile } from '../helpers/built-bundle';

beforeAll(ensureBuilt);

/** Every tab's values, to compare the workbook before and after. */
function snapshot(h: ReturnType<typeof harness>): Record<string, unknown[][]> {
  return Object.fromEntries(h.workbook.sheets.map((s) => [s.name, h.workbook.valuesOf(s.name)]));
}

async function withMay() {
  const h = harness();
  const [may] = await h.importFiles([sampleStatement()]);
  expect(may).toMatchObject({ status: 'complete', written: 195 });
  return h;
}

describe('a file that is not a finance export is refused by name, and nothing is written', () => {
  it.each(OTHER_EXPORT_FILES)(
    '$file: the worker’s reader refuses it; the ledger is as it was',
    async ({ file, text, name }) => {
      const h = await withMay();
      const before = snapshot(h);
      const read = await sidebarReadAll(text, file);
      expect(read).toEqual({ files: [], errors: [{ fileName: file, message: refusal(file, name) }] });
      expect(await h.importFiles(read.files)).toEqual([]);
      expect(snapshot(h)).toEqual(before);
      expect(h.values(LEDGER).length).toBe(196);
    },
  );

  it.each(OTHER_EXPORT_FILES)(
    '$file: parseExportFile and readyFiles refuse it the same way',
    ({ file, text, name }) => {
      const parsed = parseExportFile(new TextEncoder().encode(text), file);
      expect(parsed.errors).toEqual([{ fileName: file, message: refusal(file, name) }]);
      expect(readyFiles(parsed.files).files).toEqual([]);
    },
  );

  it('the affiliate orders export as an Excel workbook: the sheet is named, nothing is written', async () => {
    const h = await withMay();
    const before = snapshot(h);
    const bytes = writeXlsx([{ name: 'Affiliate orders', rows: parseCsv(SELLER_AFFILIATE_CSV) }]);
    const read = await sidebarReadAll(bytes, 'affiliate_orders.xlsx');
    expect(read.errors).toEqual([
      {
        fileName: 'affiliate_orders.xlsx',
        message: refusal('affiliate_orders.xlsx, sheet Affiliate orders', SELLER_AFFILIATE),
      },
    ]);
    expect(await h.importFiles(read.files)).toEqual([]);
    expect(snapshot(h)).toEqual(before);
    expect(h.values(IMPORTS).length).toBe(2);
  });
});

describe('passed to a custom function, the range is refused the same way', () => {
  let rt: GasRuntime;
  beforeAll(() => {
    rt = loadBundleInVm({ file: distCodeFile });
  });

  it.each(['TTS_SALES', 'TTS_SETTLEMENT', 'TTS_PNL', 'TTS_FEES'])(
    '%s over the affiliate orders export',
    (fn) => {
      const range = sheetRange(rt, parseCsv(SELLER_AFFILIATE_CSV), { headerIndex: 0 });
      expect(errorOf(() => rt.call(fn, range))).toBe(refusal('the statement range', SELLER_AFFILIATE));
    },
  );

  it.each([
    [STATEMENTS_LIST_CSV, STATEMENTS_LIST],
    [PAYMENTS_LIST_CSV, PAYMENTS_LIST],
  ])(
    'TTS_SETTLEMENT over a list of Finance (%#): what it is, and the statement export to use instead',
    (text, name) => {
      const range = sheetRange(rt, parseCsv(text), { headerIndex: 0 });
      const message = errorOf(() => rt.call('TTS_SETTLEMENT', range));
      expect(message).toBe(refusal('the statement range', name));
      expect(message).toContain(
        'import the Statement export (Finance → Statements → a statement → Export) instead',
      );
    },
  );

  it.each(OTHER_EXPORT_FILES)('TTS_SALES over $file', ({ text, name }) => {
    const range = sheetRange(rt, parseCsv(text), { headerIndex: 0 });
    expect(errorOf(() => rt.call('TTS_SALES', range))).toBe(refusal('the statement range', name));
  });
});
