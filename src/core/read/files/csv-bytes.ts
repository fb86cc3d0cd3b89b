/**
 * CSV records read from UTF-8 bytes, for a pass that sums a file: record and cell boundaries are
 * found in the bytes, plain amounts (`-12.34`) are parsed to cents where they lie, and only the
 * cells that need text become text (when few columns do, without decoding the rest of the bytes).
 * Splitting every record into strings costs about as much as everything else a summing pass does;
 * most cells of an export are amounts or columns the pass never reads.
 *
 * It gives the records, row numbers, cell texts and errors that {@link createCsvChunkReader} gives
 * for the decoded text (the tests compare the two), except that a cell whose text is not needed
 * (see {@link CellNeed}) is `''` when blank and {@link UNREAD_CELL} otherwise, and what was read in
 * its place (cents, a day key, an ID's key hashes) is in the record's {@link ParsedCells}.
 */
import { dayKeyOfBytes } from '../day-key';
import { hashDigitsInto } from '../../ledger/key-hash';
import { createCsvChunkReader, CsvSyntaxError, forEachCsvRow, type CsvChunkReader } from './csv';

/** What a column's cells are read for. */
export const enum CellNeed {
  /** Only whether the cell is blank. */
  Presence = 0,
  Text = 1,
  /** An amount: parsed to cents in place when plain, else its text. */
  Amount = 2,
  /** An ID: its text, and when it is plain digits, its key hashes (see key-hash.ts). */
  Id = 3,
  /** A date: its day key when it is a plain `YYYY/MM/DD` or `YYYY-MM-DD` day (see day-key.ts), else its text. */
  Date = 4,
  /** Text that is only checked for length: cut only when longer than {@link SHORT_TEXT_BYTES}. */
  LongText = 5,
}

/** The cell of a column that needs no text, or of a cell parsed in place, when not blank. */
export const UNREAD_CELL = '#';

/**
 * Text of at most this many bytes holds at most as many characters (a UTF-16 unit takes at least
 * one byte of UTF-8): a {@link CellNeed.LongText} cell that short is {@link UNREAD_CELL}.
 */
export const SHORT_TEXT_BYTES = 200;

/** How a non-blank cell was read in place (`ParsedCells.parsed[c]`). */
export const enum Parsed {
  /** The cell holds its text. */
  No = 0,
  /** An amount: `cents[c]`. */
  Amount = 1,
  /** An ID of plain digits: the cell holds its text, `hash1[c]` and `hash2[c]` its key hashes. */
  DigitsId = 2,
  /** A day: `cents[c]` holds its day key. */
  Day = 3,
}

/** What was read of a record's cells in place, by column (see {@link Parsed}). */
export interface ParsedCells {
  parsed: Uint8Array;
  cents: Float64Array;
  hash1: Int32Array;
  hash2: Int32Array;
  /**
   * The record's amounts parsed in place that are not zero, in column order: `amountCount` of
   * them, column `amountColumns[k]` holding `amountCents[k]`. Whole only when `textAmounts` is
   * false: an amount cell left as text (`$3.00`) is not listed.
   */
  amountCount: number;
  amountColumns: Int32Array;
  amountCents: Float64Array;
  /** Some amount cell of the record holds its text (or the whole record was read as text). */
  textAmounts: boolean;
}

export type ByteRecordVisitor = (cells: string[], rowNumber: number, parsed: ParsedCells) => void;

export interface CsvByteReader {
  /** The next bytes of the file (they are copied: the caller may reuse its buffer). */
  push(bytes: Uint8Array): void;
  /** The file is complete: reads its last record (and throws if a quoted field never closed). */
  end(): void;
  /** Records so far, as {@link CsvChunkReader.records} counts them. */
  readonly records: number;
  /** Whether the bytes pushed so far end where a record ends (see {@link CsvChunkReader.atRecordBoundary}). */
  atRecordBoundary(): boolean;
}

/** The browser's and Node's decoder (a summing pass over bytes runs there, never in Apps Script). */
interface StreamingDecoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
const TextDecoderOf = (globalThis as unknown as { TextDecoder: new (label: string, options: { ignoreBOM: boolean }) => StreamingDecoder }).TextDecoder;

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** What a blank line holds. */
const NO_CELLS: ParsedCells = {
  parsed: new Uint8Array(0),
  cents: new Float64Array(0),
  hash1: new Int32Array(0),
  hash2: new Int32Array(0),
  amountCount: 0,
  amountColumns: new Int32Array(0),
  amountCents: new Float64Array(0),
  textAmounts: true,
};
const ENDS_CELL = 1;
const NON_ASCII = 2;
/** Bytes read at a time (see push). */
const SLICE_BYTES = 1 << 15;

/**
 * A reader of `delimiter`-separated records (a comma or a tab, as a character code) whose column
 * c is read for `needs[c]` (columns past its end: {@link CellNeed.Presence}).
 */
export function createCsvByteReader(visit: ByteRecordVisitor, delimiter: number, needs: Uint8Array): CsvByteReader {
  let work = new Uint8Array(1 << 17);
  let length = 0;
  let started = false;
  let ended = false;
  let rowNumber = 0;
  let pendingBlankLines = 0;
  // Line breaks before the first byte of `work`, for the line number of an unclosed quote.
  let lineBreaks = 0;
  const decoder = new TextDecoderOf('utf-8', { ignoreBOM: true });
  // Set when the decoded text holds U+FFFD (malformed bytes or the character itself): character
  // positions can no longer be told from byte positions, so the text reader takes over.
  let textReader: CsvChunkReader | undefined;
  let textRowsBefore = 0;

  // What each byte value is to an unquoted cell: 0 for most.
  const byteKinds = new Uint8Array(256).fill(NON_ASCII, 0x80);
  byteKinds[delimiter] = ENDS_CELL;
  byteKinds[LF] = ENDS_CELL;
  byteKinds[CR] = ENDS_CELL;

  const cells: string[] = [];
  const width = Math.max(needs.length, 1);
  const inPlace: ParsedCells = {
    parsed: new Uint8Array(width),
    cents: new Float64Array(width),
    hash1: new Int32Array(width),
    hash2: new Int32Array(width),
    amountCount: 0,
    amountColumns: new Int32Array(width),
    amountCents: new Float64Array(width),
    textAmounts: false,
  };
  const columns = needs.length;
  const delimiterText = delimiter === 9 ? '\t' : ',';

  // The text of the cells that need it. When most columns do (every cell as text, say), each
  // region is decoded at once and cut. When few do (a summing pass: an ID, the type), decoding
  // every byte would cost more than the rest of the reading: a short ASCII cell becomes text by
  // itself (most such cells repeat one of a few values, kept in `lastTexts` and `keptTexts`), and
  // a region is decoded only for a cell that needs more (non-ASCII, long or quoted text).
  const textPerCell = readsTextPerCell(needs);
  let regionText: string | undefined;
  let regionTextEnd = 0;
  const lastTexts = new Array<string>(columns).fill('');
  const keptTexts = new Array<string>(KEPT_TEXT_SLOTS).fill('');
  // Their bytes and lengths (−1: none yet), SHORT_ASCII_CELL bytes a text: a cell is checked
  // against bytes, not against a string (reading a string's characters costs more).
  const lastBytes = new Uint8Array(columns * SHORT_ASCII_CELL);
  const lastLengths = new Int32Array(columns).fill(-1);
  const keptBytes = new Uint8Array(KEPT_TEXT_SLOTS * SHORT_ASCII_CELL);
  const keptLengths = new Int32Array(KEPT_TEXT_SLOTS).fill(-1);
  // An array of each length up to SHORT_ASCII_CELL, for String.fromCharCode (setting an array's length is slow).
  const charCodes = Array.from({ length: SHORT_ASCII_CELL + 1 }, (_, n) => new Array<number>(n).fill(0));
  // The bytes are checked as UTF-8 as they are scanned (when cells are made text one by one, the
  // decoder never sees most of them): the start of the first record of the region holding a
  // malformed sequence, from where the text reader takes over, as it does when a decoded region
  // holds U+FFFD.
  let malformedFrom = -1;

  /** Marks the record at `recordStart` as holding malformed UTF-8 (see `malformedFrom`); where reading stops. */
  function malformedRecord(recordStart: number): number {
    malformedFrom = recordStart;
    return recordStart;
  }

  /** Characters `[from, to)` of the region's decoded text. */
  function regionSlice(from: number, to: number): string {
    regionText ??= decoder.decode(work.subarray(0, regionTextEnd));
    return regionText.slice(from, to);
  }

  /**
   * The text of the unquoted cell at bytes `[start, end)`, characters `[from, to)` of the region
   * (`decoded`: its text, when regions are decoded at once).
   */
  function cellText(decoded: string | undefined, start: number, end: number, from: number, to: number, column: number): string {
    if (decoded !== undefined) return decoded.slice(from, to);
    return to - from === end - start && end - start <= SHORT_ASCII_CELL ? asciiText(start, end, column) : regionSlice(from, to);
  }

  /** The ASCII bytes `[start, end)` of `work` (at most {@link SHORT_ASCII_CELL}) as text, of column `column`. */
  function asciiText(start: number, end: number, column: number): string {
    const lastAt = column * SHORT_ASCII_CELL;
    if (lastLengths[column] === end - start && sameBytes(lastBytes, lastAt, work, start, end)) return lastTexts[column];
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) {
      hash = Math.imul(hash ^ work[i], 16777619);
      lastBytes[lastAt + i - start] = work[i];
    }
    const text = keptText(hash, start, end);
    lastTexts[column] = text;
    lastLengths[column] = end - start;
    return text;
  }

  /** The ASCII bytes `[start, end)` of `work` (at most {@link SHORT_ASCII_CELL}) as text, kept by their `hash`. */
  function keptText(hash: number, start: number, end: number): string {
    const slot = hash >>> (32 - KEPT_TEXT_BITS);
    const keptAt = slot * SHORT_ASCII_CELL;
    if (keptLengths[slot] === end - start && sameBytes(keptBytes, keptAt, work, start, end)) return keptTexts[slot];
    const codes = charCodes[end - start];
    for (let i = start; i < end; i++) {
      codes[i - start] = work[i];
      keptBytes[keptAt + i - start] = work[i];
    }
    const text = String.fromCharCode.apply(null, codes);
    keptTexts[slot] = text;
    keptLengths[slot] = end - start;
    return text;
  }

  /** A record the text reader read, as this reader's cells (no amount parsed in place); its cell count. */
  function takeTextCells(row: readonly string[]): number {
    inPlace.amountCount = 0;
    inPlace.textAmounts = true;
    for (let c = 0; c < row.length; c++) {
      cells[c] = row[c];
      if (c < columns) inPlace.parsed[c] = Parsed.No;
    }
    return row.length;
  }

  function emit(count: number): void {
    for (; pendingBlankLines > 0; pendingBlankLines--) visit([], ++rowNumber, NO_CELLS);
    // Set only when it changes: a length store is a runtime call, and most records are as wide as the last.
    if (cells.length !== count) cells.length = count;
    visit(cells, ++rowNumber, inPlace);
  }

  /**
   * Reads the complete records of `work[0, regionEnd)` and returns where the first record it could
   * not finish starts (or one holding malformed UTF-8: see `malformedFrom`). `final`: nothing
   * follows the region.
   */
  function readRegion(regionEnd: number, final: boolean): number {
    const buf = work;
    const decoded = textPerCell ? undefined : regionText;
    // Character position of byte p is p − adjust (UTF-8 continuation bytes have no character of
    // their own; a 4-byte character is two UTF-16 units).
    let adjust = 0;
    let p = 0;
    while (p < regionEnd) {
      const recordStart = p;
      const recordAdjust = adjust;
      const first = buf[p];
      if (first === LF || first === CR) {
        // (A region never ends in the CR of a CRLF: see readWork.)
        p += first === CR && p + 1 < regionEnd && buf[p + 1] === LF ? 2 : 1;
        lineBreaks++;
        pendingBlankLines++;
        continue;
      }
      let count = 0;
      let breaks = 0;
      inPlace.amountCount = 0;
      inPlace.textAmounts = false;
      let fallback = false;
      for (;;) {
        if (p < regionEnd && buf[p] === delimiter) {
          // A blank cell before the next one (the commonest cell of an export): nothing to look at.
          cells[count++] = '';
          p++;
          continue;
        }
        const need = count < columns ? needs[count] : CellNeed.Presence;
        if (p < regionEnd && buf[p] === QUOTE) {
          const opening = p;
          const openingAdjust = adjust;
          let q = p + 1;
          let doubled = false;
          let closed = false;
          while (q < regionEnd) {
            const b = buf[q];
            if (b === QUOTE) {
              if (q + 1 < regionEnd && buf[q + 1] === QUOTE) {
                doubled = true;
                q += 2;
                continue;
              }
              if (q + 1 >= regionEnd && !final) break;
              closed = true;
              break;
            }
            if (b >= 0x80) {
              const n = sequenceLength(buf, q, regionEnd);
              if (n === 0) return malformedRecord(recordStart);
              adjust += bytesBeyondUnits(n);
              q += n;
              continue;
            }
            if (b === LF) breaks++;
            else if (b === CR && !(q + 1 < regionEnd && buf[q + 1] === LF)) breaks++;
            q++;
          }
          if (!closed) {
            if (!final) return recordStart;
            const line = lineBreaks + 1 + lineBreaksIn(buf, recordStart, opening);
            throw new CsvSyntaxError(`a quoted field that starts on line ${line} has no closing quote (")`, line);
          }
          const after = q + 1;
          if (after < regionEnd && buf[after] !== delimiter && buf[after] !== LF && buf[after] !== CR) {
            // Text after the closing quote (`"12"34`): the text reader's rules, for this record.
            fallback = true;
            break;
          }
          if (need === CellNeed.Presence || (need === CellNeed.LongText && q - opening - 1 <= SHORT_TEXT_BYTES)) cells[count] = q > opening + 1 ? UNREAD_CELL : '';
          else {
            const value = regionSlice(opening + 1 - openingAdjust, q - adjust);
            cells[count] = doubled ? value.replace(/""/g, '"') : value;
            inPlace.parsed[count] = Parsed.No;
            if (need === CellNeed.Amount) inPlace.textAmounts = true;
          }
          p = after;
        } else if (need === CellNeed.Amount && plainAmountAt(buf, p, regionEnd, final, delimiter)) {
          // The commonest cell read for a value: its cents are read as it is scanned.
          const cents = plainAmount;
          p = plainAmountEnd;
          cells[count] = UNREAD_CELL;
          inPlace.cents[count] = cents;
          inPlace.parsed[count] = Parsed.Amount;
          if (cents !== 0) {
            inPlace.amountColumns[inPlace.amountCount] = count;
            inPlace.amountCents[inPlace.amountCount++] = cents;
          }
        } else {
          const cellStart = p;
          const startAdjust = adjust;
          while (p < regionEnd) {
            // One table lookup answers for the common byte (none of the cases below).
            const kind = byteKinds[buf[p]];
            if (kind !== 0) {
              if (kind === ENDS_CELL) break;
              // A character past ASCII: its bytes checked as the decoder would, its UTF-16 units counted.
              const n = sequenceLength(buf, p, regionEnd);
              if (n === 0) return malformedRecord(recordStart);
              adjust += bytesBeyondUnits(n);
              p += n;
              continue;
            }
            p++;
          }
          if (p >= regionEnd && !final) return recordStart;
          // (A blank cell's `parsed` is never read: the reader of the record skips blank cells.)
          if (p === cellStart) cells[count] = '';
          else if (need === CellNeed.Presence) cells[count] = UNREAD_CELL;
          else if (need === CellNeed.Text) cells[count] = cellText(decoded, cellStart, p, cellStart - startAdjust, p - adjust, count);
          else if (need === CellNeed.Amount) {
            // Not a plain amount (see plainAmountAt): the reader of the record reads its text.
            cells[count] = cellText(decoded, cellStart, p, cellStart - startAdjust, p - adjust, count);
            inPlace.parsed[count] = Parsed.No;
            inPlace.textAmounts = true;
          } else if (need === CellNeed.Id) {
            if (hashDigitsInto(buf, cellStart, p, inPlace.hash1, inPlace.hash2, count)) {
              inPlace.parsed[count] = Parsed.DigitsId;
              // A plain ID's text is kept by the key hash just taken (no other pass over its bytes).
              cells[count] =
                decoded === undefined && p - cellStart <= SHORT_ASCII_CELL ? keptText(inPlace.hash1[count], cellStart, p) : cellText(decoded, cellStart, p, cellStart - startAdjust, p - adjust, count);
            } else {
              inPlace.parsed[count] = Parsed.No;
              cells[count] = cellText(decoded, cellStart, p, cellStart - startAdjust, p - adjust, count);
            }
          } else if (need === CellNeed.Date) {
            const day = dayKeyOfBytes(buf, cellStart, p);
            if (day >= 0) {
              cells[count] = UNREAD_CELL;
              inPlace.cents[count] = day;
              inPlace.parsed[count] = Parsed.Day;
            } else {
              cells[count] = cellText(decoded, cellStart, p, cellStart - startAdjust, p - adjust, count);
              inPlace.parsed[count] = Parsed.No;
            }
          } else if (p - cellStart <= SHORT_TEXT_BYTES) cells[count] = UNREAD_CELL;
          else {
            cells[count] = regionSlice(cellStart - startAdjust, p - adjust);
            inPlace.parsed[count] = Parsed.No;
          }
        }
        count++;
        if (p >= regionEnd) break;
        const c = buf[p];
        if (c === delimiter) {
          p++;
          continue;
        }
        break;
      }
      if (fallback) {
        const end = recordEnd(buf, recordStart, regionEnd, delimiter);
        if (end < 0 && !final) return recordStart;
        const stop = end < 0 ? regionEnd : end;
        const recordAdjustment = adjustIn(buf, recordStart, stop);
        if (recordAdjustment < 0) return malformedRecord(recordStart);
        adjust = recordAdjust + recordAdjustment;
        breaks = lineBreaksIn(buf, recordStart, stop);
        readRecordText(regionSlice(recordStart - recordAdjust, stop - adjust), recordStart);
        p = stop;
      } else {
        emit(count);
      }
      if (p < regionEnd) {
        p += buf[p] === CR && p + 1 < regionEnd && buf[p + 1] === LF ? 2 : 1;
        breaks++;
      }
      lineBreaks += breaks;
    }
    return p;
  }

  /** One record by the text reader's rules (it starts at byte `recordStart` of the region). */
  function readRecordText(recordText: string, recordStart: number): void {
    let seen = 0;
    const before = lineBreaks;
    try {
      // A leading U+FEFF is the record's own: the one added is what forEachCsvRow drops.
      forEachCsvRow('\uFEFF' + recordText, (row) => {
        seen++;
        emit(takeTextCells(row));
      }, { delimiter: delimiterText });
    } catch (error) {
      throw linesAdded(error, before);
    }
    if (seen !== 1) throw new Error(`CSV byte reader: a record at byte ${recordStart} read as ${seen} records`);
  }

  /** Reads what `work` holds up to its last line break (all of it when `final`). */
  function readWork(final: boolean): void {
    // Up to the last line break: a CR that ends the bytes so far may be the first half of a CRLF,
    // so it does not count. A region so ends between characters, and the decoder holds nothing.
    const regionEnd = final ? length : Math.max(work.lastIndexOf(LF, length - 1), length >= 2 ? work.lastIndexOf(CR, length - 2) : -1) + 1;
    if (regionEnd <= 0) return;
    regionTextEnd = regionEnd;
    if (textPerCell) regionText = undefined;
    else {
      regionText = decoder.decode(work.subarray(0, regionEnd), { stream: !final });
      if (regionText.indexOf('\uFFFD') >= 0) {
        startTextReader(0, final);
        return;
      }
    }
    malformedFrom = -1;
    const stop = readRegion(regionEnd, final);
    if (malformedFrom >= 0) {
      startTextReader(malformedFrom, final);
      return;
    }
    work.copyWithin(0, stop, length);
    length -= stop;
  }

  /** From here on the text reader reads the file, from byte `from` of `work` (a record's start). */
  function startTextReader(from: number, final: boolean): void {
    // Blank lines not yet visited go to the text reader as the line breaks they were: it visits
    // them if a record follows, as this reader would have.
    const blankLines = '\n'.repeat(pendingBlankLines);
    textRowsBefore = rowNumber;
    const before = lineBreaks - pendingBlankLines;
    pendingBlankLines = 0;
    const reader = createCsvChunkReader((row, n) => {
      cells.length = takeTextCells(row);
      visit(row.length === 0 ? [] : cells, textRowsBefore + n, inPlace);
    }, { delimiter: delimiterText });
    textReader = {
      push: (more) => reader.push(more),
      end() {
        try {
          reader.end();
        } catch (error) {
          throw linesAdded(error, before);
        }
      },
      get records() {
        return reader.records;
      },
      atRecordBoundary: () => reader.atRecordBoundary(),
    };
    // (The decoder holds nothing here: what it decoded last ended at a line break.)
    const text = decoder.decode(work.subarray(from, length), { stream: !final });
    length = 0;
    // The text reader drops a U+FEFF that starts its text: the one added here, not the file's.
    reader.push('\uFEFF' + blankLines + text);
  }

  /** The file's first bytes are in: a byte-order mark only counts at the very start of the file. */
  function start(): void {
    started = true;
    if (length >= 3 && work[0] === 0xef && work[1] === 0xbb && work[2] === 0xbf) {
      work.copyWithin(0, 3, length);
      length -= 3;
    }
  }

  /** Adds bytes to `work` and reads the records they complete. */
  function pushSlice(bytes: Uint8Array): void {
    if (textReader) {
      textReader.push(decoder.decode(bytes, { stream: true }));
      return;
    }
    if (length + bytes.length > work.length) {
      let size = work.length * 2;
      while (size < length + bytes.length) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(work.subarray(0, length));
      work = grown;
    }
    work.set(bytes, length);
    length += bytes.length;
    if (!started) {
      // Not yet three bytes, and they may still be a byte-order mark.
      if (length < 3 && work[0] === 0xef && (length < 2 || work[1] === 0xbb)) return;
      start();
    }
    readWork(false);
  }

  return {
    push(bytes: Uint8Array): void {
      if (ended) throw new Error('CSV byte reader: push() after end()');
      // Read in slices: a piece's decoded text then stays under 64K characters, which V8 keeps in
      // its young generation (a larger string takes fresh pages of its own, each time).
      for (let at = 0; at < bytes.length; at += SLICE_BYTES) pushSlice(bytes.subarray(at, Math.min(at + SLICE_BYTES, bytes.length)));
    },
    end(): void {
      if (ended) return;
      ended = true;
      if (textReader) {
        const rest = decoder.decode();
        if (rest !== '') textReader.push(rest);
        textReader.end();
        return;
      }
      if (!started) start();
      // Line breaks that close the file are not records.
      while (length > 0 && (work[length - 1] === LF || work[length - 1] === CR)) length--;
      readWork(true);
      length = 0;
      // The last bytes may have handed the file to the text reader (readWork sets it).
      const handedOver = textReader as CsvChunkReader | undefined;
      if (handedOver) handedOver.end();
    },
    get records(): number {
      return textReader ? textRowsBefore + textReader.records : rowNumber + pendingBlankLines;
    },
    atRecordBoundary(): boolean {
      return textReader ? textReader.atRecordBoundary() : started && length === 0;
    },
  };
}

/**
 * Where the record starting at `start` ends (the line break after its last field), or −1 when it
 * goes past `end`. By the text reader's rules: a field is quoted only when it starts with a quote,
 * and text after its closing quote runs, quotes and all, to the next delimiter or line break.
 */
function recordEnd(buf: Uint8Array, start: number, end: number, delimiter: number): number {
  let p = start;
  for (;;) {
    if (p < end && buf[p] === QUOTE) {
      p++;
      for (;;) {
        while (p < end && buf[p] !== QUOTE) p++;
        if (p + 1 < end && buf[p + 1] === QUOTE) p += 2;
        else break;
      }
      if (p >= end) return -1;
      p++;
    }
    while (p < end && buf[p] !== delimiter && buf[p] !== LF && buf[p] !== CR) p++;
    if (p >= end) return -1;
    if (buf[p] !== delimiter) return p;
    p++;
  }
}

/** The text reader's error for text that starts after `before` line breaks of the file: its line in the file. */
function linesAdded(error: unknown, before: number): unknown {
  if (!(error instanceof CsvSyntaxError)) return error;
  const line = error.line + before;
  return new CsvSyntaxError(`a quoted field that starts on line ${line} has no closing quote (")`, line);
}

/** The character adjustment (see readRegion) of the bytes `[from, to)`; −1 when they are not well-formed UTF-8. */
function adjustIn(buf: Uint8Array, from: number, to: number): number {
  let adjust = 0;
  for (let p = from; p < to; ) {
    if (buf[p] < 0x80) {
      p++;
      continue;
    }
    const n = sequenceLength(buf, p, to);
    if (n === 0) return -1;
    adjust += bytesBeyondUnits(n);
    p += n;
  }
  return adjust;
}

/**
 * The length of the UTF-8 sequence at `p` (a byte from 0x80) when it is well formed and ends
 * before `end`, by the rules of the decoder (WHATWG's: no overlong forms, no surrogates, nothing
 * past U+10FFFF); 0 where the decoder would write U+FFFD.
 */
function sequenceLength(buf: Uint8Array, p: number, end: number): number {
  const lead = buf[p];
  if (lead < 0xc2 || lead > 0xf4) return 0;
  if (lead < 0xe0) return p + 1 < end && (buf[p + 1] & 0xc0) === 0x80 ? 2 : 0;
  const second = p + 1 < end ? buf[p + 1] : 0;
  if (lead < 0xf0) {
    const low = lead === 0xe0 ? 0xa0 : 0x80;
    const high = lead === 0xed ? 0x9f : 0xbf;
    return second >= low && second <= high && p + 2 < end && (buf[p + 2] & 0xc0) === 0x80 ? 3 : 0;
  }
  const low = lead === 0xf0 ? 0x90 : 0x80;
  const high = lead === 0xf4 ? 0x8f : 0xbf;
  return second >= low && second <= high && p + 3 < end && (buf[p + 2] & 0xc0) === 0x80 && (buf[p + 3] & 0xc0) === 0x80 ? 4 : 0;
}

/** The bytes of a UTF-8 sequence this long beyond its UTF-16 units (the character adjustment it adds). */
function bytesBeyondUnits(sequenceBytes: number): number {
  return sequenceBytes === 4 ? 2 : sequenceBytes - 1;
}

/**
 * Whether the reader gives cells their text one by one rather than by decoding every region:
 * when fewer than a quarter of the columns need text (see createCsvByteReader).
 */
export function readsTextPerCell(needs: Uint8Array): boolean {
  let text = 0;
  for (const need of needs) if (need === CellNeed.Text || need === CellNeed.Id) text++;
  return text * 4 < needs.length;
}

/** ASCII cells up to this long are made text from their bytes (longer ones are cut from the decoded region). */
const SHORT_ASCII_CELL = 64;
/** Texts of short cells kept by their bytes' hash, for values that repeat down a column but not row after row. */
const KEPT_TEXT_BITS = 12;
const KEPT_TEXT_SLOTS = 1 << KEPT_TEXT_BITS;

/** Whether `kept[at, at + end − start)` holds the bytes `[start, end)` of `buf`. */
function sameBytes(kept: Uint8Array, at: number, buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (kept[at + i - start] !== buf[i]) return false;
  return true;
}

function lineBreaksIn(buf: Uint8Array, from: number, to: number): number {
  let breaks = 0;
  for (let p = from; p < to; p++) {
    if (buf[p] === LF) breaks++;
    else if (buf[p] === CR && !(p + 1 < to && buf[p + 1] === LF)) breaks++;
  }
  return breaks;
}

/** The cents and end of the amount {@link plainAmountAt} last read. */
let plainAmount = 0;
let plainAmountEnd = 0;

/**
 * Whether the unquoted cell at `start` is a plain amount (`12`, `-1.17`, `0.5`: an optional minus,
 * digits, at most two decimals, 12 characters at most, so far below 2^53 cents), read into
 * `plainAmount` and `plainAmountEnd` in the pass that finds its end (the bytes-side twin of
 * money.ts's plain-amount path). False for any other cell, and for one that reaches the end of a
 * region more text may follow: the general scan reads those.
 */
function plainAmountAt(buf: Uint8Array, start: number, regionEnd: number, final: boolean, delimiter: number): boolean {
  let i = start;
  const negative = buf[i] === 45;
  if (negative) i++;
  const digitsStart = i;
  let whole = 0;
  for (; i < regionEnd; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
  }
  if (i === digitsStart) return false;
  let cents = whole * 100;
  if (i < regionEnd && buf[i] === 46) {
    const d1 = i + 1 < regionEnd ? buf[i + 1] - 48 : -1;
    if (d1 < 0 || d1 > 9) return false;
    const d2 = i + 2 < regionEnd ? buf[i + 2] - 48 : -1;
    if (d2 >= 0 && d2 <= 9) {
      cents += d1 * 10 + d2;
      i += 3;
    } else {
      cents += d1 * 10;
      i += 2;
    }
  }
  if (i - start > 12) return false;
  if (i < regionEnd) {
    const after = buf[i];
    if (after !== delimiter && after !== LF && after !== CR) return false;
  } else if (!final) return false;
  plainAmount = negative && cents !== 0 ? -cents : cents;
  plainAmountEnd = i;
  return true;
}
