/**
 * The months the books cover, for the P&L's running costs and ad spend (the functions and the
 * dashboard alike): from the first month of data (a row of the statements, or ad spend) to the
 * last. Before the first, back to the start of a fixed running cost: software paid for before
 * launch is a loss, as ads run before it are. Only a cost's own *Starts* reaches back: a blank one
 * counts from the first month of data (see {@link dataStart}), so one cost's date never adds months
 * of another's to the books' total. Not before 1 January of the first data's year,
 * though: a cost typed as started years back belongs to books that are not here. After the last
 * month of data, nothing: a cost's *Ends* later than that invents no months, as a month not
 * imported yet is not a month of losses.
 */
import { monthRange } from './calendar';
import type { AdSpendByMonth } from './ad-spend';
import type { RunningCost } from './running-costs';

/** The months of data (rows of the statements, or ad spend), sorted. */
function dataMonthsOf(dataMonths: Iterable<string>, adSpend: AdSpendByMonth): string[] {
  const data = [...dataMonths].filter((m) => m !== '');
  for (const [month, cents] of adSpend) if (cents !== 0) data.push(month);
  return data.sort();
}

/** The first day of the first month of data, where a cost with a blank *Starts* starts ('' with no data). */
export function dataStart(dataMonths: Iterable<string>, adSpend: AdSpendByMonth): string {
  const [first] = dataMonthsOf(dataMonths, adSpend);
  return first ? `${first}-01` : '';
}

export function bookMonths(
  dataMonths: Iterable<string>,
  adSpend: AdSpendByMonth,
  costs: readonly RunningCost[] | null,
): string[] {
  const data = dataMonthsOf(dataMonths, adSpend);
  if (data.length === 0) return [];
  let first = data[0];
  const january = `${first.slice(0, 4)}-01`;
  for (const cost of costs || []) {
    // A percentage of no sales is 0: only a fixed amount makes a month before the data a loss.
    if (!cost.cents || !cost.start) continue;
    const from = cost.start < january ? january : cost.start.slice(0, 7);
    if (from < first && !(cost.end && cost.end < from)) first = from;
  }
  return monthRange(first, data[data.length - 1]);
}
