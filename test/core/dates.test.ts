import { describe, expect, it } from 'vitest';
import { dateProblem, parseDate, parseDateOrNull, timeZoneFromFileName } from '../../src/core/dates';

describe('dates', () => {
  it.each([
    ['2024/04/12', '2024-04-12'],
    ['2026-06-12', '2026-06-12'],
    ['20260421', '2026-04-21'],
    ['2026-06-12 16:55:33', '2026-06-12T16:55:33Z'],
    ['2024/04/12 08:01:02', '2024-04-12T08:01:02Z'],
    ['04/25/2026', '2026-04-25'],
    ['25/04/2026', '2026-04-25'],
    ['/', ''],
    ['', ''],
  ])('reads %j as %j', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it('reads integer dates, Excel serials and sheet Dates', () => {
    expect(parseDate(20260421)).toBe('2026-04-21');
    expect(parseDate(46185)).toBe('2026-06-12');
    expect(parseDate(46185.5)).toBe('2026-06-12T12:00:00Z');
    expect(parseDate(new Date(2026, 5, 12))).toBe('2026-06-12');
    expect(parseDate(new Date(2026, 5, 12, 16, 55, 33), 'UTC-7')).toBe('2026-06-12T16:55:33-07:00');
  });

  it('keeps the calendar date the file shows and writes the file-name zone as an offset', () => {
    expect(timeZoneFromFileName('Onhold-unsettled-orders-2026_06_01-2026_06_12(UTC-7).xlsx')).toBe('UTC-7');
    expect(timeZoneFromFileName('income_20260214145954(UTC+8).csv')).toBe('UTC+8');
    expect(timeZoneFromFileName('statement.csv')).toBeUndefined();
    expect(parseDate('2026-06-12 23:30:00', 'UTC-7')).toBe('2026-06-12T23:30:00-07:00');
    expect(parseDate('2026/06/12', 'UTC-7')).toBe('2026-06-12');
  });

  it.each([
    '2024/13/01',
    '0001-01-01',
    '2101-01-01',
    '2026-02-30',
    '03/04/2026',
    'Sep 22, 2026',
    '2026-06-12 25:00:00',
  ])('rejects %j', (text) => {
    expect(parseDateOrNull(text)).toBeNull();
    expect(dateProblem(text)).toBe(`expected a date, found \`${text}\``);
  });
});
