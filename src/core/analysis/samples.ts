/**
 * Free samples sent to creators. Their cost is marketing, not cost of goods sold: the units at
 * their unit cost plus what the order cost in the settlement (the seller-paid shipping), reported
 * as Samples.
 *
 * A file that says which orders are samples (the *Sample order type* column of the P&L report and
 * of statements that carry it: `free sample from seller`, `oversample`, `paid sample`…) is believed
 * row by row; a row without it is a sample by rule: items, no revenue (a 100 %-discounted sale, or
 * one at $0) and shipping paid by the seller.
 */
import type { PnlLines } from './pnl';

/** What a row's Sample order type says: a sample the seller gives away, a sale, or nothing. */
export function sampleTypeVerdict(sampleType: string | undefined): 'sample' | 'sale' | 'unknown' {
  // Most rows have no Sample order type at all.
  if (!sampleType) return 'unknown';
  const text = sampleType.trim().toLowerCase();
  if (text === '' || text === '/' || text === '-' || text === '--') return 'unknown';
  // A paid sample was bought by the creator: its revenue is a sale like any other.
  if (text.includes('paid')) return 'sale';
  return text.includes('sample') ? 'sample' : 'sale';
}

/** True for a free sample: as its Sample order type says, else by the rule above. */
export function isSampleOrder(quantity: number, lines: PnlLines, sampleType?: string): boolean {
  if (quantity <= 0) return false;
  const verdict = sampleTypeVerdict(sampleType);
  if (verdict !== 'unknown') return verdict === 'sample';
  return lines.netSales === 0 && lines.refunds === 0 && lines.shipping < 0;
}
