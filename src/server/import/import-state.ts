/**
 * An import's state between its calls (each `google.script.run` call is a separate execution),
 * kept in document properties: small (well under the 9 KB per value), shared by every editor, and
 * enough to close the TTS Imports row if the sidebar disappears mid-import.
 */
import { spreadsheetTimeZone } from '../sheets/sheet-dates';
import { documentProperties } from '../document-store';

const PREFIX = 'tts.import.';

/** An import with no call for this long is over: one execution is capped at 6 minutes. */
export const STALE_AFTER_MS = 10 * 60 * 1000;

/** The TTS Imports message of a file whose import was cancelled in the sidebar. */
export const CANCELLED = 'Cancelled in the sidebar; import the file again to add the rest.';
/** Why importing a file again after an interruption is safe. */
export const SKIPPED = 'rows already written are skipped.';

export interface ImportState {
  importId: string;
  fileName: string;
  /** The sidebar's words on rows repeated inside the file and written once: kept in the log's Message. */
  repeats?: string;
  rejected: number;
  written: number;
  duplicates: number;
  /** First and last TTS Ledger row this import wrote (0 when none), for the COGS pre-fill. */
  firstRow: number;
  lastRow: number;
  updatedAt: number;
}

const store = documentProperties;

/** `20260515-143012345-k3f9`: sortable by time, readable in the ledger, unique enough per spreadsheet. */
export function newImportId(now: Date): string {
  // The clock of the spreadsheet's zone, as the Imported at cell beside it shows the same instant.
  // Milliseconds too: of two On-hold downloads of one order line, the later import's estimate counts.
  const stamp = Utilities.formatDate(now, spreadsheetTimeZone(), 'yyyyMMdd-HHmmssSSS');
  const random = Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `${stamp}-${random}`;
}

export function saveImportState(state: ImportState): void {
  store().setProperty(PREFIX + state.importId, JSON.stringify(state));
}

export function loadImportState(importId: string): ImportState {
  const raw = store().getProperty(PREFIX + importId);
  if (!raw)
    throw new Error(
      `Import ${importId} is not open (it was finished, or never started). Start the import again; ${SKIPPED}`,
    );
  return JSON.parse(raw) as ImportState;
}

export function deleteImportState(importId: string): void {
  store().deleteProperty(PREFIX + importId);
}

/** Imports left open for longer than STALE_AFTER_MS: their sidebar was closed or lost. */
export function staleImports(now: number): ImportState[] {
  const all = store().getProperties();
  const stale: ImportState[] = [];
  for (const [key, raw] of Object.entries(all)) {
    if (!key.startsWith(PREFIX)) continue;
    try {
      const state = JSON.parse(raw) as ImportState;
      if (now - state.updatedAt > STALE_AFTER_MS) stale.push(state);
    } catch {
      store().deleteProperty(key);
    }
  }
  return stale;
}
