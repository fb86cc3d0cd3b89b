/**
 * Ad spend and attributed revenue from ad rows (the TTS Ads tab or a report range): which rows a
 * day's spend is booked from (the TTS_ADS table by day, month, campaign or product is summed by
 * ads-tally.ts with the same rule, as a report's rows go by). Days and
 * months here are the ad account's (its clock, named in every answer); nothing is joined with
 * statement days.
 */
import type { AdRow } from '../read/ad-rows';

export type AdsGroupBy = 'day' | 'month' | 'campaign' | 'product';

export interface AdsLine {
  group: string;
  spend: number;
  /** Revenue the ads platform attributes to the ads (GMV Max counts organic and affiliate orders of its products too). */
  revenue: number;
  orders: number;
}

/**
 * `a ÷ b` rounded half-up (away from zero) to `decimals` places, in integers: exact for cents
 * (|a| × 10^decimals stays below 2^53 for any sum of money the add-on sees).
 */
export function ratio(a: number, b: number, decimals: number): number {
  const scale = 10 ** decimals;
  const n = Math.abs(a) * scale;
  const d = Math.abs(b);
  const q = Math.floor((2 * n + d) / (2 * d));
  return (a < 0 !== b < 0 ? -q : q) / scale;
}

/** `revenue ÷ spend` rounded half-up to 2 decimals; null without spend. */
export function roas(revenue: number, spend: number): number | null {
  return spend === 0 ? null : ratio(revenue, spend, 2);
}

/** `part ÷ whole` as a fraction rounded half-up to 4 decimals (a percent to 2); null when whole is 0. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : ratio(part, whole, 4);
}

/** Cents per order, rounded half-up; null without orders. */
export function costPerOrder(spend: number, orders: number): number | null {
  return orders === 0 ? null : ratio(spend, orders, 0);
}

/** The campaign a row belongs to, for grouping: its name, else its ID (as in its key). */
export function campaignOf(row: Pick<AdRow, 'campaign' | 'campaignId'>): string {
  return row.campaign || row.campaignId;
}

/** Adds an item to the list under its key, made when missing. */
export function pushTo<T>(lists: Map<string, T[]>, key: string, item: T): void {
  const list = lists.get(key);
  if (list) list.push(item);
  else lists.set(key, [item]);
}

/** Product rows (GMV Max by product): the breakdown per product, never the booked spend. */
export function productRows(rows: readonly AdRow[]): AdRow[] {
  return rows.filter((r) => r.level === 'product');
}

/** Label of a row's product: its name, else its ID. */
export function productOf(row: Pick<AdRow, 'productName' | 'productId'>): string {
  return row.productName || row.productId;
}

/** The clocks the rows' days are in, e.g. `UTC-07:00`; '' stands for "the ad account's, not stated". */
export function clocksOf(rows: readonly AdRow[]): string[] {
  return [...new Set(rows.map((r) => r.clock))].sort();
}

/** "the ad account's clock, UTC-07:00": how an answer names the days it groups by. */
export function clockLabel(rows: readonly AdRow[]): string {
  return clockLabelOf(clocksOf(rows));
}

/** {@link clockLabel} from the clocks the rows are in (see {@link clocksOf}). */
export function clockLabelOf(clocksRead: readonly string[]): string {
  const clocks = clocksRead.filter((c) => c !== '').sort();
  if (clocks.length === 0) return "the ad account's clock";
  return `the ad account's clock, ${clocks.join(', ')}`;
}
