/**
 * Whether a file's row is already in the TTS Ledger tab: one rule for the sidebar's preview ("N of M
 * rows already imported") and for Import. A row whose key the ledger holds with the same settlement
 * and refunds is a repeat. Otherwise it is not: another line of that key (a file split between two
 * such lines of a statement) or a later download's estimate (an order export, which has no
 * settlement, after a cancellation or a return), written under the key's next number (`…#2`), as
 * the whole file would have numbered it.
 */
import { COLUMNS } from '../read/catalog';
import { baseKeyOf } from './ledger-keys';

/** The columns holding a row's own settlement (Total settlement amount, the On-hold estimate, Order Income) and its gross sales refunds. */
export const SETTLEMENT_COLUMNS = COLUMNS.filter(
  (c) => c.pnl === 'settlement' || (c.grossSales && c.pnl === 'refunds'),
);

/**
 * A row's own settlement and gross sales refunds in cents (amounts by catalog id): the figures that
 * tell a repeat from another line of its key or a later download's changed row.
 */
export const settlementOf = (amounts: Readonly<Record<string, number>>): number =>
  SETTLEMENT_COLUMNS.reduce((n, c) => n + (amounts[c.id] || 0), 0);

/**
 * The key a row of this key and settlement is written under, or null for a repeat. `keys`: the
 * ledger's, the row's added (so a file's later rows meet its earlier ones); `settled`: the ledger's
 * settlements by key, repeat suffix dropped (NaN for a cell that is not an amount, which matches
 * any), read only when a key is met.
 */
export function ledgerKeyFor(
  key: string,
  cents: number,
  keys: Set<string>,
  settled: () => Map<string, number[]>,
): string | null {
  if (keys.has(key)) {
    const base = baseKeyOf(key).base;
    const seen = settled().get(base);
    if (!seen || seen.some((c) => c === cents || Number.isNaN(c))) return null;
    seen.push(cents);
    let n = 2;
    while (keys.has(`${base}#${n}`)) n++;
    key = `${base}#${n}`;
  }
  keys.add(key);
  return key;
}
