/**
 * A set of row keys held as two independent 30-bit hashes in typed arrays, with the content
 * fingerprint of each key's first row. It keeps no strings alive, so duplicate detection over a
 * million rows adds no garbage-collector work. Two different keys are confused only when both
 * hashes collide (about 1 in 10^7 for a million keys); the only effect would be a `#2` suffix.
 */
export class KeyTable {
  private slots: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size * 4);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  /**
   * Adds the key (hashes `h1`, `h2`) with its content fingerprint; returns the fingerprint stored
   * for an earlier occurrence, or undefined when the key is new.
   */
  add(h1: number, h2: number, content: number): number | undefined {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    const slots = this.slots;
    let i = spread(h1) & this.mask;
    for (;;) {
      const at = i * 4;
      if (slots[at + 3] === 0) {
        slots[at] = h1;
        slots[at + 1] = h2;
        slots[at + 2] = content;
        slots[at + 3] = 1;
        this.count++;
        return undefined;
      }
      if (slots[at] === h1 && slots[at + 1] === h2) return slots[at + 2];
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.slots.length / 4 - 1;
    this.count = 0;
    for (let at = 0; at < old.length; at += 4) if (old[at + 3] === 1) this.add(old[at], old[at + 1], old[at + 2]);
  }
}

/**
 * Mixes all 32 bits of a hash into its low bits (murmur3's finalizer). FNV-style hashes of keys
 * that differ only in their last digits differ mostly in high bits, and linear probing on the
 * raw low bits would walk long runs of taken slots.
 */
function spread(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
