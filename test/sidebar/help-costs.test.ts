// @vitest-environment happy-dom
/**
 * Help on the seller's cost tabs: every column of TTS COGS and TTS Costs with what it holds (the
 * same words as the note on the tab's header), and how the figures are worked out.
 */
import { describe, expect, it } from 'vitest';
import { helpDialog } from '../../src/sidebar/help-view';

describe('Help: your costs', () => {
  const page = helpDialog(() => undefined);
  const text = page.textContent ?? '';
  const guide = (title: string) => {
    const fold = [...page.querySelectorAll('details.column-guide')].find(
      (d) => d.querySelector('summary')?.textContent === title,
    )!;
    return [...fold.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]);
  };

  it('names every column of both tabs, with what it holds', () => {
    expect(guide('TTS COGS columns').map(([c]) => c)).toEqual([
      'SKU ID',
      'Seller SKU',
      'Product name',
      'SKU name',
      'Product cost',
      'Inbound freight',
      'Duty / tariff',
      'Packaging',
      'Other per unit',
      'Unit cost',
      'Effective from',
    ]);
    expect(guide('TTS Costs columns').map(([c]) => c)).toEqual([
      'Cost',
      'Amount',
      'Every',
      'Percent',
      'Of',
      'Starts',
      'Ends',
    ]);
    expect(guide('TTS COGS columns').find(([c]) => c === 'Effective from')![1]).toContain(
      'earlier orders keep the old cost',
    );
    expect(guide('TTS Costs columns').find(([c]) => c === 'Of')![1]).toBe(
      'The figure the percent is taken of: net sales (default), gross sales or settlement.',
    );
  });

  it('says how the figures are worked out: 4 decimals, effective dates, days, percentages', () => {
    expect(text).toContain('Your costs: TTS COGS and TTS Costs');
    expect(text).toContain('1,000 × $0.125 = $125.00');
    expect(text).toContain('Orders from that date use it, earlier orders the old one');
    // The January share TTS_COST_DETAIL gives (test/core/running-costs.test.ts): 1,200 × 31 ÷ 365 = 101.918.
    expect(text).toContain('$1,200 a year from 1 January 2026 is $101.92 in January');
    expect(text).toContain('2% of $225.25 net sales is $4.51');
  });
});
