/**
 * A Statement-export-like XLSX for the in-browser read benchmark: the rows of the synthetic CSV
 * Statement (so they reconcile to the cent and the parser accepts them), with every one of the 64
 * columns filled as Excel stores them: IDs (18 and 19 digits) and text as shared strings, amounts
 * and weights as numbers, order dates as date cells, and a stale `<dimension ref="A1:G2"/>` as
 * TikTok's writer leaves it.
 */
import { forEachCsvRow } from '../src/core/read/files/csv';
import { writeXlsx, type XlsxCell } from '../test/helpers/xlsx-writer';
import { generateStatementRows, STATEMENT_HEADER_2024 } from './synthetic-export';

export interface StatementWorkbook {
  xlsx: Uint8Array;
  /** Order/adjustment ID of each data row, in order, to check every ID comes back exact. */
  orderIds: string[];
}

const TEXT_COLUMNS = new Set<string>([
  'Statement date (UTC)',
  'Statement ID',
  'Payment ID',
  'Status',
  'Currency',
  'Type',
  'Order/adjustment ID',
  'SKU ID',
  'Product name',
  'SKU name',
  'Adjustment reason',
  'Related order ID',
  'Collection methods',
  'Delivery option',
  'Signature confirmation service fee type',
]);
const DATE_COLUMNS = new Set<string>(['Order created date', 'Order delivery date']);
const WEIGHT_COLUMNS = new Set<string>([
  'Estimated chargeable package weight',
  'Chargeable package weight',
  'FBT Chargeable goods weight',
]);

/** Builds the workbook: a header row plus `rows` data rows of the first `cols` columns (64 at most). */
export function buildStatementWorkbook(opts: {
  rows: number;
  cols: number;
  seed?: number;
}): StatementWorkbook {
  const header = STATEMENT_HEADER_2024.slice(0, opts.cols) as readonly string[];
  const idColumn = STATEMENT_HEADER_2024.indexOf('Order/adjustment ID');
  const rows: XlsxCell[][] = [header.slice()];
  const orderIds: string[] = [];
  let first = true;
  generateStatementRows({ rows: opts.rows, months: 12, seed: opts.seed ?? 7 }, (line) => {
    if (first) {
      first = false; // the CSV header; the workbook's is written above
      return;
    }
    forEachCsvRow(line, (csvCells) => {
      orderIds.push(csvCells[idColumn]);
      const rowNumber = rows.length;
      rows.push(header.map((name, c) => workbookCell(name, csvCells[c] ?? '', rowNumber)));
    });
  });
  return {
    xlsx: writeXlsx([{ name: 'Statement', dimension: 'A1:G2', rows }], { compressionLevel: 6 }),
    orderIds,
  };
}

function workbookCell(name: string, text: string, rowNumber: number): XlsxCell {
  if (DATE_COLUMNS.has(name)) return text === '' ? '/' : { date: text.replace(/\//g, '-') };
  if (TEXT_COLUMNS.has(name)) return text === '' ? '/' : text;
  if (WEIGHT_COLUMNS.has(name)) return 0.25 + (rowNumber % 40) / 8;
  // Amounts: an empty CSV field is a zero amount, as Seller Center's workbooks write it.
  return text === '' ? 0 : Number(text);
}
