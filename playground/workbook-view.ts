/**
 * The workbook as the playground page draws it: each tab's first rows as displayed text (what a
 * seller would see in Sheets), formulas, frozen header, and every chart's recorded spec.
 */
import { allChartSpecs, type ChartSpec } from '../emulator/charts';
import { isDate, type CellValue } from '../emulator/cell-values';
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
  /** Formulas by cell (`r,c`, 1-based), for the edit box; their cells show the result. */
  formulas: Record<string, string>;
  /** The seller may type into this tab here (the add-on's own tabs are read-only). */
  editable: boolean;
  /** The tab's selected cell (1-based), where *Insert formula* writes. */
  currentCell: { row: number; col: number };
}

/** Tabs the add-on writes whole: read-only in the playground, as a seller should leave them. */
export const READ_ONLY_TABS = ['TTS Ledger', 'TTS Imports', 'TTS Dashboard'];

/** Works out a formula cell: its value, or a 2-D array that spills (see formulas.ts). */
export type FormulaEvaluator = (formula: string, sheet: string) => unknown;

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

export function sheetView(
  workbook: Workbook,
  name: string,
  rowLimit = VIEW_ROW_LIMIT,
  evaluate?: FormulaEvaluator,
): SheetView | undefined {
  const sheet = workbook.sheet(name);
  if (!sheet) return undefined;
  let lastRow = sheet.lastRow();
  let lastColumn = sheet.lastColumn();
  const cells = new Map<string, CellValue>();
  const formulas: Record<string, string> = {};
  // Formula results first: a 2-D result spills right and down over empty cells, as in Sheets.
  for (let r = 1; r <= Math.min(lastRow, rowLimit); r++) {
    for (let c = 1; c <= lastColumn; c++) {
      const formula = sheet.formula(r, c);
      if (!formula) continue;
      formulas[`${r},${c}`] = formula;
      if (!evaluate) continue;
      let result: unknown;
      try {
        result = evaluate(formula, name);
      } catch (error) {
        result = `#ERROR! ${error instanceof Error ? error.message : String(error)}`;
      }
      const grid = Array.isArray(result)
        ? (result as unknown[][]).map((row) => (Array.isArray(row) ? row : [row]))
        : [[result]];
      const blocked = grid.some((row, i) =>
        row.some(
          (_, j) => (i > 0 || j > 0) && (sheet.hasContent(r + i, c + j) || cells.has(`${r + i},${c + j}`)),
        ),
      );
      if (blocked) {
        cells.set(`${r},${c}`, '#REF! Array result was not expanded because it would overwrite data.');
        continue;
      }
      grid.forEach((row, i) =>
        row.forEach((value, j) => cells.set(`${r + i},${c + j}`, (value ?? '') as CellValue)),
      );
      lastRow = Math.max(lastRow, r + grid.length - 1);
      lastColumn = Math.max(lastColumn, c + Math.max(...grid.map((row) => row.length)) - 1);
    }
  }
  const rows: string[][] = [];
  const values: (string | number | boolean)[][] = [];
  for (let r = 1; r <= Math.min(lastRow, rowLimit); r++) {
    const shown: string[] = [];
    const raw: (string | number | boolean)[] = [];
    for (let c = 1; c <= lastColumn; c++) {
      const key = `${r},${c}`;
      const v = cells.has(key) ? cells.get(key)! : sheet.value(r, c);
      shown.push(
        !evaluate && formulas[key]
          ? formulas[key]
          : displayValue(v, sheet.numberFormat(r, c), workbook.timeZone),
      );
      raw.push(isDate(v) ? v.toISOString() : (v as string | number | boolean));
    }
    rows.push(shown);
    values.push(raw);
  }
  return {
    name: sheet.name,
    hidden: sheet.hidden,
    frozenRows: sheet.frozenRows,
    lastRow,
    lastColumn,
    rows,
    values,
    formulas,
    editable: !READ_ONLY_TABS.includes(sheet.name),
    currentCell: { ...sheet.currentCell },
  };
}

export function workbookView(
  workbook: Workbook,
  rowLimit = VIEW_ROW_LIMIT,
  evaluate?: FormulaEvaluator,
): WorkbookView {
  return {
    name: workbook.name,
    timeZone: workbook.timeZone,
    sheets: workbook.sheets.map((s) => sheetView(workbook, s.name, rowLimit, evaluate)!),
    activeSheet: workbook.activeSheet().name,
    charts: allChartSpecs(workbook),
    toasts: workbook.toasts.slice(-5).map(({ message, title }) => ({ message, title })),
    toastCount: workbook.toasts.length,
  };
}
