/**
 * The TTS Ledger tab: append-only and idempotent. A row whose key is already in the Key column is
 * skipped, so importing the same or overlapping files again adds nothing. Amount columns appear
 * only once some row has a non-zero value in them, and new ones are added at the right.
 */
import { lookupColumn } from '../../core/read/catalog';
import { LEDGER_FIXED_HEADER, LEDGER_TAB, amountIdsOf, ledgerHeader, ledgerRowToCells, unknownColumnsOf } from '../../core/ledger/ledger-format';
import type { LedgerRow } from '../../core/types';
import type { SkuInfo } from './cogs-sheet';
import {
  CURRENCY_FORMAT, DATE_FORMAT, DATE_TIME_FORMAT, INTEGER_FORMAT, TEXT_FORMAT, dateCell, ensureColumns, sheetWithHeader,
  textCell, writeBlock, type Cell,
} from './sheet-writing';

type ColumnKind = 'text' | 'date' | 'number' | 'money';

const FIXED_KINDS: Record<string, ColumnKind> = { 'Source row': 'number', Quantity: 'number', 'Order date': 'date', 'Statement date': 'date' };

function kindOf(label: string): ColumnKind {
  if (LEDGER_FIXED_HEADER.includes(label)) return FIXED_KINDS[label] ?? 'text';
  const def = lookupColumn(label);
  return def && (def.kind === 'money' || def.kind === 'info-money') ? 'money' : 'text';
}

function spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** Row 1 of the ledger as text, without trailing blanks. */
function readHeader(sheet: GoogleAppsScript.Spreadsheet.Sheet): string[] {
  const width = sheet.getLastColumn();
  if (width === 0) return [];
  const header = sheet.getRange(1, 1, 1, width).getValues()[0].map((v) => String(v));
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  return header;
}

/** The ledger tab with every column of `wanted` in its header (missing ones added at the right). */
function ledgerWithColumns(wanted: readonly string[]): { sheet: GoogleAppsScript.Spreadsheet.Sheet; header: string[] } {
  const existing = spreadsheet().getSheetByName(LEDGER_TAB);
  if (!existing) return { sheet: sheetWithHeader(LEDGER_TAB, wanted), header: [...wanted] };
  const header = readHeader(existing);
  if (header.length === 0) {
    writeBlock(existing, 1, 1, [wanted.map(textCell)], wanted.map(() => TEXT_FORMAT));
    existing.setFrozenRows(1);
    return { sheet: existing, header: [...wanted] };
  }
  const missing = wanted.filter((label) => !header.includes(label));
  if (missing.length > 0) {
    ensureColumns(existing, header.length + missing.length);
    // Existing rows get blanks in the new columns: nothing else is rewritten.
    writeBlock(existing, 1, header.length + 1, [missing.map(textCell)], missing.map(() => TEXT_FORMAT));
    existing.getRange(1, header.length + 1, 1, missing.length).setFontWeight('bold');
    header.push(...missing);
  }
  return { sheet: existing, header };
}

/** Makes sure the ledger has the columns an import announced, before its rows arrive. */
export function prepareLedger(amountIds: readonly string[], unknownColumns: readonly string[]): void {
  ledgerWithColumns(ledgerHeader(amountIds, unknownColumns));
}

export interface AppendResult {
  written: number;
  duplicates: number;
  /** Sheet rows written, first and last (0 when none). */
  firstRow: number;
  lastRow: number;
}

/** Appends the rows whose key the ledger does not hold yet: one read of the Key column, one write. */
export function appendToLedger(rows: readonly LedgerRow[], importId: string): AppendResult {
  const { sheet, header } = ledgerWithColumns(ledgerHeader(amountIdsOf(rows), unknownColumnsOf(rows)));
  const keyColumn = header.indexOf('Key') + 1;
  if (keyColumn === 0) throw new Error(`The ${LEDGER_TAB} tab has no Key column in row 1. Rename the tab to keep it, and import again to start a new ledger.`);
  const last = Math.max(sheet.getLastRow(), 1);
  const keys = new Set<string>();
  if (last >= 2) for (const [key] of sheet.getRange(2, keyColumn, last - 1, 1).getValues()) keys.add(String(key));

  const fresh: LedgerRow[] = [];
  for (const row of rows) {
    if (keys.has(row.key)) continue;
    keys.add(row.key);
    fresh.push(row);
  }
  if (fresh.length === 0) return { written: 0, duplicates: rows.length, firstRow: 0, lastRow: 0 };

  const timeZone = spreadsheet().getSpreadsheetTimeZone();
  const kinds = header.map(kindOf);
  const values: Cell[][] = [];
  const formats: string[][] = [];
  for (const row of fresh) {
    const cells = ledgerRowToCells(row, header, importId);
    const line: Cell[] = new Array<Cell>(cells.length);
    const lineFormats: string[] = new Array<string>(cells.length);
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      switch (kinds[c]) {
        case 'date': {
          const text = String(cell);
          line[c] = dateCell(text, timeZone);
          lineFormats[c] = text.length > 10 ? DATE_TIME_FORMAT : DATE_FORMAT;
          break;
        }
        case 'number':
          line[c] = typeof cell === 'number' ? cell : '';
          lineFormats[c] = INTEGER_FORMAT;
          break;
        case 'money':
          line[c] = typeof cell === 'number' ? cell : '';
          lineFormats[c] = CURRENCY_FORMAT;
          break;
        default:
          line[c] = textCell(String(cell));
          lineFormats[c] = TEXT_FORMAT;
      }
    }
    values.push(line);
    formats.push(lineFormats);
  }
  writeBlock(sheet, last + 1, 1, values, formats);
  return { written: fresh.length, duplicates: rows.length - fresh.length, firstRow: last + 1, lastRow: last + fresh.length };
}

/** SKU columns of ledger rows `firstRow … lastRow` (one read). */
export function skusInLedgerRows(firstRow: number, lastRow: number): SkuInfo[] {
  const sheet = spreadsheet().getSheetByName(LEDGER_TAB);
  if (!sheet || firstRow < 2 || lastRow < firstRow) return [];
  const header = readHeader(sheet);
  const cols = ['SKU ID', 'Seller SKU', 'Product name', 'SKU name'].map((label) => header.indexOf(label));
  if (cols[0] < 0) return [];
  const present = cols.filter((c) => c >= 0);
  const from = Math.min(...present);
  const to = Math.max(...present);
  const block = sheet.getRange(firstRow, from + 1, Math.min(lastRow, sheet.getLastRow()) - firstRow + 1, to - from + 1).getValues();
  const at = (line: unknown[], c: number) => (c >= 0 ? String(line[c - from] ?? '') : '');
  return block.map((line) => ({ skuId: at(line, cols[0]), sellerSku: at(line, cols[1]), productName: at(line, cols[2]), skuName: at(line, cols[3]) }));
}
