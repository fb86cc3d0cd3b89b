/**
 * Counts the cells an import will add to the spreadsheet before anything is written, against
 * Google Sheets' 10,000,000-cell limit (core/ledger/cell-budget.ts), and refuses it up front.
 */
import type { BeginImportRequest } from '../../core/contract';
import { NEW_TAB_CELLS, cellLimitMessage, growthOf, type TabSize } from '../../core/ledger/cell-budget';
import { missingColumns } from '../../core/ledger/ledger-columns';
import { LEDGER_TAB, ledgerHeader } from '../../core/ledger/ledger-format';
import { COGS_HEADER, COGS_SHEET, cogsLayout, columnTexts } from '../sheets/cogs-sheet';
import { IMPORTS_SHEET } from '../sheets/imports-log';
import { openLedger } from '../sheets/ledger-sheet';
import { SUPERSEDED_HEADER } from '../sheets/superseded-marks';
import { tabNamed } from '../sheets/tab-named';
import { spreadsheet } from '../sheets/spreadsheet';

function sizeOf(sheet: GoogleAppsScript.Spreadsheet.Sheet | null): TabSize | null {
  if (!sheet) return null;
  return {
    rows: sheet.getMaxRows(),
    columns: sheet.getMaxColumns(),
    lastRow: sheet.getLastRow(),
    lastColumn: sheet.getLastColumn(),
  };
}

/** Cells TTS COGS grows by when the import pre-fills the SKUs it lacks (a new tab: 1,000 × 26 at least). */
function cogsGrowth(skuIds: readonly string[]): number {
  const sheet = tabNamed(COGS_SHEET);
  if (!sheet) return Math.max(NEW_TAB_CELLS, growthOf(null, skuIds.length, COGS_HEADER.length));
  const listed = new Set(columnTexts(cogsLayout(sheet), 'SKU ID'));
  const added = skuIds.filter((id) => !listed.has(id)).length;
  return growthOf(sizeOf(sheet), added, 0);
}

/** Throws the refusal when the import's rows and columns would take the spreadsheet past the limit. */
export function checkCellBudget(request: BeginImportRequest): void {
  const ss = spreadsheet();
  const used = ss.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
  const rows = request.rowsNew ?? request.rowsTotal;
  const ledger = openLedger();
  const wanted = ledgerHeader(request.amountIds, request.unknownColumns);
  // Rows already there may be superseded by this file's: the marks take a column of their own.
  const hasRows = ledger !== null && ledger.sheet.getLastRow() > ledger.headerRow;
  const marks = hasRows && missingColumns(ledger.header, [SUPERSEDED_HEADER]).length ? 1 : 0;
  const newColumns = (ledger ? missingColumns(ledger.header, wanted).length : wanted.length) + marks;
  const needed =
    growthOf(sizeOf(ss.getSheetByName(LEDGER_TAB)), rows, newColumns) +
    growthOf(sizeOf(ss.getSheetByName(IMPORTS_SHEET)), 1, 0) +
    cogsGrowth(request.skuIds || []);
  const message = cellLimitMessage(request.fileName, needed, used, rows);
  if (message) throw new Error(message);
}
