/**
 * Two exports side by side (`={Apr!A:BL, May!A:BL}` typed with a comma for a semicolon, or an
 * export pasted right of another) put a second header beside the first, on its row or on another
 * (a title above one of them), and only the left export's columns would be read: the right one
 * summed to nothing, without a word. Its signature is an order ID or Key column named again with
 * at least two more known columns; one repeated column is the seller's (a helper headed `Order ID`)
 * or the export's own (an On-hold export repeats `Related order ID`).
 */
import { columnLetters } from '../formula-builder';
import type { CellValue } from '../types';
import { lookupColumn } from './catalog';

/**
 * Why the rows (the first of them is row `first` of `where`; `header` is row `headerRow`) hold two
 * exports side by side, or ''.
 */
export function sideBySideMessage(
  rows: readonly (readonly CellValue[])[],
  first: number,
  headerRow: number,
  where: string,
): string {
  const header = rows[headerRow - first];
  const named = new Map<string, number>();
  // The header row against itself; any other row only in the columns the header leaves unnamed.
  const again = secondHeader(header, named, () => true);
  if (again) return message(again, headerRow, headerRow, where);
  for (let r = 0; r < rows.length; r++) {
    if (r === headerRow - first) continue;
    const beside = secondHeader(rows[r], new Map(named), (c) => String(header[c] ?? '').trim() === '');
    if (beside) return message(beside, headerRow, first + r, where);
  }
  return '';
}

/** The order ID or Key column `cells` name again (first place, second place, label), with two more repeats; null if none. */
function secondHeader(
  cells: readonly CellValue[],
  named: Map<string, number>,
  open: (column: number) => boolean,
): [number, number, string] | null {
  let id: [number, number, string] | null = null;
  let repeats = 0;
  for (let c = 0; c < cells.length; c++) {
    const def = open(c) ? lookupColumn(String(cells[c] ?? '').trim()) : undefined;
    if (!def) continue;
    const at = named.get(def.id);
    if (at === undefined) {
      named.set(def.id, c);
      continue;
    }
    repeats++;
    if (!id && (def.field === 'orderId' || def.field === 'key')) id = [at, c, def.label];
  }
  return repeats > 2 ? id : null;
}

function message(
  [at, again, label]: [number, number, string],
  row: number,
  otherRow: number,
  where: string,
): string {
  return (
    `${where}: *${label}* heads column ${columnLetters(at + 1)} on row ${row} and column ${columnLetters(again + 1)} ` +
    `on row ${otherRow}: two exports side by side, and only the left one would be read. Give each its own range.`
  );
}
