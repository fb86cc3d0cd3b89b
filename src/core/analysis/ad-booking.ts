/**
 * Which ad rows' spend is booked, the one rule every ad figure follows: per report, day and
 * campaign, the rows of its coarsest level (a campaign row beats its ad group, product and ad
 * rows, which break the same spend down and may differ from it slightly). A campaign is its
 * Campaign ID when the row has one (a campaign renamed between two reports is still one), its name
 * otherwise; a name seen beside an ID that day is that ID's campaign. Rows naming no campaign (the
 * account's, or the whole account by product) cover every campaign of the day. Rows go by one at
 * a time; what is kept of the booked ones is the caller's.
 */
import { AD_LEVELS, under, type AdRowFields } from '../read/ad-rows';
import { campaignOf } from './ads';

/** What the booking reads of a row. */
export type BookingRow = Pick<AdRowFields, 'report' | 'day' | 'level' | 'campaign' | 'campaignId'>;

interface Entry<T> {
  level: number;
  kept: T;
}

export class AdBooking<R extends BookingRow, T> {
  /** Per report and day (`day` or `g` + day for GMV Max), its campaigns (`#` + ID, or name) in the order they first appear. */
  private readonly days = new Map<string, Map<string, Entry<T>>>();
  /** Per report and day, each campaign name → the `#` + ID it was seen beside (null: beside two). */
  private readonly ids = new Map<string, Map<string, string | null>>();

  /** `fresh(campaign)`: what a campaign's booked rows start from; `keep` adds a booked row to it. */
  constructor(
    private readonly fresh: (campaign: string) => T,
    private readonly keep: (kept: T, row: R) => void,
  ) {}

  add(row: R): void {
    const at = row.report === 'gmv-max' ? `g${row.day}` : row.day;
    const day = under(this.days, at);
    const level = AD_LEVELS.indexOf(row.level);
    const key = row.campaignId ? `#${row.campaignId}` : row.campaign;
    if (row.campaignId && row.campaign) {
      const ids = under(this.ids, at);
      const id = ids.get(row.campaign);
      ids.set(row.campaign, id === undefined || id === key ? key : null);
    }
    let entry = day.get(key);
    // A coarser row replaces what the finer ones booked: it is their sum, as the platform counts it.
    if (entry === undefined || level < entry.level)
      day.set(key, (entry = { level, kept: this.fresh(campaignOf(row)) }));
    else if (level > entry.level) return;
    this.keep(entry.kept, row);
  }

  /** Per report and day, in the order first seen: its day and what was kept of its booked rows. */
  *booked(): Generator<[day: string, kept: T[]]> {
    for (const [at, campaigns] of this.days) {
      // A campaign's rows by name (a report without IDs) and by ID are one: the finer ones are left out.
      const finer = new Set<Entry<T>>();
      for (const [name, id] of this.ids.get(at) ?? []) {
        const byName = campaigns.get(name);
        const byId = id && campaigns.get(id);
        if (byName && byId && byName.level !== byId.level)
          finer.add(byName.level > byId.level ? byName : byId);
      }
      // Rows naming no campaign are booked alone when coarser than every campaign's, else left out.
      const whole = campaigns.get('');
      let entries = [...campaigns.values()].filter((e) => e !== whole && !finer.has(e));
      if (whole && entries.every((e) => e.level > whole.level)) entries = [whole];
      yield [at.slice(-10), entries.map((e) => e.kept)];
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
