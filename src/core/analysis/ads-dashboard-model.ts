/**
 * The ad figures of the TTS Dashboard: spend and profit after ads by month, ROAS against
 * break-even per product, and the sentences that say which clock each figure uses, how GMV Pay
 * and settlement ad fees were counted, and how much of GMV Max's revenue affiliates also claimed.
 */
import { formatCents } from '../money';
import { clockLabel } from './ads';
import { adsByMonth, type AdsMonth, type MonthSales } from './ads-profit';
import { productAds, type ProductAdsReport } from './ads-products';
import { NO_CAMPAIGN_SKUS, type CampaignSkus } from './ad-skus';
import { aggregatePnl, type CogsTable } from './pnl';
import type { AdRow } from '../read/ad-rows';
import type { LedgerRow } from '../types';
import { plural } from '../words';

export interface AdsDashboardModel {
  months: AdsMonth[];
  products: ProductAdsReport;
  facts: [string, string][];
}

const usd = (cents: number) => formatCents(cents, { dollarSign: true });
const percent = (fraction: number) => `${(fraction * 100).toFixed(2)}%`;

/**
 * `netProfit`: each month's net profit as the P&L gives it (null for months still to come).
 * Null when there are no ad rows.
 */
export function adsDashboardModel(
  adRows: readonly AdRow[],
  ledgerRows: readonly LedgerRow[],
  cogs: CogsTable,
  netProfit: ReadonlyMap<string, number | null>,
  campaignSkus: CampaignSkus = NO_CAMPAIGN_SKUS,
): AdsDashboardModel | null {
  if (adRows.length === 0) return null;
  const sales = new Map<string, MonthSales>();
  // Gross sales as the P&L's Gross sales line (TTS_PNL divides by the same), so TACoS reads alike in both.
  for (const { group, lines } of aggregatePnl(ledgerRows, 'month')) {
    if (group !== '')
      sales.set(group, { grossSales: lines.grossSales, netProfit: netProfit.get(group) ?? null });
  }
  for (const [month, profit] of netProfit)
    if (!sales.has(month) && profit !== null) sales.set(month, { grossSales: 0, netProfit: profit });
  const months = adsByMonth(adRows, ledgerRows, sales).filter((m) => m.spend !== 0 || m.netProfit !== null);
  const products = productAds(adRows, ledgerRows, cogs, campaignSkus);
  return { months, products, facts: facts(adRows, months, products) };
}

function facts(
  adRows: readonly AdRow[],
  months: readonly AdsMonth[],
  products: ProductAdsReport,
): [string, string][] {
  const sum = (f: (m: AdsMonth) => number) => months.reduce((s, m) => s + f(m), 0);
  const spend = sum((m) => m.spend);
  const transfers = sum((m) => m.gmvPayTransfers);
  const fees = sum((m) => m.adFeesInSettlement);
  const attributed = sum((m) => m.attributedRevenue);
  const lines: [string, string][] = [
    [
      'Clocks',
      `Ad spend by month in ${clockLabel(adRows)}; sales and profit by order month (UTC): set side by side by ` +
        `month, never joined day by day.`,
    ],
    [
      'Profit after ads',
      `Net profit + the GMV Pay transfers of the months the reports cover (${usd(transfers)} moved from the shop to ` +
        `the ad balance: a transfer, not a cost) − ad ` +
        (`spend not already inside the settlement (${usd(sum((m) => m.spendOnTop))} of ` +
          `${usd(spend)}; ${usd(fees)} of GMV Max ad fees were deducted per order).`),
    ],
    [
      'Attribution',
      `${usd(attributed)} of revenue is what the ad reports attribute to the ads (GMV Max ` +
        `counts organic and affiliate orders of its products too): it is never added to sales.` +
        (products.affiliateShare === null
          ? ''
          : ` ${percent(products.affiliateShare)} of the advertised products' sales in the months their ads ran also paid an affiliate commission.`),
    ],
    ['Products losing money on ads', losingText(products)],
  ];
  if (products.missingCostSkus.length > 0)
    lines.push([
      'Unit costs',
      `No unit cost in TTS COGS for ${products.missingCostSkus.join(', ')}: break-even ROAS is not worked out for their products.`,
    ]);
  return lines;
}

const NO_PRODUCTS =
  'Not known: no ad spend by product. Export the GMV Max report by product, or map campaigns to SKUs in the TTS Ad SKUs tab.';
const list = (names: readonly string[]) => names.join(', ');

/**
 * Which advertised products lose money on their ads, and for which that is not known: a product
 * whose sold SKU has no unit cost (or $0) is never counted among those that earn.
 */
export function losingText(report: ProductAdsReport): string {
  if (report.products.length === 0) return NO_PRODUCTS;
  const losing = report.products.filter((p) => p.losing).map((p) => p.product);
  const parts = [losing.length > 0 ? `${losing.length}: ${list(losing)}.` : ''];
  if (report.noCostProducts.length > 0) {
    parts.push(
      `Break-even unknown for ${plural(report.noCostProducts.length, 'product')} without a unit cost: ` +
        `${list(report.noCostProducts)} (fill the unit costs in TTS COGS).`,
    );
  }
  if (report.noSalesProducts.length > 0) {
    parts.push(
      `Unknown for ${plural(report.noSalesProducts.length, 'product')} with no sales matched in the statement: ${list(report.noSalesProducts)}.`,
    );
  }
  const unknown = report.noCostProducts.length + report.noSalesProducts.length;
  if (losing.length === 0)
    parts[0] =
      unknown === 0
        ? 'None: every advertised product earns more than its ad spend after product cost.'
        : 'None known.';
  return parts.join(' ');
}

/** One line for the refresh message: the latest month with ad spend, and the money-losing products. */
export function adsSummary(model: AdsDashboardModel): string {
  const latest = [...model.months].reverse().find((m) => m.spend !== 0);
  const losing = model.products.products.filter((p) => p.losing).length;
  const month = latest
    ? `Ads ${latest.month}: ${usd(latest.spend)} spent` +
      (latest.tacos === null ? '' : ` (TACoS ${percent(latest.tacos)})`) +
      (latest.profitAfterAds === null ? '.' : `, profit after ads ${usd(latest.profitAfterAds)}.`)
    : 'Ads: no spend yet.';
  const noCost = model.products.noCostProducts.length;
  const unknownAll = noCost + model.products.noSalesProducts.length;
  const verdict =
    model.products.products.length === 0
      ? 'No ad spend by product yet, so no product is judged.'
      : losing === 0
        ? unknownAll > 0
          ? 'No product is known to lose money on its ads.'
          : 'No product loses money on its ads.'
        : `${losing} product${losing === 1 ? ' loses' : 's lose'} money on ads.`;
  const unknown =
    noCost > 0 ? ` Break-even unknown for ${plural(noCost, 'product')} without a unit cost.` : '';
  return `${month} ${verdict}${unknown}`;
}
