/**
 * Two exports side by side (`={Apr!A:BL, May!A:BL}` typed with a comma for a semicolon, or an
 * export pasted right of another) make one header row with every column twice, and only the left
 * export's columns would be read: its right half summed to nothing, without a word. A repeated
 * order ID or Key column tells them apart from an export that repeats a column of its own (an
 * On-hold export repeats only `Related order ID`).
 */
import { columnLetters } from '../formula-builder';
import { lookupColumn } from './catalog';

/** Why the header row (on row `row` of `where`) holds two exports side by side, or ''. */
export function sideBySideMessage(header: readonly string[], where: string, row: number): string {
  const first = new Map<string, number>();
  for (let c = 0; c < header.length; c++) {
    const def = lookupColumn(String(header[c] ?? '').trim());
    if (!def || (def.field !== 'orderId' && def.field !== 'key')) continue;
    const at = first.get(def.id);
    if (at === undefined) first.set(def.id, c);
    else
      return (
        `${where}: the header on row ${row} has *${def.label}* twice (columns ${columnLetters(at + 1)} and ` +
        `${columnLetters(c + 1)}): two exports side by side, of which only the left one would be read. ` +
        'Give each export its own range, or put one under the other.'
      );
  }
  return '';
}
