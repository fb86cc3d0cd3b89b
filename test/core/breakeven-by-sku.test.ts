import { describe, expect, it } from 'vitest';
import { roundedQuotient } from '../../src/core/analysis/breakeven-by-sku';

describe('roundedQuotient: integer division rounded once, half away from zero', () => {
  it('rounds 10.00 ÷ 3 units to $3.3333 and 0.05 ÷ 2 to $0.0250, exact at the half', () => {
    expect(roundedQuotient(1_000 * 100, 3)).toBe(33_333);
    expect(roundedQuotient(5 * 100, 2)).toBe(250);
    expect(roundedQuotient(5, 2)).toBe(3);
    expect(roundedQuotient(7, 3)).toBe(2);
  });

  it('rounds a loss the same way as a gain: −2.5 → −3, −7 ÷ 3 → −2, 5 ÷ −2 → −3', () => {
    expect(roundedQuotient(-5, 2)).toBe(-3);
    expect(roundedQuotient(-7, 3)).toBe(-2);
    expect(roundedQuotient(5, -2)).toBe(-3);
    expect(roundedQuotient(0, 7)).toBe(0);
  });
});
