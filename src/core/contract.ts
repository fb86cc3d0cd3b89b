/**
 * The typed call contract between the sidebar and the server. Every `google.script.run` target
 * the sidebar may call is listed here with its one argument and its result; the server's handler
 * table is typed against it (src/server/handlers.ts) and so is the sidebar's wrapper
 * (src/sidebar/server-client.ts), so a misspelt handler name is a type error on both sides.
 *
 * Everything here crosses HtmlService's serializer: plain objects, arrays, strings, numbers,
 * booleans, null. Never `Date` (send ISO text) and never `undefined` inside arrays.
 */
import type { LayoutId, LedgerRow } from './types';

/** Settings the seller keeps per spreadsheet (document properties). */
export interface Settings {
  /** Monthly sales target in dollars (default 65,000). */
  monthlyTarget: number;
  /** Annual sales target in dollars (default 1,000,000). */
  annualTarget: number;
  /** Which sales figure counts toward the targets. */
  metric: SalesMetric;
}

export type SalesMetric = 'gross' | 'net' | 'settlement';

export const DEFAULT_SETTINGS: Settings = { monthlyTarget: 65_000, annualTarget: 1_000_000, metric: 'gross' };

/** Announces one file before its rows are sent. */
export interface BeginImportRequest {
  fileName: string;
  layout: LayoutId;
  layoutLabel: string;
  period: { first: string; last: string };
  rowsTotal: number;
  rejected: number;
  settlementCents: number;
  netSalesCents: number;
  feesCents: number;
  /** `OK`, or e.g. `3 rows differ` (shown as is in the TTS Imports tab). */
  reconciliation: string;
  /** Catalog ids of the amount columns that are non-zero in at least one row of the file. */
  amountIds: string[];
  /** Headers of columns the catalog does not know, kept as text columns in the ledger. */
  unknownColumns: string[];
}

export interface BeginImportResult {
  importId: string;
}

/** One chunk of normalized rows (well under 2 MB); sent one at a time. */
export interface ImportChunkRequest {
  importId: string;
  chunkIndex: number;
  rows: LedgerRow[];
}

export interface ImportChunkResult {
  /** Rows of this chunk appended to the ledger. */
  written: number;
  /** Rows of this chunk skipped because their key is already in the ledger (or earlier in the chunk). */
  duplicates: number;
}

export interface FinishImportRequest {
  importId: string;
  status: 'complete' | 'cancelled' | 'failed';
  message?: string;
}

export interface ImportSummary {
  importId: string;
  fileName: string;
  written: number;
  duplicates: number;
  rejected: number;
  status: FinishImportRequest['status'];
  /** New SKUs added to the TTS COGS tab for the seller to fill in. */
  cogsAdded: number;
}

/** What *Refresh dashboard* did, for the sidebar and the menu's toast. */
export interface DashboardResult {
  message: string;
  months: number;
  charts: number;
}

/** Every sidebar → server call: name → (argument) => result. */
export interface ServerApi {
  refreshDashboard(arg: null): DashboardResult;
  getSettings(arg: null): Settings;
  saveSettings(arg: Settings): Settings;
  beginImport(arg: BeginImportRequest): BeginImportResult;
  importChunk(arg: ImportChunkRequest): ImportChunkResult;
  finishImport(arg: FinishImportRequest): ImportSummary;
}

export type ServerHandlerName = keyof ServerApi;
