/**
 * A header with no row under it is refused, never summed: a total over no rows would read as $0
 * sold, a 0 that means "nothing was read". The TTS Ledger tab before its first import says so.
 */
import { cellText } from '../cell-text';
import { IMPORT_FIRST } from '../ledger/ledger-format';
import type { CellValue, ParsedExport } from '../types';

type Header = Pick<ParsedExport, 'layout' | 'layoutLabel' | 'headerRow'>;

/** The refusal of a file or range (`where`) whose header has nothing under it. */
export function noRowsMessage(where: string, { layout, layoutLabel, headerRow }: Header): string {
  return layout === 'ledger'
    ? `${where}: the TTS Ledger tab has no rows yet, only its header: ${IMPORT_FIRST}`
    : `${where}: the header of a ${layoutLabel} is on row ${headerRow}, but no rows are under it; export a period that has orders.`;
}

/** {@link noRowsMessage} for a range whose every cell under the header row is blank, else ''. */
export function emptyRangeMessage(
  grid: readonly (readonly CellValue[])[],
  where: string,
  header: Header,
): string {
  for (let r = header.headerRow; r < grid.length; r++) if (grid[r].some((c) => cellText(c) !== '')) return '';
  return noRowsMessage(where, header);
}
