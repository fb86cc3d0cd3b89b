/**
 * Duplicate-key detection for a pass that only sums a file (no row is kept, so no row needs its
 * `#n` suffix while it is read): each row's two key hashes, content fingerprint and row number
 * are appended to plain arrays, and repeats are found at the end by sorting the few entries that
 * may repeat. Unlike KeyTable, which answers as each row is read, the logs of consecutive parts
 * of a file, read at the same time, merge into exactly what one pass over the file finds.
 *
 * The key text of a repeated key is needed to report it. A row's text is kept when its key may
 * have been seen before: a bit array indexed by the first hash (one test-and-set per row) says so
 * for every repeat and for a few percent of other rows. The bit array may be shared by the logs
 * of several parts of one file read at the same time (a SharedArrayBuffer, set atomically): of
 * two occurrences of a key, whichever is logged second sees the bit set, whatever the part.
 */

import { spread } from './key-table';

/**
 * Bits in the "maybe seen" array: 32 per key keeps false positives near 3 %, from 2^20 (128 KB)
 * up to 2^25 (4 MB, a million keys; more keys only raise the rate).
 */
const MIN_SEEN_BITS_LOG2 = 20;
const MAX_SEEN_BITS_LOG2 = 25;

/** Entries whose bits are looked up together (see KeyLog.checkPending). */
export const CHECK_BATCH = 256;

/**
 * A "maybe seen" bit array for about `expectedKeys` keys (default: a million), for the logs that
 * share it (pass it to each {@link KeyLog}).
 */
export function createSeenBits(shared: boolean, expectedKeys = 1 << 20): Int32Array {
  let log2 = MIN_SEEN_BITS_LOG2;
  while (log2 < MAX_SEEN_BITS_LOG2 && 2 ** log2 < expectedKeys * 32) log2++;
  const bytes = 2 ** log2 / 8;
  return new Int32Array(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
}

/** A log as plain data, to cross to another thread and be merged with the other parts' logs. */
export interface KeyLogSnapshot {
  count: number;
  // Own (not shared) buffers, so that they can be transferred to another thread. The arrays hold
  // `count` entries (a finished log's buffers may be longer).
  first: Int32Array<ArrayBuffer>;
  second: Int32Array<ArrayBuffer>;
  content: Int32Array<ArrayBuffer>;
  /** Row number of each entry (1-based, as the part numbered it). */
  rows: Int32Array<ArrayBuffer>;
  /** Key text of the rows whose key may repeat, by row number. */
  texts: Map<number, string>;
  /** Entries that found their bit set: every repeat is one, or shares its bit with one. */
  hits: Int32Array<ArrayBuffer>;
  /** The log's "maybe seen" bits were shared with the other parts' logs (see createSeenBits). */
  sharedSeenBits: boolean;
}

export class KeyLog {
  private first: Int32Array<ArrayBuffer>;
  private second: Int32Array<ArrayBuffer>;
  private content: Int32Array<ArrayBuffer>;
  private rows: Int32Array<ArrayBuffer>;
  private count = 0;
  private readonly texts = new Map<number, string>();
  private hits = new Int32Array(1024);
  private hitCount = 0;
  private readonly seen: Int32Array;
  private readonly seenMask: number;
  private readonly atomic: boolean;
  /** Entries before this one have had their bit looked up (see checkPending). */
  private checked = 0;
  /** The key text callbacks of the pending entries. */
  private readonly keyTexts: ((pending: number) => string)[] = new Array<(pending: number) => string>(CHECK_BATCH);
  /** The plain pass's reads, kept so that they are not optimized away. */
  private touched = 0;

  constructor(seen: Int32Array = createSeenBits(false), expectedRows = 0) {
    // Sized for the rows expected (an estimate: capped, and the arrays still grow past it).
    const capacity = Math.max(4096, Math.min(Math.ceil(expectedRows), 1 << 24));
    this.seen = seen;
    // The array's bit count is a power of two (see createSeenBits).
    this.seenMask = seen.length * 32 - 1;
    this.atomic = typeof SharedArrayBuffer !== 'undefined' && seen.buffer instanceof SharedArrayBuffer;
    this.first = new Int32Array(capacity);
    this.second = new Int32Array(capacity);
    this.content = new Int32Array(capacity);
    this.rows = new Int32Array(capacity);
  }

  /**
   * Logs one row's key (30-bit hashes), content fingerprint and row number. `keyText` is called
   * (with the entry's place among the {@link pending} entries) only when the key may have been
   * logged before: the text is then kept for the report. The bits are looked up for
   * {@link CHECK_BATCH} entries at a time, so `keyText` must answer for as many rows back.
   */
  add(first: number, second: number, content: number, row: number, keyText: (pending: number) => string): void {
    if (this.count === this.first.length) this.grow();
    const at = this.count++;
    this.first[at] = first;
    this.second[at] = second;
    this.content[at] = content;
    this.rows[at] = row;
    this.keyTexts[at - this.checked] = keyText;
    if (this.count - this.checked === CHECK_BATCH) this.checkPending();
  }

  /** Entries logged since the bits were last looked up: the next entry's place among them. */
  get pending(): number {
    return this.count - this.checked;
  }

  /**
   * Test-and-sets the "maybe seen" bit of each pending entry. The words are first read in a
   * plain pass: their cache misses (the array is up to 4 MB) overlap instead of stalling one row at a
   * time, and an atomic update, which waits for its word, then finds it in cache.
   */
  private checkPending(): void {
    const seen = this.seen;
    const mask = this.seenMask;
    const first = this.first;
    const from = this.checked;
    const to = this.count;
    let touched = 0;
    for (let at = from; at < to; at++) touched |= seen[(spread(first[at]) & mask) >>> 5];
    this.touched = touched;
    for (let at = from; at < to; at++) {
      const bit = spread(first[at]) & mask;
      const word = bit >>> 5;
      const bitMask = 1 << (bit & 31);
      let before: number;
      if (this.atomic) before = Atomics.or(seen, word, bitMask);
      else {
        before = seen[word];
        seen[word] = before | bitMask;
      }
      if ((before & bitMask) !== 0) {
        this.texts.set(this.rows[at], this.keyTexts[at - from](at - from));
        if (this.hitCount === this.hits.length) this.hits = grown(this.hits, this.hits.length * 2);
        this.hits[this.hitCount++] = at;
      }
    }
    this.checked = to;
  }

  get size(): number {
    return this.count;
  }

  /** The entries so far, copied (the log goes on). */
  snapshot(): KeyLogSnapshot {
    const own = this.views();
    return {
      ...own,
      first: own.first.slice(),
      second: own.second.slice(),
      content: own.content.slice(),
      rows: own.rows.slice(),
      texts: new Map(own.texts),
      hits: own.hits.slice(),
    };
  }

  /**
   * All the entries, when no more will be added: the log's own arrays (views of their first
   * `count` entries; their buffers can be transferred to another thread) and texts, not copies.
   * Copying a million entries would take longer than finding the repeats among them.
   */
  finish(): KeyLogSnapshot {
    return this.views();
  }

  /** The entries as views of the log's own arrays (every pending bit looked up first). */
  private views(): KeyLogSnapshot {
    this.checkPending();
    const n = this.count;
    return {
      count: n,
      first: this.first.subarray(0, n),
      second: this.second.subarray(0, n),
      content: this.content.subarray(0, n),
      rows: this.rows.subarray(0, n),
      texts: this.texts,
      hits: this.hits.subarray(0, this.hitCount),
      sharedSeenBits: this.atomic,
    };
  }

  private grow(): void {
    const size = this.first.length * 2;
    this.first = grown(this.first, size);
    this.second = grown(this.second, size);
    this.content = grown(this.content, size);
    this.rows = grown(this.rows, size);
  }
}

function grown(from: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const to = new Int32Array(size);
  to.set(from);
  return to;
}

/** What the logs of a file say about its keys. */
export interface KeyRepeats {
  /** Keys that more than one row has, with how many rows (first seen first). */
  repeated: Map<string, number>;
  /** Repeated keys whose rows are exact copies: a later row has the first one's content. */
  exactDuplicates: string[];
}

/**
 * Finds the repeated keys of a file from the logs of its parts, in file order (each part's row
 * numbers shifted by `rowOffsets[i]`, the records before it). Keys count as the same when both
 * hashes match, as KeyTable decides. The text kept for a repeat names it; a repeat whose text no
 * part kept (it cannot happen when the parts shared their bit array) is named by its rows.
 */
export function findKeyRepeats(logs: readonly KeyLogSnapshot[], rowOffsets: readonly number[] = logs.map(() => 0)): KeyRepeats {
  // Only entries whose bit some entry found set can repeat (a few percent): the rest are skipped
  // before sorting. The filter of those bits is small (it only picks candidates: a false one is
  // sorted with the rest and found to differ), so the pass over every entry stays in cache.
  const hitBits = new Int32Array(HIT_FILTER_WORDS);
  for (const log of logs) {
    for (let k = 0; k < log.hits.length; k++) {
      const bit = hitFilterBit(log.first[log.hits[k]]);
      hitBits[bit >>> 5] |= 1 << (bit & 31);
    }
  }
  // Logs that did not share their bit array never saw each other's keys: a key met once in each
  // found its bit clear in both. Over several such logs, a bit met twice in file order counts as a hit.
  if (logs.length > 1 && !logs.every((log) => log.sharedSeenBits)) {
    const met = new Int32Array(HIT_FILTER_WORDS);
    for (const log of logs) {
      for (let i = 0; i < log.count; i++) {
        const bit = hitFilterBit(log.first[i]);
        const word = bit >>> 5;
        const mask = 1 << (bit & 31);
        if ((met[word] & mask) !== 0) hitBits[word] |= mask;
        else met[word] |= mask;
      }
    }
  }
  // Candidates (part, index) in file order.
  let total = 0;
  let part: Uint8Array<ArrayBuffer> = new Uint8Array(1024);
  let index = new Int32Array(1024);
  for (let p = 0; p < logs.length; p++) {
    const first = logs[p].first;
    const count = logs[p].count;
    for (let i = 0; i < count; i++) {
      const bit = hitFilterBit(first[i]);
      if ((hitBits[bit >>> 5] & (1 << (bit & 31))) === 0) continue;
      if (total === index.length) {
        part = grownBytes(part);
        index = grown(index, index.length * 2);
      }
      part[total] = p;
      index[total] = i;
      total++;
    }
  }
  // Sorted by first hash (stable: file order kept among equal hashes).
  const firsts = new Int32Array(total);
  for (let c = 0; c < total; c++) firsts[c] = logs[part[c]].first[index[c]];
  const order = sortByFirstHash(firsts);
  const repeats: Repeat[] = [];
  const candidates: SortedCandidates = { logs, rowOffsets, part, index, order, counted: new Uint8Array(total) };
  for (let start = 0; start < total; ) {
    let end = start + 1;
    const h1 = firsts[order[start]];
    while (end < total && firsts[order[end]] === h1) end++;
    if (end - start > 1) collectRepeats(candidates, start, end, repeats);
    start = end;
  }
  // In the order one pass finds them: a key repeats at its second row, is a copy at its first copy.
  const repeated = new Map<string, number>();
  for (const r of inRowOrder(repeats, (r) => r.secondRow)) repeated.set(r.key, r.count);
  const exactDuplicates = inRowOrder(
    repeats.filter((r) => r.copyRow > 0),
    (r) => r.copyRow,
  ).map((r) => r.key);
  return { repeated, exactDuplicates };
}

/** The repeats sorted by a row number, by a native numeric sort of (row, position) packed in a double. */
function inRowOrder(repeats: readonly Repeat[], rowOf: (repeat: Repeat) => number): Repeat[] {
  const packed = new Float64Array(repeats.length);
  for (let i = 0; i < repeats.length; i++) packed[i] = rowOf(repeats[i]) * 2 ** 24 + i;
  packed.sort();
  const sorted: Repeat[] = [];
  for (let i = 0; i < packed.length; i++) sorted.push(repeats[packed[i] % 2 ** 24]);
  return sorted;
}

function grownBytes(from: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const to = new Uint8Array(from.length * 2);
  to.set(from);
  return to;
}

/** 2^20 bits (128 KB): small enough to stay in cache while every entry is looked up. */
const HIT_FILTER_WORDS = (1 << 20) >>> 5;

/** The hit filter's bit of a key's first hash (spread first: an FNV hash's low bits mix poorly). */
function hitFilterBit(first: number): number {
  return spread(first) & ((1 << 20) - 1);
}

interface Repeat {
  key: string;
  count: number;
  secondRow: number;
  /** Row of the first exact copy of the first row (0: none). */
  copyRow: number;
}

/** The candidate entries in first-hash order: the c-th is entry `index[order[c]]` of log `part[order[c]]`. */
interface SortedCandidates {
  logs: readonly KeyLogSnapshot[];
  rowOffsets: readonly number[];
  part: Uint8Array;
  index: Int32Array;
  order: Int32Array;
  /** 1 for the sorted candidates already counted into a key (each belongs to one run). */
  counted: Uint8Array;
}

/** The candidates `[start, end)` share a first hash: group them by second hash, report repeats. */
function collectRepeats(candidates: SortedCandidates, start: number, end: number, repeats: Repeat[]): void {
  const { logs, rowOffsets, part, index, order, counted } = candidates;
  for (let a = start; a < end; a++) {
    if (counted[a] === 1) continue;
    const pa = part[order[a]];
    const ia = index[order[a]];
    const h2 = logs[pa].second[ia];
    const firstContent = logs[pa].content[ia];
    let count = 1;
    let copyRow = 0;
    let secondRow = 0;
    let text = logs[pa].texts.get(logs[pa].rows[ia]);
    for (let b = a + 1; b < end; b++) {
      const pb = part[order[b]];
      const ib = index[order[b]];
      if (counted[b] === 1 || logs[pb].second[ib] !== h2) continue;
      counted[b] = 1;
      count++;
      const row = logs[pb].rows[ib] + rowOffsets[pb];
      if (secondRow === 0) secondRow = row;
      if (copyRow === 0 && logs[pb].content[ib] === firstContent) copyRow = row;
      text ??= logs[pb].texts.get(logs[pb].rows[ib]);
    }
    if (count < 2) continue;
    repeats.push({ key: text ?? unnamed(candidates, start, end, h2), count, secondRow, copyRow });
  }
}

/** A repeat whose key text no part kept, named by its rows (file order). */
function unnamed(candidates: SortedCandidates, start: number, end: number, h2: number): string {
  const { logs, rowOffsets, part, index, order } = candidates;
  const rows: number[] = [];
  for (let b = start; b < end; b++) {
    const pb = part[order[b]];
    const ib = index[order[b]];
    if (logs[pb].second[ib] === h2) rows.push(logs[pb].rows[ib] + rowOffsets[pb]);
  }
  return `(rows ${rows.join(', ')})`;
}

/**
 * Indexes of `firsts` (30-bit values) in ascending order, equal values in index order: a
 * two-pass radix sort on 15-bit digits, linear in the entries.
 */
function sortByFirstHash(firsts: Int32Array): Int32Array {
  const n = firsts.length;
  let from = new Int32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  let to = new Int32Array(n);
  const counts = new Int32Array(1 << 15);
  for (let shift = 0; shift < 30; shift += 15) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(firsts[i] >>> shift) & 0x7fff]++;
    let sum = 0;
    for (let d = 0; d < counts.length; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const e = from[i];
      to[counts[(firsts[e] >>> shift) & 0x7fff]++] = e;
    }
    [from, to] = [to, from];
  }
  return from;
}
