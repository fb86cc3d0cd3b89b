/**
 * Where ad spend enters the P&L. The P&L starts from TikTok's settlement, so the ad spend to
 * subtract from it per month is the spend not already inside the settlement (GMV Max ad fees
 * deducted per order are in it), less any GMV Pay transfer that lowered the settlement without
 * being spend. The ads module works that out from the TTS Ads tab and hands it over as this map;
 * without ads imported it is empty and every month's ad spend is 0.
 */

/** `YYYY-MM` → ad spend to subtract from that month's settlement-based profit, positive cents. */
export type AdSpendByMonth = ReadonlyMap<string, number>;

export const NO_AD_SPEND: AdSpendByMonth = new Map();

/** Ad spend of the given months together. */
export function adSpendOf(adSpend: AdSpendByMonth, months: readonly string[]): number {
  let cents = 0;
  for (const month of months) cents += adSpend.get(month) || 0;
  return cents;
}

/** The note shown beside an ad spend of 0 when no ads were imported. */
export const NO_ADS_NOTE = 'Ad spend is 0 until TikTok ad reports are imported.';
