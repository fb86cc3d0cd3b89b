/**
 * Break-even ROAS: the return on ad spend below which an ad-driven sale loses money.
 * ROAS = price ÷ margin per sale before ads, where the margin is what is left of the price after
 * TikTok's fee, the creator's commission, the unit cost and any other per-sale cost.
 * Rates are editable inputs here, never the actuals (actuals come from settlement lines).
 */
import { compare, divide, exact, minus, roundTo, significant, times, toFixed, toNumber } from '../exact-decimal';

export interface BreakevenInput {
  price: number;
  unitCost: number;
  /** Fractions: 0.06 for 6 %. */
  feeRate: number;
  affiliateRate: number;
  otherCost: number;
}

export class LossBeforeAdsError extends Error {}

/** Returns ROAS rounded half-up to 2 decimals; throws LossBeforeAdsError when there is no margin. */
export function breakevenRoas(input: BreakevenInput): number {
  if (!Number.isFinite(input.price) || input.price <= 0) throw new Error(`The price must be a positive amount, found ${input.price}.`);
  for (const [label, rate] of [['fee_rate', input.feeRate], ['affiliate_rate', input.affiliateRate]] as const) {
    if (!Number.isFinite(rate) || rate < 0 || rate >= 1) {
      throw new Error(`${label} must be a fraction such as 0.06 or a percent such as 6%, found ${rate}.`);
    }
  }
  // A cost too large for a number (Infinity) leaves no margin; NaN leaves no answer.
  const costs = input.unitCost + input.otherCost;
  if (!Number.isFinite(costs)) {
    if (costs > 0) throw lossBeforeAds('Infinity');
    return costs < 0 ? 0 : NaN;
  }
  const price = exact(input.price);
  const kept = significant(minus(significant(minus(exact(1), exact(input.feeRate))), exact(input.affiliateRate)));
  const margin = significant(minus(significant(minus(significant(times(price, kept)), exact(input.unitCost))), exact(input.otherCost)));
  if (compare(margin, exact(0)) <= 0) throw lossBeforeAds(toFixed(roundTo({ c: -margin.c, e: margin.e }, 2), 2));
  return toNumber(roundTo(divide(price, margin), 2));
}

function lossBeforeAds(loss: string): LossBeforeAdsError {
  return new LossBeforeAdsError(
    `This product loses money before any ad spend: after fees, commission and costs each sale is $${loss} short. No ROAS can break even; raise the price or lower costs.`,
  );
}
