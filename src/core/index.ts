/** Public API of the profit core: parsing, the column catalog, money, reconciliation and P&L. */
export * from './types';
export { parseCents, parseCentsOrNaN, moneyProblem, formatCents, centsToDollars, sumCents, MoneyParseError } from './money';
export {
  COLUMNS,
  lookupColumn,
  columnById,
  findColumnById,
  closestColumns,
  headerKey,
  isComponent,
  ancestorsOf,
  type ColumnDef,
  type ColumnKind,
  type PnlLine,
  type FeeCategory,
  type RowField,
} from './catalog';
export { LAYOUTS, detectLayout, layoutLabel, layoutSpec, HEADER_SCAN_ROWS, type LayoutSpec, type DetectResult } from './layouts';
export { parseDate, parseDateOrNull, dateProblem, timeZoneFromFileName, isoOffset, DateParseError } from './dates';
export { createNormalizer, normalizeType, MAX_PROBLEMS, type Normalizer, type NormalizerOptions } from './normalize';
export { amountsOf, sourceOf, type RowView, type RowFields } from './row-view';
export {
  reconcile,
  reconcilePlan,
  createReconciler,
  reconcileReports,
  orderColumnSums,
  presentAmountIds,
  withTotalChecks,
  type Reconciler,
  type ReconcilePlan,
} from './reconcile';
export {
  PnlAccumulator,
  PnlGroupings,
  aggregatePnl,
  addRowLines,
  rowPnl,
  totalPnl,
  emptyLines,
  addViewLines,
  rowMonth,
  rowDate,
  salesAmount,
  dailySales,
  monthlySales,
  feeTable,
  feeTotal,
  settlementTotal,
  unitsSold,
  buildCogsTable,
  unitCostOn,
  netProfit,
  TOTAL_FEES_LABEL,
  NO_SKU,
  type PnlLines,
  type PnlGroup,
  type PnlGroupBy,
  type CogsTable,
  type CogsEntry,
  type NetProfit,
} from './pnl';
export { parseExportFile, parseSheetRows, ExportFormatError, type ParseOptions, type ParseFileResult } from './parse-export';
export { LEDGER_TAB, LEDGER_FIXED_HEADER, ledgerHeader, ledgerRowToCells, amountIdsOf, unknownColumnsOf } from './ledger-format';
