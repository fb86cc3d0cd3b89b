/**
 * The add-on's own pipeline, streaming: the file is read in pieces, CSV records → normalize →
 * reconcile → P&L by month and by SKU, visiting each row once and keeping none of them (rows
 * are read as the normalizer's reusable row view: no LedgerRow is built).
 */
import { basename } from 'node:path';
import { createCsvChunkReader } from '../../src/core/files/csv';
import { detectLayout } from '../../src/core/layouts';
import { createNormalizer, type Normalizer } from '../../src/core/normalize';
import { PnlGroupings } from '../../src/core/pnl';
import { createReconciler, type Reconciler } from '../../src/core/reconcile';
import { readTextInPieces } from '../read-in-pieces';

export function pipelinePnl(file: string) {
  const fileName = basename(file);
  let normalizer: Normalizer | undefined;
  let reconciler: Reconciler | undefined;
  const pnl = new PnlGroupings(['month', 'sku']);
  const reader = createCsvChunkReader((cells, rowNumber) => {
    if (!normalizer) {
      const detected = detectLayout([cells], fileName);
      if (!detected.ok) throw new Error(detected.message);
      normalizer = createNormalizer({ fileName, layout: detected.layout, header: detected.header, headerRow: rowNumber });
      reconciler = createReconciler(normalizer.amountIds);
      return;
    }
    const row = normalizer.read(cells, rowNumber);
    if (row === null) return;
    reconciler!.checkView(row);
    pnl.addView(row);
  });
  readTextInPieces(file, (text) => reader.push(text));
  reader.end();
  const months = pnl.result('month');
  const reconciliation = reconciler!.result();
  return {
    rows: normalizer!.rowsAccepted,
    rejected: normalizer!.rejectedRows,
    groups: months.length + pnl.result('sku').length,
    settlement: (months.reduce((s, g) => s + g.lines.settlement, 0) / 100).toFixed(2),
    mismatches: reconciliation.mismatches.length,
  };
}

/** The raw parser alone, fed the same pieces: every record visited, nothing done with it. */
export function rawParse(file: string): { rows: number; cells: number } {
  let rows = 0;
  let cells = 0;
  const reader = createCsvChunkReader((record) => {
    rows++;
    cells += record.length;
  });
  readTextInPieces(file, (text) => reader.push(text));
  reader.end();
  return { rows, cells };
}
