/**
 * The TTS Ads tab: ad report rows by key. New keys are appended; a revised row replaces only the
 * add-on's cells of its own row, found by its Key; columns are found by header, so the seller may
 * move them or add their own; a row without a Key is the seller's and is never touched.
 */
import { ADS_HEADER, ADS_TAB, adRowCells, adsColumnKind } from '../../core/ledger/ads-format';
import { parseSheetRows } from '../../core/read/parse-export';
import type { AdRow } from '../../core/read/ad-rows';
import type { CellValue } from '../../core/types';
import { dateTextConverter } from './sheet-dates';
import { CURRENCY_FORMAT, INTEGER_FORMAT, TEXT_FORMAT, ensureColumns, sheetWithHeader, textCell, writeBlock, type Cell } from './sheet-writing';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface AdsTab {
  sheet: Sheet;
  header: string[];
  /** The header's row: 1, or lower when the seller put a title above it. */
  headerRow: number;
  /** Key → sheet row (1-based). */
  rowOfKey: Map<string, number>;
  /** Key → the row as the tab holds it. */
  rows: Map<string, AdRow>;
}

/** The header row (the first of the top 30 naming Key and Report; else row 1) and its labels. */
function headerOf(sheet: Sheet): { header: string[]; headerRow: number } {
  const width = sheet.getLastColumn();
  if (width === 0) return { header: [], headerRow: 1 };
  const top = sheet.getRange(1, 1, Math.max(1, Math.min(sheet.getLastRow(), 30)), width).getValues().map((row) => row.map((v) => String(v)));
  const at = top.findIndex((row) => row.includes('Key') && row.includes('Report'));
  const header = top[Math.max(at, 0)];
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  return { header, headerRow: Math.max(at, 0) + 1 };
}

/** The tab's rows, read through the ads reader (as TTS_ADS reads them); [] without a tab. */
export function readAdRows(): AdRow[] {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(ADS_TAB);
  if (!sheet || sheet.getLastRow() < 2) return [];
  return adRowsOfValues(sheet.getDataRange().getValues() as CellValue[][]);
}

function adRowsOfValues(values: CellValue[][]): AdRow[] {
  return parseSheetRows(values, { fileName: ADS_TAB, dateText: dateTextConverter() }).ads?.rows ?? [];
}

/** The tab with every add-on column in row 1 (created, or missing columns added at the right). */
export function openAdsTab(): AdsTab {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const existing = ss.getSheetByName(ADS_TAB);
  const sheet = existing && existing.getLastRow() > 0 ? existing : sheetWithHeader(ADS_TAB, ADS_HEADER);
  const { header, headerRow } = headerOf(sheet);
  // Without its Key column the tab cannot tell which rows it holds: every row would be added again.
  if (sheet.getLastRow() >= 2 && !header.includes('Key')) {
    throw new Error(`The ${ADS_TAB} tab has no Key column in row ${headerRow}. Rename the tab to keep it, and import again to start a new one.`);
  }
  const missing = ADS_HEADER.filter((label) => !header.includes(label));
  if (missing.length > 0) {
    ensureColumns(sheet, header.length + missing.length);
    writeBlock(sheet, headerRow, header.length + 1, [missing.map(textCell)], missing.map(() => TEXT_FORMAT));
    sheet.getRange(headerRow, header.length + 1, 1, missing.length).setFontWeight('bold');
    header.push(...missing);
  }
  const rowOfKey = new Map<string, number>();
  const rows = new Map<string, AdRow>();
  if (sheet.getLastRow() > headerRow) {
    const values = sheet.getDataRange().getValues() as CellValue[][];
    const keyColumn = header.indexOf('Key');
    for (let r = headerRow; r < values.length; r++) {
      const key = String(values[r][keyColumn] ?? '').trim();
      if (key !== '') rowOfKey.set(key, r + 1);
    }
    for (const row of adRowsOfValues(values)) rows.set(row.key, row);
  }
  return { sheet, header, headerRow, rowOfKey, rows };
}

function lineOf(row: AdRow, header: readonly string[], importedAt: string): { cells: Cell[]; formats: string[] } {
  const values = adRowCells(row, header, importedAt);
  const cells: Cell[] = [];
  const formats: string[] = [];
  header.forEach((label, c) => {
    const kind = adsColumnKind(label);
    const value = values[c];
    cells.push(value === null ? '' : kind === 'text' ? textCell(String(value)) : value);
    formats.push(kind === 'money' ? CURRENCY_FORMAT : kind === 'count' ? INTEGER_FORMAT : TEXT_FORMAT);
  });
  return { cells, formats };
}

/** Appends rows under the last one (one write). */
export function appendAdRows(tab: AdsTab, rows: readonly AdRow[], importedAt: string): void {
  if (rows.length === 0) return;
  const lines = rows.map((row) => lineOf(row, tab.header, importedAt));
  const first = Math.max(tab.sheet.getLastRow(), tab.headerRow) + 1;
  // Only the add-on's columns are written: the seller's own columns of the new rows stay blank.
  writeOwnColumns(tab, first, lines);
  rows.forEach((row, i) => tab.rowOfKey.set(row.key, first + i));
}

/** Writes revised rows over the rows of the same key, the add-on's columns only. */
export function replaceAdRows(tab: AdsTab, rows: readonly AdRow[], importedAt: string): void {
  for (const row of rows) {
    const at = tab.rowOfKey.get(row.key);
    if (at === undefined) continue;
    // A figure the new report lacks keeps the tab's value.
    const held = tab.rows.get(row.key);
    const merged: AdRow = held
      ? { ...row, netCost: row.netCost ?? held.netCost, orders: row.orders ?? held.orders, impressions: row.impressions ?? held.impressions, clicks: row.clicks ?? held.clicks, skuId: row.skuId || held.skuId }
      : row;
    writeOwnColumns(tab, at, [lineOf(merged, tab.header, importedAt)]);
  }
}

/** Writes runs of the add-on's columns (a seller's column between them is skipped). */
function writeOwnColumns(tab: AdsTab, row: number, lines: { cells: Cell[]; formats: string[] }[]): void {
  let c = 0;
  while (c < tab.header.length) {
    if (adsColumnKind(tab.header[c]) === undefined) {
      c++;
      continue;
    }
    let end = c;
    while (end + 1 < tab.header.length && adsColumnKind(tab.header[end + 1]) !== undefined) end++;
    writeBlock(tab.sheet, row, c + 1, lines.map((l) => l.cells.slice(c, end + 1)), lines.map((l) => l.formats.slice(c, end + 1)));
    c = end + 1;
  }
}
