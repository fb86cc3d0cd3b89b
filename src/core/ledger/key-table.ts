/**
 * A set of row keys held as two independent 30-bit hashes in typed arrays, with the content
 * fingerprint of each key's first row. It keeps no strings alive, so duplicate detection over a
 * million rows adds no garbage-collector work. Two different keys are confused only when both
 * hashes collide (about 1 in 10^7 for a million keys); the only effect would be a `#2` suffix.
 */
export class KeyTable {
  /**
   * Open addressing, two ints a slot: the first hash with bit 30 set (0 = empty) and the key's
   * entry number. A new key costs one random memory access (its slot); the rest is appended.
   */
  private slots: Int32Array;
  private mask: number;
  /** By entry number, in the order keys were added: second hash and content fingerprint. */
  private seconds: Int32Array;
  private contents: Int32Array;
  /** By entry number: the row number given with the key's first occurrence. */
  private rows: Int32Array;
  private count = 0;
  /** The row number stored with the key `add` last found already there. */
  firstRow = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
    this.seconds = new Int32Array(size / 2);
    this.contents = new Int32Array(size / 2);
    this.rows = new Int32Array(size / 2);
  }

  get size(): number {
    return this.count;
  }

  /**
   * Adds the key (30-bit hashes `h1`, `h2`; higher bits are ignored) with its content fingerprint
   * and row number; returns the fingerprint stored for an earlier occurrence (its row in
   * `firstRow`), or undefined when the key is new.
   */
  add(h1: number, h2: number, content: number, row = 0): number | undefined {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    const first = h1 & 0x3fffffff;
    const second = h2 & 0x3fffffff;
    const tag = first | 0x40000000;
    const slots = this.slots;
    let i = spread(first) & this.mask;
    for (;;) {
      const at = i * 2;
      const taken = slots[at];
      if (taken === 0) {
        const entry = this.count++;
        slots[at] = tag;
        slots[at + 1] = entry;
        this.seconds[entry] = second;
        this.contents[entry] = content;
        this.rows[entry] = row;
        return undefined;
      }
      if (taken === tag) {
        const entry = slots[at + 1];
        if (this.seconds[entry] === second) {
          this.firstRow = this.rows[entry];
          return this.contents[entry];
        }
      }
      i = (i + 1) & this.mask;
    }
  }

  /** Doubles the slots (entries keep their numbers) and the entry arrays. */
  private grow(): void {
    const old = this.slots;
    const size = (this.mask + 1) * 2;
    const slots = new Int32Array(size * 2);
    const mask = size - 1;
    for (let at = 0; at < old.length; at += 2) {
      const tag = old[at];
      if (tag === 0) continue;
      let i = spread(tag & 0x3fffffff) & mask;
      while (slots[i * 2] !== 0) i = (i + 1) & mask;
      slots[i * 2] = tag;
      slots[i * 2 + 1] = old[at + 1];
    }
    this.slots = slots;
    this.mask = mask;
    this.seconds = widened(this.seconds, size / 2);
    this.contents = widened(this.contents, size / 2);
    this.rows = widened(this.rows, size / 2);
  }
}

/** `entries` copied into a longer array. */
function widened(entries: Int32Array, length: number): Int32Array {
  const out = new Int32Array(length);
  out.set(entries);
  return out;
}

/**
 * Mixes all 32 bits of a hash into its low bits (murmur3's finalizer). FNV-style hashes of keys
 * that differ only in their last digits differ mostly in high bits, and linear probing on the
 * raw low bits would walk long runs of taken slots.
 */
export function spread(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
