/**
 * Tells a dropped cost table (SKU and unit cost columns, as samples/cogs.csv) from an export before
 * the export reader sees it. Only the first sheet's header row decides, so an export is looked at
 * up to its first row, never read whole twice; cost tables are small: files over 5 MB are exports.
 */
import { costTableOf, isCostTable, type CostTableFile } from '../../core/analysis/cost-import';
import { forEachSheetRowAsync, readExportFile } from '../../core/read/files/read-file';
import { fileSource } from '../parsing/file-source';

const MAX_COST_TABLE_BYTES = 5 * 1024 * 1024;

/** The file as a cost table, or null when it is an export (or unreadable: the export reader says why). */
export async function readCostTableFile(file: File): Promise<CostTableFile | null> {
  if (file.size > MAX_COST_TABLE_BYTES) return null;
  try {
    const header = await firstRow(file);
    if (header === null || !isCostTable([header])) return null;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const sheet = readExportFile(bytes, file.name).sheets[0];
    return sheet ? costTableOf(file.name, sheet.rows) : null;
  } catch {
    return null;
  }
}

/** The first sheet's first row with a filled cell, read no further than that row. */
async function firstRow(file: File): Promise<string[] | null> {
  let firstSheet: string | undefined;
  let header: string[] | null = null;
  await forEachSheetRowAsync(
    fileSource(file, file.name),
    file.name,
    (sheet, cells) => {
      if (sheet !== firstSheet) return false;
      if (!cells.some((cell) => cell.trim() !== '')) return undefined;
      header = [...cells];
      return false;
    },
    {
      onSheet: (name) => {
        firstSheet ??= name;
      },
      // Read again as Windows-1252: the row comes again.
      onRestart: () => {
        header = null;
      },
    },
  );
  return header;
}
