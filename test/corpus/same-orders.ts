/**
 * The corpus base statement's order lines as other files describe them: the On-hold export
 * (estimates, before they settle) and the profit-and-loss report's Orders sheet. Each row
 * reconciles on its own: estimated settlement = net sales + referral fee.
 */
import { readFileSync } from 'node:fs';
import { parseCsv, toCsv } from '../../src/core/read/files/csv';
import { BASE_ROWS, columnIndex } from './generate';

const header = (name: string) =>
  parseCsv(readFileSync(new URL(`../fixtures/headers/${name}`, import.meta.url), 'utf8'));
const money = (cents: number) => (cents < 0 ? '-' : '') + (Math.abs(cents) / 100).toFixed(2);

export interface OrderLine {
  orderId: string;
  skuId: string;
  statementId: string;
  grossCents: number;
}

/** Distinct order lines of the base statement, first seen first. */
export function baseLines(): OrderLine[] {
  const seen = new Set<string>();
  const out: OrderLine[] = [];
  for (const r of BASE_ROWS.slice(1)) {
    const line = {
      orderId: r[columnIndex('Order/adjustment ID')],
      skuId: r[columnIndex('SKU ID')],
      statementId: r[columnIndex('Statement ID')],
      grossCents: 0,
    };
    const id = `${line.orderId}|${line.skuId}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ ...line, grossCents: 2000 + 113 * out.length });
  }
  return out;
}

/** Lines the statement does not hold (orders still on hold). */
export function pendingLines(count: number): OrderLine[] {
  return Array.from({ length: count }, (_, i) => ({
    orderId: `57700000000009${String(i).padStart(4, '0')}`,
    skuId: '1732440158393699999',
    statementId: '',
    grossCents: 3100 + 7 * i,
  }));
}

const referral = (line: OrderLine) => -Math.round(line.grossCents * 0.06);

/** Estimated settlement of On-hold rows for `lines`, cents. */
export function estimateCents(lines: readonly OrderLine[]): number {
  return lines.reduce((n, l) => n + l.grossCents + referral(l), 0);
}

/** An On-hold export (banner rows, then the header) with one Order row per line. */
export function onHoldCsv(lines: readonly OrderLine[], downloaded?: string): string {
  const rows = header('us_unsettled_export_fixture.csv')
    .filter((r) => r.some((c) => c !== ''))
    .map((r) => (downloaded !== undefined && r[0] === 'Download time' ? [r[0], downloaded] : r));
  const head = rows.findIndex((r) => r[0] === 'Type');
  const cols = rows[head];
  const body = lines.map((l) => {
    const values: Record<string, string> = {
      Type: 'Order',
      'Order/adjustment ID': l.orderId,
      'Related order ID': l.orderId,
      'creation date': '2026/03/02',
      'Total estimated settlement amount': money(l.grossCents + referral(l)),
      'Estimated Settle time': 'Delivered + 1 days',
      'unsettled reasons': 'Waiting for package delivery',
      'SKU ID': l.skuId,
      Quantity: '1',
      'Product name': 'Tea set',
      'SKU name': 'Blue',
      'Net sales': money(l.grossCents),
      'Gross sales': money(l.grossCents),
      Fees: money(referral(l)),
      'Referral fee': money(referral(l)),
      'Customer payment': money(l.grossCents),
    };
    return cols.map((c) => values[c] ?? '0');
  });
  return toCsv([...rows.slice(0, head).map((r) => r.slice(0, 2)), [], cols, ...body]) + '\r\n';
}

/** The profit-and-loss report's Orders sheet (as CSV) with one row per line. */
export function pnlOrdersCsv(lines: readonly OrderLine[]): string {
  const cols = header('us_merchant_pnl_orders_header.csv')[0];
  const body = lines.map((l) => {
    const values: Record<string, string> = {
      'Order ID': l.orderId,
      'SKU ID': l.skuId,
      'SKU name': 'Blue',
      'Product name': 'Tea set',
      'Order Income': money(l.grossCents + referral(l)),
      'Sold Quantity': '1',
      'Order paid date': '2026/03/02',
      'Order settled date': '2026/03/20',
      'linked statement id': l.statementId,
      'Order status': 'Completed',
      'Gross sales': money(l.grossCents),
      'Referral fee': money(referral(l)),
    };
    return cols.map((c) => values[c] ?? '0');
  });
  return toCsv([cols, ...body]) + '\r\n';
}
