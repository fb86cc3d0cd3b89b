import { describe, expect, it } from 'vitest';
import { emptyLines } from '../../src/core/analysis/pnl';
import { isSampleOrder, sampleTypeVerdict } from '../../src/core/analysis/samples';

const lines = (netSales: number, shipping: number) => ({ ...emptyLines(), netSales, shipping });

describe('which order lines are free samples', () => {
  it('believes the file’s Sample order type: free samples and oversamples are samples, a paid sample is a sale', () => {
    expect(
      ['free sample from seller', 'Free Sample', 'oversample', 'Sample order'].map(sampleTypeVerdict),
    ).toEqual(['sample', 'sample', 'sample', 'sample']);
    expect(['paid sample', 'Paid Sample', 'Normal', 'none'].map(sampleTypeVerdict)).toEqual([
      'sale',
      'sale',
      'sale',
      'sale',
    ]);
    expect(['', ' ', '/', '-', undefined].map(sampleTypeVerdict)).toEqual([
      'unknown',
      'unknown',
      'unknown',
      'unknown',
      'unknown',
    ]);
  });

  it('the column wins over the rule, both ways', () => {
    // A free sample whose shipping TikTok paid: the rule (seller-paid shipping) would miss it.
    expect(isSampleOrder(2, lines(0, 0), 'free sample from seller')).toBe(true);
    expect(isSampleOrder(2, lines(0, 0))).toBe(false);
    // A line the rule would take for a sample, which the file says the creator paid for.
    expect(isSampleOrder(1, lines(0, -458), 'paid sample')).toBe(false);
    expect(isSampleOrder(1, lines(0, -458))).toBe(true);
  });

  it('without the column (or with it blank), the rule: items, no revenue, shipping paid by the seller', () => {
    expect(isSampleOrder(1, lines(0, -458), '/')).toBe(true);
    expect(isSampleOrder(1, lines(2000, -458), '')).toBe(false);
    expect(isSampleOrder(0, lines(0, -458), 'free sample from seller')).toBe(false);
  });
});
