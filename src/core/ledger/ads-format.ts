/**
 * The `TTS Ads` tab: one row per ad report row, labelled with catalog spellings so the tab reads
 * back through the same ads reader as a report. Days stay text (`2026-05-01`): they are the ad
 * account's days, and a date cell would be read in the spreadsheet's zone instead.
 */
import { centsToDollars } from '../money';
import type { AdFigure, AdRow } from '../read/ad-rows';

export const ADS_TAB = 'TTS Ads';

export type AdsColumnKind = 'text' | 'money' | 'count';

interface AdsColumn {
  label: string;
  kind: AdsColumnKind;
  value: (row: AdRow, importedAt: string) => string | number | null;
}

const money = (cents: number | null) => (cents === null ? null : centsToDollars(cents));

const COLUMNS: readonly AdsColumn[] = [
  { label: 'Key', kind: 'text', value: (r) => r.key },
  { label: 'Report', kind: 'text', value: (r) => r.report },
  { label: 'Level', kind: 'text', value: (r) => r.level },
  { label: 'Day', kind: 'text', value: (r) => r.day },
  { label: 'Clock', kind: 'text', value: (r) => r.clock },
  { label: 'Account name', kind: 'text', value: (r) => r.account },
  { label: 'Campaign name', kind: 'text', value: (r) => r.campaign },
  { label: 'Campaign ID', kind: 'text', value: (r) => r.campaignId },
  { label: 'Ad group name', kind: 'text', value: (r) => r.adGroup },
  { label: 'Ad group ID', kind: 'text', value: (r) => r.adGroupId },
  { label: 'Ad name', kind: 'text', value: (r) => r.ad },
  { label: 'Ad ID', kind: 'text', value: (r) => r.adId },
  { label: 'Product ID', kind: 'text', value: (r) => r.productId },
  { label: 'Product name', kind: 'text', value: (r) => r.productName },
  { label: 'SKU ID', kind: 'text', value: (r) => r.skuId },
  { label: 'Cost', kind: 'money', value: (r) => money(r.cost) },
  { label: 'Net cost', kind: 'money', value: (r) => money(r.netCost) },
  { label: 'Gross revenue', kind: 'money', value: (r) => money(r.revenue) },
  { label: 'Orders', kind: 'count', value: (r) => r.orders },
  { label: 'Impressions', kind: 'count', value: (r) => r.impressions },
  { label: 'Clicks', kind: 'count', value: (r) => r.clicks },
  {
    label: 'Source file',
    kind: 'text',
    value: (r) => (r.source.sheet ? `${r.source.file} (${r.source.sheet})` : r.source.file),
  },
  { label: 'Source row', kind: 'count', value: (r) => r.source.row },
  { label: 'Imported', kind: 'text', value: (_r, at) => at },
];

export const ADS_HEADER: readonly string[] = COLUMNS.map((c) => c.label);

/** The tab's column of each figure a revision may change (the clock too: it moves a day's edges). */
export const ADS_FIGURE_LABELS = {
  cost: 'Cost',
  netCost: 'Net cost',
  revenue: 'Gross revenue',
  orders: 'Orders',
  impressions: 'Impressions',
  clicks: 'Clicks',
} as const satisfies Record<AdFigure, (typeof COLUMNS)[number]['label']>;

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
