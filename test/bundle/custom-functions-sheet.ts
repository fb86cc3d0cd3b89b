/**
 * Export text → the 2-D array Sheets hands a custom function for `Statement!A:CZ`: amounts and
 * quantities as numbers, dates as Date objects at midnight (or the cell's time) in the
 * spreadsheet's zone, IDs as plain text, '' padding out to column CZ and blank rows below. The
 * final array is built inside the bundle's realm, as Sheets' values are not the test's objects.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distCodeFile, ensureBuilt, repoRoot } from '../helpers/built-bundle';
import { lookupColumn } from '../../src/core/read/catalog';
import { parseCsv } from '../../src/core/read/files/csv';
import { dateFromWallTime } from '../../emulator/time-zone';
import type { GasRuntime } from '../../emulator/sandbox';

export type SheetCell = string | number | boolean | Date;

/** Columns A:CZ. */
export const FULL_WIDTH = 104;

export const root = repoRoot;
export const codeFile = distCodeFile;

export { ensureBuilt };

export function readCsv(relativePath: string): string[][] {
  return parseCsv(readFileSync(join(root, relativePath), 'utf8'));
}

export interface SheetOptions {
  /** The spreadsheet's time zone (the emulator's default workbook zone unless given). */
  timeZone?: string;
  /** 0-based index of the header row inside `rows` (default: first row with 3+ catalog columns). */
  headerIndex?: number;
  /** How date columns arrive: Date cells (default) or left as Sheets reads `20260421` (a number). */
  dates?: 'date' | 'number';
  /** Columns in the range (default 104 = A:CZ). */
  width?: number;
  /** Blank rows under the data (default 25). */
  blankRowsBelow?: number;
}

const NUMERIC_KINDS = new Set(['money', 'info-money', 'quantity', 'weight', 'rate']);
const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;
const DATE_TEXT = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

function findHeaderIndex(rows: readonly (readonly string[])[]): number {
  for (let r = 0; r < Math.min(rows.length, 30); r++) {
    if (rows[r].filter((cell) => lookupColumn(cell) !== undefined).length >= 3) return r;
  }
  throw new Error('sheet fixture: no header row');
}

/** A date cell as Sheets would pass it: the instant at that wall time in the spreadsheet's zone. */
export function sheetDate(text: string, timeZone = 'America/Los_Angeles'): Date | undefined {
  const m = DATE_TEXT.exec(text) ?? COMPACT_DATE.exec(text);
  if (!m) return undefined;
  return dateFromWallTime(
    timeZone,
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
  );
}

/**
 * Export rows (text, as in the file) → typed cells as Sheets shows them after File → Import with
 * the ID columns formatted as plain text: catalog money/quantity columns become numbers, catalog
 * date columns Dates; rows above the header stay as they are (banner text).
 */
export function typedCells(rows: readonly (readonly string[])[], options: SheetOptions = {}): SheetCell[][] {
  const headerIndex = options.headerIndex ?? findHeaderIndex(rows);
  const kinds = rows[headerIndex].map((h) => lookupColumn(h)?.kind);
  return rows.map((row, r) =>
    row.map((text, c): SheetCell => {
      if (r <= headerIndex || text === '') return text;
      const kind = kinds[c];
      if (kind === 'date') {
        if (options.dates === 'number' && COMPACT_DATE.test(text)) return Number(text);
        return sheetDate(text.trim(), options.timeZone) ?? text;
      }
      if (kind !== undefined && NUMERIC_KINDS.has(kind) && NUMBER_TEXT.test(text.trim()))
        return Number(text.trim());
      return text;
    }),
  );
}

/** Pads every row to `width` columns with '' and appends blank rows, as an A:CZ range reads. */
export function padded(rows: readonly (readonly SheetCell[])[], options: SheetOptions = {}): SheetCell[][] {
  const width = options.width ?? FULL_WIDTH;
  const blanks = options.blankRowsBelow ?? 25;
  const out = rows.map((row) => {
    const line = row.slice(0, Math.max(width, row.length));
    while (line.length < width) line.push('');
    return line;
  });
  for (let i = 0; i < blanks; i++)
    out.push(new Array<SheetCell>(Math.max(width, out[0]?.length ?? width)).fill(''));
  return out;
}

/** Export text rows → the sandbox-realm A:CZ range a custom function receives. */
export function sheetRange(
  rt: GasRuntime,
  rows: readonly (readonly string[])[],
  options: SheetOptions = {},
): unknown[][] {
  const timeZone = options.timeZone ?? rt.workbook.timeZone;
  return inSandbox(rt, padded(typedCells(rows, { ...options, timeZone }), options));
}

/** A test-realm grid (or value) → the same values as sandbox arrays and sandbox Dates. */
export function inSandbox<T>(rt: GasRuntime, value: T): any {
  const convert = rt.inRealm<(v: unknown) => unknown>(`function convert(v) {
    if (Array.isArray(v)) return Array.from(v, convert);
    if (Object.prototype.toString.call(v) === '[object Date]') return new Date(v.getTime());
    return v;
  }`);
  return convert(value);
}

/** Header + one text row per record (cells by header name; unnamed cells blank). */
export function exportRows(
  header: readonly string[],
  records: readonly Record<string, string>[],
): string[][] {
  const index = new Map(header.map((h, i) => [h, i]));
  return [
    [...header],
    ...records.map((record) => {
      const row = header.map(() => '');
      for (const [name, value] of Object.entries(record)) {
        const i = index.get(name);
        if (i === undefined) throw new Error(`exportRows: no column ${name}`);
        row[i] = value;
      }
      return row;
    }),
  ];
}

/** The header row of a fixture file in test/fixtures/headers. */
export function fixtureHeader(name: string): string[] {
  return readCsv(`test/fixtures/headers/${name}`)[0];
}

/** The message of the error `fn` throws (fails the test when it does not throw). */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the call to throw');
}
