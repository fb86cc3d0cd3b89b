/**
 * Rows of the TTS Ledger tab without a Key are not the add-on's (a total, a note the seller typed
 * under the ledger): every ledger reader skips them and says how many it skipped, instead of
 * counting them or refusing the whole tab.
 */
import type { ParsedExport, Problem } from '../types';

/** Whether `problem` is the parser's "no Key" for a row of the ledger tab. */
function isKeyless(parsed: ParsedExport, problem: Problem): boolean {
  return parsed.layout === 'ledger' && problem.column === 'Key' && problem.message.includes('no *Key*');
}

/** The rows skipped for having no Key, and the real problems. */
export function splitKeylessRows(parsed: ParsedExport): { skipped: number; problems: Problem[] } {
  const problems = parsed.rejects.filter((p) => !isKeyless(parsed, p));
  return { skipped: parsed.rejects.length - problems.length, problems };
}

/** `2 rows without a Key (not written by TTS Profit) were skipped.`, or '' when none. */
export function skippedRowsText(skipped: number): string {
  if (skipped === 0) return '';
  return (
    `${skipped} ${skipped === 1 ? 'row' : 'rows'} of the TTS Ledger tab without a Key (not written by TTS Profit) ` +
    `${skipped === 1 ? 'was' : 'were'} skipped.`
  );
}

/** The rows (in the range) skipped for having no Key, in order. */
export function keylessRowNumbers(parsed: ParsedExport): number[] {
  return parsed.rejects.filter((p) => isKeyless(parsed, p)).map((p) => p.row);
}

/**
 * The last line of a table a function returns from the TTS Ledger tab when it skipped rows:
 * `2 rows without a Key were skipped — they are not imported rows`, or '' when none.
 */
export function keylessTableLine(skipped: number): string {
  if (skipped === 0) return '';
  return skipped === 1
    ? '1 row without a Key was skipped — it is not an imported row'
    : `${skipped} rows without a Key were skipped — they are not imported rows`;
}

/** `table` with the skipped-rows line under it (as wide as the table), or `table` when none were skipped. */
export function withKeylessLine<T extends string | number>(table: T[][], skipped: number): (T | string)[][] {
  const line = keylessTableLine(skipped);
  if (line === '') return table;
  const width = Math.max(1, ...table.map((r) => r.length));
  return [...table, [line, ...Array.from({ length: width - 1 }, () => '')]];
}
