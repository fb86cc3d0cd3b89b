/**
 * One row of an ad report as TTS Profit keeps it (the `TTS Ads` tab): its day in the ad account's
 * clock, what it is the spend of (campaign, ad group, ad or product), and its sums. Money is
 * integer cents; IDs are text; a metric the report did not carry is null, never 0.
 */
/** Which kind of report a row came from: auction campaigns (Ads Manager) or GMV Max. */
export type AdReport = 'ads-manager' | 'gmv-max';

/**
 * How fine the row is. One report may be exported at several levels; the spend of a day is taken
 * from the coarsest level present, so a campaign row and its ad group rows are never both counted.
 */
export type AdLevel = 'account' | 'campaign' | 'ad group' | 'ad' | 'product';

/** Coarse to fine. */
export const AD_LEVELS: readonly AdLevel[] = ['account', 'campaign', 'ad group', 'product', 'ad'];

export interface AdRow {
  /** report | day | campaign | ad group / ad / product (see {@link adRowKey}). */
  key: string;
  report: AdReport;
  level: AdLevel;
  /** `YYYY-MM-DD` in the ad account's time zone. */
  day: string;
  /** The ad account's clock, e.g. `UTC-07:00`; '' when not known (a raw report passed to a formula). */
  clock: string;
  account: string;
  campaign: string;
  campaignId: string;
  adGroup: string;
  adGroupId: string;
  ad: string;
  adId: string;
  productId: string;
  productName: string;
  skuId: string;
  cost: number | null;
  netCost: number | null;
  revenue: number | null;
  orders: number | null;
  impressions: number | null;
  clicks: number | null;
  /**
   * Columns of the report the catalog does not know (a metric the seller picked), header → cell
   * text: kept in TTS Ads beside the row, never used in a figure.
   */
  extra: Record<string, string>;
  /** The file (and sheet) and 1-based row the figures came from. */
  source: { file: string; sheet?: string; row: number };
}

/** A row's fields without its key, extra columns and source: what a streaming reader hands on. */
export type AdRowFields = Omit<AdRow, 'key' | 'extra' | 'source'>;

/** The figures of a row that a later export of the same day may revise. */
export const AD_FIGURES = [
  'cost',
  'netCost',
  'revenue',
  'orders',
  'impressions',
  'clicks',
] as const satisfies readonly (keyof AdRow)[];
export type AdFigure = (typeof AD_FIGURES)[number];

/** The figures that are money (cents); the others are counts. */
export const AD_MONEY: ReadonlySet<AdFigure> = new Set(['cost', 'netCost', 'revenue']);

/** What one ad report file (or sheet) held. */
export interface ParsedAds {
  rows: AdRow[];
  /** Rows repeated inside the file with the same figures (kept once). */
  repeatedRows: number;
  /** `Total` rows of the report (sums of the rows above; not imported). */
  totalRows: number;
  /** Rows of the TTS Ads tab without a Key (the seller's notes, totals or costs): skipped. */
  keylessRows: number;
  /** Sums over the rows, cents; null when the report has no such column. */
  totals: { cost: number | null; netCost: number | null; revenue: number | null; orders: number | null };
}

/** The spend a row books: Cost, else Net cost when the report has only that. */
export function spendOf(row: Pick<AdRow, 'cost' | 'netCost'>): number {
  return row.cost ?? row.netCost ?? 0;
}

/**
 * The row's key from its fields (see {@link AdRow.key}). IDs come before names when the report has
 * them (`#1800…`: a renamed campaign keeps its key); without them the key follows the names, and a
 * renamed campaign, ad group or ad looks new (see {@link keysFollowNames}). Products go by ID first.
 */
export function adRowKey(row: KeyFields): string {
  // The account when the report names it: two ad accounts may each run an "Always On".
  return `${row.report}|${row.day}|${idOrName(row.campaignId, row.campaign)}|${unitOf(row)}${row.account ? `|@${row.account}` : ''}`;
}

/** Ad group, ad and product of a row's key: the ones it has, joined by ` / `. */
function unitOf(row: KeyFields): string {
  return joined(
    joined(idOrName(row.adGroupId, row.adGroup), idOrName(row.adId, row.ad)),
    idOrName(row.productId, row.productName),
  );
}

function joined(a: string, b: string): string {
  return a === '' ? b : b === '' ? a : `${a} / ${b}`;
}

/**
 * Where each row key was first seen, found without making the key: two rows meet here exactly
 * when their {@link adRowKey}s are equal. The key is cut at its third `|`, after report, day
 * (neither holds one) and the campaign's part before any `|` of its own; a report's few campaign
 * and unit cells are met again on every day, and kept once each.
 */
export class AdRowIndex {
  /** Campaign part → the rest → day → where. */
  private readonly seen = new Map<string, Map<string, Map<string, number>>>();

  /** Where the row's key was first seen, else -1 (and `at` is remembered for it). */
  firstAt(row: KeyFields, at: number): number {
    let campaign = idOrName(row.campaignId, row.campaign);
    let rest = `${unitOf(row)}${row.account ? `|@${row.account}` : ''}`;
    const bar = campaign.indexOf('|');
    if (bar >= 0) {
      rest = `${campaign.slice(bar + 1)}|${rest}`;
      campaign = campaign.slice(0, bar);
    }
    // A GMV Max report's keys apart from an Ads Manager one's: a campaign part never holds a `|`.
    if (row.report === 'gmv-max') campaign = `|${campaign}`;
    const days = under(under(this.seen, campaign), rest);
    const first = days.get(row.day);
    if (first !== undefined) return first;
    days.set(row.day, at);
    return -1;
  }
}

/** The map under `key`, made when missing. */
export function under<K, T>(map: Map<K, Map<string, T>>, key: K): Map<string, T> {
  let inner = map.get(key);
  if (inner === undefined) map.set(key, (inner = new Map()));
  return inner;
}

type KeyFields = Pick<
  AdRow,
  | 'report'
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
>;

/**
 * The row's key by names alone (no IDs, no account), so a report exported with IDs or the account
 * meets the same rows imported from one without (and back); null when a dimension has an ID and no name.
 */
export function adNameKey(row: KeyFields): string | null {
  const pairs: [string, string][] = [
    [row.campaignId, row.campaign],
    [row.adGroupId, row.adGroup],
    [row.adId, row.ad],
    [row.productId, row.productName],
  ];
  if (pairs.some(([id, name]) => id !== '' && name === '')) return null;
  return adRowKey({ ...row, account: '', campaignId: '', adGroupId: '', adId: '', productId: '' });
}

function idOrName(id: string, name: string): string {
  return id !== '' ? `#${id}` : name;
}

/** The names a report's keys rest on because it has no ID beside them (`Campaign name`, …); [] when every key is by ID. */
export function keysFollowNames(rows: readonly AdRow[]): string[] {
  const names = new Set<string>();
  for (const row of rows) {
    if (row.campaign && !row.campaignId) names.add('Campaign name');
    if (row.adGroup && !row.adGroupId) names.add('Ad group name');
    if (row.ad && !row.adId) names.add('Ad name');
    if (row.productName && !row.productId) names.add('Product name');
  }
  return [...names];
}

/** The level of a row from the dimensions it has. */
export function adLevelOf(
  row: Pick<
    AdRow,
    'campaign' | 'campaignId' | 'adGroup' | 'adGroupId' | 'ad' | 'adId' | 'productId' | 'productName'
  >,
): AdLevel {
  if (named(row.adId) || named(row.ad)) return 'ad';
  if (named(row.productId) || named(row.productName)) return 'product';
  if (named(row.adGroupId) || named(row.adGroup)) return 'ad group';
  if (named(row.campaignId) || named(row.campaign)) return 'campaign';
  return 'account';
}

/** Whether two rows of the same key carry the same figures (a figure the newer row lacks is not compared). */
export function sameFigures(older: Pick<AdRow, AdFigure>, newer: Pick<AdRow, AdFigure>): boolean {
  return AD_FIGURES.every((f) => newer[f] === null || older[f] === newer[f]);
}

/** Ads Manager writes `-` (or `--`) where a row has no ad group, ad or product, or no figure: it names nothing. */
export function named(text: string): boolean {
  return !!text && text !== '-' && text !== '--';
}
