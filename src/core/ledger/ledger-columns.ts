/**
 * Where the add-on's columns are in a tab the seller also edits. Columns are found by their header
 * (case and spacing aside), never by position; the header row is found among the first rows (the
 * seller may insert a title above it); new columns go to the right of every used cell, so a note
 * typed in a column without a header is never written over.
 */
import { columnLetters } from '../formula-builder';
import { headerKey, lookupColumn } from '../read/catalog';
import { HEADER_SCAN_ROWS } from '../read/layouts';
import type { CellValue } from '../types';

/** 1-based row (within `rows`) holding at least `minimum` labels of `labels` (default all), or 0. */
export function findHeaderRow(
  rows: readonly (readonly CellValue[])[],
  labels: readonly string[],
  minimum = labels.length,
): number {
  const wanted = labels.map(headerKey);
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const keys = new Set(rows[r].map((v) => headerKey(String(v ?? ''))));
    if (wanted.filter((k) => keys.has(k)).length >= minimum) return r + 1;
  }
  return 0;
}

/** Header label → 0-based column, by headerKey; the first of two equal labels wins. */
export function columnIndex(header: readonly CellValue[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((label, c) => {
    const key = headerKey(String(label ?? ''));
    if (key !== '' && !index.has(key)) index.set(key, c);
  });
  return index;
}

/** The 0-based column of `label` in `index`, or -1. */
export function columnOf(index: ReadonlyMap<string, number>, label: string): number {
  return index.get(headerKey(label)) ?? -1;
}

/**
 * Why a tab whose header names one of the add-on's columns twice, by its own label, is refused, or
 * '': a bookkeeper's working copy of a column, header and all. Columns are found by header, so the add-on would read
 * and write the left one only, whichever of the two is the copy.
 */
export function repeatedColumnMessage(tab: string, header: readonly CellValue[], outcome: string): string {
  const seen = new Map<string, number>();
  for (let c = 0; c < header.length; c++) {
    const label = String(header[c] ?? '');
    const def = lookupColumn(label.trim());
    // The add-on's label itself: a helper column headed like one of them (`Order ID`) is the seller's.
    if (!def || headerKey(label) !== headerKey(def.label)) continue;
    const first = seen.get(def.id);
    if (first === undefined) seen.set(def.id, c);
    else
      return (
        `The ${tab} tab has two columns headed *${def.label}* (${columnLetters(first + 1)} and ${columnLetters(c + 1)}): ` +
        `the add-on would read and write the first only. Rename or delete the copy. ${outcome}`
      );
  }
  return '';
}

/**
 * Why a tab is refused whose header has an amount column the add-on did not write there (`written`:
 * the amount headers it wrote), or '': the seller's own column headed like one of TikTok's amounts
 * (`Seller discount`, for a planning note) would be read as TikTok's, and written into by the next
 * import that brings that amount.
 */
export function foreignAmountMessage(
  tab: string,
  header: readonly CellValue[],
  written: readonly string[],
  outcome: string,
): string {
  const ours = new Set(written.map(headerKey));
  for (let c = 0; c < header.length; c++) {
    const label = String(header[c] ?? '');
    const kind = lookupColumn(label.trim())?.kind;
    if ((kind === 'money' || kind === 'info-money') && !ours.has(headerKey(label)))
      return (
        `The ${tab} tab's column ${columnLetters(c + 1)} is headed *${label.trim()}*, an amount TTS Profit did not ` +
        `write there: it would be read as TikTok's, and the next import would write into it. Rename your column. ${outcome}`
      );
  }
  return '';
}

/** Labels of `wanted` that `header` lacks (case and spacing aside), in `wanted` order. */
export function missingColumns(header: readonly CellValue[], wanted: readonly string[]): string[] {
  const index = columnIndex(header);
  return wanted.filter((label) => !index.has(headerKey(label)));
}

/** How to get a tab's header back, or start the tab afresh. */
const restore = (tab: string) =>
  `Edit → Undo or File → Version history; to start a new ${tab} instead, rename this tab.`;

/** What a read refused for a lost amount column would have made of the amounts. */
export const AMOUNTS_READ_AS_0 = 'Its amounts would read as 0.';

/** What a write refused for a lost column did: nothing. */
export const NOTHING_WRITTEN = 'Nothing was written.';

/**
 * Why the add-on refuses to write to (or read, `outcome` saying what the read would be) a tab whose
 * own columns are gone, and how to restore them.
 */
export function lostColumnsMessage(
  tab: string,
  labels: readonly string[],
  outcome = NOTHING_WRITTEN,
): string {
  const names = labels.map((l) => `*${l}*`).join(', ');
  return (
    `The ${tab} tab has no ${names} column in its header row (deleted or renamed). ${outcome} ` +
    `Rename the header back to ${labels[0]}, or bring the column back with ${restore(tab)}`
  );
}

/**
 * Why the add-on refuses to write to (or read, `outcome` saying so) a tab whose header row it cannot
 * find at its top: cleared, or sorted down among the rows (on a tab of any length).
 */
export function lostHeaderMessage(
  tab: string,
  signature: readonly string[],
  outcome = NOTHING_WRITTEN,
): string {
  return (
    `The ${tab} tab has no header row with ${signature.join(', ')} above its rows. ${outcome} ` +
    `Restore the header row with ${restore(tab)}`
  );
}
