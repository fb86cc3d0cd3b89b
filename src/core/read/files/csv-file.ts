/**
 * A CSV export read from its bytes piece by piece: decoded as it comes (text-pieces.ts), cut into
 * records (csv.ts), each record visited as a row of the file's one sheet. The file is refused with
 * a message a seller can act on when it is empty, blank, saved with semicolons, or cut short.
 */
import { createCsvChunkReader, CsvSyntaxError, type CsvChunkReader } from './csv';
import { FileReadError } from './file-errors';
import { concatBytes, HEAD_BYTES, pieceDecoderFor, type PieceDecoder } from './text-pieces';
import type { TextEncodingName } from './decode';
import type { SheetRowVisitor } from './xlsx';

/** Text held before the first line is checked for semicolons: the first line, or this many characters. */
const FIRST_LINE_CHARS = 1 << 16;

export class CsvFileReader {
  private decoder: PieceDecoder | null = null;
  private head: Uint8Array[] = [];
  private headBytes = 0;
  private totalBytes = 0;
  /** Text before the first line is complete (null once it was checked and handed to the records). */
  private start: string | null = '';
  private sawText = false;
  private lastChar = -1;
  private readonly records: CsvChunkReader;
  // A download cut short ends inside a row: no final line break and fewer cells than the rows before.
  private widest = 0;
  private lastWidth = 0;
  private lastRow = 0;
  private stopped = false;
  /** Physical lines the records visited so far took, and the rows holding a line read as Windows-1252. */
  private linesRead = 0;
  private nextBadLine = 0;
  private readonly windows1252Rows: number[] = [];

  constructor(
    private readonly fileName: string,
    private readonly sheetName: string,
    visit: SheetRowVisitor,
    /** Read as Windows-1252: an earlier read found bytes that are not UTF-8. */
    private readonly notUtf8 = false,
  ) {
    this.records = createCsvChunkReader((cells, rowNumber) => {
      if (this.lastWidth > this.widest) this.widest = this.lastWidth;
      this.lastWidth = cells.length;
      this.lastRow = rowNumber;
      if (this.decoder?.lines) this.noteLines(cells, rowNumber);
      if (visit(sheetName, cells, rowNumber) === false) {
        this.stopped = true;
        return false;
      }
    });
  }

  /** The next bytes of the file (not kept: the caller may reuse their buffer). */
  push(bytes: Uint8Array): void {
    if (bytes.length === 0 || this.stopped) return;
    this.totalBytes += bytes.length;
    if (this.decoder === null) {
      this.head.push(bytes.slice());
      this.headBytes += bytes.length;
      if (this.headBytes >= HEAD_BYTES) this.decodeHead();
      return;
    }
    this.text(this.decoder.decode(bytes));
  }

  /**
   * The lines record `rowNumber` took (one, plus the line breaks inside its quoted cells); names
   * the row if one of them was not UTF-8.
   */
  private noteLines(cells: readonly string[], rowNumber: number): void {
    let lines = 1;
    for (const cell of cells) {
      for (let at = cell.indexOf('\n'); at >= 0; at = cell.indexOf('\n', at + 1)) lines++;
    }
    const last = (this.linesRead += lines);
    const bad = this.decoder!.lines!.notUtf8;
    let named = false;
    while (this.nextBadLine < bad.length && bad[this.nextBadLine] <= last) {
      this.nextBadLine++;
      if (!named) this.windows1252Rows.push(rowNumber);
      named = true;
    }
  }

  /** The file is complete: its last records are visited, and a file that is not a CSV export refused. */
  end(): { encoding: TextEncodingName; windows1252Rows?: number[] } {
    if (this.totalBytes === 0)
      throw new FileReadError(`${this.fileName} is empty: expected a CSV or Excel export, found 0 bytes.`);
    if (this.decoder === null) this.decodeHead();
    const decoder = this.decoder!;
    this.text(decoder.end());
    if (!this.sawText) {
      throw new FileReadError(
        decoder.bom
          ? `${this.fileName} holds only a byte-order mark and no rows: expected a CSV or Excel export with a header row.`
          : `${this.fileName} holds no rows, only blank space: expected a CSV or Excel export with a header row.`,
      );
    }
    if (this.start !== null) this.checkFirstLine();
    if (!this.stopped) this.read(() => this.records.end());
    if (!this.stopped && this.lastWidth < this.widest && this.lastChar !== 10 && this.lastChar !== 13) {
      throw new FileReadError(
        `${this.fileName} ends in the middle of row ${this.lastRow}: expected ${this.widest} fields as in the rows above, found ${this.lastWidth} ` +
          'and no line break after them, so the file was cut short. Download it again.',
      );
    }
    const lines = decoder.lines;
    // Rows of a UTF-8 file that were not UTF-8; none for an older save in Windows-1252 throughout.
    if (lines?.sawUtf8 && this.windows1252Rows.length > 0) {
      return { encoding: decoder.encoding, windows1252Rows: this.windows1252Rows };
    }
    return { encoding: decoder.encoding };
  }

  private decodeHead(): void {
    const head = concatBytes(this.head);
    this.head = [];
    this.decoder = pieceDecoderFor(head, this.notUtf8);
    this.text(this.decoder.decode(head));
  }

  private text(piece: string): void {
    if (piece === '' || this.stopped) return;
    this.lastChar = piece.charCodeAt(piece.length - 1);
    if (!this.sawText && /\S/.test(piece.replace(/\ufeff/g, ''))) this.sawText = true;
    if (this.start !== null) {
      this.start += piece;
      if (this.start.length >= FIRST_LINE_CHARS || hasFirstLine(this.start)) this.checkFirstLine();
      return;
    }
    this.read(() => this.records.push(piece));
  }

  /** Refuses a file saved with semicolons between fields, then reads the text held so far. */
  private checkFirstLine(): void {
    const start = this.start!;
    this.start = null;
    if (separatesWithSemicolons(start)) {
      throw new FileReadError(
        `${this.fileName} is not a TikTok Shop US export as Seller Center writes it: it uses semicolons (;) between fields, ` +
          'as Excel saves CSV on a computer set to a European region (where amounts may also use decimal commas). ' +
          ('Expected commas between fields and amounts like 1234.56. Download the ' +
            'file again from Seller Center and import it without saving it in Excel.'),
      );
    }
    this.read(() => this.records.push(start));
  }

  private read(step: () => void): void {
    try {
      step();
    } catch (error) {
      if (error instanceof CsvSyntaxError) {
        throw new FileReadError(
          `${this.fileName}: ${error.message}. Expected every opening quote to be closed; ` +
            'the file may be cut short. Download it again.',
        );
      }
      throw error;
    }
  }
}

/** Whether the text holds a line with text in it and the line break after it. */
function hasFirstLine(text: string): boolean {
  let sawText = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (sawText) return true;
    } else if (c !== 32 && c !== 0xfeff) sawText = true;
  }
  return false;
}

/** True when the first line has semicolons between fields and no comma or tab outside quotes. */
function separatesWithSemicolons(text: string): boolean {
  let semicolons = 0;
  let inQuotes = false;
  let sawText = false;
  const limit = Math.min(text.length, FIRST_LINE_CHARS);
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    if (inQuotes) continue;
    if (c === 44 || c === 9) return false;
    if (c === 59) semicolons++;
    if (c === 10 || c === 13) {
      if (sawText) break;
    } else if (c !== 32 && c !== 0xfeff) sawText = true;
  }
  return semicolons >= 2;
}
