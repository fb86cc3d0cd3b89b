/**
 * Reading a `statement` argument: an export range as it lands in a sheet (banner rows, header,
 * data, blank padding), any layout the core knows, or the TTS Ledger tab. A row the core rejects
 * is an error here: a custom function never returns a number that silently skipped rows.
 */
import { parseSheetRows, type ParseOptions } from '../../core/read/parse-export';
import { describeRoundedIds, KEEP_IDS_AS_TEXT } from '../../core/read/rounded-ids';
import type { ParsedExport, Problem } from '../../core/types';
import { asGrid } from './arguments';
import { splitKeylessRows, withKeylessLine } from '../../core/ledger/keyless-rows';
import { withoutSupersededRows } from '../../core/ledger/settled-estimates';
import { dateTextConverter } from '../sheets/sheet-dates';
import type { RowField } from '../../core/read/row-fields';
import { missingColumnMessage } from '../../core/read/needed-columns';
import { refuseLedgerColumns } from '../sheets/ledger-sheet';
import { emptyRangeMessage } from '../../core/read/no-rows';

export const STATEMENT_RANGE = 'the statement range';

/**
 * The row fields a function reads besides the amounts (which are always read and checked, as are
 * the order ID and the ledger's Key): a row's type, and its units (an order export's sales are
 * shared out by them). Columns of fields no function of a call reads are skipped, not checked;
 * IDs a spreadsheet rounded are looked for only in the ID fields named (see `refuseRoundedIds`).
 */
export const ROW_KIND = ['type', 'quantity'] as const satisfies readonly RowField[];
/** The dates a row counts in: its order date, else its statement date. */
export const ROW_DATES = ['orderDate', 'statementDate'] as const satisfies readonly RowField[];

/** A rejected row for the cell's error: the core's message already names its row and column. */
export function describeProblem(problem: Problem): string {
  if (/^Row \d+/.test(problem.message)) return problem.message;
  const where = problem.column ? `Row ${problem.row}, column *${problem.column}*` : `Row ${problem.row}`;
  return `${where}: ${problem.message}`;
}

/** The first problem of a range, and how many more there are (a row may have several). */
export function problemsError(problems: readonly Problem[]): Error {
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '';
  return new Error(describeProblem(problems[0]) + more);
}

/**
 * The export in the range, every row read. `keepRows: false` with `onView` (or `onRow`) streams
 * the rows instead of keeping them (a 50,000-row range then never holds 50,000 row objects at
 * once; `onView` builds none at all); rows are checked against their settlement only when asked
 * (`reconcile: true`). `fields`: the row fields the function reads (default: all).
 */
export function readStatement(
  statement: unknown,
  options: Pick<ParseOptions, 'keepRows' | 'onRow' | 'onView' | 'groupings' | 'reconcile' | 'fields'> & {
    settlementFor?: string;
    /** The columns the function's figures read (see needed-columns.ts). */
    needs?: string;
  } = {},
): ParsedExport {
  // On the TTS Ledger tab each order line counts once: estimates settled later are left out.
  const dateText = dateTextConverter();
  const { grid } = withoutSupersededRows(asGrid(statement, 'statement'), dateText);
  const parsed = parseSheetRows(grid, {
    ...options,
    reconcile: options.reconcile ?? false,
    fileName: STATEMENT_RANGE,
    dateText,
    keys: false,
  });
  if (parsed.ads) {
    throw new Error(
      `The statement range holds a ${parsed.layoutLabel}, not a statement export: pass it to TTS_ADS, or as the ads argument of TTS_PNL.`,
    );
  }
  const empty = emptyRangeMessage(grid, STATEMENT_RANGE, parsed);
  if (empty) throw new Error(empty);
  // A renamed or deleted amount column of the TTS Ledger tab would read as 0; a copy of one, in its place.
  if (parsed.layout === 'ledger') refuseLedgerColumns(grid[parsed.headerRow - 1]);
  // Rows of the TTS Ledger tab without a Key (a total or note the seller typed) are skipped, not counted.
  const { problems } = splitKeylessRows(parsed);
  if (problems.length > 0) throw problemsError(problems);
  if (options.settlementFor !== undefined) requireSettlement(parsed, options.settlementFor);
  const missing = missingColumnMessage(
    grid[parsed.headerRow - 1],
    parsed.layout,
    options.needs || '',
    STATEMENT_RANGE,
  );
  if (missing) throw new Error(missing);
  return parsed;
}

/** A month the range's rows do not reach (a year typed wrong) is refused: its 0 would mean "not in the range". */
export function requireMonthInRange(parsed: ParsedExport, month: string): void {
  const { first, last } = parsed.period;
  if (first !== '' && month >= first.slice(0, 7) && month <= last.slice(0, 7)) return;
  throw new Error(
    `${STATEMENT_RANGE} has no rows in ${month}${first && `: its rows run from ${first} to ${last}`}.`,
  );
}

/** A function's table with the line saying how many rows of the TTS Ledger tab without a Key it skipped. */
export function tableOf<T extends string | number>(parsed: ParsedExport, table: T[][]): (T | string)[][] {
  return withKeylessLine(table, splitKeylessRows(parsed).skipped, parsed.layout === 'ledger');
}

/**
 * An order export sells, but settles nothing and charges no fee: a settlement or fee figure from
 * it would be a 0 that means "not in this file", so the function says where those figures are.
 */
export function requireSettlement(parsed: ParsedExport, fn: string): void {
  if (parsed.layout !== 'order-export') return;
  throw new Error(
    `${STATEMENT_RANGE} is a Seller Center order export: an order export has no settlement or ` +
      `fees: use a Statement export (Finance → Statements → Export) for ${fn}.`,
  );
}

/**
 * IDs a spreadsheet rounded do not change a sum, but where an ID decides the answer (grouping by
 * SKU, matching unit costs, listing rows) the function names them and says how to keep them exact.
 */
export function refuseRoundedIds(
  parsed: ParsedExport,
  fields: readonly ('orderId' | 'skuId')[],
  fn: string,
): void {
  const rounded = parsed.roundedIds?.fields.filter((f) => (fields as readonly string[]).includes(f.field));
  if (!rounded || rounded.length === 0) return;
  throw new Error(
    `${STATEMENT_RANGE}: ${fn} needs exact IDs, but the IDs in ` +
      `${describeRoundedIds({ fields: rounded })} were rounded by the spreadsheet (only 15 digits kept). ` +
      `${KEEP_IDS_AS_TEXT}`,
  );
}
