/**
 * The add-on's own pipeline, streaming: CSV records → normalize → reconcile → P&L by month and by
 * SKU, visiting each row once and keeping none of them.
 */
import { forEachCsvRow } from '../../src/core/files/csv';
import { detectLayout } from '../../src/core/layouts';
import { createNormalizer, type Normalizer } from '../../src/core/normalize';
import { PnlAccumulator } from '../../src/core/pnl';
import { createReconciler, type Reconciler } from '../../src/core/reconcile';

export function pipelinePnl(text: string, fileName: string) {
  let normalizer: Normalizer | undefined;
  let reconciler: Reconciler | undefined;
  const byMonth = new PnlAccumulator('month');
  const bySku = new PnlAccumulator('sku');
  forEachCsvRow(text, (cells, rowNumber) => {
    if (!normalizer) {
      const detected = detectLayout([cells], fileName);
      if (!detected.ok) throw new Error(detected.message);
      normalizer = createNormalizer({ fileName, layout: detected.layout, header: detected.header, headerRow: rowNumber });
      reconciler = createReconciler(normalizer.amountIds);
      return;
    }
    const row = normalizer.push(cells, rowNumber);
    if (row === null) return;
    reconciler!.check(row);
    byMonth.add(row);
    bySku.add(row);
  });
  const months = byMonth.result();
  const reconciliation = reconciler!.result();
  return {
    rows: normalizer!.rowsAccepted,
    rejected: normalizer!.rejectedRows,
    groups: months.length + bySku.result().length,
    settlement: (months.reduce((s, g) => s + g.lines.settlement, 0) / 100).toFixed(2),
    mismatches: reconciliation.mismatches.length,
  };
}

/** The raw parser alone: every record visited, nothing done with it. */
export function rawParse(text: string): { rows: number; cells: number } {
  let rows = 0;
  let cells = 0;
  forEachCsvRow(text, (record) => {
    rows++;
    cells += record.length;
  });
  return { rows, cells };
}
