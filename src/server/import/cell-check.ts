/**
 * Counts the cells an import will add to the spreadsheet before anything is written, against
 * Google Sheets' 10,000,000-cell limit (core/ledger/cell-budget.ts), and refuses it up front.
 */
import type { BeginImportRequest } from '../../core/contract';
import { NEW_TAB_CELLS, cellLimitMessage, growthOf, type TabSize } from '../../core/ledger/cell-budget';
import { missingColumns } from '../../core/ledger/ledger-columns';
import { LEDGER_TAB, ledgerHeader } from '../../core/ledger/ledger-format';
import { COGS_SHEET } from '../sheets/cogs-sheet';
import { IMPORTS_SHEET } from '../sheets/imports-log';
import { openLedger } from '../sheets/ledger-sheet';

function sizeOf(sheet: GoogleAppsScript.Spreadsheet.Sheet | null): TabSize | null {
  if (!sheet) return null;
  return { rows: sheet.getMaxRows(), columns: sheet.getMaxColumns(), lastRow: sheet.getLastRow(), lastColumn: sheet.getLastColumn() };
}

/** Throws the refusal when the import's rows and columns would take the spreadsheet past the limit. */
export function checkCellBudget(request: BeginImportRequest): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const used = ss.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
  const rows = request.rowsNew ?? request.rowsTotal;
  const ledger = openLedger();
  const wanted = ledgerHeader(request.amountIds, request.unknownColumns);
  const newColumns = ledger ? missingColumns(ledger.header, wanted).length : wanted.length;
  const needed =
    growthOf(sizeOf(ss.getSheetByName(LEDGER_TAB)), rows, newColumns) +
    growthOf(sizeOf(ss.getSheetByName(IMPORTS_SHEET)), 1, 0) +
    (ss.getSheetByName(COGS_SHEET) ? 0 : NEW_TAB_CELLS);
  const message = cellLimitMessage(request.fileName, needed, used, rows);
  if (message) throw new Error(message);
}
