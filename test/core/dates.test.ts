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
    // A 12-hour clock, as US-locale tools write times: 12 AM is 00, 12 PM is 12.
    ['05/16/2026 10:11:12 PM', '2026-05-16T22:11:12Z'],
    ['05/16/2026 10:11 pm', '2026-05-16T22:11:00Z'],
    ['05/16/2026 12:05:00 AM', '2026-05-16T00:05:00Z'],
    ['05/16/2026 12:05:00PM', '2026-05-16T12:05:00Z'],
    ['5/16/2026 9:05 AM', '2026-05-16T09:05:00Z'],
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
    '05/16/2026 13:05 PM',
    '05/16/2026 0:05 AM',
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
