/**
 * RFC 4180 CSV, as Seller Center and Excel write it: quoted fields may hold commas, doubled quotes
 * and line breaks; records end in CRLF, LF or CR. Excel's "Unicode text" save uses tabs instead of
 * commas, with the same quoting. Cells are returned exactly as written: nothing is trimmed or
 * converted, so `=1+1` stays text and 18-digit IDs stay exact.
 */

export type CsvDelimiter = ',' | '\t';

export interface CsvOptions {
  /** Field separator; detected from the header line when not given. */
  delimiter?: CsvDelimiter;
}

/** The text breaks the CSV rules; `line` is the 1-based physical line where the problem starts. */
export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = 'CsvSyntaxError';
    this.line = line;
  }
}

const QUOTE = 34; // "
const COMMA = 44;
const TAB = 9;
const LF = 10;
const CR = 13;

/**
 * Calls `visit` with each record's cells and its 1-based record number (the row number a
 * spreadsheet shows when it opens the file). A blank line is a record with no cells; blank lines
 * at the end of the file are not records. Return `false` from `visit` to stop early.
 */
export function forEachCsvRow(
  text: string,
  visit: (cells: string[], rowNumber: number) => void | false,
  options: CsvOptions = {},
): void {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let end = text.length;
  while (end > pos && (text.charCodeAt(end - 1) === LF || text.charCodeAt(end - 1) === CR)) end--;
  const delimiter = (options.delimiter ?? detectDelimiter(text)).charCodeAt(0);
  let rowNumber = 0;

  while (pos < end) {
    const cells: string[] = [];
    const first = text.charCodeAt(pos);
    if (first === LF || first === CR) {
      pos += first === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
    } else {
      for (;;) {
        if (text.charCodeAt(pos) === QUOTE) {
          const opening = pos;
          let close = text.indexOf('"', pos + 1);
          let hasDoubledQuotes = false;
          while (close !== -1 && text.charCodeAt(close + 1) === QUOTE) {
            hasDoubledQuotes = true;
            close = text.indexOf('"', close + 2);
          }
          if (close === -1 || close >= end) {
            const line = lineNumberAt(text, opening);
            throw new CsvSyntaxError(
              `a quoted field that starts on line ${line} has no closing quote (")`,
              line,
            );
          }
          let value = text.slice(opening + 1, close);
          if (hasDoubledQuotes) value = value.replace(/""/g, '"');
          pos = close + 1;
          // Excel keeps text that follows a closing quote (`"12"34`) as part of the field.
          const tailEnd = scanUnquoted(text, pos, end, delimiter);
          if (tailEnd > pos) {
            value += text.slice(pos, tailEnd);
            pos = tailEnd;
          }
          cells.push(value);
        } else {
          const fieldEnd = scanUnquoted(text, pos, end, delimiter);
          cells.push(text.slice(pos, fieldEnd));
          pos = fieldEnd;
        }
        if (pos >= end) break;
        const c = text.charCodeAt(pos);
        if (c === delimiter) {
          pos++;
          continue;
        }
        pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
        break;
      }
    }
    rowNumber++;
    if (visit(cells, rowNumber) === false) return;
  }
}

/** Index of the first delimiter or line break at or after `pos` (or `end`). */
function scanUnquoted(text: string, pos: number, end: number, delimiter: number): number {
  while (pos < end) {
    const c = text.charCodeAt(pos);
    if (c === delimiter || c === LF || c === CR) return pos;
    pos++;
  }
  return end;
}

export function parseCsv(text: string, options: CsvOptions = {}): string[][] {
  const rows: string[][] = [];
  forEachCsvRow(text, (cells) => {
    rows.push(cells);
  }, options);
  return rows;
}

/**
 * Tab when the first record has more tabs than commas outside quotes (Excel "Unicode text"),
 * comma otherwise.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let tabs = 0;
  let commas = 0;
  let inQuotes = false;
  const limit = Math.min(text.length, 1 << 20);
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === TAB) tabs++;
    else if (c === COMMA) commas++;
    else if ((c === LF || c === CR) && (tabs > 0 || commas > 0)) break;
  }
  return tabs > commas ? '\t' : ',';
}

/** 1-based line number of `index`, counting CRLF, LF and CR as one line break each. */
function lineNumberAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) line++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) line++;
  }
  return line;
}

/**
 * Writes rows so that `parseCsv` gives them back exactly: fields holding the delimiter, a quote
 * or a line break are quoted, and a row of one empty field is written `""` so it is not read as
 * a blank line. Every record ends in CRLF. Empty rows at the very end are not kept, since a
 * reader treats trailing blank lines as the end of the file.
 */
export function toCsv(rows: readonly (readonly string[])[], delimiter: CsvDelimiter = ','): string {
  // A leading U+FEFF is quoted too, or a reader would take it for a byte-order mark. Commas and
  // tabs are quoted whatever the delimiter, so a reader that detects the delimiter counts right.
  const needsQuotes = /[",\t\r\n]|^\uFEFF/;
  const lines: string[] = [];
  for (const row of rows) {
    if (row.length === 1 && row[0] === '') {
      lines.push('""');
      continue;
    }
    lines.push(
      row.map((cell) => (needsQuotes.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(delimiter),
    );
  }
  return lines.length === 0 ? '' : lines.join('\r\n') + '\r\n';
}
