/**
 * Reads the add-on's own tabs back for the dashboard and the forecast: the TTS Ledger tab through
 * the same core parser as any export (one getValues), and the unit costs the seller typed in the
 * TTS COGS tab.
 */
import { LEDGER_TAB } from '../../core/ledger/ledger-format';
import { parseSheetRows } from '../../core/read/parse-export';
import { splitKeylessRows } from '../../core/ledger/keyless-rows';
import { withoutSupersededRows } from '../../core/ledger/settled-estimates';
import { buildCogsTable, type CogsTable } from '../../core/analysis/pnl';
import type { CellValue, LedgerRow } from '../../core/types';
import { COGS_SHEET } from './cogs-sheet';
import { dateTextConverter } from './sheet-dates';
import { tabNamed } from './tab-named';
import { isDateCell } from '../../core/date-cell';
import { missingColumnMessage, NEEDS } from '../../core/read/needed-columns';
import { refuseLedgerColumns } from './ledger-sheet';
import { describeProblem } from '../custom-functions/statement-input';

export interface LedgerContents {
  rows: LedgerRow[];
  /** Ledger rows the parser could not read (edited by hand), in words. */
  problems: string[];
  /** Rows without a Key (a total or note the seller typed): skipped, not counted. */
  skipped: number;
  /** Rows superseded by a settled row of the same order line (core/ledger/settled-estimates.ts): kept, not counted. */
  superseded: number;
}

/** The ledger's rows, or null when there is no TTS Ledger tab or it holds only a header. */
export function readLedger(): LedgerContents | null {
  const sheet = tabNamed(LEDGER_TAB);
  if (!sheet || sheet.getLastRow() < 2) return null;
  // Each order line counts once, as in the functions: rows settled later are blanked.
  const dateText = dateTextConverter();
  const { grid, superseded } = withoutSupersededRows(
    sheet.getDataRange().getValues() as CellValue[][],
    dateText,
  );
  const parsed = parseSheetRows(grid, { fileName: LEDGER_TAB, dateText });
  refuseLedgerColumns(grid[parsed.headerRow - 1]);
  // Without its Quantity, SKU ID or dates the tab's COGS and months would be silently wrong;
  // a tab read whole has nothing to widen (the blank after the header says so).
  const header = [...grid[parsed.headerRow - 1], ''];
  const missing = missingColumnMessage(
    header,
    'ledger',
    `${NEEDS.costed} ${NEEDS.month}`,
    `The ${LEDGER_TAB} tab`,
  );
  if (missing) throw new Error(missing);
  const { skipped, problems } = splitKeylessRows(parsed);
  return {
    rows: parsed.rows,
    skipped,
    superseded,
    problems: problems.map(describeProblem),
  };
}

/**
 * Unit costs from the TTS COGS tab (columns found by header label; the unit cost is its parts' sum,
 * or the Unit cost typed). Rows whose cost is still blank are SKUs waiting for a cost and are left
 * out; a cost or date that cannot be read throws naming its cell.
 */
export function readCogs(): CogsTable {
  const sheet = tabNamed(COGS_SHEET);
  if (!sheet || sheet.getLastRow() < 2) return { bySku: new Map() };
  const toText = dateTextConverter();
  // Effective dates are meant in the spreadsheet's zone, as the ledger's dates are.
  const values = (sheet.getDataRange().getValues() as CellValue[][]).map((row) =>
    row.map((cell) => (isDateCell(cell) ? toText(cell as Date) : cell)),
  );
  return buildCogsTable(values, COGS_SHEET);
}
