/** A small statement sheet for the XLSX reader tests: a header and `count` order rows with 18-digit IDs. */
import type { XlsxCell } from './xlsx-writer';

export const STATEMENT_HEADER = [
  'Type',
  'Order/adjustment ID',
  'SKU ID',
  'Order created date',
  'Total settlement amount',
  'Fees',
  'Note',
];

export function statementRows(count: number): XlsxCell[][] {
  const rows: XlsxCell[][] = [STATEMENT_HEADER];
  for (let i = 1; i <= count; i++) {
    rows.push([
      'Order',
      String(576786105183930000n + BigInt(i)),
      String(1732123456789012000n + BigInt(i)),
      { date: '2024-04-12' },
      i / 100,
      -0.06,
      `row ${i}`,
    ]);
  }
  return rows;
}
