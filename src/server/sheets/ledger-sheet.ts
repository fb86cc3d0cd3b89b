/**
 * The TTS Ledger tab: append-only and idempotent. A row whose key is already in the Key column is
 * skipped, so importing the same or overlapping files again adds nothing. Amount columns appear
 * only once some row has a non-zero value in them, and new ones are added at the right.
 */
import { headerKey, lookupColumn } from '../../core/read/catalog';
import {
  columnIndex,
  columnOf,
  findHeaderRow,
  lostColumnsMessage,
  lostHeaderMessage,
  missingColumns,
} from '../../core/ledger/ledger-columns';
import { currentLedgerKeys } from '../../core/ledger/ledger-keys';
import {
  LEDGER_FIXED_HEADER,
  LEDGER_OPTIONAL_TEXT_HEADER,
  LEDGER_TAB,
  amountIdsOf,
  ledgerHeader,
  ledgerRowToCells,
  unknownColumnsOf,
} from '../../core/ledger/ledger-format';
import type { CellValue, LedgerRow } from '../../core/types';
import type { SkuInfo } from './cogs-sheet';
import {
  CURRENCY_FORMAT,
  DATE_FORMAT,
  DATE_TIME_FORMAT,
  DEFAULT_FORMAT,
  INTEGER_FORMAT,
  TEXT_FORMAT,
  appendHeaderColumns,
  dateCell,
  sheetWithHeader,
  textCell,
  writeBlock,
  type Cell,
} from './sheet-writing';
import { spreadsheet } from './spreadsheet';

type ColumnKind = 'text' | 'date' | 'number' | 'money' | 'seller';

const FIXED_KEYS = new Set([...LEDGER_FIXED_HEADER, ...LEDGER_OPTIONAL_TEXT_HEADER].map(headerKey));
const FIXED_KINDS: Record<string, ColumnKind> = {
  'source row': 'number',
  quantity: 'number',
  'order date': 'date',
  'statement date': 'date',
};

/**
 * How the add-on writes a column of this header: `seller` for a column it never creates (no
 * header, or a known export column that is not an amount), `text` for kept unknown columns.
 */
function kindOf(label: string): ColumnKind {
  const key = headerKey(label);
  if (key === '') return 'seller';
  if (FIXED_KEYS.has(key)) return FIXED_KINDS[key] ?? 'text';
  const def = lookupColumn(label);
  if (!def) return 'text';
  return def.kind === 'money' || def.kind === 'info-money' ? 'money' : 'seller';
}

/** The ledger tab, its header row (1-based) and that row's cells as text, blanks included. */
export interface LedgerTab {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  headerRow: number;
  header: string[];
}

/** The ledger tab as it stands (null when there is none), or an Error saying why the add-on cannot write to it. */
export function openLedger(): LedgerTab | null {
  const sheet = spreadsheet().getSheetByName(LEDGER_TAB);
  if (!sheet) return null;
  const lastRow = sheet.getLastRow();
  const width = sheet.getLastColumn();
  if (lastRow === 0 || width === 0) return { sheet, headerRow: 1, header: [] };
  const top = sheet.getRange(1, 1, Math.min(lastRow, 30), width).getValues() as CellValue[][];
  // The header row is the one holding most of the add-on's labels; a seller may rename one or two.
  const headerRow = findHeaderRow(top, LEDGER_FIXED_HEADER, 3);
  if (headerRow === 0) throw new Error(lostHeaderMessage(LEDGER_TAB, ['Key', 'Import ID', 'Layout']));
  const header = top[headerRow - 1].map((v) => String(v ?? ''));
  if (lastRow > headerRow) {
    const lost = missingColumns(header, LEDGER_FIXED_HEADER);
    if (lost.length > 0) throw new Error(lostColumnsMessage(LEDGER_TAB, lost));
  }
  return { sheet, headerRow, header };
}

/** The ledger tab with every column of `wanted` in its header (missing ones added right of every used cell). */
function ledgerWithColumns(wanted: readonly string[]): LedgerTab {
  const tab = openLedger();
  if (!tab) return { sheet: sheetWithHeader(LEDGER_TAB, wanted), headerRow: 1, header: [...wanted] };
  const { sheet, headerRow, header } = tab;
  if (header.length === 0) {
    writeBlock(
      sheet,
      1,
      1,
      [wanted.map(textCell)],
      wanted.map(() => TEXT_FORMAT),
    );
    sheet.setFrozenRows(1);
    return { sheet, headerRow: 1, header: [...wanted] };
  }
  const missing = missingColumns(header, wanted);
  if (missing.length > 0) {
    appendHeaderColumns(sheet, headerRow, header, missing);
  }
  return tab;
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

/**
 * Keys in the Key column below the header (blank cells are rows the add-on did not write), with
 * keys of an older format also in the current one (see ledger-keys.ts).
 */
export function ledgerKeys(tab: LedgerTab): Set<string> {
  const keyColumn = columnOf(columnIndex(tab.header), 'Key') + 1;
  const last = tab.sheet.getLastRow();
  const keys = new Set<string>();
  if (keyColumn === 0 || last <= tab.headerRow) return keys;
  for (const [key] of tab.sheet.getRange(tab.headerRow + 1, keyColumn, last - tab.headerRow, 1).getValues()) {
    const text = String(key).trim();
    if (text !== '') keys.add(text);
  }
  return currentLedgerKeys(keys);
}

/** Appends the rows whose key the ledger does not hold yet: one read of the Key column, one write. */
export function appendToLedger(rows: readonly LedgerRow[], importId: string): AppendResult {
  const wanted = ledgerHeader(amountIdsOf(rows), unknownColumnsOf(rows));
  const tab = ledgerWithColumns(wanted);
  const { sheet, header } = tab;
  const keys = ledgerKeys(tab);

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
        case 'seller':
          line[c] = '';
          lineFormats[c] = DEFAULT_FORMAT;
          break;
        default:
          line[c] = textCell(String(cell));
          lineFormats[c] = TEXT_FORMAT;
      }
    }
    values.push(line);
    formats.push(lineFormats);
  }
  const last = Math.max(sheet.getLastRow(), tab.headerRow);
  writeBlock(sheet, last + 1, 1, values, formats);
  return {
    written: fresh.length,
    duplicates: rows.length - fresh.length,
    firstRow: last + 1,
    lastRow: last + fresh.length,
  };
}

/** SKU columns of ledger rows `firstRow … lastRow` (one read), found by header. */
export function skusInLedgerRows(firstRow: number, lastRow: number): SkuInfo[] {
  const tab = openLedgerQuietly();
  if (!tab || firstRow <= tab.headerRow || lastRow < firstRow) return [];
  const index = columnIndex(tab.header);
  const cols = ['SKU ID', 'Seller SKU', 'Product name', 'SKU name'].map((label) => columnOf(index, label));
  if (cols[0] < 0) return [];
  const present = cols.filter((c) => c >= 0);
  const from = Math.min(...present);
  const to = Math.max(...present);
  const block = tab.sheet
    .getRange(firstRow, from + 1, Math.min(lastRow, tab.sheet.getLastRow()) - firstRow + 1, to - from + 1)
    .getValues();
  const at = (line: unknown[], c: number) => (c >= 0 ? String(line[c - from] ?? '') : '');
  return block.map((line) => ({
    skuId: at(line, cols[0]),
    sellerSku: at(line, cols[1]),
    productName: at(line, cols[2]),
    skuName: at(line, cols[3]),
  }));
}

/** {@link openLedger}, or null when the tab cannot be read as a ledger (the COGS pre-fill then skips it). */
function openLedgerQuietly(): LedgerTab | null {
  try {
    return openLedger();
  } catch {
    return null;
  }
}
