/**
 * The shapes every part of TTS Profit agrees on: what a parsed export looks like, what a ledger
 * row holds, what a rejected row says. Types (and the list of layout ids), shared by core, server
 * and sidebar.
 */

import type { ParsedAds } from './read/ad-rows';

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
  'ads-manager', // TikTok Ads Manager custom report (rows go to the TTS Ads tab)
  'gmv-max', // GMV Max report (rows go to the TTS Ads tab)
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
  /** The file's *Sample order type* (`free sample from seller`, `paid sample`…), when it has the column. */
  sampleType?: string;
  /** Catalog column id → signed cents, as TikTok signs them (costs −, inflows +). Zero cells omitted. */
  amounts: Record<string, number>;
  /** Columns the catalog does not know: header as written → raw cell text. Kept, never dropped. */
  unknown: Record<string, string>;
  source: SourceRef;
  /** Known text columns worth keeping (adjustment reason, unsettled reasons, payout ID…): catalog id → text. */
  details?: Record<string, string>;
  /** The import that wrote the row, when read back from the TTS Ledger tab. */
  importId?: string;
  /** A totals label the seller typed where a date belongs (a file's totals row, never imported). */
  totalsLabel?: { column: string; text: string };
}

export interface ReconcileMismatch {
  source: SourceRef;
  /** Row within the range or file read (on the TTS Ledger tab the tab's row; `source` is the imported file's). */
  row?: number;
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
  /** Problems of the rejected rows: the first 1,000 (a row may have several). */
  rejects: Problem[];
  /** Rows rejected, every one of them, however many problems `rejects` could keep. */
  rejectedRows: number;
  /** Headers not in the catalog, as written. */
  unknownColumns: string[];
  reconciliation: ReconcileResult;
  /** First and last date (order date, else statement date), ISO `YYYY-MM-DD`, or '' when none. */
  period: { first: string; last: string };
  totals: { settlement: number; netSales: number; fees: number; grossSales: number };
  /** Time zone taken from the file name, e.g. `UTC-7`, when present. */
  timeZone?: string;
  /** An ad report's rows (layouts `ads-manager` and `gmv-max`; `rows` is then empty). */
  ads?: ParsedAds;
  /** ID columns a spreadsheet rounded (see read/rounded-ids.ts); absent when every ID is whole. */
  roundedIds?: RoundedIds;
  /**
   * Amount columns the catalog does not know, found under a parent (see read/unrecognised-money.ts):
   * their sum is the amount column `line`.
   */
  unrecognisedMoney?: { parent: string; line: string; columns: string[] }[];
  /** An order export's orders, units and sales (it has no settlement and no fees). */
  orderExport?: OrderExportSummary;
  /**
   * What the reader decided about the file that the seller should check, one sentence each: rows
   * read as Windows-1252 in a UTF-8 file, the order assumed for dates that read either way.
   */
  readNotes?: string[];
  /** A text file whose last record has no line break after it: kept only if that row reconciles. */
  endsWithoutLineBreak?: boolean;
  /** What preparing the rows for the ledger set aside (core/ledger/ready-to-import.ts). */
  prepared?: {
    /** Rows identical in every cell to an earlier row of the file: written once. */
    repeatsWrittenOnce: number;
    /** Each of them: its row in the file, the row it repeats, the settlement it held. */
    repeats: RepeatedRow[];
    /** Rows sharing a key with an earlier row but differing: both kept. */
    sameKeyDiffering: number;
    /** One line per totals row found (never imported). */
    totalsRows: string[];
  };
}

/** A row of a file identical in every cell to an earlier one (`first`), written once; `cents`: its settlement. */
export interface RepeatedRow {
  row: number;
  first: number;
  cents: number;
}

/** What an order export holds, for its preview: it has no settlement and no fees. */
export interface OrderExportSummary {
  orders: number;
  /** SKU lines read. */
  lines: number;
  units: number;
  unitsReturned: number;
  /** Cents: SKU subtotals before discount, seller discounts (negative), net sales after refunds. */
  grossSales: number;
  sellerDiscounts: number;
  netSales: number;
  /** Orders cancelled or never paid; orders (not cancelled) with a refund or a returned unit. */
  cancelledOrders: number;
  refundedOrders: number;
  /** Net sales by the month of the order's creation date (`YYYY-MM`), oldest first. */
  netSalesByMonth: { month: string; cents: number }[];
}

/** ID columns whose IDs lost digits, each with an example and its row. */
export interface RoundedIds {
  fields: {
    field: 'orderId' | 'skuId' | 'statementId' | 'relatedOrderId';
    column: string;
    example: string;
    row: number;
  }[];
}

/** A whole file that could not be read: one clear message naming what was expected and found. */
export interface FileError {
  fileName: string;
  message: string;
}
