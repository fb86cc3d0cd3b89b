/**
 * `2026/08/15` or `2026-08-15` as one number that tells every such text apart (its digits, and
 * which separator): date caches are keyed by it without hashing strings, and the byte reader
 * reads it from the file's bytes without cutting the text at all.
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

/** {@link dayKey} of the bytes `[start, end)` of `buf`. */
export function dayKeyOfBytes(buf: Uint8Array, start: number, end: number): number {
  if (end - start !== 10) return -1;
  const separator = buf[start + 4];
  if ((separator !== 47 && separator !== 45) || buf[start + 7] !== separator) return -1;
  let digits = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const d = buf[start + i] - 48;
    if (d < 0 || d > 9) return -1;
    digits = digits * 10 + d;
  }
  return digits * 2 + (separator === 47 ? 1 : 0);
}

/** The text a day key was read from. */
export function dayKeyText(day: number): string {
  const digits = String(Math.floor(day / 2)).padStart(8, '0');
  const separator = day % 2 === 1 ? '/' : '-';
  return `${digits.slice(0, 4)}${separator}${digits.slice(4, 6)}${separator}${digits.slice(6, 8)}`;
}
