/**
 * Date cells → ISO text.
 *
 * Decision: the ledger keeps the calendar date (and time) exactly as the file shows it, the date
 * the seller saw in Seller Center. Nothing is shifted between zones, so the first ten characters
 * are always that calendar date and month placement (`iso.slice(0, 7)`) uses it. When a cell has
 * a time, the zone is written as an offset so the instant stays exact: the zone from the file
 * name (`…(UTC-7).xlsx` → `2026-06-12T16:55:33-07:00`), else UTC (`…Z`), which is what TikTok's
 * `(UTC)` headers and the legacy explanation sheet state.
 *
 * Accepted: `2024/04/12`, `2026-06-12`, `20260421` (text or integer), `2026-06-12 16:55:33`,
 * `2024/04/12 08:01:02`, `2026-06-12T16:55:33Z`, `MM/DD/YYYY` (or `M/D/YYYY`; a time on a 24- or
 * 12-hour clock, `10:11:12 PM`) when unambiguous (the day is over 12, or month and day are equal),
 * JS Dates from a sheet (their wall-clock fields), and Excel serial numbers (1900-01-01 …
 * 2100-12-31) for date columns.
 */
import type { CellValue } from './types';
import { isDateCell } from './date-cell';
import { daysInYearMonth } from './analysis/calendar';

/** Which part of a slash date is the month: `mdy` (US exports) or `dmy` (see read/date-order.ts). */
export type DayOrder = 'mdy' | 'dmy';

export class DateParseError extends Error {
  constructor(
    readonly input: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'DateParseError';
  }
}

/** `(UTC-7)`, `(UTC+8)`, `(UTC+05:30)` in a file name → `UTC-7` etc., or undefined. */
export function timeZoneFromFileName(fileName: string): string | undefined {
  const match = /\(\s*(UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\s*\)/i.exec(fileName);
  if (!match) return /\((UTC|GMT)\)/i.test(fileName) ? 'UTC' : undefined;
  const minutes = match[4] && match[4] !== '00' ? ':' + match[4] : '';
  return `UTC${match[2]}${Number(match[3])}${minutes}`;
}

/** `UTC-7` → `-07:00`; `UTC` or undefined → `Z`. */
export function isoOffset(timeZone: string | undefined): string {
  if (!timeZone) return 'Z';
  const match = /^UTC([+-])(\d{1,2})(?::(\d{2}))?$/.exec(timeZone);
  if (!match) return 'Z';
  const hours = Number(match[2]);
  const minutes = match[3] ? Number(match[3]) : 0;
  if (hours === 0 && minutes === 0) return 'Z';
  return `${match[1]}${pad2(hours)}:${pad2(minutes)}`;
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function isoDate(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInYearMonth(year, month)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function withTime(date: string, h: number, m: number, s: number, offset: string): string | null {
  if (h > 23 || m > 59 || s > 59) return null;
  return `${date}T${pad2(h)}:${pad2(m)}:${pad2(s)}${offset}`;
}

const DATE_TEXT =
  /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?(a|(p))m)?)?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** Why a value is not a date, e.g. "expected a date, found `2024/13/01`". '' when it is one. */
export function dateProblem(value: CellValue, timeZone?: string): string {
  return parseDateOrNull(value, timeZone) !== null
    ? ''
    : `expected a date, found \`${String(value).trim()}\``;
}

/**
 * ISO text for a date cell, '' for blank or `/`, or null when the value is not a valid date.
 * `order`: how to read a slash date whose parts could both be the month (without it, such a date
 * is null: a guess would misplace months).
 */
export function parseDateOrNull(value: CellValue, timeZone?: string, order?: DayOrder): string | null {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return dateFromNumber(value);
  if (isDateCell(value)) return dateFromDate(value as Date, timeZone);
  if (typeof value !== 'string') return null;
  const fast = plainDate(value);
  if (fast !== undefined) return fast;
  const text = value.trim();
  if (text === '' || text === '/' || text === '-') return '';
  const offset = isoOffset(timeZone);
  let m = DATE_TEXT.exec(text);
  if (m) {
    const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (date === null) return null;
    if (m[4] === undefined) return date;
    const zone = m[7]
      ? m[7] === 'Z'
        ? 'Z'
        : m[7].length === 5
          ? m[7].slice(0, 3) + ':' + m[7].slice(3)
          : m[7]
      : offset;
    return withTime(date, Number(m[4]), Number(m[5]), m[6] ? Number(m[6]) : 0, zone);
  }
  m = COMPACT.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = US_DATE.exec(text);
  if (m) {
    const first = Number(m[1]);
    const second = Number(m[2]);
    // MM/DD/YYYY only when unambiguous or the column's order is known: DD/MM files exist.
    if (first <= 12 && second <= 12 && first !== second && order === undefined) return null;
    const dayFirst = first > 12 || (order === 'dmy' && second <= 12);
    const date = dayFirst ? isoDate(Number(m[3]), second, first) : isoDate(Number(m[3]), first, second);
    if (date === null) return null;
    if (m[4] === undefined) return date;
    let h = Number(m[4]);
    // 12-hour clock: 12 AM is 00, 12 PM is 12; a 13 or a 0 before AM/PM is no time.
    if (m[7]) h = h < 1 || h > 12 ? 24 : (h % 12) + (m[8] ? 12 : 0);
    return withTime(date, h, Number(m[5]), m[6] ? Number(m[6]) : 0, offset);
  }
  return null;
}

/** `YYYY/MM/DD` or `YYYY-MM-DD` without a regex (the common cell); undefined for anything else. */
function plainDate(text: string): string | null | undefined {
  if (text.length !== 10) return undefined;
  const sep = text.charCodeAt(4);
  if ((sep !== 47 && sep !== 45) || text.charCodeAt(7) !== sep) return undefined;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    year = year * 10 + d;
  }
  const m1 = text.charCodeAt(5) - 48;
  const m2 = text.charCodeAt(6) - 48;
  const d1 = text.charCodeAt(8) - 48;
  const d2 = text.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return undefined;
  return isoDate(year, m1 * 10 + m2, d1 * 10 + d2);
}

/** Throwing variant of {@link parseDateOrNull}. */
export function parseDate(value: CellValue, timeZone?: string): string {
  const iso = parseDateOrNull(value, timeZone);
  if (iso === null) throw new DateParseError(String(value), dateProblem(value, timeZone));
  return iso;
}

/** Integers `YYYYMMDD`, or Excel serial days (with a fraction for the time of day). */
function dateFromNumber(n: number): string | null {
  if (!isFinite(n)) return null;
  if (Number.isInteger(n) && n >= 19000101 && n <= 21001231) {
    return isoDate(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
  }
  // Excel serials: 1 = 1900-01-01, 73415 = 2100-12-31; the 1900 leap-year bug is why the
  // epoch is 1899-12-30 for every serial after February 1900.
  if (n < 1 || n >= 73416) return null;
  const days = Math.floor(n);
  const ms = Date.UTC(1899, 11, 30) + days * 86400000;
  const d = new Date(ms);
  const date = isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  if (date === null) return null;
  const seconds = Math.round((n - days) * 86400);
  if (seconds === 0 || seconds >= 86400) return date;
  return withTime(date, Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60, 'Z');
}

/**
 * A Date from a sheet carries the wall-clock time the seller sees in the script's zone, read
 * with local getters. Midnight means a plain date.
 */
function dateFromDate(d: Date, timeZone?: string): string | null {
  const t = d.getTime();
  if (Number.isNaN(t)) return null;
  const date = isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
  if (date === null) return null;
  const h = d.getHours();
  const m = d.getMinutes();
  const s = d.getSeconds();
  if (h === 0 && m === 0 && s === 0) return date;
  return withTime(date, h, m, s, isoOffset(timeZone));
}

/** Month names as the seller reads them ("May 2026"), for labels in the dashboard, forecast and sidebar. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
