/**
 * A month as a seller types it: `2026-05`, `2026/5`, `5/2026`, `May 2026`, `May-2026`, or any day
 * in it the day arguments read (`2026-05-15`, `5/15/2026`, `May 15, 2026`). One reader for every
 * function that takes a month, so they all read the same set; a bare number (5, 202605) says no
 * year or no month for sure, and is not read, nor is a day that does not exist (`2026-05-40`).
 */
import { parseDateOrNull } from './dates';

const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';

/** `YYYY-MM`, or null when the text is not a month. */
export function monthFromText(text: string): string | null {
  const t = text.trim().toLowerCase();
  let m = /^(\d{4})[-/](\d{1,2})$/.exec(t);
  let year = m?.[1];
  let month = Number(m?.[2]);
  if (!m && (m = /^(\d{1,2})\/(\d{4})$/.exec(t))) [year, month] = [m[2], Number(m[1])];
  if (!m && (m = /^([a-z]{3})[a-z]*\.?[\s-]+(?:\d{1,2},?\s+)?(\d{4})$/.exec(t)))
    [year, month] = [m[2], MONTHS.indexOf(m[1]) / 3 + 1];
  if (!m) return parseDateOrNull(t)?.slice(0, 7) || null;
  return month >= 1 && month <= 12 && Number.isInteger(month)
    ? `${year}-${String(month).padStart(2, '0')}`
    : null;
}
