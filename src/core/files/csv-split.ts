/**
 * Where a CSV file can be cut in two so that each part is read on its own: the first record
 * boundary at or after a byte position, found by scanning the UTF-8 bytes from the start of the
 * file piece by piece (a 300 MB file need not be in memory at once).
 *
 * A record boundary is the byte just after a line break outside quoted fields (LF, CRLF, or a lone
 * CR; never between the CR and LF of a pair), and the start of the file. Its `row` is the 1-based
 * number `forEachCsvRow` gives the record that starts there: every line break outside quotes ends
 * one record, blank lines included. A byte-order mark needs no care: its bytes are neither quotes
 * nor line breaks, and it belongs to the first record.
 *
 * Limitation: quotes are followed by parity (each `"` toggles "inside a quoted field", so the
 * doubled quotes of a quoted field cancel out). A `"` inside an unquoted field (`12"34`, which the
 * reader keeps as text) breaks that parity, and the boundary found may then fall inside a record.
 * Callers check a split: the first part must read without a syntax error as exactly `row - 1`
 * records (blank lines at its end included, which `forEachCsvRow` leaves out at the end of a
 * text), and the file is read in one part when it does not.
 */

export interface RecordBoundary {
  /** Byte offset in the file where the record starts. */
  byte: number;
  /** 1-based record number of that record, as `forEachCsvRow` counts. */
  row: number;
}

export interface RecordBoundaryFinder {
  /** Feeds the next bytes (pieces in file order); returns the boundary once found, else undefined. */
  push(bytes: Uint8Array): RecordBoundary | undefined;
  /**
   * The file is complete: returns the boundary if there is one. Only a lone CR as the file's last
   * byte is decided here (it waited for a next byte); the boundary after it is the end of the file,
   * which, like a boundary after a final LF, starts no record. Undefined when no line break outside
   * quotes ends at or after the target.
   */
  end(): RecordBoundary | undefined;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Scans bytes from the start of the file and finds the first record boundary at or after `target`. */
export function createRecordBoundaryFinder(target: number): RecordBoundaryFinder {
  // File offset of the piece being scanned.
  let offset = 0;
  let inQuotes = false;
  // Line breaks outside quotes so far: the records they ended.
  let breaks = 0;
  // The previous piece ended in a CR outside quotes: CRLF or a lone CR, decided by the next byte.
  let pendingCr = false;
  let ended = false;
  let found: RecordBoundary | undefined = target <= 0 ? { byte: 0, row: 1 } : undefined;

  /** A line break outside quotes ended just before file byte `byte`. */
  function lineBreakEndsAt(byte: number): boolean {
    breaks++;
    if (byte < target) return false;
    found = { byte, row: breaks + 1 };
    return true;
  }

  /**
   * Scans one piece until the boundary is found or the piece is used up. A plain loop over the
   * bytes: most bytes are above `"` (34), so one comparison passes them, and it stays fast when
   * every field is quoted, where looking up each next quote would cost a call per quote.
   */
  function scan(bytes: Uint8Array): void {
    const length = bytes.length;
    let i = 0;
    if (pendingCr) {
      pendingCr = false;
      i = bytes[0] === LF ? 1 : 0;
      if (lineBreakEndsAt(offset + i)) return;
    }
    let quoted = inQuotes;
    for (; i < length; i++) {
      const c = bytes[i];
      if (c > QUOTE) continue;
      if (c === QUOTE) {
        // A doubled quote inside a quoted field closes and reopens it: parity stays right.
        quoted = !quoted;
        continue;
      }
      if (quoted) continue;
      if (c === LF) {
        if (lineBreakEndsAt(offset + i + 1)) break;
      } else if (c === CR) {
        if (i + 1 === length) {
          pendingCr = true;
          break;
        }
        if (bytes[i + 1] === LF) i++;
        if (lineBreakEndsAt(offset + i + 1)) break;
      }
    }
    inQuotes = quoted;
  }

  return {
    push(bytes: Uint8Array): RecordBoundary | undefined {
      if (ended) throw new Error('CSV record boundary finder: push() after end()');
      if (found !== undefined || bytes.length === 0) return found;
      scan(bytes);
      offset += bytes.length;
      return found;
    },
    end(): RecordBoundary | undefined {
      ended = true;
      if (found === undefined && pendingCr) {
        pendingCr = false;
        lineBreakEndsAt(offset);
      }
      return found;
    },
  };
}
