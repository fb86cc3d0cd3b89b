/** The in-memory Apps Script runtime: one implementation for every test and the playground. */
export {
  Workbook,
  SheetModel,
  CELL_LIMIT,
  CELL_LIMIT_MESSAGE,
  OUTSIDE_SHEET_MESSAGE,
  NEW_SHEET_ROWS,
  NEW_SHEET_COLUMNS,
} from './workbook';
export type { FormulaCell, WorkbookOptions, CellStyle, ChartState } from './workbook';
export { CallLog, GAS_FAILURES } from './call-log';
export { type CellValue, DEFAULT_NUMBER_FORMAT, PLAIN_TEXT_FORMAT, isDate, writeCell } from './cell-values';
export { displayValue, formatJavaDate, generalNumber } from './number-format';
export { ChartType, chartSpec, allChartSpecs, type ChartSpec } from './charts';
export {
  AuthMode,
  type AuthModeName,
  Button,
  ButtonSet,
  createServices,
  LOCK_TIMEOUT_MESSAGE,
  LockControl,
  type LockKind,
  type MenuRecord,
  type MenuEntry,
  parseCsv,
  formatString,
  type Services,
  type ServicesOptions,
  type UiRecord,
  type HtmlOutputState,
} from './services';
export { Exposer, notImplemented } from './strict';
export { saveWorkbook, loadWorkbook, workbookToJson, workbookFromJson, type WorkbookJson } from './persist';
export { workbookSnapshot, type SheetSnapshot } from './snapshot';
export {
  DEFAULT_BUNDLE,
  type GasRuntime,
  type LoadOptions,
  jsonRoundTrip,
  loadBundleInVm,
  loadBundleWithGasLocal,
} from './sandbox';
export * as sellerEdits from './seller-edits';
