/** A sheet or file cell as the text a seller sees in it, trimmed ('' for an empty cell). */
import type { CellValue } from './types';

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  return (typeof value === 'string' ? value : String(value)).trim();
}

/** An ID cell's text without what kept it text in a spreadsheet: a leading `'`, or Excel's `="…"`. */
export function idText(text: string): string {
  const first = text.charCodeAt(0);
  if (first === 39) return text.slice(1);
  return first === 61 && text.charCodeAt(1) === 34 && text.endsWith('"') ? text.slice(2, -1) : text;
}
