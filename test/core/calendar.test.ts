import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  isLeapYear,
  lastDayOfMonth,
  monthOf,
  monthRange,
  monthsBetween,
  nextMonth,
  parseDate,
  parseMonth,
  previousMonth,
} from '../../src/core/analysis/calendar';

describe('calendar: leap years and month lengths', () => {
  it('follows the Gregorian leap-year rule (every 4th year, not centuries, except every 400th)', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2025)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
  });

  it('gives February 29 days in a leap year and 28 otherwise', () => {
    expect(daysInMonth('2024-02')).toBe(29);
    expect(daysInMonth('2025-02')).toBe(28);
    expect(daysInMonth('2100-02')).toBe(28);
    expect(daysInMonth('2024-02-10')).toBe(29);
  });

  it('knows the 30- and 31-day months', () => {
    const lengths = monthRange('2025-01', '2025-12').map(daysInMonth);
    expect(lengths).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
  });
});

describe('calendar: month arithmetic across year boundaries', () => {
  it('steps from December to January and back', () => {
    expect(nextMonth('2025-12')).toBe('2026-01');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(addMonths('2025-03', -15)).toBe('2023-12');
    expect(addMonths('2025-03', 24)).toBe('2027-03');
  });

  it('counts months between two months and lists a range', () => {
    expect(monthsBetween('2024-11', '2025-02')).toBe(3);
    expect(monthsBetween('2025-02', '2024-11')).toBe(-3);
    expect(monthRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });

  it('takes the month of a date', () => {
    expect(monthOf('2024-02-29')).toBe('2024-02');
  });
});

describe('calendar: days', () => {
  it('adds days over month ends and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
  });

  it('names the day of the week (0 = Sunday) for dates checked on a printed calendar', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4); // Thursday
    expect(dayOfWeek('2000-01-01')).toBe(6); // Saturday
    expect(dayOfWeek('2024-02-29')).toBe(4); // Thursday
    expect(dayOfWeek('2025-03-01')).toBe(6); // Saturday
    expect(dayOfWeek('2025-12-25')).toBe(4); // Thursday
    expect(dayOfWeek('1969-12-31')).toBe(3); // Wednesday
  });
});

describe('calendar: bad input', () => {
  it('quotes what it found and what it expected', () => {
    expect(() => parseMonth('2025-13')).toThrow(
      'Expected a month as YYYY-MM (e.g. 2025-03), found "2025-13".',
    );
    expect(() => parseMonth('March 2025')).toThrow('found "March 2025"');
    expect(() => parseDate('2025-02-29')).toThrow(
      'Expected a date as YYYY-MM-DD (e.g. 2025-03-31), found "2025-02-29".',
    );
    expect(() => parseDate('2024-02-29')).not.toThrow();
  });
});
