/**
 * Ads per product: the ROAS a product's ads earned (GMV Max by product, or a campaign the seller
 * mapped to SKUs in the TTS Ad SKUs tab) against the ROAS at which
 * they break even after product cost, fees, shipping and commissions, from the product's own
 * statement lines; products whose ads lose money come first. Ad products meet statement SKUs by
 * SKU ID when the report has one, else by product name; ad days meet order dates by month only.
 *
 * Attribution overlap: GMV Max claims every order of its products while it runs, affiliate orders
 * included. Its revenue is never added to other sales; the share of those products' sales in the
 * months it ran that also paid an affiliate commission says how much of it creators brought in.
 */
import { divide, exact, roundTo, significant, times, toNumber } from '../exact-decimal';
import { spendOf, type AdRow } from '../read/ad-rows';
import { bookedRows } from './ad-booking';
import { productOf, productRows, pushTo, roas, share } from './ads';
import { campaignKey, NO_CAMPAIGN_SKUS, type CampaignSkus } from './ad-skus';
import { isAffiliateColumn } from './ads-profit';
import { costEntryOn, ledgerRowPnl, NO_SKU, rowDate, rowMonth, type CogsTable } from './pnl';
import { OrderLines } from './order-lines';
import { lineCostCents } from './unit-cost';
import type { LedgerRow } from '../types';

export interface ProductAds {
  product: string;
  productId: string;
  /** Statement SKUs matched to the product. */
  skus: string[];
  spend: number;
  /** GMV Max gross revenue of the product. */
  revenue: number;
  orders: number;
  actualRoas: number | null;
  /** The ROAS at which the ads pay for themselves; null when it cannot be worked out (see `note`). */
  breakevenRoas: number | null;
  /** Contribution per dollar of net sales before ads (a fraction; negative: loses money before ads). */
  margin: number | null;
  /** revenue × margin − spend, cents; null when the margin is unknown. */
  profitAfterAds: number | null;
  /** Ads lose money after product cost (actual ROAS below break-even, or no margin at all). */
  losing: boolean;
  /** Share of the product's sales (months the ads ran) that also paid an affiliate commission. */
  affiliateShare: number | null;
  /** Why break-even is not known: a sold SKU without a unit cost, or no sales matched; null when known. */
  unknownBecause: 'no unit cost' | 'no sales' | null;
  /** Why break-even is missing, or that the product loses money before ads. */
  note: string;
}

export interface ProductAdsReport {
  /** Money-losing first (largest loss first), then the rest by profit after ads, then unknown. */
  products: ProductAds[];
  /** Over every matched product: share of sales that also paid an affiliate commission. */
  affiliateShare: number | null;
  /** Sold SKUs of advertised products without a unit cost (a unit cost of $0 counts as none). */
  missingCostSkus: string[];
  /** Advertised products whose break-even is unknown because a sold SKU has no unit cost. */
  noCostProducts: string[];
  /** Advertised products with no sales matched in the statement for the months their ads ran. */
  noSalesProducts: string[];
}

interface Sums {
  netSales: number;
  costs: number;
  /** Ten-thousandths of a dollar, rounded to the cent once (unit-cost.ts). */
  cogs: number;
  affiliateSales: number;
  missing: Set<string>;
  skus: Set<string>;
}

/** Product names are matched as campaign names are: case and runs of spaces aside. */
const nameKey = campaignKey;

function ledgerIndex(rows: readonly LedgerRow[]): {
  bySku: Map<string, LedgerRow[]>;
  byName: Map<string, LedgerRow[]>;
} {
  const bySku = new Map<string, LedgerRow[]>();
  const byName = new Map<string, LedgerRow[]>();
  for (const row of rows) {
    if (row.type !== 'Order') continue;
    if (row.skuId) pushTo(bySku, row.skuId, row);
    if (row.productName) pushTo(byName, nameKey(row.productName), row);
  }
  return { bySku, byName };
}

/**
 * A product's lines in the months its ads ran. A row without gross sales (a later refund, a fee
 * correction) is paired with its line's sale as the functions pair it (order-lines.ts): every sale
 * is noted, in those months or not, and the units a refund gives back are costed at the sale's date.
 */
function sumLines(rows: readonly LedgerRow[], months: ReadonlySet<string>, cogs: CogsTable): Sums {
  const sums: Sums = {
    netSales: 0,
    costs: 0,
    cogs: 0,
    affiliateSales: 0,
    missing: new Set(),
    skus: new Set(),
  };
  const cost = (row: LedgerRow, units: number, date: string) => {
    if (units === 0) return;
    const entry = costEntryOn(cogs, row, date);
    // A $0 unit cost is a cost not filled in: a break-even built on it would reassure falsely.
    if (entry && entry.unitCost) sums.cogs += units * entry.unitCost;
    else sums.missing.add(row.skuId || row.sellerSku || NO_SKU);
  };
  const lines = new OrderLines();
  for (const row of rows) {
    const collected = ledgerRowPnl(row);
    const date = rowDate(row);
    const waits = lines.read(row, collected, date);
    if (!months.has(rowMonth(row))) continue;
    const { netSales, fees, shipping } = collected.lines;
    const units = collected.unitsSold;
    sums.netSales += netSales;
    sums.costs += fees + shipping;
    if (row.skuId) sums.skus.add(row.skuId);
    if (Object.keys(row.amounts).some((id) => row.amounts[id] !== 0 && isAffiliateColumn(id)))
      sums.affiliateSales += netSales;
    if (waits)
      lines.wait(row, collected, (paired) =>
        paired ? cost(row, paired.units, paired.date) : cost(row, units, date),
      );
    else cost(row, units, date);
  }
  lines.settle();
  return sums;
}

/** The rows of each advertised product: GMV Max product rows, then mapped campaigns without product rows. */
function productGroups(
  adRows: readonly AdRow[],
  campaignSkus: CampaignSkus,
): { rows: AdRow[]; skus: readonly string[]; label: string }[] {
  const groups = new Map<string, { rows: AdRow[]; skus: readonly string[]; label: string }>();
  const withProducts = new Set<string>();
  for (const row of productRows(adRows)) {
    withProducts.add(row.campaign || row.campaignId);
    const key = row.productId || nameKey(row.productName);
    const group = groups.get(key);
    if (group) group.rows.push(row);
    else groups.set(key, { rows: [row], skus: [], label: '' });
  }
  for (const row of bookedRows(adRows)) {
    const campaign = row.campaign || row.campaignId;
    const skus = campaignSkus.get(campaignKey(campaign));
    if (!skus || withProducts.has(campaign)) continue;
    const key = `campaign|${campaign}`;
    const group = groups.get(key);
    if (group) group.rows.push(row);
    else groups.set(key, { rows: [row], skus, label: `${campaign} (campaign)` });
  }
  return [...groups.values()];
}

export function productAds(
  adRows: readonly AdRow[],
  ledgerRows: readonly LedgerRow[],
  cogs: CogsTable,
  campaignSkus: CampaignSkus = NO_CAMPAIGN_SKUS,
): ProductAdsReport {
  const index = ledgerIndex(ledgerRows);
  const missingCostSkus = new Set<string>();
  let affiliateSales = 0;
  let matchedSales = 0;
  const products = productGroups(adRows, campaignSkus).map(({ rows, skus: mapped, label }): ProductAds => {
    const first = rows.find((r) => r.productName) || rows[0];
    let spend = 0;
    let revenue = 0;
    let orders = 0;
    for (const r of rows) {
      spend += spendOf(r);
      revenue += r.revenue || 0;
      orders += r.orders || 0;
    }
    const months = new Set(rows.map((r) => r.day.slice(0, 7)));
    const skuIds = [...new Set([...mapped, ...rows.map((r) => r.skuId).filter((s) => s !== '')])];
    const matched =
      skuIds.length > 0
        ? skuIds.flatMap((s) => index.bySku.get(s) || [])
        : rows
            .flatMap((r) => (r.productName ? [nameKey(r.productName)] : []))
            .filter((k, i, all) => all.indexOf(k) === i)
            .flatMap((k) => index.byName.get(k) || []);
    const sums = sumLines(matched, months, cogs);
    for (const sku of sums.missing) missingCostSkus.add(sku);
    affiliateSales += sums.affiliateSales;
    matchedSales += sums.netSales;
    const base: ProductAds = {
      product: label || productOf(first),
      productId: first.productId,
      skus: [...sums.skus].sort(),
      spend,
      revenue,
      orders,
      actualRoas: roas(revenue, spend),
      breakevenRoas: null,
      margin: null,
      profitAfterAds: null,
      losing: false,
      affiliateShare: share(sums.affiliateSales, sums.netSales),
      unknownBecause: null,
      note: '',
    };
    if (sums.netSales <= 0)
      return {
        ...base,
        unknownBecause: 'no sales',
        note:
          `No sales of this product in the months its ads ran (matched by SKU ID, else product name; ` +
          `map a campaign to SKUs in the TTS Ad SKUs tab).`,
      };
    if (sums.missing.size > 0)
      return {
        ...base,
        unknownBecause: 'no unit cost',
        note: `Break-even unknown: no unit cost (or $0) for ${[...sums.missing].join(', ')} in TTS COGS.`,
      };
    const contribution = sums.netSales + sums.costs - lineCostCents(1, sums.cogs);
    const margin = divide(exact(contribution), exact(sums.netSales));
    const profitAfterAds = toNumber(roundTo(significant(times(exact(revenue), margin)), 0)) - spend;
    const result = {
      ...base,
      margin: toNumber(roundTo(margin, 4)),
      profitAfterAds,
      losing: profitAfterAds < 0,
    };
    if (contribution <= 0)
      return { ...result, losing: true, note: 'Loses money before any ad spend: no ROAS can break even.' };
    return { ...result, breakevenRoas: roas(sums.netSales, contribution) };
  });
  products.sort(
    (a, b) => rank(a) - rank(b) || (a.profitAfterAds || 0) - (b.profitAfterAds || 0) || b.spend - a.spend,
  );
  return {
    products,
    affiliateShare: share(affiliateSales, matchedSales),
    missingCostSkus: [...missingCostSkus].sort(),
    noCostProducts: products.filter((p) => p.unknownBecause === 'no unit cost').map((p) => p.product),
    noSalesProducts: products.filter((p) => p.unknownBecause === 'no sales').map((p) => p.product),
  };
}

function rank(p: ProductAds): number {
  if (p.profitAfterAds === null) return 2;
  return p.losing ? 0 : 1;
}
