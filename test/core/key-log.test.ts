import { describe, expect, it, vi } from 'vitest';
import { CHECK_BATCH, createSeenBits, findKeyRepeats, KeyLog, type KeyLogSnapshot, type KeyRepeats } from '../../src/core/ledger/key-log';

/** Two independent 30-bit hashes of a key, as the normalizer hands them to a log. */
function hashesOf(key: string): [number, number] {
  let h1 = 2166136261;
  let h2 = 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul((h2 << 5) ^ (h2 >>> 27) ^ c, 0x5bd1e995);
  }
  return [h1 & 0x3fffffff, h2 & 0x3fffffff];
}

/** One row of a file: its key and the fingerprint of its content (amounts, dates, type). */
interface Row {
  key: string;
  content: number;
}

function addRow(log: KeyLog, row: Row, rowNumber: number, keyText: () => string = () => row.key): void {
  const [first, second] = hashesOf(row.key);
  log.add(first, second, row.content, rowNumber, keyText);
}

/** Maps compared with their order (toEqual alone would not check it). */
function inOrder(repeats: KeyRepeats) {
  return { repeated: [...repeats.repeated], exactDuplicates: repeats.exactDuplicates };
}

/** Statement keys: statement ID | order ID | SKU ID | type. */
const key = (order: number, sku = 35811) => `7320260110|5770000000000${String(order).padStart(5, '0')}|17324401583936${sku}|Order`;

// Row n of the file is ROWS[n - 1].
const ROWS: Row[] = [
  { key: key(1), content: 100 }, // 1: F first
  { key: key(1), content: 101 }, // 2: F again, other amounts: repeated, not a copy
  { key: key(2), content: 200 }, // 3: G first
  { key: key(2), content: 200 }, // 4: G copied: its first exact copy
  { key: key(3), content: 300 }, // 5: A first
  { key: key(3), content: 301 }, // 6: A changed
  { key: key(4), content: 400 }, // 7: lone key
  { key: key(3), content: 301 }, // 8: A with the 2nd row's content, not the first's: still not a copy
  { key: key(5), content: 500 }, // 9: B first
  { key: key(5), content: 500 }, // 10: B copied
  { key: key(1), content: 100 }, // 11: F copied at last (after G and B were)
  { key: key(5), content: 500 }, // 12: B's third row
];
const REPEATS = {
  // By each key's second row: F (2), G (4), A (6), B (10).
  repeated: [
    [key(1), 3],
    [key(2), 2],
    [key(3), 3],
    [key(5), 3],
  ],
  // By each key's first exact copy: G (4), B (10), F (11).
  exactDuplicates: [key(2), key(5), key(1)],
};

function logOf(rows: readonly Row[], seen = createSeenBits(false)): KeyLog {
  const log = new KeyLog(seen);
  rows.forEach((row, i) => addRow(log, row, i + 1));
  return log;
}

describe('KeyLog and findKeyRepeats over one file', () => {
  it('counts each repeated key, in the order of its second row', () => {
    expect(inOrder(findKeyRepeats([logOf(ROWS).snapshot()]))).toEqual(REPEATS);
  });

  it('calls a row an exact copy only when it has the FIRST row’s content, listed by first copy', () => {
    const repeats = findKeyRepeats([logOf(ROWS).snapshot()]);
    // A's third row copies its second, not its first: a changed row, not a re-download.
    expect(repeats.repeated.get(key(3))).toBe(3);
    expect(repeats.exactDuplicates).not.toContain(key(3));
    expect(repeats.exactDuplicates).toEqual([key(2), key(5), key(1)]);
  });

  it('asks for the key text of every row whose key was logged before', () => {
    const log = new KeyLog();
    const calls: number[] = [];
    ROWS.forEach((row, i) =>
      addRow(log, row, i + 1, () => {
        calls.push(i + 1);
        return row.key;
      }),
    );
    // The bits are looked up a batch of rows at a time: by the snapshot at the latest.
    const texts = log.snapshot().texts;
    // Rows 2, 4, 6, 8, 10, 11, 12 repeat a key; the first rows' bits were clear (no false positive here).
    expect(calls).toEqual([2, 4, 6, 8, 10, 11, 12]);
    expect([...texts.keys()]).toEqual(calls);
  });

  it('asks for the key text of fewer than 10 % of 100,000 distinct keys (only the bit array’s false positives)', () => {
    const log = new KeyLog();
    const keyText = vi.fn(() => 'unused');
    for (let i = 0; i < 100_000; i++) {
      const [first, second] = hashesOf(key(i, 30000 + (i % 7)));
      log.add(first, second, i, i + 2, keyText);
    }
    const snapshot = log.snapshot();
    expect(keyText.mock.calls.length).toBeLessThan(10_000);
    const repeats = findKeyRepeats([snapshot]);
    expect(repeats.repeated.size).toBe(0);
    expect(repeats.exactDuplicates).toEqual([]);
  });
});

describe('the "maybe seen" bits, sized for the keys expected', () => {
  it('take 32 bits a key, between 128 KB and 4 MB', () => {
    expect(createSeenBits(false, 1000).length * 32).toBe(2 ** 20);
    expect(createSeenBits(false, 100_000).length * 32).toBe(2 ** 22);
    expect(createSeenBits(false, 10_000_000).length * 32).toBe(2 ** 25);
    expect(createSeenBits(false).length * 32).toBe(2 ** 25);
  });

  it('sized for 100,000 keys, ask for the text of fewer than 10 % of 100,000 distinct keys and find every repeat', () => {
    const log = new KeyLog(createSeenBits(false, 100_000));
    const keyText = vi.fn(() => 'unused');
    for (let i = 0; i < 100_000; i++) {
      const [first, second] = hashesOf(key(i, 30000 + (i % 7)));
      log.add(first, second, i, i + 2, keyText);
    }
    const [first, second] = hashesOf(key(77, 30000 + (77 % 7)));
    log.add(first, second, 77, 100_002, () => 'key 77');
    const snapshot = log.snapshot();
    expect(keyText.mock.calls.length).toBeLessThan(10_000);
    expect([...findKeyRepeats([snapshot]).repeated]).toEqual([['key 77', 2]]);
  });
});

describe('findKeyRepeats over the logs of a file read in parts', () => {
  // A longer file: ROWS, fresh orders, ROWS again (every key of ROWS then repeats across the cut).
  const file: Row[] = [...ROWS, ...Array.from({ length: 40 }, (_, i) => ({ key: key(100 + i), content: 1000 + i })), ...ROWS];
  const whole = findKeyRepeats([logOf(file).snapshot()]);

  it('the file has repeats inside each half and across them', () => {
    expect(whole.repeated.get(key(1))).toBe(6);
    expect(whole.repeated.size).toBe(5);
  });

  for (const cut of [1, 6, 12, 30, 52, 58, 63]) {
    it(`two parts split after row ${cut} sharing their bit array, the later part logged first, equal one log in file order`, () => {
      const seen = createSeenBits(true);
      const a = new KeyLog(seen);
      const b = new KeyLog(seen);
      // Part 2 runs ahead, then the parts alternate: any order a pair of threads may produce.
      const partB = file.slice(cut);
      const partA = file.slice(0, cut);
      let i = 0;
      let j = 0;
      for (; j < Math.min(5, partB.length); j++) addRow(b, partB[j], j + 1);
      while (i < partA.length || j < partB.length) {
        if (i < partA.length) addRow(a, partA[i], ++i);
        if (j < partB.length) addRow(b, partB[j], ++j);
      }
      const repeats = findKeyRepeats([structuredClone(a.snapshot()), structuredClone(b.snapshot())], [0, cut]);
      expect(inOrder(repeats)).toEqual(inOrder(whole));
    });
  }

  it('three parts logged last part first equal one log', () => {
    const seen = createSeenBits(true);
    const cuts = [0, 10, 33, file.length];
    const logs = [0, 1, 2].map(() => new KeyLog(seen));
    for (const p of [2, 0, 1]) file.slice(cuts[p], cuts[p + 1]).forEach((row, i) => addRow(logs[p], row, i + 1));
    expect(inOrder(findKeyRepeats(logs.map((log) => log.snapshot()), cuts.slice(0, 3)))).toEqual(inOrder(whole));
  });

  it('names a key seen once in each part by its file rows when no part kept its text (parts not sharing bits)', () => {
    const a = new KeyLog(createSeenBits(false));
    const b = new KeyLog(createSeenBits(false));
    addRow(a, { key: key(1), content: 1 }, 1);
    addRow(a, { key: key(2), content: 2 }, 2);
    addRow(a, { key: key(3), content: 3 }, 3);
    addRow(b, { key: key(4), content: 4 }, 1);
    addRow(b, { key: key(2), content: 2 }, 2); // key 2 again: file row 102, a copy
    addRow(b, { key: key(3), content: 30 }, 3); // key 3 again: file row 103, changed
    addRow(b, { key: key(3), content: 31 }, 4); // and once more in part 2: its text is kept there
    const repeats = findKeyRepeats([a.snapshot(), b.snapshot()], [0, 100]);
    expect(inOrder(repeats)).toEqual({ repeated: [['(rows 2, 102)', 2], [key(3), 3]], exactDuplicates: ['(rows 2, 102)'] });
  });

  it('takes the rows of every part as numbered from 0 when no offsets are given', () => {
    const a = logOf([{ key: key(1), content: 1 }]);
    const b = logOf([{ key: key(1), content: 2 }]);
    expect(inOrder(findKeyRepeats([a.snapshot(), b.snapshot()]))).toEqual({ repeated: [['(rows 1, 1)', 2]], exactDuplicates: [] });
  });
});

describe('findKeyRepeats on colliding hashes', () => {
  it('finds no repeat among 3,000 keys that share their first hash but not their second', () => {
    const log = new KeyLog();
    for (let i = 0; i < 3000; i++) log.add(123_456, i * 7919 + 1, i, i + 2, () => `key ${i}`);
    expect(findKeyRepeats([log.snapshot()])).toEqual({ repeated: new Map(), exactDuplicates: [] });
    // Two real repeats among them are still told apart from each other and from the rest.
    log.add(123_456, 17 * 7919 + 1, 17, 3002, () => 'key 17');
    log.add(123_456, 2500 * 7919 + 1, -1, 3003, () => 'key 2500');
    expect(inOrder(findKeyRepeats([log.snapshot()]))).toEqual({ repeated: [['key 17', 2], ['key 2500', 2]], exactDuplicates: ['key 17'] });
  });

  it('gives nothing for no logs and for empty logs', () => {
    expect(findKeyRepeats([])).toEqual({ repeated: new Map(), exactDuplicates: [] });
    expect(findKeyRepeats([new KeyLog().snapshot(), new KeyLog().snapshot()], [0, 0])).toEqual({ repeated: new Map(), exactDuplicates: [] });
  });
});

describe('KeyLog snapshot', () => {
  it('survives structuredClone with its arrays trimmed to the count, and later rows do not change it', () => {
    const log = new KeyLog(createSeenBits(false), 4);
    ROWS.forEach((row, i) => addRow(log, row, i + 1));
    const snapshot = log.snapshot();
    expect(log.size).toBe(ROWS.length);
    expect(snapshot.count).toBe(ROWS.length);
    for (const array of [snapshot.first, snapshot.second, snapshot.content, snapshot.rows]) expect(array.length).toBe(ROWS.length);
    expect([...snapshot.rows]).toEqual(ROWS.map((_, i) => i + 1));
    expect([...snapshot.content]).toEqual(ROWS.map((row) => row.content));

    const copy: KeyLogSnapshot = structuredClone(snapshot);
    expect(copy).toEqual(snapshot);
    expect(copy.first).toBeInstanceOf(Int32Array);
    expect(copy.texts).toBeInstanceOf(Map);
    expect(inOrder(findKeyRepeats([copy]))).toEqual(REPEATS);

    addRow(log, { key: key(9), content: 9 }, 13);
    expect(snapshot.count).toBe(ROWS.length);
    expect(snapshot.rows.length).toBe(ROWS.length);
    expect(log.snapshot().count).toBe(ROWS.length + 1);
  });

  it('finish() gives the same entries without copying them, and they cross to another thread by transfer', () => {
    const log = new KeyLog(createSeenBits(false), 4);
    ROWS.forEach((row, i) => addRow(log, row, i + 1));
    const copied = log.snapshot();
    const finished = log.finish();
    expect(finished).toEqual(copied);
    // Views of the log's own arrays: a million entries are not copied again at the end of a file.
    expect(finished.first.length).toBe(ROWS.length);
    expect(finished.first.buffer.byteLength).toBeGreaterThanOrEqual(ROWS.length * 4);
    expect(finished.first.buffer).not.toBe(copied.first.buffer);
    const { first, second, content, rows } = finished;
    const moved: KeyLogSnapshot = structuredClone(finished, { transfer: [first.buffer, second.buffer, content.buffer, rows.buffer] });
    expect(first.length).toBe(0); // transferred away
    expect(inOrder(findKeyRepeats([moved]))).toEqual(REPEATS);
  });
});

describe('KeyLog looks bits up a batch of rows at a time', () => {
  it('names a repeat with the text of the row that repeats it, rows in other batches and the last partial batch alike', () => {
    const log = new KeyLog();
    // 3 batches and a bit: row r has key `k(r mod 300)`, so rows 301… repeat rows 1…; the text
    // callback answers for each pending place from what was kept for it.
    const kept: string[] = [];
    const total = 2 * CHECK_BATCH + 100 + 300;
    for (let r = 1; r <= total; r++) {
      const text = `k${r % 300}`;
      kept[log.pending] = text;
      const [first, second] = hashesOf(text);
      log.add(first, second, r, r, (pending) => `${kept[pending]} (row ${r})`);
    }
    const snapshot = log.snapshot();
    expect(snapshot.texts.size).toBeGreaterThanOrEqual(total - 300);
    for (let r = 301; r <= total; r++) expect(snapshot.texts.get(r)).toBe(`k${r % 300} (row ${r})`);
    expect(log.pending).toBe(0);
    const repeats = findKeyRepeats([snapshot]);
    expect(repeats.repeated.size).toBe(300);
    expect(repeats.repeated.get('k1 (row 301)')).toBe(4); // rows 1, 301, 601, 901
  });
});
