/**
 * The 10,000,000-cell check before an import counts every cell the import adds: ledger rows and
 * columns, the TTS Imports row, the TTS COGS rows it pre-fills with new SKUs and the *Superseded
 * by* column it may add. Measured against what the import really adds in the emulator (which
 * enforces Sheets' limit): with one cell fewer left, the import is refused up front and nothing
 * is written; with exactly enough, it completes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateStatementCsv } from '../../bench/synthetic-export';
import { CELL_LIMIT, Workbook } from '../../emulator/index';
import { parseCsv, toCsv } from '../../src/core/read/files/csv';
import type { ParsedExport } from '../../src/core/types';
import { ensureBuilt, harness } from '../server/import-harness';
import { MARCH, type StateFile } from '../corpus/workbook-states';
import { utf8 } from '../corpus/generate';
import { baseLines, onHoldCsv, pendingLines } from '../corpus/same-orders';
import { parseClassified } from './classify';
import { recordInput } from './record';

beforeAll(() => ensureBuilt());

/** 1,500 June rows, each with a SKU of its own: TTS COGS must grow past its first 1,000 rows. */
function manySkus(): StateFile {
  const csv = generateStatementCsv({ rows: 1500, seed: 21, start: '2026-06-01', months: 1 }).csv;
  const rows = parseCsv(csv);
  const sku = rows[0].indexOf('SKU ID');
  rows.slice(1).forEach((r, i) => {
    if (r[sku] !== '') r[sku] = `18000000000${String(i).padStart(8, '0')}`;
  });
  return { name: 'statement-2026-06-many-skus.csv', bytes: () => utf8(toCsv(rows)) };
}

const ON_HOLD: StateFile = {
  name: 'onhold_2026-03-15.csv',
  bytes: () => utf8(onHoldCsv([...baseLines().slice(0, 5), ...pendingLines(2)])),
};

function parse(file: StateFile): ParsedExport {
  const parsed = parseClassified(file.bytes(), file.name);
  if (parsed.kind === 'crash') throw parsed.error as Error;
  expect(parsed.result.errors).toEqual([]);
  return parsed.result.files[0];
}

/** A workbook holding `before`, then `left` cells left of the limit (a filler tab of one column). */
async function workbookWith(before: StateFile, left?: number) {
  const h = harness(new Workbook());
  await h.importFiles([parse(before)]);
  if (left !== undefined)
    h.workbook.addSheet('Archive', undefined, CELL_LIMIT - h.workbook.totalCells() - left, 1);
  return h;
}

const CASES = [
  { name: 'cell-limit-counts-cogs-prefill', before: MARCH, after: manySkus() },
  { name: 'cell-limit-counts-superseded-column', before: ON_HOLD, after: MARCH },
];

describe('the cell budget counts every cell an import adds', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    // What the import really adds, with room to spare.
    const free = await workbookWith(c.before);
    const cellsBefore = free.workbook.totalCells();
    const [done] = await free.importFiles([parse(c.after)]);
    expect(done.status, done.message).toBe('complete');
    const growth = free.workbook.totalCells() - cellsBefore;
    expect(growth).toBeGreaterThan(0);

    // One cell short: refused before anything is written.
    const short = await workbookWith(c.before, growth - 1);
    const tabs = () =>
      JSON.stringify(
        short.workbook.sheets.map((s) => [s.name, s.maxRows, s.maxColumns, short.workbook.valuesOf(s.name)]),
      );
    const edited = tabs();
    const [refused] = await short.importFiles([parse(c.after)]);
    expect(refused.status).toBe('failed');
    expect(refused.message).toMatch(
      /needs about [\d,]+ more cells, and this spreadsheet has [\d,]+ left of Google Sheets' limit of 10,000,000 cells.*Nothing was written\./,
    );
    expect(refused.message).not.toMatch(/would increase the number of cells/);
    expect(tabs()).toBe(edited);
    recordInput({
      suite: 'cell-budget',
      input: `${name} (one cell short)`,
      outcome: 'rejected',
      lost: 0,
      duplicated: 0,
    });

    // As many cells as the refusal asks for: the import completes. The budget may round up (it
    // counts the *Superseded by* column whenever the ledger has rows), never by more than a column.
    const asked = Number(/needs about ([\d,]+) more cells/.exec(refused.message ?? '')![1].replace(/,/g, ''));
    expect(asked).toBeGreaterThanOrEqual(growth);
    expect(asked - growth).toBeLessThanOrEqual(2 * done.written + 1000);
    const enough = await workbookWith(c.before, asked);
    const [imported] = await enough.importFiles([parse(c.after)]);
    expect(imported.status, imported.message).toBe('complete');
    expect(imported.written).toBe(done.written);
    recordInput({
      suite: 'cell-budget',
      input: `${name} (as many cells as asked)`,
      outcome: 'imported',
      lost: 0,
      duplicated: 0,
    });
  });
});
