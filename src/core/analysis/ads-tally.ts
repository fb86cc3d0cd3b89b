/**
 * The TTS_ADS table summed as an ad report's rows go by, keeping no row: per report and day, per
 * campaign, the sums of the rows AdBooking books; per product, the product rows.
 */
import { spendOf, type AdRowFields } from '../read/ad-rows';
import { AdBooking } from './ad-booking';
import { productOf, type AdsGroupBy, type AdsLine } from './ads';

/** What the tally reads of a row. */
export type TallyRow = Pick<
  AdRowFields,
  | 'report'
  | 'day'
  | 'level'
  | 'campaign'
  | 'campaignId'
  | 'productId'
  | 'productName'
  | 'clock'
  | 'cost'
  | 'netCost'
  | 'revenue'
  | 'orders'
>;

export class AdsTally {
  /** Each campaign's booked sums per report and day (the group of a line is its campaign). */
  private readonly booking = new AdBooking<TallyRow, AdsLine>(
    (campaign) => ({ group: campaign, spend: 0, revenue: 0, orders: 0 }),
    addRow,
  );
  private readonly products = new Map<string, AdsLine>();
  /** The clocks of every row read, '' standing for "the ad account's, not stated". */
  readonly clocks = new Set<string>();
  /** The clock of the row before (most reports state one, or none, on every row). */
  private clock?: string;

  /** `start`, `end`: first and last day counted, '' for no bound. */
  constructor(
    private readonly groupBy: AdsGroupBy,
    private readonly start = '',
    private readonly end = '',
  ) {}

  add(row: TallyRow): void {
    if (row.clock !== this.clock) this.clocks.add((this.clock = row.clock));
    if ((this.start && row.day < this.start) || (this.end && row.day > this.end)) return;
    if (this.groupBy === 'product') {
      if (row.level === 'product') addRow(lineOf(this.products, productOf(row)), row);
      return;
    }
    this.booking.add(row);
  }

  /** Sums per group, in group order (days and months ascending; campaigns and products by spend, largest first). */
  lines(): AdsLine[] {
    const out = [...(this.groupBy === 'product' ? this.products : this.bookedLines()).values()];
    if (this.groupBy === 'day' || this.groupBy === 'month')
      out.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
    else out.sort((a, b) => b.spend - a.spend || a.group.localeCompare(b.group));
    return out;
  }

  private bookedLines(): Map<string, AdsLine> {
    const lines = new Map<string, AdsLine>();
    for (const [day, booked] of this.booking.booked()) {
      for (const b of booked) {
        const group =
          this.groupBy === 'day'
            ? day
            : this.groupBy === 'month'
              ? day.slice(0, 7)
              : b.group || '(no campaign)';
        addLine(lineOf(lines, group), b);
      }
    }
    return lines;
  }
}

function lineOf(lines: Map<string, AdsLine>, group: string): AdsLine {
  let line = lines.get(group);
  if (line === undefined) lines.set(group, (line = { group, spend: 0, revenue: 0, orders: 0 }));
  return line;
}

/** Adds a line's sums to another's. */
export function addLine(sums: AdsLine, line: AdsLine): void {
  sums.spend += line.spend;
  sums.revenue += line.revenue;
  sums.orders += line.orders;
}

function addRow(sums: AdsLine, row: TallyRow): void {
  sums.spend += spendOf(row);
  sums.revenue += row.revenue || 0;
  sums.orders += row.orders || 0;
}
