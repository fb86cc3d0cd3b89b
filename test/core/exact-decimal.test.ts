// Rate math once ran on decimal.js (20 significant digits, half up); the exact arithmetic that
// replaced it must give the same numbers and the same text, digit for digit.
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  divide,
  exact,
  minus,
  plus,
  roundTo,
  significant,
  times,
  toFixed,
  toNumber,
  toText,
} from '../../src/core/exact-decimal';
import { lineCostCents, parseUnitCost, formatUnitCost } from '../../src/core/analysis/unit-cost';
import { breakevenRoas } from '../../src/core/analysis/breakeven';

const decimalText = fc.oneof(
  fc
    .tuple(
      fc.boolean(),
      fc.bigInt({ min: BigInt(0), max: BigInt('99999999999999999999999999') }),
      fc.integer({ min: 0, max: 30 }),
    )
    .map(([neg, digits, places]) => {
      const s = digits.toString().padStart(places + 1, '0');
      return `${neg ? '-' : ''}${s.slice(0, s.length - places)}${places ? `.${s.slice(s.length - places)}` : ''}`;
    }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
);

const same = (ours: string, theirs: string) => expect(ours).toBe(theirs);

describe('exact decimals agree with decimal.js', () => {
  it('reads and writes numbers and text the same way', () => {
    fc.assert(
      fc.property(decimalText, (t) => {
        same(toText(exact(t)), new Decimal(t).toString());
        expect(toNumber(exact(t))).toBe(
          Math.abs(new Decimal(t).toNumber()) === 0 ? 0 : new Decimal(t).toNumber(),
        );
      }),
      { numRuns: 3000 },
    );
    for (const t of ['5e-8', '0.0000001', '0.000001', '1e21', '123456789012345678901', '-0.50', '1.5e+22']) {
      same(toText(exact(t)), new Decimal(t).toString());
    }
  });

  it('adds, subtracts, multiplies and divides to 20 significant digits, half up', () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        const x = exact(a);
        const y = exact(b);
        same(toText(significant(plus(x, y))), new Decimal(a).plus(b).toString());
        same(toText(significant(minus(x, y))), new Decimal(a).minus(b).toString());
        same(toText(significant(times(x, y))), new Decimal(a).times(b).toString());
        if (!new Decimal(b).isZero()) same(toText(divide(x, y)), new Decimal(a).dividedBy(b).toString());
      }),
      { numRuns: 3000 },
    );
  });

  it('rounds half away from zero to places and writes fixed decimals', () => {
    fc.assert(
      fc.property(decimalText, fc.integer({ min: 0, max: 6 }), (a, places) => {
        same(
          toText(roundTo(exact(a), places)),
          new Decimal(a).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toString(),
        );
        same(toFixed(exact(a), places), new Decimal(a).toFixed(places, Decimal.ROUND_HALF_UP));
      }),
      { numRuns: 3000 },
    );
    same(toText(roundTo(exact('2.5'), 0)), '3');
    same(toText(roundTo(exact('-2.5'), 0)), '-3');
    same(toText(divide(exact(5), exact(6))), '0.83333333333333333333');
    same(toText(divide(exact(2), exact(3))), '0.66666666666666666667');
  });
});

describe('the rate functions keep their numbers', () => {
  const D40 = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

  it('a unit cost past the fourth decimal rounds half up; a line past 2^53 rounds once', () => {
    expect(parseUnitCost('0.12345')).toBe(1235);
    expect(parseUnitCost('(0.00005)')).toBe(-1);
    expect(parseUnitCost(1 / 3)).toBe(3333);
    expect(lineCostCents(2e9, 99_999_999)).toBe(1_999_999_980_000_000);
    expect(lineCostCents(1.5, 3)).toBe(0);
    expect(lineCostCents(3, 1.5)).toBe(0);
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.integer({ min: -1e9, max: 1e9 }),
        (units, cost) => {
          // A product that is a safe integer as a float is rounded without decimals (code unchanged here).
          fc.pre(!Number.isSafeInteger(units * cost));
          const expected = new D40(units)
            .times(cost)
            .div(100)
            .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
            .toNumber();
          expect(lineCostCents(units, cost) + 0).toBe(expected + 0);
        },
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cost) => {
        const text = new D40(cost)
          .div(10_000)
          .toFixed(4)
          .replace(/(\.\d\d\d?)0+$/, '$1')
          .replace(/(\.\d\d)0$/, '$1');
        expect(formatUnitCost(cost)).toBe(text.startsWith('-') ? `-$${text.slice(1)}` : `$${text}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('break-even ROAS is price ÷ margin to the cent of a ratio', () => {
    expect(breakevenRoas({ price: 30, unitCost: 8, feeRate: 0.06, affiliateRate: 0.1, otherCost: 2 })).toBe(
      1.97,
    );
    expect(() =>
      breakevenRoas({ price: 10, unitCost: 9.5, feeRate: 0.06, affiliateRate: 0, otherCost: 0 }),
    ).toThrow('each sale is $0.10 short');
    expect(() =>
      breakevenRoas({ price: 10, unitCost: Infinity, feeRate: 0.06, affiliateRate: 0, otherCost: 0 }),
    ).toThrow('each sale is $Infinity short');
    expect(
      breakevenRoas({ price: 10, unitCost: NaN, feeRate: 0.06, affiliateRate: 0, otherCost: 0 }),
    ).toBeNaN();
    // Amounts and rates as sellers type them (cents, tenths of a cent, whole percents) and as floats.
    const money = fc.oneof(
      fc.double({ min: 0, max: 1e5, noNaN: true }),
      fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100),
      fc.integer({ min: 0, max: 100_000_000 }).map((c) => c / 10_000),
    );
    const rate = fc.oneof(
      fc.double({ min: 0, max: 0.5, noNaN: true }),
      fc.integer({ min: 0, max: 50 }).map((p) => p / 100),
      fc.integer({ min: 0, max: 500_000 }).map((p) => p / 1_000_000),
    );
    fc.assert(
      fc.property(money, money, rate, rate, money, (price, unitCost, feeRate, affiliateRate, otherCost) => {
        fc.pre(price > 0);
        const margin = new Decimal(price)
          .times(new Decimal(1).minus(feeRate).minus(affiliateRate))
          .minus(unitCost)
          .minus(otherCost);
        const input = { price, unitCost, feeRate, affiliateRate, otherCost };
        if (margin.lte(0))
          expect(() => breakevenRoas(input)).toThrow(
            `$${margin.negated().toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)} short`,
          );
        else
          expect(breakevenRoas(input)).toBe(
            new Decimal(price).dividedBy(margin).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber(),
          );
      }),
      { numRuns: 3000 },
    );
  });
});
