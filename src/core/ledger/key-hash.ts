/**
 * The two 32-bit hashes of one part of a row's key (an ID, a type): a row's key hashes are mixed
 * from its parts' (see read/row-keys.ts), so no key string is built for a row whose key is new.
 * Hashing the length first tells `a|bc` from `ab|c`.
 */

/** `text`'s hashes, written at `at` of `first` and `second`. */
export function hashTextInto(text: string, first: Int32Array, second: Int32Array, at: number): void {
  let h1 = Math.imul(0x811c9dc5 ^ (text.length | 0x7c0000), 16777619);
  let h2 = Math.imul(0x9747b28c ^ (text.length | 0x7c0000), 0x5bd1e995);
  const pairsEnd = text.length & ~1;
  for (let i = 0; i < pairsEnd; i += 2) {
    const c = (text.charCodeAt(i) << 16) | text.charCodeAt(i + 1);
    // Rotated before each multiply, so the high half of `c` reaches the low bits too.
    h1 = Math.imul(((h1 << 13) | (h1 >>> 19)) ^ c, 16777619);
    h2 = Math.imul((h2 << 5) ^ (h2 >>> 27) ^ c, 0x5bd1e995);
  }
  if (pairsEnd < text.length) {
    const c = text.charCodeAt(pairsEnd);
    h1 = Math.imul(((h1 << 13) | (h1 >>> 19)) ^ c, 16777619);
    h2 = Math.imul((h2 << 5) ^ (h2 >>> 27) ^ c, 0x5bd1e995);
  }
  first[at] = h1;
  second[at] = h2;
}
