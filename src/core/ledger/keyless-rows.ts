/**
 * Rows of the TTS Ledger tab without a Key are not the add-on's (a total, a note the seller typed
 * under the ledger), as rows of an export range without an order ID (or with `Total` in it) are
 * not TikTok's: every reader of a range skips them and says how many it skipped, instead of
 * counting them or refusing the whole range.
 */
import { isSkippedRow } from '../read/row-reader';
import type { ParsedExport, Problem } from '../types';
import { plural } from '../words';

/** Whether `problem` is the parser's "no Key" for a row of the ledger tab, or a row of an export it skipped. */
function isKeyless(parsed: ParsedExport, problem: Problem): boolean {
  if (parsed.layout !== 'ledger') return isSkippedRow(problem);
  return problem.column === 'Key' && problem.message.includes('no *Key*');
}

/** The rows skipped for having no Key, and the real problems. */
export function splitKeylessRows(parsed: ParsedExport): { skipped: number; problems: Problem[] } {
  const problems = parsed.rejects.filter((p) => !isKeyless(parsed, p));
  return { skipped: parsed.rejects.length - problems.length, problems };
}

/** `2 rows … were skipped` (`what`: which rows), for every line about skipped rows. */
const rowsSkipped = (n: number, what: string) =>
  `${plural(n, 'row')} ${what} ${n === 1 ? 'was' : 'were'} skipped`;

/** `2 rows of the TTS Ledger tab without a Key (not written by TTS Profit) were skipped.`, or '' when none. */
export function skippedRowsText(skipped: number, tab = 'TTS Ledger'): string {
  return skipped === 0
    ? ''
    : `${rowsSkipped(skipped, `of the ${tab} tab without a Key (not written by TTS Profit)`)}.`;
}

/** The rows (in the range) skipped for having no Key, in order. */
export function keylessRowNumbers(parsed: ParsedExport): number[] {
  return parsed.rejects.filter((p) => isKeyless(parsed, p)).map((p) => p.row);
}

/**
 * The last line of a table a function returns when it skipped rows: from the TTS Ledger tab
 * `2 rows without a Key were skipped — they are not imported rows`, from an export `1 row without
 * an order ID (a total or a note) was skipped`; '' when none.
 */
export function keylessTableLine(skipped: number, ledger = true): string {
  if (skipped === 0) return '';
  if (!ledger) return rowsSkipped(skipped, 'without an order ID (a total or a note)');
  return `${rowsSkipped(skipped, 'without a Key')} — ${skipped === 1 ? 'it is not an imported row' : 'they are not imported rows'}`;
}

/** `table` with the skipped-rows line under it (as wide as the table), or `table` when none were skipped. */
export function withKeylessLine<T extends string | number>(
  table: T[][],
  skipped: number,
  ledger = true,
): (T | string)[][] {
  return withLine(table, keylessTableLine(skipped, ledger));
}

/** `table` with `line` in a last row as wide as the table, or `table` when `line` is ''. */
export function withLine<T extends string | number>(table: T[][], line: string): (T | string)[][] {
  if (line === '') return table;
  const width = Math.max(1, ...table.map((r) => r.length));
  return [...table, [line, ...Array.from({ length: width - 1 }, () => '')]];
}
