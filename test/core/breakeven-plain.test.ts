/**
 * Break-even ROAS answers from plain numbers wherever it can (a column of 50,000 prices is one
 * call each) and from exact decimals only near a half cent. The plain answer must be the exact
 * one, digit for digit: checked here on random inputs, on inputs built to land exactly on a half
 * cent (where plain numbers must step aside), and on inputs a hair either side of one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactRoas, plainRoas, roasOf } from '../../src/core/analysis/breakeven';

type Inputs = [price: number, unitCost: number, feeRate: number, affiliateRate: number, otherCost: number];

/** The exact answer, or the message the exact path throws (no margin). */
function exactAnswer(inputs: Inputs): number | string {
  try {
    return exactRoas(...inputs);
  } catch (error) {
    return (error as Error).message;
  }
}

function expectPlainIsExact(inputs: Inputs): void {
  const plain = plainRoas(...inputs);
  if (plain !== undefined) expect(plain).toBe(exactAnswer(inputs));
  // Whichever path answers, the function's answer is the exact one.
  let answer: number | string;
  try {
    answer = roasOf(...inputs);
  } catch (error) {
    answer = (error as Error).message;
  }
  expect(answer).toBe(exactAnswer(inputs));
}

const cents = (max: number) => fc.integer({ min: 0, max }).map((c) => c / 100);
const money = fc.oneof(
  cents(10_000_000),
  fc.integer({ min: 0, max: 100_000_000 }).map((c) => c / 10_000),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
  fc.constantFrom(0, 0.01, 0.1, 0.3, 1e-9, 123456.785, 99999.995),
);
const rate = fc.oneof(
  fc.integer({ min: 0, max: 60 }).map((p) => p / 100),
  fc.integer({ min: 0, max: 600_000 }).map((p) => p / 1_000_000),
  fc.double({ min: 0, max: 0.6, noNaN: true }),
  fc.constantFrom(0, 0.08, 0.15, 0.1 + 0.2, 0.999999),
);

describe('break-even ROAS: plain numbers give the exact answer', () => {
  it('on random prices, costs and rates', () => {
    fc.assert(
      fc.property(money, money, rate, rate, money, (price, unitCost, feeRate, affiliateRate, otherCost) => {
        fc.pre(price > 0 && feeRate < 1 && affiliateRate < 1);
        expectPlainIsExact([price, unitCost, feeRate, affiliateRate, otherCost]);
      }),
      { numRuns: 20_000 },
    );
  });

  it('on ROAS that land exactly on a half cent, and a hair either side', () => {
    // margin × ROAS = price with ROAS = k + 0.005 exactly: price and unit cost are short decimals.
    const halfCent = fc
      .tuple(
        fc.integer({ min: 1, max: 5_000_000 }), // margin in cents
        fc.integer({ min: 0, max: 5_000 }), // ROAS in hundredths, below the half
        fc.integer({ min: 0, max: 60 }), // fee rate in percent
        fc.constantFrom(-1, 0, 1), // a unit cost one 10^-9 dollar either side
      )
      .map(([marginCents, hundredths, feePercent, nudge]): Inputs => {
        // Integers of 10^-9 dollars: price = margin × (2h + 1) / 200; kept = 1 − fee.
        const priceNano = BigInt(marginCents) * BigInt(2 * hundredths + 1) * BigInt(50_000);
        const grossNano = (priceNano * BigInt(100 - feePercent)) / BigInt(100);
        const unitCostNano = grossNano - BigInt(marginCents) * BigInt(10_000_000) + BigInt(nudge);
        const dollars = (nano: bigint) => Number(nano) / 1e9;
        return [dollars(priceNano), dollars(unitCostNano), feePercent / 100, 0, 0];
      });
    fc.assert(
      fc.property(halfCent, (inputs) => {
        fc.pre(inputs[0] > 0 && inputs[1] >= 0);
        expectPlainIsExact(inputs);
      }),
      { numRuns: 20_000 },
    );
  });

  it('hands a half cent to the exact path, which rounds it up', () => {
    // 20.1 ÷ (20.1 − 0.1) = 1.005 exactly → 1.01; in floats the quotient may fall either side.
    expect(plainRoas(20.1, 0.1, 0, 0, 0)).toBeUndefined();
    expect(roasOf(20.1, 0.1, 0, 0, 0)).toBe(1.01);
    // 30 ÷ (30 × 0.92 − 8 − 2) = 30 ÷ 17.60 = 1.7045… → 1.70, far from a half cent: plain numbers answer.
    expect(plainRoas(30, 8, 0.08, 0, 2)).toBe(1.7);
  });
});

describe('costs copied with a statement’s sign', () => {
  it('a negative unit cost or other cost is refused, never added to the margin', () => {
    // 29.99 × (1 − 0.06 − 0.15) − 8 = 15.69: 1.91. Read as −8, the margin would be 31.69 (0.95).
    expect(roasOf(29.99, 8, 0.06, 0.15, 0)).toBe(1.91);
    expect(() => roasOf(29.99, -8, 0.06, 0.15, 0)).toThrow('Costs are positive amounts here, found -8.');
    expect(() => roasOf(29.99, 8, 0.06, 0.15, -1.5)).toThrow('Costs are positive amounts here, found -1.5.');
  });
});
