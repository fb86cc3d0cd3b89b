/**
 * Sales by day and the latest dates, added up as rows stream past a custom function: the figures
 * `dailySales` and `defaultAsOf` give for kept rows, without a row object per row.
 */
import type { SalesMetric } from '../contract';
import { detachedText } from '../read/detached-text';
import type { RowView } from '../read/row-view';
import { salesAmountView } from './pnl';
import { calendarDate } from './row-dates';
import { DateMemo } from './date-memo';

/** A row date's first ten characters (compared for the latest dates) and its day's sales, if it has a day. */
interface DateEntry {
  head: string;
  day: { amount: number } | undefined;
}

export class SalesTally {
  private readonly days = new Map<string, { amount: number }>();
  /** By row date (order date, else statement date): a year holds a few hundred, each cut once. */
  private readonly dates = new DateMemo((raw) => this.entryOf(raw));
  private latestOrder = '';
  private latestAny = '';

  constructor(private readonly metric: SalesMetric) {}

  addView(view: RowView): void {
    const entry = this.dates.get(view.orderDate || view.statementDate);
    if (view.orderDate !== '' && entry.head > this.latestOrder) this.latestOrder = entry.head;
    if (entry.head > this.latestAny) this.latestAny = entry.head;
    if (entry.day !== undefined) entry.day.amount += salesAmountView(view, this.metric);
  }

  private entryOf(raw: string): DateEntry {
    const kept = detachedText(raw);
    const date = calendarDate(kept);
    let day = this.days.get(date);
    if (date !== '' && day === undefined) this.days.set(date, (day = { amount: 0 }));
    return { head: kept.slice(0, 10), day };
  }

  /** Sales per calendar day (rows without a date left out), oldest first: `dailySales`. */
  daily(): { date: string; amount: number }[] {
    return [...this.days]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([date, { amount }]) => ({ date, amount }));
  }

  /** The latest order date, else the latest statement date: `defaultAsOf`. */
  asOf(): string | undefined {
    return this.latestOrder || this.latestAny || undefined;
  }
}
