/**
 * Reading a `statement` argument: an export range as it lands in a sheet (banner rows, header,
 * data, blank padding), any layout the core knows, or the TTS Ledger tab. A row the core rejects
 * is an error here: a custom function never returns a number that silently skipped rows.
 */
import { parseSheetRows, type ParseOptions } from '../../core/read/parse-export';
import type { ParsedExport, Problem } from '../../core/types';
import { asGrid } from './arguments';
import { splitKeylessRows } from '../../core/ledger/keyless-rows';
import { withoutSupersededRows } from '../../core/ledger/settled-estimates';
import { dateTextConverter } from '../sheets/sheet-dates';

export const STATEMENT_RANGE = 'the statement range';

/** A rejected row for the cell's error: the core's message already names its row and column. */
export function describeProblem(problem: Problem): string {
  if (/^Row \d+/.test(problem.message)) return problem.message;
  const where = problem.column ? `Row ${problem.row}, column *${problem.column}*` : `Row ${problem.row}`;
  return `${where}: ${problem.message}`;
}

/**
 * The export in the range, every row read. `keepRows: false` with `onView` (or `onRow`) streams
 * the rows instead of keeping them (a 50,000-row range then never holds 50,000 row objects at
 * once; `onView` builds none at all); rows are checked against their settlement only when asked
 * (`reconcile: true`).
 */
export function readStatement(statement: unknown, options: Pick<ParseOptions, 'keepRows' | 'onRow' | 'onView' | 'groupings' | 'reconcile'> = {}): ParsedExport {
  // On the TTS Ledger tab each order line counts once: estimates settled later are left out.
  const { grid } = withoutSupersededRows(asGrid(statement, 'statement'));
  const parsed = parseSheetRows(grid, {
    ...options,
    reconcile: options.reconcile ?? false,
    fileName: STATEMENT_RANGE,
    dateText: dateTextConverter(),
    keys: false,
  });
  // Rows of the TTS Ledger tab without a Key (a total or note the seller typed) are skipped, not counted.
  const { problems } = splitKeylessRows(parsed);
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more rows with problems)` : '';
    throw new Error(`${describeProblem(problems[0])}${more}`);
  }
  return parsed;
}
