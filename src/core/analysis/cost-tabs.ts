/**
 * The seller's two cost tabs, in words: each column of TTS COGS and TTS Costs and what it holds.
 * One source for the notes on the tabs' headers (src/server/sheets/) and for Help (src/sidebar/).
 */
import { COST_PARTS } from './cogs';
import { COSTS_HEADER } from './running-costs';

/** The TTS COGS tab's columns, in order (read by header, so the seller may move them). */
export const COGS_HEADER = [
  'SKU ID',
  'Seller SKU',
  'Product name',
  'SKU name',
  ...COST_PARTS,
  'Unit cost',
  'Effective from',
] as const;
export type CogsColumn = (typeof COGS_HEADER)[number];

export const COGS_NOTES: Record<CogsColumn, string> = {
  'SKU ID': 'TikTok’s 19-digit SKU ID, filled in from your imports. Costs are matched to sales by it.',
  'Seller SKU':
    'Your own SKU code. A row without SKU ID costs this Seller SKU and the SKU IDs listed with it, ' +
    'from its Effective from (the later date wins over a SKU ID row).',
  'Product name': 'From your imports, for reference.',
  'SKU name': 'The variant (size, colour), from your imports.',
  'Product cost': 'What you pay your supplier per unit, in dollars (up to 4 decimals, e.g. 0.125).',
  'Inbound freight': 'Shipping to your warehouse, per unit.',
  'Duty / tariff': 'Import duty and tariffs, per unit.',
  Packaging: 'Boxes, mailers, inserts, per unit.',
  'Other per unit': 'Any other cost per unit (labelling, prep).',
  'Unit cost':
    'Cost per unit (up to 4 decimals): the sum of the parts to its left, or the total you type here if you do not split it. $0 counts as no cost yet.',
  'Effective from':
    'First order date this cost applies to. Add a new row with a later date when a cost changes; earlier orders keep the old cost. Blank = always.',
};

export const COSTS_NOTES: Record<(typeof COSTS_HEADER)[number], string> = {
  Cost: 'What you pay for: software, staff, storage, an agency retainer, a returns reserve…',
  Amount: 'A fixed amount in dollars for each period in Every (leave blank for a percentage).',
  Every:
    'month, week, year or once. A monthly, weekly or yearly amount is spread over the days of its period, so every month gets its exact share.',
  Percent:
    'Instead of an amount: a share of a sales figure, e.g. 2% (leave Amount blank), taken of the figure in Of over the days the cost runs.',
  Of: 'The figure the percent is taken of: net sales (default), gross sales or settlement.',
  Starts: 'First day the cost counts (for once: the day you paid it). Blank = from your first month of data.',
  Ends: 'Last day the cost counts. Blank = still running.',
};

/** How the figures of the two tabs are worked out, for Help. */
export const COST_RULES: readonly string[] = [
  'Unit costs keep 4 decimals ($0.125); units × unit cost are added up exactly and each figure (a month, a SKU, ' +
    'a total) is rounded to the cent once: 1,000 × $0.125 = $125.00, in one sale or in a thousand.',
  'A cost change: a new row for the SKU with the new cost and its ' +
    'Effective from date. Orders from that date use it, earlier orders the ' +
    'old one; past months change at the next refresh. A row keyed by Seller SKU ' +
    '(SKU ID blank) applies to the SKU IDs listed with that Seller SKU; of two rows in force, the later date wins.',
  'A SKU sold without a unit cost (blank or $0) is never costed at $0: net profit says it is before product cost for that SKU, and the functions name it.',
  'Free samples cost their units at the unit cost plus the shipping you ' +
    'paid, reported as Samples: the orders your file marks in Sample order ' +
    'type, or else those with no revenue and shipping paid by you.',
  'A monthly, weekly or yearly amount is spread over the days of its own ' +
    'period: $1,200 a year from 1 January 2026 is $101.92 in January. ' +
    'Starts and Ends cut it to the days it runs.',
  'A percent is taken of the figure in Of over the days the cost runs, ' +
    'rounded once: 2% of $225.25 net sales is $4.51. Type 2% (or 0.02); 2 alone is refused.',
  'Running costs and ad spend count in the months of your books: on the TTS Ledger tab and the dashboard, from the ' +
    'first month of data (statements or ad spend) to the last, and before it from a cost’s Starts (software paid ' +
    'before launch), back to 1 January of that year; never after the last month of data, whatever Ends says. ' +
    'On a tab holding an export, the months its rows cover. By SKU they are in the Total row only.',
];
