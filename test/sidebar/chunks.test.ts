// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { chunkRows, utf8Length } from '../../src/sidebar/import/chunks';
import { ledgerRow } from './parsed-fixture';

describe('chunkRows', () => {
  it('cuts 4,500 rows into chunks of 2,000, 2,000 and 500, keeping their order', () => {
    const rows = Array.from({ length: 4500 }, (_, i) => ledgerRow(i));
    const chunks = chunkRows(rows, { maxRows: 2000, maxBytes: 10_000_000 });
    expect(chunks.map((c) => c.length)).toEqual([2000, 2000, 500]);
    expect(chunks.flat()).toEqual(rows);
  });

  it('by default keeps every chunk to at most 2,000 rows and 1 MB of JSON', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ledgerRow(i));
    const chunks = chunkRows(rows);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(2000);
      expect(utf8Length(JSON.stringify(chunk))).toBeLessThanOrEqual(1_000_000);
    }
    expect(chunks.flat()).toHaveLength(10_000);
  });

  it('keeps every chunk under the byte limit when product names are long', () => {
    const rows = Array.from({ length: 300 }, (_, i) =>
      ledgerRow(i, { productName: '有机棉T恤 '.repeat(400) }),
    );
    const chunks = chunkRows(rows, { maxRows: 2000, maxBytes: 200_000 });
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(utf8Length(JSON.stringify(chunk))).toBeLessThanOrEqual(200_000);
    expect(chunks.flat()).toHaveLength(300);
  });

  it('sends a row larger than the limit alone instead of dropping it', () => {
    const big = ledgerRow(1, { productName: 'x'.repeat(5000) });
    const chunks = chunkRows([ledgerRow(0), big, ledgerRow(2)], { maxRows: 100, maxBytes: 1000 });
    expect(chunks.map((c) => c.length)).toEqual([1, 1, 1]);
  });

  it('returns no chunk for no rows', () => {
    expect(chunkRows([])).toEqual([]);
  });
});

describe('utf8Length', () => {
  it('counts bytes as UTF-8 does', () => {
    for (const text of ['abc', 'é', '有机棉', '👕 tee', ''])
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
  });
});
