/**
 * Turning custom-function arguments, as Sheets passes them, into plain values for the core.
 * A cell arrives as its value, a range as a 2-D array; an empty optional argument arrives as
 * undefined, '' or a range of blanks. Dates arrive as Date objects from another realm, so they are
 * recognised by their tag, never with `instanceof`.
 */
import type { CellValue } from '../../core/types';
import { isDateCell } from '../../core/date-cell';
import { monthFromText } from '../../core/month-text';
import { spreadsheetTimeZone } from '../sheets/sheet-dates';
import { parseDateOrNull } from '../../core/dates';

export type Grid = CellValue[][];

/** How a function missing its cogs range is told to pass it. */
export const PASS_UNIT_COSTS = "pass your unit costs, e.g. 'TTS COGS'!A:K.";

/** True for an omitted optional argument: nothing, '', or a range holding only blanks. */
export function isOmitted(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value))
    return value.every((row) =>
      Array.isArray(row) ? row.every((c) => c === '' || c === null || c === undefined) : row === '',
    );
  return false;
}

/** A range argument as a 2-D array (a single cell becomes a 1×1 range). */
export function asGrid(value: unknown, argument: string): Grid {
  // A range arrives as rows of cells: used as it is, not copied (a statement range is 50,000 rows).
  if (Array.isArray(value) && value.every((row) => Array.isArray(row))) return value as Grid;
  if (Array.isArray(value))
    return value.map((row) => (Array.isArray(row) ? (row as CellValue[]) : [row as CellValue]));
  if (value === undefined)
    throw new Error(
      `${argument} is missing: pass the range that holds your export, to its last column, e.g. Statement!A:BL.`,
    );
  return [[value as CellValue]];
}

/** Every non-blank cell of a range, in reading order. */
export function cellsOf(value: unknown): CellValue[] {
  if (!Array.isArray(value)) return isOmitted(value) ? [] : [value as CellValue];
  const cells: CellValue[] = [];
  for (const row of value) {
    for (const cell of Array.isArray(row) ? row : [row])
      if (cell !== '' && cell !== null && cell !== undefined) cells.push(cell);
  }
  return cells;
}

/** The single value of an argument that should be one cell. */
export function scalarOf(value: unknown, argument: string): CellValue {
  if (!Array.isArray(value)) return value as CellValue;
  const cells = cellsOf(value);
  if (cells.length > 1)
    throw new Error(`${argument} must be a single value, found a range of ${cells.length} values.`);
  return cells[0] ?? '';
}

/** A plain number: a number cell or numeric text such as "65,000" or "$65,000". */
export function asNumber(value: unknown, argument: string): number {
  const scalar = scalarOf(value, argument);
  if (typeof scalar === 'number' && Number.isFinite(scalar)) return scalar;
  if (typeof scalar === 'string') {
    const text = scalar.trim().replace(/^\$\s*/, '');
    // A comma only between groups of three digits: `29,99` is cents after a decimal comma, never 2,999.
    if (/^-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ''));
  }
  throw new Error(`${argument} must be a number, found ${describe(scalar)}.`);
}

/** A rate: a fraction (0.06), a percent-formatted cell (arrives as 0.06) or text "6%". */
export function asRate(value: unknown, argument: string): number {
  const scalar = scalarOf(value, argument);
  if (typeof scalar === 'string' && /^\s*-?\d+(\.\d+)?\s*%\s*$/.test(scalar))
    return Number(scalar.replace('%', '').trim()) / 100;
  const rate = asNumber(scalar, argument);
  if (rate >= 1) {
    throw new Error(
      `${argument} ${rate} looks like a percent: type it as ${rate}% or as the fraction ${rate / 100}.`,
    );
  }
  return rate;
}

/** A month argument (`YYYY-MM`): a date cell, or text such as "2026-05", "May 2026", "5/2026" or a day in it. */
export function monthArg(value: unknown, argument: string): string {
  const cell = scalarOf(value, argument);
  if (isDateCell(cell)) return Utilities.formatDate(cell, spreadsheetTimeZone(), 'yyyy-MM');
  const month = typeof cell === 'string' ? monthFromText(cell) : null;
  if (month) return month;
  throw new Error(
    `${argument} must be a month such as "2026-05", "May 2026" or a date in it, found ${describe(cell)}${eitherWay(String(cell).trim())}.`,
  );
}

/**
 * A day argument (`YYYY-MM-DD`): a date cell, or text such as 2026-05-01 or 20260501. `monthDay`: a
 * month (see {@link monthArg}) stands for its first or last day.
 */
export function dayArg(value: unknown, argument: string, monthDay?: (month: string) => string): string {
  const cell = scalarOf(value, argument);
  if (isDateCell(cell)) return Utilities.formatDate(cell, spreadsheetTimeZone(), 'yyyy-MM-dd');
  const text = String(cell).trim();
  // Read as a report's day is (2026-05-01, 2026/5/1, 20260501, 5/13/2026); 2026-02-30 is no day.
  const day = parseDateOrNull(text);
  if (day) return day.slice(0, 10);
  const month = monthDay && monthFromText(text);
  if (month) return monthDay(month);
  const or = monthDay ? ' or a month such as 2026-05 or May 2026' : '';
  throw new Error(
    `${argument} must be a date cell or a date written year first, such as 2026-05-01${or}, found ${describe(cell)}${eitherWay(text)}.`,
  );
}

/**
 * ` (2026-03-05 or 2026-05-03?)` for a slash date that reads either way, else '': 3/5/2026 is 5 March
 * in the US and 3 May elsewhere, and a text date is read only when its form says which.
 */
function eitherWay(text: string): string {
  const [mdy, dmy] = (['mdy', 'dmy'] as const).map((order) => parseDateOrNull(text, undefined, order));
  return mdy && dmy ? ` (${mdy} or ${dmy}?)` : '';
}

/** The `start` and `end` arguments as days ('' when omitted), refused when start comes after end. */
export function dayRange(
  start: unknown,
  end: unknown,
  firstDay?: (month: string) => string,
  lastDay?: (month: string) => string,
): [string, string] {
  const from = isOmitted(start) ? '' : dayArg(start, 'start', firstDay);
  const to = isOmitted(end) ? '' : dayArg(end, 'end', lastDay);
  if (from && to && from > to) throw new Error(`start (${from}) is after end (${to}).`);
  return [from, to];
}

export function describe(value: unknown): string {
  if (value === '' || value === undefined || value === null) return 'an empty cell';
  // The day the cell shows: the spreadsheet's zone, not UTC and not the script's.
  if (isDateCell(value))
    return `the date ${Utilities.formatDate(value, spreadsheetTimeZone(), 'yyyy-MM-dd')}`;
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** Dollars, rounded to cents, for returning to a cell. */
export function centsToCell(cents: number): number {
  return Math.round(cents) / 100;
}
