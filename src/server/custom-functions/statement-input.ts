/**
 * Reading a `statement` argument: an export range as it lands in a sheet (banner rows, header,
 * data, blank padding), any layout the core knows, or the TTS Ledger tab. A row the core rejects
 * is an error here: a custom function never returns a number that silently skipped rows.
 */
import { parseSheetRows } from '../../core/parse-export';
import type { ParsedExport, Problem } from '../../core/types';
import { asGrid, datesToIsoText } from './arguments';

export const STATEMENT_RANGE = 'the statement range';

export function describeProblem(problem: Problem): string {
  const where = problem.column ? `Row ${problem.row}, column ${problem.column}` : `Row ${problem.row}`;
  return `${where}: ${problem.message}`;
}

export function readStatement(statement: unknown): ParsedExport {
  const grid = datesToIsoText(asGrid(statement, 'statement'));
  const parsed = parseSheetRows(grid, { fileName: STATEMENT_RANGE });
  if (parsed.rejects.length > 0) {
    const more = parsed.rejects.length > 1 ? ` (and ${parsed.rejects.length - 1} more rows with problems)` : '';
    throw new Error(`${describeProblem(parsed.rejects[0])}${more}`);
  }
  return parsed;
}
