/**
 * The TTS Imports tab: one row per file imported, written when the import starts ("in progress")
 * and completed when it ends, so an import that fails or is abandoned still says what happened.
 */
import type { AdsImportFile, BeginImportRequest, FinishImportRequest } from '../../core/contract';
import { centsToDollars } from '../../core/money';
import {
  columnIndex,
  columnOf,
  findHeaderRow,
  lostColumnsMessage,
  lostHeaderMessage,
} from '../../core/ledger/ledger-columns';
import {
  CURRENCY_FORMAT,
  DATE_TIME_FORMAT,
  DEFAULT_FORMAT,
  INTEGER_FORMAT,
  TEXT_FORMAT,
  sheetWithHeader,
  textCell,
  writeBlock,
  type Cell,
} from './sheet-writing';
import { tabNamed } from './tab-named';
import { topRows } from './top-rows';

export const IMPORTS_SHEET = 'TTS Imports';

export const IMPORTS_HEADER = [
  'Imported at',
  'Import ID',
  'File',
  'Layout',
  'Period',
  'Rows in file',
  'New rows',
  'Duplicates skipped',
  'Rejected',
  'Settlement',
  'Net sales',
  'Fees',
  'Reconciliation',
  'Status',
  'Message',
] as const;

const FORMATS = [
  DATE_TIME_FORMAT,
  TEXT_FORMAT,
  TEXT_FORMAT,
  TEXT_FORMAT,
  TEXT_FORMAT,
  INTEGER_FORMAT,
  INTEGER_FORMAT,
  INTEGER_FORMAT,
  INTEGER_FORMAT,
  CURRENCY_FORMAT,
  CURRENCY_FORMAT,
  CURRENCY_FORMAT,
  TEXT_FORMAT,
  TEXT_FORMAT,
  TEXT_FORMAT,
];

export type ImportStatus = FinishImportRequest['status'] | 'in progress' | 'interrupted';

type Label = (typeof IMPORTS_HEADER)[number];

/** The log's header row and where each of its columns sits (the seller may insert, move or delete columns). */
interface LogTab {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  headerRow: number;
  /** 0-based column of each label, or -1 for one the seller deleted (then not written). */
  col: Record<Label, number>;
  /** Columns up to the last used cell: a new row is written this wide. */
  width: number;
}

/** Throws the refusal when the log exists but its header or Import ID column is gone. */
export function checkImportsTab(): void {
  if (tabNamed(IMPORTS_SHEET)?.getLastRow()) importsTab();
}

function importsTab(): LogTab {
  const sheet = sheetWithHeader(IMPORTS_SHEET, IMPORTS_HEADER);
  const width = Math.max(sheet.getLastColumn(), 1);
  const top = topRows(sheet, width);
  const headerRow = findHeaderRow(top, IMPORTS_HEADER, 3);
  if (headerRow === 0)
    throw new Error(lostHeaderMessage(IMPORTS_SHEET, ['Imported at', 'Import ID', 'File']));
  const index = columnIndex(top[headerRow - 1]);
  if (columnOf(index, 'Import ID') < 0) throw new Error(lostColumnsMessage(IMPORTS_SHEET, ['Import ID']));
  const col = Object.fromEntries(IMPORTS_HEADER.map((label) => [label, columnOf(index, label)])) as Record<
    Label,
    number
  >;
  return { sheet, headerRow, col, width };
}

function periodText(p: { first: string; last: string }): string {
  if (!p.first && !p.last) return '';
  return p.first === p.last || !p.last ? p.first : `${p.first} – ${p.last}`;
}

/** A new log row: the add-on's cells by label (blank where not given), blanks under the seller's own columns. */
function writeNewRow(tab: LogTab, rowNumber: number, cells: Partial<Record<Label, Cell>>): void {
  const row = new Array<Cell>(tab.width).fill('');
  const formats = row.map(() => DEFAULT_FORMAT);
  IMPORTS_HEADER.forEach((label, i) => {
    const c = tab.col[label];
    if (c < 0) return;
    row[c] = cells[label] ?? '';
    formats[c] = FORMATS[i];
  });
  writeBlock(tab.sheet, rowNumber, 1, [row], [formats]);
}

/** What the log's first cells say of a file, a statement's or an ad report's. */
type StartedFile = Pick<BeginImportRequest, 'fileName' | 'layoutLabel' | 'period' | 'rowsTotal' | 'rejected'>;

/** Appends a file's row with status "in progress"; `money`: its settlement, net sales, fees and reconciliation (else blank). */
function logStarted(
  importId: string,
  file: StartedFile,
  now: Date,
  money: Partial<Record<Label, Cell>>,
): void {
  const tab = importsTab();
  writeNewRow(tab, Math.max(tab.sheet.getLastRow(), tab.headerRow) + 1, {
    'Imported at': now,
    'Import ID': importId,
    File: textCell(file.fileName),
    Layout: textCell(file.layoutLabel),
    Period: periodText(file.period),
    'Rows in file': file.rowsTotal,
    'New rows': 0,
    'Duplicates skipped': 0,
    Rejected: file.rejected,
    Status: 'in progress',
    ...money,
  });
}

/** Appends the import's row with status "in progress". */
export function logImportStarted(importId: string, request: BeginImportRequest, now: Date): void {
  logStarted(importId, { ...request, layoutLabel: request.layoutLabel || request.layout }, now, {
    Settlement: centsToDollars(request.settlementCents),
    'Net sales': centsToDollars(request.netSalesCents),
    Fees: centsToDollars(request.feesCents),
    Reconciliation: textCell(request.reconciliation),
    Message: textCell(request.repeats || ''),
  });
}

/**
 * Appends an ad report's row with status "in progress". An ad report has no settlement, net sales,
 * fees or reconciliation: those cells stay blank (a 0 would read as "nothing was settled").
 */
export function logAdReportStarted(
  importId: string,
  file: AdsImportFile & { fileName: string },
  now: Date,
): void {
  logStarted(importId, file, now, {});
}

/** Sheet row of `importId` in the log, or 0. Reads the Import ID column once. */
function findLogRow(tab: LogTab, importId: string): number {
  const last = tab.sheet.getLastRow();
  if (last <= tab.headerRow) return 0;
  const ids = tab.sheet
    .getRange(tab.headerRow + 1, tab.col['Import ID'] + 1, last - tab.headerRow, 1)
    .getValues();
  for (let i = ids.length - 1; i >= 0; i--) if (String(ids[i][0]) === importId) return tab.headerRow + 1 + i;
  return 0;
}

export interface ImportCounts {
  written: number;
  duplicates: number;
  /** Rows repeated inside the file, written once: said first in the Message, whatever else it says. */
  repeats?: string;
}

/** Records the counts and final status on the import's row (one read, one write). */
export function logImportFinished(
  importId: string,
  counts: ImportCounts,
  status: ImportStatus,
  message: string,
): void {
  const tab = importsTab();
  const rowNumber = findLogRow(tab, importId);
  if (rowNumber === 0) return; // the seller deleted the row: nothing to complete
  // Only the cells that change: the rest of the row (and any column of the seller's) stays as it is.
  const cells: Partial<Record<Label, Cell>> = {
    'New rows': counts.written,
    'Duplicates skipped': counts.duplicates,
    Status: status,
    Message: textCell([counts.repeats, message].join(' ').trim()),
  };
  for (const label of Object.keys(cells) as Label[]) {
    const c = tab.col[label];
    if (c >= 0)
      writeBlock(tab.sheet, rowNumber, c + 1, [[cells[label]!]], [FORMATS[IMPORTS_HEADER.indexOf(label)]]);
  }
}
