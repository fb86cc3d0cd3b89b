/**
 * The `TTS Ads` tab: one row per ad report row, labelled with catalog spellings so the tab reads
 * back through the same ads reader as a report. Days stay text (`2026-05-01`): they are the ad
 * account's days, and a date cell would be read in the spreadsheet's zone instead.
 */
import { centsToDollars } from '../money';
import { AD_FIGURES, AD_MONEY, type AdFigure, type AdRow } from '../read/ad-rows';

export const ADS_TAB = 'TTS Ads';

export type AdsColumnKind = 'text' | 'money' | 'count';

interface AdsColumn {
  label: string;
  kind: AdsColumnKind;
  value: (row: AdRow, importedAt: string) => string | number | null;
}

const money = (cents: number | null) => (cents === null ? null : centsToDollars(cents));

type TextField = { [K in keyof AdRow]: AdRow[K] extends string ? K : never }[keyof AdRow];

/** A column holding a text field of the row, as it stands. */
const text = (label: string, field: TextField): AdsColumn => ({
  label,
  kind: 'text',
  value: (r) => r[field],
});
/** The tab's column of each figure a revision may change (the clock too: it moves a day's edges). */
export const ADS_FIGURE_LABELS: Record<AdFigure, string> = {
  cost: 'Cost',
  netCost: 'Net cost',
  revenue: 'Gross revenue',
  orders: 'Orders',
  impressions: 'Impressions',
  clicks: 'Clicks',
};

/** A column holding a figure of the row: cents as dollars, counts as they are. */
const figure = (field: AdFigure): AdsColumn =>
  AD_MONEY.has(field)
    ? { label: ADS_FIGURE_LABELS[field], kind: 'money', value: (r) => money(r[field]) }
    : { label: ADS_FIGURE_LABELS[field], kind: 'count', value: (r) => r[field] };

const COLUMNS: readonly AdsColumn[] = [
  text('Key', 'key'),
  text('Report', 'report'),
  text('Level', 'level'),
  text('Day', 'day'),
  text('Clock', 'clock'),
  text('Account name', 'account'),
  text('Campaign name', 'campaign'),
  text('Campaign ID', 'campaignId'),
  text('Ad group name', 'adGroup'),
  text('Ad group ID', 'adGroupId'),
  text('Ad name', 'ad'),
  text('Ad ID', 'adId'),
  text('Product ID', 'productId'),
  text('Product name', 'productName'),
  text('SKU ID', 'skuId'),
  ...AD_FIGURES.map(figure),
  {
    label: 'Source file',
    kind: 'text',
    value: (r) => (r.source.sheet ? `${r.source.file} (${r.source.sheet})` : r.source.file),
  },
  { label: 'Source row', kind: 'count', value: (r) => r.source.row },
  { label: 'Imported', kind: 'text', value: (_r, at) => at },
];

export const ADS_HEADER: readonly string[] = COLUMNS.map((c) => c.label);

const BY_LABEL = new Map(COLUMNS.map((c) => [c.label, c]));

/**
 * How a column of the tab is written: the add-on's own columns by their kind, the report columns
 * it keeps (`kept`: headers of unknown report columns the add-on added) as text; undefined for the
 * seller's own columns, which are never written.
 */
export function adsColumnKind(label: string, kept: ReadonlySet<string>): AdsColumnKind | undefined {
  return BY_LABEL.get(label)?.kind ?? (kept.has(label) ? 'text' : undefined);
}

/**
 * A row's cells under `header` (the tab's row 1): the add-on's columns, then the report's unknown
 * columns the row carries (kept as text); null for a metric the report lacked and elsewhere.
 */
export function adRowCells(
  row: AdRow,
  header: readonly string[],
  importedAt: string,
): (string | number | null)[] {
  return header.map((label) => {
    const own = BY_LABEL.get(label);
    return own
      ? own.value(row, importedAt)
      : Object.prototype.hasOwnProperty.call(row.extra, label)
        ? row.extra[label]
        : null;
  });
}
