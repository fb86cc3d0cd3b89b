// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { count, money, period, plural, problem } from '../../src/sidebar/format';

describe('sidebar formatting', () => {
  it('shows cents as dollars with sign and grouping', () => {
    expect(money(123450)).toBe('$1,234.50');
    expect(money(-117)).toBe('-$1.17');
    expect(money(0)).toBe('$0.00');
  });

  it('words counts and periods the way a seller reads them', () => {
    expect(count(100000)).toBe('100,000');
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(2, 'row')).toBe('2 rows');
    expect(period({ first: '2026-05-01', last: '2026-05-31' })).toBe('May 1 – May 31, 2026');
    expect(period({ first: '2025-12-28', last: '2026-01-03' })).toBe('Dec 28, 2025 – Jan 3, 2026');
    expect(period({ first: '2026-05-03T10:00:00Z', last: '2026-05-03T22:00:00Z' })).toBe('May 3, 2026');
    expect(period({ first: '', last: '' })).toBe('no dates');
  });

  it('names the row and column of a rejected cell', () => {
    expect(
      problem({
        file: 's.csv',
        row: 214,
        column: 'Referral fee',
        message: 'expected an amount, found "abc"',
      }),
    ).toBe('Row 214, column Referral fee: expected an amount, found "abc"');
    expect(problem({ file: 'p.xlsx', sheet: 'Orders', row: 9, message: 'Order ID is missing' })).toBe(
      'Sheet Orders, Row 9: Order ID is missing',
    );
    expect(
      problem({
        file: 's.csv',
        row: 214,
        column: 'Referral fee',
        message: 'Row 214, column *Referral fee*: expected an amount, found `abc`',
      }),
    ).toBe('Row 214, column Referral fee: expected an amount, found `abc`');
  });
});
