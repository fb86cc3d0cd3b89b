/**
 * What *Help* tells a seller, written once: the Help dialog (src/server/menu.ts), the sidebar's
 * help section and the tests that hold README.md and docs/support.md to the same facts all read it.
 */

export interface ExportGuide {
  /** The export's name as the seller knows it. */
  name: string;
  /** Where it lives in Seller Center (or Ads Manager). */
  where: string;
  /** What TTS Profit takes from it. */
  gives: string;
}

export const EXPORT_GUIDE: readonly ExportGuide[] = [
  {
    name: 'Statements',
    where: 'Seller Center → Finance → Statements → open a statement → Export (CSV, or XLSX since 2025).',
    gives:
      'Every settled order line and adjustment with each fee, shipping line and the settlement paid. The main file: import every statement.',
  },
  {
    name: 'On hold',
    where: 'Seller Center → Finance → On hold (unsettled orders) → Export.',
    gives:
      'Orders not paid out yet, with their estimated settlement. Counted as estimates until the statement that settles them arrives.',
  },
  {
    name: 'Income',
    where: 'Seller Center → Finance → Income → Export (the older layout, until 2024).',
    gives: 'Settled orders and adjustments of past years, for history before your first statement export.',
  },
  {
    name: 'P&L report',
    where: 'Seller Center → Finance → the profit and loss report (merchant_statement_profit_loss, XLSX).',
    gives: 'Order income and cost lines per order, with sample orders marked, and the adjustments sheet.',
  },
  {
    name: 'Order export',
    where: 'Seller Center → Orders → Manage orders → Export (OrderSKUList CSV).',
    gives: 'Orders and SKUs as sold, before settlement: quantities, seller SKUs and product names.',
  },
  {
    name: 'Ad reports',
    where:
      'TikTok Ads Manager → Reporting → Custom reports (CSV or XLSX); GMV Max campaigns have their own report.',
    gives: 'Ad spend by day and campaign, for net profit after ads.',
  },
];

/** How to open a CSV in Sheets without losing the last digits of 18- and 19-digit IDs. */
export const IDS_AS_TEXT_STEPS: readonly string[] = [
  'Best: import the file in the TTS Profit sidebar. It reads the file itself and writes every ID as text.',
  'To open a CSV in a tab yourself: File → Import → Upload, and untick ' +
    '"Convert text to numbers, dates, and formulas" before Import data. IDs stay text.',
  'If a tab already shows an ID as 5.77E+17, its last digits are gone: import the file again that way; retyping the cell cannot bring them back.',
];

/** Sheets never finishes a custom function given a volatile argument. */
export const VOLATILE_ARGUMENTS_RULE =
  'Do not pass NOW(), TODAY() or RAND() (or a cell that uses them) to a ' +
  'TTS_ function: Sheets leaves such a cell "Loading…" forever. Leave ' +
  'as_of empty to use the latest order date, or type a date.';

/** Where the functions come from in a copy of the spreadsheet. */
export const FUNCTIONS_NOT_FOUND =
  'If a TTS_ formula shows #NAME?, open Extensions → TTS Profit once in this spreadsheet, then enter the formula again.';

/** What the functions do with rows of the TTS Ledger tab that the seller typed (no Key). */
export const KEYLESS_ROWS_RULE =
  'On the TTS Ledger tab, rows without a Key (totals or notes you typed) are not imported rows ' +
  'and are never counted. Functions that return a table end with a line saying how many were ' +
  'skipped; TTS_SETTLEMENT, TTS_SALES, TTS_FEE and TTS_NET_PROFIT return one number and cannot: ' +
  'TTS_RECONCILE on the same range lists those rows, and Refresh dashboard counts them.';
