/**
 * The ad report columns of the catalog: TikTok Ads Manager custom reports and GMV Max reports
 * (English headers; which columns a file has depends on the metrics the seller chose). They join
 * the one column catalog (catalog.ts spreads ADS_COLUMNS into COLUMNS, so spellings never clash
 * with a finance column), and the ads reader maps each one to a field of an ad row.
 */
import type { ColumnDef, ColumnKind } from './column-def';

/** What an ad report column fills in an ad row; `derived` columns are recognised and recomputed, never stored. */
export type AdField =
  | 'day'
  | 'account'
  | 'campaign'
  | 'campaignId'
  | 'adGroup'
  | 'adGroupId'
  | 'ad'
  | 'adId'
  | 'productId'
  | 'productName'
  | 'skuId'
  | 'currency'
  | 'cost'
  | 'netCost'
  | 'revenue'
  | 'orders'
  | 'impressions'
  | 'clicks'
  | 'key'
  | 'report'
  | 'level'
  | 'clock'
  | 'sourceFile'
  | 'sourceRow'
  | 'derived';

interface AdColumn {
  def: ColumnDef;
  field: AdField;
}

const ADS: ColumnDef['layouts'] = ['ads-manager', 'gmv-max'];

function ad(id: string, label: string, kind: ColumnKind, field: AdField, also: string[] = []): AdColumn {
  return { def: { id, label, spellings: [label, ...also], kind, layouts: ADS }, field };
}

const TABLE: readonly AdColumn[] = [
  // Dimensions. `stat_time_day` and the other snake_case names are the Marketing API's.
  ad('ad_day', 'By Day', 'date', 'day', ['Date', 'Day', 'stat_time_day']),
  ad('ad_account_name', 'Account name', 'text', 'account', ['Advertiser name', 'Ad account name']),
  ad('ad_campaign_name', 'Campaign name', 'text', 'campaign', ['Campaign', 'campaign_name']),
  ad('ad_campaign_id', 'Campaign ID', 'id', 'campaignId', ['campaign_id']),
  ad('ad_group_name', 'Ad group name', 'text', 'adGroup', ['Ad group', 'adgroup_name']),
  ad('ad_group_id', 'Ad group ID', 'id', 'adGroupId', ['adgroup_id']),
  ad('ad_name', 'Ad name', 'text', 'ad', ['ad_name']),
  ad('ad_id', 'Ad ID', 'id', 'adId', ['ad_id']),
  ad('ad_product_id', 'Product ID', 'id', 'productId', ['item_group_id', 'SPU ID']),
  ad('ad_product_name', 'SPU name', 'text', 'productName', ['Product']),
  ad('ad_objective', 'Advertising objective', 'text', 'derived', ['Objective']),
  // Spend: the booked ad expense (TikTok's "Total ad spend").
  ad('ad_cost', 'Cost', 'info-money', 'cost', [
    'Total Cost',
    'Spend',
    'Cost (USD)',
    'Total Cost (USD)',
    'Spend (USD)',
  ]),
  // Spend net of ad credits and coupons (ROI protection lowers this one).
  ad('ad_net_cost', 'Net cost', 'info-money', 'netCost', ['billed_cost', 'Net cost (USD)']),
  // Revenue TikTok attributes to the ads: Shop revenue only (the website "complete payment" family is not the shop's).
  ad('ad_gross_revenue', 'Gross revenue (Shop)', 'info-money', 'revenue', [
    'Gross revenue',
    'Total gross revenue',
    'gross_revenue',
    'total_onsite_shopping_value',
    'Gross revenue (USD)',
    'Gross revenue (Shop) (USD)',
  ]),
  ad('ad_orders', 'Orders (SKU)', 'quantity', 'orders', [
    'Purchases (Shop)',
    'Orders',
    'SKU orders',
    'onsite_shopping',
  ]),
  ad('ad_impressions', 'Impressions', 'quantity', 'impressions', ['Product ad impressions']),
  ad('ad_clicks', 'Clicks (destination)', 'quantity', 'clicks', [
    'Clicks',
    'Product ad clicks',
    'Clicks (all)',
  ]),
  // Ratios and other metrics the report computes: recognised (never "unknown"), recomputed from the sums.
  ad('ad_roas_shop', 'ROAS (Shop)', 'rate', 'derived', ['ROI', 'Complete payment ROAS']),
  ad('ad_cost_per_order', 'Cost per order', 'rate', 'derived', [
    'Cost per purchase (Shop)',
    'cost_per_order',
  ]),
  ad('ad_ctr', 'CTR (destination)', 'rate', 'derived', ['CTR', 'Product click rate', 'Ad click rate']),
  ad('ad_cpc', 'CPC (destination)', 'rate', 'derived', ['CPC']),
  ad('ad_cpm', 'CPM', 'rate', 'derived'),
  ad('ad_reach', 'Reach', 'rate', 'derived', ['Frequency']),
  ad('ad_conversions', 'Conversions', 'rate', 'derived', [
    'Results',
    'Cost per conversion',
    'Cost per result',
    'Conversion rate (CVR, clicks)',
    'Result rate',
  ]),
  ad('ad_shop_funnel', 'Items purchased (Shop)', 'rate', 'derived', [
    'Purchase rate (Shop)',
    'Average order value (Shop)',
    'Product page views (Shop)',
    'Checkouts initiated (Shop)',
    'Add to cart (Shop)',
    'Adds to cart (Shop)',
  ]),
  // Columns of the add-on's own TTS Ads tab, so the tab reads back like a report.
  ad('ad_report', 'Report', 'text', 'report'),
  ad('ad_level', 'Level', 'text', 'level'),
  ad('ad_clock', 'Clock', 'text', 'clock'),
  ad('ad_web_revenue', 'Total complete payment', 'rate', 'derived', [
    'Payments completed (website)',
    'Cost per purchase (website)',
  ]),
];

/** The ad report columns, as catalog rows. */
export const ADS_COLUMNS: readonly ColumnDef[] = TABLE.map((c) => c.def);

// Finance columns an ad report shares, by catalog id.
const SHARED: Readonly<Record<string, AdField>> = {
  currency: 'currency',
  product_name: 'productName',
  sku_id: 'skuId',
  ledger_key: 'key',
  source_file: 'sourceFile',
  source_row: 'sourceRow',
};

const FIELD_BY_ID = new Map<string, AdField>([
  ...TABLE.map((c): [string, AdField] => [c.def.id, c.field]),
  ...Object.entries(SHARED),
]);

/** The ad row field a catalog column fills, or undefined when an ad report has no use for it. */
export function adFieldOf(def: ColumnDef): AdField | undefined {
  return FIELD_BY_ID.get(def.id);
}

/** The label of the first column that fills `field` (for messages). */
export function adFieldLabel(field: AdField): string {
  return TABLE.find((c) => c.field === field)!.def.label;
}

/** Every spelling accepted for `field`, label first (for messages). */
export function adFieldSpellings(field: AdField): string[] {
  return TABLE.filter((c) => c.field === field).flatMap((c) => c.def.spellings);
}
