/**
 * Break-even ROAS: the return on ad spend below which an ad-driven sale loses money.
 * ROAS = price ÷ margin per sale before ads, where the margin is what is left of the price after
 * TikTok's fee, the creator's commission, the unit cost and any other per-sale cost.
 * Rates are editable inputs here, never the actuals (actuals come from settlement lines).
 */
import {
  compare,
  divide,
  exact,
  minus,
  roundTo,
  significant,
  times,
  toFixed,
  toNumber,
} from '../exact-decimal';

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
  return roasOf(input.price, input.unitCost, input.feeRate, input.affiliateRate, input.otherCost);
}

/**
 * {@link breakevenRoas} from its five inputs in that order: a column of prices calls it once per
 * row, so it builds nothing but the answer (plain numbers, exact decimals only near a half cent).
 */
export function roasOf(
  price: number,
  unitCost: number,
  feeRate: number,
  affiliateRate: number,
  otherCost: number,
): number {
  if (!Number.isFinite(price) || price <= 0)
    throw new Error(`The price must be a positive amount, found ${price}.`);
  // A statement shows costs as negative amounts; copied here, −8 would add to the margin.
  if (unitCost < 0 || otherCost < 0)
    throw new Error(`Costs are positive amounts here, found ${Math.min(unitCost, otherCost)}.`);
  checkRate('fee_rate', feeRate);
  checkRate('affiliate_rate', affiliateRate);
  // A cost too large for a number (Infinity) leaves no margin; NaN leaves no answer.
  const costs = unitCost + otherCost;
  if (!Number.isFinite(costs)) {
    if (costs > 0) throw lossBeforeAds('Infinity');
    return costs < 0 ? 0 : NaN;
  }
  const fast = plainRoas(price, unitCost, feeRate, affiliateRate, otherCost);
  return fast !== undefined ? fast : exactRoas(price, unitCost, feeRate, affiliateRate, otherCost);
}

function checkRate(label: string, rate: number): void {
  if (!Number.isFinite(rate) || rate < 0 || rate >= 1)
    throw new Error(`${label} must be a fraction such as 0.06 or a percent such as 6%, found ${rate}.`);
}

/** The ROAS in exact decimals (every input read from its shortest decimal form); throws when there is no margin. */
export function exactRoas(
  price: number,
  unitCost: number,
  feeRate: number,
  affiliateRate: number,
  otherCost: number,
): number {
  const exactPrice = exact(price);
  const kept = significant(minus(significant(minus(exact(1), exact(feeRate))), exact(affiliateRate)));
  const margin = significant(
    minus(significant(minus(significant(times(exactPrice, kept)), exact(unitCost))), exact(otherCost)),
  );
  if (compare(margin, exact(0)) <= 0)
    throw lossBeforeAds(toFixed(roundTo({ c: -margin.c, e: margin.e }, 2), 2));
  return toNumber(roundTo(divide(exactPrice, margin), 2));
}

function lossBeforeAds(loss: string): LossBeforeAdsError {
  return new LossBeforeAdsError(
    `This product loses money before any ad spend: after fees, commission ` +
      `and costs each sale is $${loss} short. No ROAS can break even; raise the price or lower costs.`,
  );
}

/**
 * The same ROAS from plain numbers, where they cannot differ: every input, and each step of the
 * margin, is within a rounding unit of the exact decimal, so the margin is within 16 units of the
 * largest amount involved. The quotient is rounded here only when it is farther than that error
 * (doubled) from a half cent; otherwise, and for a margin of 0 or less, the exact path decides.
 */
export function plainRoas(
  price: number,
  unitCost: number,
  feeRate: number,
  affiliateRate: number,
  otherCost: number,
): number | undefined {
  const gross = price * (1 - feeRate - affiliateRate);
  const margin = gross - unitCost - otherCost;
  if (!(margin > 0) || !Number.isFinite(margin)) return undefined;
  const largest = Math.max(price, Math.abs(gross), Math.abs(unitCost), Math.abs(otherCost), 1);
  const hundredths = (price / margin) * 100;
  const slack = hundredths * (16 * (largest / margin) + 8) * Number.EPSILON;
  if (!(slack < 1e-3) || !(hundredths < 2 ** 50)) return undefined;
  const whole = Math.floor(hundredths);
  const fraction = hundredths - whole;
  if (Math.abs(fraction - 0.5) <= slack) return undefined;
  return (whole + (fraction > 0.5 ? 1 : 0)) / 100;
}
