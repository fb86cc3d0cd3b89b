import { describe, expect, it } from 'vitest';
import { DateMemo } from '../../src/core/analysis/date-memo';

describe('DateMemo', () => {
  it('works a date out once, whether rows repeat it next to each other or far apart', () => {
    const made: string[] = [];
    const memo = new DateMemo((date) => {
      made.push(date);
      return { month: date.slice(0, 7) };
    });
    const may = memo.get('2026-05-03');
    expect(memo.get('2026-05-03')).toBe(may);
    expect(memo.get('2026-06-01').month).toBe('2026-06');
    // The same text cut from another cell is the same date.
    expect(memo.get(['2026', '05', '03'].join('-'))).toBe(may);
    expect(memo.get('')).toEqual({ month: '' });
    expect(made).toEqual(['2026-05-03', '2026-06-01', '']);
  });

  it('gives every date its own value past the dates it remembers (a year of date-times)', () => {
    const memo = new DateMemo((date) => ({ date }));
    const times = Array.from({ length: 9000 }, (_, i) =>
      new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString().slice(0, 19),
    );
    for (const time of [...times, ...times]) expect(memo.get(time).date).toBe(time);
  });
});
