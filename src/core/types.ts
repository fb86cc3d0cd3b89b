/**
 * The shapes every part of TTS Profit agrees on: what a parsed export looks like, what a ledger
 * row holds, what a rejected row says. Types (and the list of layout ids), shared by core, server
 * and sidebar.
 */

/** A cell as a sheet (custom-function argument) or a file reader hands it over. */
export type CellValue = string | number | boolean | Date | null | undefined;

/**
 * Export layouts the core recognises from their header row: the one list of layout ids. `LayoutId`,
 * the layout table (read/layouts.ts, which must describe each), the ledger reader and the import
 * handlers' schema derive from it.
 */
export const LAYOUT_IDS = [
  'statement', // US Statement export (Finance → Statements), 2024 CSV and 2025–26 XLSX
  'income', // legacy "Income" export
  'onhold', // On hold / unsettled export (estimates)
  'pnl-orders', // merchant_statement_profit_loss, Orders sheet
  'pnl-adjustments', // merchant_statement_profit_loss, Adjustment sheet
  'order-export', // Seller Center order export (OrderSKUList)
  'ledger', // the add-on's own TTS Ledger tab
] as const;

export type LayoutId = (typeof LAYOUT_IDS)[number];

/** Where a value came from: file name, sheet (XLSX) and 1-based row number as the seller sees it. */
export interface SourceRef {
  file: string;
  sheet?: string;
  row: number;
}

/** A row (or a whole file) that could not be read, in words a seller can act on. */
export interface Problem extends SourceRef {
  /** The column header as written in the file, when the problem is in one cell. */
  column?: string;
  message: string;
}

/** One normalized source row. Money is integer cents; IDs are text; dates are ISO text. */
export interface LedgerRow {
  /** Stable identity: (statement ID, order/adjustment ID, SKU ID, type) or the layout's nearest equivalent. */
  key: string;
  layout: LayoutId;
  /** `Order`, or the adjustment's name (`Chargeback`, `Logistics reimbursement`, …). */
  type: string;
  statementId: string;
  /** Order/adjustment ID (18 digits for orders), always text. */
  orderId: string;
  relatedOrderId: string;
  skuId: string;
  sellerSku: string;
  productName: string;
  skuName: string;
  quantity: number;
  /** Order creation date, `YYYY-MM-DD` (or `YYYY-MM-DDTHH:mm:ssZ` when the file has a time), or ''. */
  orderDate: string;
  /** Statement / settlement date in the same form, or ''. */
  statementDate: string;
  currency: string;
  /** Catalog column id → signed cents, as TikTok signs them (costs −, inflows +). Zero cells omitted. */
  amounts: Record<string, number>;
  /** Columns the catalog does not know: header as written → raw cell text. Kept, never dropped. */
  unknown: Record<string, string>;
  source: SourceRef;
  /** Known text columns worth keeping (adjustment reason, unsettled reasons, payout ID…): catalog id → text. */
  details?: Record<string, string>;
  /** The import that wrote the row, when read back from the TTS Ledger tab. */
  importId?: string;
}

export interface ReconcileMismatch {
  source: SourceRef;
  orderId: string;
  type: string;
  /** The row's own Total settlement amount, cents. */
  settlement: number;
  /** Signed sum of its leaf components, cents. */
  sumOfParts: number;
  /** settlement − sumOfParts, cents. */
  difference: number;
}

export interface ReconcileResult {
  rowsChecked: number;
  mismatches: ReconcileMismatch[];
  /** Statement-level checks (e.g. the XLSX *Reports* sheet totals against the sum of rows). */
  totalChecks: { label: string; expected: number; actual: number; difference: number }[];
  /** Money-looking columns the catalog does not know: they may hold amounts we cannot place. */
  unclassifiedColumns: string[];
  ok: boolean;
  /** Rows where a subtotal (Fees, Shipping, Net sales…) differs from the sum of its columns. */
  subtotalMismatches?: SubtotalMismatch[];
}

export interface SubtotalMismatch {
  source: SourceRef;
  orderId: string;
  type: string;
  /** The subtotal's label, e.g. `Fees`. */
  column: string;
  /** The subtotal as written, cents. */
  subtotal: number;
  /** Sum of its component columns, cents. */
  sumOfParts: number;
  difference: number;
}

export interface ParsedExport {
  fileName: string;
  layout: LayoutId;
  /** Human name of the layout, e.g. "US Statement export (2024 CSV)". */
  layoutLabel: string;
  sheet?: string;
  /** 1-based row number of the header in the file/sheet. */
  headerRow: number;
  rows: LedgerRow[];
  rejects: Problem[];
  /** Headers not in the catalog, as written. */
  unknownColumns: string[];
  /** Keys that appear more than once inside this one file (exact duplicate rows). */
  duplicateKeys: string[];
  reconciliation: ReconcileResult;
  /** First and last date (order date, else statement date), ISO `YYYY-MM-DD`, or '' when none. */
  period: { first: string; last: string };
  totals: { settlement: number; netSales: number; fees: number; grossSales: number };
  /** Time zone taken from the file name, e.g. `UTC-7`, when present. */
  timeZone?: string;
}

/** A whole file that could not be read: one clear message naming what was expected and found. */
export interface FileError {
  fileName: string;
  message: string;
}
