/**
 * The ad report layouts: TikTok Ads Manager custom reports and GMV Max reports, told apart from
 * the finance exports by their header (an ad dimension and an ad metric). layouts.ts lists them
 * after the finance layouts; the rows are read by ads-reader.ts, not the ledger normalizer.
 */
import { ADS_COLUMNS, adFieldOf, type AdField } from './ads-catalog';
import type { LayoutSpec } from './layout-spec';
import type { LayoutId } from '../types';

const spellingsOf = (fields: readonly AdField[], ids: readonly string[] = []): string[] =>
  ADS_COLUMNS.filter((c) => fields.includes(adFieldOf(c)!) || ids.includes(c.id)).flatMap((c) => c.spellings);

const DIMENSIONS = spellingsOf([
  'day',
  'campaign',
  'campaignId',
  'adGroup',
  'adGroupId',
  'ad',
  'adId',
  'productId',
  'account',
]);
const AD_METRICS = spellingsOf(
  ['cost', 'netCost', 'revenue', 'orders', 'impressions', 'clicks'],
  ['ad_roas_shop', 'ad_ctr', 'ad_cpc', 'ad_cpm', 'ad_conversions'],
);

export const ADS_LAYOUTS: readonly LayoutSpec[] = [
  {
    id: 'gmv-max',
    name: 'GMV Max report',
    // Orders (SKU), ROI and Net cost are GMV Max's own metrics; an Ads Manager report has none of them.
    signature: [['Orders (SKU)', 'ROI', 'Net cost', 'Cost per order'], DIMENSIONS],
    required: [],
    keyPrefix: 'gmv-max',
    keyFields: [],
  },
  {
    id: 'ads-manager',
    name: 'TikTok Ads Manager report',
    signature: [DIMENSIONS, AD_METRICS],
    required: [],
    keyPrefix: 'ads-manager',
    keyFields: [],
  },
];

const ADS_LAYOUT_IDS: ReadonlySet<LayoutId> = new Set(ADS_LAYOUTS.map((l) => l.id));

/** Whether rows of this layout are ad report rows (read into the TTS Ads tab, not the ledger). */
export function isAdsLayout(layout: LayoutId): layout is 'ads-manager' | 'gmv-max' {
  return ADS_LAYOUT_IDS.has(layout);
}
