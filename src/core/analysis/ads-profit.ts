/**
 * Ad spend beside the statement, month by month: profit after ads, TACoS, blended and attributed
 * ROAS. The ad report's months are the ad account's clock and the statement's the order month
 * (UTC): they meet at month level only, never day by day.
 *
 * Counted once: a `GMV Payment for TikTok Ads` adjustment moves shop money into the ad balance
 * (GMV Pay). It lowers the settlement, but it is a transfer, not spend: the spend is the report's
 * Cost. So profit after ads adds the transfer back and subtracts the report's spend, in the months
 * the reports cover: a month (the transfer's statement month, UTC) is covered when the reports have
 * spend dated in it (the ad account's month; a $0 row of a report exported from the 30th is none).
 * Elsewhere no spend is known to swap it for, so the transfer stays in the settlement as that
 * month's ad cost: importing May's report leaves March's and April's top-ups their cost. A transfer
 * pays for whatever the ad account spends, so a covered month needs every report of the account's
 * spend (an Ads Manager report alone, with GMV Max also paid by GMV Pay, leaves GMV Max's spend
 * out: the README says to import both). A top-up paid on 28 April for May's ads is April's: with April's
 * report too it is added back there (April's ad spend can be negative) and May's spend counted in
 * May, the two months' total right; with May's report alone it stays April's ad cost, as the
 * top-ups of months before the reports fund those months' ads (import April's report to swap it).
 * A GMV Max ad fee deducted per order in the settlement is GMV Max spend already inside the
 * settlement: that much of the GMV Max reports' spend is not subtracted again (an Ads Manager
 * report's spend, paid by card or GMV Pay, is never in it).
 */
import { findColumnById } from '../read/catalog';
import { normalizeType } from '../read/normalize';
import type { AdRow } from '../read/ad-rows';
import { adSumsByMonth } from './ads-pnl';
import { roas, share } from './ads';
import { rowMonth, rowPnl, viewPnl, type CollectedRow } from './pnl';
import { detachedText } from '../read/detached-text';
import type { RowView } from '../read/row-view';
import type { LedgerRow } from '../types';

/** The statement's Type of a GMV Pay transfer (API adjustment type GMV_PAYMENT_FOR_ADS). */
export const GMV_PAY_TYPE = 'GMV Payment for TikTok Ads';

const GMV_PAY_KEY = GMV_PAY_TYPE.toLowerCase();
/** The settlement's GMV Max ad fee deducted per order. */
const AD_FEE_ID = 'gmv_max_ad_fee';

export function isGmvPayTransfer(row: Pick<LedgerRow, 'type'>): boolean {
  return normalizeType(row.type).toLowerCase() === GMV_PAY_KEY;
}

/** A row's GMV Max ad fees (negative cents): ad spend the settlement holds, never a selling fee. */
export function adFeeIn(row: CollectedRow): number {
  let cents = 0;
  for (let k = 0; k < row.feeCount; k++) if (row.feeIds[k] === AD_FEE_ID) cents += row.feeCents[k];
  return cents;
}

/** Per month: GMV Pay transfers (positive cents moved to the ad balance) and ad fees inside the settlement (positive). */
export interface StatementAdMonth {
  gmvPayTransfers: number;
  adFeesInSettlement: number;
}

const noAdMonth = (): StatementAdMonth => ({ gmvPayTransfers: 0, adFeesInSettlement: 0 });

/**
 * GMV Pay transfers and settlement ad fees by month, from ledger rows or from rows streaming past
 * as views (a custom function's range keeps no rows).
 */
export class StatementAdTally {
  readonly months = new Map<string, StatementAdMonth>();
  private lastType = '';
  private lastGmvPay = false;

  addRow(row: LedgerRow): void {
    if (isGmvPayTransfer(row)) this.at(rowMonth(row)).gmvPayTransfers -= rowPnl(row).settlement;
    else if (row.amounts[AD_FEE_ID]) this.at(rowMonth(row)).adFeesInSettlement -= row.amounts[AD_FEE_ID];
  }

  addView(view: RowView): void {
    // Rows repeat a few types: the last one's answer is kept.
    if (view.type !== this.lastType) {
      this.lastType = view.type;
      this.lastGmvPay = isGmvPayTransfer(view);
    }
    // The row's P&L as the other tallies of the row collected it: no second pass over its amounts.
    const collected = viewPnl(view);
    if (this.lastGmvPay) this.at(rowMonth(view)).gmvPayTransfers -= collected.lines.settlement;
    else {
      const fee = adFeeIn(collected);
      if (fee) this.at(rowMonth(view)).adFeesInSettlement -= fee;
    }
  }

  private at(month: string): StatementAdMonth {
    let m = this.months.get(month);
    if (!m) this.months.set(detachedText(month), (m = noAdMonth()));
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
  /** Spend still to subtract from the settlement-based profit: spend − the fees inside the settlement, at most GMV Max's spend. */
  spendOnTop: number;
  /** GMV Pay transfers (positive cents) swapped for the spend: none in a month the reports do not cover. */
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
    const ads = spend.get(month);
    const { spend: spent, revenue, gmvMax } = ads || { spend: 0, revenue: 0, gmvMax: 0 };
    const st = statement.get(month) || noAdMonth();
    const s = sales.get(month);
    const grossSales = s ? s.grossSales : 0;
    const spendOnTop = spent - Math.min(gmvMax, st.adFeesInSettlement);
    // A month the reports do not cover keeps its transfers as its ad cost (see above).
    const transfers = spent > 0 ? st.gmvPayTransfers : 0;
    const netProfit = s ? s.netProfit : null;
    return {
      month,
      spend: spent,
      attributedRevenue: revenue,
      adFeesInSettlement: st.adFeesInSettlement,
      spendOnTop,
      gmvPayTransfers: transfers,
      grossSales,
      netProfit,
      profitAfterAds: netProfit === null ? null : netProfit + transfers - spendOnTop,
      tacos: share(spent, grossSales),
      blendedRoas: roas(grossSales, spent),
      attributedRoas: roas(revenue, spent),
    };
  });
}

/** Whether a ledger amount column is an affiliate commission line. */
export function isAffiliateColumn(id: string): boolean {
  return findColumnById(id)?.feeCategory === 'Affiliate';
}

/**
 * Per month, the ad cost to subtract from a settlement-based profit (the P&L's Ad spend of every
 * function and the dashboard): the report's spend not already inside the settlement, less the GMV
 * Pay transfers that lowered the settlement without being spend, in the months the reports cover
 * (see above). Positive cents; a covered month whose transfers exceed that spend is negative (the
 * transfer is handed back). Elsewhere none: no spend is known to net a transfer against, so the
 * settlement keeps it as the money spent on ads.
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
