/**
 * Embedded charts: `sheet.newChart()` builders, the charts they build, and a JSON-safe spec of
 * each chart (type, options, position, ranges with their current values) that the playground
 * renders and tests assert on.
 */
import { a1Notation, quoteSheetName } from './a1';
import { type CellValue, isDate } from './cell-values';
import { displayValue } from './number-format';
import type { ApiObject, ApiType } from './strict';
import type { ChartState, RangeRef, SheetModel, Workbook } from './workbook';

export const ChartType = Object.freeze({
  AREA: 'AREA',
  BAR: 'BAR',
  BUBBLE: 'BUBBLE',
  CANDLESTICK: 'CANDLESTICK',
  COLUMN: 'COLUMN',
  COMBO: 'COMBO',
  GAUGE: 'GAUGE',
  GEO: 'GEO',
  HISTOGRAM: 'HISTOGRAM',
  RADAR: 'RADAR',
  LINE: 'LINE',
  ORG: 'ORG',
  PIE: 'PIE',
  SCATTER: 'SCATTER',
  SPARKLINE: 'SPARKLINE',
  STEPPED_AREA: 'STEPPED_AREA',
  TABLE: 'TABLE',
  TIMELINE: 'TIMELINE',
  TREEMAP: 'TREEMAP',
  WATERFALL: 'WATERFALL',
});
export const ChartMergeStrategy = Object.freeze({ MERGE_COLUMNS: 'MERGE_COLUMNS', MERGE_ROWS: 'MERGE_ROWS' });
export const ChartHiddenDimensionStrategy = Object.freeze({
  IGNORE_BOTH: 'IGNORE_BOTH',
  IGNORE_ROWS: 'IGNORE_ROWS',
  IGNORE_COLUMNS: 'IGNORE_COLUMNS',
  SHOW_BOTH: 'SHOW_BOTH',
});

/** What charts need from the spreadsheet API: ranges in and out. */
export interface ChartHost {
  workbook: Workbook;
  rangeApi(ref: RangeRef): object;
  refOf(range: unknown): RangeRef;
}

export function newChartState(): ChartState {
  return {
    chartId: null,
    type: ChartType.COLUMN,
    ranges: [],
    options: {},
    position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    numHeaders: -1,
    mergeStrategy: ChartMergeStrategy.MERGE_COLUMNS,
    transpose: false,
    hiddenDimensionStrategy: ChartHiddenDimensionStrategy.IGNORE_BOTH,
  };
}

function cloneState(s: ChartState): ChartState {
  return {
    ...s,
    ranges: s.ranges.map((r) => ({ ...r })),
    options: structuredClone(s.options),
    position: { ...s.position },
  };
}

const BUILDER: ApiType = { service: 'Charts', name: 'EmbeddedChartBuilder' };
const CHART: ApiType = { service: 'SpreadsheetApp', name: 'EmbeddedChart' };
const OPTIONS: ApiType = { service: 'Charts', name: 'ChartOptions' };
const CONTAINER: ApiType = { service: 'Charts', name: 'ContainerInfo' };

export class EmbeddedChartBuilderApi implements ApiObject {
  readonly _gasType = BUILDER;
  constructor(
    private readonly _host: ChartHost,
    private readonly _state: ChartState,
  ) {}

  private _as(type: string): this {
    this._state.type = type;
    return this;
  }
  asAreaChart() {
    return this._as(ChartType.AREA);
  }
  asBarChart() {
    return this._as(ChartType.BAR);
  }
  asColumnChart() {
    return this._as(ChartType.COLUMN);
  }
  asComboChart() {
    return this._as(ChartType.COMBO);
  }
  asHistogramChart() {
    return this._as(ChartType.HISTOGRAM);
  }
  asLineChart() {
    return this._as(ChartType.LINE);
  }
  asPieChart() {
    return this._as(ChartType.PIE);
  }
  asScatterChart() {
    return this._as(ChartType.SCATTER);
  }
  asSteppedAreaChart() {
    return this._as(ChartType.STEPPED_AREA);
  }
  asTableChart() {
    return this._as(ChartType.TABLE);
  }
  setChartType(type: string) {
    if (!Object.values(ChartType).includes(type as never))
      throw new Error(`Invalid argument: type (${String(type)})`);
    return this._as(type);
  }
  getChartType() {
    return this._state.type;
  }
  addRange(range: unknown) {
    this._state.ranges.push(this._host.refOf(range));
    return this;
  }
  removeRange(range: unknown) {
    const ref = this._host.refOf(range);
    this._state.ranges = this._state.ranges.filter((r) => JSON.stringify(r) !== JSON.stringify(ref));
    return this;
  }
  clearRanges() {
    this._state.ranges = [];
    return this;
  }
  getRanges() {
    return this._state.ranges.map((r) => this._host.rangeApi(r));
  }
  setOption(option: string, value: unknown) {
    this._state.options[option] = value === undefined ? undefined : structuredClone(value);
    return this;
  }
  setPosition(anchorRow: number, anchorColumn: number, offsetX: number, offsetY: number) {
    this._state.position = { row: anchorRow, column: anchorColumn, offsetX, offsetY };
    return this;
  }
  setNumHeaders(headers: number) {
    this._state.numHeaders = headers;
    return this;
  }
  setMergeStrategy(strategy: string) {
    this._state.mergeStrategy = strategy;
    return this;
  }
  setTransposeRowsAndColumns(transpose: boolean) {
    this._state.transpose = transpose;
    return this;
  }
  setHiddenDimensionStrategy(strategy: string) {
    this._state.hiddenDimensionStrategy = strategy;
    return this;
  }
  // The typed builders' shortcuts all land in Gviz options, as Sheets stores them.
  setTitle(title: string) {
    return this.setOption('title', title);
  }
  setColors(colors: string[]) {
    return this.setOption('colors', colors);
  }
  setStacked() {
    return this.setOption('isStacked', true);
  }
  setLegendPosition(position: string) {
    return this.setOption('legend.position', String(position).toLowerCase());
  }
  setXAxisTitle(title: string) {
    return this.setOption('hAxis.title', title);
  }
  setYAxisTitle(title: string) {
    return this.setOption('vAxis.title', title);
  }
  setRange(start: number, end: number) {
    this.setOption('vAxis.viewWindow.min', start);
    return this.setOption('vAxis.viewWindow.max', end);
  }
  setDimensions(width: number, height: number) {
    this.setOption('width', width);
    return this.setOption('height', height);
  }
  build() {
    return new EmbeddedChartApi(this._host, cloneState(this._state));
  }
  toString() {
    return 'EmbeddedChartBuilder';
  }
}

export class ChartOptionsApi implements ApiObject {
  readonly _gasType = OPTIONS;
  constructor(private readonly _options: Record<string, unknown>) {}
  get(option: string) {
    const v = this._options[option];
    return v === undefined ? null : structuredClone(v);
  }
  getOrDefault(option: string) {
    return this.get(option);
  }
  toString() {
    return 'ChartOptions';
  }
}

export class ContainerInfoApi implements ApiObject {
  readonly _gasType = CONTAINER;
  constructor(private readonly _pos: ChartState['position']) {}
  getAnchorRow() {
    return this._pos.row;
  }
  getAnchorColumn() {
    return this._pos.column;
  }
  getOffsetX() {
    return this._pos.offsetX;
  }
  getOffsetY() {
    return this._pos.offsetY;
  }
  toString() {
    return 'ContainerInfo';
  }
}

export class EmbeddedChartApi implements ApiObject {
  readonly _gasType = CHART;
  constructor(
    private readonly _host: ChartHost,
    readonly _state: ChartState,
  ) {}
  getChartId() {
    return this._state.chartId;
  }
  getId() {
    return this._state.chartId === null ? null : `u${this._state.chartId}`;
  }
  getOptions() {
    return new ChartOptionsApi(this._state.options);
  }
  getRanges() {
    return this._state.ranges.map((r) => this._host.rangeApi(r));
  }
  getContainerInfo() {
    return new ContainerInfoApi(this._state.position);
  }
  getNumHeaders() {
    return this._state.numHeaders;
  }
  getMergeStrategy() {
    return this._state.mergeStrategy;
  }
  getTransposeRowsAndColumns() {
    return this._state.transpose;
  }
  getHiddenDimensionStrategy() {
    return this._state.hiddenDimensionStrategy;
  }
  isInitialized() {
    return true;
  }
  modify() {
    return new EmbeddedChartBuilderApi(this._host, cloneState(this._state));
  }
  toString() {
    return 'EmbeddedChart';
  }
}

/** Everything needed to draw one chart, JSON-safe (dates become ISO text). */
export interface ChartSpec {
  chartId: number | null;
  sheet: string;
  type: string;
  options: Record<string, unknown>;
  position: ChartState['position'];
  numHeaders: number;
  mergeStrategy: string;
  transpose: boolean;
  ranges: { a1: string; values: (string | number | boolean)[][]; displayValues: string[][] }[];
}

function jsonSafe(v: CellValue): string | number | boolean {
  return isDate(v) ? v.toISOString() : v;
}

export function chartSpec(workbook: Workbook, sheet: SheetModel, chart: ChartState): ChartSpec {
  return {
    chartId: chart.chartId,
    sheet: sheet.name,
    type: chart.type,
    options: structuredClone(chart.options),
    position: { ...chart.position },
    numHeaders: chart.numHeaders,
    mergeStrategy: chart.mergeStrategy,
    transpose: chart.transpose,
    ranges: chart.ranges.map((ref) => {
      const source = workbook.sheetById(ref.sheetId);
      const values: (string | number | boolean)[][] = [];
      const displayValues: string[][] = [];
      for (let r = 0; r < ref.numRows; r++) {
        const line: (string | number | boolean)[] = [];
        const shown: string[] = [];
        for (let c = 0; c < ref.numColumns; c++) {
          const v = source ? source.value(ref.row + r, ref.column + c) : '';
          line.push(jsonSafe(v));
          shown.push(
            source
              ? displayValue(v, source.numberFormat(ref.row + r, ref.column + c), workbook.timeZone)
              : '',
          );
        }
        values.push(line);
        displayValues.push(shown);
      }
      const a1 = `${quoteSheetName(source?.name ?? '#REF')}!${a1Notation(ref.row, ref.column, ref.numRows, ref.numColumns)}`;
      return { a1, values, displayValues };
    }),
  };
}

/** Specs of every chart in the workbook, sheet by sheet. */
export function allChartSpecs(workbook: Workbook): ChartSpec[] {
  return workbook.sheets.flatMap((s) => s.charts.map((c) => chartSpec(workbook, s, c)));
}
