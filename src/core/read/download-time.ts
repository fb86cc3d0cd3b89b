/**
 * The On-hold export's banner says when it was downloaded (`Download time,2026-06-12 16:55:33`).
 * Of two downloads' estimates of one order line the later counts, whichever was imported last
 * (core/ledger/settled-estimates.ts), so the sidebar keeps it on each of the file's rows, as the
 * ledger's *Download time* column.
 */
import { DOWNLOAD_TIME } from '../ledger/settled-estimates';
import type { LedgerRow } from '../types';

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
/** As a US spreadsheet re-saves it: 6/12/2026 16:55. */
const MONTH_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** A banner row's download time as `YYYY-MM-DD HH:MM:SS`, or undefined when the row is not one (or is not readable). */
export function downloadTimeOf(cells: readonly string[]): string | undefined {
  if (cells.length < 2 || cells[0].trim().toLowerCase() !== 'download time') return undefined;
  const text = cells[1].trim();
  const y = YEAR_FIRST.exec(text);
  const m = y ? undefined : MONTH_FIRST.exec(text);
  const parts = y
    ? [y[1], y[2], y[3], y[4], y[5], y[6]]
    : m
      ? [m[3], m[1], m[2], m[4], m[5], m[6]]
      : undefined;
  if (!parts) return undefined;
  const [year, month, day, hour, minute, second] = parts.map((p) => (p ?? '0').padStart(2, '0'));
  if (+month < 1 || +month > 12 || +day < 1 || +day > 31 || +hour > 23 || +minute > 59 || +second > 59)
    return undefined;
  return `${year}-${month}-${day} ${hour}:${minute}:${second}`;
}

/** `row` with the download time its On-hold export's banner gave (other layouts' rows as they are). */
export function withDownloadTime(row: LedgerRow, downloaded: string | undefined): LedgerRow {
  if (downloaded !== undefined && row.layout === 'onhold') row.unknown[DOWNLOAD_TIME] = downloaded;
  return row;
}
