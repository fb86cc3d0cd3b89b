/** A1 notation: `B3`, `A1:C3`, `A:C`, `2:5`, `A2:C`, with an optional `'Sheet name'!` prefix. */

export interface A1Ref {
  sheetName?: string;
  /** 1-based; `undefined` means "from the first row/column". */
  startRow?: number;
  startCol?: number;
  /** 1-based inclusive; `undefined` means "to the last row/column of the sheet". */
  endRow?: number;
  endCol?: number;
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^(\$?([A-Za-z]{1,3}))?(\$?(\d+))?$/;

function parseCell(part: string): { row?: number; col?: number } {
  const m = CELL.exec(part.trim());
  if (!m || (!m[2] && !m[4])) throw new Error(`Range not found`);
  const row = m[4] ? Number(m[4]) : undefined;
  if (row === 0) throw new Error(`Range not found`);
  return { col: m[2] ? columnNumber(m[2]) : undefined, row };
}

/** Splits `'My sheet'!A1:B2` into the sheet name and the range part. */
export function splitSheetName(a1: string): { sheetName?: string; range: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { range: a1 };
  let name = a1.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, range: a1.slice(bang + 1) };
}

/** Parses A1 notation; throws Sheets' "Range not found" for anything else. */
export function parseA1(a1: string): A1Ref {
  const { sheetName, range } = splitSheetName(a1);
  const [first, second, extra] = range.split(':');
  if (extra !== undefined || !first) throw new Error('Range not found');
  const a = parseCell(first);
  const b = second === undefined ? a : parseCell(second);
  // `A:C` has columns only, `2:5` rows only; `A2:C` runs to the last row.
  const ref: A1Ref = { sheetName };
  if (a.col !== undefined) ref.startCol = a.col;
  if (a.row !== undefined) ref.startRow = a.row;
  if (b.col !== undefined) ref.endCol = b.col;
  if (b.row !== undefined) ref.endRow = b.row;
  if ((a.col === undefined) !== (b.col === undefined) && second !== undefined && a.col === undefined) {
    throw new Error('Range not found');
  }
  return ref;
}

export function a1Notation(row: number, col: number, numRows: number, numCols: number): string {
  const start = `${columnLetters(col)}${row}`;
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${columnLetters(col + numCols - 1)}${row + numRows - 1}`;
}

/** Quotes a sheet name for use before `!` when it is not a plain identifier. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
