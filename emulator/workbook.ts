/**
 * The in-memory workbook: sheets as sparse row-major grids (values, formulas, number formats,
 * styles), charts, protections, the document/user/script property stores and the call log.
 * This is state only; the Apps Script API over it lives in spreadsheet-api.ts.
 */
import { columnLetters } from './a1';
import { CallLog } from './call-log';
import { type CellValue, isDate, writeCell } from './cell-values';
import type { ValidationRule } from './data-validation';

export const CELL_LIMIT = 10_000_000;
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;

export const CELL_LIMIT_MESSAGE = `This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`;
export const OUTSIDE_SHEET_MESSAGE = 'The coordinates of the range are outside the dimensions of the sheet.';

export interface CellStyle {
  fontWeight?: string;
  fontColor?: string;
  background?: string;
  horizontalAlignment?: string;
}

/** One row of a sheet; arrays are only as long as the last cell touched. */
export interface RowData {
  v: CellValue[];
  f?: (string | undefined)[];
  nf?: (string | undefined)[];
  st?: (CellStyle | undefined)[];
  /** Notes (the small black triangle), by column. */
  n?: (string | undefined)[];
  /** Data validation rules, by column. */
  dv?: (ValidationRule | undefined)[];
  /** Hidden by the seller (*Hide row*) or by a filter: still there, and still read by getValues. */
  hidden?: boolean;
}

export interface ProtectionState {
  type: 'SHEET' | 'RANGE';
  description: string;
  warningOnly: boolean;
  /** For range protections: the protected block. */
  range?: { row: number; col: number; numRows: number; numCols: number };
}

export interface FormulaCell {
  sheet: string;
  a1: string;
  formula: string;
}

export type WorkbookOptions = {
  id?: string;
  name?: string;
  timeZone?: string;
  /** Name Sheets shows for `createAddonMenu()` (the add-on's name). */
  addonName?: string;
  /** Sheets created with the workbook; default one sheet named `Sheet1`. */
  sheetNames?: string[];
};

let idCounter = 0;

/** A block of cells by sheet id, so renaming a sheet keeps its charts pointing at it. */
export interface RangeRef {
  sheetId: number;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** An embedded chart as the sheet holds it (charts.ts gives it the Apps Script API). */
export interface ChartState {
  chartId: number | null;
  type: string;
  ranges: RangeRef[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  numHeaders: number;
  mergeStrategy: string;
  transpose: boolean;
  hiddenDimensionStrategy: string;
}

export class SheetModel {
  rows: (RowData | undefined)[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  columnWidths: Record<number, number> = {};
  /** Columns passed to autoResizeColumns, in call order (the emulator has no font metrics). */
  autoResized: number[] = [];
  charts: ChartState[] = [];
  protections: ProtectionState[] = [];
  /** The sheet's current (selected) cell, which Sheets keeps per tab; A1 until the seller clicks elsewhere. */
  currentCell = { row: 1, col: 1 };

  constructor(
    public name: string,
    public readonly sheetId: number,
    public maxRows = NEW_SHEET_ROWS,
    public maxColumns = NEW_SHEET_COLUMNS,
  ) {}

  get cellCount(): number {
    return this.maxRows * this.maxColumns;
  }

  row(r: number): RowData | undefined {
    return this.rows[r - 1];
  }

  private rowForWrite(r: number): RowData {
    let data = this.rows[r - 1];
    if (!data) {
      data = { v: [] };
      this.rows[r - 1] = data;
    }
    return data;
  }

  value(r: number, c: number): CellValue {
    const v = this.rows[r - 1]?.v[c - 1];
    return v === undefined ? '' : v;
  }

  formula(r: number, c: number): string {
    return this.rows[r - 1]?.f?.[c - 1] ?? '';
  }

  numberFormat(r: number, c: number): string | undefined {
    return this.rows[r - 1]?.nf?.[c - 1];
  }

  style(r: number, c: number): CellStyle | undefined {
    return this.rows[r - 1]?.st?.[c - 1];
  }

  note(r: number, c: number): string {
    return this.rows[r - 1]?.n?.[c - 1] ?? '';
  }

  setNote(r: number, c: number, note: string): void {
    (this.rowForWrite(r).n ??= [])[c - 1] = note === '' ? undefined : note;
  }

  validation(r: number, c: number): ValidationRule | undefined {
    return this.rows[r - 1]?.dv?.[c - 1];
  }

  setValidation(r: number, c: number, rule: ValidationRule | undefined): void {
    (this.rowForWrite(r).dv ??= [])[c - 1] = rule;
  }

  /** Writes one value as typed input (see cell-values.ts). */
  write(r: number, c: number, input: unknown, timeZone: string): void {
    const data = this.rowForWrite(r);
    const format = data.nf?.[c - 1];
    const cell = writeCell(input, format, timeZone);
    data.v[c - 1] = cell.value;
    if (cell.formula !== undefined) (data.f ??= [])[c - 1] = cell.formula;
    else if (data.f && data.f[c - 1] !== undefined) data.f[c - 1] = undefined;
    if (cell.inferredFormat && format === undefined) (data.nf ??= [])[c - 1] = cell.inferredFormat;
  }

  setNumberFormat(r: number, c: number, format: string): void {
    (this.rowForWrite(r).nf ??= [])[c - 1] = format;
  }

  updateStyle(r: number, c: number, patch: CellStyle): void {
    const st = (this.rowForWrite(r).st ??= []);
    st[c - 1] = { ...st[c - 1], ...patch };
  }

  clearCell(r: number, c: number, what: { contents: boolean; formats: boolean }): void {
    const data = this.rows[r - 1];
    if (!data) return;
    if (what.contents) {
      if (c - 1 < data.v.length) data.v[c - 1] = '';
      if (data.f) data.f[c - 1] = undefined;
    }
    if (what.formats) {
      if (data.nf) data.nf[c - 1] = undefined;
      if (data.st) data.st[c - 1] = undefined;
    }
  }

  hasContent(r: number, c: number): boolean {
    const data = this.rows[r - 1];
    if (!data) return false;
    const v = data.v[c - 1];
    return (v !== undefined && v !== '') || data.f?.[c - 1] !== undefined;
  }

  private rowLastColumn(data: RowData | undefined): number {
    if (!data) return 0;
    const len = Math.max(data.v.length, data.f?.length ?? 0);
    for (let c = len; c >= 1; c--) {
      const v = data.v[c - 1];
      if ((v !== undefined && v !== '') || data.f?.[c - 1] !== undefined) return c;
    }
    return 0;
  }

  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) if (this.rowLastColumn(this.rows[r - 1]) > 0) return r;
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const data of this.rows) last = Math.max(last, this.rowLastColumn(data));
    return last;
  }

  insertRows(after: number, count: number): void {
    if (after < this.rows.length) this.rows.splice(after, 0, ...new Array<RowData | undefined>(count));
    this.maxRows += count;
  }

  deleteRows(start: number, count: number): void {
    this.rows.splice(start - 1, count);
    this.maxRows -= count;
  }

  insertColumns(after: number, count: number): void {
    for (const data of this.rows) {
      if (!data) continue;
      for (const key of ['v', 'f', 'nf', 'st', 'n', 'dv'] as const) {
        const arr = data[key] as unknown[] | undefined;
        if (arr && arr.length > after)
          arr.splice(after, 0, ...new Array(count).fill(key === 'v' ? '' : undefined));
      }
    }
    this.maxColumns += count;
  }

  deleteColumns(start: number, count: number): void {
    for (const data of this.rows) {
      if (!data) continue;
      for (const key of ['v', 'f', 'nf', 'st', 'n', 'dv'] as const)
        (data[key] as unknown[] | undefined)?.splice(start - 1, count);
    }
    this.maxColumns -= count;
  }
}

export class Workbook {
  readonly id: string;
  name: string;
  timeZone: string;
  addonName: string;
  sheets: SheetModel[] = [];
  activeSheetId: number;
  readonly calls = new CallLog();
  readonly properties: {
    document: Record<string, string>;
    user: Record<string, string>;
    script: Record<string, string>;
  } = {
    document: {},
    user: {},
    script: {},
  };
  /** Every `toast()` shown, oldest first. */
  readonly toasts: { message: string; title: string; timeoutSeconds: number }[] = [];
  nextSheetId = 0;
  nextChartId = 1;

  constructor(opts: WorkbookOptions = {}) {
    this.id = opts.id ?? `emulated-spreadsheet-${++idCounter}`;
    this.name = opts.name ?? 'Untitled spreadsheet';
    // US sellers' spreadsheets: a non-UTC default keeps time-zone bugs visible in tests.
    this.timeZone = opts.timeZone ?? 'America/Los_Angeles';
    this.addonName = opts.addonName ?? 'TTS Profit';
    for (const name of opts.sheetNames ?? ['Sheet1']) this.addSheet(name);
    this.activeSheetId = this.sheets[0]?.sheetId ?? 0;
  }

  totalCells(): number {
    return this.sheets.reduce((n, s) => n + s.cellCount, 0);
  }

  /** Throws Sheets' limit message if `extra` more cells would pass 10,000,000. */
  ensureCapacity(extra: number): void {
    if (this.totalCells() + extra > CELL_LIMIT) throw new Error(CELL_LIMIT_MESSAGE);
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.sheetId === id);
  }

  /** Sheet by name, or an Error naming it (for tests). */
  requireSheet(name: string): SheetModel {
    const s = this.sheet(name);
    if (!s) throw new Error(`No sheet named "${name}"; sheets: ${this.sheets.map((x) => x.name).join(', ')}`);
    return s;
  }

  addSheet(name: string, index?: number, rows = NEW_SHEET_ROWS, columns = NEW_SHEET_COLUMNS): SheetModel {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this.ensureCapacity(rows * columns);
    const sheet = new SheetModel(name, this.nextSheetId++, rows, columns);
    if (index === undefined || index >= this.sheets.length) this.sheets.push(sheet);
    else this.sheets.splice(Math.max(0, index), 0, sheet);
    return sheet;
  }

  activeSheet(): SheetModel {
    return this.sheetById(this.activeSheetId) ?? this.sheets[0];
  }

  /** Every formula cell in the workbook, so tests can prove no imported text became a formula. */
  formulaCells(): FormulaCell[] {
    const out: FormulaCell[] = [];
    for (const s of this.sheets) {
      s.rows.forEach((data, ri) => {
        data?.f?.forEach((formula, ci) => {
          if (formula !== undefined)
            out.push({ sheet: s.name, a1: `${columnLetters(ci + 1)}${ri + 1}`, formula });
        });
      });
    }
    return out;
  }

  /** Plain values of a sheet's used block (test convenience, not an Apps Script call). */
  valuesOf(sheetName: string): CellValue[][] {
    const s = this.requireSheet(sheetName);
    const rows = s.lastRow();
    const cols = s.lastColumn();
    const out: CellValue[][] = [];
    for (let r = 1; r <= rows; r++) {
      const line: CellValue[] = [];
      for (let c = 1; c <= cols; c++) {
        const v = s.value(r, c);
        line.push(isDate(v) ? new Date(v.getTime()) : v);
      }
      out.push(line);
    }
    return out;
  }

  /** Writes a block as typed input, creating the sheet or rows as needed (test setup, not counted as a call). */
  seed(sheetName: string, values: unknown[][], startRow = 1, startColumn = 1): void {
    const s = this.sheet(sheetName) ?? this.addSheet(sheetName);
    const lastRow = startRow + values.length - 1;
    if (lastRow > s.maxRows) {
      this.ensureCapacity((lastRow - s.maxRows) * s.maxColumns);
      s.insertRows(s.maxRows, lastRow - s.maxRows);
    }
    const lastColumn = startColumn + Math.max(0, ...values.map((line) => line.length)) - 1;
    if (lastColumn > s.maxColumns) {
      this.ensureCapacity((lastColumn - s.maxColumns) * s.maxRows);
      s.insertColumns(s.maxColumns, lastColumn - s.maxColumns);
    }
    values.forEach((line, i) =>
      line.forEach((v, j) => s.write(startRow + i, startColumn + j, v, this.timeZone)),
    );
  }
}
