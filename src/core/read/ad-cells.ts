/**
 * How one cell of an ad report becomes a field of its row. A report repeats the same few hundred
 * days on every row: a day cell is worked out once per distinct value. Figures are read as they
 * come, a number cell without a detour through text.
 */
import { parseDateOrNull, type DayOrder } from '../dates';
import { parseCentsOrNaN } from '../money';
import { lostDigitsText } from './rounded-ids';
import { named } from './ad-rows';
import type { CellValue } from '../types';
import { isDateCell } from '../date-cell';
import { cellText } from '../cell-text';

export const MAX_TEXT = 500;

export function tooLong(text: string): string {
  return `expected at most ${MAX_TEXT} characters, found ${text.length}.`;
}

/** Why an ID cell cannot be used (a spreadsheet rounded it), or ''. */
export function idProblem(value: CellValue, text: string): string {
  const rounded =
    typeof value === 'number' ? !Number.isSafeInteger(value) : /^\d+(\.\d+)?[eE]\+?\d+$/.test(text);
  return rounded ? lostDigitsText('ID', text, 'export or paste it again.') : '';
}

/** A day cell worked out. */
export interface DayRead {
  /** `YYYY-MM-DD`, or '' when the cell is not a day. */
  day: string;
  /** Why the cell is not a day ('' when it is). */
  problem: string;
  /** Whether the cell names one day, which a report's totals row never does. */
  single: boolean;
}

/**
 * Reads the day column: `dateText` turns a date cell into its day in the sheet's zone; `orderOf`
 * says which way the column writes a slash date (`5/1/2026` from a report re-saved by Excel).
 */
export function dayReader(
  dateText?: (date: Date) => string,
  orderOf?: (text: string) => DayOrder,
): (value: CellValue) => DayRead {
  const work = (value: CellValue): DayRead => {
    // Dates from another realm (a sheet's cells) fail `instanceof`: recognised by their tag.
    const date = typeof value === 'object' && isDateCell(value);
    const order = date ? undefined : orderOf?.(cellText(value));
    const iso = parseDateOrNull(dateText && date ? dateText(value as Date) : value, undefined, order);
    // A date cell is one day; of text, null (not a day) and '' (blank) are both no single day.
    const single = date || !!parseDateOrNull(cellText(value), undefined, order);
    if (iso === null || iso === '') {
      const problem =
        iso === ''
          ? 'no day; every row of an ad report needs its day.'
          : `expected a day such as 2026-05-01, found \`${cellText(value)}\``;
      return { day: '', problem, single };
    }
    return { day: iso.slice(0, 10), problem: '', single };
  };
  const known = new Map<unknown, DayRead>();
  // The last cell read is asked again (its row's day column, then the day read into the row).
  let last: unknown = known;
  let read: DayRead | undefined;
  return (value) => {
    if (value === last) return read!;
    read = known.get((last = value));
    if (read === undefined) known.set(value, (read = work(value)));
    return read;
  };
}

/** Cents of a money cell (`--` is none: 0), null when blank, NaN when not an amount (see moneyProblem). */
export function centsOfCell(value: CellValue): number | null {
  if (typeof value === 'number') return parseCentsOrNaN(value);
  const text = cellText(value);
  if (text === '') return null;
  return text === '--' ? 0 : parseCentsOrNaN(typeof value === 'string' ? text : value);
}

/** A count (`1,234`; `-` and `--` are 0), or null when the cell is not a whole number ≥ 0; blank text is 0. */
export function countOf(value: CellValue, text: string): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (!named(text)) return 0;
  const plain = text.replace(/[,\s]/g, '');
  if (!/^\d+$/.test(plain)) return null;
  const n = Number(plain);
  return Number.isSafeInteger(n) ? n : null;
}
