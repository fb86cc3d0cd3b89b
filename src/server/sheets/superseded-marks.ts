/**
 * After an import, marks the ledger rows its rows supersede (an estimate whose order line is now
 * settled, or a report row the Statement now covers) in a *Superseded by* column, and counts those
 * that were counted until this import. The readers apply the same rule whether or not the mark is
 * there (core/ledger/settled-estimates.ts); the mark is for the seller reading the tab.
 */
import { columnIndex, columnOf } from '../../core/ledger/ledger-columns';
import {
  DOWNLOAD_TIME,
  LINE_COLUMNS,
  supersedersOf,
  type LineFields,
} from '../../core/ledger/settled-estimates';
import { layoutSpec } from '../../core/read/layouts';
import type { LayoutId } from '../../core/types';
import { openLedger } from './ledger-sheet';
import { dateTextConverter } from './sheet-dates';
import { TEXT_FORMAT, appendHeaderColumns, textCell, writeBlock } from './sheet-writing';

export const SUPERSEDED_HEADER = 'Superseded by';

/** Marks rows superseded by this import's rows; returns how many were counted before it. */
export function markSuperseded(importId: string): number {
  const tab = openLedger();
  if (!tab) return 0;
  const { sheet, headerRow } = tab;
  const last = sheet.getLastRow();
  if (last <= headerRow) return 0;
  const index = columnIndex(tab.header);
  const [layout, order, sku, key, id, ...more] = LINE_COLUMNS.map((label) => columnOf(index, label));
  const [downloaded, statement, date, gross] = more;
  const cols = [layout, order, sku, key, id];
  // Only On-hold files with a download time have that column; a statement's ID and date tell its payout;
  // a ledger without Gross sales holds no sale.
  if (cols.some((c) => c < 0)) return 0;
  const from = Math.min(...cols);
  const block = sheet
    .getRange(headerRow + 1, from + 1, last - headerRow, Math.max(...more, ...cols) - from + 1)
    .getValues();
  const at = (line: unknown[], c: number) => (c < 0 ? '' : String(line[c - from] ?? '').trim());
  const rows: (LineFields & { mine: boolean })[] = block.map((line) => ({
    // A row without a Key is the seller's: no order ID, so it meets no order line.
    layout: at(line, layout) as LayoutId,
    orderId: at(line, key) === '' ? '' : at(line, order),
    skuId: at(line, sku),
    importId: at(line, id),
    unknown: { [DOWNLOAD_TIME]: at(line, downloaded) },
    statementId: at(line, statement),
    statementDate: date < 0 ? '' : line[date - from],
    grossSales: at(line, gross),
    mine: at(line, id) === importId,
  }));
  if (!rows.some((r) => r.mine)) return 0;
  const dateText = dateTextConverter();
  const now = supersedersOf(rows, dateText);
  const before = supersedersOf(
    rows.map((r) => (r.mine ? { ...r, orderId: '' } : r)),
    dateText,
  );
  const settled = rows.filter((r, i) => !r.mine && now[i] >= 0 && before[i] < 0).length;
  // Rows of this import may arrive superseded (an On-hold export older than the Statement): marked too.
  if (settled > 0 || rows.some((r, i) => r.mine && now[i] >= 0)) writeMarks(tab, rows, now);
  return settled;
}

/** Writes the winning layout's name beside every superseded row (one write of the column). */
function writeMarks(
  tab: NonNullable<ReturnType<typeof openLedger>>,
  rows: readonly LineFields[],
  by: Int32Array,
): void {
  const { sheet, headerRow } = tab;
  let column = columnOf(columnIndex(tab.header), SUPERSEDED_HEADER) + 1;
  if (column === 0) {
    // A new column right of every used cell, as for new amount columns.
    appendHeaderColumns(sheet, headerRow, tab.header, [SUPERSEDED_HEADER]);
    column = tab.header.length;
  }
  const values = rows.map((_, i) => [by[i] >= 0 ? textCell(layoutSpec(rows[by[i]].layout).name) : '']);
  writeBlock(sheet, headerRow + 1, column, values, [TEXT_FORMAT]);
}
