/**
 * A statement imported, then the same statement as the seller's Excel re-saved it (and the other
 * way round): dates `4/5/2026`, amounts `12.5`, and as *CSV (Comma delimited)* Windows-1252, where
 * `Violation fee （settlement fee）` becomes `Violation fee ?settlement fee?`. The preview says every
 * row is already there, and the import adds nothing: the −$50.00 fee is not counted twice.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm } from '../../emulator/index';
import { privateBundleCopy } from '../helpers/built-bundle';
import { ensureBuilt, harness, LEDGER } from '../server/import-harness';
import { countAlreadyImported } from '../../src/sidebar/import/already-imported';
import { parseClassified } from './classify';
import { recordInput } from './record';
import { inSandbox, padded, readCsv, typedCells } from '../bundle/custom-functions-sheet';
import type { ParsedExport } from '../../src/core/types';

let bundle = '';
beforeAll(() => {
  ensureBuilt();
  bundle = privateBundleCopy();
});

const FILES = {
  original: ['statement-2026-05.csv', 'samples/statement-2026-05.csv'],
  utf8: [
    'statement-2026-05 (Excel UTF-8).csv',
    'test/fixtures/excel-resaved/excel-resaved-ids-text-utf8bom.csv',
  ],
  cp1252: ['statement-2026-05 (Excel).csv', 'test/fixtures/excel-resaved/excel-resaved-ids-text-cp1252.csv'],
} as const;

function parse([name, path]: readonly [string, string]): ParsedExport {
  const parsed = parseClassified(new Uint8Array(readFileSync(path)), name);
  if (parsed.kind === 'crash') throw parsed.error as Error;
  expect(parsed.result.errors).toEqual([]);
  return parsed.result.files[0];
}

const SEQUENCES: [string, (keyof typeof FILES)[]][] = [
  ['original-then-excel-cp1252', ['original', 'cp1252']],
  ['original-then-excel-utf8', ['original', 'utf8']],
  ['excel-cp1252-then-original', ['cp1252', 'original']],
];

describe('a statement and its Excel re-save', () => {
  it.each(SEQUENCES)('%s: the second file adds nothing', async (name, [first, second]) => {
    const h = harness();
    const [a] = await h.importFiles([parse(FILES[first])]);
    expect(a).toMatchObject({ status: 'complete', written: 195 });
    const again = parse(FILES[second]);
    expect(await countAlreadyImported(again, h.call)).toBe(195);
    const [b] = await h.importFiles([again]);
    expect(b).toMatchObject({ status: 'complete', written: 0, duplicates: 195 });
    const rt = loadBundleInVm({ file: bundle, workbook: h.workbook });
    expect(rt.call('TTS_SETTLEMENT', h.values(LEDGER))).toBe(4613.85);
    const keys = h
      .values(LEDGER)
      .slice(1)
      .map((r) => r[0]);
    const duplicated = keys.length - new Set(keys).size + (keys.length - 195);
    recordInput({ suite: 'excel-resaved', input: name, outcome: 'imported', lost: 0, duplicated });
    expect(duplicated).toBe(0);
  });
});

describe('the same statement pasted into a sheet and passed to the functions', () => {
  // The seller's copy with a SUM row under it (`Total` in the first column): imported, the row is
  // checked and dropped; passed as a range, every function skips it and answers as the ledger does.
  it.each([
    ['as downloaded', 'samples/statement-2026-05.csv'],
    ['with its totals row', 'test/fixtures/excel-resaved/with-totals-row.csv'],
  ])('%s: every function gives the imported ledger’s answer', async (name, path) => {
    const h = harness();
    await h.importFiles([parse(['statement-2026-05.csv', 'samples/statement-2026-05.csv'])]);
    const rt = loadBundleInVm({ file: bundle, workbook: h.workbook });
    const range = padded(typedCells(readCsv(path), { timeZone: rt.workbook.timeZone }), {
      blankRowsBelow: 200,
    });
    const ledger = h.values(LEDGER);
    for (const fn of ['TTS_SETTLEMENT', 'TTS_SALES', 'TTS_NET_PROFIT'])
      expect(rt.call(fn, inSandbox(rt, range)), fn).toBe(rt.call(fn, ledger));
    expect(rt.call('TTS_SETTLEMENT', inSandbox(rt, range))).toBe(4613.85);
    recordInput({
      suite: 'excel-resaved',
      input: `range ${name}`,
      outcome: 'imported',
      lost: 0,
      duplicated: 0,
    });
  });
});
