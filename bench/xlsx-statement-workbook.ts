/**
 * A Statement-export-like XLSX for the in-browser read benchmark: every one of the 64 columns
 * filled, IDs (18 and 19 digits) as shared strings, amounts as numbers, order dates as date cells,
 * and a stale `<dimension ref="A1:G2"/>` as TikTok's writer leaves it.
 */
import { writeXlsx, type XlsxCell } from '../test/helpers/xlsx-writer';
import { seededRandom, STATEMENT_HEADER_2024 } from './synthetic-export';

/** The order ID of data row `row` (1-based), so a reader can check every ID came back exact. */
export function benchOrderId(row: number): string {
  return `577${String(row).padStart(15, '0')}`;
}

const TEXT_COLUMNS: Record<string, (row: number, random: () => number) => string> = {
  'Statement date (UTC)': (row) => `2026/0${1 + (row % 6)}/${String(1 + (row % 28)).padStart(2, '0')}`,
  'Statement ID': (row) => `7320260${String(101 + (row % 180)).padStart(3, '0')}00000042`,
  'Payment ID': (row) => `P320260${String(101 + (row % 180)).padStart(3, '0')}00000042`,
  Status: () => 'Paid',
  Currency: () => 'USD',
  Type: (_row, random) => (random() < 0.97 ? 'Order' : 'Chargeback'),
  'Order/adjustment ID': (row) => benchOrderId(row),
  'SKU ID': (row) => `17324401583936${String(35_811 + (row % 40)).padStart(5, '0')}`,
  'Product name': (row) => ['Hydrating Face Serum, 30 ml', 'LED Desk Lamp "Aurora"', 'Silicone Baking Mat Set', 'Yoga Leggings – High Waist'][row % 4],
  'SKU name': (row) => `Variant ${1 + (row % 4)}`,
  'Adjustment reason': () => '/',
  'Related order ID': () => '/',
  'Collection methods': () => 'Standard',
  'Delivery option': () => 'Standard shipping',
  'Signature confirmation service fee type': () => '/',
};

const DATE_COLUMNS = new Set(['Order created date', 'Order delivery date']);

/** Builds the workbook: a header row plus `rows` data rows of `cols` columns (64 at most). */
export function buildStatementWorkbook(opts: { rows: number; cols: number; seed?: number }): Uint8Array {
  const random = seededRandom(opts.seed ?? 7);
  const header = Array.from({ length: opts.cols }, (_, c) => STATEMENT_HEADER_2024[c] ?? `Extra column ${c + 1}`);
  const rows: XlsxCell[][] = [header];
  for (let r = 1; r <= opts.rows; r++) {
    const cells: XlsxCell[] = new Array(opts.cols);
    for (let c = 0; c < opts.cols; c++) {
      const name = header[c];
      const text = TEXT_COLUMNS[name];
      if (text !== undefined) cells[c] = text(r, random);
      else if (DATE_COLUMNS.has(name)) cells[c] = { date: `2026-0${1 + (r % 6)}-${String(1 + (r % 28)).padStart(2, '0')}` };
      else cells[c] = Math.round((random() - 0.5) * 20_000) / 100;
    }
    rows.push(cells);
  }
  return writeXlsx([{ name: 'Statement', dimension: 'A1:G2', rows }], { compressionLevel: 6 });
}
