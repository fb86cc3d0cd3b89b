/**
 * Cells as a seller's files hold them after Excel or another tool saved them (the outside test's
 * findings 5, 7, 11 and 13): amounts as Excel writes doubles (17 digits, under 0.1 in exponent
 * form), IDs kept as text by `="…"`, a row cut in two by a line break in an unquoted cell, and
 * times on a 12-hour clock. Built from the corpus's base statement and order export.
 */
import { BASE_ROWS, columnIndex } from './generate';
import { orderExportCsv } from './order-export';
import { writeXlsx, type XlsxCell } from '../helpers/xlsx-writer';

/** A $1.33 sale whose fees are under $0.10: −$0.08 referral fee, −$0.05 affiliate commission, $1.20 settled. */
export const SMALL_SALE_CENTS = 120;

/** The base rows and, last, the small sale (a copy of the second row with its own order ID and amounts). */
export function withSmallSale(): string[][] {
  const row = BASE_ROWS[2].slice();
  const set = (name: string, text: string) => (row[columnIndex(name)] = text);
  set('Order/adjustment ID', '577000000000000099');
  set('Quantity', '1');
  for (const [name, text] of Object.entries({
    'Total settlement amount': '1.20',
    'Net sales': '1.33',
    'Gross sales': '1.33',
    Shipping: '0.00',
    'TikTok Shop shipping fee': '0.00',
    Fees: '-0.13',
    'Referral fee': '-0.08',
    'Affiliate commission': '-0.05',
    'Customer payment': '1.44',
    'Sales tax payment': '-0.11',
  }))
    set(name, text);
  return [...BASE_ROWS, row];
}

/** A number as Excel writes it into a workbook: 17 significant digits, in exponent form under 0.1. */
export function excelNumber(n: number): string {
  if (n === 0) return '0';
  if (Math.abs(n) < 0.1) {
    const [mantissa, exponent] = n.toExponential(16).split('e');
    return `${mantissa.replace(/\.?0+$/, '')}E${exponent}`;
  }
  return n.toPrecision(17).replace(/\.?0+$/, '');
}

const AMOUNT = /^-?\d+\.\d\d$/;

/** The statement with its small sale as an Excel-saved workbook: every amount a number cell as Excel writes it. */
export function excelDoublesXlsx(): Uint8Array {
  const cells = withSmallSale().map((row, r): XlsxCell[] =>
    row.map((text) => (r > 0 && AMOUNT.test(text) ? { number: excelNumber(Number(text)) } : text)),
  );
  return writeXlsx([{ name: 'Statement', rows: cells }]);
}

const ID_COLUMNS = ['Statement ID', 'Order/adjustment ID', 'SKU ID'].map(columnIndex);

/** The base statement with every ID written `="…"`, as tools write CSV for Excel to keep long IDs as text. */
export function idsAsFormulaText(): string[][] {
  return BASE_ROWS.map((row, r) =>
    r === 0 ? row : row.map((t, c) => (ID_COLUMNS.includes(c) ? `="${t}"` : t)),
  );
}

/** CSV text of the base statement whose first data row has a line break in its unquoted product name. */
export function rowCutInTwo(csvText: string): string {
  const name = BASE_ROWS[1][columnIndex('Product name')];
  const cut = name.replace(' ', '\n');
  if (cut === name || csvText.indexOf(name) < 0) throw new Error('the product name has no space to cut at');
  return csvText.replace(name, cut);
}

/** The base statement as Excel saves a CSV past its 16th row: a row's empty cells at its end left out. */
export function rowsEndingEarly(): string[][] {
  return BASE_ROWS.map((row) => {
    let end = row.length;
    while (end > 1 && row[end - 1] === '') end--;
    return row.slice(0, end);
  });
}

/** Times of day of the order export's lines, on a 24-hour clock: night, midnight, noon, morning. */
export const AM_PM_TIMES = ['22:11:12', '00:30:00', '12:05:00', '09:45:00', '23:59:59'];

/** The order export with its Created Times at AM_PM_TIMES, written on a 12-hour clock (`10:11:12 PM`). */
export function ordersAmPm(): string {
  return orderExportCsv((line, i) => {
    const [hour, minutes, seconds] = AM_PM_TIMES[i].split(':').map(Number);
    const clock = [hour % 12 || 12, minutes, seconds].map((n) => String(n).padStart(2, '0')).join(':');
    return `${line.created.slice(0, 10)} ${clock} ${hour < 12 ? 'AM' : 'PM'}`;
  });
}
