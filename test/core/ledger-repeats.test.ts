/**
 * The one rule the preview's "already imported" count and Import share: a key the ledger holds with
 * the same settlement is a repeat; with another, the row is another line of that key (a later
 * estimate, the second part of a split file) and is written under the key's next number.
 */
import { describe, expect, it } from 'vitest';
import { ledgerKeyFor, settlementOf } from '../../src/core/ledger/ledger-repeats';

const KEY = 'onhold|577431091617435979|1732440158393635811|Order';

describe('ledgerKeyFor', () => {
  it('a key the ledger lacks is written as it is, and a later row of the same key meets it', () => {
    const keys = new Set<string>();
    expect(ledgerKeyFor(KEY, 1376, keys, () => new Map([[KEY, [1376]]]))).toBe(KEY);
    expect(keys.has(KEY)).toBe(true);
  });

  it('the same settlement is a repeat; a changed estimate is the next number, then a repeat itself', () => {
    const settled = new Map([[KEY, [1376]]]);
    const keys = new Set([KEY]);
    expect(ledgerKeyFor(KEY, 1376, keys, () => settled)).toBeNull();
    expect(ledgerKeyFor(KEY, 688, keys, () => settled)).toBe(`${KEY}#2`);
    expect(ledgerKeyFor(KEY, 688, keys, () => settled)).toBeNull();
    expect(ledgerKeyFor(`${KEY}#2`, 500, keys, () => settled)).toBe(`${KEY}#3`);
  });

  it('a settlement cell that is not an amount matches any, so nothing is written twice', () => {
    expect(ledgerKeyFor(KEY, 1, new Set([KEY]), () => new Map([[KEY, [NaN]]]))).toBeNull();
  });

  it("a row's settlement is its own settlement column, whichever layout's it is", () => {
    expect(settlementOf({ total_settlement_amount: 1376, referral_fee: -117 })).toBe(1376);
    expect(settlementOf({ referral_fee: -117 })).toBe(0);
  });
});
