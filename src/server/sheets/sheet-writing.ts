/**
 * The few ways the add-on writes to a tab, shared by every tab it owns: get-or-create with a frozen
 * header, make room below the last row, and write one block with its number formats in one call each.
 */
import { neutralizeFormulaText } from '../../core/ledger/sheet-safety';
import { spreadsheet } from './spreadsheet';

export const TEXT_FORMAT = '@';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
export const CURRENCY_FORMAT = '$#,##0.00;-$#,##0.00';
export const INTEGER_FORMAT = '0';
/** What Sheets shows for a cell never formatted: used on the seller's own columns of a new row. */
export const DEFAULT_FORMAT = '0.###############';

export type Cell = string | number | boolean | Date;

/**
 * Text from a file for a cell formatted `@` (plain text), as every text column the add-on writes
 * is: the format alone keeps `=…` from being a formula and `00123` from being a number, so the text
 * goes in exactly as it is. No quote prefix: in a plain-text cell Sheets may show it literally, and
 * text read back and written again would gain one more each time (docs/live-checks.md).
 */
export function textCell(text: string): string {
  return text;
}

/** Text for a cell that is not formatted `@`: a leading `'` keeps it from being read as a formula or number. */
export function quotedTextCell(text: string): string {
  return text.startsWith("'") ? `'${text}` : neutralizeFormulaText(text);
}

/**
 * The tab named `name`, created with a bold frozen header when missing. A tab left empty by an
 * execution that failed between creating it and writing its header gets the header now.
 */
export function sheetWithHeader(name: string, header: readonly string[]): GoogleAppsScript.Spreadsheet.Sheet {
  const ss = spreadsheet();
  const existing = ss.getSheetByName(name);
  if (existing && existing.getLastRow() > 0) return existing;
  const sheet = existing ?? ss.insertSheet(name);
  ensureColumns(sheet, header.length);
  const range = sheet.getRange(1, 1, 1, header.length);
  range.setNumberFormats([header.map(() => TEXT_FORMAT)]);
  range.setValues([header.map(textCell)]);
  range.setFontWeight('bold');
  sheet.setFrozenRows(1);
  return sheet;
}

/** Adds columns at the right when the sheet has fewer than `count`. */
export function ensureColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, count: number): void {
  const max = sheet.getMaxColumns();
  if (count > max) sheet.insertColumnsAfter(max, count - max);
}

/**
 * Adds `labels` as bold header cells on `headerRow`, right of every used cell rather than of the
 * header (a note typed in a column without a header stays), and extends `header` to match.
 * Existing rows get blanks in the new columns: nothing else is rewritten.
 */
export function appendHeaderColumns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  headerRow: number,
  header: string[],
  labels: readonly string[],
): void {
  const from = Math.max(sheet.getLastColumn(), header.length) + 1;
  while (header.length < from - 1) header.push('');
  ensureColumns(sheet, from - 1 + labels.length);
  writeBlock(
    sheet,
    headerRow,
    from,
    [labels.map(textCell)],
    labels.map(() => TEXT_FORMAT),
  );
  sheet.getRange(headerRow, from, 1, labels.length).setFontWeight('bold');
  header.push(...labels);
}

/** Adds rows at the bottom so rows `from … from + count − 1` exist. */
export function ensureRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, from: number, count: number): void {
  const max = sheet.getMaxRows();
  const needed = from + count - 1;
  if (needed > max) sheet.insertRowsAfter(max, needed - max);
}

/**
 * Writes `values` at (`row`, `column`) with their number formats (one row of formats for every
 * row, or one per row): formats first, so text formatted `@` is never parsed as a number, date or
 * formula; then exactly one setValues.
 */
export function writeBlock(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  row: number,
  column: number,
  values: Cell[][],
  formats: readonly string[] | string[][],
): void {
  if (values.length === 0) return;
  const width = values[0].length;
  ensureRows(sheet, row, values.length);
  ensureColumns(sheet, column + width - 1);
  const range = sheet.getRange(row, column, values.length, width);
  const perRow = Array.isArray(formats[0]);
  range.setNumberFormats(
    perRow ? (formats as string[][]) : values.map(() => [...(formats as readonly string[])]),
  );
  range.setValues(values);
}

/** Zone offsets by zone and wall time (formatDate is slow). */
const offsets = new Map<string, number>();

/** The zone's offset (ms) at the wall time `wall` (ms, as if UTC), read back through formatDate; twice, for DST. */
function offsetAt(wall: number, timeZone: string): number {
  const key = timeZone + wall;
  let offset = offsets.get(key);
  if (offset === undefined) {
    let t = wall;
    for (let i = 0; i < 2; i++)
      t = wall - (Date.parse(Utilities.formatDate(new Date(t), timeZone, "yyyy-MM-dd'T'HH:mm:ss'Z'")) - t);
    offsets.set(key, (offset = wall - t));
  }
  return offset;
}

/**
 * `2026-05-03` (or `2026-05-03T16:55:33`, on the seller's clock) → the Date at that wall time in
 * the spreadsheet's time zone (so Sheets shows May 3 whatever the script's zone); an ISO timestamp
 * with a zone → that instant; '' → ''.
 */
export function dateCell(iso: string, timeZone: string): Date | '' {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d\d):(\d\d):(\d\d))?$/.exec(iso);
  if (!m) {
    const instant = new Date(iso);
    return Number.isNaN(instant.getTime()) ? '' : instant;
  }
  const day = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  const wall = day + ((+(m[4] ?? 0) * 60 + +(m[5] ?? 0)) * 60 + +(m[6] ?? 0)) * 1000;
  // A day's midnight offset holds all day unless its clocks change: worked out once a day.
  const offset = offsetAt(day, timeZone);
  return new Date(wall - (offset === offsetAt(day + 864e5, timeZone) ? offset : offsetAt(wall, timeZone)));
}

type RuleBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

/** A validation rule that refuses any other input, with the help text Sheets shows beside the cell. */
export function strictRule(
  helpText: string,
  require: (rule: RuleBuilder) => RuleBuilder,
): GoogleAppsScript.Spreadsheet.DataValidation {
  return require(SpreadsheetApp.newDataValidation()).setAllowInvalid(false).setHelpText(helpText).build();
}
