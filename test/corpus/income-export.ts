/**
 * A small legacy Income export (the header of test/fixtures/headers), rows that reconcile:
 * subtotal before discounts → after seller discounts → total revenue, a transaction fee and a
 * commission under Total fees. Settled times carry seconds, as Seller Center writes them.
 */
import { readFileSync } from 'node:fs';
import { parseCsv, toCsv } from '../../src/core/read/files/csv';

export const INCOME_HEADER = parseCsv(
  readFileSync(new URL('../fixtures/headers/legacy_income_export_header.csv', import.meta.url), 'utf8'),
)[0];

const money = (cents: number) => (cents < 0 ? '-' : '') + (Math.abs(cents) / 100).toFixed(2);

export interface IncomeRow {
  orderId: string;
  type: string;
  created: string;
  settled: string;
  revenueCents: number;
}

/** Rows for `count` orders from `first`, settled on consecutive days of June 2026 at 16:55:33. */
export function incomeRows(count: number, first = 577000000000000100n): IncomeRow[] {
  return Array.from({ length: count }, (_, i) => ({
    orderId: String(first + BigInt(i)),
    type: 'Order',
    created: `2026/06/${String(1 + (i % 9)).padStart(2, '0')} 09:12:0${i % 10}`,
    settled: `2026/06/${String(10 + (i % 9)).padStart(2, '0')} 16:55:33`,
    revenueCents: 1500 + 137 * i,
  }));
}

/** One row's cells under INCOME_HEADER. */
function cells(row: IncomeRow): string[] {
  const fee = -Math.round(row.revenueCents * 0.03);
  const commission = -Math.round(row.revenueCents * 0.06);
  const values: Record<string, string> = {
    'Order/adjustment ID': row.orderId,
    Type: row.type,
    'Order created time': row.created,
    'Order settled time': row.settled,
    Currency: 'USD',
    'Total settlement amount': money(row.revenueCents + fee + commission),
    'Total revenue': money(row.revenueCents),
    'Subtotal after seller discounts': money(row.revenueCents),
    'Subtotal before discounts': money(row.revenueCents),
    'Total fees': money(fee + commission),
    'Transaction fee': money(fee),
    'TikTok Shop commission fee': money(commission),
  };
  return INCOME_HEADER.map((h) => values[h] ?? '0');
}

export function incomeCsv(rows: readonly IncomeRow[]): string {
  return toCsv([INCOME_HEADER, ...rows.map(cells)]) + '\r\n';
}

/** Settlement of `rows`, cents. */
export function incomeSettlement(rows: readonly IncomeRow[]): number {
  return rows.reduce(
    (n, r) => n + r.revenueCents - Math.round(r.revenueCents * 0.03) - Math.round(r.revenueCents * 0.06),
    0,
  );
}
