/**
 * The column plan with the fields a caller reads: amounts, the order ID and the Key are always
 * read; a column filling a field nobody asked for is skipped (neither checked nor kept).
 */
import { describe, expect, it } from 'vitest';
import { planColumns } from '../../src/core/read/column-plan';
import { parseSheetRows } from '../../src/core/read/parse-export';
import { STATEMENT_HEADER_2024 } from '../../bench/synthetic-export';

const header = [...STATEMENT_HEADER_2024];
const readOf = (plan: ReturnType<typeof planColumns>, name: string) =>
  plan.columns[header.indexOf(name as (typeof STATEMENT_HEADER_2024)[number])].read;

describe('planColumns with the fields read', () => {
  it('reads every column a LedgerRow keeps when no fields are named', () => {
    const plan = planColumns(header, 'statement');
    expect(readOf(plan, 'Product name')).toBe('text');
    expect(readOf(plan, 'Order created date')).toBe('date');
    expect(plan.filledFields).toContain('productName');
  });

  it('skips the columns of other fields, keeps amounts, the order ID and the named fields', () => {
    const plan = planColumns(header, 'statement', new Set(['type', 'orderDate'] as const));
    expect(readOf(plan, 'Product name')).toBe('skip');
    expect(readOf(plan, 'SKU name')).toBe('skip');
    expect(readOf(plan, 'Order created date')).toBe('date');
    expect(readOf(plan, 'Order/adjustment ID')).toBe('id');
    expect(readOf(plan, 'Type')).toBe('text');
    expect(readOf(plan, 'Referral fee')).toBe('money');
    expect(plan.readColumns).not.toContain(header.indexOf('Product name'));
  });

  it("reads the row's key whatever is named: a repeated row is told by it", () => {
    const plan = planColumns(header, 'statement', new Set(['type'] as const));
    expect(readOf(plan, 'SKU ID')).toBe('id');
    expect(readOf(plan, 'Statement ID')).toBe('id');
    expect(readOf(plan, 'Statement date (UTC)')).toBe('skip');
    expect(plan.filledFields.sort()).toEqual(['orderId', 'skuId', 'statementId', 'type']);
  });
});

describe('parseSheetRows with fields', () => {
  const rows = [
    header,
    header.map((h) =>
      h === 'Order/adjustment ID'
        ? '577000000000000001'
        : h === 'Type'
          ? 'Order'
          : h === 'Order created date'
            ? '2026/03/30'
            : h === 'Statement date (UTC)'
              ? '2026/04/09'
              : h === 'Total settlement amount'
                ? '10.00'
                : h === 'Product name'
                  ? 'x'.repeat(6000)
                  : '',
    ),
  ];

  it('rejects a bad cell of a column it reads; one it skips leaves the row in', () => {
    const all = parseSheetRows(rows, { fileName: 'a.csv', keepRows: false, onView: () => {} });
    expect(all.rejects.map((p) => p.column)).toEqual(['Product name']);
    const some = parseSheetRows(rows, {
      fileName: 'a.csv',
      keepRows: false,
      fields: ['type'],
      onView: () => {},
    });
    expect(some.rejects).toEqual([]);
    expect(some.totals.settlement).toBe(1000);
  });

  it('reads every field where rows are built, whatever fields are named', () => {
    const kept = parseSheetRows(rows, { fileName: 'a.csv', fields: ['type'] });
    expect(kept.rejects.map((p) => p.column)).toEqual(['Product name']);
  });

  it('the period is the days of the rows that were read', () => {
    const parsed = parseSheetRows(
      rows.slice(0, 1).concat([rows[1].map((c, i) => (i === header.indexOf('Product name') ? '' : c))]),
      {
        fileName: 'a.csv',
        keepRows: false,
        fields: ['orderDate', 'statementDate'],
      },
    );
    expect(parsed.period).toEqual({ first: '2026-03-30', last: '2026-03-30' });
  });
});
