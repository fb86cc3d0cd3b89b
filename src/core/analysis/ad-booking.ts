/**
 * Which ad rows' spend is booked, the one rule every ad figure follows: per report and day, the
 * account rows when there are any; else per campaign, the rows of its coarsest level (a campaign
 * row beats its ad group, product and ad rows, which break the same spend down and may differ
 * from it slightly). Rows go by one at a time; what is kept of the booked ones is the caller's.
 */
import { AD_LEVELS, under, type AdRowFields } from '../read/ad-rows';
import { campaignOf } from './ads';

/** What the booking reads of a row. */
export type BookingRow = Pick<AdRowFields, 'report' | 'day' | 'level' | 'campaign' | 'campaignId'>;

interface Entry<T> {
  level: number;
  /** Order of its first row at that level: account rows are booked in row order. */
  first: number;
  kept: T;
}

export class AdBooking<R extends BookingRow, T> {
  /** Per report and day (`day` or `g` + day for GMV Max), its campaigns in the order they first appear. */
  private readonly days = new Map<string, Map<string, Entry<T>>>();
  private rows = 0;

  /** `fresh(campaign)`: what a campaign's booked rows start from; `keep` adds a booked row to it. */
  constructor(
    private readonly fresh: (campaign: string) => T,
    private readonly keep: (kept: T, row: R) => void,
  ) {}

  add(row: R): void {
    const n = this.rows++;
    const day = under(this.days, row.report === 'gmv-max' ? `g${row.day}` : row.day);
    const level = AD_LEVELS.indexOf(row.level);
    const campaign = campaignOf(row);
    let entry = day.get(campaign);
    if (entry === undefined) day.set(campaign, (entry = { level, first: n, kept: this.fresh(campaign) }));
    // A coarser row replaces what the finer ones booked: it is their sum, as the platform counts it.
    else if (level < entry.level) {
      entry.level = level;
      entry.first = n;
      entry.kept = this.fresh(campaign);
    } else if (level > entry.level) return;
    this.keep(entry.kept, row);
  }

  /** Per report and day, in the order first seen: its day and what was kept of its booked rows. */
  *booked(): Generator<[day: string, kept: T[]]> {
    for (const [key, campaigns] of this.days) {
      let entries = [...campaigns.values()];
      // An account row makes its level the day's coarsest: only account rows are booked that day.
      if (entries.some((e) => e.level === 0))
        entries = entries.filter((e) => e.level === 0).sort((a, b) => a.first - b.first);
      yield [key.slice(-10), entries.map((e) => e.kept)];
    }
  }
}

/** The booked rows themselves, day by day as first seen. */
export function bookedRows<R extends BookingRow>(rows: readonly R[]): R[] {
  const booking = new AdBooking<R, R[]>(
    () => [],
    (kept, row) => kept.push(row),
  );
  for (const row of rows) booking.add(row);
  const booked: R[] = [];
  for (const [, kept] of booking.booked()) for (const list of kept) booked.push(...list);
  return booked;
}
