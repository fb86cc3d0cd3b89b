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
 * The longest record a file is read with (characters, line breaks in quoted fields included): a
 * whole export row is a few hundred, and 64 cells of the most a Sheets cell holds (50,000) are
 * 3.2 million. A longer one is a quote never closed, and holding the rest of a file of any size
 * as one unfinished record would pass the longest string the browser can make (2^29 characters).
 */
export const MAX_RECORD_CHARS = 1 << 24;

/** What a reader carries from one piece of text to the next. */
interface ReaderState {
  visit: (cells: string[], rowNumber: number) => void | false;
  delimiter: number;
  rowNumber: number;
  /** Blank lines seen but not yet visited: they are records only if a record follows them. */
  pendingBlankLines: number;
  /** Line breaks in the text consumed so far (for the line numbers of syntax errors). */
  lineBreaks: number;
  stopped: boolean;
}

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
  const pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const delimiter = (options.delimiter ?? detectDelimiter(text)).charCodeAt(0);
  const state: ReaderState = {
    visit,
    delimiter,
    rowNumber: 0,
    pendingBlankLines: 0,
    lineBreaks: 0,
    stopped: false,
  };
  readRecords(text, pos, trimmedEnd(text, pos), true, state);
}

/** Feeds a CSV file piece by piece (e.g. decoded chunks of a stream) instead of as one string. */
export interface CsvChunkReader {
  /** Adds the next piece of text and visits every record it completes. */
  push(text: string): void;
  /** The text is complete: visits the last records (and throws if a quoted field never closed). */
  end(): void;
  /** Records so far: those visited and the blank lines held back (records once another follows). */
  readonly records: number;
  /**
   * Whether the text pushed so far ends where a record ends (after its line break, outside
   * quotes), so that what follows can be read by another reader from its first record.
   */
  atRecordBoundary(): boolean;
}

/**
 * A reader that gives exactly the records, row numbers and errors {@link forEachCsvRow} gives for
 * the whole text, whatever the pieces: records, quoted fields (line breaks included) and CRLF
 * pairs may span pieces. Memory stays at about one piece plus the longest record.
 */
export function createCsvChunkReader(
  visit: (cells: string[], rowNumber: number) => void | false,
  options: CsvOptions = {},
): CsvChunkReader {
  // Text not yet consumed: it starts at a record start (or is the start of the file while the
  // delimiter is undecided).
  let held = '';
  // Length of `held` when it last failed to complete a record: a record longer than a piece is
  // retried only once the held text has doubled, so a huge field is scanned a bounded number of times.
  let heldAtLastTry = 0;
  let started = false;
  let ended = false;
  const state: ReaderState = {
    visit,
    delimiter: options.delimiter === undefined ? -1 : options.delimiter.charCodeAt(0),
    rowNumber: 0,
    pendingBlankLines: 0,
    lineBreaks: 0,
    stopped: false,
  };

  /** Reads the records of `piece` that follow `held`, keeping what stays incomplete in `held`. */
  function read(piece: string): void {
    let offset = 0;
    if (held !== '') {
      // Finish the held record on a small joined head of the piece: joining whole pieces would
      // copy every character once more.
      let k = Math.min(piece.length, 4096);
      for (;;) {
        const head = k === piece.length ? piece : piece.slice(0, k);
        const text = held + head;
        const stop = readRecords(text, 0, text.length, false, state);
        if (state.stopped) return;
        if (stop >= held.length) {
          offset = stop - held.length;
          held = '';
          heldAtLastTry = 0;
          break;
        }
        if (k === piece.length) {
          held = text.slice(stop);
          heldAtLastTry = held.length;
          return;
        }
        held = held.slice(stop);
        k = Math.min(piece.length, k * 4);
      }
    }
    const stop = readRecords(piece, offset, piece.length, false, state);
    if (!state.stopped) held = piece.slice(stop);
  }

  /** A record still unfinished past MAX_RECORD_CHARS is refused before it outgrows what a string can hold. */
  function checkHeld(): void {
    if (held.length <= MAX_RECORD_CHARS || state.delimiter < 0) return;
    const line = state.lineBreaks + 1;
    throw new CsvSyntaxError(
      `the row that starts on line ${line} runs on for more than ${String(MAX_RECORD_CHARS).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} characters ` +
        'without ending: a quoted field in it may have no closing quote (")',
      line,
    );
  }

  return {
    push(text: string): void {
      if (ended) throw new Error('CSV reader: push() after end()');
      if (state.stopped || text === '') return;
      if (!started) {
        started = true;
        // A byte-order mark only counts at the very start of the file.
        if (text.charCodeAt(0) === 0xfeff) {
          text = text.slice(1);
          if (text === '') return;
        }
      }
      if (state.delimiter < 0) {
        held += text;
        const detected = scanDelimiter(held, false);
        if (detected === undefined) return;
        state.delimiter = detected.charCodeAt(0);
        text = held;
        held = '';
      } else if (heldAtLastTry > 0 && held.length + text.length < 2 * heldAtLastTry) {
        held += text;
        checkHeld();
        return;
      }
      read(text);
      checkHeld();
    },
    get records(): number {
      return state.rowNumber + state.pendingBlankLines;
    },
    atRecordBoundary(): boolean {
      return started && held === '' && state.delimiter >= 0;
    },
    end(): void {
      if (ended) return;
      ended = true;
      if (state.stopped) return;
      if (state.delimiter < 0) state.delimiter = scanDelimiter(held, true)!.charCodeAt(0);
      const text = held;
      held = '';
      const before = state.lineBreaks;
      try {
        readRecords(text, 0, trimmedEnd(text, 0), true, state);
      } catch (error) {
        // Line numbers in the held text count from its start: add the lines read before it.
        if (error instanceof CsvSyntaxError && before > 0) {
          const line = error.line + before;
          throw new CsvSyntaxError(
            `a quoted field that starts on line ${line} has no closing quote (")`,
            line,
          );
        }
        throw error;
      }
    },
  };
}

/** End of the text without the line breaks that close it (trailing blank lines are not records). */
function trimmedEnd(text: string, start: number): number {
  let end = text.length;
  while (end > start && (text.charCodeAt(end - 1) === LF || text.charCodeAt(end - 1) === CR)) end--;
  return end;
}

/**
 * Visits the records of `text[pos, end)` and returns where the first record it could not finish
 * starts (`end` when all were finished). With `final` false, a record that reaches `end` may go on
 * in the next piece, so it is left for later; with `final` true, `end` closes it.
 */
function readRecords(text: string, pos: number, end: number, final: boolean, state: ReaderState): number {
  const delimiter = state.delimiter;
  const delimiterText = String.fromCharCode(delimiter);
  // Next LF, CR and quote at or after the last lookup (-1: none in the rest of the text). Cached
  // so that a text with no CR, say, is searched for one only once.
  let lf = -2;
  let cr = -2;
  let quote = -2;

  while (pos < end) {
    const recordStart = pos;
    const first = text.charCodeAt(pos);
    if (first === LF || first === CR) {
      if (first === CR && pos + 1 >= end && !final) return recordStart;
      pos += first === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
      state.lineBreaks++;
      state.pendingBlankLines++;
      continue;
    }
    if (lf !== -1 && lf < pos) lf = text.indexOf('\n', pos);
    if (cr !== -1 && cr < pos) cr = text.indexOf('\r', pos);
    if (quote !== -1 && quote < pos) quote = text.indexOf('"', pos);
    let lineEnd = lf === -1 || lf > end ? end : lf;
    if (cr !== -1 && cr < lineEnd) lineEnd = cr;

    let cells: string[];
    let breaks = 0;
    if (quote === -1 || quote >= lineEnd) {
      // No quote before the line break: the record is the line, split at each delimiter.
      if (lineEnd >= end ? !final : lineEnd + 1 >= end && !final && text.charCodeAt(lineEnd) === CR)
        return recordStart;
      cells = text.slice(pos, lineEnd).split(delimiterText);
      pos = lineEnd;
    } else {
      cells = [];
      for (;;) {
        if (text.charCodeAt(pos) === QUOTE) {
          const opening = pos;
          let close = text.indexOf('"', pos + 1);
          let hasDoubledQuotes = false;
          while (close !== -1 && close + 1 < end && text.charCodeAt(close + 1) === QUOTE) {
            hasDoubledQuotes = true;
            close = text.indexOf('"', close + 2);
          }
          if (close === -1 || close >= end || (close + 1 >= end && !final)) {
            if (!final) return recordStart;
            const line = lineNumberAt(text, opening);
            throw new CsvSyntaxError(
              `a quoted field that starts on line ${line} has no closing quote (")`,
              line,
            );
          }
          if ((lf !== -1 && lf < close) || (cr !== -1 && cr < close)) {
            breaks += lineBreaksIn(text, opening + 1, close);
            lf = text.indexOf('\n', close);
            cr = text.indexOf('\r', close);
          }
          let value = text.slice(opening + 1, close);
          if (hasDoubledQuotes) value = value.replace(/""/g, '"');
          pos = close + 1;
          // Excel keeps text that follows a closing quote (`"12"34`) as part of the field.
          const tailEnd = scanUnquoted(text, pos, end, delimiter);
          if (tailEnd >= end && !final) return recordStart;
          if (tailEnd > pos) {
            value += text.slice(pos, tailEnd);
            pos = tailEnd;
          }
          cells.push(value);
        } else {
          // Unquoted fields up to the next quote or line break are split in one native call;
          // a record with a quoted product name is otherwise scanned a character at a time.
          if (quote !== -1 && quote < pos) quote = text.indexOf('"', pos);
          let stretchEnd = end;
          if (lf !== -1 && lf < stretchEnd) stretchEnd = lf;
          if (cr !== -1 && cr < stretchEnd) stretchEnd = cr;
          if (quote === -1 || quote >= stretchEnd) {
            // No quote in the rest of the record.
            if (stretchEnd >= end && !final) return recordStart;
            if (stretchEnd === cr && stretchEnd + 1 >= end && !final) return recordStart;
            pushAll(cells, text.slice(pos, stretchEnd).split(delimiterText));
            pos = stretchEnd;
            break;
          }
          if (quote > pos && text.charCodeAt(quote - 1) === delimiter) {
            // Whole fields, then a quoted field.
            pushAll(cells, text.slice(pos, quote - 1).split(delimiterText));
            pos = quote;
            continue;
          }
          const fieldEnd = scanUnquoted(text, pos, end, delimiter);
          if (fieldEnd >= end && !final) return recordStart;
          cells.push(text.slice(pos, fieldEnd));
          pos = fieldEnd;
        }
        if (pos >= end) break;
        const c = text.charCodeAt(pos);
        if (c === delimiter) {
          pos++;
          continue;
        }
        if (c === CR && pos + 1 >= end && !final) return recordStart;
        break;
      }
    }
    if (pos < end) {
      pos += text.charCodeAt(pos) === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
      breaks++;
    }
    state.lineBreaks += breaks;
    if (!emit(state, cells)) return pos;
  }
  return pos;
}

/** Visits the blank lines held back, then the record; false when the visitor asked to stop. */
function emit(state: ReaderState, cells: string[]): boolean {
  for (; state.pendingBlankLines > 0; state.pendingBlankLines--) {
    if (state.visit([], ++state.rowNumber) === false) {
      state.stopped = true;
      return false;
    }
  }
  if (state.visit(cells, ++state.rowNumber) === false) {
    state.stopped = true;
    return false;
  }
  return true;
}

function pushAll(cells: string[], more: string[]): void {
  for (let i = 0; i < more.length; i++) cells.push(more[i]);
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
  forEachCsvRow(
    text,
    (cells) => {
      rows.push(cells);
    },
    options,
  );
  return rows;
}

/**
 * Tab when the first record has more tabs than commas outside quotes (Excel "Unicode text"),
 * comma otherwise.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  return scanDelimiter(text, true)!;
}

/**
 * {@link detectDelimiter} on the start of a text; undefined when that start cannot decide yet
 * (no line break after a tab or comma in it, it is shorter than the scan limit, and more may come).
 */
function scanDelimiter(text: string, complete: boolean): CsvDelimiter | undefined {
  let tabs = 0;
  let commas = 0;
  let inQuotes = false;
  const limit = Math.min(text.length, DELIMITER_SCAN_LIMIT);
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === TAB) tabs++;
    else if (c === COMMA) commas++;
    else if ((c === LF || c === CR) && (tabs > 0 || commas > 0)) return tabs > commas ? '\t' : ',';
  }
  if (!complete && text.length < DELIMITER_SCAN_LIMIT) return undefined;
  return tabs > commas ? '\t' : ',';
}

const DELIMITER_SCAN_LIMIT = 1 << 20;

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

/** Line breaks in `text[start, end)`, counting CRLF, LF and CR as one each. */
function lineBreaksIn(text: string, start: number, end: number): number {
  let breaks = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) breaks++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) breaks++;
  }
  return breaks;
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
