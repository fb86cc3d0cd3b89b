/**
 * The TTS_ADS table summed as an ad report's rows go by, keeping no row: per report and day, per
 * campaign, the sums of its coarsest level (the rows bookedRows books: a campaign row beats its ad
 * group rows, an account row beats them all); per product, the product rows.
 */
import { AD_LEVELS, spendOf, type AdRowFields } from '../read/ad-rows';
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

interface Sums {
  spend: number;
  revenue: number;
  orders: number;
}

/** A campaign's rows of one day at its coarsest level so far. */
interface Booked extends Sums {
  campaign: string;
  level: number;
  /** Order of its first row at that level (account rows are booked in row order). */
  first: number;
}

/** One report's day: its campaigns in the order they first appear, and whether it has account rows. */
interface Day {
  day: string;
  campaigns: Map<string, Booked>;
  accountRows: boolean;
}

export class AdsTally {
  private readonly days = new Map<string, Day>();
  private readonly products = new Map<string, AdsLine>();
  private readonly clocks = new Set<string>();
  private rows = 0;

  /** `start`, `end`: first and last day counted, '' for no bound. */
  constructor(
    private readonly groupBy: AdsGroupBy,
    private readonly start = '',
    private readonly end = '',
  ) {}

  add(row: TallyRow): void {
    this.clocks.add(row.clock);
    const n = this.rows++;
    if ((this.start && row.day < this.start) || (this.end && row.day > this.end)) return;
    if (this.groupBy === 'product') {
      if (row.level === 'product') addRow(lineOf(this.products, productOf(row)), row);
      return;
    }
    const day = this.dayOf(row);
    const level = AD_LEVELS.indexOf(row.level);
    if (level === 0) day.accountRows = true;
    const campaign = campaignOf(row);
    let booked = day.campaigns.get(campaign);
    if (booked === undefined) {
      booked = { campaign, level, first: n, spend: 0, revenue: 0, orders: 0 };
      day.campaigns.set(campaign, booked);
    } else if (level < booked.level) {
      // A coarser row replaces what the finer ones booked: it is their sum, as the platform counts it.
      booked.level = level;
      booked.first = n;
      booked.spend = booked.revenue = booked.orders = 0;
    } else if (level > booked.level) return;
    addRow(booked, row);
  }

  private dayOf(row: TallyRow): Day {
    // Keyed by day within each report: a report never has more than two kinds.
    const key = row.report === 'gmv-max' ? `g${row.day}` : row.day;
    let day = this.days.get(key);
    if (day === undefined)
      this.days.set(key, (day = { day: row.day, campaigns: new Map(), accountRows: false }));
    return day;
  }

  /** Sums per group, in group order (days and months ascending; campaigns and products by spend, largest first). */
  lines(): AdsLine[] {
    const lines = this.groupBy === 'product' ? this.products : this.bookedLines();
    const out = [...lines.values()];
    if (this.groupBy === 'day' || this.groupBy === 'month')
      out.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
    else out.sort((a, b) => b.spend - a.spend || a.group.localeCompare(b.group));
    return out;
  }

  private bookedLines(): Map<string, AdsLine> {
    const lines = new Map<string, AdsLine>();
    for (const day of this.days.values()) {
      let booked = [...day.campaigns.values()];
      if (day.accountRows) booked = booked.filter((b) => b.level === 0).sort((a, b) => a.first - b.first);
      for (const b of booked) addSums(lineOf(lines, this.groupOf(day.day, b.campaign)), b);
    }
    return lines;
  }

  private groupOf(day: string, campaign: string): string {
    if (this.groupBy === 'day') return day;
    if (this.groupBy === 'month') return day.slice(0, 7);
    return campaign || '(no campaign)';
  }

  /** The clocks of every row read, '' standing for "the ad account's, not stated". */
  clocksRead(): string[] {
    return [...this.clocks].sort();
  }
}

function lineOf(lines: Map<string, AdsLine>, group: string): AdsLine {
  let line = lines.get(group);
  if (line === undefined) lines.set(group, (line = { group, spend: 0, revenue: 0, orders: 0 }));
  return line;
}

function addRow(sums: Sums, row: TallyRow): void {
  sums.spend += spendOf(row);
  sums.revenue += row.revenue ?? 0;
  sums.orders += row.orders ?? 0;
}

function addSums(sums: Sums, more: Sums): void {
  sums.spend += more.spend;
  sums.revenue += more.revenue;
  sums.orders += more.orders;
}
