/**
 * The TTS COGS tab belongs to the seller. The add-on finds its columns by header (a column inserted
 * or moved is followed), appends SKUs it has not seen there yet with their costs left blank to fill
 * in, and writes costs only when the seller asks (a cost table imported from the sidebar). Tabs
 * written before the unit cost had parts (`… | Unit cost | Effective from`) keep working as they are.
 */
import { COST_PARTS, headerKey, skuText } from '../../core/analysis/cogs';
import { columnLetters } from '../../core/formula-builder';
import { COGS_HEADER, COGS_NOTES, type CogsColumn } from '../../core/analysis/cost-tabs';
import {
  DATE_FORMAT,
  TEXT_FORMAT,
  ensureRows,
  sheetWithHeader,
  strictRule,
  textCell,
  type Cell,
} from './sheet-writing';
import { tabNamed } from './tab-named';
import { topRows } from './top-rows';

export const COGS_SHEET = 'TTS COGS';
export { COGS_HEADER, type CogsColumn } from '../../core/analysis/cost-tabs';

/** Dollars with up to four decimals ($0.125), as unit costs keep them. */
export const UNIT_COST_FORMAT = '$#,##0.00##';

const COST_COLUMNS: readonly CogsColumn[] = [...COST_PARTS, 'Unit cost'];

/** A column's number format: costs in dollars to 4 decimals, the date as a date, the rest text. */
function formatOf(name: CogsColumn): string {
  return name === 'Effective from'
    ? DATE_FORMAT
    : COST_COLUMNS.includes(name)
      ? UNIT_COST_FORMAT
      : TEXT_FORMAT;
}

export interface SkuInfo {
  skuId: string;
  sellerSku: string;
  productName: string;
  skuName: string;
}

/** The tab's columns by header (1-based; absent columns missing), and its last row and column. */
export interface CogsLayout {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  columns: Partial<Record<CogsColumn, number>>;
  lastRow: number;
  /** The header's row: 1, or lower when the seller put a title above it. */
  headerRow: number;
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The TTS COGS tab, made with its header, notes, formats and validation when missing. */
export function cogsSheet(): CogsLayout {
  const existing = tabNamed(COGS_SHEET);
  const fresh = !existing || existing.getLastRow() === 0;
  const sheet = sheetWithHeader(COGS_SHEET, COGS_HEADER);
  if (fresh) dressNewTab(sheet);
  return cogsLayout(sheet);
}

/**
 * Where each known column is, found by its header (case, spaces and punctuation ignored) in the
 * first of the top 30 rows that names two of them: a title the seller typed above it is skipped.
 */
export function cogsLayout(sheet: Sheet): CogsLayout {
  const lastColumn = Math.max(sheet.getLastColumn(), 1);
  const top = topRows(sheet, lastColumn);
  const known = new Set(COGS_HEADER.map((name) => headerKey(name)));
  const at = top.findIndex((row) => row.filter((cell) => known.has(headerKey(String(cell)))).length >= 2);
  const headerRow = at < 0 ? 1 : at + 1;
  const keys = top[headerRow - 1].map((cell) => headerKey(String(cell)));
  const columns: CogsLayout['columns'] = {};
  for (const name of COGS_HEADER) {
    const c = keys.indexOf(headerKey(name));
    if (c >= 0) columns[name] = c + 1;
  }
  return { sheet, columns, lastRow: sheet.getLastRow(), headerRow };
}

function dressNewTab(sheet: Sheet): void {
  const layout = cogsLayout(sheet);
  const rows = sheet.getMaxRows() - 1;
  for (const name of COGS_HEADER) {
    const column = layout.columns[name]!;
    sheet.getRange(1, column).setNote(COGS_NOTES[name]);
    if (rows > 0) sheet.getRange(2, column, rows, 1).setNumberFormat(formatOf(name));
  }
  if (rows <= 0) return;
  const rule = strictRule('A cost per unit in dollars, 0 or more (up to 4 decimals, e.g. 0.125).', (r) =>
    r.requireNumberGreaterThanOrEqualTo(0),
  );
  for (const name of COST_COLUMNS) sheet.getRange(2, layout.columns[name]!, rows, 1).setDataValidation(rule);
  sheet
    .getRange(2, layout.columns['Effective from']!, rows, 1)
    .setDataValidation(strictRule('A date such as 2026-05-01, or blank for always.', (r) => r.requireDate()));
}

/** The Unit cost cell of a row: the sum of its parts, blank while they are (so a SKU waiting for its cost is never $0). */
export function unitCostFormula(layout: CogsLayout, row: number): string | null {
  const parts = COST_PARTS.map((name) => layout.columns[name]).filter((c): c is number => c !== undefined);
  if (parts.length !== COST_PARTS.length) return null;
  const first = Math.min(...parts);
  const last = Math.max(...parts);
  if (last - first + 1 !== parts.length) return null; // parts split by another column: the seller keeps the total by hand
  const range = `${columnLetters(first)}${row}:${columnLetters(last)}${row}`;
  return `=IF(COUNT(${range}),SUM(${range}),"")`;
}

/** Text cells of a column from row 2 down (trimmed, a leading apostrophe dropped). */
export function columnTexts(layout: CogsLayout, name: CogsColumn): string[] {
  const column = layout.columns[name];
  const first = layout.headerRow + 1;
  if (column === undefined || layout.lastRow < first) return [];
  const values = layout.sheet.getRange(first, column, layout.lastRow - first + 1, 1).getValues();
  return values.map(([v]) => skuText(v));
}

/**
 * Writes new rows below the last one, each column by its header: `values` by column name. Columns
 * the tab does not have are left out; the Unit cost of a row with parts is their sum (a formula).
 */
export function appendCogsRows(layout: CogsLayout, rows: readonly Partial<Record<CogsColumn, Cell>>[]): void {
  if (rows.length === 0) return;
  const start = Math.max(layout.lastRow, layout.headerRow) + 1;
  ensureRows(layout.sheet, start, rows.length);
  for (const name of COGS_HEADER) {
    const column = layout.columns[name];
    if (column === undefined) continue;
    const cells = rows.map((row, i) => {
      const value = row[name];
      if (name === 'Unit cost' && value === undefined) return unitCostFormula(layout, start + i) || '';
      if (value === undefined) return '';
      return typeof value === 'string' && formatOf(name) === TEXT_FORMAT ? textCell(value) : value;
    });
    const range = layout.sheet.getRange(start, column, rows.length, 1);
    range.setNumberFormat(formatOf(name));
    range.setValues(cells.map((cell) => [cell]));
  }
  layout.lastRow = start + rows.length - 1;
}

/** Appends the SKUs not yet listed (by SKU ID, else seller SKU) below the seller's rows; returns how many were added. */
export function prefillCogs(skus: readonly SkuInfo[]): number {
  const wanted = new Map<string, SkuInfo>();
  for (const sku of skus) {
    const id = sku.skuId.trim();
    if (id && !wanted.has(id)) wanted.set(id, sku);
  }
  if (wanted.size === 0) return 0;
  const layout = cogsSheet();
  // Without a SKU ID column the add-on cannot tell which SKUs are listed: it adds none rather than repeat them.
  if (layout.columns['SKU ID'] === undefined) return 0;
  for (const id of columnTexts(layout, 'SKU ID')) wanted.delete(id);
  if (wanted.size === 0) return 0;
  const rows = [...wanted.values()].map((s) => ({
    'SKU ID': s.skuId.trim(),
    'Seller SKU': s.sellerSku,
    'Product name': s.productName,
    'SKU name': s.skuName,
  }));
  appendCogsRows(layout, rows);
  return rows.length;
}
