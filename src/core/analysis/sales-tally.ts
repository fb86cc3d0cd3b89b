/**
 * Sales by day and the latest dates, added up as rows stream past a custom function: the figures
 * `dailySales` and `defaultAsOf` give for kept rows, without a row object per row.
 */
import type { SalesMetric } from '../contract';
import { detachedText } from '../read/detached-text';
import type { RowView } from '../read/row-view';
import { salesAmountView } from './pnl';
import { calendarDate } from './row-dates';

export class SalesTally {
  /** Sales by calendar day. */
  private readonly days = new Map<string, DaySales>();
  /** The same sums by a row's date text (a few hundred repeat down a range): no cut and hash per row. */
  private readonly byDateText = new Map<string, DaySales>();
  /** The latest order date and the latest date of any row, as the rows' date text (cut to days when read). */
  private latestOrder = '';
  private latestAny = '';

  constructor(private readonly metric: SalesMetric) {}

  addView(view: RowView): void {
    const order = view.orderDate;
    const any = order || view.statementDate;
    if (order > this.latestOrder) this.latestOrder = detachedText(order);
    if (any > this.latestAny) this.latestAny = detachedText(any);
    const day = this.dayOf(any);
    if (day !== undefined) day.cents += salesAmountView(view, this.metric);
  }

  /** The sums of the day a row's date text falls on; undefined for a row without a date. */
  private dayOf(date: string): DaySales | undefined {
    let sums = this.byDateText.get(date);
    if (sums !== undefined || date === '') return sums;
    const day = calendarDate(date);
    if (!day) return undefined;
    sums = this.days.get(day);
    if (sums === undefined) this.days.set(detachedText(day), (sums = { cents: 0 }));
    if (this.byDateText.size >= DATES_KEPT) this.byDateText.clear();
    this.byDateText.set(detachedText(date), sums);
    return sums;
  }

  /** Sales per calendar day (rows without a date left out), oldest first: `dailySales`. */
  daily(): { date: string; amount: number }[] {
    return [...this.days]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([date, sums]) => ({ date, amount: sums.cents }));
  }

  /** The latest order date, else the latest statement date: `defaultAsOf`. */
  asOf(): string | undefined {
    return this.latestOrder.slice(0, 10) || this.latestAny.slice(0, 10) || undefined;
  }
}

interface DaySales {
  cents: number;
}

/** Date texts remembered; dates with times can be many, so the memory starts over past this. */
const DATES_KEPT = 4096;
