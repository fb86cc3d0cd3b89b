/**
 * The ad columns of a P&L table given ad reports: the reports' spend and attributed revenue of
 * each month (the ad account's clock, met with the statement's order months by month only), TACoS
 * (spend ÷ gross sales), blended ROAS (gross sales ÷ spend) and attributed ROAS (attributed
 * revenue ÷ spend). A ratio with nothing to divide by (no spend, no sales) is null, never 0.
 */
import { spendOf, type AdRow } from '../read/ad-rows';
import { bookedRows } from './ad-booking';
import { roas, share } from './ads';

export interface AdMonthSums {
  spend: number;
  revenue: number;
}

/** A month of the reports: its sums, and of its spend GMV Max's (the spend a settlement's GMV Max ad fee can be part of). */
export interface ReportedAdMonth extends AdMonthSums {
  gmvMax: number;
}

/**
 * The booked spend and attributed revenue of each month (`YYYY-MM`, the ad account's clock) the
 * reports have a row in: the months they cover.
 */
export function adSumsByMonth(rows: readonly AdRow[]): Map<string, ReportedAdMonth> {
  const months = new Map<string, ReportedAdMonth>();
  for (const row of bookedRows(rows)) {
    const month = row.day.slice(0, 7);
    const spend = spendOf(row);
    let sums = months.get(month);
    if (!sums) months.set(month, (sums = { spend: 0, revenue: 0, gmvMax: 0 }));
    sums.spend += spend;
    if (row.report === 'gmv-max') sums.gmvMax += spend;
    sums.revenue += row.revenue || 0;
  }
  return months;
}

/** Spend and attributed revenue of the given months together. */
export function adSumsOf(byMonth: ReadonlyMap<string, AdMonthSums>, months: readonly string[]): AdMonthSums {
  const sums = { spend: 0, revenue: 0 };
  for (const month of months) {
    const m = byMonth.get(month);
    if (m) {
      sums.spend += m.spend;
      sums.revenue += m.revenue;
    }
  }
  return sums;
}

export interface AdRatios extends AdMonthSums {
  /** spend ÷ gross sales, a fraction to 4 places; null without sales (or with a negative gross). */
  tacos: number | null;
  /** gross sales ÷ spend, to 2 places; null without spend. */
  blendedRoas: number | null;
  /** attributed revenue ÷ spend, to 2 places; null without spend. */
  attributedRoas: number | null;
}

export function adRatios(sums: AdMonthSums, grossSales: number): AdRatios {
  const spent = sums.spend > 0;
  return {
    ...sums,
    tacos: grossSales > 0 ? share(sums.spend, grossSales) : null,
    blendedRoas: spent ? roas(grossSales, sums.spend) : null,
    attributedRoas: spent ? roas(sums.revenue, sums.spend) : null,
  };
}
