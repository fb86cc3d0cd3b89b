/**
 * How one cell of an ad report becomes a field of its row. A report repeats the same few days,
 * campaigns and ad groups on every row, so text and day cells are worked out once per distinct
 * value (trimmed, checked, parsed) and remembered per column; figures are read as they come, a
 * number cell without a detour through text.
 */
import { parseDateOrNull } from '../dates';
import { parseCentsOrNaN } from '../money';
import type { CellValue } from '../types';

export const MAX_TEXT = 500;
/** Distinct values remembered per column: beyond this (a column of unique IDs) each is worked out again. */
const MAX_REMEMBERED = 50_000;

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  return (typeof value === 'string' ? value : String(value)).trim();
}

/** A text cell worked out: its text as the row keeps it, or why it cannot be used. */
export interface TextRead {
  text: string;
  /** '' when the cell can be used. */
  problem: string;
}

/** A day cell worked out. */
export interface DayRead {
  /** `YYYY-MM-DD`, or '' when the cell is not a day. */
  day: string;
  /** The day's number among the days read (equal days, however written, share it). */
  index: number;
  /** Why the cell is not a day ('' when it is). */
  problem: string;
  /** Whether the cell names one day, which a report's totals row never does. */
  single: boolean;
}

/** Remembers what each distinct value of a column reads as. */
class Remembered<T> {
  private readonly known = new Map<unknown, T>();
  // The last value asked about: a report sorted by day or campaign repeats it row after row.
  private last: unknown = NaN;
  private lastRead!: T;

  constructor(private readonly work: (value: CellValue) => T) {}

  read(value: CellValue): T {
    if (value === this.last) return this.lastRead;
    let read = this.known.get(value);
    if (read === undefined) {
      read = this.work(value);
      if (this.known.size < MAX_REMEMBERED) this.known.set(value, read);
    }
    this.last = value;
    return (this.lastRead = read);
  }
}

/** Reads a name or ID column (`id`: a spreadsheet may have rounded it; a leading `'` is dropped). */
export function textReader(id: boolean): (value: CellValue) => TextRead {
  const remembered = new Remembered((value): TextRead => {
    let text = cellText(value);
    if (id) {
      if (isRoundedId(value, text)) return { text, problem: roundedIdProblem(text) };
      if (text.charCodeAt(0) === 39) text = text.slice(1);
    }
    if (text.length > MAX_TEXT) return { text, problem: tooLong(text) };
    return { text, problem: '' };
  });
  return (value) => remembered.read(value);
}

export function tooLong(text: string): string {
  return `expected at most ${MAX_TEXT} characters, found ${text.length}.`;
}

function isRoundedId(value: CellValue, text: string): boolean {
  return typeof value === 'number' ? !Number.isSafeInteger(value) : /^\d+(\.\d+)?[eE]\+?\d+$/.test(text);
}

function roundedIdProblem(text: string): string {
  return `the ID ${text} lost its last digits (the sheet turned it into a number). Format the column as Plain text and export or paste it again.`;
}

/**
 * Reads the day column: `dateText` turns a date cell into its day in the sheet's zone. Date cells
 * are remembered by their instant, as each cell is its own object.
 */
export function dayReader(dateText?: (date: Date) => string): (value: CellValue) => DayRead {
  const days = new Map<string, number>();
  const work = (value: CellValue): DayRead => {
    const raw = dateText && isDateCell(value) ? dateText(value as Date) : value;
    const iso = parseDateOrNull(raw);
    const shown = parseDateOrNull(cellText(value));
    const single = shown !== null && shown !== '';
    if (iso === null || iso === '') {
      const problem =
        iso === ''
          ? 'no day; every row of an ad report needs its day.'
          : `expected a day such as 2026-05-01, found \`${cellText(value)}\``;
      return { day: '', index: -1, problem, single };
    }
    const day = iso.slice(0, 10);
    let index = days.get(day);
    if (index === undefined) days.set(day, (index = days.size));
    return { day, index, problem: '', single };
  };
  const values = new Remembered(work);
  const instants = new Map<number, DayRead>();
  return (value) => {
    if (!isDateCell(value)) return values.read(value);
    const instant = (value as Date).getTime();
    let read = instants.get(instant);
    if (read === undefined) instants.set(instant, (read = work(value)));
    return read;
  };
}

/** Dates from another realm (a sheet's cells) fail `instanceof`: recognised by their tag. */
function isDateCell(value: CellValue): boolean {
  return (
    typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Date]'
  );
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
  if (text === '' || text === '-' || text === '--') return 0;
  const plain = text.replace(/[,\s]/g, '');
  if (!/^\d+$/.test(plain)) return null;
  const n = Number(plain);
  return Number.isSafeInteger(n) ? n : null;
}
