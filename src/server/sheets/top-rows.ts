/** The rows a tab's header row is looked for in. */
import { HEADER_SCAN_ROWS } from '../../core/read/layouts';
import type { CellValue } from '../../core/types';

/** The tab's first rows (those a header row may be on; one row of an empty tab), `width` columns wide. */
export function topRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, width: number): CellValue[][] {
  const rows = Math.max(1, Math.min(sheet.getLastRow(), HEADER_SCAN_ROWS));
  return sheet.getRange(1, 1, rows, width).getValues() as CellValue[][];
}
