/**
 * The hot loop of the XLSX reader: turns sheet XML (UTF-8 bytes) into rows of cell text, one
 * block of complete `<row>` elements at a time, without a DOM and without decoding the whole
 * part. Cell positions come from each cell's `r` attribute (the sheet's `<dimension>` is never
 * consulted: some writers leave it stale), gaps become empty strings, trailing empty cells are
 * dropped. Consecutive `<row>` elements with the same `r` are one row, as Excel and Sheets read
 * them: TikTok's writer emits one `<row>` per cell in some exports.
 */
import { excelSerialToText } from './excel-dates';
import { asciiBytesToString, xmlBytesToText } from './xml-bytes';
import { decodeExcelEscapes } from './xml-text';

/** Per cell style (cellXfs index): 0 not a date, 1 date, 2 date and time, 3 time of day. */
export type StyleDateKinds = Uint8Array;
export const STYLE_NOT_DATE = 0;
export const STYLE_DATE = 1;
export const STYLE_DATETIME = 2;
export const STYLE_TIME = 3;

const TYPE_NUMBER = 0;
const TYPE_SHARED = 1;
const TYPE_INLINE = 2;
const TYPE_BOOLEAN = 3;
const TYPE_ERROR = 4;
const TYPE_FORMULA_STRING = 5;
const TYPE_ISO_DATE = 6;

const CH_TAB = 9;
const CH_LF = 10;
const CH_CR = 13;
const CH_SPACE = 32;
const CH_BANG = 33;
const CH_DQUOTE = 34;
const CH_SQUOTE = 39;
const CH_SLASH = 47;
const CH_LT = 60;
const CH_1 = 49;
const CH_D = 68;
const CH_0 = 48;
const CH_9 = 57;
const CH_COLON = 58;
const CH_EQUALS = 61;
const CH_GT = 62;
const CH_QUESTION = 63;
const CH_UPPER_A = 65;
const CH_UPPER_Z = 90;
const CH_LOWER_A = 97;
const CH_LOWER_Z = 122;
const CH_b = 98;
const CH_c = 99;
const CH_d = 100;
const CH_e = 101;
const CH_h = 104;
const CH_i = 105;
const CH_o = 111;
const CH_r = 114;
const CH_s = 115;
const CH_t = 116;
const CH_v = 118;
const CH_w = 119;
const CH_P = 80;

export interface SheetScanContext {
  sharedStrings: readonly string[];
  styleDateKinds: StyleDateKinds;
  date1904: boolean;
}

export class SheetRowScanner {
  /** Set once `</sheetData>` was seen or the visitor asked to stop. */
  done = false;
  /** True when the visitor returned false. */
  stopped = false;

  private cells: string[] = [];
  /** Cells of `cells` in use: a row's array is made as wide as the last one, to fill without regrowing. */
  private width = 0;
  private widthHint = 0;
  private rowNumber = 0;
  private inRow = false;
  /** The row last closed, held back until a `<row>` with another number (or the end) comes. */
  private heldCells: string[] | null = null;
  private heldWidth = 0;
  private heldRowNumber = 0;
  private nextColumn = 0;
  private inCell = false;
  private column = 0;
  private type = TYPE_NUMBER;
  private style = 0;
  /** The block being scanned and the current cell's `<v>` text in it. */
  private bytes: Uint8Array = new Uint8Array(0);
  private valueStart = 0;
  private valueEnd = 0;
  private inlineText = '';
  private inInlineString = false;
  private inPhonetic = false;
  /** Date texts by serial as written, one cache per style kind (index: STYLE_DATE…STYLE_TIME). */
  private readonly dateTexts: Map<string, string | null>[] = [new Map(), new Map(), new Map(), new Map()];

  constructor(
    private readonly context: SheetScanContext,
    private readonly visit: (cells: string[], rowNumber: number) => boolean,
  ) {}

  /** Scans `xml[start, end)`, which holds only complete elements (the splitter cuts after `</row>`). */
  scan(xml: Uint8Array, start: number, end: number): void {
    this.bytes = xml;
    let pos = start;
    while (!this.done) {
      while (pos < end && xml[pos] !== CH_LT) pos++;
      if (pos >= end) return;
      const lt = pos;
      let c = xml[lt + 1];
      if (c === CH_BANG || c === CH_QUESTION) {
        pos = skipDeclaration(xml, lt, end);
        continue;
      }
      const closing = c === CH_SLASH;
      let i = closing ? lt + 2 : lt + 1;
      let local = i;
      while (i < end) {
        c = xml[i];
        if (c === CH_COLON) local = i + 1;
        else if (
          c === CH_GT ||
          c === CH_SLASH ||
          c === CH_SPACE ||
          c === CH_TAB ||
          c === CH_LF ||
          c === CH_CR
        )
          break;
        i++;
      }
      let gt = i;
      while (gt < end && xml[gt] !== CH_GT) gt++;
      if (gt >= end) return;
      pos = gt + 1;
      const length = i - local;
      const c0 = xml[local];

      if (closing) {
        if (length === 1 && c0 === CH_c) this.endCell();
        else if (length === 3 && c0 === CH_r && xml[local + 1] === CH_o && xml[local + 2] === CH_w)
          this.endRow();
        else if (length === 2 && c0 === CH_i && xml[local + 1] === CH_s) this.inInlineString = false;
        else if (length === 3 && c0 === CH_r && xml[local + 1] === CH_P && xml[local + 2] === CH_h)
          this.inPhonetic = false;
        else if (length === 9 && c0 === CH_s && xml[local + 5] === CH_D) {
          this.flush(); // </sheetData>
          this.done = true;
        }
        continue;
      }

      const selfClosing = xml[gt - 1] === CH_SLASH;
      if (length === 1) {
        if (c0 === CH_c) {
          this.startCell(xml, i, selfClosing ? gt - 1 : gt);
          if (selfClosing) this.endCell();
        } else if (c0 === CH_v) {
          if (!selfClosing && this.inCell) {
            let valueEnd = pos;
            while (valueEnd < end && xml[valueEnd] !== CH_LT) valueEnd++;
            this.valueStart = pos;
            this.valueEnd = valueEnd;
            pos = valueEnd;
          }
        } else if (c0 === CH_t) {
          if (!selfClosing && this.inInlineString && !this.inPhonetic) {
            let textEnd = pos;
            while (textEnd < end && xml[textEnd] !== CH_LT) textEnd++;
            this.inlineText += xmlBytesToText(xml, pos, textEnd);
            pos = textEnd;
          }
        }
      } else if (length === 3 && c0 === CH_r && xml[local + 1] === CH_o && xml[local + 2] === CH_w) {
        this.startRow(xml, i, selfClosing ? gt - 1 : gt);
        if (selfClosing) this.endRow();
      } else if (length === 2 && c0 === CH_i && xml[local + 1] === CH_s) {
        if (!selfClosing) this.inInlineString = this.inCell;
      } else if (length === 3 && c0 === CH_r && xml[local + 1] === CH_P && xml[local + 2] === CH_h) {
        if (!selfClosing) this.inPhonetic = true;
      }
    }
  }

  private startRow(xml: Uint8Array, from: number, to: number): void {
    const rowNumber = rowNumberAttribute(xml, from, to);
    this.rowNumber = rowNumber > 0 ? rowNumber : this.rowNumber + 1;
    this.inRow = true;
    this.nextColumn = 0;
    if (this.heldCells !== null && rowNumber === this.heldRowNumber) {
      // The same row again: its cells join the ones already read, each at its own reference.
      this.cells = this.heldCells;
      this.width = this.heldWidth;
      this.heldCells = null;
      return;
    }
    this.flush();
    this.cells = this.widthHint > 0 ? new Array<string>(this.widthHint) : [];
    this.width = 0;
  }

  private endRow(): void {
    if (!this.inRow) return;
    this.inRow = false;
    this.heldCells = this.cells;
    this.heldWidth = this.width;
    this.heldRowNumber = this.rowNumber;
    this.cells = [];
    this.width = 0;
  }

  /** Hands the held row to the visitor; called when another row starts and when the sheet ends. */
  flush(): void {
    const cells = this.heldCells;
    if (cells === null || this.stopped) return;
    this.heldCells = null;
    this.widthHint = Math.min(this.heldWidth, MAX_WIDTH_HINT);
    let width = this.heldWidth;
    while (width > 0 && cells[width - 1] === '') width--;
    cells.length = width;
    if (this.visit(cells, this.heldRowNumber) === false) {
      this.stopped = true;
      this.done = true;
    }
  }

  private startCell(xml: Uint8Array, from: number, to: number): void {
    let column = -1;
    let type = TYPE_NUMBER;
    let style = 0;
    // Inlined attribute scan: this runs once per cell, millions of times for a big export.
    let p = from;
    while (p < to) {
      let c = xml[p];
      if (c <= CH_SPACE) {
        p++;
        continue;
      }
      const nameStart = p;
      while (p < to && (c = xml[p]) !== CH_EQUALS && c > CH_SPACE) p++;
      const nameLength = p - nameStart;
      while (p < to && xml[p] !== CH_DQUOTE && xml[p] !== CH_SQUOTE) p++;
      const quote = xml[p];
      const valueStart = p + 1;
      let valueEnd = valueStart;
      while (valueEnd < to && xml[valueEnd] !== quote) valueEnd++;
      p = valueEnd + 1;
      if (nameLength !== 1) continue;
      const name = xml[nameStart];
      if (name === CH_r) column = parseColumn(xml, valueStart, valueEnd);
      else if (name === CH_t) type = parseCellType(xml, valueStart, valueEnd);
      else if (name === CH_s) style = parseDigits(xml, valueStart, valueEnd);
    }
    this.column = column >= 0 ? column : this.nextColumn;
    this.type = type;
    this.style = style < 0 ? 0 : style;
    this.valueStart = 0;
    this.valueEnd = 0;
    this.inlineText = '';
    this.inInlineString = false;
    this.inPhonetic = false;
    this.inCell = true;
  }

  private endCell(): void {
    if (!this.inCell) return;
    this.inCell = false;
    const text = this.cellText();
    const cells = this.cells;
    const column = this.column;
    if (text !== '' || column < this.width) {
      for (let i = this.width; i < column; i++) cells[i] = '';
      cells[column] = text;
      if (column >= this.width) this.width = column + 1;
    }
    this.nextColumn = column + 1;
  }

  /** The text of a date cell's serial; a statement's few hundred dates repeat on every row. */
  private dateText(serial: string, kind: number): string | null {
    const cache = this.dateTexts[kind];
    let date = cache.get(serial);
    if (date === undefined) {
      date = excelSerialToText(
        Number(serial),
        kind === STYLE_DATE ? 'date' : kind === STYLE_DATETIME ? 'datetime' : 'time',
        this.context.date1904,
      );
      if (cache.size >= DATE_CACHE_SIZE) cache.clear();
      cache.set(serial, date);
    }
    return date;
  }

  private cellText(): string {
    const bytes = this.bytes;
    const start = this.valueStart;
    const end = this.valueEnd;
    switch (this.type) {
      case TYPE_SHARED: {
        const text = this.context.sharedStrings[parseDigits(bytes, start, end)];
        return text === undefined ? '' : text;
      }
      case TYPE_INLINE:
        return decodeExcelEscapes(
          this.inlineText !== '' ? this.inlineText : xmlBytesToText(bytes, start, end),
        );
      case TYPE_FORMULA_STRING:
        return decodeExcelEscapes(xmlBytesToText(bytes, start, end));
      case TYPE_BOOLEAN:
        return end - start === 1 && bytes[start] === CH_1
          ? 'TRUE'
          : end - start === 1 && bytes[start] === CH_0
            ? 'FALSE'
            : xmlBytesToText(bytes, start, end);
      case TYPE_ERROR:
      case TYPE_ISO_DATE:
        return xmlBytesToText(bytes, start, end);
      default: {
        if (end === start) return '';
        // Numbers stay exactly as written, so an 18-digit ID never passes through a float.
        const value = asciiBytesToString(bytes, start, end);
        const kind = this.context.styleDateKinds[this.style];
        if (kind !== undefined && kind !== STYLE_NOT_DATE) {
          const date = this.dateText(value, kind);
          if (date !== null) return date;
        }
        return end - start > 12 ? withoutFloatNoise(value) : value;
      }
    }
  }
}

/** Widest row array made ahead of its cells (a stray reference far right must not make every row huge). */
const MAX_WIDTH_HINT = 1024;

/** Date texts kept per style kind, by serial as written, before the cache starts over. */
const DATE_CACHE_SIZE = 4096;

/**
 * A cached number a writer printed with binary noise (`33.369999999999997`) as the cent it stands
 * for (`33.37`): within 1e-6 of a cent it was one. Other numbers, integers (IDs) included, stay
 * exactly as written; text cells never come here.
 */
export function withoutFloatNoise(value: string): string {
  const dot = value.indexOf('.');
  if (dot < 0 || value.length - dot - 1 <= 2 || value.indexOf('E') >= 0 || value.indexOf('e') >= 0)
    return value;
  const n = Number(value);
  const cents = Math.round(n * 100);
  if (!Number.isSafeInteger(cents) || Math.abs(n - cents / 100) >= 1e-6) return value;
  const negative = cents < 0;
  const abs = negative ? -cents : cents;
  const fraction = abs % 100;
  return (negative ? '-' : '') + Math.floor(abs / 100) + '.' + (fraction < 10 ? '0' : '') + fraction;
}

/** Index just past a `<!-- … -->`, `<![CDATA[…]]>` or `<?…?>` starting at `lt`. */
function skipDeclaration(xml: Uint8Array, lt: number, end: number): number {
  const isComment = xml[lt + 1] === CH_BANG && xml[lt + 2] === 45 && xml[lt + 3] === 45;
  let p = lt + 2;
  while (p < end) {
    if (xml[p] === CH_GT && (!isComment || (xml[p - 1] === 45 && xml[p - 2] === 45 && p - 2 > lt + 3)))
      return p + 1;
    p++;
  }
  return end;
}

/** The row's `r` attribute as a number, or -1 when it has none (a closure per row would cost a row's worth of garbage). */
function rowNumberAttribute(xml: Uint8Array, from: number, to: number): number {
  let rowNumber = -1;
  let p = from;
  while (p < to) {
    let c = xml[p];
    if (c <= CH_SPACE) {
      p++;
      continue;
    }
    const nameStart = p;
    while (p < to && (c = xml[p]) !== CH_EQUALS && c > CH_SPACE) p++;
    const nameLength = p - nameStart;
    while (p < to && xml[p] !== CH_DQUOTE && xml[p] !== CH_SQUOTE) p++;
    const quote = xml[p];
    const valueStart = p + 1;
    let valueEnd = valueStart;
    while (valueEnd < to && xml[valueEnd] !== quote) valueEnd++;
    p = valueEnd + 1;
    if (nameLength === 1 && xml[nameStart] === CH_r) rowNumber = parseDigits(xml, valueStart, valueEnd);
  }
  return rowNumber;
}

/** 0-based column of an A1 reference (`AB12` → 27), or -1 when it has no letters. */
export function parseColumn(text: Uint8Array, start: number, end: number): number {
  let column = 0;
  let p = start;
  if (p < end && text[p] === 36 /* $ */) p++;
  for (; p < end; p++) {
    const c = text[p];
    if (c >= CH_UPPER_A && c <= CH_UPPER_Z) column = column * 26 + (c - CH_UPPER_A + 1);
    else if (c >= CH_LOWER_A && c <= CH_LOWER_Z) column = column * 26 + (c - CH_LOWER_A + 1);
    else break;
  }
  return column - 1;
}

/** Non-negative integer in `bytes[start, end)`, or -1 when it is not one. */
export function parseDigits(bytes: Uint8Array, start: number, end: number): number {
  if (start >= end) return -1;
  let value = 0;
  for (let p = start; p < end; p++) {
    const c = bytes[p];
    if (c < CH_0 || c > CH_9) return -1;
    value = value * 10 + (c - CH_0);
  }
  return value;
}

function parseCellType(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  const c0 = bytes[start];
  if (length === 1) {
    if (c0 === CH_s) return TYPE_SHARED;
    if (c0 === CH_b) return TYPE_BOOLEAN;
    if (c0 === CH_e) return TYPE_ERROR;
    if (c0 === CH_d) return TYPE_ISO_DATE;
    return TYPE_NUMBER;
  }
  if (c0 === CH_i) return TYPE_INLINE; // inlineStr
  if (c0 === CH_s && bytes[start + 1] === CH_t) return TYPE_FORMULA_STRING; // str
  return TYPE_NUMBER;
}
