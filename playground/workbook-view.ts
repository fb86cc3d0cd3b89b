/**
 * The workbook as the playground page draws it: each tab's first rows as displayed text (what a
 * seller would see in Sheets), formulas, frozen header, and every chart's recorded spec.
 */
import { allChartSpecs, type ChartSpec } from '../emulator/charts';
import { isDate } from '../emulator/cell-values';
import { displayValue } from '../emulator/number-format';
import type { Workbook } from '../emulator/workbook';

export const VIEW_ROW_LIMIT = 500;

export interface SheetView {
  name: string;
  hidden: boolean;
  frozenRows: number;
  lastRow: number;
  lastColumn: number;
  /** Displayed text of rows 1 … min(lastRow, VIEW_ROW_LIMIT); formulas shown as `=…`. */
  rows: string[][];
  /** Raw values of the same cells (dates as ISO text), for tests that check numbers. */
  values: (string | number | boolean)[][];
  /** The tab's selected cell (1-based), where *Insert formula* writes. */
  currentCell: { row: number; col: number };
}

export interface WorkbookView {
  name: string;
  timeZone: string;
  sheets: SheetView[];
  /** The tab the add-on last showed (`activate()`), or the one the seller clicked. */
  activeSheet: string;
  charts: ChartSpec[];
  toasts: { message: string; title: string }[];
  /** Every toast shown so far (the list above keeps the last five). */
  toastCount: number;
}

export function sheetView(workbook: Workbook, name: string, rowLimit = VIEW_ROW_LIMIT): SheetView | undefined {
  const sheet = workbook.sheet(name);
  if (!sheet) return undefined;
  const lastRow = sheet.lastRow();
  const lastColumn = sheet.lastColumn();
  const rows: string[][] = [];
  const values: (string | number | boolean)[][] = [];
  for (let r = 1; r <= Math.min(lastRow, rowLimit); r++) {
    const shown: string[] = [];
    const raw: (string | number | boolean)[] = [];
    for (let c = 1; c <= lastColumn; c++) {
      const v = sheet.value(r, c);
      const formula = sheet.formula(r, c);
      shown.push(formula || displayValue(v, sheet.numberFormat(r, c), workbook.timeZone));
      raw.push(isDate(v) ? v.toISOString() : v);
    }
    rows.push(shown);
    values.push(raw);
  }
  return { name: sheet.name, hidden: sheet.hidden, frozenRows: sheet.frozenRows, lastRow, lastColumn, rows, values, currentCell: { ...sheet.currentCell } };
}

export function workbookView(workbook: Workbook, rowLimit = VIEW_ROW_LIMIT): WorkbookView {
  return {
    name: workbook.name,
    timeZone: workbook.timeZone,
    sheets: workbook.sheets.map((s) => sheetView(workbook, s.name, rowLimit)!),
    activeSheet: workbook.activeSheet().name,
    charts: allChartSpecs(workbook),
    toasts: workbook.toasts.slice(-5).map(({ message, title }) => ({ message, title })),
    toastCount: workbook.toasts.length,
  };
}
