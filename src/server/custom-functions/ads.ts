import { clockLabelOf, costPerOrder, roas, type AdsGroupBy, type AdsLine } from '../../core/analysis/ads';
import { addLine, AdsTally } from '../../core/analysis/ads-tally';
import { parseSheetRows } from '../../core/read/parse-export';
import type { AdRowFields, ParsedAds } from '../../core/read/ad-rows';
import { withKeylessLine } from '../../core/ledger/keyless-rows';
import { asGrid, centsToCell, dayRange, describe, isOmitted, scalarOf } from './arguments';
import { problemsError } from './statement-input';
import { dateTextConverter } from '../sheets/sheet-dates';

type Arg = unknown;

const GROUPS: readonly AdsGroupBy[] = ['day', 'month', 'campaign', 'product'];

/**
 * Ad spend, attributed revenue, ROAS, orders and cost per order from an Ads Manager or GMV Max
 * report, or the TTS Ads tab; days and months are the ad account's.
 * Not with NOW(), TODAY() or RAND() (the cell would stay Loading…).
 *
 * @param {Array<Array<string|number|Date>>} ads The ad report with its header, or the TTS Ads tab (e.g. 'TTS Ads'!A:Z).
 * @param {string} [group_by] "month" (default), "day", "campaign" or "product" (GMV Max by product).
 * @param {Date|string} [start] First day counted (the ad account's day).
 * @param {Date|string} [end] Last day counted.
 * @return {Array<Array<string|number>>} Columns: group, Spend, Attributed revenue, ROAS, Orders, Cost per order; last row Total.
 * @customfunction
 */
export function TTS_ADS(ads: Arg, group_by?: Arg, start?: Arg, end?: Arg): (string | number)[][] {
  const groupBy = groupByOf(group_by);
  const [from, to] = dayRange(start, end);
  // Summed as the report is read: no row of it is kept.
  const tally = new AdsTally(groupBy, from, to);
  const { keylessRows } = readAds(ads, (row) => tally.add(row));
  const lines = tally.lines();
  if (groupBy === 'product' && lines.length === 0) {
    throw new Error(
      'The ad range has no rows by product: export the GMV Max report by product (Product ID or product name) for group_by "product".',
    );
  }
  const total: AdsLine = { group: 'Total', spend: 0, revenue: 0, orders: 0 };
  for (const l of lines) addLine(total, l);
  const clock = clockLabelOf([...tally.clocks]);
  // `Day (the ad account's clock, UTC-07:00)`, `Month (…)`, `Campaign`, `Product`.
  const label =
    groupBy[0].toUpperCase() +
    groupBy.slice(1) +
    (groupBy === 'day' || groupBy === 'month' ? ` (${clock})` : '');
  const line = (l: AdsLine) => {
    const r = roas(l.revenue, l.spend);
    const cpo = costPerOrder(l.spend, l.orders);
    return [
      l.group,
      centsToCell(l.spend),
      centsToCell(l.revenue),
      r ?? '',
      l.orders,
      cpo === null ? '' : centsToCell(cpo),
    ];
  };
  // Rows of the TTS Ads tab without a Key (the seller's notes or totals) are skipped, and said under the table.
  return withKeylessLine(
    [
      [label, 'Spend', 'Attributed revenue', 'ROAS', 'Orders', 'Cost per order'],
      ...lines.map(line),
      line(total),
    ],
    keylessRows,
  );
}

/**
 * The ad rows of a report range or the TTS Ads tab; any row the reader rejects is the error. With
 * `onRow`, each row is handed there as it is read and none is kept (the answer then has no rows).
 */
export function readAds(ads: Arg, onRow?: (row: AdRowFields) => void): ParsedAds {
  const grid = asGrid(ads, 'ads');
  const parsed = parseSheetRows(grid, {
    fileName: 'the ads range',
    dateText: dateTextConverter(),
    keys: false,
    // Row n of the report is the range's row n: a repeated row is compared with the one it repeats.
    adStream: onRow && { onRow, rowAt: (n) => grid[n - 1] },
  });
  if (!parsed.ads) {
    throw new Error(
      `The ads range holds a ${parsed.layoutLabel}, not an ad report: pass an Ads Manager or GMV Max report (By Day, ` +
        `Campaign name, Cost, Gross revenue), or the TTS Ads tab.`,
    );
  }
  if (parsed.rejects.length > 0) throw problemsError(parsed.rejects);
  return parsed.ads;
}

function groupByOf(value: Arg): AdsGroupBy {
  if (isOmitted(value)) return 'month';
  const cell = scalarOf(value, 'group_by');
  const text = String(cell).trim().toLowerCase();
  const found = GROUPS.find((g) => g === text);
  if (!found)
    throw new Error(`group_by must be "day", "month", "campaign" or "product", found ${describe(cell)}.`);
  return found;
}
