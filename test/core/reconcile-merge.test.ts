import { describe, expect, it } from 'vitest';
import { generateStatementCsv } from '../../bench/synthetic-export';
import { parseCsv } from '../../src/core/read/files/csv';
import { detectLayout } from '../../src/core/read/layouts';
import { createNormalizer } from '../../src/core/read/normalize';
import { createReconciler, MAX_LISTED, mergeReconcileResults } from '../../src/core/analysis/reconcile';
import type { ReconcileResult } from '../../src/core/types';

const FILE = 'statement.csv';

/** A generated statement whose settlement (rows `offBySettlement`) or Fees cell (rows `offByFees`) is one cent off. */
function statement(rows: number, offBySettlement: (dataIndex: number) => boolean, offByFees: (dataIndex: number) => boolean) {
  const lines = generateStatementCsv({ rows, seed: 5, months: 3 }).csv.split('\r\n');
  const header = parseCsv(lines[0])[0];
  const settlement = header.indexOf('Total settlement amount');
  const fees = header.indexOf('Fees');
  const oneCentMore = (text: string) => ((Math.round(Number(text) * 100) + 1) / 100).toFixed(2);
  // The cells are changed in the CSV text, line by line, before the file is parsed.
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const cells = parseCsv(lines[i])[0];
    if (offBySettlement(i - 1)) cells[settlement] = oneCentMore(cells[settlement]);
    if (offByFees(i - 1) && cells[fees] !== '') cells[fees] = oneCentMore(cells[fees]);
    lines[i] = cells.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
  }
  const [head, ...data] = parseCsv(lines.join('\r\n'));
  const detected = detectLayout([head], FILE);
  if (!detected.ok) throw new Error(detected.message);
  return { header: head, layout: detected.layout, data };
}

type Statement = ReturnType<typeof statement>;

/** One part read as a worker reads it: its own normalizer and reconciler, rows numbered as in the whole file. */
function reconcilePart(file: Statement, from: number, to: number): ReconcileResult {
  const normalizer = createNormalizer({ fileName: FILE, layout: file.layout, header: file.header, headerRow: 1 });
  const reconciler = createReconciler(normalizer.amountIds);
  for (let i = from; i < to; i++) {
    const view = normalizer.read(file.data[i], i + 2);
    if (view !== null) reconciler.checkView(view);
  }
  return reconciler.result(normalizer.unclassifiedColumns());
}

describe('mergeReconcileResults', () => {
  const faulty = statement(600, (i) => i % 97 === 3, (i) => i % 131 === 10);
  const n = faulty.data.length;
  const whole = reconcilePart(faulty, 0, n);

  it('the faulty file has settlement and Fees subtotal mismatches to merge', () => {
    expect(whole.ok).toBe(false);
    expect(whole.mismatches.length).toBe(7);
    expect(whole.mismatches[0]).toMatchObject({ source: { file: FILE, row: 5 }, difference: 1 });
    expect(whole.subtotalMismatches!.length).toBeGreaterThan(2);
    expect(whole.rowsChecked).toBe(n);
  });

  for (const at of [0, 1, 3, 4, Math.floor(n / 2), n - 1, n]) {
    it(`two parts split before data row ${at} merge to the one-pass result`, () => {
      const parts = structuredClone([reconcilePart(faulty, 0, at), reconcilePart(faulty, at, n)]);
      expect(mergeReconcileResults(parts)).toEqual(whole);
    });
  }

  it('three parts, a clean one between two faulty ones, merge in file order', () => {
    const parts = [reconcilePart(faulty, 0, 200), reconcilePart(faulty, 200, 204), reconcilePart(faulty, 204, n)];
    expect(parts[1].ok).toBe(true);
    expect(mergeReconcileResults(parts)).toEqual(whole);
  });

  it('a clean file stays ok when merged', () => {
    const clean = statement(300, () => false, () => false);
    const merged = mergeReconcileResults([reconcilePart(clean, 0, 120), reconcilePart(clean, 120, clean.data.length)]);
    expect(merged).toEqual(reconcilePart(clean, 0, clean.data.length));
    expect(merged.ok).toBe(true);
    expect(merged.rowsChecked).toBe(300);
  });

  describe(`more than ${MAX_LISTED} mismatches`, () => {
    const rows = MAX_LISTED * 2 + 300;
    const allOff = statement(rows, () => true, () => false);
    const single = reconcilePart(allOff, 0, rows);

    it(`lists the first ${MAX_LISTED} in file order, like one pass`, () => {
      expect(single.mismatches.length).toBe(MAX_LISTED);
      for (const at of [1, 700, MAX_LISTED, MAX_LISTED + 1, rows - 5]) {
        expect(mergeReconcileResults([reconcilePart(allOff, 0, at), reconcilePart(allOff, at, rows)])).toEqual(single);
      }
    });

    it('stays not ok when only a part past the listed ones has mismatches', () => {
      const listedClean: ReconcileResult = { ...reconcilePart(allOff, 0, MAX_LISTED), mismatches: [], ok: true };
      const cappedFaulty = reconcilePart(allOff, MAX_LISTED, rows);
      expect(cappedFaulty.mismatches.length).toBe(MAX_LISTED);
      const merged = mergeReconcileResults([listedClean, cappedFaulty]);
      expect(merged.ok).toBe(false);
      expect(merged.mismatches.length).toBe(MAX_LISTED);
      expect(merged.mismatches[0].source.row).toBe(MAX_LISTED + 2);
    });
  });

  it('joins Reports checks in order, unclassified columns once each in first-seen order, and takes the whole file list when given', () => {
    const base = { rowsChecked: 1, mismatches: [], ok: true, subtotalMismatches: [] };
    const a: ReconcileResult = { ...base, totalChecks: [{ label: 'Gross sales', expected: 100, actual: 100, difference: 0 }], unclassifiedColumns: ['Bonus'] };
    const b: ReconcileResult = { ...base, totalChecks: [{ label: 'Shipping', expected: 5, actual: 4, difference: 1 }], unclassifiedColumns: ['Tip', 'Bonus'], ok: false };
    const merged = mergeReconcileResults([a, b]);
    expect(merged).toEqual({
      rowsChecked: 2,
      mismatches: [],
      subtotalMismatches: [],
      totalChecks: [a.totalChecks[0], b.totalChecks[0]],
      unclassifiedColumns: ['Bonus', 'Tip'],
      ok: false,
    });
    expect(mergeReconcileResults([a, b], ['Tip']).unclassifiedColumns).toEqual(['Tip']);
  });

  it('of no parts is an empty, ok result', () => {
    expect(mergeReconcileResults([])).toEqual({ rowsChecked: 0, mismatches: [], subtotalMismatches: [], totalChecks: [], unclassifiedColumns: [], ok: true });
  });
});
