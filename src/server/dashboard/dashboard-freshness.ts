/**
 * Whether the TTS Dashboard tab shows everything in the ledger. A refresh records when it ran; an
 * import that adds rows afterwards records what it added, and the dashboard's "Dashboard" line
 * says so (what changed, since when) until the next refresh. Times are on the spreadsheet's clock.
 */
import type { DashboardFreshness } from '../../core/contract';
import { readStored, writeStored } from '../document-store';
import { spreadsheetTimeZone } from '../sheets/sheet-dates';
import { textCell } from '../sheets/sheet-writing';
import { DASHBOARD_TAB, OWNED_COLUMNS } from './dashboard-tab';
import { rememberDashboardRow } from './dashboard-ownership';
import { tabNamed } from '../sheets/tab-named';
import { plural } from '../../core/words';

/** The label of the dashboard's line about itself, in its "About these numbers" block. */
export const FRESHNESS_LABEL = 'Dashboard';
const KEY = 'tts.dashboard.freshness';
const MAX_FILES_NAMED = 3;

interface Freshness {
  /** Epoch ms of the last refresh, 0 before the first. */
  refreshedAt: number;
  /** Imports that added rows since then. */
  pending: { since: number; imports: number; rows: number; files: string[] } | null;
}

function load(): Freshness {
  return readStored<Freshness>(KEY, { refreshedAt: 0, pending: null }, (stored) =>
    typeof (stored as Freshness).refreshedAt === 'number' ? (stored as Freshness) : undefined,
  );
}

function save(state: Freshness): void {
  writeStored(KEY, state);
}

function clock(epochMs: number): string {
  return Utilities.formatDate(new Date(epochMs), spreadsheetTimeZone(), 'yyyy-MM-dd HH:mm');
}

function message(state: Freshness): string {
  if (state.refreshedAt === 0) return 'Not built yet: use Refresh dashboard.';
  const p = state.pending;
  if (!p) return `Up to date with TTS Ledger (refreshed ${clock(state.refreshedAt)}).`;
  const files =
    p.files.slice(0, MAX_FILES_NAMED).join(', ') + (p.files.length > MAX_FILES_NAMED ? ', …' : '');
  return (
    `Out of date: ${plural(p.rows, 'new ledger row')} from ${plural(p.imports, 'import')} since ${clock(p.since)} (${files}), not shown here. Use Refresh ` +
    `dashboard.`
  );
}

/** The dashboard's line about itself, right after a refresh (records the refresh). */
export function markDashboardRefreshed(now: Date): string {
  const state: Freshness = { refreshedAt: now.getTime(), pending: null };
  save(state);
  return message(state);
}

/** After an import: rows added to the ledger put a built dashboard out of date, and it says so. */
export function markLedgerChanged(fileName: string, rowsAdded: number, now: Date): void {
  if (rowsAdded <= 0) return;
  const state = load();
  if (state.refreshedAt === 0) return;
  const p = state.pending ?? { since: now.getTime(), imports: 0, rows: 0, files: [] };
  p.imports += 1;
  p.rows += rowsAdded;
  if (!p.files.includes(fileName)) p.files.push(fileName);
  state.pending = p;
  save(state);
  writeFreshnessLine(message(state));
}

/**
 * Rewrites the value beside the "Dashboard" label, found by its label among the columns the add-on
 * owns (a "Dashboard" the seller typed beside the charts is theirs and stays as it is).
 */
function writeFreshnessLine(text: string): void {
  const sheet = tabNamed(DASHBOARD_TAB);
  if (!sheet || sheet.getLastRow() === 0) return;
  const values = sheet
    .getRange(1, 1, sheet.getLastRow(), Math.min(OWNED_COLUMNS, sheet.getMaxColumns()))
    .getValues();
  for (let r = 0; r < values.length; r++) {
    const c = values[r].indexOf(FRESHNESS_LABEL);
    if (c >= 0 && c + 1 < values[r].length) {
      sheet
        .getRange(r + 1, c + 2)
        .setNumberFormat('@')
        .setValue(textCell(text));
      rememberDashboardRow(sheet, r + 1);
      return;
    }
  }
}

export function getDashboardFreshness(_arg: null): DashboardFreshness {
  const state = load();
  return { exists: state.refreshedAt > 0, stale: state.pending !== null, message: message(state) };
}
