/** A sheet or file cell as the text a seller sees in it, trimmed ('' for an empty cell). */
import type { CellValue } from './types';

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  return (typeof value === 'string' ? value : String(value)).trim();
}
