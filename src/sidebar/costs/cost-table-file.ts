/**
 * Tells a dropped cost table (SKU and unit cost columns, as samples/cogs.csv) from an export before
 * the export reader sees it. Cost tables are small: files over 5 MB are exports and are not opened
 * twice.
 */
import { costTableOf, type CostTableFile } from '../../core/analysis/cost-import';
import { readExportFile } from '../../core/read/files/read-file';

const MAX_COST_TABLE_BYTES = 5 * 1024 * 1024;

/** The file as a cost table, or null when it is an export (or unreadable: the export reader says why). */
export async function readCostTableFile(file: File): Promise<CostTableFile | null> {
  if (file.size > MAX_COST_TABLE_BYTES) return null;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const sheet = readExportFile(bytes, file.name).sheets[0];
    return sheet ? costTableOf(file.name, sheet.rows) : null;
  } catch {
    return null;
  }
}
