/**
 * Ad spend beside the statement, month by month: profit after ads, TACoS, blended and attributed
 * ROAS. The ad report's months are the ad account's clock and the statement's the order month
 * (UTC): they meet at month level only, never day by day.
 *
 * Counted once: a `GMV Payment for TikTok Ads` adjustment moves shop money into the ad balance
 * (GMV Pay). It lowers the settlement, but it is a transfer, not spend: the spend is the report's
 * Cost. So profit after ads adds the transfer back and subtracts the report's spend. A GMV Max ad
 * fee deducted per order in the settlement is spend already inside the settlement: that much of
 * the report's spend is not subtracted again.
 */
import { findColumnById } from '../read/catalog';
import { normalizeType } from '../read/normalize';
import type { AdRow } from '../read/ad-rows';
import { adSumsByMonth } from './ads-pnl';
import { roas, share } from './ads';
import { rowMonth, rowPnl, viewPnl } from './pnl';
import { detachedText } from '../read/detached-text';
import type { RowView } from '../read/row-view';
import type { LedgerRow } from '../types';

/** The statement's Type of a GMV Pay transfer (API adjustment type GMV_PAYMENT_FOR_ADS). */
export const GMV_PAY_TYPE = 'GMV Payment for TikTok Ads';

const GMV_PAY_KEY = GMV_PAY_TYPE.toLowerCase();
const AD_FEE_IDS = ['gmv_max_ad_fee'];

export function isGmvPayTransfer(row: Pick<LedgerRow, 'type'>): boolean {
  return normalizeType(row.type).toLowerCase() === GMV_PAY_KEY;
}

/** Per month: GMV Pay transfers (positive cents moved to the ad balance) and ad fees inside the settlement (positive). */
export interface StatementAdMonth {
  gmvPayTransfers: number;
  adFeesInSettlement: number;
}

/**
 * GMV Pay transfers and settlement ad fees by month, from ledger rows or from rows streaming past
 * as views (a custom function's range keeps no rows).
 */
export class StatementAdTally {
  readonly months = new Map<string, StatementAdMonth>();
  private lastType = '';
  private lastGmvPay = false;
  /** By amount slot of the file's views: the column is an ad fee (worked out once per file). */
  private adFeeSlots: boolean[] = [];
  private slotsOf: readonly string[] | undefined;

  addRow(row: LedgerRow): void {
    if (isGmvPayTransfer(row)) this.at(rowMonth(row)).gmvPayTransfers -= rowPnl(row).settlement;
    else
      for (const id of AD_FEE_IDS)
        if (row.amounts[id]) this.at(rowMonth(row)).adFeesInSettlement -= row.amounts[id];
  }

  addView(view: RowView): void {
    // Rows repeat a few types: the last one's answer is kept.
    if (view.type !== this.lastType) {
      this.lastType = view.type;
      this.lastGmvPay = isGmvPayTransfer(view);
    }
    if (this.lastGmvPay) {
      this.at(rowMonth(view)).gmvPayTransfers -= viewPnl(view).lines.settlement;
      return;
    }
    if (view.amountIds !== this.slotsOf) {
      this.slotsOf = view.amountIds;
      this.adFeeSlots = view.amountIds.map((id) => AD_FEE_IDS.includes(id));
    }
    for (let k = 0; k < view.filledCount; k++) {
      const slot = view.filled[k];
      if (this.adFeeSlots[slot]) this.at(detachedText(rowMonth(view))).adFeesInSettlement -= view.cents[slot];
    }
  }

  private at(month: string): StatementAdMonth {
    let m = this.months.get(month);
    if (!m) this.months.set(detachedText(month), (m = { gmvPayTransfers: 0, adFeesInSettlement: 0 }));
    return m;
  }
}

export function statementAdMonths(rows: readonly LedgerRow[]): Map<string, StatementAdMonth> {
  const tally = new StatementAdTally();
  for (const row of rows) tally.addRow(row);
  return tally.months;
}

export interface AdsMonth {
  month: string;
  /** The ad reports' spend booked in the month (ad account's clock). */
  spend: number;
  /** Revenue the ad reports attribute to the ads. */
  attributedRevenue: number;
  /** GMV Max ad fees the settlement already deducted (positive cents). */
  adFeesInSettlement: number;
  /** Spend still to subtract from the settlement-based profit: spend − fees inside the settlement, not below 0. */
  spendOnTop: number;
  /** GMV Pay transfers (positive cents): shown, never a cost. */
  gmvPayTransfers: number;
  /** Gross sales of the month (statement, order month). */
  grossSales: number;
  /** Settlement − COGS (and the other costs the net profit counts), as the P&L gives it; null when unknown. */
  netProfit: number | null;
  /** netProfit + GMV Pay transfers − spendOnTop; null when netProfit is. */
  profitAfterAds: number | null;
  /** spend ÷ gross sales (a fraction); null without sales. */
  tacos: number | null;
  /** gross sales ÷ spend; null without spend. */
  blendedRoas: number | null;
  /** attributed revenue ÷ spend; null without spend. */
  attributedRoas: number | null;
}

export interface MonthSales {
  grossSales: number;
  netProfit: number | null;
}

/**
 * One line per month that has sales or ad spend, ascending. `sales` holds each month's gross
 * sales and net profit as the P&L computes them (settlement-based, so still net of GMV Pay transfers).
 */
export function adsByMonth(
  adRows: readonly AdRow[],
  ledger: readonly LedgerRow[] | ReadonlyMap<string, StatementAdMonth>,
  sales: ReadonlyMap<string, MonthSales>,
): AdsMonth[] {
  const spend = adSumsByMonth(adRows);
  const statement = Array.isArray(ledger)
    ? statementAdMonths(ledger)
    : (ledger as ReadonlyMap<string, StatementAdMonth>);
  const months = [...new Set([...spend.keys(), ...sales.keys(), ...statement.keys()])]
    .filter((m) => m !== '')
    .sort();
  return months.map((month): AdsMonth => {
    const ads = spend.get(month) || { spend: 0, revenue: 0 };
    const st = statement.get(month) || { gmvPayTransfers: 0, adFeesInSettlement: 0 };
    const s = sales.get(month);
    const grossSales = s ? s.grossSales : 0;
    const spendOnTop = Math.max(0, ads.spend - st.adFeesInSettlement);
    const netProfit = s ? s.netProfit : null;
    return {
      month,
      spend: ads.spend,
      attributedRevenue: ads.revenue,
      adFeesInSettlement: st.adFeesInSettlement,
      spendOnTop,
      gmvPayTransfers: st.gmvPayTransfers,
      grossSales,
      netProfit,
      profitAfterAds: netProfit === null ? null : netProfit + st.gmvPayTransfers - spendOnTop,
      tacos: share(ads.spend, grossSales),
      blendedRoas: roas(grossSales, ads.spend),
      attributedRoas: roas(ads.revenue, ads.spend),
    };
  });
}

/** Whether a ledger amount column is an affiliate commission line. */
export function isAffiliateColumn(id: string): boolean {
  return findColumnById(id)?.feeCategory === 'Affiliate';
}

/**
 * Per month, the ad cost to subtract from a settlement-based profit (the P&L's Ad spend): the
 * report's spend not already inside the settlement, less the GMV Pay transfers that lowered the
 * settlement without being spend. Positive cents; a month whose transfers exceed that spend is
 * negative (the transfer is handed back). Without ad reports none: no spend is known to net a
 * transfer against, so the settlement keeps it as the money spent on ads.
 */
export function adSpendByMonth(
  adRows: readonly AdRow[],
  ledger: readonly LedgerRow[] | ReadonlyMap<string, StatementAdMonth>,
): Map<string, number> {
  const out = new Map<string, number>();
  if (adRows.length === 0) return out;
  for (const m of adsByMonth(adRows, ledger, new Map())) {
    const cents = m.spendOnTop - m.gmvPayTransfers;
    if (cents !== 0) out.set(m.month, cents);
  }
  return out;
}
