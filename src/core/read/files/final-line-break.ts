/**
 * Whether a text file's last record ends in a line break. A download cut short ends mid-record;
 * a last record without a line break is kept only if it reconciles (core/ledger/ready-to-import.ts).
 */

/** True when the bytes (UTF-8, Latin-1 or UTF-16 in either order) end without `\n` or `\r` after the last text. */
export function endsWithoutLineBreak(bytes: Uint8Array): boolean {
  let end = bytes.length;
  // UTF-16 puts a zero byte beside each ASCII character: skip those, not the text's last character.
  while (end > 0 && bytes[end - 1] === 0) end--;
  if (end === 0) return false;
  const last = bytes[end - 1];
  return last !== 0x0a && last !== 0x0d;
}
