/**
 * The TTS Ads tab: ad report rows by key. New keys are appended; a revised row replaces only the
 * add-on's cells of its own row; columns are found by header, so the seller may move them or add
 * their own; a row without a Key is the seller's and is never touched. A report's columns the
 * catalog does not know are kept at the right, by header; the add-on remembers which columns it
 * added that way (document property), so a column of the seller's is never written over.
 */
import { ADS_HEADER, ADS_TAB, adRowCells, adsColumnKind } from '../../core/ledger/ads-format';
import { createAdsReader } from '../../core/read/ads-reader';
import { AD_FIGURES, type AdRow } from '../../core/read/ad-rows';
import type { CellValue } from '../../core/types';
import { problemsError } from '../custom-functions/statement-input';
import { readStored, writeStored } from '../document-store';
import { dateTextConverter } from './sheet-dates';
import {
  CURRENCY_FORMAT,
  INTEGER_FORMAT,
  TEXT_FORMAT,
  appendHeaderColumns,
  sheetWithHeader,
  textCell,
  writeBlock,
  type Cell,
} from './sheet-writing';
import { tabNamed } from './tab-named';
import { spreadsheet } from './spreadsheet';

/** What the seller does with a tab the add-on cannot read its rows from. */
const START_AGAIN = ' Rename the tab to keep it, and import again to start a new one.';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Headers of the report columns the add-on added to the tab (JSON list). */
const KEPT_COLUMNS_KEY = 'tts.ads.keptColumns';

export interface AdsTab {
  sheet: Sheet;
  header: string[];
  /** The header's row: 1, or lower when the seller put a title above it. */
  headerRow: number;
  /** Key (as the core computes it from the row's fields) → sheet row (1-based). */
  rowOfKey: Map<string, number>;
  /** Key → the row as the tab holds it. */
  rows: Map<string, AdRow>;
  /** Every text of the Key column, rows the reader could not read included. */
  keyCells: Set<string>;
  /** Report columns the add-on keeps (it may write them). */
  kept: Set<string>;
}

/** The header's row: the first of the top 30 naming Key and Report (the seller may title the tab), else 1. */
function headerRowIn(top: readonly (readonly unknown[])[]): number {
  const at = top.slice(0, 30).findIndex((row) => {
    const labels = row.map(String);
    return labels.includes('Key') && labels.includes('Report');
  });
  return Math.max(at, 0) + 1;
}

/**
 * The tab's rows, read through the ads reader (as TTS_ADS reads them), and how many rows without a
 * Key it skipped; none without a tab. A row the reader refuses refuses the read, as it does TTS_ADS:
 * left out, its spend would vanish unsaid.
 */
export function readAdRows(): { rows: AdRow[]; skipped: number } {
  const sheet = tabNamed(ADS_TAB);
  if (!sheet || sheet.getLastRow() < 2) return { rows: [], skipped: 0 };
  const values = sheet.getDataRange().getValues() as CellValue[][];
  const { rows, problems, skipped } = readTab(values, headerRowIn(values));
  if (problems.length > 0) throw new Error(`The ${ADS_TAB} tab: ${problemsError(problems).message}`);
  return { rows: [...rows.values()], skipped };
}

/** The rows of the tab's values by key, with their sheet rows; refuses a header the reader cannot read. */
function readTab(values: CellValue[][], headerRow = 1) {
  const header = (values[headerRow - 1] || []).map((v) => String(v ?? ''));
  const made = createAdsReader({
    fileName: ADS_TAB,
    where: `The ${ADS_TAB} tab`,
    report: 'ads-manager',
    header,
    headerRow,
    dateText: dateTextConverter(),
  });
  // Without its Day column the tab cannot say which rows it holds: every row would be added again.
  // (A lost money column is refused with how to bring it back.)
  if (!made.ok)
    throw new Error(made.message.endsWith('rename this tab.') ? made.message : made.message + START_AGAIN);
  const rows = new Map<string, AdRow>();
  const rowOfKey = new Map<string, number>();
  for (let r = headerRow; r < values.length; r++) {
    const row = made.reader.push(values[r], r + 1);
    if (row === null) continue;
    rows.set(row.key, row);
    rowOfKey.set(row.key, r + 1);
  }
  return { rows, rowOfKey, problems: made.reader.problems, skipped: made.reader.result().keylessRows };
}

function keptColumns(): Set<string> {
  return readStored(KEPT_COLUMNS_KEY, new Set<string>(), (list) =>
    Array.isArray(list) ? new Set(list.filter((h): h is string => typeof h === 'string')) : undefined,
  );
}

/**
 * The tab with every add-on column in row 1 and a column for each of `extraColumns` (a report's
 * unknown columns): created, or missing ones added right of every used cell.
 */
export function openAdsTab(extraColumns: readonly string[] = []): AdsTab {
  const existing = spreadsheet().getSheetByName(ADS_TAB);
  const sheet = existing && existing.getLastRow() > 0 ? existing : sheetWithHeader(ADS_TAB, ADS_HEADER);
  const values = sheet.getDataRange().getValues() as CellValue[][];
  const headerRow = headerRowIn(values);
  const header = values[headerRow - 1].map(String);
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  // Without its Key column the tab cannot tell which rows it holds: every row would be added again.
  if (values.length >= 2 && !header.includes('Key')) {
    throw new Error(`The ${ADS_TAB} tab has no Key column in row ${headerRow}.${START_AGAIN}`);
  }
  const keyCells = new Set<string>();
  const keyColumn = header.indexOf('Key');
  for (let r = headerRow; r < values.length; r++) {
    const key = String(values[r][keyColumn] ?? '').trim();
    if (key !== '') keyCells.add(key);
  }
  // Read before any column is added: a renamed Cost column is refused, not added again empty.
  const { rows, rowOfKey } =
    values.length > headerRow
      ? readTab(values, headerRow)
      : { rows: new Map<string, AdRow>(), rowOfKey: new Map<string, number>() };
  const kept = keptColumns();
  const missing = [...ADS_HEADER, ...extraColumns].filter(
    (label, i, all) => !header.includes(label) && all.indexOf(label) === i,
  );
  if (missing.length > 0) {
    appendHeaderColumns(sheet, headerRow, header, missing);
    const added = missing.filter((label) => !ADS_HEADER.includes(label));
    if (added.length > 0) {
      for (const label of added) kept.add(label);
      writeStored(KEPT_COLUMNS_KEY, [...kept]);
    }
  }
  return { sheet, header, headerRow, rowOfKey, rows, keyCells, kept };
}

function lineOf(tab: AdsTab, row: AdRow, importedAt: string): { cells: Cell[]; formats: string[] } {
  const values = adRowCells(row, tab.header, importedAt);
  const cells: Cell[] = [];
  const formats: string[] = [];
  tab.header.forEach((label, c) => {
    const kind = adsColumnKind(label, tab.kept);
    const value = values[c];
    cells.push(value === null ? '' : kind === 'text' ? textCell(String(value)) : value);
    formats.push(kind === 'money' ? CURRENCY_FORMAT : kind === 'count' ? INTEGER_FORMAT : TEXT_FORMAT);
  });
  return { cells, formats };
}

/** Appends rows under the last one (one write per run of the add-on's columns). */
export function appendAdRows(tab: AdsTab, rows: readonly AdRow[], importedAt: string): void {
  if (rows.length === 0) return;
  const lines = rows.map((row) => lineOf(tab, row, importedAt));
  const first = Math.max(tab.sheet.getLastRow(), tab.headerRow) + 1;
  // Only the add-on's columns are written: the seller's own columns of the new rows stay blank.
  writeOwnColumns(tab, first, lines);
  rows.forEach((row, i) => tab.rowOfKey.set(row.key, first + i));
}

/** Writes revised rows over the tab's rows they stand for (`heldKey`), the add-on's columns only. */
export function replaceAdRows(
  tab: AdsTab,
  rows: readonly { row: AdRow; heldKey: string }[],
  importedAt: string,
): void {
  for (const { row, heldKey } of rows) {
    const at = tab.rowOfKey.get(heldKey);
    if (at === undefined) continue;
    // A figure or kept column the new report lacks keeps the tab's value.
    const held = tab.rows.get(heldKey);
    const merged: AdRow = { ...row };
    if (held) {
      for (const f of AD_FIGURES) merged[f] ??= held[f];
      merged.skuId ||= held.skuId;
      merged.extra = { ...held.extra, ...row.extra };
    }
    writeOwnColumns(tab, at, [lineOf(tab, merged, importedAt)]);
  }
}

/** Writes runs of the add-on's columns (a seller's column between them is skipped). */
function writeOwnColumns(tab: AdsTab, row: number, lines: { cells: Cell[]; formats: string[] }[]): void {
  const own = (c: number) => adsColumnKind(tab.header[c], tab.kept) !== undefined;
  let c = 0;
  while (c < tab.header.length) {
    if (!own(c)) {
      c++;
      continue;
    }
    let end = c;
    while (end + 1 < tab.header.length && own(end + 1)) end++;
    writeBlock(
      tab.sheet,
      row,
      c + 1,
      lines.map((l) => l.cells.slice(c, end + 1)),
      lines.map((l) => l.formats.slice(c, end + 1)),
    );
    c = end + 1;
  }
}
