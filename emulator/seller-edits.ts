/**
 * What a seller does to a tab by hand in Sheets, on the in-memory model: insert, delete and move
 * columns and rows, sort a block of rows, clear cells. Not Apps Script calls (the add-on never
 * makes them): tests use them to put a workbook in the state a seller leaves it in.
 */
import type { CellValue } from './cell-values';
import type { RowData, SheetModel } from './workbook';

type Cells = 'v' | 'f' | 'nf' | 'st';
const PARTS: readonly Cells[] = ['v', 'f', 'nf', 'st'];

/** Inserts `count` empty columns before column `before` (1-based), as *Insert 1 column left*. */
export function insertColumnsBefore(sheet: SheetModel, before: number, count = 1): void {
  sheet.insertColumns(before - 1, count);
}

/** Deletes columns `start … start + count − 1` (1-based). */
export function deleteColumns(sheet: SheetModel, start: number, count = 1): void {
  sheet.deleteColumns(start, count);
}

function padded<T>(arr: T[] | undefined, length: number, fill: T): T[] {
  const out = arr ? [...arr] : [];
  while (out.length < length) out.push(fill);
  return out;
}

/**
 * Drags columns `start … start + count − 1` so they sit before column `before` of the sheet as
 * it was (`before = maxColumns + 1` moves them to the end), as Sheets' column drag does.
 */
export function moveColumns(sheet: SheetModel, start: number, count: number, before: number): void {
  const width = sheet.maxColumns;
  const order = Array.from({ length: width }, (_, i) => i);
  const moved = order.splice(start - 1, count);
  const at = before > start ? before - 1 - count : before - 1;
  order.splice(at, 0, ...moved);
  for (const data of sheet.rows) {
    if (!data) continue;
    for (const part of PARTS) {
      const arr = data[part] as unknown[] | undefined;
      if (!arr) continue;
      const full = padded(arr, width, part === 'v' ? '' : undefined);
      (data as unknown as Record<Cells, unknown[]>)[part] = order.map((i) => full[i]);
    }
  }
}

/** Inserts `count` empty rows before row `before` (1-based). */
export function insertRowsBefore(sheet: SheetModel, before: number, count = 1): void {
  sheet.insertRows(before - 1, count);
}

/** Deletes rows `start … start + count − 1` (1-based). */
export function deleteRows(sheet: SheetModel, start: number, count = 1): void {
  sheet.deleteRows(start, count);
}

/** Drags rows `start … start + count − 1` to sit before row `before` of the sheet as it was. */
export function moveRows(sheet: SheetModel, start: number, count: number, before: number): void {
  while (sheet.rows.length < Math.max(start + count - 1, before - 1)) sheet.rows.push(undefined);
  const moved = sheet.rows.splice(start - 1, count);
  const at = before > start ? before - 1 - count : before - 1;
  sheet.rows.splice(at, 0, ...moved);
}

function sortValue(data: RowData | undefined, column: number): string | number {
  const v = data?.v[column - 1];
  if (v === undefined || v === '') return '';
  if (typeof v === 'number') return v;
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]')
    return (v as Date).getTime();
  return String(v);
}

/**
 * *Data → Sort range* over rows `fromRow … toRow` by one column: numbers before text, blanks last
 * (as Sheets sorts), stable.
 */
export function sortRows(
  sheet: SheetModel,
  fromRow: number,
  toRow: number,
  column: number,
  descending = false,
): void {
  while (sheet.rows.length < toRow) sheet.rows.push(undefined);
  const block = sheet.rows.slice(fromRow - 1, toRow);
  const rank = (x: string | number) => (x === '' ? 2 : typeof x === 'number' ? 0 : 1);
  const sorted = block
    .map((data, i) => ({ data, i, key: sortValue(data, column) }))
    .sort((a, b) => {
      const ra = rank(a.key);
      const rb = rank(b.key);
      if (ra !== rb || ra === 2) return ra - rb || a.i - b.i;
      const cmp = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
      return (descending ? -cmp : cmp) || a.i - b.i;
    });
  sheet.rows.splice(fromRow - 1, block.length, ...sorted.map((s) => s.data));
}

/** Clears the contents of a block (1-based, inclusive), formats kept, as the Delete key does. */
export function clearContents(
  sheet: SheetModel,
  fromRow: number,
  fromColumn: number,
  toRow: number,
  toColumn: number,
): void {
  for (let r = fromRow; r <= toRow; r++)
    for (let c = fromColumn; c <= toColumn; c++) sheet.clearCell(r, c, { contents: true, formats: false });
}

/** *Hide rows* `start … start + count − 1`: the rows stay (getValues returns them), only unseen. */
export function hideRows(sheet: SheetModel, start: number, count = 1): void {
  for (let r = start; r < start + count; r++) {
    while (sheet.rows.length < r) sheet.rows.push(undefined);
    sheet.rows[r - 1] = { ...(sheet.rows[r - 1] ?? { v: [] }), hidden: true };
  }
}

/**
 * *Data → Create a filter* over rows `fromRow … toRow`, with only the values `keep` accepts left
 * ticked in `column`: the other rows are hidden, never removed. Returns how many were hidden.
 */
export function filterRows(
  sheet: SheetModel,
  fromRow: number,
  toRow: number,
  column: number,
  keep: (value: CellValue) => boolean,
): number {
  let hidden = 0;
  for (let r = fromRow; r <= toRow; r++) {
    if (keep(sheet.rows[r - 1]?.v[column - 1] ?? '')) continue;
    hideRows(sheet, r);
    hidden++;
  }
  return hidden;
}

/** Rows hidden by {@link hideRows} or {@link filterRows}, 1-based. */
export function hiddenRows(sheet: SheetModel): number[] {
  return sheet.rows.flatMap((data, i) => (data?.hidden ? [i + 1] : []));
}
