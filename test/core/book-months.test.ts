/**
 * The months of the books (src/core/analysis/book-months.ts): the P&L's running costs and ad spend
 * cover them, in the functions and on the dashboard alike.
 */
import { describe, expect, it } from 'vitest';
import { bookMonths } from '../../src/core/analysis/book-months';
import { readRunningCosts } from '../../src/core/analysis/running-costs';

const HEADER = ['Cost', 'Amount', 'Every', 'Percent', 'Of', 'Starts', 'Ends'];
const costs = (...rows: (string | number)[][]) => readRunningCosts([HEADER, ...rows]);
const NO_ADS = new Map<string, number>();
const SALES = ['2026-03', '2026-05'];

describe('the months of the books', () => {
  it('run from the first month of the rows to the last, gaps included', () => {
    expect(bookMonths(SALES, NO_ADS, null)).toEqual(['2026-03', '2026-04', '2026-05']);
    expect(bookMonths(['', '2026-03'], NO_ADS, [])).toEqual(['2026-03']);
    expect(bookMonths([], NO_ADS, costs(['Software', 100, 'month', '', '', '2026-01-01', '']))).toEqual([]);
  });

  it('take in months of ad spend before and after the rows, not a month whose spend nets to 0', () => {
    const ads = new Map([
      ['2026-01', 5000],
      ['2026-07', -3000],
      ['2026-09', 0],
    ]);
    expect(bookMonths(SALES, ads, null)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
    ]);
  });

  it('start at a fixed cost paid before the first sale: software from January, a fee in February', () => {
    expect(
      bookMonths(
        SALES,
        NO_ADS,
        costs(
          ['LLC fee', 300, 'once', '', '', '2026-02-10', ''],
          ['Software', 100, 'month', '', '', '2026-01-15', ''],
        ),
      ),
    ).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
  });

  it('go back no further than 1 January of the first data’s year for a cost typed as started years back', () => {
    expect(
      bookMonths(SALES, NO_ADS, costs(['Domain', 10, 'month', '', '', '2023-06-01', ''])).slice(0, 2),
    ).toEqual(['2026-01', '2026-02']);
    // Ad spend in November 2025 is data: the books then start in January 2025.
    expect(
      bookMonths(
        SALES,
        new Map([['2025-11', 100]]),
        costs(['Domain', 10, 'month', '', '', '2023-06-01', '']),
      )[0],
    ).toBe('2025-01');
  });

  it('are not widened by a cost that ended before them, a percentage, an open start or an amount of 0', () => {
    const widen = costs(
      ['Old store', 50, 'month', '', '', '2024-01-01', '2025-12-31'],
      ['Reserve', '', '', '2%', 'net sales', '2026-01-01', ''],
      ['Staff', 1000, 'month', '', '', '', ''],
      ['Trial', 0, 'month', '', '', '2026-01-01', ''],
    );
    expect(bookMonths(SALES, NO_ADS, widen)).toEqual(['2026-03', '2026-04', '2026-05']);
    // Ended within the year, before the first sale: its months count.
    expect(
      bookMonths(SALES, NO_ADS, costs(['Design', 80, 'month', '', '', '2025-10-01', '2026-01-31']))[0],
    ).toBe('2026-01');
  });

  it('end with the last month of data, whatever a cost’s Ends says', () => {
    const software = costs(['Software', 100, 'month', '', '', '2026-03-01', '2026-12-31']);
    expect(bookMonths(SALES, NO_ADS, software)).toEqual(['2026-03', '2026-04', '2026-05']);
  });
});
