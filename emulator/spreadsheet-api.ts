/**
 * The SpreadsheetApp object model over a Workbook: Spreadsheet, Sheet, Range, Protection, and
 * the chart host. Methods follow Apps Script's names, argument forms and error messages; every
 * instance is handed out through the strict proxy (strict.ts), which counts and gates calls.
 */
import { a1Notation, parseA1, splitSheetName } from './a1';
import { type CellValue, DEFAULT_NUMBER_FORMAT, isDate } from './cell-values';
import { type ChartHost, EmbeddedChartApi, EmbeddedChartBuilderApi, newChartState } from './charts';
import { displayValue } from './number-format';
import type { ApiObject, ApiType } from './strict';
import { DataValidationApi } from './data-validation';
import {
  type CellStyle,
  type ChartState,
  DEFAULT_COLUMN_WIDTH,
  OUTSIDE_SHEET_MESSAGE,
  type ProtectionState,
  type RangeRef,
  type SheetModel,
  type Workbook,
} from './workbook';

const SPREADSHEET: ApiType = { service: 'SpreadsheetApp', name: 'Spreadsheet' };
const SHEET: ApiType = { service: 'SpreadsheetApp', name: 'Sheet' };
const RANGE: ApiType = { service: 'SpreadsheetApp', name: 'Range' };
const PROTECTION: ApiType = { service: 'SpreadsheetApp', name: 'Protection' };

export const ProtectionType = Object.freeze({ RANGE: 'RANGE', SHEET: 'SHEET' });

function signatureError(method: string, args: unknown[]): Error {
  const types = args.map((a) => (Array.isArray(a) ? 'object[]' : a === null ? 'null' : typeof a)).join(',');
  return new Error(
    `The parameters (${types}) don't match the method signature for SpreadsheetApp.${method}.`,
  );
}

function requireCount(n: unknown, what: 'rows' | 'columns'): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new Error(`The number of ${what} in the range must be at least 1.`);
  }
  return n;
}

/** Checks a 2-D array against a range's shape with Sheets' messages. */
function checkShape(data: unknown, numRows: number, numColumns: number, method: string): unknown[][] {
  if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) throw signatureError(method, [data]);
  if (data.length !== numRows) {
    throw new Error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${numRows}.`,
    );
  }
  for (const row of data as unknown[][]) {
    if (row.length !== numColumns) {
      throw new Error(
        `The number of columns in the data does not match the number of columns ` +
          `in the range. The data has ${row.length} but the range has ${numColumns}.`,
      );
    }
  }
  return data as unknown[][];
}

function copyValue(v: CellValue): CellValue {
  return isDate(v) ? new Date(v.getTime()) : v;
}

export class SpreadsheetContext implements ChartHost {
  constructor(readonly workbook: Workbook) {}
  rangeApi(ref: RangeRef): object {
    const sheet = this.workbook.sheetById(ref.sheetId);
    if (!sheet) throw new Error('Range not found');
    return new RangeApi(this, sheet, ref.row, ref.column, ref.numRows, ref.numColumns);
  }
  refOf(range: unknown): RangeRef {
    if (!(range instanceof RangeApi)) throw new Error('Invalid argument: range');
    return range._ref();
  }
  sheetOf(sheet: unknown, method: string): SheetModel {
    if (!(sheet instanceof SheetApi)) throw signatureError(method, [sheet]);
    return sheet._model;
  }
}

export class SpreadsheetApi implements ApiObject {
  readonly _gasType = SPREADSHEET;
  constructor(private readonly _ctx: SpreadsheetContext) {}
  private get _wb() {
    return this._ctx.workbook;
  }

  getId() {
    return this._wb.id;
  }
  getName() {
    return this._wb.name;
  }
  rename(name: string) {
    this._wb.name = name;
  }
  getUrl() {
    return `https://docs.google.com/spreadsheets/d/${this._wb.id}/edit`;
  }
  getSpreadsheetTimeZone() {
    return this._wb.timeZone;
  }
  setSpreadsheetTimeZone(timeZone: string) {
    this._wb.timeZone = timeZone;
  }
  getSheets() {
    return this._wb.sheets.map((s) => new SheetApi(this._ctx, s));
  }
  getNumSheets() {
    return this._wb.sheets.length;
  }
  getSheetByName(name: string) {
    const s = this._wb.sheet(name);
    return s ? new SheetApi(this._ctx, s) : null;
  }
  getSheetById(id: number) {
    const s = this._wb.sheetById(id);
    return s ? new SheetApi(this._ctx, s) : null;
  }
  insertSheet(nameOrIndex?: string | number, index?: number) {
    let name = typeof nameOrIndex === 'string' ? nameOrIndex : undefined;
    const at = typeof nameOrIndex === 'number' ? nameOrIndex : index;
    if (name === undefined) {
      let n = this._wb.sheets.length + 1;
      while (this._wb.sheet(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const sheet = this._wb.addSheet(name, at);
    this._wb.activeSheetId = sheet.sheetId; // Sheets activates the sheet it inserts
    return new SheetApi(this._ctx, sheet);
  }
  deleteSheet(sheet: unknown) {
    const model = this._ctx.sheetOf(sheet, 'Spreadsheet.deleteSheet');
    if (this._wb.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this._wb.sheets = this._wb.sheets.filter((s) => s !== model);
    if (this._wb.activeSheetId === model.sheetId) this._wb.activeSheetId = this._wb.sheets[0].sheetId;
  }
  getActiveSheet() {
    return new SheetApi(this._ctx, this._wb.activeSheet());
  }
  /** The selected cell of the active tab (what the seller clicked last). */
  getCurrentCell() {
    return new SheetApi(this._ctx, this._wb.activeSheet()).getCurrentCell();
  }
  getActiveCell() {
    return this.getCurrentCell();
  }
  getActiveRange() {
    return this.getCurrentCell();
  }
  setActiveSheet(sheet: unknown) {
    const model = this._ctx.sheetOf(sheet, 'Spreadsheet.setActiveSheet');
    this._wb.activeSheetId = model.sheetId;
    return new SheetApi(this._ctx, model);
  }
  getRange(a1: string) {
    const { sheetName } = splitSheetName(a1);
    const model = sheetName === undefined ? this._wb.activeSheet() : this._wb.sheet(sheetName);
    if (!model) throw new Error('Range not found');
    return new SheetApi(this._ctx, model).getRange(a1);
  }
  toast(message: string, title = '', timeoutSeconds = 5) {
    this._wb.toasts.push({ message: String(message), title: String(title), timeoutSeconds });
  }
  toString() {
    return 'Spreadsheet';
  }
}

export class SheetApi implements ApiObject {
  readonly _gasType = SHEET;
  constructor(
    private readonly _ctx: SpreadsheetContext,
    readonly _model: SheetModel,
  ) {}
  private get _wb() {
    return this._ctx.workbook;
  }

  getName() {
    return this._model.name;
  }
  setName(name: string) {
    const clash = this._wb.sheets.find(
      (s) => s !== this._model && s.name.toLowerCase() === name.toLowerCase(),
    );
    if (clash) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this._model.name = name;
    return this;
  }
  getSheetId() {
    return this._model.sheetId;
  }
  getIndex() {
    return this._wb.sheets.indexOf(this._model) + 1;
  }
  getParent() {
    return new SpreadsheetApi(this._ctx);
  }
  activate() {
    this._wb.activeSheetId = this._model.sheetId;
    return this;
  }
  getCurrentCell() {
    return new RangeApi(
      this._ctx,
      this._model,
      this._model.currentCell.row,
      this._model.currentCell.col,
      1,
      1,
    );
  }
  getActiveCell() {
    return this.getCurrentCell();
  }
  getActiveRange() {
    return this.getCurrentCell();
  }

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): RangeApi {
    const m = this._model;
    if (typeof a === 'string') {
      const ref = parseA1(a);
      const row = ref.startRow ?? 1;
      const col = ref.startCol ?? 1;
      const endRow = ref.endRow ?? m.maxRows;
      const endCol = ref.endCol ?? m.maxColumns;
      return this._checked(
        Math.min(row, endRow),
        Math.min(col, endCol),
        Math.abs(endRow - row) + 1,
        Math.abs(endCol - col) + 1,
      );
    }
    if (typeof a !== 'number' || typeof column !== 'number')
      throw signatureError('Sheet.getRange', [a, column]);
    return this._checked(
      a,
      column,
      numRows === undefined ? 1 : requireCount(numRows, 'rows'),
      numColumns === undefined ? 1 : requireCount(numColumns, 'columns'),
    );
  }
  private _checked(row: number, col: number, numRows: number, numCols: number): RangeApi {
    if (!Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1)
      throw new Error(OUTSIDE_SHEET_MESSAGE);
    if (row + numRows - 1 > this._model.maxRows || col + numCols - 1 > this._model.maxColumns) {
      throw new Error(OUTSIDE_SHEET_MESSAGE);
    }
    return new RangeApi(this._ctx, this._model, row, col, numRows, numCols);
  }
  getDataRange() {
    return new RangeApi(
      this._ctx,
      this._model,
      1,
      1,
      Math.max(1, this._model.lastRow()),
      Math.max(1, this._model.lastColumn()),
    );
  }
  getLastRow() {
    return this._model.lastRow();
  }
  getLastColumn() {
    return this._model.lastColumn();
  }
  getMaxRows() {
    return this._model.maxRows;
  }
  getMaxColumns() {
    return this._model.maxColumns;
  }

  insertRowsAfter(afterPosition: number, howMany: number) {
    this._wb.ensureCapacity(howMany * this._model.maxColumns);
    this._model.insertRows(afterPosition, requireCount(howMany, 'rows'));
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number) {
    return this.insertRowsAfter(beforePosition - 1, howMany);
  }
  insertRowAfter(afterPosition: number) {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowBefore(beforePosition: number) {
    return this.insertRowsAfter(beforePosition - 1, 1);
  }
  insertColumnsAfter(afterPosition: number, howMany: number) {
    this._wb.ensureCapacity(howMany * this._model.maxRows);
    this._model.insertColumns(afterPosition, requireCount(howMany, 'columns'));
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number) {
    return this.insertColumnsAfter(beforePosition - 1, howMany);
  }
  insertColumnAfter(afterPosition: number) {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumnBefore(beforePosition: number) {
    return this.insertColumnsAfter(beforePosition - 1, 1);
  }
  deleteRows(rowPosition: number, howMany: number) {
    if (howMany >= this._model.maxRows)
      throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    this._model.deleteRows(rowPosition, howMany);
  }
  deleteRow(rowPosition: number) {
    this.deleteRows(rowPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number) {
    if (howMany >= this._model.maxColumns)
      throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    this._model.deleteColumns(columnPosition, howMany);
  }
  deleteColumn(columnPosition: number) {
    this.deleteColumns(columnPosition, 1);
    return this;
  }

  /** Writes after the last row with content, adding a row (and columns) when the grid is full. */
  appendRow(rowContents: unknown[]) {
    if (!Array.isArray(rowContents)) throw signatureError('Sheet.appendRow', [rowContents]);
    const m = this._model;
    const row = m.lastRow() + 1;
    const extraCols = Math.max(0, rowContents.length - m.maxColumns);
    if (extraCols > 0) this.insertColumnsAfter(m.maxColumns, extraCols);
    if (row > m.maxRows) this.insertRowsAfter(m.maxRows, 1);
    rowContents.forEach((v, i) => m.write(row, i + 1, v, this._wb.timeZone));
    return this;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }) {
    const contents = !options?.formatOnly;
    const formats = !options?.contentsOnly;
    this._range().clearCells({ contents, formats });
    return this;
  }
  clearContents() {
    return this.clear({ contentsOnly: true });
  }
  clearFormats() {
    return this.clear({ formatOnly: true });
  }
  private _range() {
    return new RangeApi(this._ctx, this._model, 1, 1, this._model.maxRows, this._model.maxColumns);
  }

  setFrozenRows(rows: number) {
    this._model.frozenRows = rows;
  }
  getFrozenRows() {
    return this._model.frozenRows;
  }
  setFrozenColumns(columns: number) {
    this._model.frozenColumns = columns;
  }
  getFrozenColumns() {
    return this._model.frozenColumns;
  }
  hideSheet() {
    const visible = this._wb.sheets.filter((s) => !s.hidden);
    if (visible.length === 1 && visible[0] === this._model)
      throw new Error("You can't hide all the sheets in a document.");
    this._model.hidden = true;
    return this;
  }
  showSheet() {
    this._model.hidden = false;
    return this;
  }
  isSheetHidden() {
    return this._model.hidden;
  }
  setColumnWidth(columnPosition: number, width: number) {
    this._model.columnWidths[columnPosition] = width;
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number) {
    for (let c = startColumn; c < startColumn + numColumns; c++) this._model.columnWidths[c] = width;
    return this;
  }
  getColumnWidth(columnPosition: number) {
    return this._model.columnWidths[columnPosition] ?? DEFAULT_COLUMN_WIDTH;
  }
  autoResizeColumns(startColumn: number, numColumns: number) {
    for (let c = startColumn; c < startColumn + numColumns; c++) this._model.autoResized.push(c);
    return this;
  }
  autoResizeColumn(columnPosition: number) {
    return this.autoResizeColumns(columnPosition, 1);
  }

  protect() {
    const state: ProtectionState = { type: 'SHEET', description: '', warningOnly: false };
    this._model.protections.push(state);
    return new ProtectionApi(this._model, state);
  }
  getProtections(type: string) {
    return this._model.protections
      .filter((p) => p.type === type)
      .map((p) => new ProtectionApi(this._model, p));
  }

  newChart() {
    return new EmbeddedChartBuilderApi(this._ctx, newChartState());
  }
  insertChart(chart: unknown) {
    const state = this._chartState(chart, 'Sheet.insertChart');
    if (state.chartId === null) state.chartId = this._wb.nextChartId++;
    this._model.charts.push(state);
  }
  getCharts() {
    return this._model.charts.map((c) => new EmbeddedChartApi(this._ctx, c));
  }
  removeChart(chart: unknown) {
    const id = this._chartState(chart, 'Sheet.removeChart').chartId;
    this._model.charts = this._model.charts.filter((c) => c.chartId !== id);
  }
  updateChart(chart: unknown) {
    const state = this._chartState(chart, 'Sheet.updateChart');
    const i = this._model.charts.findIndex((c) => c.chartId === state.chartId);
    if (i < 0) throw new Error('The chart is not in this sheet. Insert it with insertChart first.');
    this._model.charts[i] = state;
  }
  private _chartState(chart: unknown, method: string): ChartState {
    if (!(chart instanceof EmbeddedChartApi)) throw signatureError(method, [chart]);
    return chart._state;
  }
  toString() {
    return 'Sheet';
  }
}

export class ProtectionApi implements ApiObject {
  readonly _gasType = PROTECTION;
  constructor(
    private readonly _sheet: SheetModel,
    private readonly _state: ProtectionState,
  ) {}
  setDescription(description: string) {
    this._state.description = String(description);
    return this;
  }
  getDescription() {
    return this._state.description;
  }
  setWarningOnly(warningOnly: boolean) {
    this._state.warningOnly = Boolean(warningOnly);
    return this;
  }
  isWarningOnly() {
    return this._state.warningOnly;
  }
  getProtectionType() {
    return this._state.type;
  }
  canEdit() {
    return true;
  }
  getEditors() {
    return [];
  }
  remove() {
    this._sheet.protections = this._sheet.protections.filter((p) => p !== this._state);
  }
  toString() {
    return 'Protection';
  }
}

export class RangeApi implements ApiObject {
  readonly _gasType = RANGE;
  constructor(
    private readonly _ctx: SpreadsheetContext,
    private readonly _sheet: SheetModel,
    private readonly _row: number,
    private readonly _col: number,
    private readonly _numRows: number,
    private readonly _numCols: number,
  ) {}
  private get _tz() {
    return this._ctx.workbook.timeZone;
  }

  _ref(): RangeRef {
    return {
      sheetId: this._sheet.sheetId,
      row: this._row,
      column: this._col,
      numRows: this._numRows,
      numColumns: this._numCols,
    };
  }
  private _map<T>(fn: (r: number, c: number) => T): T[][] {
    const out: T[][] = new Array(this._numRows);
    for (let i = 0; i < this._numRows; i++) {
      const line: T[] = new Array(this._numCols);
      for (let j = 0; j < this._numCols; j++) line[j] = fn(this._row + i, this._col + j);
      out[i] = line;
    }
    return out;
  }
  private _each(fn: (r: number, c: number) => void): void {
    for (let i = 0; i < this._numRows; i++)
      for (let j = 0; j < this._numCols; j++) fn(this._row + i, this._col + j);
  }
  private _inGrid(): void {
    if (
      this._row + this._numRows - 1 > this._sheet.maxRows ||
      this._col + this._numCols - 1 > this._sheet.maxColumns
    ) {
      throw new Error(OUTSIDE_SHEET_MESSAGE);
    }
  }
  clearCells(what: { contents: boolean; formats: boolean }): void {
    const lastRow = Math.min(this._row + this._numRows - 1, this._sheet.rows.length);
    for (let r = this._row; r <= lastRow; r++) {
      for (let c = this._col; c < this._col + this._numCols; c++) this._sheet.clearCell(r, c, what);
    }
  }

  getValues() {
    return this._map((r, c) => copyValue(this._sheet.value(r, c)));
  }
  getValue() {
    return copyValue(this._sheet.value(this._row, this._col));
  }
  getDisplayValues() {
    return this._map((r, c) =>
      displayValue(this._sheet.value(r, c), this._sheet.numberFormat(r, c), this._tz),
    );
  }
  getDisplayValue() {
    return this.getDisplayValues()[0][0];
  }
  getFormulas() {
    return this._map((r, c) => this._sheet.formula(r, c));
  }
  getFormula() {
    return this._sheet.formula(this._row, this._col);
  }

  setValues(values: unknown) {
    const data = checkShape(values, this._numRows, this._numCols, 'Range.setValues');
    this._inGrid();
    for (let i = 0; i < this._numRows; i++) {
      const line = data[i];
      for (let j = 0; j < this._numCols; j++)
        this._sheet.write(this._row + i, this._col + j, line[j], this._tz);
    }
    return this;
  }
  setValue(value: unknown) {
    this._inGrid();
    this._each((r, c) => this._sheet.write(r, c, value, this._tz));
    return this;
  }
  setFormula(formula: string) {
    return this.setValue(formula);
  }
  setFormulas(formulas: unknown) {
    return this.setValues(formulas);
  }

  setNumberFormat(numberFormat: string) {
    this._each((r, c) => this._sheet.setNumberFormat(r, c, String(numberFormat)));
    return this;
  }
  setNumberFormats(numberFormats: unknown) {
    const data = checkShape(numberFormats, this._numRows, this._numCols, 'Range.setNumberFormats');
    this._each((r, c) => this._sheet.setNumberFormat(r, c, String(data[r - this._row][c - this._col])));
    return this;
  }
  getNumberFormat() {
    return this._sheet.numberFormat(this._row, this._col) ?? DEFAULT_NUMBER_FORMAT;
  }
  getNumberFormats() {
    return this._map((r, c) => this._sheet.numberFormat(r, c) ?? DEFAULT_NUMBER_FORMAT);
  }

  private _style(patch: CellStyle) {
    this._each((r, c) => this._sheet.updateStyle(r, c, patch));
    return this;
  }
  private _styleOf<K extends keyof CellStyle>(key: K, fallback: string): string {
    return this._sheet.style(this._row, this._col)?.[key] ?? fallback;
  }
  setFontWeight(fontWeight: string | null) {
    return this._style({ fontWeight: fontWeight ?? undefined });
  }
  getFontWeight() {
    return this._styleOf('fontWeight', 'normal');
  }
  setFontColor(color: string | null) {
    return this._style({ fontColor: color ?? undefined });
  }
  getFontColor() {
    return this._styleOf('fontColor', '#000000');
  }
  setBackground(color: string | null) {
    return this._style({ background: color ?? undefined });
  }
  getBackground() {
    return this._styleOf('background', '#ffffff');
  }
  setHorizontalAlignment(alignment: string | null) {
    return this._style({ horizontalAlignment: alignment ?? undefined });
  }
  getHorizontalAlignment() {
    return this._styleOf('horizontalAlignment', 'general');
  }

  setNote(note: string | null) {
    this._each((r, c) => this._sheet.setNote(r, c, note === null ? '' : String(note)));
    return this;
  }
  getNote() {
    return this._sheet.note(this._row, this._col);
  }
  setDataValidation(rule: DataValidationApi | null) {
    if (rule !== null && !(rule instanceof DataValidationApi)) throw new Error('Invalid argument: rule');
    this._each((r, c) => this._sheet.setValidation(r, c, rule === null ? undefined : rule._rule));
    return this;
  }
  getDataValidation() {
    const rule = this._sheet.validation(this._row, this._col);
    return rule ? new DataValidationApi(rule) : null;
  }

  clearContent() {
    this.clearCells({ contents: true, formats: false });
    return this;
  }
  clearFormat() {
    this.clearCells({ contents: false, formats: true });
    return this;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }) {
    this.clearCells({ contents: !options?.formatOnly, formats: !options?.contentsOnly });
    return this;
  }
  isBlank() {
    for (let r = this._row; r < this._row + this._numRows; r++) {
      for (let c = this._col; c < this._col + this._numCols; c++)
        if (this._sheet.hasContent(r, c)) return false;
    }
    return true;
  }

  getRow() {
    return this._row;
  }
  getColumn() {
    return this._col;
  }
  getNumRows() {
    return this._numRows;
  }
  getNumColumns() {
    return this._numCols;
  }
  getHeight() {
    return this._numRows;
  }
  getWidth() {
    return this._numCols;
  }
  getLastRow() {
    return this._row + this._numRows - 1;
  }
  getLastColumn() {
    return this._col + this._numCols - 1;
  }
  getA1Notation() {
    return a1Notation(this._row, this._col, this._numRows, this._numCols);
  }
  getSheet() {
    return new SheetApi(this._ctx, this._sheet);
  }
  getCell(row: number, column: number) {
    if (row < 1 || column < 1 || row > this._numRows || column > this._numCols)
      throw new Error(OUTSIDE_SHEET_MESSAGE);
    return new RangeApi(this._ctx, this._sheet, this._row + row - 1, this._col + column - 1, 1, 1);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number) {
    const sheet = new SheetApi(this._ctx, this._sheet);
    return sheet.getRange(
      this._row + rowOffset,
      this._col + columnOffset,
      numRows ?? this._numRows,
      numColumns ?? this._numCols,
    );
  }
  /** Selects the range (its top-left cell becomes the current cell) and shows its tab, as a click does. */
  activate() {
    this._sheet.currentCell = { row: this._row, col: this._col };
    this._ctx.workbook.activeSheetId = this._sheet.sheetId;
    return this;
  }
  protect() {
    const state: ProtectionState = {
      type: 'RANGE',
      description: '',
      warningOnly: false,
      range: { row: this._row, col: this._col, numRows: this._numRows, numCols: this._numCols },
    };
    this._sheet.protections.push(state);
    return new ProtectionApi(this._sheet, state);
  }
  toString() {
    return 'Range';
  }
}
