/**
 * Sales by day and the latest dates, added up as rows stream past a custom function: the figures
 * `dailySales` and `defaultAsOf` give for kept rows, without a row object per row.
 */
import type { SalesMetric } from '../contract';
import { detachedText } from '../read/detached-text';
import type { RowView } from '../read/row-view';
import { salesAmountView } from './pnl';
import { rowDate } from './row-dates';

export class SalesTally {
  private readonly days = new Map<string, number>();
  private latestOrder = '';
  private latestAny = '';

  constructor(private readonly metric: SalesMetric) {}

  addView(view: RowView): void {
    const order = view.orderDate.slice(0, 10);
    const any = order || view.statementDate.slice(0, 10);
    if (order > this.latestOrder) this.latestOrder = detachedText(order);
    if (any > this.latestAny) this.latestAny = detachedText(any);
    const day = rowDate(view);
    if (!day) return;
    const known = this.days.get(day);
    const cents = salesAmountView(view, this.metric);
    if (known === undefined) this.days.set(detachedText(day), cents);
    else this.days.set(day, known + cents);
  }

  /** Sales per calendar day (rows without a date left out), oldest first: `dailySales`. */
  daily(): { date: string; amount: number }[] {
    return [...this.days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, amount]) => ({ date, amount }));
  }

  /** The latest order date, else the latest statement date: `defaultAsOf`. */
  asOf(): string | undefined {
    return this.latestOrder || this.latestAny || undefined;
  }
}
