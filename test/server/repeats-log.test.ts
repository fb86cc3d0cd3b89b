/**
 * A statement that lists one order line twice, identical in every cell: the line is written once (an
 * export listing a line twice is a duplicate), and the preview, the sidebar's result and the TTS
 * Imports log all say so with the row numbers and the money left out, so a bookkeeper comparing the
 * import to the payout sees where the difference went. Through the sidebar's reader and dist/Code.js.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readyFiles } from '../../src/core/ledger/ready-to-import';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { outcomeText } from '../../src/sidebar/import/file-preview';
import { ensureBuilt, harness, IMPORTS, LEDGER } from './import-harness';

beforeAll(() => ensureBuilt());

const LINES = readFileSync('samples/statement-2026-05.csv', 'utf8').trimEnd().split('\n');
const SETTLEMENT = LINES[0].split(',').indexOf('Total settlement amount');
/** The file with `rows` (file row numbers, header = 1) listed a second time right after themselves. */
function withRepeats(rows: number[]): string {
  const out: string[] = [];
  LINES.forEach((line, i) => {
    out.push(line);
    if (rows.includes(i + 1)) out.push(line);
  });
  return out.join('\n') + '\n';
}
const cents = (fileRow: number) => Math.round(Number(LINES[fileRow - 1].split(',')[SETTLEMENT]) * 100);

function read(text: string) {
  const parsed = parseExportFile(new TextEncoder().encode(text), 'statement-2026-05.csv');
  const ready = readyFiles(parsed.files);
  expect([...parsed.errors, ...ready.errors]).toEqual([]);
  return ready.files;
}

/** The log's rows as label → cell. */
function log(values: unknown[][]): Record<string, unknown>[] {
  return values.slice(1).map((r) => Object.fromEntries(values[0].map((label, i) => [String(label), r[i]])));
}

describe('a row repeated inside a statement file', () => {
  it('is written once, and the result and the log say which row and what it held', async () => {
    // The sample's row 11 ($18.79) listed twice: the file has 196 rows and pays 4,613.85 + 18.79 = 4,632.64.
    expect(cents(11)).toBe(1879);
    const files = read(withRepeats([11]));
    const note =
      'Row 12 repeats row 11 in every cell and is written once: the settlement leaves out its $18.79.';

    const h = harness();
    const [outcome] = await h.importFiles(files);
    expect(outcome).toMatchObject({ status: 'complete', written: 195, duplicates: 0, rejected: 0 });
    expect(outcomeText(outcome)).toBe(
      `Imported: 195 new rows, 0 duplicates skipped, 0 rejected; 7 new SKUs added to TTS COGS. ${note}`,
    );
    const [row] = log(h.values(IMPORTS));
    expect(row).toMatchObject({
      'Rows in file': 196,
      'New rows': 195,
      'Duplicates skipped': 0,
      Settlement: 4613.85,
      Reconciliation: 'OK',
      Status: 'complete',
      Message: note,
    });
    expect(h.values(LEDGER).length - 1).toBe(195);

    // The same file again: every row a duplicate of the ledger's; the repeat still said, the count still the file's.
    const [again] = await h.importFiles(read(withRepeats([11])));
    expect(again).toMatchObject({ written: 0, duplicates: 195 });
    expect(log(h.values(IMPORTS))[1]).toMatchObject({
      'Rows in file': 196,
      'Duplicates skipped': 195,
      Message: note,
    });
  });

  it('keeps the repeats in the log beside why an import stopped', async () => {
    const repeated = [3, 4, 5, 20, 21, 22, 60];
    const files = read(withRepeats(repeated));
    const held = repeated.reduce((n, r) => n + cents(r), 0);
    const h = harness();
    let chunks = 0;
    const [outcome] = await h.importFiles(files, { maxRows: 100, isCancelled: () => chunks++ > 0 });
    expect(outcome.status).toBe('cancelled');
    const [row] = log(h.values(IMPORTS));
    expect(row['Rows in file']).toBe(195 + repeated.length);
    // The file's rows as numbered once the repeats are in it: 3 → 4, 4 → 6, 5 → 8, 20 → 24…
    expect(row.Message).toBe(
      '7 rows repeat an earlier row in every cell and are written once (row 4 repeats 3; row 6 repeats 5; ' +
        'row 8 repeats 7; row 24 repeats 23; row 26 repeats 25; 2 more): the settlement leaves out their ' +
        `$${(held / 100).toFixed(2)}. Cancelled in the sidebar; import the file again to add the rest.`,
    );
    expect(outcomeText(outcome)).toContain(
      `2 more): the settlement leaves out their $${(held / 100).toFixed(2)}. Import again`,
    );
  });
});
