/**
 * Month and day arithmetic on ISO text (`YYYY-MM`, `YYYY-MM-DD`), proleptic Gregorian calendar.
 * Pure integer arithmetic: no `Date`, so results never depend on the machine's time zone.
 */

const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface YearMonth {
  year: number;
  month: number; // 1..12
}

export interface YearMonthDay extends YearMonth {
  day: number; // 1..31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYearMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Reads `YYYY-MM`; throws an error that quotes what was found. */
export function parseMonth(text: string): YearMonth {
  const match = MONTH_PATTERN.exec(text);
  const month = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12) {
    throw new Error(`Expected a month as YYYY-MM (e.g. 2025-03), found "${text}".`);
  }
  return { year: Number(match[1]), month };
}

/** Reads `YYYY-MM-DD` (a trailing time such as `T10:00:00Z` is not accepted here). */
export function parseDate(text: string): YearMonthDay {
  const match = DATE_PATTERN.exec(text);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInYearMonth(year, month)) {
      return { year, month, day };
    }
  }
  throw new Error(`Expected a date as YYYY-MM-DD (e.g. 2025-03-31), found "${text}".`);
}

export function isValidDate(text: string): boolean {
  try {
    parseDate(text);
    return true;
  } catch {
    return false;
  }
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

export function formatDate(year: number, month: number, day: number): string {
  return `${formatMonth(year, month)}-${pad(day, 2)}`;
}

/** Days in a month given as `YYYY-MM` (or the month of a `YYYY-MM-DD` date). */
export function daysInMonth(monthOrDate: string): number {
  const { year, month } = parseMonth(monthOrDate.length > 7 ? monthOf(monthOrDate) : monthOrDate);
  return daysInYearMonth(year, month);
}

/** `YYYY-MM` of a `YYYY-MM-DD` date. */
export function monthOf(date: string): string {
  const { year, month } = parseDate(date);
  return formatMonth(year, month);
}

export function yearOf(monthOrDate: string): number {
  return monthOrDate.length > 7 ? parseDate(monthOrDate).year : parseMonth(monthOrDate).year;
}

export function dayOfMonth(date: string): number {
  return parseDate(date).day;
}

/** The month `count` months after `month` (negative counts go back). */
export function addMonths(month: string, count: number): string {
  const { year, month: m } = parseMonth(month);
  const index = year * 12 + (m - 1) + count;
  return formatMonth(Math.floor(index / 12), (((index % 12) + 12) % 12) + 1);
}

export function nextMonth(month: string): string {
  return addMonths(month, 1);
}

export function previousMonth(month: string): string {
  return addMonths(month, -1);
}

/** Whole months from `from` to `to` (`2025-01` → `2025-03` is 2). */
export function monthsBetween(from: string, to: string): number {
  const a = parseMonth(from);
  const b = parseMonth(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** Consecutive months from `first` to `last`, both included. */
export function monthRange(first: string, last: string): string[] {
  const count = monthsBetween(first, last);
  const months: string[] = [];
  for (let i = 0; i <= count; i++) months.push(addMonths(first, i));
  return months;
}

export function firstDayOfMonth(month: string): string {
  parseMonth(month);
  return `${month}-01`;
}

export function lastDayOfMonth(month: string): string {
  return `${month}-${pad(daysInMonth(month), 2)}`;
}

/** Days since 1970-01-01 (negative before), by Howard Hinnant's days-from-civil algorithm. */
export function dayNumber(date: string): number {
  const { year, month, day } = parseDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The date of a day number (inverse of `dayNumber`). */
export function dateOfDayNumber(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatDate(year, month, day);
}

export function addDays(date: string, count: number): string {
  return dateOfDayNumber(dayNumber(date) + count);
}

/** Days from `from` to `to` (`2025-02-28` → `2025-03-01` is 1). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Day of the week: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(date: string): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}
