/**
 * The TTS Ledger tab: append-only and idempotent. A row whose key is already in the Key column is
 * skipped, so importing the same or overlapping files again adds nothing. Amount columns appear
 * only once some row has a non-zero value in them, and new ones are added at the right.
 */
import { headerKey, lookupColumn } from '../../core/read/catalog';
import {
  AMOUNTS_READ_AS_0,
  columnIndex,
  columnOf,
  findHeaderRow,
  lostColumnsMessage,
  lostHeaderMessage,
  missingColumns,
  NOTHING_WRITTEN,
  repeatedColumnMessage,
  foreignAmountMessage,
} from '../../core/ledger/ledger-columns';
import { baseKeyOf, currentLedgerKeys } from '../../core/ledger/ledger-keys';
import { ledgerKeyFor, SETTLEMENT_COLUMNS, settlementOf } from '../../core/ledger/ledger-repeats';
import { DOWNLOAD_TIME, rowsAboveHeader } from '../../core/ledger/settled-estimates';
import {
  LEDGER_FIXED_HEADER,
  LEDGER_OPTIONAL_TEXT_HEADER,
  LEDGER_SIGNATURE,
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
  textCell,
  writeBlock,
  type Cell,
} from './sheet-writing';
import { spreadsheet } from './spreadsheet';
import { topRows } from './top-rows';
import { readStored, writeStored } from '../document-store';

type ColumnKind = 'text' | 'date' | 'number' | 'money' | 'seller';

/** How each kind of column is formatted (a date with a time: DATE_TIME_FORMAT). */
const FORMATS: Record<ColumnKind, string> = {
  text: TEXT_FORMAT,
  date: DATE_FORMAT,
  number: INTEGER_FORMAT,
  money: CURRENCY_FORMAT,
  seller: DEFAULT_FORMAT,
};

const FIXED_KEYS = new Set([...LEDGER_FIXED_HEADER, ...LEDGER_OPTIONAL_TEXT_HEADER].map(headerKey));

/**
 * How the add-on writes a column of this header: `seller` for a column it never creates (no
 * header, or a known export column that is neither an amount nor one of the ledger's own), `text`
 * for kept unknown columns; the ledger's own columns by the catalog's kind of them.
 */
function kindOf(label: string): ColumnKind {
  const def = lookupColumn(label);
  if (!def) return headerKey(label) === '' ? 'seller' : 'text';
  if (def.kind === 'money' || def.kind === 'info-money') return 'money';
  if (!FIXED_KEYS.has(headerKey(label))) return 'seller';
  return def.kind === 'date' ? 'date' : def.kind === 'quantity' ? 'number' : 'text';
}

/**
 * The amount headers the add-on wrote in the tab, kept with the tab's id in document properties: a
 * seller who renames or deletes one would otherwise see the next import add it again at the right,
 * the earlier rows' money left under another header or gone. A ledger met first is kept as it is.
 * *Download time* is kept with them: without it an older On-hold download's estimates would count.
 */
const AMOUNT_HEADERS = 'tts.ledger.amounts';

/** The property as kept: the tab's id, then the headers. */
const storedAmounts = () =>
  readStored<unknown[]>(AMOUNT_HEADERS, [], (kept) => (Array.isArray(kept) ? kept : []));

function amountHeaders(sheet: GoogleAppsScript.Spreadsheet.Sheet): string[] | undefined {
  const [id, ...labels] = storedAmounts();
  return id === sheet.getSheetId() ? labels.map(String) : undefined;
}

/** The ledger tab, its header row (1-based) and that row's cells as text, blanks included. */
export interface LedgerTab {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  headerRow: number;
  header: string[];
}

/**
 * The ledger tab as it stands (null when there is none), or an Error saying why the add-on cannot
 * write to it (or, `outcome` saying so, read it).
 */
export function openLedger(outcome = NOTHING_WRITTEN): LedgerTab | null {
  const sheet = spreadsheet().getSheetByName(LEDGER_TAB);
  if (!sheet) return null;
  const lastRow = sheet.getLastRow();
  const width = sheet.getLastColumn();
  if (lastRow === 0 || width === 0) return { sheet, headerRow: 1, header: [] };
  const top = topRows(sheet, width);
  // The header row is the one holding most of the add-on's labels; a seller may rename one or two.
  const headerRow = findHeaderRow(top, LEDGER_FIXED_HEADER, 3);
  // Rows above it that are the tab's own would be missed, and written again.
  if (!headerRow || rowsAboveHeader(top, headerRow))
    throw new Error(lostHeaderMessage(LEDGER_TAB, LEDGER_SIGNATURE));
  const header = top[headerRow - 1].map((v) => String(v ?? ''));
  const written = amountHeaders(sheet);
  const refused =
    repeatedColumnMessage(LEDGER_TAB, header, outcome) ||
    (written ? foreignAmountMessage(LEDGER_TAB, header, written, outcome) : '');
  if (refused) throw new Error(refused);
  if (lastRow > headerRow) {
    const lost = missingColumns(header, [...LEDGER_FIXED_HEADER, ...(written || [])]);
    if (lost.length > 0) throw new Error(lostColumnsMessage(LEDGER_TAB, lost, outcome));
  }
  return { sheet, headerRow, header };
}

/**
 * Refuses to read a TTS Ledger range whose `header` names one of the add-on's columns twice, has
 * an amount column the add-on did not write, or lacks one it wrote, when
 * the tab lacks it too (renamed or deleted): the ledger leaves out columns that are 0 in every row,
 * so the amounts would read as a 0 that means "not read". One property read when none is missing;
 * a range of another tab (an earlier ledger, renamed) is not refused for what this one holds.
 */
export function refuseLedgerColumns(header: readonly CellValue[]): void {
  const uncounted = 'Nothing was counted.';
  const twice = repeatedColumnMessage(LEDGER_TAB, header, uncounted);
  if (twice) throw new Error(twice);
  const written = storedAmounts().slice(1).map(String);
  if (written.length && foreignAmountMessage(LEDGER_TAB, header, written, '')) openLedger(uncounted);
  const lost = missingColumns(header, written);
  if (lost.length)
    openLedger(
      lost.join() === DOWNLOAD_TIME ? 'It tells which of two On-hold downloads counts.' : AMOUNTS_READ_AS_0,
    );
}

/** The ledger tab with every column of `wanted` in its header (missing ones added right of every used cell). */
function ledgerWithColumns(wanted: readonly string[]): LedgerTab {
  const tab = openLedger() || { sheet: spreadsheet().insertSheet(LEDGER_TAB), headerRow: 1, header: [] };
  const { sheet, headerRow, header } = tab;
  const missing = missingColumns(header, wanted);
  if (header.length === 0) {
    writeBlock(
      sheet,
      1,
      1,
      [wanted.map(textCell)],
      wanted.map(() => TEXT_FORMAT),
    );
    sheet.getRange(1, 1, 1, wanted.length).setFontWeight('bold');
    sheet.setFrozenRows(1);
    header.push(...wanted);
  } else if (missing.length > 0) {
    appendHeaderColumns(sheet, headerRow, header, missing);
  }
  const kept = header.filter((label) => kindOf(label) === 'money' || label === DOWNLOAD_TIME);
  // Kept anew when it changed: a ledger met first, a column added, a Download time not kept before.
  if (String(kept) !== String(amountHeaders(sheet)))
    writeStored(AMOUNT_HEADERS, [sheet.getSheetId(), ...kept]);
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

/**
 * The settlements (and gross sales refunds: ledger-repeats.ts) of the ledger's rows by key, repeat
 * suffix dropped (NaN for a cell that is not an amount); 0 where the tab has none of those columns.
 */
export function settlementsByKey(tab: LedgerTab): Map<string, number[]> {
  const index = columnIndex(tab.header);
  const [key, ...money] = ['Key', ...SETTLEMENT_COLUMNS.map((c) => c.label)]
    .map((label) => columnOf(index, label))
    .filter((c, i) => i === 0 || c >= 0)
    .map((c) =>
      tab.sheet.getRange(tab.headerRow + 1, c + 1, tab.sheet.getLastRow() - tab.headerRow, 1).getValues(),
    );
  const out = new Map<string, number[]>();
  key.forEach(([k], r) => {
    const base = baseKeyOf(String(k).trim()).base;
    const cents = money.reduce((n, m) => n + Math.round(Number(m[r][0]) * 100), 0);
    out.set(base, [...(out.get(base) || []), cents]);
  });
  return out;
}

/** Appends the rows the ledger does not hold yet (ledger-repeats.ts): one read of the Key column, one write. */
export function appendToLedger(rows: readonly LedgerRow[], importId: string): AppendResult {
  const wanted = ledgerHeader(amountIdsOf(rows), unknownColumnsOf(rows));
  const tab = ledgerWithColumns(wanted);
  const { sheet, header } = tab;
  const keys = ledgerKeys(tab);
  let settled: Map<string, number[]> | undefined;
  const fresh: LedgerRow[] = [];
  for (const row of rows) {
    const key = ledgerKeyFor(
      row.key,
      settlementOf(row.amounts),
      keys,
      () => (settled = settled || settlementsByKey(tab)),
    );
    if (key !== null) fresh.push(key === row.key ? row : { ...row, key });
  }
  if (fresh.length === 0) return { written: 0, duplicates: rows.length, firstRow: 0, lastRow: 0 };

  const timeZone = spreadsheet().getSpreadsheetTimeZone();
  const kinds = header.map(kindOf);
  const formats: string[][] = [];
  const values = fresh.map((row) => {
    const lineFormats: string[] = [];
    formats.push(lineFormats);
    return ledgerRowToCells(row, header, importId).map((cell, c): Cell => {
      const kind = kinds[c];
      const text = kind === 'date' || kind === 'text' ? String(cell) : '';
      lineFormats.push(text.length > 10 && kind === 'date' ? DATE_TIME_FORMAT : FORMATS[kind]);
      if (kind === 'date') return dateCell(text, timeZone);
      if (kind === 'text') return textCell(text);
      return kind !== 'seller' && typeof cell === 'number' ? cell : '';
    });
  });
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
  let tab: LedgerTab | null = null;
  try {
    tab = openLedger();
  } catch {
    // A tab that cannot be read as a ledger: the COGS pre-fill skips it.
  }
  if (!tab || firstRow <= tab.headerRow || lastRow < firstRow) return [];
  const index = columnIndex(tab.header);
  const cols = ['SKU ID', 'Seller SKU', 'Product name', 'SKU name'].map((label) => columnOf(index, label));
  if (cols[0] < 0) return [];
  const present = cols.filter((c) => c >= 0);
  const from = Math.min(...present);
  const block = tab.sheet
    .getRange(
      firstRow,
      from + 1,
      Math.min(lastRow, tab.sheet.getLastRow()) - firstRow + 1,
      Math.max(...present) - from + 1,
    )
    .getValues();
  const at = (line: unknown[], c: number) => (c >= 0 ? String(line[c - from] ?? '') : '');
  return block.map((line) => ({
    skuId: at(line, cols[0]),
    sellerSku: at(line, cols[1]),
    productName: at(line, cols[2]),
    skuName: at(line, cols[3]),
  }));
}
