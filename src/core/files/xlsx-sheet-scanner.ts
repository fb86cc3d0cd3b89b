/**
 * The hot loop of the XLSX reader: turns sheet XML text into rows of cell text, one block of
 * complete `<row>` elements at a time, without building a DOM. Cell positions come from each
 * cell's `r` attribute (the sheet's `<dimension>` is never consulted: some writers leave it
 * stale), gaps become empty strings and trailing empty cells are dropped.
 */
import { excelSerialToText } from './excel-dates';
import { decodeCellText, decodeXmlEntities } from './xml-text';

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

/**
 * V8 keeps a substring of 13+ characters as a view into its parent string. Cell text that
 * outlives the block it came from is copied so it does not keep megabytes of XML alive.
 */
export function detachText(text: string): string {
  return text.length < 13 ? text : (text + ' ').slice(0, -1);
}

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
  private rowNumber = 0;
  private inRow = false;
  private nextColumn = 0;
  private inCell = false;
  private column = 0;
  private type = TYPE_NUMBER;
  private style = 0;
  private value = '';
  private inlineText = '';
  private inInlineString = false;
  private inPhonetic = false;

  constructor(
    private readonly context: SheetScanContext,
    private readonly visit: (cells: string[], rowNumber: number) => boolean,
  ) {}

  /** Scans XML text that holds only complete elements (the splitter cuts after `</row>`). */
  scan(xml: string): void {
    const n = xml.length;
    let pos = 0;
    while (!this.done) {
      const lt = xml.indexOf('<', pos);
      if (lt === -1) return;
      let c = xml.charCodeAt(lt + 1);
      if (c === CH_BANG || c === CH_QUESTION) {
        const close = xml.startsWith('<!--', lt) ? xml.indexOf('-->', lt) : xml.indexOf('>', lt);
        if (close === -1) return;
        pos = close + 1;
        continue;
      }
      const closing = c === CH_SLASH;
      let i = closing ? lt + 2 : lt + 1;
      let local = i;
      while (i < n) {
        c = xml.charCodeAt(i);
        if (c === CH_COLON) local = i + 1;
        else if (c === CH_GT || c === CH_SLASH || c === CH_SPACE || c === CH_TAB || c === CH_LF || c === CH_CR) break;
        i++;
      }
      if (i >= n) return;
      const length = i - local;
      const c0 = xml.charCodeAt(local);

      if (closing) {
        if (length === 1 && c0 === CH_c) this.endCell();
        else if (length === 3 && c0 === CH_r && xml.charCodeAt(local + 1) === CH_o && xml.charCodeAt(local + 2) === CH_w) this.endRow();
        else if (length === 2 && c0 === CH_i && xml.charCodeAt(local + 1) === CH_s) this.inInlineString = false;
        else if (length === 3 && c0 === CH_r && xml.charCodeAt(local + 1) === CH_P && xml.charCodeAt(local + 2) === CH_h) this.inPhonetic = false;
        else if (length === 9 && xml.startsWith('sheetData', local)) this.done = true;
        const gt = xml.indexOf('>', i);
        if (gt === -1) return;
        pos = gt + 1;
        continue;
      }

      const gt = xml.indexOf('>', i);
      if (gt === -1) return;
      const selfClosing = xml.charCodeAt(gt - 1) === CH_SLASH;
      pos = gt + 1;
      if (length === 1) {
        if (c0 === CH_c) {
          this.startCell(xml, i, selfClosing ? gt - 1 : gt);
          if (selfClosing) this.endCell();
        } else if (c0 === CH_v) {
          if (!selfClosing && this.inCell) {
            const end = xml.indexOf('<', pos);
            if (end === -1) return;
            this.value = xml.slice(pos, end);
            pos = end;
          }
        } else if (c0 === CH_t) {
          if (!selfClosing && this.inInlineString && !this.inPhonetic) {
            const end = xml.indexOf('<', pos);
            if (end === -1) return;
            this.inlineText += xml.slice(pos, end);
            pos = end;
          }
        }
      } else if (length === 3 && c0 === CH_r && xml.charCodeAt(local + 1) === CH_o && xml.charCodeAt(local + 2) === CH_w) {
        this.startRow(xml, i, selfClosing ? gt - 1 : gt);
        if (selfClosing) this.endRow();
      } else if (length === 2 && c0 === CH_i && xml.charCodeAt(local + 1) === CH_s) {
        if (!selfClosing) this.inInlineString = this.inCell;
      } else if (length === 3 && c0 === CH_r && xml.charCodeAt(local + 1) === CH_P && xml.charCodeAt(local + 2) === CH_h) {
        if (!selfClosing) this.inPhonetic = true;
      }
    }
  }

  private startRow(xml: string, from: number, to: number): void {
    let rowNumber = -1;
    forEachShortAttribute(xml, from, to, (name, valueStart, valueEnd) => {
      if (name === CH_r) rowNumber = parseDigits(xml, valueStart, valueEnd);
    });
    this.rowNumber = rowNumber > 0 ? rowNumber : this.rowNumber + 1;
    this.inRow = true;
    this.cells = [];
    this.nextColumn = 0;
  }

  private endRow(): void {
    if (!this.inRow) return;
    this.inRow = false;
    const cells = this.cells;
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.length--;
    this.cells = [];
    if (this.visit(cells, this.rowNumber) === false) {
      this.stopped = true;
      this.done = true;
    }
  }

  private startCell(xml: string, from: number, to: number): void {
    let column = -1;
    let type = TYPE_NUMBER;
    let style = 0;
    // Inlined attribute scan: this runs once per cell, millions of times for a big export.
    let p = from;
    while (p < to) {
      let c = xml.charCodeAt(p);
      if (c <= CH_SPACE) {
        p++;
        continue;
      }
      const nameStart = p;
      while (p < to && (c = xml.charCodeAt(p)) !== CH_EQUALS && c > CH_SPACE) p++;
      const nameLength = p - nameStart;
      while (p < to && xml.charCodeAt(p) !== CH_DQUOTE && xml.charCodeAt(p) !== CH_SQUOTE) p++;
      const quote = xml.charCodeAt(p);
      const valueStart = p + 1;
      let valueEnd = valueStart;
      while (valueEnd < to && xml.charCodeAt(valueEnd) !== quote) valueEnd++;
      p = valueEnd + 1;
      if (nameLength !== 1) continue;
      const name = xml.charCodeAt(nameStart);
      if (name === CH_r) column = parseColumn(xml, valueStart, valueEnd);
      else if (name === CH_t) type = parseCellType(xml, valueStart, valueEnd);
      else if (name === CH_s) style = parseDigits(xml, valueStart, valueEnd);
    }
    this.column = column >= 0 ? column : this.nextColumn;
    this.type = type;
    this.style = style < 0 ? 0 : style;
    this.value = '';
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
    if (text !== '' || column < cells.length) {
      while (cells.length < column) cells.push('');
      cells[column] = text;
    }
    this.nextColumn = column + 1;
  }

  private cellText(): string {
    const value = this.value;
    switch (this.type) {
      case TYPE_SHARED: {
        const text = this.context.sharedStrings[parseDigits(value, 0, value.length)];
        return text === undefined ? '' : text;
      }
      case TYPE_INLINE:
        return detachText(decodeCellText(this.inlineText !== '' ? this.inlineText : value));
      case TYPE_FORMULA_STRING:
        return detachText(decodeCellText(value));
      case TYPE_BOOLEAN:
        return value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : value;
      case TYPE_ERROR:
      case TYPE_ISO_DATE:
        return detachText(decodeXmlEntities(value));
      default: {
        if (value === '') return '';
        const kind = this.context.styleDateKinds[this.style];
        if (kind !== undefined && kind !== STYLE_NOT_DATE) {
          const date = excelSerialToText(
            Number(value),
            kind === STYLE_DATE ? 'date' : kind === STYLE_DATETIME ? 'datetime' : 'time',
            this.context.date1904,
          );
          if (date !== null) return date;
        }
        // Numbers stay exactly as written, so an 18-digit ID never passes through a float.
        return detachText(value.indexOf('&') === -1 ? value : decodeXmlEntities(value));
      }
    }
  }
}

/** Calls `onAttribute` with the first character of each one-letter attribute name (r, t, s…). */
function forEachShortAttribute(
  xml: string,
  from: number,
  to: number,
  onAttribute: (name: number, valueStart: number, valueEnd: number) => void,
): void {
  let p = from;
  while (p < to) {
    let c = xml.charCodeAt(p);
    if (c <= CH_SPACE) {
      p++;
      continue;
    }
    const nameStart = p;
    while (p < to && (c = xml.charCodeAt(p)) !== CH_EQUALS && c > CH_SPACE) p++;
    const nameLength = p - nameStart;
    while (p < to && xml.charCodeAt(p) !== CH_DQUOTE && xml.charCodeAt(p) !== CH_SQUOTE) p++;
    const quote = xml.charCodeAt(p);
    const valueStart = p + 1;
    let valueEnd = valueStart;
    while (valueEnd < to && xml.charCodeAt(valueEnd) !== quote) valueEnd++;
    p = valueEnd + 1;
    if (nameLength === 1) onAttribute(xml.charCodeAt(nameStart), valueStart, valueEnd);
  }
}

/** 0-based column of an A1 reference (`AB12` → 27), or -1 when it has no letters. */
export function parseColumn(text: string, start: number, end: number): number {
  let column = 0;
  let p = start;
  if (p < end && text.charCodeAt(p) === 36 /* $ */) p++;
  for (; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c >= CH_UPPER_A && c <= CH_UPPER_Z) column = column * 26 + (c - CH_UPPER_A + 1);
    else if (c >= CH_LOWER_A && c <= CH_LOWER_Z) column = column * 26 + (c - CH_LOWER_A + 1);
    else break;
  }
  return column - 1;
}

/** Non-negative integer in `text[start, end)`, or -1 when it is not one. */
function parseDigits(text: string, start: number, end: number): number {
  if (start >= end) return -1;
  let value = 0;
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c < CH_0 || c > CH_9) return -1;
    value = value * 10 + (c - CH_0);
  }
  return value;
}

function parseCellType(text: string, start: number, end: number): number {
  const length = end - start;
  const c0 = text.charCodeAt(start);
  if (length === 1) {
    if (c0 === CH_s) return TYPE_SHARED;
    if (c0 === CH_b) return TYPE_BOOLEAN;
    if (c0 === CH_e) return TYPE_ERROR;
    if (c0 === CH_d) return TYPE_ISO_DATE;
    return TYPE_NUMBER;
  }
  if (c0 === CH_i) return TYPE_INLINE; // inlineStr
  if (c0 === CH_s && text.charCodeAt(start + 1) === CH_t) return TYPE_FORMULA_STRING; // str
  return TYPE_NUMBER;
}
