/**
 * Two exports stacked in one tab or file, the second with its header row: that row is rejected
 * cell by cell ("expected an amount, found `Fees`"), which does not say what happened. Its problems
 * become one that does.
 */
import { cellText } from '../cell-text';
import type { CellValue, Problem } from '../types';

/**
 * When rejected row `row` repeats `header` (three of its names or more, where the header has them:
 * no data row holds a column's name), its problems (the last of `problems`) become one saying so.
 */
export function sayHeaderAgain(
  problems: Problem[],
  cells: readonly CellValue[],
  header: readonly string[],
  row: number,
): void {
  const last = problems[problems.length - 1];
  if (!last || last.row !== row) return;
  if (header.filter((h, c) => h !== '' && cellText(cells[c]) === h.trim()).length < 3) return;
  while (problems.length > 0 && problems[problems.length - 1].row === row) problems.pop();
  const { column: _cell, ...at } = last;
  problems.push({
    ...at,
    message: `Row ${row} repeats the header row: is a second export pasted below the first? Delete that row.`,
  });
}
