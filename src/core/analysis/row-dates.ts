/**
 * The date and month a ledger row counts in (DESIGN §4: the order creation date when the row has
 * one, else the statement date), shared by the P&L, the costs and the dashboard.
 */
import type { LedgerRow } from '../types';

/** The fields rows are grouped and dated by (a LedgerRow or a RowView). */
export type GroupedFields = Pick<
  LedgerRow,
  'orderDate' | 'statementDate' | 'skuId' | 'sellerSku' | 'statementId' | 'type'
>;

/** Month of a row: its order creation month, else its statement month (`YYYY-MM`, or ''). */
export function rowMonth(row: Pick<GroupedFields, 'orderDate' | 'statementDate'>): string {
  const date = row.orderDate || row.statementDate;
  return date.length >= 7 ? date.slice(0, 7) : '';
}

/** Calendar date of a row (order date, else statement date), `YYYY-MM-DD` or ''. */
export function rowDate(row: GroupedFields): string {
  return calendarDate(row.orderDate || row.statementDate);
}

/** The calendar date of a row's date text (`YYYY-MM-DD`, a time cut off), or ''. */
export function calendarDate(date: string): string {
  return date.length >= 10 ? date.slice(0, 10) : '';
}
