/**
 * `2026/08/15` or `2026-08-15` as one number that tells every such text apart (its digits, and
 * which separator): date caches are keyed by it without hashing strings.
 */

/** The day key of `text`, or −1 for any other text. */
export function dayKey(text: string): number {
  if (text.length !== 10) return -1;
  const separator = text.charCodeAt(4);
  if ((separator !== 47 && separator !== 45) || text.charCodeAt(7) !== separator) return -1;
  let digits = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    digits = digits * 10 + d;
  }
  return digits * 2 + (separator === 47 ? 1 : 0);
}
