/** How the sidebar words numbers, dates and problems for a seller. */
import { formatCents } from '../core/money';
import type { Problem } from '../core/types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function money(cents: number): string {
  return formatCents(cents, { dollarSign: true });
}

export { count, plural } from '../core/words';

/** `2026-05-03` (or an ISO timestamp) → `May 3, 2026`; anything else is shown as given. */
export function isoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${MONTHS[Number(m[2]) - 1]} ${Number(m[3])}, ${m[1]}`;
}

/** `2026-09` → `Sep 2026`; anything else is shown as given. */
export function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${MONTHS[Number(m[2]) - 1]} ${m[1]}` : month;
}

/** `May 1 – May 31, 2026`, `May 3, 2026`, or `no dates` for a file without any. */
export function period(p: { first: string; last: string }): string {
  if (!p.first && !p.last) return 'no dates';
  if (!p.first || !p.last || p.first.slice(0, 10) === p.last.slice(0, 10)) return isoDate(p.first || p.last);
  const first = isoDate(p.first);
  const last = isoDate(p.last);
  // Drop the first year when both ends share it: "May 1 – May 31, 2026".
  return p.first.slice(0, 4) === p.last.slice(0, 4)
    ? `${first.replace(/, \d{4}$/, '')} – ${last}`
    : `${first} – ${last}`;
}

/**
 * `Row 214, column Referral fee: expected an amount, found `abc`` (sheet named for XLSX files).
 * The core's messages already name the row and mark headers as *Header*; the stars are dropped here.
 */
export function problem(p: Problem): string {
  const message = p.message.replace(/\*([^*]+)\*/g, '$1');
  const sheet = p.sheet ? `Sheet ${p.sheet}, ` : '';
  if (/^Row \d+/.test(message)) return sheet + message;
  const where = [p.row > 0 ? `Row ${p.row}` : '', p.column ? `column ${p.column}` : '']
    .filter(Boolean)
    .join(', ');
  return where ? `${sheet}${where}: ${message}` : sheet + message;
}
