import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateStatementCsv } from '../../bench/synthetic-export';
import { parseCsv } from '../../src/core/read/files/csv';
import { KeyTable } from '../../src/core/ledger/key-table';
import { detectLayout, HEADER_SCAN_ROWS } from '../../src/core/read/layouts';
import { createNormalizer } from '../../src/core/read/normalize';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { parseSheetRows } from '../../src/core/read/parse-export';
import { PnlGroupings, type PnlGroupBy } from '../../src/core/analysis/pnl';
import { createReconciler } from '../../src/core/analysis/reconcile';
import { amountsOf } from '../../src/core/read/row-view';
import type { CellValue, LedgerRow } from '../../src/core/types';

const root = new URL('../../', import.meta.url).pathname;
const GROUP_BYS: PnlGroupBy[] = ['month', 'sku', 'statement', 'type'];

/**
 * A generated statement with the faults a bookkeeper looks for: rows whose settlement is off by
 * a few cents, a Fees subtotal that disagrees with its fee columns, an exact duplicate row, a
 * row repeating another's key with different amounts, and a row with a bad amount.
 */
function faultyStatement(): CellValue[][] {
  const grid: CellValue[][] = parseCsv(generateStatementCsv({ rows: 400, seed: 7, months: 4 }).csv);
  const header = grid[0] as string[];
  const settlement = header.indexOf('Total settlement amount');
  const fees = header.indexOf('Fees');
  const shipping = header.indexOf('Shipping');
  const cents = (text: CellValue) => Math.round(Number(text) * 100);
  const dollars = (c: number) => (c / 100).toFixed(2);
  for (const r of [5, 40, 41, 200]) grid[r][settlement] = dollars(cents(grid[r][settlement]) + 7);
  for (const r of [12, 300]) grid[r][fees] = dollars(cents(grid[r][fees]) - 15);
  grid[77][shipping] = 'twelve';
  grid.push([...grid[10]], [...grid[10]]);
  const sameKey = [...grid[20]];
  sameKey[settlement] = dollars(cents(sameKey[settlement]) + 100);
  grid.push(sameKey);
  return grid;
}

/** Header detection as the import does it, then every data row through `visit` with its row number. */
function forEachDataRow(
  grid: readonly CellValue[][],
  fileName: string,
  visit: (cells: readonly CellValue[], rowNumber: number) => void,
) {
  const detected = detectLayout(grid.slice(0, HEADER_SCAN_ROWS), fileName);
  if (!detected.ok) throw new Error(detected.message);
  for (let r = detected.headerRow; r < grid.length; r++) visit(grid[r], r + 1);
  return detected;
}

/** The file read the kept-rows way: LedgerRows into the reconciler and the groupings. */
function throughLedgerRows(grid: readonly CellValue[][], fileName: string) {
  const detected = detectLayout(grid.slice(0, HEADER_SCAN_ROWS), fileName);
  if (!detected.ok) throw new Error(detected.message);
  const normalizer = createNormalizer({
    fileName,
    layout: detected.layout,
    header: detected.header,
    headerRow: detected.headerRow,
  });
  const reconciler = createReconciler(normalizer.amountIds);
  const groupings = new PnlGroupings(GROUP_BYS);
  const rows: LedgerRow[] = [];
  forEachDataRow(grid, fileName, (cells, rowNumber) => {
    const row = normalizer.push(cells, rowNumber);
    if (row === null) return;
    rows.push(row);
    reconciler.check(row);
    groupings.add(row);
  });
  return { rows, normalizer, reconciliation: reconciler.result(normalizer.unclassifiedColumns()), groupings };
}

/** The same file read the streaming way: the row view into the reconciler and the groupings. */
function throughRowViews(grid: readonly CellValue[][], fileName: string) {
  const detected = detectLayout(grid.slice(0, HEADER_SCAN_ROWS), fileName);
  if (!detected.ok) throw new Error(detected.message);
  const normalizer = createNormalizer({
    fileName,
    layout: detected.layout,
    header: detected.header,
    headerRow: detected.headerRow,
  });
  const reconciler = createReconciler(normalizer.amountIds);
  const groupings = new PnlGroupings(GROUP_BYS);
  const rows: LedgerRow[] = [];
  forEachDataRow(grid, fileName, (cells, rowNumber) => {
    const view = normalizer.read(cells, rowNumber);
    if (view === null) return;
    reconciler.checkView(view);
    groupings.addView(view);
    rows.push(normalizer.ledgerRow(view));
  });
  return { rows, normalizer, reconciliation: reconciler.result(normalizer.unclassifiedColumns()), groupings };
}

const files: [string, () => CellValue[][]][] = [
  [
    'samples/statement-2026-05.csv',
    () => parseCsv(readFileSync(root + 'samples/statement-2026-05.csv', 'utf8')),
  ],
  [
    'samples/statement-history.csv',
    () => parseCsv(readFileSync(root + 'samples/statement-history.csv', 'utf8')),
  ],
  [
    'test/fixtures/onhold-306-rows.csv',
    () => parseCsv(readFileSync(root + 'test/fixtures/onhold-306-rows.csv', 'utf8')),
  ],
  ['a generated statement with mismatches and duplicates', faultyStatement],
];

describe('row view (streaming) against LedgerRows', () => {
  for (const [name, load] of files) {
    it(`gives the same P&L, fee columns, reconciliation, duplicates and rows on ${name}`, () => {
      const grid = load();
      const fileName = name.endsWith('.csv') ? name.split('/').pop()! : 'statement.csv';
      const kept = throughLedgerRows(grid, fileName);
      const streamed = throughRowViews(grid, fileName);
      for (const groupBy of GROUP_BYS)
        expect(streamed.groupings.result(groupBy)).toEqual(kept.groupings.result(groupBy));
      expect(streamed.reconciliation).toEqual(kept.reconciliation);
      expect(streamed.normalizer.problems).toEqual(kept.normalizer.problems);
      expect(streamed.rows).toEqual(kept.rows);
      expect(kept.rows.length).toBeGreaterThan(100);
    });
  }

  it('finds the planted faults in the generated statement, the same way on both paths', () => {
    const grid = faultyStatement();
    const grid20OrderId = grid[20][(grid[0] as string[]).indexOf('Order/adjustment ID')];
    const streamed = throughRowViews(grid, 'statement.csv');
    const rowsOff = streamed.reconciliation.mismatches.map((m) => [m.source.row, m.difference]);
    expect(rowsOff).toEqual(
      expect.arrayContaining([
        [6, 7],
        [41, 7],
        [42, 7],
        [201, 7],
      ]),
    );
    const feesOff = (streamed.reconciliation.subtotalMismatches ?? [])
      .filter((m) => m.column === 'Fees')
      .map((m) => [m.source.row, m.difference]);
    expect(feesOff).toEqual([
      [13, -15],
      [301, -15],
    ]);
    // The three rows added at the end repeat keys: two exact copies of row 11, one of row 21 with other amounts.
    const [copy1, copy2, changed] = streamed.rows.slice(-3);
    const base = (key: string) => key.slice(0, key.indexOf('#'));
    expect(base(copy1.key)).toBe(base(copy2.key));
    expect(Number(copy2.key.split('#')[1])).toBe(Number(copy1.key.split('#')[1]) + 1);
    // As a range a function reads, the exact copy is refused, naming it and the row it repeats.
    expect(() => parseSheetRows(grid, { fileName: 'the statement range' })).toThrow(
      new RegExp(
        `^the statement range: row ${copy1.source.row} repeats row \\d+ \\(key \`${base(copy1.key)}\``,
      ),
    );
    expect(changed.key).toMatch(/#\d+$/);
    expect(changed.orderId).toBe(grid20OrderId);
    expect(streamed.normalizer.problems.map((p) => [p.row, p.column])).toEqual([[78, 'Shipping']]);
  });

  it('hands each row its amounts as LedgerRow holds them (column order, no zero cells)', () => {
    const grid = parseCsv(readFileSync(root + 'samples/statement-2026-05.csv', 'utf8'));
    const detected = detectLayout(grid.slice(0, HEADER_SCAN_ROWS), 'statement-2026-05.csv');
    if (!detected.ok) throw new Error(detected.message);
    const normalizer = createNormalizer({
      fileName: 'statement-2026-05.csv',
      layout: detected.layout,
      header: detected.header,
      headerRow: detected.headerRow,
    });
    const view = normalizer.read(grid[detected.headerRow], detected.headerRow + 1)!;
    const amounts = amountsOf(view);
    expect(Object.values(amounts).every((cents) => cents !== 0)).toBe(true);
    expect(Object.keys(amounts)).toEqual(normalizer.amountIds.filter((id) => id in amounts));
    expect(view.amountIds).toBe(normalizer.amountIds);
  });
});

describe('parseExportFile without kept rows', () => {
  for (const path of [
    'samples/statement-2026-05.csv',
    'samples/statement-history.csv',
    'test/fixtures/onhold-306-rows.csv',
  ]) {
    it(`gives the same totals, period, reconciliation and duplicates as with kept rows for ${path}`, () => {
      const bytes = new Uint8Array(readFileSync(root + path));
      const fileName = path.split('/').pop()!;
      const kept = parseExportFile(bytes, fileName).files[0];
      const streamedRows: LedgerRow[] = [];
      const streamed = parseExportFile(bytes, fileName, {
        keepRows: false,
        onRow: (row) => streamedRows.push(row),
      }).files[0];
      const bare = parseExportFile(bytes, fileName, { keepRows: false }).files[0];
      expect(streamed.rows).toEqual([]);
      expect(streamedRows).toEqual(kept.rows);
      for (const parsed of [streamed, bare]) {
        expect(parsed.totals).toEqual(kept.totals);
        expect(parsed.period).toEqual(kept.period);
        expect(parsed.reconciliation).toEqual(kept.reconciliation);
        expect(parsed.rejects).toEqual(kept.rejects);
      }
    });
  }
});

describe('KeyTable', () => {
  it('tells a new key from a repeated one across growth, returning the first content fingerprint', () => {
    const table = new KeyTable(4);
    let repeatsSeen = 0;
    for (let i = 0; i < 50_000; i++) if (table.add(i * 7919, i * 104_729, i) !== undefined) repeatsSeen++;
    expect(repeatsSeen).toBe(0);
    expect(table.size).toBe(50_000);
    const firsts: (number | undefined)[] = [];
    for (let i = 0; i < 50_000; i += 9973) firsts.push(table.add(i * 7919, i * 104_729, -1));
    expect(firsts).toEqual([0, 9973, 19946, 29919, 39892, 49865]);
    // Same first hash, different second hash: a different key.
    expect(table.add(7919, 1, 5)).toBeUndefined();
    expect(table.size).toBe(50_001);
  });
});
