/**
 * Keys already in the TTS Ledger tab, as the current key format spells them. A key depends only
 * on what identifies the row in TikTok's data (IDs, type, calendar date). Ledgers written before
 * that rule hold Income keys ending in the settled date-time (`income|…|Order|2026-06-12T16:55:33-07:00`):
 * read back, each becomes its calendar-date key, and two that now share one are numbered as a
 * file's repeats are (`…#2`), so a re-import of the same rows finds them all.
 */
import { keyType } from '../read/row-keys';

/** Where a key holds its type (row-keys.ts), by its prefix ('' for a Statement's key). */
const TYPE_PART: Record<string, number> = { '': 3, onhold: 3, income: 2 };

/** The key with its type spelt as keys spell it now; earlier versions kept its punctuation. */
function withKeyType(key: string): string {
  const parts = key.split('|');
  const prefix = /^[a-z-]+$/.test(parts[0]) ? parts[0] : '';
  const at = TYPE_PART[prefix];
  if (at === undefined || parts.length !== 4) return key;
  parts[at] = keyType(parts[at]);
  return parts.join('|');
}

const DATE_TIME_TAIL = /\|(\d{4}-\d{2}-\d{2})T[^|#]*$/;
const REPEAT_SUFFIX = /#(\d+)$/;

/**
 * A key of the current format (repeat suffix dropped): an older Income key's date-time cut to its
 * date, and its type without punctuation (row-keys.ts), as earlier versions did not.
 */
export function baseKeyOf(key: string): { base: string; changed: boolean } {
  const plain = key.replace(REPEAT_SUFFIX, '');
  const base = withKeyType(plain.startsWith('income|') ? plain.replace(DATE_TIME_TAIL, '|$1') : plain);
  return { base, changed: base !== plain };
}

/** The ledger's keys in the current format: keys as they are, plus each older key's successor. */
export function currentLedgerKeys(keys: Iterable<string>): Set<string> {
  const out = new Set<string>();
  const olderCounts = new Map<string, number>();
  for (const key of keys) {
    out.add(key);
    const { base, changed } = baseKeyOf(key);
    if (changed) olderCounts.set(base, (olderCounts.get(base) || 0) + 1);
  }
  for (const [base, count] of olderCounts) {
    for (let n = 1; n <= count; n++) out.add(n === 1 ? base : `${base}#${n}`);
  }
  return out;
}
