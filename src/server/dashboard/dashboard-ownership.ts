/**
 * Columns A–P of the TTS Dashboard tab are rewritten on every refresh. A seller may still type a
 * note there, sort a table or insert a column: what refresh wrote is remembered (one fingerprint
 * per row, in the document's properties), and a refresh that finds a row it did not write that
 * way refuses, naming the cell, instead of clearing what the seller typed.
 */
import { DASHBOARD_TAB, OWNED_COLUMNS } from './dashboard-tab';
import { readStored, writeStored } from '../document-store';
import { tabNamed } from '../sheets/tab-named';
import { isDateCell } from '../../core/date-cell';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const KEY = 'tts.dashboard.written';

/** A row's cells as one short fingerprint (FNV-1a of their text). */
function fingerprint(row: readonly unknown[]): string {
  let h = 0x811c9dc5;
  const text = row.map((v) => (isDateCell(v) ? (v as Date).getTime() : v)).join('\u0001');
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

const isBlankRow = (row: readonly unknown[]) => row.every((v) => v === '' || v === null || v === undefined);

function ownedValues(sheet: Sheet, rows: number): unknown[][] {
  if (rows <= 0) return [];
  return sheet.getRange(1, 1, rows, Math.min(OWNED_COLUMNS, sheet.getMaxColumns())).getValues();
}

function load(): string[] | null {
  return readStored<string[] | null>(KEY, null, (rows) =>
    Array.isArray(rows) ? rows.map(String) : undefined,
  );
}

/** Remembers columns A–P as refresh (or the freshness line) left them. */
export function rememberDashboard(sheet: Sheet): void {
  const values = ownedValues(sheet, sheet.getLastRow());
  while (values.length > 0 && isBlankRow(values[values.length - 1])) values.pop();
  writeStored(KEY, values.map(fingerprint));
}

/**
 * Remembers one row again after the add-on rewrote a cell of it between refreshes (the freshness
 * line): the other rows keep what the last refresh wrote, so a note typed there meanwhile still counts.
 */
export function rememberDashboardRow(sheet: Sheet, row: number): void {
  const written = load();
  if (written === null) return;
  while (written.length < row) written.push(fingerprint([]));
  written[row - 1] = fingerprint(ownedValues(sheet, row)[row - 1]);
  writeStored(KEY, written);
}

const A1_COLUMNS = 'ABCDEFGHIJKLMNOP';

/**
 * Throws, before anything is written, when a row of A–P is not as the last refresh left it: a
 * note typed there, a table sorted or a column inserted. Without a record (the tab made by an
 * earlier version) there is nothing to compare, and the refresh goes ahead.
 */
export function checkDashboardEdits(): void {
  const sheet = tabNamed(DASHBOARD_TAB);
  const written = load();
  if (!sheet || written === null) return;
  const values = ownedValues(sheet, Math.max(sheet.getLastRow(), 0));
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    // A row cleared holds nothing to lose; a row as refresh wrote it is the add-on's.
    if (isBlankRow(row) || fingerprint(row) === written[r]) continue;
    const c = Math.max(
      0,
      row.findIndex((v) => v !== '' && v !== null && v !== undefined),
    );
    const cell = `${A1_COLUMNS[c]}${r + 1}`;
    const shown = String(row[c] ?? '').slice(0, 40);
    throw new Error(
      `${DASHBOARD_TAB} was not refreshed: row ${r + 1} of columns A–P is not as TTS Profit wrote it (${cell} holds \`${shown}\`). ` +
        'A refresh rewrites columns A–P and would clear it: move your notes right of column P or to another tab, ' +
        'or rename the tab to keep it as it is, then refresh again. Nothing was changed.',
    );
  }
}
