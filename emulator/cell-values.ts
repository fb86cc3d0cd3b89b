/**
 * What a cell holds and how a written value becomes cell content. Apps Script's `setValue(s)`
 * parses strings like typed input (USER_ENTERED): `=…` is a formula, `"1,234"` a number,
 * `"TRUE"` a boolean, `"2024-03-01"` a date, unless the cell is formatted `@` (plain text) or the
 * text starts with an apostrophe. Non-string values are stored as they are.
 *
 * In a cell formatted `@` the text is kept exactly as written, a leading apostrophe included: the
 * format already makes it text, and Sheets may then show the apostrophe (docs/live-checks.md). The
 * emulator takes that side so a test sees an apostrophe written into a plain-text cell.
 */
import { dateFromWallTime, wallTimeIn } from './time-zone';

export type CellValue = string | number | boolean | Date;

export interface WrittenCell {
  value: CellValue;
  formula?: string;
  /** Format Sheets infers from the typed text (`$1.50` → currency), applied when the cell has none. */
  inferredFormat?: string;
}

export const PLAIN_TEXT_FORMAT = '@';
/** What `getNumberFormat()` returns for a cell never formatted. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';
export const MAX_CELL_CHARS = 50000;

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

const NUMBER = /^([+-])?(\$)?(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?(?:[eE]([+-]?\d+))?(%)?$/;
const PAREN_NEGATIVE = /^\((\$?[\d,.]+)\)$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function parseNumber(text: string): { value: number; format?: string } | undefined {
  const paren = PAREN_NEGATIVE.exec(text);
  if (paren) {
    const inner = parseNumber(paren[1]);
    return inner ? { value: -inner.value, format: inner.format } : undefined;
  }
  const m = NUMBER.exec(text);
  if (!m || (m[3] === undefined && m[4] === undefined)) return undefined;
  const digits = `${m[3] ?? '0'}`.replace(/,/g, '') + (m[4] ?? '') + (m[5] !== undefined ? `e${m[5]}` : '');
  let value = Number(digits);
  if (m[1] === '-') value = -value;
  const decimals = m[4] ? m[4].length - 1 : 0;
  if (m[6]) return { value: value / 100, format: decimals > 0 ? '0.00%' : '0%' };
  if (m[2]) return { value, format: '$#,##0.00' };
  if (m[3]?.includes(',')) return { value, format: '#,##0' };
  return { value };
}

function validDay(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function parseDate(text: string, timeZone: string): { value: Date; format: string } | undefined {
  let y: number, mo: number, d: number, time: string[];
  const iso = ISO_DATE.exec(text);
  const us = iso ? undefined : US_DATE.exec(text);
  if (iso) {
    [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    time = iso.slice(4, 7);
  } else if (us) {
    mo = Number(us[1]);
    d = Number(us[2]);
    y = us[3] === undefined ? wallTimeIn(new Date(), timeZone).year : Number(us[3]);
    if (us[3] !== undefined && us[3].length === 2) y += y < 30 ? 2000 : 1900;
    time = us.slice(4, 7);
  } else {
    return undefined;
  }
  if (!validDay(y, mo, d)) return undefined;
  const [h, mi, s] = time.map((t) => (t === undefined ? 0 : Number(t)));
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const hasTime = time[0] !== undefined;
  const format = iso
    ? hasTime
      ? 'yyyy-mm-dd hh:mm:ss'
      : 'yyyy-mm-dd'
    : hasTime
      ? 'm/d/yyyy h:mm:ss'
      : 'm/d/yyyy';
  return { value: dateFromWallTime(timeZone, y, mo, d, h, mi, s), format };
}

/** Turns a value written by `setValue(s)`/`appendRow` into cell content, as Sheets does. */
export function writeCell(input: unknown, numberFormat: string | undefined, timeZone: string): WrittenCell {
  if (input === null || input === undefined) return { value: '' };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  if (isDate(input)) return { value: new Date((input as Date).getTime()) };
  const text = typeof input === 'string' ? input : String(input);
  if (text.length > MAX_CELL_CHARS) {
    throw new Error(
      `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
    );
  }
  if (numberFormat === PLAIN_TEXT_FORMAT || text === '') return { value: text };
  // The apostrophe is a quote prefix: it forces text and is not part of the value.
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.length > 1 && text.startsWith('=')) return { value: '', formula: text };
  const trimmed = text.trim();
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  const num = parseNumber(trimmed);
  if (num) return { value: num.value, inferredFormat: num.format };
  const date = parseDate(trimmed, timeZone);
  if (date) return { value: date.value, inferredFormat: date.format };
  // Sheets reads `+text` and `-text` as formulas too (shown as #NAME? or #ERROR!).
  if (text.length > 1 && (text.startsWith('+') || text.startsWith('-')))
    return { value: '', formula: `=${text}` };
  return { value: text };
}
