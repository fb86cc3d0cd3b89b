/**
 * The TTS Imports tab: one row per file imported, written when the import starts ("in progress")
 * and completed when it ends, so an import that fails or is abandoned still says what happened.
 */
import type { BeginImportRequest, FinishImportRequest } from '../../core/contract';
import { centsToDollars } from '../../core/money';
import {
  CURRENCY_FORMAT, DATE_TIME_FORMAT, INTEGER_FORMAT, TEXT_FORMAT, sheetWithHeader, textCell, writeBlock, type Cell,
} from './sheet-writing';

export const IMPORTS_SHEET = 'TTS Imports';

export const IMPORTS_HEADER = [
  'Imported at', 'Import ID', 'File', 'Layout', 'Period', 'Rows in file', 'New rows', 'Duplicates skipped',
  'Rejected', 'Settlement', 'Net sales', 'Fees', 'Reconciliation', 'Status', 'Message',
] as const;

const FORMATS = [
  DATE_TIME_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, INTEGER_FORMAT, INTEGER_FORMAT, INTEGER_FORMAT,
  INTEGER_FORMAT, CURRENCY_FORMAT, CURRENCY_FORMAT, CURRENCY_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT,
];

const COL = Object.fromEntries(IMPORTS_HEADER.map((name, i) => [name, i])) as Record<(typeof IMPORTS_HEADER)[number], number>;

export type ImportStatus = FinishImportRequest['status'] | 'in progress' | 'interrupted';

function importsSheet(): GoogleAppsScript.Spreadsheet.Sheet {
  return sheetWithHeader(IMPORTS_SHEET, IMPORTS_HEADER);
}

function periodText(p: { first: string; last: string }): string {
  if (!p.first && !p.last) return '';
  return p.first === p.last || !p.last ? p.first : `${p.first} – ${p.last}`;
}

/** Appends the import's row with status "in progress". */
export function logImportStarted(importId: string, request: BeginImportRequest, now: Date): void {
  const sheet = importsSheet();
  const row: Cell[] = [
    now, importId, textCell(request.fileName), textCell(request.layoutLabel || request.layout), periodText(request.period),
    request.rowsTotal, 0, 0, request.rejected,
    centsToDollars(request.settlementCents), centsToDollars(request.netSalesCents), centsToDollars(request.feesCents),
    textCell(request.reconciliation), 'in progress', '',
  ];
  writeBlock(sheet, sheet.getLastRow() + 1, 1, [row], FORMATS);
}

/** Sheet row of `importId` in the log, or 0. Reads the Import ID column once. */
function findLogRow(sheet: GoogleAppsScript.Spreadsheet.Sheet, importId: string): number {
  const last = sheet.getLastRow();
  if (last < 2) return 0;
  const ids = sheet.getRange(2, COL['Import ID'] + 1, last - 1, 1).getValues();
  for (let i = ids.length - 1; i >= 0; i--) if (String(ids[i][0]) === importId) return i + 2;
  return 0;
}

export interface ImportCounts {
  written: number;
  duplicates: number;
}

/** Records the counts and final status on the import's row (one read, one write). */
export function logImportFinished(importId: string, counts: ImportCounts, status: ImportStatus, message: string): void {
  const sheet = importsSheet();
  const rowNumber = findLogRow(sheet, importId);
  if (rowNumber === 0) return; // the seller deleted the row: nothing to complete
  const range = sheet.getRange(rowNumber, 1, 1, IMPORTS_HEADER.length);
  const row = range.getValues()[0] as Cell[];
  row[COL['New rows']] = counts.written;
  row[COL['Duplicates skipped']] = counts.duplicates;
  row[COL.Status] = status;
  row[COL.Message] = textCell(message);
  // The rest of the row goes back exactly as read: text cells are plain text, never escaped again.
  writeBlock(sheet, rowNumber, 1, [row], FORMATS);
}
