/**
 * The TTS_ADS table summed as an ad report's rows go by, keeping no row: per report and day, per
 * campaign, the sums of its coarsest level (the rows bookedRows books: a campaign row beats its ad
 * group rows, an account row beats them all); per product, the product rows.
 */
import { AD_LEVELS, spendOf, under, type AdRowFields } from '../read/ad-rows';
import { campaignOf, productOf, type AdsGroupBy, type AdsLine } from './ads';

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

/** A campaign's rows of one day at its coarsest level so far (its `group` is the campaign). */
interface Booked extends AdsLine {
  level: number;
  /** Order of its first row at that level: account rows are booked in row order. */
  first: number;
}

export class AdsTally {
  /** Per report and day (`day` or `g` + day for GMV Max), its campaigns in the order they first appear. */
  private readonly days = new Map<string, Map<string, Booked>>();
  private readonly products = new Map<string, AdsLine>();
  /** The clocks of every row read, '' standing for "the ad account's, not stated". */
  readonly clocks = new Set<string>();
  private rows = 0;
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
    const n = this.rows++;
    if ((this.start && row.day < this.start) || (this.end && row.day > this.end)) return;
    if (this.groupBy === 'product') {
      if (row.level === 'product') addRow(lineOf(this.products, productOf(row)), row);
      return;
    }
    const key = row.report === 'gmv-max' ? `g${row.day}` : row.day;
    const day = under(this.days, key);
    const level = AD_LEVELS.indexOf(row.level);
    const campaign = campaignOf(row);
    let booked = day.get(campaign);
    if (booked === undefined)
      day.set(campaign, (booked = { group: campaign, level, first: n, spend: 0, revenue: 0, orders: 0 }));
    // A coarser row replaces what the finer ones booked: it is their sum, as the platform counts it.
    else if (level < booked.level) {
      booked.level = level;
      booked.first = n;
      booked.spend = booked.revenue = booked.orders = 0;
    } else if (level > booked.level) return;
    addRow(booked, row);
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
    for (const [key, campaigns] of this.days) {
      const day = key.slice(-10);
      let booked = [...campaigns.values()];
      // An account row makes its level the day's coarsest: only account rows are booked that day.
      if (booked.some((b) => b.level === 0))
        booked = booked.filter((b) => b.level === 0).sort((a, b) => a.first - b.first);
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
