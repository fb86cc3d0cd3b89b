/**
 * A file's ledger keys: each row's key is its statement ID, order ID, SKU ID and type joined with
 * `|`, and the n-th row with a key already seen gets `#n`, whatever repeats from one row to the next.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRowView } from '../../src/core/read/row-view';
import { RowKeys } from '../../src/core/read/row-keys';

const FIELDS = ['statementId', 'orderId', 'skuId', 'type'] as const;

/** The keys of the rows as the ledger spells them, counted by their text. */
function expectedKeys(rows: readonly (readonly string[])[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((parts) => {
    const key = parts.join('|');
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  });
}

function keysOf(rows: readonly (readonly string[])[]): string[] {
  const keys = new RowKeys('', [...FIELDS]);
  const view = createRowView([], 'statement');
  return rows.map((parts) => {
    view.serial++;
    [view.statementId, view.orderId, view.skuId, view.type] = parts;
    keys.count(view, 0);
    return keys.keyOf(view);
  });
}

describe('RowKeys', () => {
  it('numbers repeated keys by their text, parts repeating from row to row or not (property)', () => {
    // Few values per part, so that rows repeat one part, several or all of the row before.
    const part = (values: string[]) => fc.constantFrom(...values);
    const row = fc.tuple(
      part(['7320260815', '7320260816']),
      part(['577000000000000001', '577000000000000002', '57700000000000000', '1']),
      part(['1732440158393635816', '1732440158393635812', '']),
      part(['Order', 'Chargeback']),
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), (rows) => {
        // An adjustment row has no SKU: its order ID stands in.
        const parts = rows.map(([s, o, k, t]) => [s, o, k === '' ? o : k, t]);
        expect(keysOf(rows)).toEqual(expectedKeys(parts));
      }),
      { numRuns: 300 },
    );
  });

  it('tells apart keys whose parts hold the same characters split differently', () => {
    const rows = [
      ['73', '2026', '1', 'Order'],
      ['732', '026', '1', 'Order'],
      ['73', '2026', '1', 'Order'],
      ['7320', '26', '1', 'Order'],
    ];
    expect(keysOf(rows)).toEqual([
      '73|2026|1|Order',
      '732|026|1|Order',
      '73|2026|1|Order#2',
      '7320|26|1|Order',
    ]);
  });

  it('gives the key of the row in the view, not of the row counted before it', () => {
    const keys = new RowKeys('', [...FIELDS]);
    const view = createRowView([], 'statement');
    view.serial++;
    [view.statementId, view.orderId, view.skuId, view.type] = [
      '7320260815',
      '577000000000000001',
      '17',
      'Order',
    ];
    keys.count(view, 0);
    expect(keys.keyOf(view)).toBe('7320260815|577000000000000001|17|Order');
    // The next row read into the view, its key asked for before it is counted.
    view.serial++;
    view.orderId = '577000000000000002';
    expect(keys.keyOf(view)).toBe('7320260815|577000000000000002|17|Order');
  });
});
