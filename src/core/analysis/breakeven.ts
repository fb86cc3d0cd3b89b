/**
 * Break-even ROAS: the return on ad spend below which an ad-driven sale loses money.
 * ROAS = price ÷ margin per sale before ads, where the margin is what is left of the price after
 * TikTok's fee, the creator's commission, the unit cost and any other per-sale cost.
 * Rates are editable inputs here, never the actuals (actuals come from settlement lines).
 */
import Decimal from 'decimal.js';

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
  const price = new Decimal(input.price);
  if (!price.isFinite() || price.lte(0)) throw new Error(`The price must be a positive amount, found ${input.price}.`);
  for (const [label, rate] of [['fee_rate', input.feeRate], ['affiliate_rate', input.affiliateRate]] as const) {
    if (!Number.isFinite(rate) || rate < 0 || rate >= 1) {
      throw new Error(`${label} must be a fraction such as 0.06 or a percent such as 6%, found ${rate}.`);
    }
  }
  const margin = price
    .times(new Decimal(1).minus(input.feeRate).minus(input.affiliateRate))
    .minus(input.unitCost)
    .minus(input.otherCost);
  if (margin.lte(0)) {
    const loss = margin.negated().toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
    throw new LossBeforeAdsError(
      `This product loses money before any ad spend: after fees, commission and costs each sale is $${loss} short. No ROAS can break even; raise the price or lower costs.`,
    );
  }
  return price.dividedBy(margin).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
}
